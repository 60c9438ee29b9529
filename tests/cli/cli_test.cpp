// The impactkit command as a user runs it: exit codes, output, help.

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <impactkit/version.hpp>

#include "child.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using impactkit::test::run_impactkit;
using impactkit::test::TempDir;

namespace {
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The lines of `text` that begin an error: "FILE:LINE:COL: error: …" or "error: …".
std::vector<std::string> error_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("error: ") || contains(line, ": error: ")) out.push_back(line);
  }
  return out;
}

// Checks that `err` has errors, each printed once.
void check_each_error_once(const std::string& err) {
  const auto errors = error_lines(err);
  BOOST_TEST(!errors.empty(), err);
  const std::set<std::string> distinct(errors.begin(), errors.end());
  BOOST_TEST(distinct.size() == errors.size(), err);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(validate_passes_on_the_repository_roadshow) {
  const auto r = run_impactkit({"validate", "-C", impactkit::test::source_dir().string()});
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(contains(r.out, "valid: 'Inkopen met Impact', 6 cases"));
  BOOST_TEST(contains(r.out, "0 errors, 0 warnings"));
  BOOST_TEST(r.err.empty());
}

// The benchmark's own content root goes with the repository's templates: a
// template that names a new style or label must find it there too, or the
// benchmark measures an error message.
BOOST_AUTO_TEST_CASE(validate_passes_on_the_benchmark_roadshow) {
  const auto r = run_impactkit({"validate", "-C", (impactkit::test::source_dir() / "bench/poster-600").string()});
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(contains(r.out, "0 errors, 0 warnings"), r.out);
}

BOOST_AUTO_TEST_CASE(root_as_argument_or_option_or_current_folder) {
  const auto src = impactkit::test::source_dir();
  BOOST_TEST(run_impactkit({"validate", src.string()}).exit_code == 0);
  BOOST_TEST(run_impactkit({"-C", src.parent_path().string(), "validate", src.filename().string()}).exit_code == 0);
  BOOST_TEST(run_impactkit({"validate"}, src).exit_code == 0);
  const auto r = run_impactkit({"validate", "/nonexistent"});
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(contains(r.err, "/nonexistent: error: the content root '/nonexistent' is not a folder"));
}

BOOST_AUTO_TEST_CASE(list_shows_cases_with_theme_sdgs_and_languages) {
  const auto r = run_impactkit({"list", "-C", impactkit::test::source_dir().string()});
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(contains(r.out, "CASE"));
  BOOST_TEST(contains(r.out, "warmtepomp-staphorst"));
  BOOST_TEST(contains(r.out, "energietransitie"));
  BOOST_TEST(contains(r.out, "hergebruik-brugonderdelen"));
  BOOST_TEST(contains(r.out, "6 cases"));
}

BOOST_AUTO_TEST_CASE(list_refuses_invalid_content) {
  TempDir dir;
  impactkit::test::compose_fixture(dir.path(), "unknown-theme");
  const auto r = run_impactkit({"list"}, dir.path());
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(contains(r.err, "cases/alpha.yaml:6:8: error: unknown theme 'energie-transitie'"));
  BOOST_TEST(r.out.empty());
}

BOOST_AUTO_TEST_CASE(init_then_build_works_at_once_and_init_never_overwrites) {
  const TempDir dir;
  const fs::path root = dir.path() / "roadshow-northfield";
  // Without --lang: English (tests/cli/init_test.cpp has both languages).
  const auto made = run_impactkit({"init", root.string(), "--organisation", "Northfield Council"});
  BOOST_TEST_REQUIRE(made.exit_code == 0, made.err);
  BOOST_TEST(contains(made.out, "new case"), made.out);
  for (const char* file : {"roadshow.yaml", "theme.yaml", "sdgs.yaml", "assets/logo.svg", "locales/en.yaml",
                           "cases/example-heat-pump.yaml", "cases/example-reused-materials.yaml",
                           "cases/example-reserved-contract.yaml"}) {
    BOOST_TEST(fs::exists(root / file), file);
  }
  BOOST_TEST(!fs::exists(root / "locales/nl.yaml"));
  const auto valid = run_impactkit({"validate", "-C", root.string()});
  BOOST_TEST(valid.exit_code == 0, valid.err);
  BOOST_TEST(contains(valid.out, "valid: 'Buying for Impact', 3 cases"), valid.out);
  const auto built = run_impactkit({"build", "-C", root.string(), "--preview-dpi", "0", "--only", "posters,cards"});
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  BOOST_TEST(contains(built.out, "posters   11 PDFs"), built.out);
  BOOST_TEST(contains(built.out, "cards    en"), built.out);
  BOOST_TEST(fs::exists(root / "output/posters/en/A1/intro.pdf"));
  // The organisation's name is where a PDF says who made it.
  BOOST_TEST(
      contains(impactkit::test::run_shell("pdfinfo '" + (root / "output/posters/en/A1/intro.pdf").string() + "'"),
               "Northfield Council"));
  // A second init into the same folder refuses and changes nothing.
  const auto before = impactkit::test::run_shell("cat '" + (root / "roadshow.yaml").string() + "'");
  const auto again = run_impactkit({"init", root.string(), "--organisation", "Someone else"});
  BOOST_TEST(again.exit_code == 3);
  BOOST_TEST(contains(again.err, "init never overwrites"), again.err);
  BOOST_TEST(impactkit::test::run_shell("cat '" + (root / "roadshow.yaml").string() + "'") == before);
}

// A new case's placeholders are errors until they are replaced: each once,
// at its file:line:col, so that a skeleton never reaches a poster.
BOOST_AUTO_TEST_CASE(new_case_then_validate_reports_each_placeholder) {
  TempDir dir;
  impactkit::test::compose_fixture(dir.path());
  const auto made = run_impactkit({"new", "case", "x"}, dir.path());
  BOOST_TEST(made.exit_code == 0, made.err);
  BOOST_TEST(contains(made.out, "wrote cases/x.yaml"));
  const auto checked = run_impactkit({"validate"}, dir.path());
  BOOST_TEST(checked.exit_code == 2, checked.err);
  check_each_error_once(checked.err);
  const auto errors = error_lines(checked.err);
  BOOST_TEST(errors.size() > 15u);
  for (const auto& line : errors) {
    BOOST_TEST(line.starts_with("cases/x.yaml:"), line);
    BOOST_TEST(contains(line, "is still a placeholder: '<<"), line);
  }
  BOOST_TEST(contains(checked.err, "cases/x.yaml:12:8: error: 'title' is still a placeholder"), checked.err);
}

BOOST_AUTO_TEST_CASE(new_case_refuses_to_overwrite_and_bad_ids) {
  TempDir dir;
  impactkit::test::compose_fixture(dir.path());
  const auto again = run_impactkit({"new", "case", "alpha"}, dir.path());
  BOOST_TEST(again.exit_code == 3);
  BOOST_TEST(contains(again.err, "exists already"));
  const auto bad = run_impactkit({"new", "case", "Bad_Id"}, dir.path());
  BOOST_TEST(bad.exit_code == 64);
  BOOST_TEST(contains(bad.err, "'Bad_Id' is not a valid case id"));
  BOOST_TEST(!fs::exists(dir.path() / "cases/Bad_Id.yaml"));
}

BOOST_AUTO_TEST_CASE(version_and_help) {
  const auto v = run_impactkit({"--version"});
  BOOST_TEST(v.exit_code == 0);
  BOOST_TEST(contains(v.out, std::string("impactkit ") + impactkit::version));
  for (const auto& args : std::vector<std::vector<std::string>>{{"--help"},
                                                                {"validate", "--help"},
                                                                {"list", "--help"},
                                                                {"new", "--help"},
                                                                {"new", "case", "--help"},
                                                                {"init", "--help"}}) {
    const auto h = run_impactkit(args);
    BOOST_TEST(h.exit_code == 0);
    BOOST_TEST(contains(h.out, "Usage:"), args.front());
  }
  BOOST_TEST(contains(run_impactkit({"--help"}).out, "Exit codes:"));
  BOOST_TEST(contains(run_impactkit({"validate", "--help"}).out, "2   the content has errors"));
  const auto init_help = run_impactkit({"init", "--help"}).out;
  BOOST_TEST(contains(init_help, "--lang"), init_help);
  BOOST_TEST(contains(init_help, "en or nl (default: en)"), init_help);
}

BOOST_AUTO_TEST_CASE(every_error_is_printed_once) {
  // A font family that is not installed: every product (posters in two
  // languages and two sizes, cards, laser, wheel) sets text in it and finds
  // it missing, yet each style's error is printed once, and counted once.
  TempDir dir;
  impactkit::test::compose_fixture(dir.path());
  impactkit::test::replace_in(dir.path() / "theme.yaml", "body: Inter", "body: Nonexistent Sans");
  const auto built = run_impactkit({"build", "--size", "A1,A3", "--lang", "nl,en", "--preview-dpi", "0"}, dir.path());
  BOOST_TEST(built.exit_code == 2, built.err);
  check_each_error_once(built.err);
  BOOST_TEST(contains(built.err, "Nonexistent Sans"), built.err);
  // The family is named at one place, so one error: validate's check,
  // which the build runs once before any product sets text.
  BOOST_TEST(error_lines(built.err).size() == 1u, built.err);
  BOOST_TEST(!fs::exists(dir.path() / "output"));
  // validate, on content with errors in several files.
  TempDir bad;
  impactkit::test::compose_fixture(bad.path(), "unknown-theme");
  impactkit::test::replace_in(bad.path() / "theme.yaml", "body: Inter", "body: Nonexistent Sans");
  impactkit::test::replace_in(bad.path() / "roadshow.yaml", "title: Testroadshow", "title: Testroadshow\ntitel: x");
  const auto checked = run_impactkit({"validate"}, bad.path());
  BOOST_TEST(checked.exit_code == 2, checked.err);
  check_each_error_once(checked.err);
  BOOST_TEST(error_lines(checked.err).size() >= 2u, checked.err);
}

BOOST_AUTO_TEST_CASE(a_language_size_or_case_the_roadshow_lacks_is_a_command_line_error) {
  TempDir dir;
  impactkit::test::compose_fixture(dir.path());  // in nl and en, with the case alpha
  const fs::path out = dir.path() / "out";
  const auto build = [&](std::vector<std::string> more) {
    std::vector<std::string> args = {"build", "-o", out.string(), "--preview-dpi", "0"};
    args.insert(args.end(), more.begin(), more.end());
    return run_impactkit(args, dir.path());
  };
  const auto lang = build({"--lang", "nl,de"});
  BOOST_TEST(lang.exit_code == 64, lang.err);
  BOOST_TEST(contains(lang.err, "--lang: error: de is not one of this roadshow's languages: nl, en"), lang.err);
  const auto size = build({"--size", "A1,Z9"});
  BOOST_TEST(size.exit_code == 64, size.err);
  BOOST_TEST(contains(size.err, "--size: error: Z9 is not a poster size: A0, A1, A2, A3, A4 or WIDTHxHEIGHT in mm"),
             size.err);
  const auto id = build({"--case", "alfa"});
  BOOST_TEST(id.exit_code == 64, id.err);
  BOOST_TEST(contains(id.err, "--case: error: alfa is not one of this roadshow's cases: alpha"), id.err);
  BOOST_TEST(contains(id.err, "did you mean 'alpha'?"), id.err);
  for (const auto* r : {&lang, &size, &id}) check_each_error_once(r->err);
  BOOST_TEST(!fs::exists(out));
  // As JSON, for scripts: the same errors and exit code.
  const auto json = build({"--lang", "de", "--json"});
  BOOST_TEST(json.exit_code == 64);
  BOOST_TEST(contains(json.out, "\"exit_code\": 64"), json.out);
  BOOST_TEST(contains(json.out, "de is not one of this roadshow's languages"), json.out);
  // watch stops at once: no save mends the command line.
  impactkit::test::ChildOptions in_root;
  in_root.cwd = dir.path();
  impactkit::test::Child watch({"watch", "--lang", "de", "--max-builds", "2", "-o", out.string()}, in_root);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (watch.running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  BOOST_TEST(watch.wait() == 64, watch.err());
}

BOOST_AUTO_TEST_CASE(a_language_or_size_named_twice_is_built_once) {
  // `--lang nl,nl` crashed: the second nl replaced the fields the first one's posters were planned with.
  TempDir dir;
  const fs::path out = dir.path() / "out";
  const auto twice = run_impactkit({"build", "-C", impactkit::test::source_dir().string(), "-o", out.string(), "--only",
                                    "posters", "--lang", "nl,nl", "--size", "a3,A3", "--poster", "route", "--case",
                                    "warmtepomp-staphorst,warmtepomp-staphorst", "--preview-dpi", "0"});
  BOOST_TEST_REQUIRE(twice.exit_code == 0, twice.err);
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(out / "posters")) {
    files.push_back(e.path().lexically_relative(out / "posters").generic_string());
  }
  std::sort(files.begin(), files.end());
  BOOST_TEST((files == std::vector<std::string>{"nl", "nl/A3", "nl/A3/warmtepomp-staphorst-route.pdf"}));
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_64) {
  BOOST_TEST(run_impactkit({}).exit_code == 64);
  BOOST_TEST(run_impactkit({"frobnicate"}).exit_code == 64);
  BOOST_TEST(run_impactkit({"validate", "--no-such-flag"}).exit_code == 64);
  BOOST_TEST(run_impactkit({"new", "case"}).exit_code == 64);
}

BOOST_AUTO_TEST_SUITE_END()
