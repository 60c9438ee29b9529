// The poster sets, read back from the produced PDFs as a printer would:
// page and box sizes, fonts, text, reproducibility; and overflow errors at
// their YAML line.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/products/posters.hpp>
#include <impactkit/text/typography.hpp>

#include "support.hpp"
#include "text/cairo_support.hpp"

#include <boost/test/unit_test.hpp>

#include <cairo.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

// The four numbers of a box line of `pdfinfo -box`: "TrimBox: x0 y0 x1 y1".
std::vector<double> box(const std::string& info, const std::string& name) {
  const std::regex re(name + R"(:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+))");
  std::smatch m;
  BOOST_TEST_REQUIRE(std::regex_search(info, m, re), name << " in " << info);
  return {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
}

constexpr double pt_per_mm = 72.0 / 25.4;

struct Built {
  test::TempDir dir;
  content::Roadshow roadshow;
  products::PosterReport report;
  Diagnostics diagnostics;
};

std::unique_ptr<Built> build_at(const std::vector<std::string>& sizes, const fs::path& root = test::source_dir(),
                                bool allow_overflow = false) {
  auto b = std::make_unique<Built>();
  b->roadshow = content::load_roadshow(root, b->diagnostics);
  BOOST_TEST_REQUIRE(!b->diagnostics.has_errors());
  products::PosterOptions options;
  options.output_dir = b->dir.path();
  options.sizes = sizes;
  options.languages = {"nl"};
  options.allow_overflow = allow_overflow;
  options.preview_dpi = 12;
  b->report = products::build_posters(b->roadshow, options, b->diagnostics);
  return b;
}

const Built& a1_and_a3() {
  static auto built = build_at({"A1", "A3"});
  return *built;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(posters)

BOOST_AUTO_TEST_CASE(every_case_gets_three_posters_and_the_exhibit_two_at_each_size) {
  const auto& b = a1_and_a3();
  for (const auto& d : b.diagnostics.all()) BOOST_TEST_MESSAGE(format(d));
  BOOST_TEST_REQUIRE(!b.diagnostics.has_errors());
  BOOST_TEST(b.report.files.size() == 2 * (b.roadshow.cases.size() * 3 + 2));
  for (const auto& c : b.roadshow.cases) {
    for (const char* kind : {"route", "confrontation", "yourturn"}) {
      BOOST_TEST(fs::exists(b.dir.path() / "posters/nl/A1" / (c.id + "-" + kind + ".pdf")), c.id << " " << kind);
      BOOST_TEST(fs::exists(b.dir.path() / "posters/nl/A3" / (c.id + "-" + kind + ".png")), c.id << " " << kind);
    }
  }
  BOOST_TEST(fs::exists(b.dir.path() / "posters/nl/A1/intro.pdf"));
  BOOST_TEST(fs::exists(b.dir.path() / "posters/nl/A1/overview.pdf"));
}

BOOST_AUTO_TEST_CASE(page_is_trim_plus_bleed_with_real_page_boxes) {
  const auto& b = a1_and_a3();
  for (const auto& [size, w_mm, h_mm] : {std::tuple{"A1", 594.0, 841.0}, std::tuple{"A3", 297.0, 420.0}}) {
    const fs::path pdf = b.dir.path() / "posters/nl" / size / "warmtepomp-staphorst-route.pdf";
    const std::string info = test::run_shell("pdfinfo -box " + pdf.string());
    const auto media = box(info, "MediaBox");
    const auto trim = box(info, "TrimBox");
    const auto bleed = box(info, "BleedBox");
    const double bleed_pt = 3 * pt_per_mm;
    BOOST_TEST(std::abs(trim[2] - trim[0] - w_mm * pt_per_mm) < 0.05, size);
    BOOST_TEST(std::abs(trim[3] - trim[1] - h_mm * pt_per_mm) < 0.05, size);
    BOOST_TEST(std::abs(trim[0] - bleed[0] - bleed_pt) < 0.05);
    BOOST_TEST(std::abs(bleed[2] - trim[2] - bleed_pt) < 0.05);
    BOOST_TEST(media[0] <= bleed[0] + 0.01);
    BOOST_TEST(media[2] >= bleed[2] - 0.01);
    // The page size pdfinfo reports is the media box: trim + 2 x bleed.
    const std::regex re(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)");
    std::smatch m;
    BOOST_TEST_REQUIRE(std::regex_search(info, m, re));
    BOOST_TEST(std::abs(std::stod(m[1]) - (w_mm + 6) * pt_per_mm) < 0.05);
    BOOST_TEST(std::abs(std::stod(m[2]) - (h_mm + 6) * pt_per_mm) < 0.05);
  }
}

BOOST_AUTO_TEST_CASE(fonts_are_embedded_and_title_and_figure_are_text) {
  const auto& b = a1_and_a3();
  for (const auto& c : b.roadshow.cases) {
    const fs::path pdf = b.dir.path() / "posters/nl/A1" / (c.id + "-route.pdf");
    const std::string fonts = test::run_shell("pdffonts " + pdf.string());
    std::istringstream lines(fonts);
    std::string line;
    int listed = 0;
    for (int i = 0; std::getline(lines, line); ++i) {
      if (i < 2 || line.empty()) continue;  // header
      ++listed;
      BOOST_TEST(line.find(" yes yes ") != std::string::npos, c.id << ": " << line);
    }
    BOOST_TEST(listed >= 2);
    const std::string text = test::squash(test::run_shell("pdftotext -enc UTF-8 " + pdf.string() + " -"));
    BOOST_TEST(text.find(test::squash(c.title.get("nl"))) != std::string::npos, c.id << ": " << text.substr(0, 200));
    // The hero: the case's own figure, else its headline.
    const auto* hero = c.hero_figure();
    // As set: with typographic quotes and apostrophes (text/typography.hpp).
    const auto any_glyph = [](char32_t) { return true; };
    const std::string shown =
        hero ? hero->value : test::squash(text::typographic(c.headline.get("nl"), "nl", any_glyph));
    BOOST_TEST(text.find(shown) != std::string::npos, c.id << ": " << shown);
  }
}

BOOST_AUTO_TEST_CASE(two_builds_are_byte_identical) {
  const auto first = build_at({"A3"});
  const auto second = build_at({"A3"});
  BOOST_TEST_REQUIRE(first->report.files.size() == second->report.files.size());
  for (std::size_t i = 0; i < first->report.files.size(); ++i) {
    BOOST_TEST(read_file(first->report.files[i].pdf).value() == read_file(second->report.files[i].pdf).value(),
               first->report.files[i].pdf.filename());
  }
}

BOOST_AUTO_TEST_CASE(text_that_does_not_fit_is_an_error_at_its_yaml_line) {
  test::TempDir root;
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(test::source_dir() / item, root.path() / item, fs::copy_options::recursive);
  }
  const fs::path file = root.path() / "cases/warmtepomp-staphorst.yaml";
  std::string yaml = read_file(file).value();
  std::string long_text = "  ambition: \"";
  // Far too long for its box, yet under the 2000 characters a text may have (lib/impactkit/core/limits.hpp).
  for (int i = 0; i < 30; ++i) long_text += "Van het gas af en afscheid nemen van chemische koelmiddelen. ";
  yaml = std::regex_replace(yaml, std::regex("  ambition: >-\n(    .*\n)+"), long_text + "\"\n");
  write_file_atomically(file, yaml);
  const int line =
      1 + static_cast<int>(std::count(yaml.begin(), yaml.begin() + static_cast<long>(yaml.find("  ambition:")), '\n'));

  const auto failed = build_at({"A1"}, root.path());
  BOOST_TEST(failed->diagnostics.has_errors());
  BOOST_TEST(failed->report.files.empty());
  bool found = false;
  for (const auto& d : failed->diagnostics.all()) {
    const std::string shown = format(d);
    if (d.pos.line == line && d.pos.file.ends_with("cases/warmtepomp-staphorst.yaml") &&
        shown.find("text of 'case.route.ambition' does not fit its stack on the poster-route poster at A1") !=
            std::string::npos &&
        shown.find(" mm over") != std::string::npos &&
        shown.find("templates/poster-route.yaml:") != std::string::npos) {
      found = true;
    }
    BOOST_TEST_MESSAGE(shown);
  }
  BOOST_TEST(found);
  BOOST_TEST(!fs::exists(failed->dir.path() / "posters"));

  const auto warned = build_at({"A1"}, root.path(), true);
  BOOST_TEST(!warned->diagnostics.has_errors());
  BOOST_TEST(warned->diagnostics.warning_count() >= 1u);
  BOOST_TEST(fs::exists(warned->dir.path() / "posters/nl/A1/warmtepomp-staphorst-route.pdf"));
  const std::string text = test::run_shell(
      "pdftotext -enc UTF-8 " + (warned->dir.path() / "posters/nl/A1/warmtepomp-staphorst-route.pdf").string() + " -");
  // Cut short: a text that reaches past the route's end ends in "…", or the
  // stations that start past it are left out whole (the last one's label,
  // IMPACT, is not on the page).
  const bool cut_short = text.find("…") != std::string::npos || text.find("IMPACT") == std::string::npos;
  BOOST_TEST(cut_short, text);
}

// The difference between two PNG files of the same size (see image_difference).
std::pair<double, double> difference(const fs::path& a, const fs::path& b) {
  const test::Surface sa(cairo_image_surface_create_from_png(a.c_str()));
  const test::Surface sb(cairo_image_surface_create_from_png(b.c_str()));
  BOOST_TEST_REQUIRE(cairo_surface_status(sb.get()) == CAIRO_STATUS_SUCCESS, "no reference image " << b);
  BOOST_TEST_REQUIRE(cairo_image_surface_get_width(sa.get()) == cairo_image_surface_get_width(sb.get()));
  BOOST_TEST_REQUIRE(cairo_image_surface_get_height(sa.get()) == cairo_image_surface_get_height(sb.get()));
  return test::image_difference(sa.get(), sb.get());
}

// Every poster kind at A1 and A3, as previews, against reference images in
// tests/posters/reference/. After an intended change of a layout, look at the
// new previews and make them the references:
//   IMPACTKIT_UPDATE_REFERENCE=1 build/tests/poster_tests -t posters/look_like_their_reference_images
BOOST_AUTO_TEST_CASE(look_like_their_reference_images) {
  const auto& b = a1_and_a3();
  const fs::path reference = test::source_dir() / "tests/posters/reference";
  for (const char* size : {"A1", "A3"}) {
    for (const char* stem : {"warmtepomp-staphorst-route", "warmtepomp-staphorst-confrontation",
                             "warmtepomp-staphorst-yourturn", "intro", "overview"}) {
      const fs::path preview = b.dir.path() / "posters/nl" / size / (std::string(stem) + ".png");
      const fs::path expected = reference / (std::string(size) + "-" + stem + ".png");
      if (std::getenv("IMPACTKIT_UPDATE_REFERENCE")) {
        fs::create_directories(reference);
        fs::copy_file(preview, expected, fs::copy_options::overwrite_existing);
      }
      const auto [mean, far] = difference(preview, expected);
      BOOST_TEST(mean < 1.5, size << " " << stem << ": mean difference " << mean);
      BOOST_TEST(far < 0.005, size << " " << stem << ": share of pixels far off " << far);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
