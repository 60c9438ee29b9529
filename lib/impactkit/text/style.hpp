#pragma once
// How text looks: a text style, and the box it is set in.

#include <impactkit/text/hyphenate.hpp>

#include <string>
#include <vector>

namespace impactkit::text {

enum class Align { left, center, right, justify };

// A colour in sRGB, each part from 0 to 1.
struct Rgb {
  double r = 0;
  double g = 0;
  double b = 0;
  auto operator<=>(const Rgb&) const = default;
};

struct TextStyle {
  std::string family = "Inter";
  int weight = 400;       // OpenType weight of plain text
  int bold_weight = 700;  // of **bold** text
  bool italic = false;
  double line_height = 1.3;        // baseline to baseline, in multiples of the size
  double paragraph_spacing = 0.6;  // extra space between paragraphs, in multiples of the size
  double bullet_indent = 1.1;      // indent of bullet items, in multiples of the size
  Align align = Align::left;
  Rgb color;
  std::vector<std::string> features;  // OpenType features, e.g. "tnum" for tabular figures
  std::string language = "nl";        // for shaping, line breaking and hyphenation
  // Set text breaks with at least three letters either side: a fragment of
  // one or two ("Im-", "ge-", "wo-") reads as a mistake at poster sizes.
  HyphenationSettings hyphenation{.min_before = 3, .min_after = 3};
  // Display text (titles, kickers, labels, figures): its last line never
  // holds a single word while an earlier line could give it one more.
  bool display = false;
};

// The area text is set in, in points; columns share the width with gutters
// between them.
struct TextBox {
  double width_pt = 0;
  double height_pt = 0;
  int columns = 1;
  double gutter_pt = 0;

  double column_width_pt() const { return (width_pt - gutter_pt * (columns - 1)) / columns; }
};

}  // namespace impactkit::text
