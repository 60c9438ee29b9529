#include <impactkit/products/engrave.hpp>

#include <impactkit/text/outline.hpp>

#include <cmath>
#include <numbers>

namespace impactkit::products {
using fab::Point;
using fab::Polygon;

namespace {

// A cubic Bézier curve in `segments` straight pieces.
void flatten_cubic(Polygon& out, Point p0, Point p1, Point p2, Point p3, int segments) {
  for (int i = 1; i <= segments; ++i) {
    const double t = static_cast<double>(i) / segments;
    const double u = 1 - t;
    out.push_back({u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
                   u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y});
  }
}

}  // namespace

std::vector<Polygon> glyph_polygons(const layout::TextItem& text, Point origin, int curve_segments,
                                    text::OutlineCache* cache) {
  const double cos_a = std::cos(text.angle_deg * std::numbers::pi / 180);
  const double sin_a = std::sin(text.angle_deg * std::numbers::pi / 180);
  // From the text's frame (pt, its box's top-left at 0, 0) to the part's (mm).
  const auto mm = [&](double x, double y) {
    return Point{origin.x + layout::pt_to_mm(text.x_pt + x * cos_a - y * sin_a),
                 origin.y + layout::pt_to_mm(text.y_pt + x * sin_a + y * cos_a)};
  };
  std::vector<Polygon> out;
  Polygon current;
  Point last{};
  for (const auto& c : text::outlines(text.text, 0, 0, cache)) {
    switch (c.op) {
      case text::PathCommand::Op::move:
        if (current.size() > 2) out.push_back(std::move(current));
        current.clear();
        last = mm(c.x, c.y);
        current.push_back(last);
        break;
      case text::PathCommand::Op::line:
        last = mm(c.x, c.y);
        current.push_back(last);
        break;
      case text::PathCommand::Op::cubic: {
        const Point end = mm(c.x, c.y);
        flatten_cubic(current, last, mm(c.x1, c.y1), mm(c.x2, c.y2), end, curve_segments);
        last = end;
        break;
      }
      case text::PathCommand::Op::close:
        if (current.size() > 2) out.push_back(std::move(current));
        current.clear();
        break;
    }
  }
  if (current.size() > 2) out.push_back(std::move(current));
  return out;
}

void engrave_page(const layout::Page& page, Point origin, fab::Part& part, text::OutlineCache* cache) {
  for (const auto& item : page.items) {
    if (const auto* t = std::get_if<layout::TextItem>(&item)) {
      auto polygons = glyph_polygons(*t, origin, 8, cache);
      part.engravings.insert(part.engravings.end(), std::make_move_iterator(polygons.begin()),
                             std::make_move_iterator(polygons.end()));
    } else if (const auto* l = std::get_if<layout::LineItem>(&item)) {
      part.score_lines.push_back({{origin.x + layout::pt_to_mm(l->x1_pt), origin.y + layout::pt_to_mm(l->y1_pt)},
                                  {origin.x + layout::pt_to_mm(l->x2_pt), origin.y + layout::pt_to_mm(l->y2_pt)}});
    }
  }
}

}  // namespace impactkit::products
