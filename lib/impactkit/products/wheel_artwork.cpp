// The wheel's printed artwork: the face printed onto the disc, and the
// paper volvelle for workshops.

#include <impactkit/products/detail/wheel_artwork.hpp>

#include <impactkit/layout/template.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace impactkit::products::detail {
using fab::Point;
using fab::Polygon;

namespace {

// Six hex digits as a colour.
layout::Rgb rgb(const std::string& hex) {
  const auto part = [&](std::size_t i) { return std::stoi(hex.substr(i, 2), nullptr, 16) / 255.0; };
  if (hex.size() != 6) return {0, 0, 0};
  return {part(0), part(2), part(4)};
}

// WCAG 2.1's contrast ratio of two colours.
double contrast(const layout::Rgb& a, const layout::Rgb& b) {
  const auto linear = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
  const auto luminance = [&](const layout::Rgb& c) {
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
  };
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// One colour for every label of the face: white or near-black, whichever
// reads better on the sector where it reads worst. With the theme's palette
// (every theme colour 4.5:1 with white, shades darker still) that is white.
layout::Rgb label_ink(const content::Roadshow& r) {
  const layout::Rgb white{1, 1, 1};
  const layout::Rgb ink{0.1, 0.1, 0.1};
  double on_white = 21;
  double on_ink = 21;
  for (const auto& sector : r.wheel.sectors) {
    on_white = std::min(on_white, contrast(white, rgb(sector.color)));
    on_ink = std::min(on_ink, contrast(ink, rgb(sector.color)));
  }
  return on_white >= on_ink ? white : ink;
}

layout::PathItem path_item(const std::vector<Polygon>& polygons, layout::Rgb fill) {
  layout::PathItem item;
  item.fill = fill;
  for (const auto& p : polygons) {
    auto& contour = item.contours.emplace_back();
    for (const auto& q : p) contour.push_back({layout::mm_to_pt(q.x), layout::mm_to_pt(q.y)});
  }
  return item;
}

// A point (mm) on the page, in pt.
std::pair<double, double> pt(Point p) {
  return {layout::mm_to_pt(p.x), layout::mm_to_pt(p.y)};
}

constexpr double face_bleed_mm = 3;

// The text of a box composed by WheelKit::compose_box on `page`: the box's
// top-left corner at `corner` (mm), the box turned clockwise by `angle_deg`
// about it. Set as text, not outlines: searchable, and a small PDF.
void place_text(const layout::Page& box, Point corner, double angle_deg, layout::Page& page) {
  for (const auto& item : box.items) {
    if (const auto* t = std::get_if<layout::TextItem>(&item)) {
      const Point at =
          turn({layout::pt_to_mm(t->x_pt) - box_safe_mm, layout::pt_to_mm(t->y_pt) - box_safe_mm}, angle_deg);
      page.items.emplace_back(
          layout::TextItem{t->text, layout::mm_to_pt(corner.x + at.x), layout::mm_to_pt(corner.y + at.y), angle_deg});
    }
  }
}

// The volvelle's measures on its page, and what both of its discs draw.
struct Volvelle {
  double page_w = 0;
  double page_h = 0;
  double base_r = 0;
  double top_r = 0;  // inside the base's coloured rim
  int n = 0;
  double sector_deg = 0;
  double half = 0;
  Point centre;
  layout::Rgb cut{0.35, 0.35, 0.35};
  layout::Rgb muted;
  WedgeBox box;  // of a sector's texts

  explicit Volvelle(const content::Roadshow& r) {
    const auto size = layout::paper_size(r.wheel.volvelle_sheet);
    page_w = size->width_mm;
    page_h = size->height_mm;
    base_r = std::min(page_w, page_h) / 2 - 12;
    const double ring_mm = 0.09 * base_r;  // the base's coloured rim, seen round the top disc
    top_r = base_r - ring_mm;
    const double text_r = top_r - 4;
    n = static_cast<int>(r.wheel.sectors.size());
    sector_deg = 360.0 / n;
    half = sector_deg / 2;
    centre = {page_w / 2, page_h / 2};
    muted = rgb(r.theme.color("muted").value_or("ECEEF1"));
    box = wedge_box(half, text_r, 3);
  }

  layout::Page blank_page() const {
    layout::Page page;
    page.trim_width_pt = layout::mm_to_pt(page_w);
    page.trim_height_pt = layout::mm_to_pt(page_h);
    page.bleed_pt = 0;
    page.safe_area_pt = 0;
    return page;
  }

  void centre_mark(layout::Page& page) const {
    const auto [cx, cy] = pt(centre);
    const double arm = layout::mm_to_pt(4);
    page.items.emplace_back(layout::CircleItem{cx, cy, layout::mm_to_pt(1.2), std::nullopt, cut, 0.5});
    page.items.emplace_back(layout::LineItem{cx - arm, cy, cx + arm, cy, cut, 0.4});
    page.items.emplace_back(layout::LineItem{cx, cy - arm, cx, cy + arm, cut, 0.4});
  }

  void cut_circle(layout::Page& page, double radius) const {
    const auto [cx, cy] = pt(centre);
    page.items.emplace_back(layout::CircleItem{cx, cy, layout::mm_to_pt(radius), std::nullopt, cut, 0.6});
  }
};

// Base: the coloured rim and, in each wedge, the sector's texts.
layout::Page volvelle_base(const content::Roadshow& r, const Volvelle& v, WheelKit& kit) {
  layout::Page base = v.blank_page();
  const double sector_deg = v.sector_deg;
  const Point centre = v.centre;
  for (int k = 0; k < v.n; ++k) {
    const auto& sector = r.wheel.sectors[static_cast<std::size_t>(k)];
    base.items.emplace_back(
        path_item({wedge(centre, v.top_r - 2, v.base_r, k * sector_deg, (k + 1) * sector_deg)}, rgb(sector.color)));
    layout::Fields fields;
    fields.set("sector.label", sector.label.get(kit.lang), sector.label_pos);
    fields.set("sector.too_little", sector.too_little.get(kit.lang), sector.pos);
    fields.set("sector.with_impact", sector.with_impact.get(kit.lang), sector.pos);
    const auto composed = kit.compose_box("wheel-volvelle-sector", fields, v.box.width, v.box.height);
    if (!composed) continue;
    // The box upright at 12 o'clock, its top towards the rim, then turned
    // about the centre to its wedge.
    const double a = k * sector_deg + v.half;
    const Point corner = turn({-v.box.width / 2, -v.box.inner_r - v.box.height}, a);
    place_text(*composed, {centre.x + corner.x, centre.y + corner.y}, a, base);
    // A thin line between two sectors' texts.
    const Point from{centre.x + 8 * std::sin(k * sector_deg * deg_to_rad),
                     centre.y - 8 * std::cos(k * sector_deg * deg_to_rad)};
    const Point to{centre.x + (v.top_r - 2) * std::sin(k * sector_deg * deg_to_rad),
                   centre.y - (v.top_r - 2) * std::cos(k * sector_deg * deg_to_rad)};
    const auto [x1, y1] = pt(from);
    const auto [x2, y2] = pt(to);
    base.items.emplace_back(layout::LineItem{x1, y1, x2, y2, v.muted, 0.6});
  }
  v.cut_circle(base, v.base_r);
  v.centre_mark(base);
  return base;
}

// Top: a window over one wedge's box, the roadshow's title and how to use it.
layout::Page volvelle_top(const content::Roadshow& r, const Volvelle& v, WheelKit& kit) {
  layout::Page top = v.blank_page();
  const Point centre = v.centre;
  const double top_r = v.top_r;
  {
    const auto [cx, cy] = pt(centre);
    top.items.emplace_back(layout::CircleItem{cx, cy, layout::mm_to_pt(top_r), layout::Rgb{1, 1, 1}, std::nullopt, 0});
  }
  const double window_in = std::max(v.box.inner_r - 2, 6.0);
  const double window_out = std::min(v.box.inner_r + v.box.height + 2, top_r - 3);
  const double shrink = std::asin(std::min(1.0, 1.5 / window_in)) / deg_to_rad;
  const Polygon window = wedge(centre, window_in, window_out, -v.half + shrink, v.half - shrink);
  top.items.emplace_back(path_item({window}, v.muted));
  for (std::size_t i = 0; i < window.size(); ++i) {
    const auto [x1, y1] = pt(window[i]);
    const auto [x2, y2] = pt(window[(i + 1) % window.size()]);
    top.items.emplace_back(layout::LineItem{x1, y1, x2, y2, v.cut, 0.6});
  }
  {
    // A pointer at the window, on the top disc's rim.
    const Point tip{centre.x, centre.y - top_r + 1};
    const Polygon arrow = {tip, {tip.x - 4, tip.y + 6}, {tip.x + 4, tip.y + 6}};
    top.items.emplace_back(path_item({arrow}, rgb(r.theme.color("primary").value_or("1D4F91"))));
  }
  {
    layout::Fields fields = layout::roadshow_fields(r, kit.lang, kit.kit.labels);
    const double w = 1.2 * top_r;
    const double h = 0.55 * top_r;
    if (const auto composed = kit.compose_box("wheel-volvelle-top", fields, w, h)) {
      place_text(*composed, {centre.x - w / 2, centre.y + 0.3 * top_r}, 0, top);
    }
  }
  v.cut_circle(top, top_r);
  v.centre_mark(top);
  return top;
}

}  // namespace

layout::Page face_page(const content::Roadshow& r, const WheelBuild& w) {
  const WheelGeometry& g = w.geometry;
  layout::Page page;
  page.trim_width_pt = layout::mm_to_pt(2 * g.radius_mm);
  page.trim_height_pt = page.trim_width_pt;
  page.bleed_pt = layout::mm_to_pt(face_bleed_mm);
  page.safe_area_pt = 0;
  for (int k = 0; k < g.sectors; ++k) {
    const auto& sector = r.wheel.sectors[static_cast<std::size_t>(k)];
    const double from = g.boundary_deg(k);
    // Out into the bleed, so that a round cut a little off still shows colour.
    page.items.emplace_back(
        path_item({wedge(g.centre(), 0, g.radius_mm + face_bleed_mm, from, from + g.sector_deg)}, rgb(sector.color)));
  }
  const layout::Rgb label_colour = label_ink(r);
  for (const auto& label : w.labels) page.items.emplace_back(path_item(label, label_colour));
  const layout::Rgb white{1, 1, 1};
  const layout::Rgb ink{0.1, 0.1, 0.1};
  for (int k = 0; k < g.sectors; ++k) {
    // The boundaries, where the laser scores them, and the peg holes.
    const auto [x1, y1] = pt(g.at(g.score_from_mm, g.boundary_deg(k)));
    const auto [x2, y2] = pt(g.at(g.score_to_mm, g.boundary_deg(k)));
    page.items.emplace_back(layout::LineItem{x1, y1, x2, y2, white, 1.0});
    const auto [px, py] = pt(g.at(g.peg_circle_mm, g.boundary_deg(k)));
    page.items.emplace_back(layout::CircleItem{px, py, layout::mm_to_pt(g.peg_diameter_mm / 2), white, ink, 0.5});
  }
  // The hub mark: the bearing's hole and a cross through the centre, to
  // line the print up with the disc.
  const auto [cx, cy] = pt(g.centre());
  const double hub = layout::mm_to_pt(g.hub_diameter_mm / 2);
  page.items.emplace_back(layout::CircleItem{cx, cy, hub + layout::mm_to_pt(4), white, std::nullopt, 0});
  page.items.emplace_back(layout::CircleItem{cx, cy, hub, std::nullopt, ink, 0.5});
  const double arm = hub + layout::mm_to_pt(3);
  page.items.emplace_back(layout::LineItem{cx - arm, cy, cx + arm, cy, ink, 0.5});
  page.items.emplace_back(layout::LineItem{cx, cy - arm, cx, cy + arm, ink, 0.5});
  return page;
}

std::vector<layout::Page> volvelle_pages(const content::Roadshow& r, WheelKit& kit) {
  const Volvelle v(r);
  layout::Page base = volvelle_base(r, v, kit);
  layout::Page top = volvelle_top(r, v, kit);
  return {std::move(base), std::move(top)};
}

}  // namespace impactkit::products::detail
