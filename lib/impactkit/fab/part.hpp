#pragma once
// A part: one piece cut from a sheet. Its outline and holes are cut, score
// lines are cut lightly (not through), engravings are filled areas.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/geometry.hpp>

#include <string>
#include <vector>

namespace impactkit::fab {

// What the laser does with a path, in the order it does it: engrave first,
// then score, then cut (and of the cuts, holes before outlines, so that a
// part never drops out of the sheet before its holes are cut).
enum class Operation { engrave, score, cut };
const char* name(Operation op);

// The direction of the wood's grain relative to the part. A part with a
// grain may only turn by half turns on the sheet, so that its grain runs
// along the sheet's grain (the sheet's x axis).
enum class Grain { any, along_x, along_y };

struct Part {
  std::string label;                 // short, shown on a non-cutting layer
  Contour outline;                   // cut last
  std::vector<Contour> holes;        // cut before the outline
  std::vector<Polygon> score_lines;  // open polylines, scored
  std::vector<Polygon> engravings;   // filled areas (non-zero rule), engraved
  Grain grain = Grain::any;
  SourcePos source;  // where the part comes from, for messages about it
  // Its sheet is cut first: the fit-test coupon, on which a shop checks the
  // job's kerf, clearance and bearing fit before it cuts the rest.
  bool cut_first = false;
};

// The part moved onto a sheet.
Part place(const Placement& m, const Part& part);
Bounds bounds(const Part& part);
// The area of material the part takes (outline minus holes), in mm².
double area_mm2(const Part& part);

}  // namespace impactkit::fab
