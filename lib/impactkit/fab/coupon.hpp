#pragma once
// The fit-test coupon: one strip with slots from the measured thickness
// − 0.2 mm to + 0.3 mm in 0.1 mm steps, each engraved with its clearance.
// Cut it, push an offcut of the sheet into each slot, and take the clearance
// of the one that fits as the job's clearance.

#include <impactkit/fab/joint.hpp>
#include <impactkit/fab/part.hpp>

#include <vector>

namespace impactkit::fab {

// The clearances tried, in mm: −0.2, −0.1, 0, 0.1, 0.2, 0.3.
std::vector<double> coupon_clearances_mm();

// Slots `s.thickness_mm + clearance` wide (s.clearance_mm is not used), in
// the order of coupon_clearances_mm(), left to right.
Part fit_test_coupon(const JointSettings& s);

}  // namespace impactkit::fab
