#pragma once
// The geometry check: what the laser cuts, proven cuttable with
// Boost.Geometry before any file is written, and again by preflight on the
// files. Per part: its outline is a valid simple polygon; every hole lies
// wholly inside it, at least a web of material from its edge, and clear of
// the other holes. Per sheet: no two parts overlap, every part keeps the
// sheet's margin, and the notes (labels, the reference square) lie off the
// parts and off the engraving. Circles are checked as polygons (flatten).
//
// The build treats a defect as a bug in impactkit (products make parts,
// content only sizes them): require_sound throws GeometryError, which ends
// the build with exit code 1 and a message that names the part and the
// feature.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/inspect.hpp>
#include <impactkit/fab/nest.hpp>
#include <impactkit/fab/part.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace impactkit::fab {

struct GeometryRules {
  double min_web_mm = 0;  // material between a hole and the outline's edge (the material's thickness)
  // The parts are checked as cut (kerf-compensated paths): the material
  // between two paths is their distance less the kerf.
  double kerf_mm = 0;
  double edge_margin_mm = 0;  // from the sheet's edge to a part's path
  // A ring (a washer, a spacer: a circle around one concentric round hole)
  // is all web: its wall is its design, held to this instead, as a wall
  // narrower than that chars through.
  double min_ring_web_mm = 2;
};

struct GeometryDefect {
  std::string part;     // the part's label, or where it lies when a file does not tell
  SourcePos source;     // where the part comes from (empty for a file)
  std::string message;  // names the feature and the part: "hole 2 (Ø4.8 at …) lies … outside the outline of '…'"
};

// A note on a sheet, not cut: a part's label or the reference square.
struct SheetNote {
  std::string what;                 // "the label of 'foot 1'", "the reference square"
  std::optional<std::size_t> part;  // the labelled part (index into the placed parts): it may lie on that part
  Bounds area;                      // what a reader sees as the note
  bool keeps_margin = false;        // placed like a part: keeps the sheet's margin
};

// One part, as cut; `part` may be at any place.
std::vector<GeometryDefect> check_part(const Part& part, const GeometryRules& rules);

// The parts of one sheet, placed (parts_on), as cut: overlaps and the margin.
std::vector<GeometryDefect> check_sheet(const std::vector<Part>& placed, const Sheet& sheet,
                                        const GeometryRules& rules);

// The notes of one sheet: off every part but their own, never across a
// cut, off every engraving; `keeps_margin` notes within the sheet's margin.
std::vector<GeometryDefect> check_notes(const std::vector<Part>& placed, const std::vector<SheetNote>& notes,
                                        const Sheet& sheet, const GeometryRules& rules);

// A sheet as its file draws it (inspect.hpp), checked as the build checks
// its parts: the cut contours grouped into parts (a contour that lies in,
// or crosses, a larger one is a hole of the smallest such; any other is an
// outline), each part as check_part does, the sheet as check_sheet does
// (its margin only when the file gives the sheet's size), the notes as
// check_notes does. A file names no part: a part is named by where it lies.
struct DrawnFindings {
  std::size_t parts = 0;
  std::vector<GeometryDefect> cuts;  // the parts and the sheet
  std::vector<GeometryDefect> notes;
};
DrawnFindings check_drawn_sheet(const DrawnSheet& sheet, const GeometryRules& rules);

// A defect the build found in its own parts: a bug in impactkit.
class GeometryError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Throws GeometryError listing every defect (and `context`, e.g. "sheet 2
// of 'exhibit'"), when there are any.
void require_sound(const std::vector<GeometryDefect>& defects, const std::string& context);

// "'foot 1' (roadshow.yaml:40:5)": a part as messages name it.
std::string part_name(const std::string& label, const SourcePos& source);

}  // namespace impactkit::fab
