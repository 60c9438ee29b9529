#pragma once
// Set text and composed pages as laser work: glyph outlines become filled
// polygons (engraved), lines become score lines. Shared by the products
// that engrave (the exhibit's panels, the wheel's disc).

#include <impactkit/fab/part.hpp>
#include <impactkit/layout/page.hpp>
#include <impactkit/text/typeset_text.hpp>
#include <impactkit/text/outline.hpp>

#include <vector>

namespace impactkit::products {

// The glyph outlines of a page's text as closed polygons in mm, turned as
// the item says, the page's top-left going to `origin`. Curves are
// flattened into `curve_segments` lines each: engraving and print tolerate
// a few hundredths of a millimetre, and small print needs fewer. A cache
// keeps the glyphs loaded for the next texts (see text/outline.hpp).
std::vector<fab::Polygon> glyph_polygons(const layout::TextItem& text, fab::Point origin, int curve_segments = 8,
                                         text::OutlineCache* cache = nullptr);

// A composed page as laser work, `origin` being where its top-left goes on
// the part: text as filled glyph outlines (engraved), lines scored. Colour
// bands and images are print's, not the laser's, and are left out.
void engrave_page(const layout::Page& page, fab::Point origin, fab::Part& part, text::OutlineCache* cache = nullptr);

}  // namespace impactkit::products
