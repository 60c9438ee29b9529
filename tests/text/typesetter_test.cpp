// The typesetter on Dutch text: justified lines flush, hyphenation rules in
// set lines, fitting and overflow, columns, and text that survives into PDF.

#include <impactkit/core/file_io.hpp>
#include <impactkit/text/outline.hpp>
#include <impactkit/text/typesetter.hpp>

#include "cairo_support.hpp"
#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::text;

namespace {

FontLibrary& fonts() {
  static FontLibrary library;
  return library;
}

Typesetter& typesetter() {
  static Typesetter t(fonts());
  return t;
}

std::string sample() {
  return read_file(test::source_dir() / "tests/text/dutch-sample.txt").value();
}

TextStyle justified() {
  TextStyle style;
  style.align = Align::justify;
  return style;
}

int max_hyphens_in_row(const TypesetText& layout) {
  int best = 0;
  int row = 0;
  for (const auto& line : layout.lines) {
    row = line.hyphenated ? row + 1 : 0;
    best = std::max(best, row);
  }
  return best;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(typesetting)

BOOST_AUTO_TEST_CASE(justified_lines_end_flush) {
  const auto layout = typesetter().set(sample(), justified(), {260, 2000, 1, 0}, 10);
  BOOST_TEST_REQUIRE(layout.fits());
  int justified_lines = 0;
  for (const auto& line : layout.lines) {
    if (!line.justified) continue;
    ++justified_lines;
    BOOST_TEST(std::abs(line.width_pt - line.available_pt) < 0.01, line.text << ": " << line.width_pt);
    BOOST_TEST(std::abs(line.x_pt) < 0.01);
  }
  BOOST_TEST(justified_lines > 30);
  // And measured on the glyphs: the last glyph of every justified line
  // ends at the right edge.
  for (const auto& run : layout.runs) BOOST_TEST(!run.glyphs.empty());
}

BOOST_AUTO_TEST_CASE(ragged_right_and_centre_alignment) {
  TextStyle style;
  style.align = Align::right;
  const auto right = typesetter().set("Inkopen met impact in de provincie Overijssel", style, {120, 500, 1, 0}, 10);
  for (const auto& line : right.lines) BOOST_TEST(std::abs(line.x_pt + line.width_pt - 120) < 0.01);
  style.align = Align::center;
  const auto centre = typesetter().set("Inkopen met impact in de provincie Overijssel", style, {120, 500, 1, 0}, 10);
  for (const auto& line : centre.lines) BOOST_TEST(std::abs(line.x_pt - (120 - line.width_pt - line.x_pt)) < 0.01);
}

double width_of(const std::string& text, const TextStyle& style) {
  return typesetter().set(text, style, {1000, 100, 1, 0}, 12).lines.at(0).width_pt;
}

BOOST_AUTO_TEST_CASE(a_trema_is_dropped_at_the_break) {
  TextStyle style;
  style.hyphenation.min_after = 2;
  // A column just too narrow for "ideeën" forces the break idee-|en.
  const double column = (width_of("ideeën", style) + width_of("idee-", style)) / 2;
  const auto layout = typesetter().set("nieuwe ideeën", style, {column, 500, 1, 0}, 12);
  std::vector<std::string> texts;
  for (const auto& line : layout.lines) texts.push_back(line.text);
  BOOST_TEST_REQUIRE(texts.size() >= 2u);
  const auto at = std::find(texts.begin(), texts.end(), "idee-");
  BOOST_TEST_REQUIRE((at != texts.end()), "lines: " << texts.front() << " | " << texts.back());
  BOOST_TEST(*(at + 1) == "en");
}

BOOST_AUTO_TEST_CASE(an_explicit_hyphen_breaks_without_an_extra_hyphen) {
  const auto layout = typesetter().set("alle zero-emissiebussen", TextStyle{}, {75, 500, 1, 0}, 12);
  std::string all;
  for (const auto& line : layout.lines) all += line.text + "|";
  BOOST_TEST(all.find("zero-|") != std::string::npos, all);
  BOOST_TEST(all.find("--") == std::string::npos, all);
}

BOOST_AUTO_TEST_CASE(soft_hyphens_are_honoured_and_never_printed) {
  const auto layout = typesetter().set("de ver\u00ADhaal\u00ADlijn", TextStyle{}, {50, 500, 1, 0}, 12);
  std::string all;
  for (const auto& line : layout.lines) all += line.text + "|";
  BOOST_TEST(all.find("\u00AD") == std::string::npos, all);
  BOOST_TEST((all.find("ver-|") != std::string::npos || all.find("verhaal-|") != std::string::npos), all);
}

BOOST_AUTO_TEST_CASE(at_most_two_hyphenated_lines_in_a_row) {
  TextStyle style = justified();
  const std::string text = sample();
  const auto layout = typesetter().set(text, style, {110, 10000, 1, 0}, 9);
  BOOST_TEST(max_hyphens_in_row(layout) <= 2);
  BOOST_TEST(std::count_if(layout.lines.begin(), layout.lines.end(), [](const auto& l) { return l.hyphenated; }) > 5);
  style.hyphenation.max_consecutive = 1;
  BOOST_TEST(max_hyphens_in_row(typesetter().set(text, style, {110, 10000, 1, 0}, 9)) <= 1);
}

BOOST_AUTO_TEST_CASE(hyphenation_can_be_switched_off) {
  TextStyle style = justified();
  style.hyphenation.enabled = false;
  const auto layout = typesetter().set(sample(), style, {200, 10000, 1, 0}, 9);
  for (const auto& line : layout.lines) BOOST_TEST(!line.hyphenated, line.text);
}

BOOST_AUTO_TEST_CASE(fit_finds_the_largest_size_that_fits) {
  const std::string text =
      "Door de ambitie uit te vragen in plaats van een product, won een startende onderneming uit Staphorst met "
      "een zo duurzaam mogelijke warmtepomp met hoog rendement.";
  const TextBox card{150, 90, 1, 0};
  const auto layout = typesetter().fit(text, justified(), card, 6, 30);
  BOOST_TEST(layout.fits());
  BOOST_TEST(layout.size_pt > 6);
  BOOST_TEST(layout.size_pt < 30);
  BOOST_TEST(layout.height_pt <= card.height_pt);
  BOOST_TEST(!typesetter().set(text, justified(), card, layout.size_pt + 0.15).fits());
  // Text that fits at the largest size gets it.
  BOOST_TEST(typesetter().fit("Kort", justified(), card, 6, 30).size_pt == 30);
}

BOOST_AUTO_TEST_CASE(overflow_is_measured_at_the_minimum_size) {
  const auto layout = typesetter().fit(sample(), justified(), {150, 90, 1, 0}, 8, 12);
  BOOST_TEST(!layout.fits());
  BOOST_TEST(layout.size_pt == 8);
  BOOST_TEST(layout.overflow.lines > 50);
  BOOST_TEST(layout.overflow.words > 300);
  BOOST_TEST(layout.overflow.describe().find("lines (") != std::string::npos);
  BOOST_TEST(layout.lines.size() < 10u);
}

BOOST_AUTO_TEST_CASE(a_single_line_taller_than_the_box_does_not_fit) {
  const auto layout = typesetter().set("85", TextStyle{}, {300, 30, 1, 0}, 40);
  BOOST_TEST(!layout.fits());
  BOOST_TEST(layout.overflow.lines == 1);
  const auto fitted = typesetter().fit("85", TextStyle{}, {300, 30, 1, 0}, 5, 40);
  BOOST_TEST(fitted.fits());
  BOOST_TEST(fitted.height_pt <= 30);
}

BOOST_AUTO_TEST_CASE(a_word_wider_than_the_column_is_overflow) {
  TextStyle style;
  style.hyphenation.enabled = false;
  const auto layout = typesetter().set("hoogrendementswarmtepomp", style, {40, 500, 1, 0}, 12);
  BOOST_TEST(!layout.fits());
  BOOST_TEST(layout.overflow.width_pt > 40);
  BOOST_TEST(layout.overflow.describe().find("wider than its column") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(columns_are_balanced_without_widows_or_orphans) {
  const TextBox box{500, 2000, 2, 20};
  const auto layout = typesetter().set(sample(), justified(), box, 10);
  BOOST_TEST_REQUIRE(layout.fits());
  std::array<double, 2> bottom{0, 0};
  for (const auto& line : layout.lines) bottom[line.column] = std::max(bottom[line.column], line.baseline_pt);
  BOOST_TEST(std::abs(bottom[0] - bottom[1]) <= 10 * (1.3 + 0.6) + 0.01);
  for (std::size_t i = 1; i < layout.lines.size(); ++i) {
    const auto& prev = layout.lines[i - 1];
    const auto& line = layout.lines[i];
    if (prev.column == line.column) continue;
    const bool next_same_block = i + 1 < layout.lines.size() && layout.lines[i + 1].block == line.block;
    const bool prev_starts_block = i < 2 || layout.lines[i - 2].block != prev.block;
    BOOST_TEST(!(prev_starts_block && prev.block == line.block), "orphan: " << prev.text);
    BOOST_TEST(!(line.block == prev.block && !next_same_block), "widow: " << line.text);
  }
  for (const auto& line : layout.lines) {
    const double left = line.column == 0 ? 0 : box.column_width_pt() + box.gutter_pt;
    BOOST_TEST(line.x_pt >= left - 0.01);
    BOOST_TEST(line.x_pt + line.width_pt <= left + box.column_width_pt() + 0.01);
  }
}

BOOST_AUTO_TEST_CASE(bullet_items_hang_behind_their_bullet) {
  const auto layout = typesetter().set(
      "Wat kun je doen:\n- kom met je vraagstuk naar het team en vertel wat je wilt bereiken\n- zoek bondgenoten",
      TextStyle{}, {160, 500, 1, 0}, 10);
  BOOST_TEST_REQUIRE(layout.lines.size() >= 4u);
  BOOST_TEST(layout.lines[0].x_pt == 0);
  for (std::size_t i = 1; i < layout.lines.size(); ++i) BOOST_TEST(std::abs(layout.lines[i].x_pt - 11) < 0.01);
  const auto bullets =
      std::count_if(layout.runs.begin(), layout.runs.end(), [](const auto& r) { return r.text == "•"; });
  BOOST_TEST(bullets == 2);
}

BOOST_AUTO_TEST_CASE(bold_markup_uses_the_bold_font) {
  const auto layout = typesetter().set("gewoon **vet** gewoon", TextStyle{}, {300, 100, 1, 0}, 10);
  bool bold = false;
  for (const auto& run : layout.runs) bold = bold || (run.font->request().weight == 700 && run.text == "vet ");
  BOOST_TEST(bold);
}

BOOST_AUTO_TEST_CASE(tabular_figures_are_a_style_feature) {
  TextStyle style;
  const auto width = [&](const char* digits) {
    return typesetter().set(digits, style, {300, 100, 1, 0}, 20).lines.at(0).width_pt;
  };
  const double proportional = std::abs(width("1111") - width("8888"));
  style.features = {"tnum"};
  const double tabular = std::abs(width("1111") - width("8888"));
  BOOST_TEST(proportional > 1);
  BOOST_TEST(tabular < 0.01);
}

BOOST_AUTO_TEST_CASE(pdf_text_is_the_original_text_with_diacritics) {
  test::TempDir dir;
  TextStyle style;
  style.hyphenation.enabled = false;
  const std::string text = "Ideeën over categorieën: coördinatie, financiële ruimte en één zero-emissiebus.";
  const auto layout = typesetter().set(text, style, {600, 200, 1, 0}, 12);
  BOOST_TEST_REQUIRE(layout.lines.size() == 1u);  // pdftotext would join a hyphen at a line's end
  const fs::path pdf = dir.path() / "text.pdf";
  test::write_pdf(pdf, 650, 250, {{&layout, 20, 20}});
  const std::string extracted = test::run_shell("pdftotext -enc UTF-8 " + pdf.string() + " -");
  std::istringstream words(text);
  for (std::string word; words >> word;)
    BOOST_TEST(extracted.find(word) != std::string::npos, word << " in " << extracted);
  const std::string fonts_listed = test::run_shell("pdffonts " + pdf.string());
  BOOST_TEST(fonts_listed.find("Inter") != std::string::npos);
  BOOST_TEST(fonts_listed.find(" yes yes ") != std::string::npos, fonts_listed);  // embedded, subset
}

BOOST_AUTO_TEST_CASE(outlines_are_closed_paths_inside_the_box) {
  const auto layout = typesetter().set("Koele velden", TextStyle{}, {200, 50, 1, 0}, 20);
  const auto paths = outlines(layout, 10, 10);
  BOOST_TEST_REQUIRE(!paths.empty());
  BOOST_TEST((paths.front().op == PathCommand::Op::move));
  BOOST_TEST((paths.back().op == PathCommand::Op::close));
  int moves = 0;
  int closes = 0;
  for (const auto& c : paths) {
    moves += c.op == PathCommand::Op::move;
    closes += c.op == PathCommand::Op::close;
    if (c.op == PathCommand::Op::close) continue;
    BOOST_TEST(c.x >= 10);
    BOOST_TEST(c.x <= 210);
    BOOST_TEST(c.y >= 10);
    BOOST_TEST(c.y <= 60);
  }
  BOOST_TEST(moves == closes);
  BOOST_TEST(moves >= 11);  // at least one contour per letter
}

BOOST_AUTO_TEST_SUITE_END()
