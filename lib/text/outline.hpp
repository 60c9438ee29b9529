#pragma once
// Text as paths: the glyph outlines of a layout, for laser engraving and
// anywhere else text must not depend on fonts.

#include <impactkit/text/layout.hpp>

#include <vector>

namespace impactkit::text {

struct PathCommand {
  enum class Op { move, line, cubic, close };
  Op op = Op::move;
  // The end point (x, y); for a cubic also its two control points.
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, x = 0, y = 0;
};

// Every glyph of `layout` as closed outlines, in pt, with the text box's
// top-left corner at (x_pt, y_pt) and y growing downwards. Quadratic curves
// (TrueType) become cubic ones.
std::vector<PathCommand> outlines(const TextLayout& layout, double x_pt = 0, double y_pt = 0);

}  // namespace impactkit::text
