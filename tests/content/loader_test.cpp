// The loader on small inputs: positions kept, texts per language, every
// error of a run reported together, paths kept inside the root.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>

namespace fs = std::filesystem;
using namespace impactkit;
using test::TempDir;

BOOST_AUTO_TEST_SUITE(loader)

BOOST_AUTO_TEST_CASE(loads_the_minimal_root_with_positions) {
  TempDir dir;
  test::compose_fixture(dir.path());
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(dir.path(), diagnostics);
  BOOST_TEST(diagnostics.all().empty());
  BOOST_TEST_REQUIRE(roadshow.cases.size() == 1u);
  const auto& c = roadshow.cases[0];
  BOOST_TEST(c.id == "alpha");
  BOOST_TEST(c.title.pos.file == (dir.path() / "cases/alpha.yaml").string());
  BOOST_TEST(c.title.pos.line == 3);  // the map under `title:`
  BOOST_TEST(c.title.pos.column == 3);
  BOOST_TEST(c.route.ambition.pos.line == 10);
  BOOST_TEST(c.route.ambition.pos.column == 13);
  BOOST_TEST(c.route.tender.kind_pos.line == 14);
  BOOST_TEST(c.pos.file == (dir.path() / "roadshow.yaml").string());
  BOOST_TEST(c.pos.line == 12);
  BOOST_TEST((c.sdgs == std::vector<int>{7, 13}));
  BOOST_TEST(c.status == content::CaseStatus::achieved);
  BOOST_TEST(c.theme == "energietransitie");
  BOOST_TEST(roadshow.find_theme(c.theme)->color == "B04E00");
  BOOST_TEST(c.route.tender.kind == "innovatiegericht");
  BOOST_TEST_REQUIRE(c.figures.size() == 1u);
  BOOST_TEST(c.figures[0].value == "150");
  BOOST_TEST(c.find_source(c.figures[0].source_id)->publisher == "Uitgever");
  BOOST_TEST(roadshow.find_sdg(7)->color == "FCC30B");
  BOOST_TEST(*roadshow.theme.color("primary") == "123456");
}

BOOST_AUTO_TEST_CASE(a_text_falls_back_to_the_default_language) {
  TempDir dir;
  test::compose_fixture(dir.path());
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(dir.path(), diagnostics);
  const auto& c = roadshow.cases.at(0);
  BOOST_TEST(c.title.get("en") == "Alpha");
  BOOST_TEST(c.title.get("nl") == "Alfa");
  BOOST_TEST(c.subtitle.get("en") == "Een testcase");  // only in nl
  BOOST_TEST(c.title.get() == "Alfa");
  // Only the title has English, so the case is complete in nl only.
  BOOST_TEST((content::complete_languages(c, roadshow.languages.available) == std::vector<std::string>{"nl"}));
}

BOOST_AUTO_TEST_CASE(reports_every_error_of_a_run_together) {
  TempDir dir;
  test::compose_fixture(dir.path());
  const fs::path file = dir.path() / "cases/alpha.yaml";
  test::replace_in(file, "theme: energietransitie", "theme: energie");
  test::replace_in(file, "sdgs: [7, 13]", "sdgs: [7, 31]");
  test::replace_in(file, "source: bron", "source: elders");
  test::replace_in(dir.path() / "roadshow.yaml", "organisation:", "organsation:");
  Diagnostics diagnostics;
  content::load_roadshow(dir.path(), diagnostics);
  BOOST_TEST(diagnostics.error_count() == 4u);
  std::vector<int> lines;
  for (const auto& d : diagnostics.all()) lines.push_back(d.pos.line);
  BOOST_TEST((lines == std::vector<int>{4, 7, 23, 6}));  // themes are checked once all is loaded
}

BOOST_AUTO_TEST_CASE(an_empty_value_is_reported_at_its_key) {
  TempDir dir;
  test::compose_fixture(dir.path());
  test::replace_in(dir.path() / "cases/alpha.yaml", "  ambition: Ambitie", "  ambition:");
  Diagnostics diagnostics;
  content::load_roadshow(dir.path(), diagnostics);
  BOOST_TEST_REQUIRE(diagnostics.error_count() == 1u);
  BOOST_TEST(diagnostics.all()[0].pos.line == 10);
  BOOST_TEST(diagnostics.all()[0].pos.column == 3);
}

BOOST_AUTO_TEST_CASE(an_image_linked_from_outside_the_root_is_refused) {
  TempDir outside;
  std::ofstream(outside.path() / "photo.png") << "png";
  TempDir dir;
  test::compose_fixture(dir.path());
  fs::create_directories(dir.path() / "assets");
  fs::create_symlink(outside.path() / "photo.png", dir.path() / "assets/photo.png");
  std::ofstream(dir.path() / "cases/alpha.yaml", std::ios::app) << "images:\n  - file: assets/photo.png\n";
  Diagnostics diagnostics;
  content::load_roadshow(dir.path(), diagnostics);
  // Reported where the case names it; the link itself is reported too, by
  // the scan of the root's folders for links that lead out.
  BOOST_TEST_REQUIRE(diagnostics.error_count() >= 1u);
  const auto& all = diagnostics.all();
  const auto at_use = std::find_if(all.begin(), all.end(), [](const Diagnostic& d) {
    return d.message == "'file' leaves the content root through a link: 'assets/photo.png'";
  });
  BOOST_TEST_REQUIRE((at_use != all.end()));
  BOOST_TEST(at_use->pos.line == 38);
  for (const auto& d : all) BOOST_TEST(d.message.find("assets/photo.png") != std::string::npos, d.message);
}

