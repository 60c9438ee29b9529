#include <impactkit/text/font.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

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
  BOOST_CHECK_NO_THROW(fonts.find({"Inter", 700, false}));
  BOOST_CHECK_EXCEPTION(fonts.find({"Bestaat Niet Sans", 400, false}), FontError, [](const FontError& e) {
    return std::string(e.what()).find("font Bestaat Niet Sans Regular not found") != std::string::npos;
  });
  BOOST_CHECK_EXCEPTION(fonts.find({"Inter", 150, false}), FontError, [](const FontError& e) {
    return std::string(e.what()).find("font Inter weight 150 not found") != std::string::npos;
  });
  // Found first, opened when asked for: the file get() opens is the one find() found.
  const auto bold = fonts.get({"Inter", 700, false});
  BOOST_TEST(bold->file().filename().string() == "Inter-Bold.otf");
  BOOST_TEST(bold == fonts.get({"Inter", 700, false}));
}

BOOST_AUTO_TEST_CASE(a_missing_style_is_an_error_not_a_fallback) {
  FontLibrary fonts;
  // Inter has no weight 150; fontconfig would offer the nearest one.
  BOOST_CHECK_EXCEPTION(fonts.get({"Inter", 150, false}), FontError, [](const FontError& e) {
    const std::string m = e.what();
    return m.find("font Inter weight 150 not found") != std::string::npos &&
           m.find("closest is Inter") != std::string::npos;
  });
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
