#include <impactkit/fab/joint.hpp>

#include <algorithm>
#include <cmath>

namespace impactkit::fab {

namespace {

// A profile that sits at `base_mm` and steps to `raised_mm` over each of `spans`.
Edge stepped(double length_mm, const std::vector<std::array<double, 2>>& spans, double base_mm, double raised_mm) {
  Edge e{length_mm, {}};
  double depth = base_mm;
  auto step_to = [&](double x, double to) {
    if (to == depth) return;
    e.profile.push_back({x, depth});
    e.profile.push_back({x, to});
    depth = to;
  };
  e.profile.push_back({0, spans.empty() || spans.front()[0] > 0 ? base_mm : raised_mm});
  depth = e.profile.back().y;
  for (const auto& [from, to] : spans) {
    step_to(from, raised_mm);
    if (to < length_mm) step_to(to, base_mm);
  }
  e.profile.push_back({length_mm, depth});
  return e;
}

// Adds a notch to a straight profile: `outline` is the notch's points, in
// order along the side, from where it leaves the side to where it returns.
void add_notch(Edge& e, const std::vector<Point>& outline) {
  e.profile.pop_back();  // the end point, put back after the notch
  e.profile.insert(e.profile.end(), outline.begin(), outline.end());
  e.profile.push_back({e.length_mm, 0});
}

Point along(const HoleLine& line, double u, double v) {
  // v is across the line, to its right on screen.
  const Point n{-line.direction.y, line.direction.x};
  return {line.start.x + u * line.direction.x + v * n.x, line.start.y + u * line.direction.y + v * n.y};
}

Contour slot_on(const HoleLine& line, double from_mm, double to_mm, double width_mm) {
  const double h = width_mm / 2;
  return Contour::of(
      Polygon{along(line, from_mm, -h), along(line, to_mm, -h), along(line, to_mm, h), along(line, from_mm, h)});
}

// Steps that end up on a line (a finger meeting a corner) leave points that
// add nothing: drop repeated and collinear points until none is left.
Polygon without_redundant_points(Polygon p) {
  for (bool changed = true; changed && p.size() > 3;) {
    changed = false;
    Polygon kept;
    for (std::size_t i = 0, n = p.size(); i < n; ++i) {
      const Point a = kept.empty() ? p[(i + n - 1) % n] : kept.back();
      const Point b = p[i];
      const Point c = p[(i + 1) % n];
      const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
      if (b == a || std::abs(cross) < 1e-9) {
        changed = true;
        continue;
      }
      kept.push_back(b);
    }
    p = std::move(kept);
  }
  return p;
}

}  // namespace

std::vector<std::array<double, 2>> finger_positions(double length_mm, const JointSettings& s) {
  const double f = s.finger_width_mm();
  int n = static_cast<int>(std::floor(length_mm / f));
  if (n % 2 == 0) --n;
  std::vector<std::array<double, 2>> spans;
  if (n < 3) {
    // Too short for whole fingers: three equal parts.
    spans.push_back({0, length_mm / 3});
    spans.push_back({2 * length_mm / 3, length_mm});
    return spans;
  }
  const double end = (length_mm - (n - 2) * f) / 2;
  spans.push_back({0, end});
  for (int i = 2; i < n - 1; i += 2) {
    const double from = end + (i - 1) * f;
    spans.push_back({from, from + f});
  }
  spans.push_back({length_mm - end, length_mm});
  return spans;
}

Edge straight(double length_mm) {
  return Edge{length_mm, {{0, 0}, {length_mm, 0}}};
}

Edge fingers(double length_mm, const JointSettings& s) {
  // Material on the fingers, gaps (down to the thickness) between them.
  return stepped(length_mm, finger_positions(length_mm, s), s.thickness_mm, 0);
}

Edge finger_mates(double length_mm, const JointSettings& s) {
  return stepped(length_mm, finger_positions(length_mm, s), 0, s.thickness_mm);
}

Edge finger_tabs(double length_mm, const JointSettings& s) {
  return stepped(length_mm, finger_positions(length_mm, s), 0, -s.thickness_mm);
}

Edge tabs(double length_mm, int count, double tab_width_mm, const JointSettings& s) {
  std::vector<std::array<double, 2>> spans;
  for (int i = 0; i < count; ++i) {
    const double centre = length_mm * (i + 0.5) / count;
    spans.push_back({centre - tab_width_mm / 2, centre + tab_width_mm / 2});
  }
  return stepped(length_mm, spans, 0, -s.thickness_mm);
}

Edge cross_laps(double length_mm, const std::vector<double>& at_mm, double depth_mm, const JointSettings& s) {
  Edge e = straight(length_mm);
  const double h = s.slot_width_mm() / 2;
  for (double at : at_mm) add_notch(e, {{at - h, 0}, {at - h, depth_mm}, {at + h, depth_mm}, {at + h, 0}});
  return e;
}

Edge t_slots(double length_mm, const std::vector<double>& at_mm, const JointSettings& s, const Bolt& bolt) {
  // The bolt goes through the face (thickness), then into this part; its nut
  // sits 1 mm short of the bolt's end, and the slot runs 1 mm past that end.
  const double reach = bolt.length_mm - s.thickness_mm;
  const double nut = bolt.nut_thickness_mm + s.clearance_mm;
  const double pocket_from = reach - nut - 1;
  const double depth = reach + 1;
  const double b = (bolt.diameter_mm + s.clearance_mm) / 2;
  const double w = (bolt.nut_across_flats_mm + s.clearance_mm) / 2;
  Edge e = straight(length_mm);
  for (double at : at_mm) {
    add_notch(e, {{at - b, 0},
                  {at - b, pocket_from},
                  {at - w, pocket_from},
                  {at - w, pocket_from + nut},
                  {at - b, pocket_from + nut},
                  {at - b, depth},
                  {at + b, depth},
                  {at + b, pocket_from + nut},
                  {at + w, pocket_from + nut},
                  {at + w, pocket_from},
                  {at + b, pocket_from},
                  {at + b, 0}});
  }
  return e;
}

Contour walk(const std::array<Edge, 4>& edges) {
  const double w = edges[0].length_mm;
  const double h = edges[1].length_mm;
  const std::array<Point, 4> origin{Point{0, 0}, Point{w, 0}, Point{w, h}, Point{0, h}};
  const std::array<Point, 4> dir{Point{1, 0}, Point{0, 1}, Point{-1, 0}, Point{0, -1}};
  auto to_part = [&](int i, Point local) {
    const Point d = dir[i];
    const Point n{-d.y, d.x};  // into the part
    return Point{origin[i].x + local.x * d.x + local.y * n.x, origin[i].y + local.x * d.y + local.y * n.y};
  };
  // Corner i is where edge i's last line meets edge i+1's first line.
  auto corner = [&](int i) {
    const Edge& e = edges[i];
    const Edge& next = edges[(i + 1) % 4];
    return to_part(i, {e.length_mm - next.profile.front().y, e.profile.back().y});
  };
  Polygon p;
  for (int i = 0; i < 4; ++i) {
    const auto& profile = edges[i].profile;
    p.push_back(corner((i + 3) % 4));
    for (std::size_t k = 1; k + 1 < profile.size(); ++k) p.push_back(to_part(i, profile[k]));
  }
  return Contour::of(without_redundant_points(std::move(p)));
}

std::vector<Contour> finger_holes(const HoleLine& line, const JointSettings& s) {
  std::vector<Contour> holes;
  for (const auto& [from, to] : finger_positions(line.length_mm, s))
    holes.push_back(slot_on(line, from, to, s.slot_width_mm()));
  return holes;
}

std::vector<Contour> tab_slots(const HoleLine& line, int count, double tab_width_mm, const JointSettings& s) {
  std::vector<Contour> holes;
  const double half = (tab_width_mm + s.clearance_mm) / 2;
  for (int i = 0; i < count; ++i) {
    const double centre = line.length_mm * (i + 0.5) / count;
    holes.push_back(slot_on(line, centre - half, centre + half, s.slot_width_mm()));
  }
  return holes;
}

Contour through_hole(Point centre, double diameter_mm) {
  return Contour::of(Circle{centre, diameter_mm / 2});
}

Contour bolt_hole(Point centre, const Bolt& bolt) {
  return through_hole(centre, bolt.clearance_hole_mm);
}

}  // namespace impactkit::fab
