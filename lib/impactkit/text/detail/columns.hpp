#pragma once
// Internal to lib/impactkit/text. Distributing set lines over columns: balanced (all
// columns as equal as the lines allow), without orphans (a paragraph's first
// line alone at a column's foot) or widows (its last line alone at a
// column's head).

#include <vector>

namespace impactkit::text::detail {

struct ColumnInput {
  std::vector<int> block_of_line;  // paragraph index of each line, in order
  int columns = 1;
  double box_height = 0;
  double ascent = 0;     // first baseline below a column's top
  double descent = 0;    // below the last baseline
  double leading = 0;    // baseline to baseline
  double block_gap = 0;  // extra between paragraphs
};

struct ColumnPlan {
  std::vector<int> column;       // of each placed line
  std::vector<double> baseline;  // of each placed line, from the column's top
  int placed = 0;                // lines that fit; the rest overflow
  double height = 0;             // of the tallest column
};

ColumnPlan plan_columns(const ColumnInput& input);

}  // namespace impactkit::text::detail
