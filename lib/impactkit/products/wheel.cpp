#include <impactkit/products/wheel.hpp>

#include <impactkit/products/compose_kit.hpp>

#include <impactkit/products/parallel.hpp>
#include <impactkit/products/sheet_ledger.hpp>

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/core/suggest.hpp>
#include <impactkit/fab/job.hpp>
#include <impactkit/fab/joint.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/preview.hpp>
#include <impactkit/products/engrave.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/typesetter.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <optional>

namespace impactkit::products {
namespace fs = std::filesystem;
using fab::Part;
using fab::Point;
using fab::Polygon;

namespace {

constexpr double deg_to_rad = std::numbers::pi / 180;

// The stand, in mm. The axle sits as high as the sheet allows up to
// axle_target_mm (a comfortable height to spin a wheel standing); the
// upright rises above the axle far enough for the holder's upper bolt.
// The second upright's depth, the feet and the counter-disc are sized so
// that a 560 mm wheel's parts shelf-pack onto two 1200 × 600 mm sheets
// (no slower no-fit-polygon search), and the footprint still stands.
constexpr double axle_target_mm = 1150;
constexpr double upright_width_mm = 200;
constexpr double upright_above_axle_mm = 70;
constexpr double brace_depth_mm = 300;  // the second upright, front to back
constexpr double brace_below_disc_mm = 30;
constexpr double foot_length_mm = 380;
constexpr double foot_height_mm = 100;
constexpr double foot_from_brace_end_mm = 40;
constexpr double axle_hole_mm = 8.5;  // M8, ISO 273 medium
constexpr double holder_width_mm = 60;
constexpr double pivot_above_rim_mm = 40;    // the flapper's pivot, above the disc's rim
constexpr double flapper_below_rim_mm = 25;  // the flapper's tip, inside the rim: past the pegs
constexpr double flapper_pivot_hole_mm = 5;  // loose on an M4 bolt, so that it swings back by its weight
constexpr double spacer_outer_mm = 16;       // rings on the flapper's bolt
constexpr double washer_outer_mm = 14;       // rings on the axle: they touch only the bearing's inner ring
constexpr double peg_from_rim_mm = 15;
constexpr double peg_length_mm = 30;  // how far a dowel stands out of the disc's face
constexpr double sheet_edge_margin_mm = 5;
constexpr double box_safe_mm = 5;              // the composer's safe area, kept around a wedge's box
constexpr double label_inner_fraction = 0.32;  // labels start this far out (of the radius), clear of the hub

// Six hex digits as a colour.
layout::Rgb rgb(const std::string& hex) {
  const auto part = [&](std::size_t i) { return std::stoi(hex.substr(i, 2), nullptr, 16) / 255.0; };
  if (hex.size() != 6) return {0, 0, 0};
  return {part(0), part(2), part(4)};
}

// White or near-black, whichever reads better on `background` (WCAG's
// relative luminance, with its threshold between the two).
layout::Rgb ink_on(const layout::Rgb& background) {
  const auto linear = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
  const double l = 0.2126 * linear(background.r) + 0.7152 * linear(background.g) + 0.0722 * linear(background.b);
  return l > 0.30 ? layout::Rgb{0.1, 0.1, 0.1} : layout::Rgb{1, 1, 1};
}

// A point relative to the wheel's centre, turned clockwise (on screen, y
// down) by `deg`.
Point turn(Point p, double deg) {
  const double c = std::cos(deg * deg_to_rad);
  const double s = std::sin(deg * deg_to_rad);
  return {p.x * c - p.y * s, p.x * s + p.y * c};
}

Polygon ring_polygon(Point centre, double r, double from_deg, double to_deg, double step_deg = 0.5) {
  Polygon out;
  const int steps = std::max(2, static_cast<int>(std::ceil((to_deg - from_deg) / step_deg)));
  for (int i = 0; i <= steps; ++i) {
    const double a = (from_deg + (to_deg - from_deg) * i / steps) * deg_to_rad;
    out.push_back({centre.x + r * std::sin(a), centre.y - r * std::cos(a)});
  }
  return out;
}

// A wedge from the centre (or from `inner_r`) to `outer_r`.
Polygon wedge(Point centre, double inner_r, double outer_r, double from_deg, double to_deg) {
  Polygon out = ring_polygon(centre, outer_r, from_deg, to_deg);
  if (inner_r <= 0) {
    out.push_back(centre);
  } else {
    Polygon inner = ring_polygon(centre, inner_r, from_deg, to_deg);
    out.insert(out.end(), inner.rbegin(), inner.rend());
  }
  return out;
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

// A ring (washer, spacer): a circle with a hole.
Part ring(const std::string& label, double outer_mm, double hole_mm, const SourcePos& source) {
  Part p;
  p.label = label;
  p.source = source;
  p.outline = fab::Contour::of(fab::Circle{{outer_mm / 2, outer_mm / 2}, outer_mm / 2});
  p.holes.push_back(fab::through_hole({outer_mm / 2, outer_mm / 2}, hole_mm));
  return p;
}

struct Stand {
  double axle_mm = 0;     // the disc's centre above the floor
  double upright_mm = 0;  // height of the front upright
  double brace_mm = 0;    // height of the second upright (below the disc)
};

// The stand the sheet allows: the longest part is the front upright.
std::optional<Stand> stand_for(const content::ExhibitSettings& e, double radius_mm) {
  const double longest = std::max(e.sheet_width_mm, e.sheet_height_mm) - 2 * sheet_edge_margin_mm - 2;
  Stand s;
  s.axle_mm = std::floor(std::min(axle_target_mm, longest - upright_above_axle_mm) / 10) * 10;
  s.upright_mm = s.axle_mm + upright_above_axle_mm;
  s.brace_mm = std::min(800.0, s.axle_mm - radius_mm - brace_below_disc_mm);
  if (s.brace_mm < 2 * foot_height_mm) return std::nullopt;
  return s;
}

struct Builder {
  const content::Roadshow& roadshow;
  bool allow_overflow;
  Diagnostics& diagnostics;
  std::string lang;
  ComposeKit kit;
  text::OutlineCache glyphs;  // after kit: the fonts outlive it

  Builder(const content::Roadshow& r, bool overflow, Diagnostics& d)
      : roadshow(r),
        allow_overflow(overflow),
        diagnostics(d),
        lang(r.languages.default_language),
        kit(r, lang, {"wheel-label", "wheel-volvelle-sector", "wheel-volvelle-top"}, d) {}

  // A template composed into a box of exactly `width_mm` × `height_mm`: the
  // template's reference size is the box, so the theme's text sizes are
  // used as they are (a wedge's box is not a scaled page).
  std::optional<layout::Page> compose_box(const std::string& name, const layout::Fields& fields, double width_mm,
                                          double height_mm) {
    const layout::Template* found = kit.find(name);
    if (!found) return std::nullopt;
    // The composer keeps text clear of a safe area along the page's trim
    // (for a cutter); a wedge's box is not cut, so the page is the box with
    // that area around it, and the caller's origin is the box's corner.
    layout::Template t = *found;
    t.reference = {"", width_mm + 2 * box_safe_mm, height_mm + 2 * box_safe_mm};
    t.margin_mm += box_safe_mm;
    t.landscape = false;
    layout::ComposeOptions options;
    options.language = lang;
    options.size = t.reference;
    options.allow_overflow = allow_overflow;
    options.bleed_mm = 0;
    options.product = "wheel";
    return kit.composer.compose(t, fields, kit.labels, options);
  }

  // The glyph outlines of a composed box, in the box's frame (mm).
  std::vector<Polygon> outlines_of(const layout::Page& page, int curve_segments = 8) {
    std::vector<Polygon> out;
    for (const auto& item : page.items) {
      if (const auto* t = std::get_if<layout::TextItem>(&item)) {
        auto polygons = glyph_polygons(*t, {-box_safe_mm, -box_safe_mm}, curve_segments, &glyphs);
        out.insert(out.end(), std::make_move_iterator(polygons.begin()), std::make_move_iterator(polygons.end()));
      }
    }
    return out;
  }

  // The label of sector `k` as glyph outlines in the disc's frame: set in the
  // largest box that lies inside the wedge (less the margin) between the
  // hub's clearance and the pegs, reading outwards along the sector's
  // bisector (inwards on the left half, so that no label is upside down).
  std::vector<Polygon> sector_label(const WheelGeometry& g, int k) {
    const auto& sector = roadshow.wheel.sectors[static_cast<std::size_t>(k)];
    const double half = g.sector_deg / 2;
    const double outer = g.peg_circle_mm - g.peg_diameter_mm / 2 - 2 * g.label_margin_mm;
    const double u0 = g.radius_mm * label_inner_fraction;
    // At its inner end the box is narrowest: its corners keep the margin
    // from both sides of the wedge.
    double height = 0.3 * (outer - u0);
    if (half < 89) {
      height =
          std::min(height, 2 * (u0 * std::sin(half * deg_to_rad) - g.label_margin_mm) / std::cos(half * deg_to_rad));
    }
    if (height <= 1) {
      diagnostics.error(
          sector.label_pos,
          fmt::format("a wheel of {} sectors at {} mm leaves no room for a label", g.sectors, 2 * g.radius_mm),
          "fewer sectors, or a larger wheel", "make wheel.diameter_mm larger or use fewer sectors");
      return {};
    }
    const double u1 = std::sqrt(outer * outer - height * height / 4);
    const double length = u1 - u0;
    layout::Fields fields;
    fields.set("sector.label", sector.label.get(lang), sector.label_pos);
    const auto page = compose_box("wheel-label", fields, length, height);
    if (!page) return {};
    auto polygons = outlines_of(*page);
    const double a = g.boundary_deg(k) + half;  // the bisector
    const bool flip = a > 180;
    for (auto& p : polygons) {
      for (auto& q : p) {
        // Box frame: x along the bisector from u0, y across it; at 12 o'clock
        // the bisector points up and the box's y to the right.
        const double u = flip ? u0 + length - q.x : u0 + q.x;
        const double v = flip ? height / 2 - q.y : q.y - height / 2;
        const Point r = turn({v, -u}, a);
        q = {g.centre().x + r.x, g.centre().y + r.y};
      }
    }
    return polygons;
  }

  Part disc(const WheelGeometry& g, const std::vector<std::vector<Polygon>>& labels_mm) const {
    Part d;
    d.label = "wheel disc";
    d.source = roadshow.wheel.diameter_pos;
    d.outline = fab::Contour::of(fab::Circle{g.centre(), g.radius_mm});
    d.holes.push_back(fab::through_hole(g.centre(), g.hub_diameter_mm));
    for (int k = 0; k < g.sectors; ++k) {
      const double a = g.boundary_deg(k);
      d.holes.push_back(fab::through_hole(g.at(g.peg_circle_mm, a), g.peg_diameter_mm));
      d.score_lines.push_back({g.at(g.score_from_mm, a), g.at(g.score_to_mm, a)});
    }
    for (const auto& label : labels_mm) d.engravings.insert(d.engravings.end(), label.begin(), label.end());
    return d;
  }
};

}  // namespace

Point WheelGeometry::at(double r_mm, double deg) const {
  return {radius_mm + r_mm * std::sin(deg * deg_to_rad), radius_mm - r_mm * std::cos(deg * deg_to_rad)};
}

WheelGeometry wheel_geometry(const content::WheelSettings& wheel) {
  WheelGeometry g;
  g.radius_mm = wheel.diameter_mm / 2;
  g.sectors = static_cast<int>(wheel.sectors.size());
  g.sector_deg = g.sectors > 0 ? 360.0 / g.sectors : 0;
  g.peg_diameter_mm = wheel.peg_diameter_mm;
  g.peg_circle_mm = g.radius_mm - peg_from_rim_mm;
  g.score_from_mm = g.hub_diameter_mm / 2 + 14;
  g.score_to_mm = g.peg_circle_mm - g.peg_diameter_mm / 2 - 3;
  return g;
}

namespace {

// Everything of one build: the parts, and the disc's labels for the face.
struct WheelBuild {
  WheelGeometry geometry;
  std::vector<std::vector<Polygon>> labels;  // per sector, in the disc's frame
  std::vector<Part> parts;
  Stand stand;
  int counter_discs = 1;
  int flapper_spacers = 0;
};

const content::Material& wheel_material(const content::Roadshow& r) {
  return r.wheel.material ? *r.wheel.material : r.exhibit.material;
}

bool check_wheel(const content::Roadshow& r, Diagnostics& diagnostics) {
  const auto& e = r.exhibit;
  const double shortest = std::min(e.sheet_width_mm, e.sheet_height_mm) - 2 * sheet_edge_margin_mm - 2;
  if (r.wheel.diameter_mm + e.kerf_mm > shortest) {
    diagnostics.error(r.wheel.diameter_pos,
                      fmt::format("a disc of {} mm does not fit the {} x {} mm sheet with its {} mm margins",
                                  r.wheel.diameter_mm, e.sheet_width_mm, e.sheet_height_mm, sheet_edge_margin_mm),
                      fmt::format("a disc at most {:.0f} mm across", std::floor(shortest - e.kerf_mm)),
                      fmt::format("set wheel.diameter_mm to {:.0f} or less, or use larger sheets (exhibit.sheet)",
                                  std::floor(shortest - e.kerf_mm)));
    return false;
  }
  if (!stand_for(e, r.wheel.diameter_mm / 2)) {
    diagnostics.error(r.wheel.diameter_pos,
                      fmt::format("the {} x {} mm sheet is too small for a stand under a {} mm wheel", e.sheet_width_mm,
                                  e.sheet_height_mm, r.wheel.diameter_mm),
                      "a sheet whose long side is at least the wheel's diameter plus 500 mm",
                      "use larger sheets, or a smaller wheel");
    return false;
  }
  return true;
}

WheelBuild make_parts(const content::Roadshow& r, Builder& b) {
  WheelBuild w;
  const auto& wheel = r.wheel;
  const auto& e = r.exhibit;
  const SourcePos& at = wheel.pos;
  w.geometry = wheel_geometry(wheel);
  const WheelGeometry& g = w.geometry;
  const double t = wheel_material(r).measured_thickness_mm;
  const fab::JointSettings joints{t, e.clearance_mm, 0};

  for (int k = 0; k < g.sectors; ++k) w.labels.push_back(b.sector_label(g, k));
  w.parts.push_back(b.disc(g, w.labels));

  // Counter-discs glued behind the disc: they stiffen it and hold the
  // bearing; with two bearings, one bearing sits in each counter-disc.
  w.counter_discs = wheel.hub == content::WheelHub::two_bearings ? 2 : 1;
  const double counter_mm = std::max(0.22 * wheel.diameter_mm, 80.0);
  for (int i = 0; i < w.counter_discs; ++i) {
    Part c;
    c.label = fmt::format("wheel counter-disc {}", i + 1);
    c.source = at;
    c.outline = fab::Contour::of(fab::Circle{{counter_mm / 2, counter_mm / 2}, counter_mm / 2});
    c.holes.push_back(fab::through_hole({counter_mm / 2, counter_mm / 2}, g.hub_diameter_mm));
    w.parts.push_back(std::move(c));
  }

  // The stand: a front upright that carries the axle, slotted from below
  // into a second upright (front to back) that is slotted from above, the
  // second standing on two feet with cross-lap joints: an egg-crate column
  // that stands without glue or screws.
  w.stand = *stand_for(e, g.radius_mm);
  const Stand& s = w.stand;
  {
    Part u;
    u.label = "wheel upright";
    u.source = at;
    u.grain = fab::Grain::along_y;
    const double wd = upright_width_mm;
    u.outline = fab::walk({fab::straight(wd), fab::straight(s.upright_mm),
                           fab::cross_laps(wd, {wd / 2}, s.brace_mm / 2, joints), fab::straight(s.upright_mm)});
    const double axle_y = s.upright_mm - s.axle_mm;  // from the upright's top
    u.holes.push_back(fab::through_hole({wd / 2, axle_y}, axle_hole_mm));
    u.holes.push_back(fab::bolt_hole({wd / 2, axle_y - 50}));
    u.holes.push_back(fab::bolt_hole({wd / 2, axle_y + 40}));
    w.parts.push_back(std::move(u));
  }
  {
    Part brace;
    brace.label = "wheel upright 2";
    brace.source = at;
    brace.grain = fab::Grain::along_y;
    const double d = brace_depth_mm;
    brace.outline =
        fab::walk({fab::cross_laps(d, {d / 2}, s.brace_mm / 2, joints), fab::straight(s.brace_mm),
                   fab::cross_laps(d, {foot_from_brace_end_mm, d - foot_from_brace_end_mm}, foot_height_mm / 2, joints),
                   fab::straight(s.brace_mm)});
    w.parts.push_back(std::move(brace));
  }
  for (int f = 0; f < 2; ++f) {
    Part foot;
    foot.label = fmt::format("wheel foot {}", f + 1);
    foot.source = at;
    const double l = foot_length_mm;
    foot.outline = fab::walk({fab::cross_laps(l, {l / 2}, foot_height_mm / 2, joints), fab::straight(foot_height_mm),
                              fab::straight(l), fab::straight(foot_height_mm)});
    w.parts.push_back(std::move(foot));
  }
  // The holder: a strip bolted to the upright's face (and on the axle),
  // reaching above the rim, where the flapper hangs on an M4 bolt.
  {
    Part h;
    h.label = "wheel flapper holder";
    h.source = at;
    const double pivot_y = 30;
    const double axle_y = pivot_y + g.radius_mm + pivot_above_rim_mm;
    const double length = axle_y + 40 + 30;
    h.outline = fab::Contour::of(fab::rectangle(0, 0, holder_width_mm, length));
    h.holes.push_back(fab::through_hole({holder_width_mm / 2, pivot_y}, 4.5));
    h.holes.push_back(fab::through_hole({holder_width_mm / 2, axle_y}, axle_hole_mm));
    h.holes.push_back(fab::bolt_hole({holder_width_mm / 2, axle_y - 50}));
    h.holes.push_back(fab::bolt_hole({holder_width_mm / 2, axle_y + 40}));
    w.parts.push_back(std::move(h));
  }
  // The flapper: hangs from its pivot above the rim, its tip between the
  // pegs; it ticks past each peg and comes to rest pointing at the sector.
  {
    Part f;
    f.label = "wheel flapper";
    f.source = at;
    const double head = 12;
    const double length = pivot_above_rim_mm + flapper_below_rim_mm;
    Polygon outline = ring_polygon({head, head}, head, 90, 270);  // the rounded head, over the top
    std::reverse(outline.begin(), outline.end());
    outline.push_back({head - 2, head + length});
    outline.push_back({head + 2, head + length});
    f.outline = fab::Contour::of(outline);
    f.holes.push_back(fab::through_hole({head, head}, flapper_pivot_hole_mm));
    w.parts.push_back(std::move(f));
  }
  // Spacers on the flapper's bolt bring it in front of the disc's face,
  // where the pegs stand out: holder, two axle washers, the counter-discs
  // and the disc lie between.
  const double disc_face = t * (1 + 2 + w.counter_discs + 1);
  w.flapper_spacers = static_cast<int>(std::ceil((disc_face + 0.2 * peg_length_mm - t) / t));
  for (int i = 0; i < 2; ++i)
    w.parts.push_back(ring(fmt::format("wheel axle washer {}", i + 1), washer_outer_mm, axle_hole_mm, at));
  for (int i = 0; i < w.flapper_spacers; ++i) {
    w.parts.push_back(ring(fmt::format("wheel flapper spacer {}", i + 1), spacer_outer_mm, 4.5, at));
  }
  return w;
}

// ---- Print ---------------------------------------------------------------

constexpr double face_bleed_mm = 3;
// The printed face: the disc's sectors in their colours, its labels (the
// very outlines the laser engraves), peg marks and a hub mark, on a square
// page of the disc's diameter (its trim) with bleed: the page's frame is
// the disc's frame, so print and disc share centre and radius.
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
  for (int k = 0; k < g.sectors; ++k) {
    const auto& sector = r.wheel.sectors[static_cast<std::size_t>(k)];
    page.items.emplace_back(path_item(w.labels[static_cast<std::size_t>(k)], ink_on(rgb(sector.color))));
  }
  const auto pt = [](Point p) { return std::pair{layout::mm_to_pt(p.x), layout::mm_to_pt(p.y)}; };
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

// Where the text of a sector goes on the volvelle's base: the largest box,
// upright when its sector is at 12 o'clock, inside the wedge (less a
// margin) and within `outer_r`.
struct Box {
  double inner_r = 0;  // of the box's lower edge
  double width = 0;
  double height = 0;
};

Box wedge_box(double half_deg, double outer_r, double margin) {
  Box best;
  for (double r1 = 0.1 * outer_r; r1 < 0.9 * outer_r; r1 += 0.5) {
    double w = 2 * outer_r;
    if (half_deg < 89) {
      w = 2 * (r1 * std::sin(half_deg * deg_to_rad) - margin) / std::cos(half_deg * deg_to_rad);
    }
    w = std::min(w, 1.6 * outer_r);
    if (w <= 0 || w / 2 >= outer_r) continue;
    const double h = std::sqrt(outer_r * outer_r - w * w / 4) - r1;
    if (h <= 0) continue;
    if (w * h > best.width * best.height) best = {r1, w, h};
  }
  return best;
}

// The text of a box composed by Builder::compose_box on `page`: the box's
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

// The volvelle: a base disc with every sector's label, "te weinig" and "met
// impact" texts, and a top disc with a window that shows one sector's texts
// at a time. Two pages of the chosen sheet, cut out along the printed lines
// and held together at their centres with a split pin.
std::vector<layout::Page> volvelle_pages(const content::Roadshow& r, Builder& b) {
  const auto size = layout::paper_size(r.wheel.volvelle_sheet);
  const double page_w = size->width_mm;
  const double page_h = size->height_mm;
  const double base_r = std::min(page_w, page_h) / 2 - 12;
  const double ring_mm = 0.09 * base_r;  // the base's coloured rim, seen round the top disc
  const double top_r = base_r - ring_mm;
  const double text_r = top_r - 4;
  const int n = static_cast<int>(r.wheel.sectors.size());
  const double sector_deg = 360.0 / n;
  const double half = sector_deg / 2;
  const Point centre{page_w / 2, page_h / 2};
  const layout::Rgb cut{0.35, 0.35, 0.35};
  const layout::Rgb muted = rgb(r.theme.color("muted").value_or("ECEEF1"));
  const Box box = wedge_box(half, text_r, 3);
  const auto pt = [](Point p) { return std::pair{layout::mm_to_pt(p.x), layout::mm_to_pt(p.y)}; };
  const auto make_page = [&] {
    layout::Page page;
    page.trim_width_pt = layout::mm_to_pt(page_w);
    page.trim_height_pt = layout::mm_to_pt(page_h);
    page.bleed_pt = 0;
    page.safe_area_pt = 0;
    return page;
  };
  const auto centre_mark = [&](layout::Page& page) {
    const auto [cx, cy] = pt(centre);
    const double arm = layout::mm_to_pt(4);
    page.items.emplace_back(layout::CircleItem{cx, cy, layout::mm_to_pt(1.2), std::nullopt, cut, 0.5});
    page.items.emplace_back(layout::LineItem{cx - arm, cy, cx + arm, cy, cut, 0.4});
    page.items.emplace_back(layout::LineItem{cx, cy - arm, cx, cy + arm, cut, 0.4});
  };
  const auto cut_circle = [&](layout::Page& page, double radius) {
    const auto [cx, cy] = pt(centre);
    page.items.emplace_back(layout::CircleItem{cx, cy, layout::mm_to_pt(radius), std::nullopt, cut, 0.6});
  };
  // Base: the coloured rim and, in each wedge, the sector's texts.
  layout::Page base = make_page();
  for (int k = 0; k < n; ++k) {
    const auto& sector = r.wheel.sectors[static_cast<std::size_t>(k)];
    base.items.emplace_back(
        path_item({wedge(centre, top_r - 2, base_r, k * sector_deg, (k + 1) * sector_deg)}, rgb(sector.color)));
    layout::Fields fields;
    fields.set("sector.label", sector.label.get(b.lang), sector.label_pos);
    fields.set("sector.te_weinig", sector.te_weinig.get(b.lang), sector.pos);
    fields.set("sector.met_impact", sector.met_impact.get(b.lang), sector.pos);
    const auto composed = b.compose_box("wheel-volvelle-sector", fields, box.width, box.height);
    if (!composed) continue;
    // The box upright at 12 o'clock, its top towards the rim, then turned
    // about the centre to its wedge.
    const double a = k * sector_deg + half;
    const Point corner = turn({-box.width / 2, -box.inner_r - box.height}, a);
    place_text(*composed, {centre.x + corner.x, centre.y + corner.y}, a, base);
    // A thin line between two sectors' texts.
    const Point from{centre.x + 8 * std::sin(k * sector_deg * deg_to_rad),
                     centre.y - 8 * std::cos(k * sector_deg * deg_to_rad)};
    const Point to{centre.x + (top_r - 2) * std::sin(k * sector_deg * deg_to_rad),
                   centre.y - (top_r - 2) * std::cos(k * sector_deg * deg_to_rad)};
    const auto [x1, y1] = pt(from);
    const auto [x2, y2] = pt(to);
    base.items.emplace_back(layout::LineItem{x1, y1, x2, y2, muted, 0.6});
  }
  cut_circle(base, base_r);
  centre_mark(base);

  // Top: a window over one wedge's box, the roadshow's title and how to use it.
  layout::Page top = make_page();
  {
    const auto [cx, cy] = pt(centre);
    top.items.emplace_back(layout::CircleItem{cx, cy, layout::mm_to_pt(top_r), layout::Rgb{1, 1, 1}, std::nullopt, 0});
  }
  const double window_in = std::max(box.inner_r - 2, 6.0);
  const double window_out = std::min(box.inner_r + box.height + 2, top_r - 3);
  const double shrink = std::asin(std::min(1.0, 1.5 / window_in)) / deg_to_rad;
  const Polygon window = wedge(centre, window_in, window_out, -half + shrink, half - shrink);
  top.items.emplace_back(path_item({window}, muted));
  for (std::size_t i = 0; i < window.size(); ++i) {
    const auto [x1, y1] = pt(window[i]);
    const auto [x2, y2] = pt(window[(i + 1) % window.size()]);
    top.items.emplace_back(layout::LineItem{x1, y1, x2, y2, cut, 0.6});
  }
  {
    // A pointer at the window, on the top disc's rim.
    const Point tip{centre.x, centre.y - top_r + 1};
    const Polygon arrow = {tip, {tip.x - 4, tip.y + 6}, {tip.x + 4, tip.y + 6}};
    top.items.emplace_back(path_item({arrow}, rgb(r.theme.color("primary").value_or("1D4F91"))));
  }
  {
    layout::Fields fields = layout::roadshow_fields(r, b.lang, b.kit.labels);
    const double w = 1.2 * top_r;
    const double h = 0.55 * top_r;
    if (const auto composed = b.compose_box("wheel-volvelle-top", fields, w, h)) {
      place_text(*composed, {centre.x - w / 2, centre.y + 0.3 * top_r}, 0, top);
    }
  }
  cut_circle(top, top_r);
  centre_mark(top);
  return {std::move(base), std::move(top)};
}

}  // namespace

std::vector<Part> wheel_parts(const content::Roadshow& roadshow, bool allow_overflow, Diagnostics& diagnostics,
                              double* axle_height_mm) {
  if (roadshow.wheel.sectors.empty() || !check_wheel(roadshow, diagnostics)) return {};
  Builder b(roadshow, allow_overflow, diagnostics);
  WheelBuild w = make_parts(roadshow, b);
  if (axle_height_mm) *axle_height_mm = w.stand.axle_mm;
  return std::move(w.parts);
}

std::string wheel_case_inputs(const content::Roadshow& roadshow) {
  std::string out;
  for (const auto& sector : roadshow.wheel.sectors) {
    out += fmt::format("{} {} {}\n", sector.case_id, sector.theme ? content::name(*sector.theme) : "", sector.color);
  }
  bool lists_cases = false;
  for (const char* name : {"wheel-label", "wheel-volvelle-sector", "wheel-volvelle-top"}) {
    for (const auto& dir : content::template_dirs(roadshow.root)) {
      if (const auto text = read_file(dir / (std::string(name) + ".yaml"))) {
        lists_cases = lists_cases || text->find("roadshow.cases") != std::string::npos;
        break;
      }
    }
  }
  if (lists_cases) {
    for (const auto& c : roadshow.cases) out += read_file(roadshow.root / c.file).value_or("") + '\n';
  }
  return out;
}

WheelReport build_wheel(const content::Roadshow& roadshow, const WheelOptions& options, Diagnostics& diagnostics) {
  WheelReport report;
  const auto& wheel = roadshow.wheel;
  if (wheel.sectors.empty()) {
    report.notes.emplace_back("wheel: roadshow.yaml has no `wheel: sectors:`, so no wheel is made");
    return report;
  }
  if (!check_wheel(roadshow, diagnostics)) return report;
  const auto& e = roadshow.exhibit;
  Builder b(roadshow, options.allow_overflow, diagnostics);
  const WheelBuild w = make_parts(roadshow, b);
  const auto face = face_page(roadshow, w);
  const auto volvelle = volvelle_pages(roadshow, b);
  if (diagnostics.has_errors()) return report;

  const auto& material = wheel_material(roadshow);
  fab::Job job;
  job.name = "wheel";
  job.parts = w.parts;
  job.joints = {material.measured_thickness_mm, e.clearance_mm, 0};
  job.sheet = {e.sheet_width_mm, e.sheet_height_mm, material.laser};
  job.nesting.kerf_mm = e.kerf_mm;
  job.nesting.edge_margin_mm = sheet_edge_margin_mm;
  job.kerf_source = e.kerf_pos;
  const auto memo = nest_memo(options.manifest, job.name);
  const auto layout = fab::lay_out(job, diagnostics, memo.get());
  if (!layout || diagnostics.has_errors()) return report;

  const fab::ShopProfile shop = e.shop == "blue-cut" ? fab::blue_cut_shop() : fab::default_shop();
  if (!shop.material(material.laser)) {
    std::vector<std::string> known;
    for (const auto& m : shop.materials) known.push_back(m.name);
    const auto near = closest(material.laser, known);
    diagnostics.error(material.laser_pos.line > 0 ? material.laser_pos : wheel.pos,
                      fmt::format("the laser shop profile '{}' has no material '{}'", shop.name, material.laser),
                      fmt::format("one of {}", fmt::join(known, ", ")),
                      near ? fmt::format("did you mean '{}'?", *near) : "set the material's `laser` to one of them");
    return report;
  }
  report.folder = options.output_dir / "wheel";
  fs::create_directories(report.folder);
  const std::string title = roadshow.title.get(b.lang);
  const fs::path face_pdf = report.folder / "face.pdf";
  report.volvelle_sheet = wheel.volvelle_sheet;
  const fs::path volvelle_pdf = report.folder / fmt::format("volvelle-{}.pdf", wheel.volvelle_sheet);
  // The laser files, the face, the volvelle and the previews are independent:
  // spread over the cores (the two PDFs of outlined text are most of the time).
  std::vector<fs::path> laser_files;
  std::vector<Task> tasks;
  tasks.emplace_back([&](Diagnostics&) {
    const auto ledger = sheet_ledger(options.manifest, options.output_dir);
    laser_files = fab::write_laser_files(job, *layout, shop, report.folder, options.with_dxf, ledger.get());
  });
  tasks.emplace_back([&](Diagnostics& warnings) {
    print::PdfOptions crop;
    crop.crop_marks = true;
    print::write_pdf(face_pdf, {face},
                     {title + ": wheel face", roadshow.organisation, "confrontation wheel, printed face", b.lang}, crop,
                     warnings);
  });
  tasks.emplace_back([&](Diagnostics& warnings) {
    print::write_pdf(volvelle_pdf, volvelle,
                     {title + ": volvelle", roadshow.organisation, "confrontation wheel, paper volvelle", b.lang}, {},
                     warnings);
  });
  const std::vector<std::pair<std::string, const layout::Page*>> previews = {
      {"face.png", &face}, {"volvelle-base.png", &volvelle[0]}, {"volvelle-top.png", &volvelle[1]}};
  if (options.preview_dpi > 0) {
    for (const auto& [name, page] : previews) {
      tasks.emplace_back([&, name = name, page = page](Diagnostics& warnings) {
        print::write_png(report.folder / name, *page, options.preview_dpi, warnings);
      });
    }
  }
  run_parallel(tasks, diagnostics);
  report.files = laser_files;
  report.files.push_back(face_pdf);
  report.files.push_back(volvelle_pdf);
  if (options.preview_dpi > 0) {
    for (const auto& [name, page] : previews) report.files.push_back(report.folder / name);
  }

  const fab::CutReport cut = fab::cut_report(layout->nesting, layout->parts, shop);
  report.sectors = wheel.sectors.size();
  report.parts = cut.parts;
  report.sheets = cut.sheets.size();
  double used = 0;
  for (const auto& s : cut.sheets) used += s.utilisation;
  report.utilisation = cut.sheets.empty() ? 0 : used / static_cast<double>(cut.sheets.size());
  report.laser_minutes = cut.laser_s / 60;
  report.material_eur = cut.material_eur;
  report.axle_height_mm = w.stand.axle_mm;
  if (w.stand.axle_mm < 1100) {
    report.notes.push_back(fmt::format(
        "wheel: the {} x {} mm sheet allows a stand with its axle at {:.0f} mm, lower than the 1100-1200 mm to spin "
        "standing; use longer sheets for a taller stand",
        e.sheet_width_mm, e.sheet_height_mm, w.stand.axle_mm));
  }
  return report;
}

}  // namespace impactkit::products
