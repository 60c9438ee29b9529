#pragma once
// Joints as a small vocabulary that composes into parts, after boxes.py's
// edges. A rectangular part is a walk along four edges (top, right, bottom,
// left: clockwise on screen from the top-left corner); each edge is a profile
// along its side: straight, fingers, the mates of fingers, tabs, cross-lap
// slots, T-slots for a bolt with a captive nut. Features that sit inside a
// face (finger holes, slots for tabs, bolt holes, through-holes) are holes.
//
// Parts are drawn at their finished size: kerf is added later to the whole
// outline (kerf.hpp). Every slot is drawn as wide as the measured thickness
// plus the clearance, so that the cut slot, after kerf compensation, is
// exactly that wide.

#include <impactkit/fab/geometry.hpp>

#include <array>
#include <vector>

namespace impactkit::fab {

// Shared by every joint of a job, as boxes.py's thickness and finger settings.
struct JointSettings {
  double thickness_mm = 6;    // measured, not nominal
  double clearance_mm = 0.1;  // added to every slot's width
  double finger_mm = 0;       // finger = space; 0 means 2 × thickness

  double finger_width_mm() const { return finger_mm > 0 ? finger_mm : 2 * thickness_mm; }
  double slot_width_mm() const { return thickness_mm + clearance_mm; }
};

// A bolt with a nut held captive in a T-slot (defaults: M4 × 16).
struct Bolt {
  double diameter_mm = 4;
  double length_mm = 16;           // under the head
  double nut_across_flats_mm = 7;  // M4 nut, ISO 4032
  double nut_thickness_mm = 3.2;
  double clearance_hole_mm = 4.5;  // ISO 273, medium
};

// One side of a part in its own frame: x runs along the side from 0 to
// length_mm; y is the depth into the part (0 on the side, positive inwards,
// negative outwards). The profile runs from x = 0 to x = length_mm.
struct Edge {
  double length_mm = 0;
  std::vector<Point> profile;
};

// Where the fingers of an edge of `length_mm` are, as [from, to) along it:
// odd in number, the middle ones exactly one finger wide, the two at the
// ends taking what is left over, so the pattern is symmetric and the same
// seen from either side.
std::vector<std::array<double, 2>> finger_positions(double length_mm, const JointSettings& s);

Edge straight(double length_mm);
// Fingers in the thickness band along the side; the corners are kept.
Edge fingers(double length_mm, const JointSettings& s);
// The mate of `fingers`: gaps where the other part has fingers.
Edge finger_mates(double length_mm, const JointSettings& s);
// Fingers standing out of a straight side by the thickness, to go through
// `finger_holes` in another part.
Edge finger_tabs(double length_mm, const JointSettings& s);
// `count` tabs of `tab_width_mm`, evenly spread, standing out by the thickness;
// they go into `tab_slots`.
Edge tabs(double length_mm, int count, double tab_width_mm, const JointSettings& s);
// Slots from the side into the part, centred at `at_mm`, `depth_mm` deep and
// thickness + clearance wide: the halving joint of a foot and a panel.
Edge cross_laps(double length_mm, const std::vector<double>& at_mm, double depth_mm, const JointSettings& s);
// T-slots centred at `at_mm`: a slot for the bolt, crossed by a pocket that
// holds its nut. The part they join has a bolt hole (`bolt_hole`).
Edge t_slots(double length_mm, const std::vector<double>& at_mm, const JointSettings& s, const Bolt& bolt = {});

// The part's outline: the four edges walked clockwise from the top-left
// corner. Where two edges meet, the corner is where their lines cross, so
// a corner stays only when both edges keep it. Opposite edges must have the
// same length (the width and the height of the part).
Contour walk(const std::array<Edge, 4>& top_right_bottom_left);

// A line in a part along which holes are placed: from `start`, in `direction`
// (a unit vector), `length_mm` long.
struct HoleLine {
  Point start;
  Point direction{1, 0};
  double length_mm = 0;
};
// Holes for `finger_tabs` of the same length, thickness + clearance across.
std::vector<Contour> finger_holes(const HoleLine& line, const JointSettings& s);
// Holes for `tabs`, as wide as the tab plus the clearance.
std::vector<Contour> tab_slots(const HoleLine& line, int count, double tab_width_mm, const JointSettings& s);
Contour through_hole(Point centre, double diameter_mm);
// The hole in a face for the bolt of a T-slot in the part that butts against it.
Contour bolt_hole(Point centre, const Bolt& bolt = {});

}  // namespace impactkit::fab
