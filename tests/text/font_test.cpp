#include <impactkit/text/font.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <vector>

namespace fs = std::filesystem;
using namespace impactkit::text;

BOOST_AUTO_TEST_SUITE(fonts)

BOOST_AUTO_TEST_CASE(finds_the_default_theme_font_in_every_style) {
  FontLibrary fonts;
  for (const FontRequest& r : {FontRequest{"Inter", 400, false}, FontRequest{"Inter", 700, false},
                               FontRequest{"Inter", 400, true}, FontRequest{"Inter", 700, true}}) {
    const auto font = fonts.get(r);
    BOOST_TEST((font->request() == r));
    BOOST_TEST(font->file().filename().string().starts_with("Inter-"));
    BOOST_TEST(font->units_per_em() > 0);
  }
  BOOST_TEST(fonts.get({"Inter", 400, false}) == fonts.get({"Inter", 400, false}));  // opened once
}

BOOST_AUTO_TEST_CASE(a_missing_family_is_an_error_naming_it_and_where_it_looked) {
  FontLibrary fonts({"/nonexistent/fonts"});
  BOOST_CHECK_EXCEPTION(fonts.get({"Bestaat Niet Sans", 400, false}), FontError, [](const FontError& e) {
    const std::string m = e.what();
    return m.find("font Bestaat Niet Sans Regular not found") != std::string::npos &&
           m.find("'/nonexistent/fonts'") != std::string::npos && m.find("fontconfig") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(find_checks_a_font_as_get_does_without_opening_it) {
  FontLibrary fonts({"/nonexistent/fonts"});
  BOOST_TEST((fonts.find({"Inter", 700, false}) == FontRequest{"Inter", 700, false}));
  BOOST_CHECK_EXCEPTION(fonts.find({"Bestaat Niet Sans", 400, false}), FontError, [](const FontError& e) {
    return std::string(e.what()).find("font Bestaat Niet Sans Regular not found") != std::string::npos;
  });
  // Found first, opened when asked for: the file get() opens is the one find() found.
  const auto bold = fonts.get({"Inter", 700, false});
  BOOST_TEST(bold->file().filename().string() == "Inter-Bold.otf");
  BOOST_TEST(bold == fonts.get({"Inter", 700, false}));
}

// Issue 17: a theme that switches to a family without some of its weights
// still builds, in the family's nearest face (the theme check warns).
BOOST_AUTO_TEST_CASE(a_weight_the_family_lacks_is_its_nearest_face) {
  FontLibrary fonts;
  // DejaVu Sans (Debian's fonts-dejavu-core): ExtraLight, Book and Bold.
  const auto extra_bold = fonts.get({"DejaVu Sans", 800, false});
  BOOST_TEST(extra_bold->file().filename().string() == "DejaVuSans-Bold.ttf");
  BOOST_TEST((extra_bold->request() == FontRequest{"DejaVu Sans", 700, false}));
  BOOST_TEST(extra_bold == fonts.get({"DejaVu Sans", 700, false}));  // one font, embedded once
  BOOST_TEST((fonts.find({"DejaVu Sans", 500, false}) == FontRequest{"DejaVu Sans", 400, false}));
  BOOST_TEST((fonts.find({"DejaVu Sans", 600, true}) == FontRequest{"DejaVu Sans", 700, true}));
  BOOST_TEST((fonts.find({"DejaVu Sans", 300, false}) == FontRequest{"DejaVu Sans", 200, false}));
  // A family with one face: every weight and slant is that face.
  BOOST_TEST((fonts.find({"DejaVu Math TeX Gyre", 700, true}) == FontRequest{"DejaVu Math TeX Gyre", 400, false}));
  // Inter has no weight 150: the nearest lighter one, as CSS would take.
  BOOST_TEST(fonts.get({"Inter", 150, false})->file().filename().string() == "Inter-Thin.otf");
}

BOOST_AUTO_TEST_CASE(lists_a_familys_faces_and_the_installed_families) {
  FontLibrary fonts({"/nonexistent/fonts"});
  const auto faces = fonts.faces("dejavu sans");  // any spelling, as fontconfig matches
  const std::vector<FontRequest> expected = {{"dejavu sans", 200, false},
                                             {"dejavu sans", 400, false},
                                             {"dejavu sans", 400, true},
                                             {"dejavu sans", 700, false},
                                             {"dejavu sans", 700, true}};
  BOOST_TEST((faces == expected));
  BOOST_TEST(fonts.faces("Bestaat Niet Sans").empty());
  const auto families = fonts.families();
  BOOST_TEST((std::find(families.begin(), families.end(), "DejaVu Sans") != families.end()));
  BOOST_TEST((std::find(families.begin(), families.end(), "Inter") != families.end()));
  // A style's older family name is not a family of its own.
  BOOST_TEST((std::find(families.begin(), families.end(), "Inter Black") == families.end()));
}

// CSS Fonts 4, "font-weight" matching, on faces made up for the purpose.
BOOST_AUTO_TEST_CASE(the_nearest_face_is_the_one_css_would_take) {
  const auto family = [](std::initializer_list<std::pair<int, bool>> faces) {
    std::vector<FontRequest> out;
    for (auto [weight, italic] : faces) out.push_back({"F", weight, italic});
    return out;
  };
  const auto weight = [](const std::vector<FontRequest>& faces, int w, bool italic = false) {
    const auto face = nearest_face({"F", w, italic}, faces);
    return face ? face->weight : 0;
  };
  const auto f = family({{300, false}, {400, false}, {600, false}, {900, false}});
  BOOST_TEST(weight(f, 400) == 400);
  BOOST_TEST(weight(f, 500) == 400);  // 400 to 500: up to 500, then lighter first
  BOOST_TEST(weight(f, 450) == 400);
  BOOST_TEST(weight(f, 200) == 300);  // below 400: lighter first, none here, then heavier
  BOOST_TEST(weight(f, 350) == 300);
  BOOST_TEST(weight(f, 700) == 900);  // above 500: heavier first
  BOOST_TEST(weight(f, 950) == 900);
  BOOST_TEST(weight(family({{300, false}, {500, false}}), 400) == 500);  // 400: 500 before lighter ones
  BOOST_TEST(weight(family({{300, false}, {600, false}}), 400) == 300);  // then lighter before heavier
  // The slant comes before the weight: an italic face of another weight
  // beats an upright one of the same weight.
  const auto g = family({{400, false}, {700, false}, {400, true}});
  BOOST_TEST(weight(g, 700, true) == 400);
  BOOST_TEST(nearest_face({"F", 700, true}, g)->italic);
  BOOST_TEST(!nearest_face({"F", 700, true}, family({{700, false}}))->italic);  // no italic: upright
  BOOST_TEST(nearest_face({"F", 400, false}, family({{400, true}}))->italic);   // no upright: italic
  BOOST_TEST(!nearest_face({"F", 400, false}, {}).has_value());
}

BOOST_AUTO_TEST_CASE(a_font_folder_comes_before_the_system) {
  impactkit::test::TempDir dir;
  fs::copy_file("/usr/share/fonts/opentype/inter/Inter-Bold.otf", dir.path() / "MyInterBold.otf");
  FontLibrary fonts({dir.path()});
  BOOST_TEST(fonts.get({"Inter", 700, false})->file() == dir.path() / "MyInterBold.otf");
  BOOST_TEST(fonts.get({"Inter", 400, false})->file().parent_path() != dir.path());
}

BOOST_AUTO_TEST_CASE(a_content_root_looks_in_its_own_fonts_then_the_projects) {
  const auto dirs = font_dirs("/some/root");
  BOOST_TEST_REQUIRE(dirs.size() >= 2u);
  BOOST_TEST(dirs[0] == fs::path("/some/root/fonts"));
  BOOST_TEST(dirs.back() == impactkit::test::source_dir() / "fonts");
}

BOOST_AUTO_TEST_SUITE_END()
