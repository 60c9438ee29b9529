// The theme's fonts as the loader reads them (issue 17): a family per role
// under `fonts:`, each defaulting to the role before it, and a role (or a
// family of its own) per style.

#include <impactkit/content/loader.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace fs = std::filesystem;
using namespace impactkit;
using content::FontRole;
using test::TempDir;

namespace {

// The minimal root with its theme's `fonts:` replaced by `fonts` (YAML lines).
content::Roadshow load_with_fonts(const TempDir& dir, const std::string& fonts, Diagnostics& diagnostics) {
  test::compose_fixture(dir.path());
  test::replace_in(dir.path() / "theme.yaml", "fonts:\n  body: Inter\n  heading: Inter\n", fonts);
  return content::load_roadshow(dir.path(), diagnostics);
}

std::string printed(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.all()) out += format(d) + "\n";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(theme_fonts)

BOOST_AUTO_TEST_CASE(every_style_names_its_role_and_takes_that_roles_family) {
  TempDir dir;
  Diagnostics diagnostics;
  const auto roadshow =
      load_with_fonts(dir, "fonts:\n  body: Inter\n  heading: DejaVu Serif\n  figures: DejaVu Sans\n", diagnostics);
  BOOST_TEST(diagnostics.all().empty(), printed(diagnostics));
  const auto& theme = roadshow.theme;
  const auto role = [&](const char* style) { return theme.find_style(style)->role; };
  BOOST_TEST((role("title") == FontRole::heading));
  BOOST_TEST((role("kicker") == FontRole::heading));
  BOOST_TEST((role("figure_value") == FontRole::figures));
  BOOST_TEST((role("sdg_number") == FontRole::figures));
  BOOST_TEST((role("body") == FontRole::body));
  BOOST_TEST(theme.family(*theme.find_style("title")) == "DejaVu Serif");
  BOOST_TEST(theme.family(*theme.find_style("figure_value")) == "DejaVu Sans");
  BOOST_TEST(theme.family(*theme.find_style("body")) == "Inter");
  const int line = test::line_of(dir.path() / "theme.yaml", "heading: DejaVu Serif");
  BOOST_TEST(theme.font_pos[1].line == line);
  BOOST_TEST(theme.font_pos[1].column == 12);
}

BOOST_AUTO_TEST_CASE(a_role_left_out_takes_the_family_of_the_role_before_it) {
  {
    TempDir dir;
    Diagnostics diagnostics;
    const auto theme = load_with_fonts(dir, "fonts:\n  body: DejaVu Sans\n", diagnostics).theme;
    BOOST_TEST(diagnostics.all().empty(), printed(diagnostics));
    BOOST_TEST(theme.family(FontRole::heading) == "DejaVu Sans");
    BOOST_TEST(theme.family(FontRole::figures) == "DejaVu Sans");
    // An error about the family belongs where it is written: `body:`.
    BOOST_TEST(theme.font_pos[2].line == test::line_of(dir.path() / "theme.yaml", "body: DejaVu Sans"));
  }
  {
    TempDir dir;
    Diagnostics diagnostics;
    const auto theme = load_with_fonts(dir, "fonts:\n  body: Inter\n  heading: DejaVu Serif\n", diagnostics).theme;
    BOOST_TEST(theme.family(FontRole::figures) == "DejaVu Serif");
  }
  {
    TempDir dir;
    Diagnostics diagnostics;
    const auto theme = load_with_fonts(dir, "", diagnostics).theme;  // no `fonts:` at all
    BOOST_TEST(diagnostics.all().empty(), printed(diagnostics));
    for (auto r : {FontRole::body, FontRole::heading, FontRole::figures}) BOOST_TEST(theme.family(r) == "Inter");
  }
}

BOOST_AUTO_TEST_CASE(a_style_may_name_a_family_of_its_own_instead_of_a_role) {
  TempDir dir;
  test::compose_fixture(dir.path());
  const fs::path theme_file = dir.path() / "theme.yaml";
  test::replace_in(theme_file, "  quote:         {role: body,   ", "  quote:         {font: DejaVu Serif, ");
  Diagnostics diagnostics;
  const auto theme = content::load_roadshow(dir.path(), diagnostics).theme;
  BOOST_TEST(diagnostics.all().empty(), printed(diagnostics));
  const auto* quote = theme.find_style("quote");
  BOOST_TEST(theme.family(*quote) == "DejaVu Serif");
  BOOST_TEST(quote->font_pos.line == test::line_of(theme_file, "font: DejaVu Serif"));
}

BOOST_AUTO_TEST_CASE(a_misspelt_role_and_a_role_with_a_font_are_errors_at_their_place) {
  TempDir dir;
  test::compose_fixture(dir.path());
  const fs::path theme_file = dir.path() / "theme.yaml";
  test::replace_in(theme_file, "  title:         {role: heading,", "  title:         {role: heading, font: Inter,");
  test::replace_in(theme_file, "  kicker:        {role: heading,", "  kicker:        {role: haeding,");
  Diagnostics diagnostics;
  content::load_roadshow(dir.path(), diagnostics);
  const std::string messages = printed(diagnostics);
  const std::string file = theme_file.string();
  BOOST_TEST(diagnostics.error_count() == 2u, messages);
  BOOST_TEST(messages.find(file + ":" + std::to_string(test::line_of(theme_file, "role: haeding")) +
                           ":25: error: unknown role 'haeding'") != std::string::npos,
             messages);
  BOOST_TEST(messages.find("did you mean 'heading'?") != std::string::npos, messages);
  BOOST_TEST(messages.find(file + ":" + std::to_string(test::line_of(theme_file, "font: Inter")) +
                           ":40: error: style 'title' names both a role and a font") != std::string::npos,
             messages);
}

BOOST_AUTO_TEST_SUITE_END()
