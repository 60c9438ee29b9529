// Issue 18, the command line and its messages: every reproduction of the
// issue ends in a documented exit code and message, each run under a
// timeout (a hang fails the test instead of stopping the suite).

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include "child.hpp"

#include <impactkit/core/file_io.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using impactkit::test::TempDir;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Runs impactkit and waits at most `seconds`; killed and failed when it takes longer.
impactkit::test::Result run_within(const std::vector<std::string>& args, int seconds = 120) {
  impactkit::test::Child child(args);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (child.running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const bool hung = child.running();
  if (hung) child.kill();
  BOOST_TEST_REQUIRE(!hung, "impactkit did not end within " << seconds << " s");
  const int code = child.wait();
  return {code >= 0 ? code : -1, child.out(), child.err()};
}

std::string source() {
  return impactkit::test::source_dir().string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(untrusted_command_line)

BOOST_AUTO_TEST_CASE(a_language_named_twice_as_two_options_is_built_once) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  const auto r =
      run_within({"build", "-C", source(), "-o", out.string(), "--only", "posters", "--lang", "nl", "--lang", "nl",
                  "--poster", "route", "--case", "warmtepomp-staphorst", "--size", "A3", "--preview-dpi", "0"});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  BOOST_TEST(fs::is_regular_file(out / "posters/nl/A3/warmtepomp-staphorst-route.pdf"));
}

BOOST_AUTO_TEST_CASE(nan_infinity_and_words_in_size_are_command_line_errors) {
  for (const std::string size : {"nanx100", "100xnan", "infx100", "-infx100", "NANxNAN", "axb", "100x", "1e999x100"}) {
    TempDir dir;
    const auto r = run_within({"build", "-C", source(), "-o", (dir.path() / "out").string(), "--only", "posters",
                               "--size", size, "--poster", "route", "--case", "warmtepomp-staphorst"});
    BOOST_TEST(r.exit_code == 64, size << ": " << r.err);
    BOOST_TEST(contains(r.err, "--size: error: " + size + " is not a poster size"), r.err);
    BOOST_TEST(!fs::exists(dir.path() / "out/posters"), size);
  }
}

BOOST_AUTO_TEST_CASE(an_unknown_language_is_64_for_every_product) {
  for (const std::string only : {"posters", "cards", "laser", "wheel"}) {
    TempDir dir;
    const auto r =
        run_within({"build", "-C", source(), "-o", (dir.path() / "out").string(), "--only", only, "--lang", "xx"});
    BOOST_TEST(r.exit_code == 64, only << ": " << r.err);
    BOOST_TEST(contains(r.err, "--lang: error: xx is not one of this roadshow's languages"), r.err);
  }
}

BOOST_AUTO_TEST_CASE(json_report_of_a_path_that_is_not_utf8_is_valid_json) {
  TempDir dir;
  const std::string out = (dir.path() / "o\xff\xfe").string();
  const auto r = run_within({"build", "-C", source(), "-o", out, "--only", "wheel", "--json"});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  BOOST_TEST(!contains(r.err, "internal error"), r.err);
  const auto doc = nlohmann::json::parse(r.out);  // throws, failing the test, on invalid JSON
  BOOST_TEST(doc["exit_code"].get<int>() == 0);
  // Each byte that is not UTF-8 is U+FFFD.
  BOOST_TEST(contains(doc["output"].get<std::string>(), "o\xEF\xBF\xBD\xEF\xBF\xBD"), doc["output"]);
  BOOST_TEST(fs::is_directory(fs::path(out) / "wheel"));
}

BOOST_AUTO_TEST_CASE(control_characters_from_content_are_escaped_in_messages) {
  TempDir dir;
  impactkit::test::compose_fixture(dir.path());
  const fs::path case_file = dir.path() / "cases/alpha.yaml";
  std::string text = impactkit::read_file(case_file).value();
  const auto at = text.find("\ntheme: ");
  BOOST_TEST_REQUIRE(at != std::string::npos);
  text.replace(at + 1, text.find('\n', at + 1) - at - 1, "theme: \"\\e]0;pwned\\a\\e[2J\\x9b\"");
  std::ofstream(case_file) << text;
  for (const std::string command : {"validate", "build"}) {
    std::vector<std::string> args = {command, "-C", dir.path().string()};
    if (command == "build") args.insert(args.end(), {"-o", (dir.path() / "out").string()});
    const auto r = run_within(args);
    BOOST_TEST(r.exit_code == 2, command << ": " << r.err);
    BOOST_TEST(r.err.find('\x1b') == std::string::npos, r.err);
    BOOST_TEST(r.err.find('\a') == std::string::npos, r.err);
    BOOST_TEST(contains(r.err, "\\e]0;pwned\\x07\\e[2J\\x9b"), r.err);
  }
}

BOOST_AUTO_TEST_CASE(a_truncated_jpeg_logo_stops_the_build_naming_it) {
  // It was printed two-thirds grey with exit code 0, and preflight passed it.
  TempDir dir;
  impactkit::test::compose_fixture(dir.path());
  const std::string photo =
      impactkit::read_file(impactkit::test::source_dir() / "tests/print/fixtures/photo.jpg").value();
  fs::create_directories(dir.path() / "assets");
  std::ofstream(dir.path() / "assets/logo.jpg", std::ios::binary) << photo.substr(0, photo.size() * 2 / 3);
  std::ofstream(dir.path() / "theme.yaml", std::ios::app) << "logo: assets/logo.jpg\n";
  const fs::path out = dir.path() / "out";
  const auto r = run_within({"build", "-C", dir.path().string(), "-o", out.string(), "--only", "posters", "--poster",
                             "intro", "--preview-dpi", "0"});
  BOOST_TEST(r.exit_code == 3, r.err);
  BOOST_TEST(contains(r.err, "assets/logo.jpg': broken JPEG: Premature end of JPEG file"), r.err);
  BOOST_TEST(!fs::exists(out / "posters"));
}

// Issue 18: a build ran until std::bad_alloc, or until the machine ran out.
// The command caps its data at the build's memory budget (4 GB,
// limits::max_build_memory_bytes); what a build reports when it runs out is
// tested in tests/posters/template_test.cpp.
BOOST_AUTO_TEST_CASE(the_command_runs_within_the_memory_budget) {
#if defined(__SANITIZE_ADDRESS__)
  BOOST_TEST_MESSAGE("not under AddressSanitizer, whose shadow memory counts as data");
#else
  TempDir dir;
  impactkit::test::Child watch(
      {"watch", "-C", source(), "-o", (dir.path() / "out").string(), "--only", "wheel", "--max-builds", "2"});
  std::string limits;
  for (int i = 0; i < 500 && watch.running() && !contains(limits, "4294967296"); ++i) {
    limits = impactkit::read_file(fs::path("/proc") / std::to_string(watch.pid()) / "limits").value_or("");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  watch.kill();
  std::string data_line;
  for (std::size_t at = limits.find("Max data size"); at != std::string::npos;) {
    data_line = limits.substr(at, limits.find('\n', at) - at);
    break;
  }
  BOOST_TEST(contains(data_line, "4294967296"), data_line);
#endif
}

BOOST_AUTO_TEST_SUITE_END()
