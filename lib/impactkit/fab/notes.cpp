#include <impactkit/fab/label_font.hpp>
#include <impactkit/fab/notes.hpp>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace impactkit::fab {
namespace {

namespace bg = boost::geometry;
using BgPoint = bg::model::d2::point_xy<double>;
using BgBox = bg::model::box<BgPoint>;
using BgPolygon = bg::model::polygon<BgPoint>;
using Obstacles = bg::index::rtree<BgBox, bg::index::quadratic<16>>;

BgPolygon to_bg(const Polygon& p) {
  BgPolygon out;
  for (const Point& q : p) bg::append(out.outer(), BgPoint(q.x, q.y));
  bg::correct(out);
  return out;
}

BgBox box_of(const Bounds& b, double grow) {
  return {{b.min_x - grow, b.min_y - grow}, {b.max_x + grow, b.max_y + grow}};
}

// What a label must stay clear of: the part's engravings and holes, with
// room around them.
Obstacles obstacles_of(const Part& part, double room) {
  std::vector<BgBox> boxes;
  for (const Polygon& e : part.engravings) boxes.push_back(box_of(bounds(e), room));
  for (const Contour& h : part.holes) boxes.push_back(box_of(bounds(h), room));
  return Obstacles(boxes);
}

// The label's size as before: a fifth of the part's smaller side, within
// 2-12 mm, and no wider than 80 % of the part.
double first_height_mm(const Part& part) {
  const Bounds b = bounds(part);
  double h = std::clamp(std::min(b.width_mm(), b.height_mm()) / 5, 2.0, 12.0);
  const double w = label_width_mm(part.label, h);
  if (w > 0.8 * b.width_mm()) h *= 0.8 * b.width_mm() / w;
  return h;
}

// The box inside the outline: its corners inside, and no corner of the
// outline (a slot's notch, a finger's gap) within it. Boost 1.74 has no
// box-in-polygon `within`, and its polygon-in-polygon one trips GCC's
// maybe-uninitialized warning inside its rescaling code.
bool inside(const BgBox& box, const BgPolygon& outline) {
  const BgPoint lo = box.min_corner(), hi = box.max_corner();
  for (const BgPoint& corner : {lo, hi, BgPoint(lo.x(), hi.y()), BgPoint(hi.x(), lo.y())})
    if (!bg::within(corner, outline)) return false;
  return std::none_of(outline.outer().begin(), outline.outer().end(),
                      [&](const BgPoint& p) { return bg::covered_by(p, box); });
}

// Candidate centres on a grid over the part, nearest its middle first.
std::vector<Point> candidates(const Bounds& b, double step) {
  const Point middle{(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
  std::vector<std::pair<double, Point>> by_distance;
  for (double y = b.min_y + step / 2; y < b.max_y; y += step)
    for (double x = b.min_x + step / 2; x < b.max_x; x += step)
      by_distance.push_back({(x - middle.x) * (x - middle.x) + (y - middle.y) * (y - middle.y), {x, y}});
  std::sort(by_distance.begin(), by_distance.end(), [](const auto& p, const auto& q) { return p.first < q.first; });
  std::vector<Point> out;
  out.reserve(by_distance.size());
  for (const auto& [d, p] : by_distance) out.push_back(p);
  return out;
}

}  // namespace

LabelPlace label_place(const Part& part) {
  const Bounds b = bounds(part);
  Polygon scratch;
  const BgPolygon outline = to_bg(polygon_or(part.outline, scratch, 0.1));
  const double first = first_height_mm(part);
  const Obstacles clear_of = obstacles_of(part, first / 2);
  const std::vector<Point> centres = candidates(b, std::max(first, std::min(b.width_mm(), b.height_mm()) / 20));
  for (const double h : {first, first * 0.7, first * 0.5}) {
    if (h < 1.5) break;
    const double w = label_width_mm(part.label, h);
    for (const Point& c : centres) {
      const BgBox label{{c.x - w / 2, c.y - h / 2}, {c.x + w / 2, c.y + h / 2}};
      if (clear_of.qbegin(bg::index::intersects(label)) != clear_of.qend()) continue;
      if (inside(label, outline)) return {c, h};
    }
  }
  return {{(b.min_x + b.max_x) / 2, b.max_y + first}, first};  // no room inside: under the part
}

std::optional<Point> reference_square_corner(const std::vector<Part>& parts, const Sheet& sheet, double margin_mm) {
  const double size = reference_square_mm;
  const double gap = 3;  // to the nearest part
  std::vector<Bounds> taken;
  taken.reserve(parts.size());
  for (const Part& p : parts) taken.push_back(bounds(p));
  const auto free = [&](const Bounds& here) {
    return std::none_of(taken.begin(), taken.end(), [&](const Bounds& t) {
      return here.min_x < t.max_x + gap && t.min_x - gap < here.max_x && here.min_y < t.max_y + gap &&
             t.min_y - gap < here.max_y;
    });
  };
  for (double y = sheet.height_mm - size - margin_mm; y >= margin_mm; y -= 5) {
    for (double x = sheet.width_mm - size - margin_mm; x >= margin_mm; x -= 5) {
      if (free({x, y, x + size, y + size})) return Point{x, y};
    }
  }
  return std::nullopt;
}

}  // namespace impactkit::fab
