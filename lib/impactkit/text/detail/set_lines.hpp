#pragma once
// Internal to lib/impactkit/text. Setting prepared text at one size: every
// paragraph broken into lines (Knuth-Plass, detail/paragraph.hpp), the
// lines placed in columns (detail/columns.hpp), glyphs appended to runs.

#include <impactkit/text/detail/columns.hpp>
#include <impactkit/text/detail/prepared_text.hpp>
#include <impactkit/text/typeset_text.hpp>
#include <impactkit/text/style.hpp>

#include <string>
#include <vector>

namespace impactkit::text::detail {

// A piece of a line: part of one chunk, and whether a space follows it.
struct Piece {
  int chunk = 0;
  int from = -1;  // break point it starts after, or -1 for the chunk's start
  int to = -1;    // break point it ends at, or -1 for the chunk's end
  bool space_after = false;
};

struct SetLine {
  int block = 0;
  std::vector<Piece> pieces;
  bool last = false;  // of its paragraph: not justified
  bool hyphenated = false;
  double natural = 0;  // pt, as estimated by the breaker
  double shrink = 0;   // pt its spaces may shrink
  int words = 0;
};

// Every paragraph broken into lines; `overflow_width`: by how much the
// widest line is too wide, at least what it was.
std::vector<SetLine> break_blocks(const std::vector<PreparedBlock>& blocks, const TextStyle& style, double column_width,
                                  double size_pt, double& overflow_width);

// Where the lines go: their columns and baselines, as many as fit the box.
ColumnPlan plan_lines(const std::vector<SetLine>& lines, const Font& base, const TextStyle& style, const TextBox& box,
                      double size_pt);

// Appends glyphs to `run`, mapping their clusters (byte offsets into `text`)
// to TextClusters.
void append_glyphs(GlyphRun& run, const std::string& text, const std::vector<ShapedGlyph>& glyphs, double x, double y,
                   double scale);

}  // namespace impactkit::text::detail
