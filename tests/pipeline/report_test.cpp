// What `impactkit build` tells scripts and people: the JSON report of
// --json (products, counts, diagnostics with their position) and that it
// stays the only thing on stdout.

#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace impactkit;
using nlohmann::json;

namespace {

json parse_report(const test::Result& r) {
  try {
    return json::parse(r.out);
  } catch (const json::parse_error& e) {
    BOOST_FAIL("stdout is not one JSON document: " << e.what() << "\n" << r.out);
  }
  return {};
}

// A small roadshow that builds: what `impactkit init` makes.
void starter(const fs::path& root) {
  const auto r = test::run_impactkit({"init", root.string(), "--organisation", "Gemeente Test"});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
}

const json* product(const json& report, const std::string& name) {
  for (const auto& p : report.at("products")) {
    if (p.at("product") == name) return &p;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(json_report_lists_what_was_made_then_what_was_unchanged) {
  test::TempDir root;
  starter(root.path());
  const std::vector<std::string> args = {
      "build", "-C", root.path().string(), "--only", "posters,cards", "--preview-dpi", "0", "--json"};
  const auto first = test::run_impactkit(args);
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
  const json report = parse_report(first);
  BOOST_TEST(report.at("ok").get<bool>());
  BOOST_TEST(report.at("exit_code").get<int>() == 0);
  BOOST_TEST(report.at("errors").get<int>() == 0);
  const json* posters = product(report, "posters");
  BOOST_TEST_REQUIRE(posters != nullptr);
  BOOST_TEST(posters->at("status") == "made");
  std::size_t pdfs = 0;
  for (const auto& e : fs::recursive_directory_iterator(root.path() / "output/posters")) {
    pdfs += e.path().extension() == ".pdf" ? 1 : 0;
  }
  BOOST_TEST(posters->at("pdfs").get<std::size_t>() == pdfs);
  const json* cards = product(report, "cards");
  BOOST_TEST_REQUIRE(cards != nullptr);
  BOOST_TEST(cards->at("cards").get<int>() > 0);
  BOOST_TEST(cards->at("per_sheet").get<int>() == 9);

  const auto second = test::run_impactkit(args);
  BOOST_TEST_REQUIRE(second.exit_code == 0, second.err);
  const json again = parse_report(second);
  BOOST_TEST(product(again, "posters")->at("status") == "unchanged");
  BOOST_TEST(product(again, "posters")->at("unchanged") == posters->at("pdfs"));
  BOOST_TEST(product(again, "cards")->at("status") == "unchanged");
}

BOOST_AUTO_TEST_CASE(json_report_carries_errors_with_their_position_and_exit_code) {
  test::TempDir root;
  test::compose_fixture(root.path(), "unknown-theme");
  const auto r = test::run_impactkit({"build", "-C", root.path().string(), "--json"});
  BOOST_TEST(r.exit_code == 2);
  const json report = parse_report(r);
  BOOST_TEST(!report.at("ok").get<bool>());
  BOOST_TEST(report.at("exit_code").get<int>() == 2);
  BOOST_TEST(report.at("products").empty());
  BOOST_TEST_REQUIRE(report.at("diagnostics").size() >= 1u);
  const json& d = report.at("diagnostics").at(0);
  BOOST_TEST(d.at("severity") == "error");
  BOOST_TEST(d.at("file").get<std::string>().find(".yaml") != std::string::npos);
  BOOST_TEST(d.at("line").get<int>() > 0);
  BOOST_TEST(d.at("column").get<int>() > 0);
  BOOST_TEST(d.at("message").get<std::string>().find("unknown theme") != std::string::npos);
  BOOST_TEST(!fs::exists(root.path() / "output"));
}

BOOST_AUTO_TEST_CASE(no_progress_line_when_stdout_is_not_a_terminal) {
  test::TempDir root;
  starter(root.path());
  const auto r = test::run_impactkit({"build", "-C", root.path().string(), "--only", "cards", "--preview-dpi", "0"});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find('\r') == std::string::npos);
  BOOST_TEST(r.out.find("built '") == 0u, r.out);
}

BOOST_AUTO_TEST_CASE(progress_line_on_a_terminal_is_erased_before_the_summary) {
  test::TempDir root;
  starter(root.path());
  // script(1) (util-linux, always on Debian) gives the build a terminal as stdout.
  const std::string out = test::run_shell("script -qec '" + test::binary().string() + " build -C " +
                                          root.path().string() + " --only cards --preview-dpi 0' /dev/null");
  BOOST_TEST(out.find("\r\033[K  making cards: ") != std::string::npos, out);
  // Erased before what follows it: the warnings (the templates' contrast), then the summary.
  const auto last = out.rfind("\r\033[K  making cards: ");
  const auto summary = out.find("built '");
  BOOST_TEST_REQUIRE(summary != std::string::npos, out);
  BOOST_TEST(out.find("files\r\033[K", last) < summary, out);
  BOOST_TEST(out.substr(summary).find("making") == std::string::npos, out);
}
