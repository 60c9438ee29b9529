#pragma once
// Internal to lib/impactkit/text. Total-fit paragraph breaking (Knuth and Plass,
// "Breaking Paragraphs into Lines", 1981) over boxes, glue and penalties.
// Written by hand: no maintained C++ library offers it with the Dutch
// hyphenation rules this engine needs (a limit on consecutive hyphenated
// lines, no one-word last lines).

#include <cstddef>
#include <limits>
#include <vector>

namespace impactkit::text::detail {

inline constexpr double infinite_penalty = 10000;

struct Item {
  enum class Type { box, glue, penalty };
  Type type = Type::box;
  double width = 0;      // pt
  double stretch = 0;    // glue only
  double shrink = 0;     // glue only
  double penalty = 0;    // penalty only; >= infinite_penalty: no break, <= -infinite_penalty: forced
  bool flagged = false;  // a break here ends the line with a hyphen
  int owner = -1;        // the caller's index (a chunk), for building lines
  int point = -1;        // the caller's index of a break point within the owner
};

struct BreakParams {
  double line_width = 0;
  bool justify = true;
  double ragged_stretch = 0;  // for ragged lines: the slack a line may have at no cost, in pt
  double line_penalty = 10;
  double flagged_demerits = 3000;  // two hyphenated lines in a row
  double fitness_demerits = 100;   // a tight line next to a loose one
  double runt_demerits = 5000;     // a last line of a single word
  int max_consecutive_hyphens = 2;
  // Display text: try looser lines before leaving a lone last word (set
  // runt_demerits far above any other demerits with it).
  bool avoid_runt = false;
};

struct BreakResult {
  std::vector<std::size_t> breaks;  // item index of each line's break; the last is the final forced break
  std::vector<double> ratios;       // adjustment ratio of each line (0 for the last)
  bool overfull = false;            // some line is wider than line_width
  double demerits = 0;              // of the chosen breaks
};

// Breaks `items` (which end with a forced break) into lines.
BreakResult break_paragraph(const std::vector<Item>& items, const BreakParams& params);

}  // namespace impactkit::text::detail
