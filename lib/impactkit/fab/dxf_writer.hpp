#pragma once
// A sheet as DXF (with dxflib), for shops that take DXF: millimetres
// ($INSUNITS = 4), layers CUT, SCORE and ENGRAVE, and only LINE, ARC, CIRCLE
// and LWPOLYLINE entities. Circles are CIRCLEs; contours closed LWPOLYLINEs;
// engravings the closed boundaries of their areas (the laser's software
// fills them). DXF's y axis points up: the sheet's top-left corner is at
// (0, sheet height). Labels and the reference square are SVG-only notes.

#include <impactkit/fab/nest.hpp>
#include <impactkit/fab/part.hpp>

#include <string>
#include <vector>

namespace impactkit::fab {

// `parts` are placed on the sheet (see parts_on) and kerf-compensated.
// Throws std::runtime_error when dxflib cannot write its scratch file.
std::string sheet_dxf(const std::vector<Part>& parts, const Sheet& sheet);

}  // namespace impactkit::fab
