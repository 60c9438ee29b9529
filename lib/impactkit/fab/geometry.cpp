#include <impactkit/fab/geometry.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace impactkit::fab {

Polygon rectangle(double x_mm, double y_mm, double width_mm, double height_mm) {
  return {{x_mm, y_mm}, {x_mm + width_mm, y_mm}, {x_mm + width_mm, y_mm + height_mm}, {x_mm, y_mm + height_mm}};
}

Polygon flatten(const Circle& c, double tolerance_mm) {
  // The sagitta of a chord over angle a is r(1 - cos(a/2)); keep it under the tolerance.
  const double r = c.radius_mm;
  const double step = 2 * std::acos(std::clamp(1 - tolerance_mm / std::max(r, tolerance_mm), -1.0, 1.0));
  return regular_polygon(c, std::max(12, static_cast<int>(std::ceil(2 * std::numbers::pi / step))));
}

Polygon regular_polygon(const Circle& c, int corners) {
  Polygon p;
  p.reserve(static_cast<std::size_t>(corners));
  for (int i = 0; i < corners; ++i) {
    const double a = 2 * std::numbers::pi * i / corners;
    p.push_back({c.centre.x + c.radius_mm * std::cos(a), c.centre.y + c.radius_mm * std::sin(a)});
  }
  return p;
}

const Polygon& polygon_or(const Contour& c, Polygon& scratch, double tolerance_mm) {
  if (!c.is_circle()) return c.polygon;
  scratch = flatten(*c.circle, tolerance_mm);
  return scratch;
}

double signed_area_mm2(const Polygon& p) {
  double twice = 0;
  for (std::size_t i = 0, n = p.size(); i < n; ++i) {
    const Point& a = p[i];
    const Point& b = p[(i + 1) % n];
    twice += a.x * b.y - b.x * a.y;
  }
  // y grows downwards, so the usual formula's sign flips.
  return -twice / 2;
}

double length_mm(const Polygon& p, bool closed) {
  double sum = 0;
  const std::size_t n = p.size();
  for (std::size_t i = 0; i + 1 < n; ++i) sum += std::hypot(p[i + 1].x - p[i].x, p[i + 1].y - p[i].y);
  if (closed && n > 1) sum += std::hypot(p.front().x - p.back().x, p.front().y - p.back().y);
  return sum;
}

double length_mm(const Contour& c) {
  return c.is_circle() ? 2 * std::numbers::pi * c.circle->radius_mm : length_mm(c.polygon);
}

Bounds bounds(const Polygon& p) {
  if (p.empty()) return {};
  Bounds b{p[0].x, p[0].y, p[0].x, p[0].y};
  for (const Point& q : p) {
    b.min_x = std::min(b.min_x, q.x);
    b.min_y = std::min(b.min_y, q.y);
    b.max_x = std::max(b.max_x, q.x);
    b.max_y = std::max(b.max_y, q.y);
  }
  return b;
}

Bounds united(const Bounds& a, const Bounds& b) {
  return {std::min(a.min_x, b.min_x), std::min(a.min_y, b.min_y), std::max(a.max_x, b.max_x),
          std::max(a.max_y, b.max_y)};
}

Bounds bounds(const Contour& c) {
  if (!c.is_circle()) return bounds(c.polygon);
  const Circle& k = *c.circle;
  return {k.centre.x - k.radius_mm, k.centre.y - k.radius_mm, k.centre.x + k.radius_mm, k.centre.y + k.radius_mm};
}

Polygon convex_hull(Polygon points) {
  // Andrew's monotone chain.
  std::sort(points.begin(), points.end(), [](Point a, Point b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  points.erase(std::unique(points.begin(), points.end()), points.end());
  if (points.size() < 3) return points;
  auto cross = [](Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); };
  Polygon hull(2 * points.size());
  std::size_t k = 0;
  for (const Point& p : points) {
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
    hull[k++] = p;
  }
  for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {
    while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  hull.resize(k - 1);
  return hull;
}

Point place(const Placement& m, Point p) {
  // Quarter turns are exact: no sine or cosine, so no rounding creeps into straight edges.
  Point r = p;
  switch (((m.quarter_turns % 4) + 4) % 4) {
    case 1:
      r = {p.y, -p.x};
      break;
    case 2:
      r = {-p.x, -p.y};
      break;
    case 3:
      r = {-p.y, p.x};
      break;
    default:
      break;
  }
  return {r.x + m.offset.x, r.y + m.offset.y};
}

Polygon place(const Placement& m, const Polygon& p) {
  Polygon out;
  out.reserve(p.size());
  for (const Point& q : p) out.push_back(place(m, q));
  return out;
}

Contour place(const Placement& m, const Contour& c) {
  if (c.is_circle()) return Contour::of(Circle{place(m, c.circle->centre), c.circle->radius_mm});
  return Contour::of(place(m, c.polygon));
}

}  // namespace impactkit::fab
