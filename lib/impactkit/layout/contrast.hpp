#pragma once
// Contrast between text and what is drawn behind it, as WCAG 2.1 measures
// it (success criterion 1.4.3): relative luminance of sRGB colours, and a
// ratio of at least 4.5:1 for normal text, 3:1 for large text (18 pt or
// more, or 14 pt bold). Sizes are taken at A4-equivalent size: a template
// scales with the page, and a poster read from further away is held to
// the rule its text would meet on an A4 sheet of the same proportions.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/layout/page.hpp>

#include <cstddef>
#include <string>

namespace impactkit::layout {

// WCAG 2.1 relative luminance: each sRGB channel linearised, then weighted.
double relative_luminance(const Rgb& c);

// (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: from 1 (same) to 21.
double contrast_ratio(const Rgb& a, const Rgb& b);

// 3 for large text (`a4_size_pt` of 18 or more, or 14 or more when bold),
// 4.5 otherwise.
double required_contrast(double a4_size_pt, bool bold);

// "#FCC30B".
std::string hex(const Rgb& c);

// What one pt of text on `page` is at A4-equivalent size: the page scaled
// to the width of A4 in the same orientation (210 mm upright, 297 mm
// lying), as its template scales with the page's width.
double a4_scale(const Page& page);

// Checks each text item from `first` on against what is drawn behind each
// of its glyphs (the topmost filled rectangle, circle or path among the
// items before it; the white paper where there is none). Text under its
// threshold is a warning at `pos` (the template element that drew it)
// naming both colours, the ratio, the ratio required and the size at A4.
// Text over an image cannot be measured here (images are decoded only by
// the backends): a warning says so once, and `impactkit preflight`
// measures the rendered page.
void check_contrast(const Page& page, std::size_t first, const SourcePos& pos, Diagnostics& diagnostics);

}  // namespace impactkit::layout
