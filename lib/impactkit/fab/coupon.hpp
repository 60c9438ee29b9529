#pragma once
// The fit-test coupon, cut first on the first sheet so that a shop can
// check a job's three settings before it cuts the rest:
// - a comb of slots from the measured thickness − 0.2 mm to + 0.2 mm in
//   0.1 mm steps, each engraved with its clearance: push an offcut of the
//   sheet into each and take the clearance of the one that fits;
// - three hub holes of 21.9, 22.0 and 22.1 mm for the wheel's 608 bearing;
// - a kerf gauge: a tongue drawn 20.00 mm wide, measured with callipers
//   (docs/fabrication.md, "Fit test", says what to enter where).

#include <impactkit/fab/joint.hpp>
#include <impactkit/fab/part.hpp>

#include <vector>

namespace impactkit::fab {

// The clearances tried, in mm: −0.2, −0.1, 0, 0.1, 0.2.
std::vector<double> coupon_clearances_mm();
// The hub holes' diameters, in mm: 21.9, 22.0, 22.1.
std::vector<double> coupon_hub_holes_mm();
// The kerf gauge's width as drawn (and as cut, when the kerf is right).
inline constexpr double kerf_gauge_mm = 20;

// Slots `s.thickness_mm + clearance` wide (s.clearance_mm is not used), in
// the order of coupon_clearances_mm(), left to right along the top; the hub
// holes below them; the kerf gauge standing out of the right side.
Part fit_test_coupon(const JointSettings& s);

}  // namespace impactkit::fab
