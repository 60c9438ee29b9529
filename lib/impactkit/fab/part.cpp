#include <impactkit/fab/part.hpp>

#include <cmath>
#include <numbers>

namespace impactkit::fab {

const char* name(Operation op) {
  switch (op) {
    case Operation::engrave:
      return "engrave";
    case Operation::score:
      return "score";
    case Operation::cut:
      return "cut";
  }
  return "cut";
}

Part place(const Placement& m, const Part& part) {
  Part out;
  out.label = part.label;
  out.grain = part.grain;
  out.source = part.source;
  out.outline = place(m, part.outline);
  for (const Contour& h : part.holes) out.holes.push_back(place(m, h));
  for (const Polygon& s : part.score_lines) out.score_lines.push_back(place(m, s));
  for (const Polygon& e : part.engravings) out.engravings.push_back(place(m, e));
  return out;
}

Bounds bounds(const Part& part) {
  return bounds(part.outline);
}

namespace {
double area_of(const Contour& c) {
  if (c.is_circle()) return std::numbers::pi * c.circle->radius_mm * c.circle->radius_mm;
  return std::abs(signed_area_mm2(c.polygon));
}
}  // namespace

double area_mm2(const Part& part) {
  double a = area_of(part.outline);
  for (const Contour& h : part.holes) a -= area_of(h);
  return a;
}

}  // namespace impactkit::fab
