#pragma once
// Drawing set text with Cairo, as glyphs with their text clusters, so that a
// PDF keeps the text searchable and copyable, diacritics included.

#include <impactkit/text/typeset_text.hpp>

typedef struct _cairo cairo_t;  // NOLINT(modernize-use-using,bugprone-reserved-identifier): Cairo's own declaration

namespace impactkit::print {

// Draws `layout` with its text box's top-left corner at (x_pt, y_pt) in the
// context's user space (1 unit = 1 pt).
void draw_text(cairo_t* cr, const text::TypesetText& layout, double x_pt, double y_pt);

}  // namespace impactkit::print
