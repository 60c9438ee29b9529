// Issue 17: what the exhibit shows as a case's result is the case's own.
// A national or general figure (scope: context) is never a case's hero on
// the route poster, the case card or the overview; a case without a figure
// of its own shows its headline there; and a fork's own case theme, declared
// in YAML, builds and colours its posters. Read back with pdftotext and
// pdftoppm, which did not write the files.

#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <cctype>
#include <regex>
#include <string>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

void copy_repository_root(const fs::path& root) {
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(test::source_dir() / item, root / item, fs::copy_options::recursive);
  }
}

// Puts `figures` (YAML list items, indented by two) first in the case's
// `figures:` list, adding the list when the case has none.
void prepend_figures(const fs::path& case_file, const std::string& figures) {
  std::string yaml = read_file(case_file).value();
  const auto at = yaml.find("\nfigures:\n");
  if (at == std::string::npos) {
    yaml = std::regex_replace(yaml, std::regex("\nconfrontation:\n"), "\nfigures:\n" + figures + "\nconfrontation:\n");
  } else {
    yaml.insert(at + std::string("\nfigures:\n").size(), figures);
  }
  write_file_atomically(case_file, yaml);
}

std::string text_of(const fs::path& pdf) {
  return test::run_shell("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
}

// A context figure with a value found nowhere else in the roadshow.
std::string context_figure(const std::string& value) {
  return "  - value: \"" + value +
         "\"\n"
         "    unit: miljard euro\n"
         "    label: inkoopvolume van alle overheden samen\n"
         "    scope: context\n"
         "    about: {nl: Nederland, en: the Netherlands}\n"
         "    source: metabolic-2021\n";
}

std::string metabolic_source() {
  return "  - id: metabolic-2021\n"
         "    title: Impact van overheidsinkoop\n"
         "    publisher: Metabolic\n"
         "    year: 2021\n";
}

void add_source(const fs::path& case_file) {
  test::replace_in(case_file, "\nsources:\n", "\nsources:\n" + metabolic_source());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(honest_figures)

BOOST_AUTO_TEST_CASE(a_context_figure_is_never_a_cases_hero) {
  test::TempDir root;
  copy_repository_root(root.path());
  // Natura 2000 has no figure of its own: give it only a context figure.
  const fs::path natura = root.path() / "cases/natura2000-onderhoud.yaml";
  prepend_figures(natura, context_figure("8517"));
  // Koele velden has figures of its own: put a context figure before them.
  const fs::path velden = root.path() / "cases/koele-velden-warme-douches.yaml";
  prepend_figures(velden, context_figure("8518"));
  for (const auto& file : {natura, velden}) {
    if (read_file(file).value().find("id: metabolic-2021") == std::string::npos) add_source(file);
  }
  test::TempDir out;
  const auto built = test::run_impactkit({"build", "--only", "posters,cards", "--lang", "nl", "--size", "A3",
                                          "--preview-dpi", "0", "-o", out.path().string()},
                                         root.path());
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);

  const fs::path posters = out.path() / "posters/nl/A3";
  const std::string natura_route = text_of(posters / "natura2000-onderhoud-route.pdf");
  const std::string velden_route = text_of(posters / "koele-velden-warme-douches-route.pdf");
  const std::string overview = text_of(posters / "overview.pdf");
  const std::string deck = text_of(out.path() / "cards/nl/deck-cardprinter.pdf");
  for (const auto* text : {&overview, &deck}) {
    BOOST_TEST(text->find("8517") == std::string::npos);
    BOOST_TEST(text->find("8518") == std::string::npos);
  }
  // The route poster, the case's main poster, shows every figure: a context
  // one after the hero, labelled as context (sizes: route_poster_test.cpp).
  for (const auto* text : {&natura_route, &velden_route}) {
    BOOST_TEST(test::squash(*text).find("Context: geen resultaat van deze case") != std::string::npos, *text);
  }
  // In the hero's place: the headline, for the case without a figure of its
  // own; the case's own first figure for the other.
  BOOST_TEST(test::squash(natura_route).find("mensen laten") != std::string::npos, natura_route);
  BOOST_TEST(velden_route.find("consortia") != std::string::npos, velden_route);
  BOOST_TEST(overview.find("consortia") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_repository_roadshow_shows_no_national_figure_as_a_case_result) {
  test::TempDir out;
  const auto built = test::run_impactkit({"build", "--only", "posters", "--poster", "route,overview", "--lang", "nl",
                                          "--size", "A3", "--preview-dpi", "0", "-o", out.path().string()},
                                         test::source_dir());
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  // The national statistics of the intro (RIVM, Metabolic), in the figure's
  // own words: not on the overview; on a case's route poster (which shows
  // every figure of the case) only labelled with what they are about, after
  // the hero (sizes: route_poster_test.cpp).
  for (const auto& entry : fs::directory_iterator(out.path() / "posters/nl/A3")) {
    if (entry.path().extension() != ".pdf") continue;
    const bool route = entry.path().filename().string().ends_with("-route.pdf");
    const std::string text = test::squash(text_of(entry.path()));
    for (const std::string national : {"inkoopvolume van Nederlandse overheden", "van het landgebruik komt door inkoop",
                                       "van de klimaatvoetafdruk komt door"}) {
      const std::string labelled = "Nederland · " + national;
      for (auto at = text.find(national); at != std::string::npos; at = text.find(national, at + 1)) {
        BOOST_TEST((route && at >= labelled.size() - national.size() &&
                    text.compare(at - (labelled.size() - national.size()), labelled.size(), labelled) == 0),
                   entry.path().filename() << ": " << national);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_forks_own_theme_builds_in_its_own_colour) {
  test::TempDir root;
  copy_repository_root(root.path());
  test::replace_in(root.path() / "roadshow.yaml", "\nthemes:\n",
                   "\nthemes:\n  - id: social-value\n    name: {nl: Sociale waarde, en: Social value}\n");
  test::replace_in(root.path() / "theme.yaml", "\ncolors:\n", "\ncolors:\n  social-value: \"7A3E9D\"\n");
  test::replace_in(root.path() / "cases/regionale-catering.yaml", "\ntheme: circulariteit\n",
                   "\ntheme: social-value\n");
  test::TempDir out;
  const auto built =
      test::run_impactkit({"build", "--only", "posters", "--poster", "route", "--case", "regionale-catering", "--lang",
                           "nl", "--size", "A3", "--preview-dpi", "0", "-o", out.path().string()},
                          root.path());
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  const fs::path pdf = out.path() / "posters/nl/A3/regionale-catering-route.pdf";
  BOOST_TEST(text_of(pdf).find("SOCIALE WAARDE") != std::string::npos);
  // The header band is in the theme's colour: a pixel near the top, in the
  // margin left of the status label.
  const std::string ppm = test::run_shell("pdftoppm -r 10 -x 4 -y 10 -W 1 -H 1 '" + pdf.string() + "' | tail -c 3");
  BOOST_TEST_REQUIRE(ppm.size() == 3u);
  BOOST_TEST(static_cast<unsigned char>(ppm[0]) == 0x7A);
  BOOST_TEST(static_cast<unsigned char>(ppm[1]) == 0x3E);
  BOOST_TEST(static_cast<unsigned char>(ppm[2]) == 0x9D);
}

BOOST_AUTO_TEST_SUITE_END()
