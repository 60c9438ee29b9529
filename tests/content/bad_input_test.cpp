// Every bad-input fixture (tests/fixtures/bad/*) gives its expected
// diagnostics, at the expected line and column, from the library
// (pipeline::validate) and from `impactkit validate` (exit code 2) -- or, for a fixture with a
// command.txt, from that command (`build --only …`) with its exit code.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/pipeline/validate.hpp>

#include <fmt/format.h>

#include "support.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

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

// Issue 9: at least 50 bad inputs, of content, templates, theme, locales and
// exhibit geometry.
BOOST_AUTO_TEST_CASE(there_are_at_least_50_distinct_fixtures) {
  BOOST_TEST(test::bad_fixture_names().size() >= 50u);
}

// docs/limits.md documents every fixture with its error, and the numbers of
// lib/impactkit/core/limits.hpp: the docs and the code agree.
BOOST_AUTO_TEST_CASE(docs_limits_md_lists_every_fixture_and_limit) {
  const std::string docs = read_file(test::source_dir() / "docs/limits.md").value_or("");
  BOOST_TEST_REQUIRE(!docs.empty());
  for (const auto& name : test::bad_fixture_names()) {
    BOOST_TEST(docs.find("| `" + name + "` |") != std::string::npos, "docs/limits.md lacks fixture " << name);
    auto first = test::read_lines(test::source_dir() / "tests/fixtures/bad" / name / "expected.txt").at(0);
    for (std::size_t at = 0; (at = first.find('|', at)) != std::string::npos; at += 2) first.insert(at, "\\");
    BOOST_TEST(docs.find(first) != std::string::npos, "docs/limits.md lacks the error of " << name);
  }
  for (const std::string& value :
       {fmt::format("{} bytes", limits::max_yaml_file_bytes), fmt::format("{} levels", limits::max_yaml_depth),
        fmt::format("| {} |", limits::max_yaml_nodes), fmt::format("| {} |", limits::max_text_chars),
        fmt::format("{} px on a side, {} megapixels", limits::max_image_side_px, limits::max_image_pixels / 1'000'000),
        fmt::format("| {} |", limits::max_cases),
        fmt::format("| {} to {} |", limits::min_wheel_sectors, limits::max_wheel_sectors),
        fmt::format("| {} |", limits::max_deck_cards)}) {
    BOOST_TEST(docs.find(value) != std::string::npos, "docs/limits.md lacks '" << value << "'");
  }
}

BOOST_DATA_TEST_CASE(fixture_gives_its_error_at_its_position, data::make(test::bad_fixture_names()), name) {
  TempDir dir;
  test::compose_fixture(dir.path(), name);
  const fs::path fixture = test::source_dir() / "tests/fixtures/bad" / name;
  const auto expected = test::read_lines(fixture / "expected.txt");
  BOOST_TEST_REQUIRE(!expected.empty(), "fixture " << name << " has no expected.txt");
  // Every message names its place, file:line:col, so that the user can go
  // there; only a file that is not there at all has no line. Indented lines
  // are the "expected:" and "fix:" lines under a message.
  const auto removed = test::read_lines(fixture / "remove.txt");
  for (const auto& line : expected) {
    if (line.starts_with(' ')) continue;
    BOOST_TEST(line.find(": error: ") != std::string::npos, name << ": not an error message: " << line);
    const std::string file = line.substr(0, line.find(':'));
    int row = 0;
    int column = 0;
    const bool placed = std::sscanf(line.c_str() + file.size(), ":%d:%d:", &row, &column) == 2 && row > 0 && column > 0;
    const bool absent = std::find(removed.begin(), removed.end(), file) != removed.end();
    BOOST_TEST((file.ends_with(".yaml") && (placed || absent)), name << ": names no file:line:col: " << line);
  }
  const auto exit_lines = test::read_lines(fixture / "exit.txt");
  const int exit_code = exit_lines.empty() ? 2 : std::stoi(exit_lines.front());
  const auto command_lines = test::read_lines(fixture / "command.txt");

  if (!command_lines.empty()) {
    // An error the content check cannot see (a template, a locale, the
    // geometry of the exhibit): validate passes, the command fails.
    BOOST_TEST(test::run_impactkit({"validate"}, dir.path()).exit_code == 0, name << ": validate should pass");
    std::vector<std::string> args;
    std::istringstream words(command_lines.front());
    for (std::string word; words >> word;) args.push_back(word);
    TempDir output;
    if (args.front() == "build") {
      // Only the product involved, and no previews: the suite stays fast.
      args.insert(args.end(), {"-o", output.path().string(), "--preview-dpi", "0"});
    }
    const auto result = test::run_impactkit(args, dir.path());
    BOOST_TEST(result.exit_code == exit_code, name << ": exit code " << result.exit_code << ", printed\n"
                                                   << result.err);
    for (const auto& line : expected) {
      BOOST_TEST(result.err.find(line + "\n") != std::string::npos, name << ": expected\n  " << line << "\ngot\n"
                                                                         << result.err);
    }
    // A build with errors writes nothing (but its lock, in .impactkit/).
    std::size_t written = 0;
    for (const auto& entry : fs::recursive_directory_iterator(output.path())) {
      const bool own = entry.path().string().find("/.impactkit/") != std::string::npos;
      written += entry.is_regular_file() && !own;
    }
    BOOST_TEST(written == 0u, name << ": the failed build wrote " << written << " files");
    return;
  }

  // The library's validate: the content, and what the content stage cannot
  // check alone (the theme's fonts).
  Diagnostics diagnostics;
  pipeline::validate(dir.path(), diagnostics);
  BOOST_TEST(diagnostics.has_errors());
  const std::string messages = printed(diagnostics, dir.path());
  for (const auto& line : expected) {
    BOOST_TEST(messages.find(line + "\n") != std::string::npos, name << ": expected\n  " << line << "\ngot\n"
                                                                     << messages);
  }

  // The same through the command line, run from inside the root.
  const auto result = test::run_impactkit({"validate"}, dir.path());
  BOOST_TEST(result.exit_code == exit_code);
  for (const auto& line : expected) {
    BOOST_TEST(result.err.find(line + "\n") != std::string::npos, name << ": validate printed\n" << result.err);
  }
}

BOOST_AUTO_TEST_SUITE_END()
