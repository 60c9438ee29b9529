// The YAML tree under the loader (libyaml's events, lib/impactkit/content/
// detail/yaml_tree): values resolve and are placed as the loader's messages
// have always placed them.

#include <impactkit/content/loader.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

namespace fs = std::filesystem;
using namespace impactkit;
using test::TempDir;

namespace {

// The errors of loading the minimal root with one replacement in alpha.yaml.
std::vector<Diagnostic> errors_with(const std::string& from, const std::string& to) {
  TempDir dir;
  test::compose_fixture(dir.path());
  test::replace_in(dir.path() / "cases/alpha.yaml", from, to);
  Diagnostics diagnostics;
  content::load_roadshow(dir.path(), diagnostics);
  return diagnostics.all();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_tree)

BOOST_AUTO_TEST_CASE(a_quoted_null_is_a_text_a_plain_one_is_nothing) {
  BOOST_TEST(errors_with("subtitle: Een testcase", "subtitle: \"null\"").empty());
  BOOST_TEST(errors_with("subtitle: Een testcase", "subtitle: '~'").empty());
  for (const char* nothing : {"~", "null", "Null", "NULL"}) {
    const auto errors = errors_with("subtitle: Een testcase", std::string("subtitle: ") + nothing);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message == "'subtitle' must be a text, not nothing");
  }
}

BOOST_AUTO_TEST_CASE(columns_count_bytes_as_before) {
  // "é" is two bytes: 99 starts at byte 13 of the line.
  const auto errors = errors_with("sdgs: [7, 13]", "sdgs: [\"é\", 99]");
  BOOST_TEST_REQUIRE(errors.size() == 2u);
  BOOST_TEST(errors[1].pos.line == 7);
  BOOST_TEST(errors[1].pos.column == 14);
}

BOOST_AUTO_TEST_CASE(an_empty_item_is_placed_at_the_next_token) {
  // As yaml-cpp placed it: past the comment, at the next line's '-'.
  const auto errors = errors_with("sdgs: [7, 13]", "sdgs:\n  - 7\n  -   # none\n  - 13");
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].pos.line == 10);
  BOOST_TEST(errors[0].pos.column == 3);
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_are_a_syntax_error_at_their_place) {
  const auto errors = errors_with("headline: Kop", "headline: K\xff");
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].message.starts_with("YAML syntax error: "), errors[0].message);
  BOOST_TEST(errors[0].pos.line == 8);
  BOOST_TEST(errors[0].pos.column == 12);
}

BOOST_AUTO_TEST_CASE(an_alias_is_the_node_it_names) {
  BOOST_TEST(errors_with("headline: Kop", "headline: &kop Kop\nquote:\n  text: *kop\n  by: Iemand").empty());
  const auto errors = errors_with("headline: Kop", "headline: *nergens");
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].message == "YAML syntax error: found undefined alias");
  BOOST_TEST(errors[0].pos.column == 11);
}

BOOST_AUTO_TEST_SUITE_END()
