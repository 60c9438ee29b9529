#pragma once
// Part labels and coupon numbers as filled outlines, from a tiny built-in
// single-stroke font (digits, A–Z, a few signs) whose strokes Clipper turns
// into filled shapes.
//
// Why not the text engine (lib/impactkit/text)? A sheet's labels are a shop's notes,
// not content: they need no shaping, hyphenation or font choice, and
// loading fonts through fontconfig would cost more than the 10 ms a whole
// box may take from start to SVG. Engraved case content does go through
// lib/impactkit/text (text::outlines), laid out by the same templates as print.

#include <impactkit/fab/geometry.hpp>

#include <string_view>
#include <vector>

namespace impactkit::fab {

// `text` (lower case is set in capitals; unknown characters as '?') as
// filled outlines, `height_mm` tall, centred on `centre`. Fill with the
// non-zero rule: holes (as in 0, 8, A) run the other way round.
std::vector<Polygon> label_outlines(std::string_view text, Point centre, double height_mm);

// The width of `text` set at `height_mm`.
double label_width_mm(std::string_view text, double height_mm);

}  // namespace impactkit::fab
