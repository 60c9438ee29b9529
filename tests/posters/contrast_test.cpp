// The contrast check (WCAG 2.1): the ratio itself, its thresholds, and the
// warning a composed page gives at the template element that drew the text.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/contrast.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

constexpr layout::Rgb white{1, 1, 1};
constexpr layout::Rgb black{0, 0, 0};

layout::Rgb from_hex(unsigned v) {
  return {((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

// An A4 page (sizes at A4 are themselves) with a `fill` box from (50, 50)
// to (300, 200) pt, when given, and a run of `size_pt` text in `ink` with
// glyphs every 10 pt from x, on a baseline at y.
layout::Page page_with(std::optional<layout::Rgb> fill, layout::Rgb ink, double size_pt, double x = 60,
                       double y = 100) {
  layout::Page page;
  page.trim_width_pt = layout::mm_to_pt(210);
  page.trim_height_pt = layout::mm_to_pt(297);
  if (fill) page.items.emplace_back(layout::RectItem{50, 50, 250, 150, fill, std::nullopt, 0, 0});
  text::GlyphRun run;
  run.size_pt = size_pt;
  run.color = ink;
  for (int i = 0; i < 5; ++i) run.glyphs.push_back({1, i * 10.0, 0});
  text::TypesetText set;
  set.size_pt = size_pt;
  set.runs.push_back(run);
  page.items.emplace_back(layout::TextItem{set, x, y, 0});
  return page;
}

std::string warnings(const layout::Page& page) {
  Diagnostics d;
  layout::check_contrast(page, 0, {"t.yaml", 7, 5}, d);
  std::string out;
  for (const auto& x : d.all()) out += format(x) + "\n";
  return out;
}

bool has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(contrast_ratios_are_wcag_2_1s) {
  BOOST_TEST(layout::contrast_ratio(white, black) == 21.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(layout::contrast_ratio(white, white) == 1.0, boost::test_tools::tolerance(1e-9));
  // White on SDG 7's yellow, as on today's cards: about 1.6:1.
  BOOST_TEST(layout::contrast_ratio(white, from_hex(0xFCC30B)) == 1.62, boost::test_tools::tolerance(0.01));
  BOOST_TEST(layout::contrast_ratio(from_hex(0xFCC30B), white) == layout::contrast_ratio(white, from_hex(0xFCC30B)));
  // White on the theme's primary blue: 8.1:1.
  BOOST_TEST(layout::contrast_ratio(white, from_hex(0x1D4F91)) == 8.14, boost::test_tools::tolerance(0.01));
  // #767676 is the lightest grey that passes 4.5:1 on white; #777777 fails.
  BOOST_TEST(layout::contrast_ratio(from_hex(0x767676), white) >= 4.5);
  BOOST_TEST(layout::contrast_ratio(from_hex(0x777777), white) < 4.5);
  BOOST_TEST(layout::hex(from_hex(0xFCC30B)) == "#FCC30B");
}

BOOST_AUTO_TEST_CASE(large_text_needs_3_to_1_and_body_text_4_5_to_1) {
  BOOST_TEST(layout::required_contrast(12, false) == 4.5);
  BOOST_TEST(layout::required_contrast(17.9, false) == 4.5);
  BOOST_TEST(layout::required_contrast(18, false) == 3.0);
  BOOST_TEST(layout::required_contrast(14, true) == 3.0);
  BOOST_TEST(layout::required_contrast(13.9, true) == 4.5);
  // An A1 poster's 48 pt is 17 pt at A4; a card's 8 pt, 26.7 pt.
  layout::Page a1;
  a1.trim_width_pt = layout::mm_to_pt(594);
  a1.trim_height_pt = layout::mm_to_pt(841);
  BOOST_TEST(48 * layout::a4_scale(a1) == 16.97, boost::test_tools::tolerance(0.01));
  layout::Page card;
  card.trim_width_pt = layout::mm_to_pt(63);
  card.trim_height_pt = layout::mm_to_pt(88);
  BOOST_TEST(8 * layout::a4_scale(card) == 26.67, boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(white_on_sdg_7_yellow_is_flagged_and_white_on_blue_passes) {
  const auto yellow = warnings(page_with(from_hex(0xFCC30B), white, 24));
  BOOST_TEST(has(yellow,
                 "t.yaml:7:5: warning: text in #FFFFFF on #FCC30B has a contrast of 1.6:1, less than the 3:1 that "
                 "WCAG 2.1 asks for large text"),
             yellow);
  BOOST_TEST(has(yellow, "at least 3:1 for this text of 24 pt at A4 size"), yellow);
  BOOST_TEST(has(yellow, "black text reaches 12.9:1 on it"), yellow);
  BOOST_TEST(warnings(page_with(from_hex(0x1D4F91), white, 24)).empty());
  BOOST_TEST(warnings(page_with(from_hex(0x1D4F91), white, 9)).empty());
  // Body text is held to 4.5:1: #777777 on white passes at 18 pt, not at 12.
  BOOST_TEST(warnings(page_with(std::nullopt, from_hex(0x777777), 18)).empty());
  const auto grey = warnings(page_with(std::nullopt, from_hex(0x777777), 12));
  BOOST_TEST(has(grey, "text in #777777 on #FFFFFF has a contrast of 4.4:1, less than the 4.5:1"), grey);
}

BOOST_AUTO_TEST_CASE(the_worst_background_of_a_run_counts_and_images_cannot_be_measured) {
  // The run starts on the blue box and runs off it onto the white paper.
  const auto half = warnings(page_with(from_hex(0x1D4F91), white, 12, 270));
  BOOST_TEST(has(half, "text in #FFFFFF on #FFFFFF has a contrast of 1.0:1"), half);
  // Text drawn before the box is not on it: the paper is behind it.
  auto before = page_with(from_hex(0x1D4F91), black, 12);
  std::swap(before.items[0], before.items[1]);
  BOOST_TEST(warnings(before).empty());
  auto over_photo = page_with(std::nullopt, white, 12);
  over_photo.items.insert(over_photo.items.begin(), layout::ImageItem{"photo.jpg", 0, 0, 400, 400});
  const auto photo = warnings(over_photo);
  BOOST_TEST(has(photo, "t.yaml:7:5: warning: the contrast of text over an image cannot be measured at build"), photo);
}

// A template's element that sets white on yellow is named at its line and
// column; the same on the theme's blue is not.
BOOST_AUTO_TEST_CASE(a_template_with_white_on_yellow_is_warned_at_its_element) {
  const auto compose = [](const std::string& fill) {
    test::TempDir dir;
    fs::create_directories(dir.path() / "templates");
    write_file_atomically(dir.path() / "templates/t.yaml",
                          "page: {size: A1}\ngrid: {columns: 4, rows: 4}\nelements:\n"
                          "  - rect: {area: page, fill: \"" +
                              fill +
                              "\"}\n"
                              "  - text: {area: [1, 1, 4, 1], field: case.title, style: heading, color: white}\n");
    Diagnostics diagnostics;
    const auto roadshow = content::load_roadshow(test::source_dir(), diagnostics);
    BOOST_TEST_REQUIRE(!diagnostics.has_errors());
    const auto t = content::load_template("t", {dir.path() / "templates"}, roadshow.languages, diagnostics);
    BOOST_TEST_REQUIRE(t.has_value());
    text::FontLibrary fonts;
    text::Typesetter typesetter(fonts);
    const auto& labels = *roadshow.find_labels("nl");
    const auto shared = layout::roadshow_fields(roadshow, "nl", labels);
    const auto fields = layout::case_fields(roadshow.cases.at(0), roadshow, "nl", labels, &shared);
    layout::Composer(roadshow, typesetter, diagnostics).compose(*t, fields, labels, {"nl", *layout::paper_size("A3")});
    std::string out;
    for (const auto& d : diagnostics.all()) out += format(d) + "\n";
    return out;
  };
  const auto yellow = compose("FCC30B");
  BOOST_TEST(has(yellow, "t.yaml:5:5: warning: text in #FFFFFF on #FCC30B has a contrast of 1.6:1"), yellow);
  // The theme's heading is 48 pt bold on A1: 17 pt at A4, large as bold text.
  BOOST_TEST(has(yellow, "at least 3:1 for this text of 17 pt bold at A4 size"), yellow);
  const auto blue = compose("1D4F91");
  BOOST_TEST(!has(blue, "contrast"), blue);
}
