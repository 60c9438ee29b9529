#pragma once
// Plane geometry of laser parts. Every length is in millimetres, in the
// sheet's frame: x to the right, y downwards (as in SVG), angles in degrees.

#include <optional>
#include <vector>

namespace impactkit::fab {

struct Point {
  double x = 0;  // mm
  double y = 0;  // mm
  friend bool operator==(const Point&, const Point&) = default;
};

// A closed polygon; the last point connects back to the first.
using Polygon = std::vector<Point>;

struct Circle {
  Point centre;
  double radius_mm = 0;
};

// A closed contour: a polygon, or a circle that stays a circle through kerf
// compensation and into the files (SVG <circle>, DXF CIRCLE).
struct Contour {
  Polygon polygon;               // empty for a circle
  std::optional<Circle> circle;  // set for a circle

  static Contour of(Polygon p) { return Contour{std::move(p), std::nullopt}; }
  static Contour of(Circle c) { return Contour{{}, c}; }
  bool is_circle() const { return circle.has_value(); }
};

// An axis-aligned rectangle.
struct Bounds {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  double width_mm() const { return max_x - min_x; }
  double height_mm() const { return max_y - min_y; }
};

// A quarter-turn rotation followed by a shift: the only motions a part makes
// on its way onto a sheet, so that straight edges stay exactly straight.
struct Placement {
  int quarter_turns = 0;  // 0..3, counter-clockwise on screen
  Point offset;           // added after the rotation
  int rotation_deg() const { return quarter_turns * 90; }
};

Polygon rectangle(double x_mm, double y_mm, double width_mm, double height_mm);
// A circle as a polygon whose edges stay within `tolerance_mm` of the arc.
Polygon flatten(const Circle& c, double tolerance_mm = 0.01);
// `corners` points evenly on the circle, the first at angle 0.
Polygon regular_polygon(const Circle& c, int corners);
const Polygon& polygon_or(const Contour& c, Polygon& scratch, double tolerance_mm = 0.01);

double signed_area_mm2(const Polygon& p);  // positive when counter-clockwise on screen
double length_mm(const Polygon& p, bool closed = true);
double length_mm(const Contour& c);
Bounds bounds(const Polygon& p);
Bounds bounds(const Contour& c);
// The smallest box around both.
Bounds united(const Bounds& a, const Bounds& b);
Polygon convex_hull(Polygon points);

Point place(const Placement& m, Point p);
Polygon place(const Placement& m, const Polygon& p);
Contour place(const Placement& m, const Contour& c);

}  // namespace impactkit::fab
