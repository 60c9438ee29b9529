#include <impactkit/fab/label_font.hpp>
#include <impactkit/fab/notes.hpp>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/geometries/segment.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
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

// The box inside the outline: its corners inside, and no edge of the
// outline (a slot's notch, a finger's gap) through it. Boost 1.74 has no
// box-in-polygon `within`, and its polygon-in-polygon one trips GCC's
// maybe-uninitialized warning inside its rescaling code.
bool inside(const BgBox& box, const BgPolygon& outline) {
  const BgPoint lo = box.min_corner(), hi = box.max_corner();
  for (const BgPoint& corner : {lo, hi, BgPoint(lo.x(), hi.y()), BgPoint(hi.x(), lo.y())})
    if (!bg::within(corner, outline)) return false;
  const auto& ring = outline.outer();
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    if (bg::intersects(bg::model::segment<BgPoint>(ring[i], ring[i + 1]), box)) return false;
  }
  return true;
}

// The box a label's glyphs take around its centre: label_width_mm wide and
// the height tall, plus the strokes, which stand out by about an eighth of
// the height on every side.
Bounds label_box(const std::string& label, Point centre, double height_mm) {
  const double half_w = label_width_mm(label, height_mm) / 2 + height_mm / 8;
  const double half_h = height_mm / 2 + height_mm / 8;
  return {centre.x - half_w, centre.y - half_h, centre.x + half_w, centre.y + half_h};
}

