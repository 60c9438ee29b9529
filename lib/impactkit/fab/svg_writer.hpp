#pragma once
// A sheet as SVG for a laser: width and height in mm with a viewBox of the
// same numbers (1 unit = 1 mm); only <path> and <circle> elements with
// absolute coordinates (no text, use, symbols, clip paths or transforms);
// one layer (<g>) per operation, in the order the laser works — engrave,
// score, cut (holes before outlines) — coloured by the shop profile, with
// hairline strokes; then a layer of notes that is not cut: each part's label
// and a 100 mm reference square to check the scale.

#include <impactkit/fab/nest.hpp>
#include <impactkit/fab/notes.hpp>
#include <impactkit/fab/part.hpp>
#include <impactkit/fab/shop.hpp>

#include <string>
#include <vector>

namespace impactkit::fab {

// `parts` are placed on the sheet (see parts_on) and kerf-compensated; the
// notes layer holds their labels and the reference square (notes.hpp).
std::string sheet_svg(const std::vector<Part>& parts, const Sheet& sheet, const ShopProfile& shop,
                      const SheetNotes& notes);
// The same, placing the notes itself.
std::string sheet_svg(const std::vector<Part>& parts, const Sheet& sheet, const ShopProfile& shop);

}  // namespace impactkit::fab
