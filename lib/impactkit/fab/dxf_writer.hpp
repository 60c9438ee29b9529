#pragma once
// A sheet as DXF (with dxflib), for shops that take DXF: millimetres
// ($INSUNITS = 4), layers CUT, SCORE and ENGRAVE with only LINE, ARC, CIRCLE
// and LWPOLYLINE entities. Circles are CIRCLEs; contours closed LWPOLYLINEs;
// engravings the closed boundaries of their areas (the laser's software
// fills them). A fourth layer, NOTES, carries what the SVG's notes layer
// does and is never cut: each part's label as a TEXT at the part's centre,
// and the 100 mm reference square (two closed LWPOLYLINEs and a TEXT); a
// shop switches it off. Every object has its owner, so that ezdxf's audit
// finds nothing to fix and AutoCAD opens the file without RECOVER. DXF's y
// axis points up: the sheet's top-left corner is at (0, sheet height).

#include <impactkit/fab/nest.hpp>
#include <impactkit/fab/notes.hpp>
#include <impactkit/fab/part.hpp>

#include <string>
#include <vector>

namespace impactkit::fab {

// `parts` are placed on the sheet (see parts_on) and kerf-compensated.
// Throws std::runtime_error when dxflib cannot write its scratch file.
std::string sheet_dxf(const std::vector<Part>& parts, const Sheet& sheet, const SheetNotes& notes);
// The same, placing the notes itself.
std::string sheet_dxf(const std::vector<Part>& parts, const Sheet& sheet);

}  // namespace impactkit::fab
