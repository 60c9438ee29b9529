// Micro-typography as text is set: quotes and apostrophes by language, a
// number kept with the word after it, CO₂ and m² with real sub- and
// superscripts (read back from a PDF), names in braces never broken, no
// lone word on a display text's last line, and body hyphenation with three
// letters either side.

#include <impactkit/text/markup.hpp>
#include <impactkit/text/typesetter.hpp>
#include <impactkit/text/typography.hpp>

#include "cairo_support.hpp"
#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::text;

namespace {

FontLibrary& fonts() {
  static FontLibrary library;
  return library;
}

Typesetter& typesetter() {
  static Typesetter t(fonts(), {"Staphorst"});
  return t;
}

bool any_glyph(char32_t) {
  return true;
}

std::string set_as(std::string_view text, std::string_view language = "nl") {
  return typographic(text, language, any_glyph);
}

// The text of a line without the space a line may end with.
std::string trimmed(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

bool ends_with_number(const std::string& line) {
  const std::string s = trimmed(line);
  const std::size_t space = s.find_last_of(' ');
  const std::string last = space == std::string::npos ? s : s.substr(space + 1);
  return !last.empty() && std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A grey-scale image as Poppler's pdftoppm draws it (PGM, "P5").
struct Gray {
  int width = 0;
  int height = 0;
  std::string pixels;
  bool ink(int x, int y) const { return static_cast<unsigned char>(pixels[y * width + x]) < 128; }
};

Gray read_pgm(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string magic;
  int max = 0;
  Gray g;
  in >> magic >> g.width >> g.height >> max;
  in.get();
  g.pixels.assign(std::istreambuf_iterator<char>(in), {});
  BOOST_TEST_REQUIRE(magic == "P5");
  BOOST_TEST_REQUIRE(g.pixels.size() == static_cast<std::size_t>(g.width * g.height));
  return g;
}

// The inked rows (top, bottom) of each run of inked columns, left to right:
// one per glyph when the glyphs do not touch.
struct Ink {
  int top = 0;
  int bottom = 0;
};
std::vector<Ink> glyph_ink(const Gray& g) {
  std::vector<Ink> out;
  std::optional<Ink> current;
  for (int x = 0; x < g.width; ++x) {
    std::optional<Ink> column;
    for (int y = 0; y < g.height; ++y) {
      if (!g.ink(x, y)) continue;
      if (!column) column = Ink{y, y};
      column->bottom = y;
    }
    if (column && current) {
      current->top = std::min(current->top, column->top);
      current->bottom = std::max(current->bottom, column->bottom);
    } else if (column) {
      current = column;
    } else if (current) {
      out.push_back(*current);
      current.reset();
    }
  }
  if (current) out.push_back(*current);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(typography)

BOOST_AUTO_TEST_CASE(quotes_and_apostrophes_are_typographic_in_dutch_and_english) {
  BOOST_TEST(set_as("Hij zei: \"koele velden\" en 'warme douches'.") ==
             "Hij zei: \u201Ckoele velden\u201D en \u2018warme douches\u2019.");
  BOOST_TEST(set_as("auto's en foto's, 's avonds, in de jaren '80") ==
             "auto\u2019s en foto\u2019s, \u2019s avonds, in de jaren \u201980");
  BOOST_TEST(set_as("'S AVONDS 'T VELD") == "\u2019S AVONDS \u2019T VELD");  // a style set in capitals
  BOOST_TEST(set_as("**\"vet\"** en *\"schuin\"*") == "**\u201Cvet\u201D** en *\u201Cschuin\u201D*");
  BOOST_TEST(set_as("the \"cases\" and it's", "en") == "the \u201Ccases\u201D and it\u2019s");
  // A language whose quotes the engine does not know keeps them as written.
  BOOST_TEST(set_as("\"so\"", "de") == "\"so\"");
}

BOOST_AUTO_TEST_CASE(a_number_keeps_the_word_after_it) {
  const std::string nbsp = "\u00A0";
  BOOST_TEST(set_as("18 % van 85 miljard euro") == "18" + nbsp + "% van 85" + nbsp + "miljard euro");
  BOOST_TEST(set_as("**18** % en 1.250 woningen") == "**18**" + nbsp + "% en 1.250" + nbsp + "woningen");
  // Digits inside a word are no number: an A1 poster, CO2 here without its glyph.
  BOOST_TEST(typographic("een A1 poster", "nl", any_glyph) == "een A1 poster");
  BOOST_TEST(set_as("in 2030\n\nDaarna") == "in 2030\n\nDaarna");
}

BOOST_AUTO_TEST_CASE(formulas_and_units_take_sub_and_superscript_digits_the_font_has) {
  BOOST_TEST(set_as("CO2-uitstoot, CH4 en 40 m2") == "CO\u2082-uitstoot, CH\u2084 en 40\u00A0m\u00B2");
  BOOST_TEST(set_as("ECO2 en m22") == "ECO2 en m22");
  const auto none = [](char32_t) { return false; };
  BOOST_TEST(typographic("CO2", "nl", none) == "CO2");
}

BOOST_AUTO_TEST_CASE(eighteen_percent_and_85_billion_never_break_after_the_number) {
  TextStyle style;
  style.align = Align::justify;
  const std::string text =
      "Overheden kopen jaarlijks voor 85 miljard euro in. Daarvan komt 18 % van de klimaatvoetafdruk en 23 % van "
      "het grondstoffengebruik.";
  int lines_checked = 0;
  for (double width = 40; width <= 400; width += 7) {
    const auto layout = typesetter().set(text, style, {width, 10000, 1, 0}, 10);
    for (const auto& line : layout.lines) {
      BOOST_TEST(!ends_with_number(line.text), "at " << width << " pt: '" << line.text << "'");
      BOOST_TEST(!trimmed(line.text).starts_with("%"), "at " << width << " pt: '" << line.text << "'");
      ++lines_checked;
    }
  }
  BOOST_TEST(lines_checked > 200);
}

BOOST_AUTO_TEST_CASE(co2_is_set_with_its_2_lower_and_smaller_than_the_c) {
  test::TempDir dir;
  TextStyle style;
  const auto layout = typesetter().set("CO2", style, {400, 200, 1, 0}, 100);
  BOOST_TEST_REQUIRE(layout.lines.size() == 1u);
  const fs::path pdf = dir.path() / "co2.pdf";
  test::write_pdf(pdf, 300, 160, {{&layout, 20, 20}});
  // Read back by Poppler, independently of the engine: the PDF's text, and
  // the ink of each glyph as drawn.
  BOOST_TEST(test::run_shell("pdftotext -enc UTF-8 " + pdf.string() + " -").find("CO\u2082") != std::string::npos);
  test::run_shell("pdftoppm -gray -r 72 " + pdf.string() + " " + (dir.path() / "co2").string());
  const auto ink = glyph_ink(read_pgm(dir.path() / "co2-1.pgm"));
  BOOST_TEST_REQUIRE(ink.size() == 3u);  // C, O, ₂
  const Ink& c = ink.front();
  const Ink& two = ink.back();
  BOOST_TEST(two.bottom > c.bottom + 5, "the 2 ends at row " << two.bottom << ", the C at " << c.bottom);
  BOOST_TEST(two.top > c.top + 20, "the 2 starts at row " << two.top << ", the C at " << c.top);
  BOOST_TEST((two.bottom - two.top) < 0.7 * (c.bottom - c.top));
}

BOOST_AUTO_TEST_CASE(a_name_in_braces_is_never_broken_nor_hyphenated) {
  BOOST_TEST_REQUIRE(parse_markup("bij {Provincie Overijssel}").size() == 1u);
  const auto spans = parse_markup("bij {Provincie Overijssel} en \\{niet\\} {open")[0].spans;
  BOOST_TEST_REQUIRE(spans.size() == 3u);
  BOOST_TEST(spans[1].keep);
  BOOST_TEST(spans[1].text == "Provincie\u00A0Overijssel");
  BOOST_TEST(spans[2].text == " en {niet} {open");
  BOOST_TEST(parse_markup("****en")[0].spans[0].text == "en");

  TextStyle style;
  style.align = Align::justify;
  const std::string text = "De warmtepomp uit {Drijfveerstad} werkt met de {Provincie Overijssel} samen.";
  for (double width = 60; width <= 300; width += 5) {
    const auto layout = typesetter().set(text, style, {width, 10000, 1, 0}, 10);
    for (const auto& line : layout.lines) {
      BOOST_TEST(line.text.find('{') == std::string::npos);
      const bool whole_or_none =
          line.text.find("Drijfveer") == std::string::npos || line.text.find("Drijfveerstad") != std::string::npos;
      BOOST_TEST(whole_or_none, "at " << width << " pt: '" << line.text << "'");
      const bool name_together = line.text.find("Provincie") == std::string::npos ||
                                 line.text.find("Provincie\u00A0Overijssel") != std::string::npos;
      BOOST_TEST(name_together, "at " << width << " pt: '" << line.text << "'");
    }
  }
}

BOOST_AUTO_TEST_CASE(body_breaks_with_three_letters_either_side_and_two_hyphens_in_a_row_at_most) {
  TextStyle style;
  style.align = Align::justify;
  const std::string text =
      "Impactvolle inkoop geeft gemeenschappelijke duurzaamheidsdoelstellingen, grondstoffengebruik en "
      "woningbouwprogramma's een kans in aanbestedingsprocedures van overheidsorganisaties.";
  int hyphenated = 0;
  for (double width = 70; width <= 200; width += 10) {
    const auto layout = typesetter().set(text, style, {width, 10000, 1, 0}, 10);
    int row = 0;
    for (std::size_t i = 0; i < layout.lines.size(); ++i) {
      const auto& line = layout.lines[i];
      row = line.hyphenated ? row + 1 : 0;
      BOOST_TEST(row <= 2, "at " << width << " pt, line " << i << ": " << line.text << " / " << layout.lines[i - 1].text
                                 << " / " << layout.lines[i - 2].text);
      if (!line.hyphenated) continue;
      ++hyphenated;
      const std::string s = trimmed(line.text);
      const std::string before = s.substr(s.find_last_of(' ') == std::string::npos ? 0 : s.find_last_of(' ') + 1);
      BOOST_TEST(before.size() >= 4u, "at " << width << " pt: '" << before << "'");  // three letters and '-'
      const std::string& next = layout.lines.at(i + 1).text;
      const std::string after = next.substr(0, next.find(' '));
      BOOST_TEST(after.size() >= 3u, "at " << width << " pt: '" << after << "'");
    }
  }
  BOOST_TEST(hyphenated > 10);
}

BOOST_AUTO_TEST_CASE(a_display_text_never_ends_on_a_lone_word) {
  TextStyle style;
  style.hyphenation.enabled = false;
  const std::string text = "Hier is nog een wereld te winnen voor iedereen";
  int lone = 0;
  int lone_as_body = 0;
  // From the width of "voor iedereen" at 24 pt: narrower, a lone word is all there is.
  for (double width = 200; width <= 600; width += 10) {
    style.display = false;
    const auto body = typesetter().set(text, style, {width, 10000, 1, 0}, 24);
    lone_as_body += body.lines.size() > 1 && trimmed(body.lines.back().text).find(' ') == std::string::npos;
    style.display = true;
    const auto layout = typesetter().set(text, style, {width, 10000, 1, 0}, 24);
    if (layout.lines.size() < 2) continue;
    const bool alone = trimmed(layout.lines.back().text).find(' ') == std::string::npos;
    lone += alone;
    BOOST_TEST(!alone, "at " << width << " pt: '" << layout.lines.back().text << "'");
  }
  BOOST_TEST(lone == 0);
  BOOST_TEST(lone_as_body > 0);  // the widths tried do leave a lone word where nothing prevents it
}

BOOST_AUTO_TEST_SUITE_END()
