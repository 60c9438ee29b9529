// `add_new_case`: a valid skeleton, listed in roadshow.yaml, never
// overwriting.

#include <impactkit/content/loader.hpp>
#include <impactkit/content/new_case.hpp>
#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

namespace fs = std::filesystem;
using namespace impactkit;
using test::TempDir;

namespace {

std::vector<std::string> case_ids(const fs::path& root, Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  for (const auto& c : content::load_roadshow(root, diagnostics).cases) ids.push_back(c.id);
  return ids;
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

BOOST_AUTO_TEST_CASE(a_new_case_validates_and_is_listed_after_the_others) {
  TempDir dir;
  test::compose_fixture(dir.path());
  const auto before = read_file(dir.path() / "roadshow.yaml").value();
  const auto result = content::add_new_case(dir.path(), "nieuwe-case");
  BOOST_TEST(result.listed);
  BOOST_TEST(fs::exists(dir.path() / "cases/nieuwe-case.yaml"));
  Diagnostics diagnostics;
  BOOST_TEST((case_ids(dir.path(), diagnostics) == std::vector<std::string>{"alpha", "nieuwe-case"}));
  for (const auto& d : diagnostics.all()) BOOST_TEST_MESSAGE(format(d));
  BOOST_TEST(diagnostics.all().empty());
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
  BOOST_TEST(!diagnostics.has_errors());
}

BOOST_AUTO_TEST_CASE(works_with_an_empty_list) {
  TempDir dir;
  test::compose_fixture(dir.path());
  set_case_list(dir.path(), "cases:\n  - alpha\n", "cases: []\n");
  fs::remove(dir.path() / "cases/alpha.yaml");
  content::add_new_case(dir.path(), "beta");
  Diagnostics diagnostics;
  BOOST_TEST((case_ids(dir.path(), diagnostics) == std::vector<std::string>{"beta"}));
  BOOST_TEST(!diagnostics.has_errors());
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
