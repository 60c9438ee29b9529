#include <impactkit/fab/check.hpp>
#include <impactkit/fab/notes.hpp>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/multi_linestring.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/geometries/ring.hpp>
#include <boost/geometry/geometries/segment.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace impactkit::fab {

namespace bg = boost::geometry;

namespace {

using BPoint = bg::model::d2::point_xy<double>;
using BRing = bg::model::ring<BPoint>;  // Boost.Geometry's defaults: clockwise, closed
using BPolygon = bg::model::polygon<BPoint>;
using BMultiPolygon = bg::model::multi_polygon<BPolygon>;
using BLine = bg::model::linestring<BPoint>;
using BBox = bg::model::box<BPoint>;
using BSegment = bg::model::segment<BPoint>;

// Circles become polygons whose edges stay this close to the arc: far
// below any web or gap the check holds, and few points on a 300 mm disc.
constexpr double flatten_mm = 0.02;
// Coordinates in the files are rounded to 1 µm; nesting to 1 µm too.
constexpr double tolerance_mm = 0.002;

// A contour as a closed ring in Boost.Geometry's orientation, whichever
// way it was drawn.
BRing ring_of(const Polygon& p) {
  BRing ring;
  ring.reserve(p.size() + 1);
  for (const Point& q : p) ring.emplace_back(q.x, q.y);
  if (!p.empty()) ring.emplace_back(p.front().x, p.front().y);
  if (bg::area(ring) < 0) std::reverse(ring.begin(), ring.end());
  return ring;
}

BRing ring_of(const Contour& c) {
  Polygon scratch;
  return ring_of(polygon_or(c, scratch, flatten_mm));
}

BPolygon body_of(const BRing& outline) {
  BPolygon p;
  p.outer() = outline;
  return p;
}

// A rectangle as a polygon: Boost.Geometry has no `within` of a box in a polygon.
BPolygon rectangle_of(const Bounds& b) {
  BPolygon p;
  bg::convert(BBox(BPoint(b.min_x, b.min_y), BPoint(b.max_x, b.max_y)), p);
  return p;
}

bool boxes_overlap(const Bounds& a, const Bounds& b) {
  return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

// "hole 2 (Ø4.8 at 12.0, 12.0)": a hole as a message names it, by its
// number in the part (from 1), its size and where its centre is.
std::string hole_name(const Part& part, std::size_t i) {
  const Contour& h = part.holes[i];
  if (h.is_circle()) {
    return fmt::format("hole {} (Ø{:.1f} at {:.1f}, {:.1f})", i + 1, 2 * h.circle->radius_mm, h.circle->centre.x,
                       h.circle->centre.y);
  }
  const Bounds b = bounds(h);
  return fmt::format("hole {} ({:.1f} × {:.1f} mm at {:.1f}, {:.1f})", i + 1, b.width_mm(), b.height_mm(),
                     (b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2);
}

// Where a ring that is not valid crosses itself, if it does: the first
// crossing of two edges that are not neighbours (a search only for a ring
// Boost.Geometry has already found invalid).
std::optional<BPoint> crossing(const BRing& ring) {
  const std::size_t n = ring.size() - 1;  // edges
  for (std::size_t i = 0; i < n; ++i) {
    const BSegment a(ring[i], ring[i + 1]);
    for (std::size_t j = i + 2; j < n; ++j) {
      if (i == 0 && j == n - 1) continue;  // the closing edge neighbours the first
      const BSegment b(ring[j], ring[j + 1]);
      std::vector<BPoint> at;
      bg::intersection(a, b, at);
      if (!at.empty()) return at.front();
    }
  }
  return std::nullopt;
}

// Whether the outline is a valid simple polygon; says why not. A sound
// outline costs only Boost.Geometry's self-intersection test (a crossing,
// a touching, a spike) and its area (closed and oriented by ring_of): half
// of its full validity check, which then only says why an outline fails.
bool outline_sound(const BRing& outline, const std::string& who, std::vector<GeometryDefect>& out, const Part& part) {
  if (outline.size() < 4) {
    out.push_back({part.label, part.source, fmt::format("the outline of {} has fewer than 3 corners", who)});
    return false;
  }
  if (!bg::intersects(outline) && bg::area(outline) > 0) return true;
  if (const auto at = crossing(outline)) {
    out.push_back({part.label, part.source,
                   fmt::format("the outline of {} crosses itself at ({:.1f}, {:.1f})", who, at->x(), at->y())});
    return false;
  }
  std::string why = "its area is zero";
  bg::is_valid(body_of(outline), why);
  out.push_back({part.label, part.source, fmt::format("the outline of {} is not a valid polygon: {}", who, why)});
  return false;
}

// How far the parts of `hole` outside `body` reach from it.
double reach_outside_mm(const BRing& hole, const BPolygon& body) {
  BMultiPolygon outside;
  bg::difference(body_of(hole), body, outside);
  double reach = 0;
  bg::for_each_point(outside, [&](const BPoint& p) { reach = std::max(reach, bg::distance(p, body)); });
  return reach;
}

// A washer or a spacer: a circle around one concentric round hole.
bool is_ring(const Part& part) {
  if (!part.outline.is_circle() || part.holes.size() != 1 || !part.holes[0].is_circle()) return false;
  const Point a = part.outline.circle->centre;
  const Point b = part.holes[0].circle->centre;
  return std::hypot(a.x - b.x, a.y - b.y) < tolerance_mm;
}

void check_hole(const Part& part, std::size_t i, const BRing& hole, const BPolygon& body, const GeometryRules& rules,
                const std::string& who, std::vector<GeometryDefect>& out) {
  const std::string name = hole_name(part, i);
  // A circle is flattened here, and valid by construction.
  if (!part.holes[i].is_circle() && (bg::intersects(hole) || !(bg::area(hole) > 0))) {
    out.push_back({part.label, part.source, fmt::format("{} of {} crosses or touches itself", name, who)});
    return;
  }
  if (!bg::within(hole, body)) {
    const std::string where = bg::intersects(hole, body) ? "reaches" : "lies wholly outside, reaching";
    out.push_back(
        {part.label, part.source,
         fmt::format("{} {} {:.1f} mm outside the outline of {}", name, where, reach_outside_mm(hole, body), who)});
    return;
  }
  const bool ring = is_ring(part);
  const double min_web = ring ? rules.min_ring_web_mm : rules.min_web_mm;
  // Only the outline's edges near the hole can be nearer than the web:
  // the distance to them alone, a fraction of the work on a disc or a
  // panel with hundreds of edges.
  Bounds near = bounds(part.holes[i]);
  const double reach = min_web + rules.kerf_mm + 1;
  near = {near.min_x - reach, near.min_y - reach, near.max_x + reach, near.max_y + reach};
  bg::model::multi_linestring<BLine> edges;
  const auto& o = body.outer();
  for (std::size_t k = 0; k + 1 < o.size(); ++k) {
    const Bounds edge{std::min(o[k].x(), o[k + 1].x()), std::min(o[k].y(), o[k + 1].y()),
                      std::max(o[k].x(), o[k + 1].x()), std::max(o[k].y(), o[k + 1].y())};
    if (boxes_overlap(edge, near)) edges.push_back(BLine{o[k], o[k + 1]});
  }
  if (edges.empty()) return;
  const BLine rim(hole.begin(), hole.end());
  const double web = bg::distance(rim, edges) - rules.kerf_mm;
  if (web < min_web - tolerance_mm) {
    out.push_back({part.label, part.source,
                   fmt::format("{} leaves {:.1f} mm of material to the edge of {}, less than the web of {:.1f} mm "
                               "({})",
                               name, std::max(web, 0.0), who, min_web,
                               ring ? "a ring's least wall" : "the material's thickness")});
  }
}

}  // namespace

std::string part_name(const std::string& label, const SourcePos& source) {
  if (source.file.empty()) return fmt::format("'{}'", label);
  return fmt::format("'{}' ({}:{}:{})", label, source.file, source.line, source.column);
}

std::vector<GeometryDefect> check_part(const Part& part, const GeometryRules& rules) {
  std::vector<GeometryDefect> out;
  const std::string who = part_name(part.label, part.source);
  const BRing outline = ring_of(part.outline);
  if (!outline_sound(outline, who, out, part)) return out;
  const BPolygon body = body_of(outline);
  std::vector<BRing> holes;
  std::vector<Bounds> hole_bounds;
  holes.reserve(part.holes.size());
  for (std::size_t i = 0; i < part.holes.size(); ++i) {
    holes.push_back(ring_of(part.holes[i]));
    hole_bounds.push_back(bounds(part.holes[i]));
    check_hole(part, i, holes.back(), body, rules, who, out);
  }
  for (std::size_t i = 0; i < holes.size(); ++i) {
    for (std::size_t j = i + 1; j < holes.size(); ++j) {
      if (boxes_overlap(hole_bounds[i], hole_bounds[j]) && bg::intersects(holes[i], holes[j])) {
        out.push_back({part.label, part.source,
                       fmt::format("{} overlaps {} of {}", hole_name(part, i), hole_name(part, j), who)});
      }
    }
  }
  return out;
}

namespace {

// The distance by which `b` reaches into the sheet's margin, and from
// which edge; nothing when it keeps the margin.
std::optional<std::pair<double, const char*>> margin_breach(const Bounds& b, const Sheet& sheet, double margin) {
  const std::pair<double, const char*> sides[] = {
      {b.min_x, "left"}, {b.min_y, "top"}, {sheet.width_mm - b.max_x, "right"}, {sheet.height_mm - b.max_y, "bottom"}};
  const auto nearest = *std::min_element(std::begin(sides), std::end(sides),
                                         [](const auto& a, const auto& c) { return a.first < c.first; });
  if (nearest.first >= margin - tolerance_mm) return std::nullopt;
  return nearest;
}

}  // namespace

std::vector<GeometryDefect> check_sheet(const std::vector<Part>& placed, const Sheet& sheet,
                                        const GeometryRules& rules) {
  std::vector<GeometryDefect> out;
  std::vector<BPolygon> bodies;
  std::vector<Bounds> boxes;
  bodies.reserve(placed.size());
  for (const Part& p : placed) {
    bodies.push_back(body_of(ring_of(p.outline)));
    boxes.push_back(bounds(p));
    if (const auto breach = margin_breach(boxes.back(), sheet, rules.edge_margin_mm)) {
      out.push_back({p.label, p.source,
                     fmt::format("{} lies {:.1f} mm from the sheet's {} edge, inside its margin of {:.1f} mm",
                                 part_name(p.label, p.source), std::max(breach->first, 0.0), breach->second,
                                 rules.edge_margin_mm)});
    }
  }
  for (std::size_t i = 0; i < placed.size(); ++i) {
    for (std::size_t j = i + 1; j < placed.size(); ++j) {
      if (!boxes_overlap(boxes[i], boxes[j]) || !bg::intersects(bodies[i], bodies[j])) continue;
      BMultiPolygon common;
      bg::intersection(bodies[i], bodies[j], common);
      const double area = bg::area(common);
      // Where they overlap: the middle of the common area (of the first
      // part when they only touch).
      Polygon corners;
      if (common.empty()) common.push_back(bodies[i]);
      bg::for_each_point(common, [&](const BPoint& q) { corners.push_back({q.x(), q.y()}); });
      const Bounds around = bounds(corners);
      out.push_back(
          {placed[i].label, placed[i].source,
           fmt::format("{} and {} overlap by {:.1f} mm² around ({:.1f}, {:.1f})",
                       part_name(placed[i].label, placed[i].source), part_name(placed[j].label, placed[j].source), area,
                       (around.min_x + around.max_x) / 2, (around.min_y + around.max_y) / 2)});
    }
  }
  return out;
}

namespace {

// Whether `note` lies over an engraving of `part`.
bool over_engraving(const BPolygon& note, const Bounds& note_bounds, const Part& part) {
  for (const Polygon& e : part.engravings) {
    if (e.size() < 3 || !boxes_overlap(note_bounds, bounds(e))) continue;
    if (bg::intersects(note, ring_of(e))) return true;
  }
  return false;
}

// Whether `note`, which may lie on its own part, lies wholly on its
// material (clear of its holes) or wholly beside it.
bool clear_of_cuts(const BPolygon& note, const Bounds& note_bounds, const Part& part, const BPolygon& body) {
  if (!bg::intersects(note, body)) return true;
  if (!bg::within(note, body)) return false;
  for (const Contour& h : part.holes) {
    if (boxes_overlap(note_bounds, bounds(h)) && bg::intersects(note, ring_of(h))) return false;
  }
  return true;
}

}  // namespace

std::vector<GeometryDefect> check_notes(const std::vector<Part>& placed, const std::vector<SheetNote>& notes,
                                        const Sheet& sheet, const GeometryRules& rules) {
  std::vector<GeometryDefect> out;
  std::vector<BPolygon> bodies;
  bodies.reserve(placed.size());
  for (const Part& p : placed) bodies.push_back(body_of(ring_of(p.outline)));
  for (const SheetNote& n : notes) {
    const BPolygon box = rectangle_of(n.area);
    const std::string label = n.part ? placed.at(*n.part).label : std::string();
    const SourcePos source = n.part ? placed.at(*n.part).source : SourcePos{};
    if (n.keeps_margin) {
      if (const auto breach = margin_breach(n.area, sheet, rules.edge_margin_mm)) {
        out.push_back({label, source,
                       fmt::format("{} lies {:.1f} mm from the sheet's {} edge, inside its margin of {:.1f} mm", n.what,
                                   std::max(breach->first, 0.0), breach->second, rules.edge_margin_mm)});
      }
    }
    for (std::size_t j = 0; j < placed.size(); ++j) {
      const Part& p = placed[j];
      if (!boxes_overlap(n.area, bounds(p))) continue;
      const std::string who = part_name(p.label, p.source);
      if (n.part == j) {
        if (!clear_of_cuts(box, n.area, p, bodies[j]))
          out.push_back({label, source, fmt::format("{} lies across a cut of {}", n.what, who)});
      } else if (bg::intersects(box, bodies[j])) {
        out.push_back({p.label, p.source, fmt::format("{} lies over {}", n.what, who)});
        continue;
      }
      if (over_engraving(box, n.area, p))
        out.push_back({p.label, p.source, fmt::format("{} lies over the engraving of {}", n.what, who)});
    }
  }
  return out;
}

namespace {

// The parts a file's cut contours make, largest first: each contour that
// lies in or crosses a part already found is a hole of the smallest such.
std::vector<Part> parts_of(const DrawnSheet& sheet) {
  std::vector<std::size_t> order(sheet.cuts.size());
  std::vector<BRing> rings;
  std::vector<double> areas;
  for (std::size_t i = 0; i < sheet.cuts.size(); ++i) {
    order[i] = i;
    rings.push_back(ring_of(sheet.cuts[i]));
    areas.push_back(bg::area(rings.back()));
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return areas[a] > areas[b]; });
  std::vector<Part> parts;
  std::vector<std::size_t> outline_of;  // the contour each part's outline is
  for (const std::size_t i : order) {
    const Bounds box = bounds(sheet.cuts[i]);
    std::optional<std::size_t> owner;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const std::size_t o = outline_of[k];
      if (!boxes_overlap(box, bounds(parts[k])) || !bg::intersects(rings[i], body_of(rings[o]))) continue;
      if (!owner || areas[o] < areas[outline_of[*owner]]) owner = k;
    }
    if (owner) {
      parts[*owner].holes.push_back(sheet.cuts[i]);
      continue;
    }
    Part p;
    p.label = fmt::format("part at {:.1f}, {:.1f} mm", box.min_x, box.min_y);
    p.outline = sheet.cuts[i];
    parts.push_back(std::move(p));
    outline_of.push_back(i);
  }
  // Each engraved contour belongs to the smallest part around its middle.
  for (const Polygon& e : sheet.engravings) {
    const Bounds b = bounds(e);
    const BPoint middle((b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2);
    Part* owner = nullptr;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (!bg::within(middle, body_of(rings[outline_of[k]]))) continue;
      if (!owner || areas[outline_of[k]] < bg::area(ring_of(owner->outline))) owner = &parts[k];
    }
    if (owner) owner->engravings.push_back(e);
  }
  return parts;
}

// The reference square: a notes path whose first contour is an upright
// square of reference_square_mm.
bool is_reference_square(const std::vector<Polygon>& note) {
  if (note.front().size() != 4) return false;
  const Bounds b = bounds(note.front());
  const double s = reference_square_mm;
  return std::abs(b.width_mm() - s) < 0.01 && std::abs(b.height_mm() - s) < 0.01 &&
         std::abs(std::abs(signed_area_mm2(note.front())) - s * s) < 1;
}

std::vector<SheetNote> notes_of(const DrawnSheet& sheet, const std::vector<Part>& parts) {
  std::vector<SheetNote> notes;
  for (const auto& note : sheet.notes) {
    Polygon all;
    for (const Polygon& p : note) all.insert(all.end(), p.begin(), p.end());
    const Bounds b = bounds(all);
    const Point middle{(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
    if (is_reference_square(note)) {
      notes.push_back({"the reference square", std::nullopt, b, true});
      continue;
    }
    // A label belongs to the smallest part whose bounds hold its middle.
    std::optional<std::size_t> part;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const Bounds pb = bounds(parts[k]);
      if (middle.x < pb.min_x || middle.x > pb.max_x || middle.y < pb.min_y || middle.y > pb.max_y) continue;
      if (!part || area_mm2(parts[k]) < area_mm2(parts[*part])) part = k;
    }
    notes.push_back({fmt::format("the label at {:.1f}, {:.1f} mm", middle.x, middle.y), part, b, false});
  }
  return notes;
}

}  // namespace

DrawnFindings check_drawn_sheet(const DrawnSheet& sheet, const GeometryRules& rules) {
  DrawnFindings out;
  const std::vector<Part> parts = parts_of(sheet);
  out.parts = parts.size();
  for (const Part& p : parts) {
    auto found = check_part(p, rules);
    out.cuts.insert(out.cuts.end(), found.begin(), found.end());
  }
  // Without the sheet's size (a DXF alone), no margin to hold.
  const bool sized = sheet.width_mm > 0 && sheet.height_mm > 0;
  const double everywhere = std::numeric_limits<double>::infinity();
  GeometryRules sheet_rules = rules;
  if (!sized) sheet_rules.edge_margin_mm = -everywhere;
  Sheet s;
  s.width_mm = sized ? sheet.width_mm : everywhere;
  s.height_mm = sized ? sheet.height_mm : everywhere;
  auto found = check_sheet(parts, s, sheet_rules);
  out.cuts.insert(out.cuts.end(), found.begin(), found.end());
  out.notes = check_notes(parts, notes_of(sheet, parts), s, sheet_rules);
  return out;
}

void require_sound(const std::vector<GeometryDefect>& defects, const std::string& context) {
  if (defects.empty()) return;
  std::string text = fmt::format("the geometry check found {} defect{} in {}:", defects.size(),
                                 defects.size() == 1 ? "" : "s", context);
  for (const GeometryDefect& d : defects) text += "\n  " + d.message;
  throw GeometryError(text);
}

}  // namespace impactkit::fab
