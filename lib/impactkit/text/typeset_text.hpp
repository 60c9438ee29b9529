#pragma once
// What the typesetter produces: positioned glyph runs that any backend can
// draw (Cairo for print, glyph outlines for laser engraving), and the lines
// and overflow it measured. Nothing here knows about a backend.

#include <impactkit/text/font.hpp>
#include <impactkit/text/style.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace impactkit::text {

// A glyph at its place: x and y in pt from the text box's top-left corner,
// y growing downwards, y on the baseline.
struct PositionedGlyph {
  std::uint32_t id = 0;
  double x_pt = 0;
  double y_pt = 0;
};

// How bytes of a run's text map to its glyphs, in order (as Cairo and PDF
// want them), so that text copied from a PDF is the text that was set.
struct TextCluster {
  int bytes = 0;
  int glyphs = 0;
};

struct GlyphRun {
  std::shared_ptr<const Font> font;
  double size_pt = 0;
  Rgb color;
  std::vector<PositionedGlyph> glyphs;
  std::string text;  // UTF-8: what the glyphs show, including a hyphen added at a break
  std::vector<TextCluster> clusters;
};

// One set line, for callers that check or report on lines.
struct LineBox {
  int column = 0;
  int block = 0;            // which paragraph or bullet item
  double x_pt = 0;          // left end of the line's ink area
  double baseline_pt = 0;   // from the box's top
  double width_pt = 0;      // from the first glyph's origin to the end of the last glyph's advance
  double available_pt = 0;  // the width the line was set in
  bool justified = false;   // stretched to the full width
  bool hyphenated = false;  // ends with a hyphen added at a break
  std::string text;         // as printed
};

// What did not fit: lines below the box, words in those lines, and how far
// the widest line sticks out (a word longer than the column).
struct Overflow {
  int lines = 0;
  int words = 0;
  double width_pt = 0;

  bool any() const { return lines > 0 || width_pt > 0.01; }
  std::string describe() const;  // "3 lines (17 words) over", "a word 12.5 pt too wide"
};

struct TypesetText {
  double size_pt = 0;
  std::vector<GlyphRun> runs;
  std::vector<LineBox> lines;  // only lines that fit in the box
  double height_pt = 0;        // of the tallest column, from the box's top to the last line's descent
  Overflow overflow;

  bool fits() const { return !overflow.any(); }
};

}  // namespace impactkit::text
