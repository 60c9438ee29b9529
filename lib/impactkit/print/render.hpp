#pragma once
// Drawing a page of the display list with Cairo. One function, shared by
// the PDF and the PNG previews, so that what is previewed is what is
// printed.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/layout/page.hpp>
#include <impactkit/print/image.hpp>

namespace impactkit::print {

// Throws PrintError when `page` cannot be printed: a trim size that is not
// positive, or a negative bleed.
void check_page(const layout::Page& page);

// Draws the page's items in order, clipped to its bleed box, in the
// context's user space, which the caller sets up: (0, 0) at the trim box's
// top-left corner, y growing downwards, 1 unit = 1 pt.
//
// Images come from `images`, loaded on first use (PrintError when one is
// missing or broken). A photo printed below min_photo_ppi is a warning,
// given once per file and printed size however many pages show it.
void draw_page(cairo_t* cr, const layout::Page& page, ImageCache& images, Diagnostics& warnings);

}  // namespace impactkit::print
