// Every bad-input fixture (tests/fixtures/bad/*) gives its expected
// diagnostics, at the expected line and column, from the library and from
// `impactkit validate` (exit code 2).

#include <impactkit/content/loader.hpp>

#include "support.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>

namespace fs = std::filesystem;
namespace data = boost::unit_test::data;
using namespace impactkit;
using test::TempDir;

namespace {

// The diagnostics as printed, with the temporary root's prefix removed so
// that paths read as in the fixture: "cases/alpha.yaml:5:1: error: …".
std::string printed(const Diagnostics& diagnostics, const fs::path& root) {
  std::string out;
  for (const auto& d : diagnostics.all()) out += format(d) + "\n";
  const std::string prefix = root.string() + "/";
  for (std::size_t at; (at = out.find(prefix)) != std::string::npos;) out.erase(at, prefix.size());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(there_are_at_least_25_distinct_fixtures) {
  BOOST_TEST(test::bad_fixture_names().size() >= 25u);
}

BOOST_DATA_TEST_CASE(fixture_gives_its_error_at_its_position, data::make(test::bad_fixture_names()), name) {
  TempDir dir;
  test::compose_fixture(dir.path(), name);
  const auto expected = test::read_lines(test::source_dir() / "tests/fixtures/bad" / name / "expected.txt");
  BOOST_TEST_REQUIRE(!expected.empty(), "fixture " << name << " has no expected.txt");

  Diagnostics diagnostics;
  content::load_roadshow(dir.path(), diagnostics);
  BOOST_TEST(diagnostics.has_errors());
  const std::string messages = printed(diagnostics, dir.path());
  for (const auto& line : expected) {
    BOOST_TEST(messages.find(line + "\n") != std::string::npos, name << ": expected\n  " << line << "\ngot\n"
                                                                     << messages);
  }

  // The same through the command line, run from inside the root.
  const auto result = test::run_impactkit({"validate"}, dir.path());
  BOOST_TEST(result.exit_code == 2);
  for (const auto& line : expected) {
    BOOST_TEST(result.err.find(line + "\n") != std::string::npos, name << ": validate printed\n" << result.err);
  }
}

BOOST_AUTO_TEST_SUITE_END()
