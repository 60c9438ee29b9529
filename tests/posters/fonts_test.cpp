// Fonts by role (issue 17), as a user meets them: `validate` and `build` on
// a root whose theme switches a role's family, read back from what the
// command prints and, with pdffonts, from the PDFs it makes. Uses the
// fonts Debian installs: Inter (fonts-inter) and DejaVu (fonts-dejavu-core,
// which has no ExtraBold).

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

// The minimal root, with its theme's `fonts:` replaced by `fonts`, and the
// colour of its case's theme, which a poster needs.
void root_with_fonts(const fs::path& root, const std::string& fonts) {
  test::compose_fixture(root);
  const fs::path theme = root / "theme.yaml";
  test::replace_in(theme, "fonts:\n  body: Inter\n  heading: Inter\n", fonts);
  if (test::line_of(theme, "energietransitie:") == 0) {
    test::replace_in(theme, "colors:\n", "colors:\n  energietransitie: \"E07B00\"\n");
  }
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The fonts pdffonts lists, without their subset prefix ("DejaVuSans-Bold"),
// each embedded (else the test fails).
std::set<std::string> embedded_fonts(const fs::path& pdf) {
  std::istringstream lines(test::run_shell("pdffonts " + pdf.string()));
  std::set<std::string> out;
  std::string line;
  for (int i = 0; std::getline(lines, line); ++i) {
    if (i < 2 || line.empty()) continue;  // the header
    BOOST_TEST(line.find(" yes yes ") != std::string::npos, pdf.filename() << ": " << line);
    std::string name = line.substr(0, line.find(' '));
    if (const auto plus = name.find('+'); plus != std::string::npos) name.erase(0, plus + 1);
    out.insert(name);
  }
  return out;
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += n + " ";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fonts_by_role)

// DejaVu Sans has Bold but no ExtraBold, which every figures style but the
// units asks for: one warning, at the first of them, and the figures are
// set in DejaVu Sans Bold.
BOOST_AUTO_TEST_CASE(a_weight_the_family_lacks_is_one_warning_and_builds_in_the_nearest_face) {
  test::TempDir root;
  root_with_fonts(root.path(), "fonts:\n  body: Inter\n  heading: Inter\n  figures: DejaVu Sans\n");
  const fs::path theme = root.path() / "theme.yaml";
  const std::string at = "theme.yaml:" + std::to_string(test::line_of(theme, "  figure_value:")) + ":3: warning: ";

  const auto validate = test::run_impactkit({"validate"}, root.path());
  BOOST_TEST(validate.exit_code == 0, validate.err);
  BOOST_TEST(count(validate.err, "warning: ") == 1u, validate.err);
  BOOST_TEST(validate.err.find(at + "style 'figure_value' asks for DejaVu Sans ExtraBold, which is not installed: "
                                    "it is set in DejaVu Sans Bold, the family's nearest face") != std::string::npos,
             validate.err);
  BOOST_TEST(validate.out.find("1 warning") != std::string::npos, validate.out);

  // The build of posters in both languages and of the deck: still one
  // warning (the minimal case is written in Dutch only; the intro in both),
  // besides those of the templates' contrast (docs/templates.md, Contrast).
  const auto build = test::run_impactkit(
      {"build", "--only", "posters,cards", "--poster", "route,intro", "--preview-dpi", "0"}, root.path());
  BOOST_TEST_REQUIRE(build.exit_code == 0, build.err);
  BOOST_TEST(count(build.err, "warning: ") - count(build.err, "warning: text in #") == 1u, build.err);
  BOOST_TEST(build.err.find(at + "style 'figure_value' asks for DejaVu Sans ExtraBold") != std::string::npos,
             build.err);
  const fs::path out = root.path() / "output";
  for (const fs::path& pdf : {out / "posters/nl/A1/alpha-route.pdf", out / "posters/nl/A1/intro.pdf",
                              out / "posters/en/A1/intro.pdf", out / "cards/nl/deck-cardprinter.pdf"}) {
    const auto fonts = embedded_fonts(pdf);
    // The figures (on the route poster, its SDG numbers) in DejaVu Sans Bold.
    BOOST_TEST(fonts.count("DejaVuSans-Bold") == 1u, pdf << ": " << joined(fonts));
    BOOST_TEST(fonts.count("Inter-Regular") == 1u, pdf << ": " << joined(fonts));  // the body, as before
    for (const auto& name : fonts) {
      BOOST_TEST((name.starts_with("Inter-") || name == "DejaVuSans-Bold"), pdf << ": " << joined(fonts));
    }
  }
}

BOOST_AUTO_TEST_CASE(fonts_heading_sets_the_family_of_the_title) {
  // Before: Inter only.
  test::TempDir before;
  root_with_fonts(before.path(), "fonts:\n  body: Inter\n");
  auto build = test::run_impactkit(
      {"build", "--only", "posters", "--poster", "route", "--lang", "nl", "--preview-dpi", "0"}, before.path());
  BOOST_TEST_REQUIRE(build.exit_code == 0, build.err);
  const auto inter = embedded_fonts(before.path() / "output/posters/nl/A1/alpha-route.pdf");
  BOOST_TEST(inter.count("Inter-ExtraBold") == 1u, joined(inter));  // the title (and the figures)
  for (const auto& name : inter) BOOST_TEST(name.starts_with("Inter-"), joined(inter));

  // After: the headings in DejaVu Serif; body and figures stay Inter.
  test::TempDir after;
  root_with_fonts(after.path(), "fonts:\n  body: Inter\n  heading: DejaVu Serif\n  figures: Inter\n");
  build = test::run_impactkit({"build", "--only", "posters", "--poster", "route", "--lang", "nl", "--preview-dpi", "0"},
                              after.path());
  BOOST_TEST_REQUIRE(build.exit_code == 0, build.err);
  const auto fonts = embedded_fonts(after.path() / "output/posters/nl/A1/alpha-route.pdf");
  // The title is weight 800, which DejaVu Serif has not: its Bold, with a warning.
  BOOST_TEST(fonts.count("DejaVuSerif-Bold") == 1u, joined(fonts));
  BOOST_TEST(fonts.count("Inter-Regular") == 1u, joined(fonts));
  BOOST_TEST(build.err.find("style 'title' asks for DejaVu Serif ExtraBold") != std::string::npos, build.err);
  // The title's words are still there, as text.
  const std::string text = test::run_shell("pdftotext -enc UTF-8 " +
                                           (after.path() / "output/posters/nl/A1/alpha-route.pdf").string() + " -");
  BOOST_TEST(text.find("Alfa") != std::string::npos, text.substr(0, 300));
}

BOOST_AUTO_TEST_CASE(a_family_that_is_not_installed_is_one_validate_error_at_its_place) {
  test::TempDir root;
  root_with_fonts(root.path(), "fonts:\n  body: Inter\n  heading: Intr\n");
  const std::string at =
      "theme.yaml:" + std::to_string(test::line_of(root.path() / "theme.yaml", "heading: Intr")) + ":12: error: ";
  const auto validate = test::run_impactkit({"validate"}, root.path());
  BOOST_TEST(validate.exit_code == 2);
  BOOST_TEST(count(validate.err, "error: ") == 1u, validate.err);
  BOOST_TEST(validate.err.find(at + "font family 'Intr' (`fonts: heading:`) is not installed") != std::string::npos,
             validate.err);
  BOOST_TEST(validate.err.find("expected: an installed family: ") != std::string::npos, validate.err);
  BOOST_TEST(validate.err.find("fix: did you mean 'Inter'?") != std::string::npos, validate.err);

  // The build stops before anything is laid out, with the same one error.
  const auto build = test::run_impactkit({"build", "--preview-dpi", "0"}, root.path());
  BOOST_TEST(build.exit_code == 2);
  BOOST_TEST(count(build.err, "error: ") == 1u, build.err);
  BOOST_TEST(build.err.find(at + "font family 'Intr'") != std::string::npos, build.err);
  BOOST_TEST(!fs::exists(root.path() / "output/posters"));
}

BOOST_AUTO_TEST_SUITE_END()
