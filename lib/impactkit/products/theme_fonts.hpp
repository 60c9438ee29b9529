#pragma once
// The theme's fonts, checked before anything is laid out: every style's
// family (its role's, `fonts:`, or its own `font:`) must be installed; a
// weight or slant the family lacks is set in the family's nearest face
// (text::nearest_face), which is worth a warning, not an error.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/text/font.hpp>

namespace impactkit::products {

enum class FontWarnings { report, skip };

// Reports, at the theme's file:line:col:
// - a family of which no face is installed: an error where the family is
//   named (`fonts:` or the style's `font:`), once per family, with the
//   installed families and a "did you mean";
// - a face the family lacks (a weight, italic, or the bold of **bold**
//   text): one warning per face asked for, at the first style that asks
//   for it, naming the face used instead and the other styles that ask.
// A build checks once (pipeline) and each product's kit again without the
// warnings, so that each is printed once.
void check_fonts(const content::Theme& theme, text::FontLibrary& fonts, Diagnostics& diagnostics,
                 FontWarnings warnings = FontWarnings::report);

// The same with the fonts a content root sees (text::font_dirs).
void check_fonts(const content::Roadshow& roadshow, Diagnostics& diagnostics);

}  // namespace impactkit::products
