#pragma once
// A digest of what a page draws, for making a page's preview again only when
// the page changed: a deck's sixty card faces after an edit to one case.

#include <impactkit/layout/page.hpp>

#include <string>

namespace impactkit::products {

// Changes whenever the page would draw differently: its size and bleed, and
// every item with all it draws (glyphs and their positions, fonts by file,
// size and date, colours, images by file, size and date, paths).
std::string page_digest(const layout::Page& page);

}  // namespace impactkit::products