// Calls `try_at` with centres on a grid over the part, nearest its middle
// first, until it returns true; whether one did. The grid is walked in
// square rings out from the middle, each ring in order of distance: no
// sort of the whole grid, and no more of it than the label needs.
template <typename TryAt>
bool for_each_candidate(const Bounds& b, double step, const TryAt& try_at) {
  const Point middle{(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
  const auto nx = static_cast<long>(std::floor(b.width_mm() / step));
  const auto ny = static_cast<long>(std::floor(b.height_mm() / step));
  if (nx <= 0 || ny <= 0) return false;
  const auto at = [&](long i, long j) {
    return Point{b.min_x + step / 2 + static_cast<double>(i) * step,
                 b.min_y + step / 2 + static_cast<double>(j) * step};
  };
  const long mi = std::clamp(std::lround((middle.x - b.min_x - step / 2) / step), 0L, nx - 1);
  const long mj = std::clamp(std::lround((middle.y - b.min_y - step / 2) / step), 0L, ny - 1);
  std::vector<std::pair<double, Point>> ring;
  for (long k = 0; k <= std::max({mi, nx - 1 - mi, mj, ny - 1 - mj}); ++k) {
    ring.clear();
    const auto add = [&](long i, long j) {
      if (i < 0 || i >= nx || j < 0 || j >= ny) return;
      const Point p = at(i, j);
      ring.emplace_back((p.x - middle.x) * (p.x - middle.x) + (p.y - middle.y) * (p.y - middle.y), p);
    };
    for (long i = mi - k; i <= mi + k; ++i) {  // the ring's top and bottom rows
      add(i, mj - k);
      if (k > 0) add(i, mj + k);
    }
    for (long j = mj - k + 1; j <= mj + k - 1; ++j) {  // its sides
      add(mi - k, j);
      add(mi + k, j);
    }
    std::sort(ring.begin(), ring.end(), [](const auto& p, const auto& q) { return p.first < q.first; });
    for (const auto& [d, p] : ring) {
      if (try_at(p)) return true;
    }
  }
  return false;
}

}  // namespace

namespace {

// Inside the part, clear of its engraving and holes, as near its middle as
// it goes, at the first of a few sizes that fits.
std::optional<LabelPlace> label_inside(const Part& part) {
  const Bounds b = bounds(part);
  Polygon scratch;
  const BgPolygon outline = to_bg(polygon_or(part.outline, scratch, 0.1));
  const double first = first_height_mm(part);
  const Obstacles clear_of = obstacles_of(part, first / 4);
  const double step = std::max(first / 2, std::min(b.width_mm(), b.height_mm()) / 40);
  for (const double scale : {1.0, 0.7, 0.5, 0.35, 0.25}) {
    const double h = first * scale;
    if (h < 1.5) break;
    const double pad = h / 4;  // a little wood around the glyphs
    Point found;
    const bool fits = for_each_candidate(b, step, [&](Point c) {
      const Bounds glyphs = label_box(part.label, c, h);
      const BgBox label{{glyphs.min_x - pad, glyphs.min_y - pad}, {glyphs.max_x + pad, glyphs.max_y + pad}};
      if (clear_of.qbegin(bg::index::intersects(label)) != clear_of.qend()) return false;
      if (!inside(label, outline)) return false;
      found = c;
      return true;
    });
    if (fits) return LabelPlace{found, h};
  }
  return std::nullopt;
}

// Beside part `i`: under, over, right or left of it, inside the sheet and
// clear of every part on it.
std::optional<LabelPlace> label_beside(const std::vector<Part>& parts, std::size_t i, const Sheet& sheet) {
  const Bounds b = bounds(parts[i]);
  const double h = std::max(3.0, first_height_mm(parts[i]) / 2);
  const double half_w = label_width_mm(parts[i].label, h) / 2;
  const double gap = h;  // from the part's cut
  const Point mid{(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
  for (const Point c : {Point{mid.x, b.max_y + gap}, Point{mid.x, b.min_y - gap}, Point{b.max_x + gap + half_w, mid.y},
                        Point{b.min_x - gap - half_w, mid.y}}) {
    const Bounds box = label_box(parts[i].label, c, h);
    if (box.min_x < 0 || box.min_y < 0 || box.max_x > sheet.width_mm || box.max_y > sheet.height_mm) continue;
    const bool clear = std::none_of(parts.begin(), parts.end(), [&](const Part& p) {
      const Bounds o = bounds(p);
      return box.min_x < o.max_x + 1 && o.min_x - 1 < box.max_x && box.min_y < o.max_y + 1 && o.min_y - 1 < box.max_y;
    });
    if (clear) return LabelPlace{c, h};
  }
  return std::nullopt;
}

}  // namespace

LabelPlace label_place(const Part& part) {
  if (auto inside_part = label_inside(part)) return *inside_part;
  const Bounds b = bounds(part);
  const double h = first_height_mm(part);
  return {{(b.min_x + b.max_x) / 2, b.max_y + h}, h};  // no room inside: under the part
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

SheetNotes place_notes(const std::vector<Part>& parts, const Sheet& sheet, std::optional<Point> nested_square) {
  SheetNotes notes;
  notes.labels.reserve(parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    auto at = label_inside(parts[i]);
    if (!at) at = label_beside(parts, i, sheet);
    // With no room inside and none beside, the part goes unlabelled rather
    // than labelled over another's cut: the cut report still names it.
    notes.labels.push_back(at.value_or(LabelPlace{}));
  }
  notes.square = nested_square ? nested_square : reference_square_corner(parts, sheet);
  return notes;
}

std::vector<SheetNote> sheet_notes(const std::vector<Part>& parts, const SheetNotes& placed) {
  std::vector<SheetNote> notes;
  notes.reserve(parts.size() + 1);
  for (std::size_t i = 0; i < parts.size() && i < placed.labels.size(); ++i) {
    if (parts[i].label.empty() || placed.labels[i].height_mm <= 0) continue;
    const LabelPlace& at = placed.labels[i];
    notes.push_back({fmt::format("the label of '{}'", parts[i].label), i,
                     label_box(parts[i].label, at.centre, at.height_mm), false});
  }
  if (const auto& c = placed.square) {
    notes.push_back({"the reference square", std::nullopt,
                     Bounds{c->x, c->y, c->x + reference_square_mm, c->y + reference_square_mm}, true});
  }
  return notes;
}

std::vector<SheetNote> sheet_notes(const std::vector<Part>& parts, const Sheet& sheet) {
  return sheet_notes(parts, place_notes(parts, sheet));
}

}  // namespace impactkit::fab