// A pipe where a case file should be would make the reader wait forever
// (and /dev/zero would fill the memory): only regular files are read.
BOOST_AUTO_TEST_CASE(a_case_that_is_a_pipe_is_an_error_not_a_hang) {
  TempDir dir;
  test::compose_fixture(dir.path());
  fs::remove(dir.path() / "cases/alpha.yaml");
  BOOST_TEST_REQUIRE(::mkfifo((dir.path() / "cases/alpha.yaml").c_str(), 0644) == 0);
  Diagnostics diagnostics;
  content::load_roadshow(dir.path(), diagnostics);
  BOOST_TEST_REQUIRE(diagnostics.error_count() == 1u);
  BOOST_TEST(diagnostics.all()[0].message.ends_with("cases/alpha.yaml' is not a file"));
  BOOST_TEST(diagnostics.all()[0].pos.file.ends_with("roadshow.yaml"));  // where the case is listed
  BOOST_TEST(diagnostics.all()[0].pos.line == test::line_of(dir.path() / "roadshow.yaml", "  - alpha"));
}

BOOST_AUTO_TEST_CASE(an_image_inside_the_root_is_kept) {
  TempDir dir;
  test::compose_fixture(dir.path());
  fs::create_directories(dir.path() / "assets");
  // Only the header is read at validate: start of image, then a frame
  // header of 1200 x 800 pixels.
  std::ofstream(dir.path() / "assets/photo.jpg", std::ios::binary)
      << std::string("\xFF\xD8\xFF\xC0\x00\x11\x08\x03\x20\x04\xB0\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 21);
  std::ofstream(dir.path() / "cases/alpha.yaml", std::ios::app)
      << "images:\n  - file: assets/photo.jpg\n    caption: Foto\n";
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(dir.path(), diagnostics);
  BOOST_TEST(!diagnostics.has_errors());
  BOOST_TEST(roadshow.cases.at(0).images.at(0).file == fs::path("assets/photo.jpg"));
}

BOOST_AUTO_TEST_CASE(an_unlisted_case_file_is_a_warning) {
  TempDir dir;
  test::compose_fixture(dir.path());
  fs::copy_file(dir.path() / "cases/alpha.yaml", dir.path() / "cases/beta.yaml");
  Diagnostics diagnostics;
  content::load_roadshow(dir.path(), diagnostics);
  BOOST_TEST(!diagnostics.has_errors());
  BOOST_TEST_REQUIRE(diagnostics.warning_count() == 1u);
  BOOST_TEST(diagnostics.all()[0].pos.file == (dir.path() / "cases/beta.yaml").string());
  BOOST_TEST(diagnostics.all()[0].fix == "add '- beta' to `cases:` in roadshow.yaml");
}

BOOST_AUTO_TEST_CASE(a_root_that_is_not_a_folder_is_an_error) {
  Diagnostics diagnostics;
  content::load_roadshow("/nonexistent/roadshow", diagnostics);
  BOOST_TEST_REQUIRE(diagnostics.error_count() == 1u);
  BOOST_TEST(diagnostics.all()[0].message == "the content root '/nonexistent/roadshow' is not a folder");
}

BOOST_AUTO_TEST_SUITE_END()

// A theme colour may carry its print value: the repository's text colour is
// black ink alone, and a colour written as six hex digits has none.
BOOST_AUTO_TEST_CASE(theme_colours_carry_their_print_values) {
  Diagnostics d;
  const auto roadshow = content::load_roadshow(test::source_dir(), d);
  BOOST_TEST_REQUIRE(!d.has_errors());
  const auto& theme = roadshow.theme;
  BOOST_TEST_REQUIRE(theme.color_cmyk.size() == theme.colors.size());
  const auto cmyk_of = [&](const std::string& name) {
    for (std::size_t i = 0; i < theme.colors.size(); ++i) {
      if (theme.colors[i].first == name) return theme.color_cmyk[i];
    }
    return std::optional<std::array<double, 4>>{};
  };
  BOOST_TEST_REQUIRE(cmyk_of("text").has_value());
  BOOST_TEST((*cmyk_of("text") == std::array<double, 4>{0, 0, 0, 100}));
  BOOST_TEST((*cmyk_of("primary") == std::array<double, 4>{100, 72, 0, 18}));
  BOOST_TEST(*theme.color("text") == "1A1A1A");  // the screen value stays as it was
  for (const auto& [name, hex] : theme.colors) BOOST_TEST(cmyk_of(name).has_value(), name);
}
