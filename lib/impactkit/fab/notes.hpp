#pragma once
// Where a sheet's notes go: each part's label, and the 100 mm reference
// square that lets a shop check the file's scale. Notes are never cut, but
// a shop that leaves their layer on engraves them: so a label sits inside
// its part clear of its engraving and holes, and the square sits in free
// space inside the sheet's margin, clear of every part. The SVG and the
// DXF writers place them alike.

#include <impactkit/fab/check.hpp>
#include <impactkit/fab/nest.hpp>
#include <impactkit/fab/part.hpp>

#include <optional>
#include <vector>

namespace impactkit::fab {

inline constexpr double reference_square_mm = 100;

struct LabelPlace {
  Point centre;
  double height_mm = 0;
};

// Inside the part, clear of its engravings and holes, as near its middle as
// it goes; smaller when the part has no room at the first size; under the
// part when it has no room at all. place_notes, which knows the sheet's
// other parts, puts such a label beside its part clear of them, or leaves
// it out (height 0).
LabelPlace label_place(const Part& part);

// The reference square's top-left corner: the first free place, scanning
// from the bottom-right corner, `margin_mm` inside the sheet's edge and
// clear of every part; nothing when the sheet has no such place.
std::optional<Point> reference_square_corner(const std::vector<Part>& parts, const Sheet& sheet, double margin_mm = 5);

// Where a sheet's notes go, found once per sheet and given to both writers
// and the geometry check: each part's label (in the parts' order), and the
// reference square's corner when the sheet has room for it.
struct SheetNotes {
  std::vector<LabelPlace> labels;
  std::optional<Point> square;
};
// `nested_square`: the corner the nesting kept for the square on this
// sheet; without it, the square goes to free space when there is any.
SheetNotes place_notes(const std::vector<Part>& parts, const Sheet& sheet,
                       std::optional<Point> nested_square = std::nullopt);

// The notes as the geometry check reads them: each label's box, then the
// square.
std::vector<SheetNote> sheet_notes(const std::vector<Part>& parts, const SheetNotes& notes);
std::vector<SheetNote> sheet_notes(const std::vector<Part>& parts, const Sheet& sheet);

}  // namespace impactkit::fab
