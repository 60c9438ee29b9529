#include <impactkit/fab/coupon.hpp>
#include <impactkit/fab/label_font.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace impactkit::fab {
namespace {

constexpr double slot_depth_mm = 15;
constexpr double label_mm = 5;         // engraved numbers
constexpr double hub_pitch_mm = 32;    // between hub hole centres
constexpr double gauge_reach_mm = 15;  // how far the gauge stands out

void engrave(Part& part, const std::string& text, Point centre, double height_mm) {
  auto shapes = label_outlines(text, centre, height_mm);
  part.engravings.insert(part.engravings.end(), shapes.begin(), shapes.end());
}

// The right side walked downwards, with the gauge standing out of it
// (negative depth is outwards) from `from_mm` on.
Edge side_with_gauge(double length_mm, double from_mm) {
  return {length_mm,
          {{0, 0},
           {from_mm, 0},
           {from_mm, -gauge_reach_mm},
           {from_mm + kerf_gauge_mm, -gauge_reach_mm},
           {from_mm + kerf_gauge_mm, 0},
           {length_mm, 0}}};
}

}  // namespace

std::vector<double> coupon_clearances_mm() {
  return {-0.2, -0.1, 0.0, 0.1, 0.2};
}

std::vector<double> coupon_hub_holes_mm() {
  return {21.9, 22.0, 22.1};
}

Part fit_test_coupon(const JointSettings& s) {
  const auto clearances = coupon_clearances_mm();
  const auto hubs = coupon_hub_holes_mm();
  const double pitch = std::max(24.0, 2 * s.thickness_mm + 8);
  // Holes and slots keep at least a thickness of wood around them.
  const double web = std::max(s.thickness_mm, 6.0);
  const double width =
      std::max(pitch * static_cast<double>(clearances.size()), hub_pitch_mm * static_cast<double>(hubs.size()) + web);
  const double hub_radius = hubs.back() / 2;
  const double hub_y = slot_depth_mm + label_mm + 2 * web + hub_radius;
  const double height = hub_y + hub_radius + label_mm + 2 * web;
  Part coupon;
  coupon.label = "fit test";
  coupon.cut_first = true;
  Edge top = straight(width);
  for (std::size_t i = 0; i < clearances.size(); ++i) {
    JointSettings one = s;
    one.clearance_mm = clearances[i];
    const double at = width / static_cast<double>(clearances.size()) * (static_cast<double>(i) + 0.5);
    const Edge slot = cross_laps(width, {at}, slot_depth_mm, one);
    // Splice this slot's notch (the points between the side's two ends) into the top edge.
    top.profile.insert(top.profile.end() - 1, slot.profile.begin() + 1, slot.profile.end() - 1);
    // Rounded to 0.1, so that −0.0 never shows.
    const double shown = std::round(clearances[i] * 10) / 10 + 0.0;
    engrave(coupon, fmt::format("{:+.1f}", shown), {at, slot_depth_mm + web + label_mm / 2}, label_mm);
  }
  for (std::size_t i = 0; i < hubs.size(); ++i) {
    const double x = width / 2 + hub_pitch_mm * (static_cast<double>(i) - static_cast<double>(hubs.size() - 1) / 2);
    coupon.holes.push_back(through_hole({x, hub_y}, hubs[i]));
    engrave(coupon, fmt::format("{:.1f}", hubs[i]), {x, hub_y + hub_radius + web / 2 + label_mm / 2}, label_mm);
  }
  const double gauge_from = (height - kerf_gauge_mm) / 2;
  engrave(coupon, fmt::format("{:.2f}", kerf_gauge_mm), {width + gauge_reach_mm / 2, height / 2}, 3);
  coupon.outline = walk({top, side_with_gauge(height, gauge_from), straight(width), straight(height)});
  return coupon;
}

}  // namespace impactkit::fab
