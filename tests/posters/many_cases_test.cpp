// A roadshow with more cases than one overview poster or one SDG card
// holds: the overview continues on further posters, the SDG cards count
// the cases they cannot list.

#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <regex>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

// The repository's content without its wheel, with `copies` more cases:
// copies of the first case under new ids and titles.
void many_cases_root(const fs::path& to, int copies) {
  for (const char* f : {"theme.yaml", "sdgs.yaml"}) fs::copy_file(test::source_dir() / f, to / f);
  for (const char* d : {"cases", "locales"}) fs::copy(test::source_dir() / d, to / d, fs::copy_options::recursive);
  std::string yaml = read_file(test::source_dir() / "roadshow.yaml").value();
  yaml = yaml.substr(0, yaml.find("\nwheel:")) + "\n";
  const std::string source = read_file(test::source_dir() / "cases/warmtepomp-staphorst.yaml").value();
  std::string listed;
  for (int i = 1; i <= copies; ++i) {
    const std::string id = "kopie-" + std::to_string(i);
    std::string text = std::regex_replace(source, std::regex("\nid: warmtepomp-staphorst\n"), "\nid: " + id + "\n");
    text = std::regex_replace(text, std::regex("\ntitle:\n  nl: [^\n]*"),
                              "\ntitle:\n  nl: Kopiecase nummer " + std::to_string(i));
    write_file_atomically(to / "cases" / (id + ".yaml"), text);
    listed += "  - " + id + "\n";
  }
  const std::string last = "  - hergebruik-brugonderdelen\n";
  yaml.insert(yaml.find(last) + last.size(), listed);
  write_file_atomically(to / "roadshow.yaml", yaml);
}

std::string squash(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

}  // namespace

BOOST_AUTO_TEST_CASE(more_cases_than_an_overview_holds_continue_on_a_second_overview) {
  test::TempDir root;
  many_cases_root(root.path(), 6);  // 12 cases; the overview template holds 8
  const auto r = test::run_impactkit({"build", "-C", root.path().string(), "--only", "posters,cards", "--lang", "nl",
                                      "--poster", "overview", "--preview-dpi", "0"});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  const fs::path dir = root.path() / "output/posters/nl/A1";
  BOOST_TEST_REQUIRE(fs::exists(dir / "overview.pdf"));
  BOOST_TEST_REQUIRE(fs::exists(dir / "overview-2.pdf"));
  BOOST_TEST(!fs::exists(dir / "overview-3.pdf"));
  const std::string first = squash(test::run_shell("pdftotext -enc UTF-8 " + (dir / "overview.pdf").string() + " -"));
  const std::string second =
      squash(test::run_shell("pdftotext -enc UTF-8 " + (dir / "overview-2.pdf").string() + " -"));
  // Cases in the roadshow's order: the first eight, then the last four.
  BOOST_TEST(first.find("Kopiecase nummer 2") != std::string::npos, first);
  BOOST_TEST(first.find("Kopiecase nummer 3") == std::string::npos, first);
  for (int i = 3; i <= 6; ++i) {
    BOOST_TEST(second.find("Kopiecase nummer " + std::to_string(i)) != std::string::npos, second);
  }
  // Each says which of how many it is, as "1/2" (docs/templates.md), in its
  // band and its footer.
  const auto count = [](const std::string& text, const std::string& form) {
    std::ptrdiff_t n = 0;
    for (std::size_t at = text.find(form); at != std::string::npos; at = text.find(form, at + 1)) ++n;
    return n;
  };
  BOOST_TEST(count(first, "1/2") == 2, first);
  BOOST_TEST(count(second, "2/2") == 2, second);
  BOOST_TEST(!std::regex_search(first + second, std::regex(R"(\d ?/ ?3)")));

  // SDG 7 is on every copy: its card lists four titles and counts the rest.
  const std::string cards = squash(test::run_shell(
      "pdftotext -enc UTF-8 " + (root.path() / "output/cards/nl/deck-cardprinter.pdf").string() + " -"));
  BOOST_TEST(std::regex_search(cards, std::regex("en nog \\d+ andere cases")), cards.substr(0, 2000));
}
