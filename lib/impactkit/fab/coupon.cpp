#include <impactkit/fab/coupon.hpp>
#include <impactkit/fab/label_font.hpp>

#include <cmath>

#include <fmt/format.h>

namespace impactkit::fab {

std::vector<double> coupon_clearances_mm() {
  return {-0.2, -0.1, 0.0, 0.1, 0.2, 0.3};
}

Part fit_test_coupon(const JointSettings& s) {
  const auto clearances = coupon_clearances_mm();
  const double pitch = std::max(20.0, 2 * s.thickness_mm + 8);
  const double depth = 15;
  const double width = pitch * static_cast<double>(clearances.size());
  const double height = depth + 20;
  Edge top = straight(width);
  Part coupon;
  coupon.label = "fit test";
  for (std::size_t i = 0; i < clearances.size(); ++i) {
    JointSettings one = s;
    one.clearance_mm = clearances[i];
    const double at = pitch * (static_cast<double>(i) + 0.5);
    const Edge slot = cross_laps(width, {at}, depth, one);
    // Splice this slot's notch (the points between the side's two ends) into the top edge.
    top.profile.insert(top.profile.end() - 1, slot.profile.begin() + 1, slot.profile.end() - 1);
    // Rounded to 0.1, so that −0.0 never shows.
    const double shown = std::round(clearances[i] * 10) / 10 + 0.0;
    auto label = label_outlines(fmt::format("{:+.1f}", shown), {at, depth + 10}, 5);
    coupon.engravings.insert(coupon.engravings.end(), label.begin(), label.end());
  }
  coupon.outline = walk({top, straight(height), straight(width), straight(height)});
  return coupon;
}

}  // namespace impactkit::fab
