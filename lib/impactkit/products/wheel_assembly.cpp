// The wheel's assembly sheet: the stand from the front and the side, then
// the whole wheel from the front with the steps for its disc, axle and
// flapper, and the hardware of each step.

#include <impactkit/products/detail/assembly_words.hpp>
#include <impactkit/products/detail/wheel_parts.hpp>

#include <fmt/format.h>

#include <cmath>

namespace impactkit::products::detail {
using fab::Bounds;
using fab::Part;
using fab::Point;

namespace {

// What a view draws of a part: its outline and holes, not its engraving.
Part drawn(const Part& p) {
  Part out;
  out.label = p.label;
  out.outline = p.outline;
  out.holes = p.holes;
  return out;
}

Point hole_centre(const Part& p, std::size_t hole) {
  const Bounds b = fab::bounds(p.holes.at(hole));
  return {(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
}

// The stand: the upright face-on with the feet, and from the side the
// second upright face-on; what stands edge-on is a box.
Assembly stand(const WheelBuild& w, const content::Labels& labels) {
  Assembly a;
  a.id = "wheel-stand";
  a.title = locale_text(labels, "assembly.wheel_stand_title");
  for (const std::size_t i : {w.upright(), w.brace(), w.foot(0), w.foot(1)}) a.parts.push_back(drawn(w.parts[i]));
  const Bounds upright = fab::bounds(a.parts[0]);
  const Bounds brace = fab::bounds(a.parts[1]);
  const Bounds foot = fab::bounds(a.parts[2]);
  const double floor = upright.height_mm();
  const double t = w.thickness_mm;
  const double middle = foot.width_mm() / 2;

  AssemblyView front;
  front.title = locale_text(labels, "assembly.view.wheel_front");
  front.parts = {{0, {middle - upright.width_mm() / 2, 0}, 0, false, true},
                 {3, {0, floor - foot.height_mm()}, 0, true, false},
                 {2, {0, floor - foot.height_mm()}, 0, false, true}};
  front.boxes.push_back({a.parts[1].label, {middle - t / 2, floor - brace.height_mm(), middle + t / 2, floor}});

  AssemblyView side;
  side.title = locale_text(labels, "assembly.view.side");
  side.parts = {{1, {0, floor - brace.height_mm()}, 0, false, true}};
  const double depth = brace.width_mm();
  side.boxes.push_back({a.parts[0].label, {depth / 2 - t / 2, 0, depth / 2 + t / 2, floor}});
  const double inset = w.stand.foot_inset_mm;
  for (int f = 0; f < 2; ++f) {
    const double x = f == 0 ? inset : depth - inset;
    side.boxes.push_back(
        {a.parts[2 + static_cast<std::size_t>(f)].label, {x - t / 2, floor - foot.height_mm(), x + t / 2, floor}});
  }
  a.views = {std::move(front), std::move(side)};
  a.steps = {{locale_text(labels, "assembly.wheel_feet"), {}}, {locale_text(labels, "assembly.wheel_upright"), {}}};
  return a;
}

// The whole wheel from the front, the axle at (0, 0): the disc, the holder
// on the axle, the flapper on the holder's pivot, and behind them the
// counter-disc, the upright and a foot.
AssemblyView wheel_front(const WheelBuild& w, const Assembly& a, const content::Labels& labels) {
  // a.parts: disc, counter-discs, holder, flapper, upright, foot.
  const auto n = static_cast<std::size_t>(w.counter_discs);
  const Part& disc = a.parts[0];
  const Part& holder = a.parts[n + 1];
  const Part& flapper = a.parts[n + 2];
  const Part& upright = a.parts[n + 3];
  const Part& foot = a.parts[n + 4];
  const double r = fab::bounds(disc).width_mm() / 2;
  const Point axle_in_holder = hole_centre(holder, 1);
  const Point pivot_in_holder = hole_centre(holder, 0);
  const Point axle_in_upright = hole_centre(upright, 0);
  const Point pivot_in_flapper = hole_centre(flapper, 0);
  const Bounds u = fab::bounds(upright);
  const Bounds f = fab::bounds(foot);
  const double floor = u.height_mm() - axle_in_upright.y;

  AssemblyView v;
  v.title = locale_text(labels, "assembly.view.wheel_front");
  v.parts.push_back({n + 3, {-axle_in_upright.x, -axle_in_upright.y}, 0, true, false});
  v.parts.push_back({n + 4, {-f.width_mm() / 2, floor - f.height_mm()}, 0, true, false});
  for (std::size_t i = 0; i < n; ++i) {
    const double c = fab::bounds(a.parts[1 + i]).width_mm() / 2;
    v.parts.push_back({1 + i, {-c, -c}, 0, true, i == 0});
  }
  v.parts.push_back({0, {-r, -r}, 0, false, true});
  v.parts.push_back({n + 1, {-axle_in_holder.x, -axle_in_holder.y}, 0, false, true});
  const Point pivot{pivot_in_holder.x - axle_in_holder.x, pivot_in_holder.y - axle_in_holder.y};
  v.parts.push_back({n + 2, {pivot.x - pivot_in_flapper.x, pivot.y - pivot_in_flapper.y}, 0, false, true});
  return v;
}

int stock_dowel_mm(double length_mm) {
  return static_cast<int>(std::ceil(length_mm / 5) * 5);
}

Assembly disc_axle_flapper(const WheelBuild& w, const content::Labels& labels) {
  Assembly a;
  a.id = "wheel-disc";
  a.title = locale_text(labels, "assembly.wheel_disc_title");
  a.parts.push_back(drawn(w.parts[0]));
  for (int i = 0; i < w.counter_discs; ++i) a.parts.push_back(drawn(w.parts[w.counter_disc(i)]));
  for (const std::size_t i : {w.holder(), w.flapper(), w.upright(), w.foot(0)}) a.parts.push_back(drawn(w.parts[i]));
  a.views.push_back(wheel_front(w, a, labels));

  const HardwareNames hw{labels};
  const double t = w.thickness_mm;
  const double m4 = w.flapper_bolt_mm;
  const auto g = w.geometry;
  const Values values = {{"counters", std::to_string(w.counter_discs)},
                         {"pegs", std::to_string(g.sectors)},
                         {"peg_mm", fmt::format("{:g}", w.peg_length_mm)},
                         {"spacers", std::to_string(w.flapper_spacers)}};
  const auto step = [&](const char* key, std::vector<Hardware> hardware) {
    a.steps.push_back({locale_text(labels, fmt::format("assembly.{}", key), values), std::move(hardware)});
  };
  step(w.counter_discs > 1 ? "wheel_glue_two" : "wheel_glue", {hw.item(0, "glue")});
  step("wheel_bearing", {hw.item(w.counter_discs, "bearing")});
  step("wheel_pegs", {hw.item(g.sectors, "dowel",
                              {{"d", fmt::format("{:g}", g.peg_diameter_mm)},
                               {"length", std::to_string(stock_dowel_mm(w.peg_length_mm + t))}})});
  step("wheel_holder", {hw.bolt(2, m4, 2 * t), hw.washer(4, m4), hw.nut(2, m4)});
  // Upright, holder, two axle washers, the counter-discs and the disc.
  const double axle_grip = t * (1 + 1 + 2 + w.counter_discs + 1);
  step("wheel_axle", {hw.bolt(1, w.axle_mm, axle_grip), hw.washer(1, w.axle_mm), hw.item(1, "lock_nut", {{"d", "8"}})});
  step("wheel_flapper", {hw.bolt(1, m4, t * (2 + w.flapper_spacers)), hw.washer(2, m4),
                         hw.item(1, "lock_nut", {{"d", fmt::format("{:g}", m4)}})});
  return a;
}

}  // namespace

std::vector<Assembly> wheel_assemblies(const WheelBuild& w, const content::Labels& labels) {
  return {stand(w, labels), disc_axle_flapper(w, labels)};
}

}  // namespace impactkit::products::detail
