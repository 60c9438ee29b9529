// `add_new_case`: a valid skeleton, listed in roadshow.yaml, never
// overwriting.

#include <impactkit/content/loader.hpp>
#include <impactkit/content/new_case.hpp>
#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>

namespace fs = std::filesystem;
using namespace impactkit;
using test::TempDir;

namespace {

std::vector<std::string> case_ids(const fs::path& root, Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  for (const auto& c : content::load_roadshow(root, diagnostics).cases) ids.push_back(c.id);
  return ids;
}

// Every error is an unreplaced placeholder of the new case, at a line of the
// file that holds one; and every placeholder is reported.
void expect_only_placeholder_errors(const fs::path& root, const std::string& id, const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  std::istringstream text(read_file(root / "cases" / (id + ".yaml")).value());
  for (std::string line; std::getline(text, line);) lines.push_back(line);
  std::size_t placeholders = 0;
  for (const auto& line : lines) placeholders += line.find("<<") != std::string::npos && !line.starts_with("#");
  BOOST_TEST(diagnostics.error_count() == placeholders);
  for (const auto& d : diagnostics.all()) {
    BOOST_TEST(d.message.find("is still a placeholder") != std::string::npos, d.message);
    BOOST_TEST(d.pos.file.ends_with(id + ".yaml"), d.pos.file);
    BOOST_TEST_REQUIRE(d.pos.line >= 1);
    BOOST_TEST(lines.at(static_cast<std::size_t>(d.pos.line - 1)).find("<<") != std::string::npos, d.pos.line);
    BOOST_TEST(d.pos.column > 1);
  }
}

void set_case_list(const fs::path& root, const std::string& from, const std::string& to) {
  std::string text = read_file(root / "roadshow.yaml").value();
  text.replace(text.find(from), from.size(), to);
  write_file_atomically(root / "roadshow.yaml", text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(new_case)

BOOST_AUTO_TEST_CASE(ids) {
  BOOST_TEST(content::is_valid_id("warmtepomp-staphorst"));
  BOOST_TEST(content::is_valid_id("natura2000"));
  BOOST_TEST(!content::is_valid_id(""));
  BOOST_TEST(!content::is_valid_id("Warmtepomp"));
  BOOST_TEST(!content::is_valid_id("a--b"));
  BOOST_TEST(!content::is_valid_id("-a"));
  BOOST_TEST(!content::is_valid_id("a_b"));
  BOOST_TEST(!content::is_valid_id("../x"));
}

BOOST_AUTO_TEST_CASE(a_new_case_is_listed_after_the_others_and_its_placeholders_are_errors) {
  TempDir dir;
  test::compose_fixture(dir.path());
  const auto before = read_file(dir.path() / "roadshow.yaml").value();
  const auto result = content::add_new_case(dir.path(), "nieuwe-case");
  BOOST_TEST(result.listed);
  BOOST_TEST(fs::exists(dir.path() / "cases/nieuwe-case.yaml"));
  Diagnostics diagnostics;
  BOOST_TEST((case_ids(dir.path(), diagnostics) == std::vector<std::string>{"alpha", "nieuwe-case"}));
  // The skeleton's placeholders never reach a poster: each is an error at
  // its place until it is replaced.
  expect_only_placeholder_errors(dir.path(), "nieuwe-case", diagnostics);
  BOOST_TEST(diagnostics.error_count() > 15u);
  // Only the one line was added; comments and layout stay.
  const auto after = read_file(dir.path() / "roadshow.yaml").value();
  BOOST_TEST(after.size() == before.size() + std::string("  - nieuwe-case\n").size());
  BOOST_TEST(after.starts_with("# A small valid content root."));
}

BOOST_AUTO_TEST_CASE(works_with_a_flow_list) {
  TempDir dir;
  test::compose_fixture(dir.path());
  set_case_list(dir.path(), "cases:\n  - alpha\n", "cases: [alpha]  # in order\n");
  content::add_new_case(dir.path(), "beta");
  Diagnostics diagnostics;
  BOOST_TEST((case_ids(dir.path(), diagnostics) == std::vector<std::string>{"alpha", "beta"}));
  expect_only_placeholder_errors(dir.path(), "beta", diagnostics);
}

BOOST_AUTO_TEST_CASE(works_with_an_empty_list) {
  TempDir dir;
  test::compose_fixture(dir.path());
  set_case_list(dir.path(), "cases:\n  - alpha\n", "cases: []\n");
  fs::remove(dir.path() / "cases/alpha.yaml");
  content::add_new_case(dir.path(), "beta");
  Diagnostics diagnostics;
  BOOST_TEST((case_ids(dir.path(), diagnostics) == std::vector<std::string>{"beta"}));
  expect_only_placeholder_errors(dir.path(), "beta", diagnostics);
}

// The skeleton speaks the roadshow's default language.
BOOST_AUTO_TEST_CASE(the_skeleton_is_in_the_roadshows_language) {
  TempDir dir;
  test::compose_fixture(dir.path());
  content::add_new_case(dir.path(), "beta");
  BOOST_TEST(read_file(dir.path() / "cases/beta.yaml").value().find("# Een case van de roadshow") == 0u);
  set_case_list(dir.path(), "  default: nl\n  available: [nl, en]\n", "  default: en\n  available: [en, nl]\n");
  content::add_new_case(dir.path(), "gamma");
  const auto english = read_file(dir.path() / "cases/gamma.yaml").value();
  BOOST_TEST(english.find("# A case of the roadshow") == 0u);
  BOOST_TEST(english.find("title: <<the case's title") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(never_overwrites_a_case) {
  TempDir dir;
  test::compose_fixture(dir.path());
  const auto before = read_file(dir.path() / "cases/alpha.yaml").value();
  BOOST_CHECK_THROW(content::add_new_case(dir.path(), "alpha"), content::NewCaseError);
  BOOST_TEST(read_file(dir.path() / "cases/alpha.yaml").value() == before);
}

BOOST_AUTO_TEST_CASE(needs_a_content_root) {
  TempDir dir;
  BOOST_CHECK_THROW(content::add_new_case(dir.path(), "alpha"), content::NewCaseError);
  BOOST_TEST(!fs::exists(dir.path() / "cases"));
}

BOOST_AUTO_TEST_SUITE_END()
