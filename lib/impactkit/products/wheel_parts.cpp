// The wheel's laser parts: the disc with its engraved labels, the
// counter-discs, the stand, the flapper and its holder, the rings.

#include <impactkit/products/detail/assembly_words.hpp>
#include <impactkit/products/detail/wheel_parts.hpp>
#include <impactkit/products/engrave.hpp>
#include <impactkit/products/laser_job.hpp>

#include <impactkit/fab/joint.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/template.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace impactkit::products {
using fab::Part;
using fab::Point;
using fab::Polygon;

namespace {

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
constexpr double flapper_head_mm = 12;       // the head's radius, about the pivot
constexpr double spacer_outer_mm = 16;       // rings on the flapper's bolt
constexpr double washer_outer_mm = 14;       // rings on the axle: they touch only the bearing's inner ring
constexpr double peg_from_rim_mm = 15;
constexpr double peg_length_mm = 30;           // how far a dowel stands out of the disc's face
constexpr double label_inner_fraction = 0.32;  // labels start this far out (of the radius), clear of the hub

using detail::deg_to_rad;
using detail::Stand;
using detail::WheelBuild;

// A ring (washer, spacer): a circle with a hole.
Part ring(const std::string& label, double outer_mm, double hole_mm, const SourcePos& source) {
  Part p;
  p.label = label;
  p.source = source;
  p.outline = fab::Contour::of(fab::Circle{{outer_mm / 2, outer_mm / 2}, outer_mm / 2});
  p.holes.push_back(fab::through_hole({outer_mm / 2, outer_mm / 2}, hole_mm));
  return p;
}

// The stand the sheet allows: the longest part is the front upright.
std::optional<Stand> stand_for(const content::ExhibitSettings& e, double radius_mm) {
  const double longest = std::max(e.sheet_width_mm, e.sheet_height_mm) - 2 * sheet_edge_margin_mm - 2;
  Stand s;
  s.axle_mm = std::floor(std::min(axle_target_mm, longest - upright_above_axle_mm) / 10) * 10;
  s.upright_mm = s.axle_mm + upright_above_axle_mm;
  s.brace_mm = std::min(800.0, s.axle_mm - radius_mm - brace_below_disc_mm);
  s.foot_inset_mm = foot_from_brace_end_mm;
  if (s.brace_mm < 2 * foot_height_mm) return std::nullopt;
  return s;
}

Part disc(const content::WheelSettings& wheel, const WheelGeometry& g,
          const std::vector<std::vector<Polygon>>& labels_mm) {
  Part d;
  d.label = "wheel disc";
  d.source = wheel.diameter_pos;
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

// Counter-discs glued behind the disc: they stiffen it and hold the
// bearing; with two bearings, one bearing sits in each counter-disc.
void add_counter_discs(WheelBuild& w, const content::WheelSettings& wheel) {
  w.counter_discs = wheel.hub == content::WheelHub::two_bearings ? 2 : 1;
  const double counter_mm = std::max(0.22 * wheel.diameter_mm, 80.0);
  for (int i = 0; i < w.counter_discs; ++i) {
    Part c;
    c.label = fmt::format("wheel counter-disc {}", i + 1);
    c.source = wheel.pos;
    c.outline = fab::Contour::of(fab::Circle{{counter_mm / 2, counter_mm / 2}, counter_mm / 2});
    c.holes.push_back(fab::through_hole({counter_mm / 2, counter_mm / 2}, w.geometry.hub_diameter_mm));
    w.parts.push_back(std::move(c));
  }
}

// The stand: a front upright that carries the axle, slotted from below
// into a second upright (front to back) that is slotted from above, the
// second standing on two feet with cross-lap joints: an egg-crate column
// that stands without glue or screws.
void add_stand(std::vector<Part>& parts, const Stand& s, const fab::JointSettings& joints, const SourcePos& at) {
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
    parts.push_back(std::move(u));
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
    parts.push_back(std::move(brace));
  }
  for (int f = 0; f < 2; ++f) {
    Part foot;
    foot.label = fmt::format("wheel foot {}", f + 1);
    foot.source = at;
    const double l = foot_length_mm;
    foot.outline = fab::walk({fab::cross_laps(l, {l / 2}, foot_height_mm / 2, joints), fab::straight(foot_height_mm),
                              fab::straight(l), fab::straight(foot_height_mm)});
    parts.push_back(std::move(foot));
  }
}

// The holder: a strip bolted to the upright's face (and on the axle),
// reaching above the rim, where the flapper hangs on an M4 bolt.
Part flapper_holder(const WheelGeometry& g, const SourcePos& at) {
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
  return h;
}

// The flapper: hangs from its pivot above the rim, its tip between the
// pegs; it ticks past each peg and comes to rest pointing at the sector.
// Its head is a half disc over the pivot, wide enough to leave at least a
// material thickness of wood around the pivot hole.
Part flapper(double thickness_mm, const SourcePos& at) {
  Part f;
  f.label = "wheel flapper";
  f.source = at;
  const double head = std::max(flapper_head_mm, flapper_pivot_hole_mm / 2 + thickness_mm + 1);
  const double length = pivot_above_rim_mm + flapper_below_rim_mm;
  // ring_polygon's angles run clockwise from 12 o'clock: -90 -> 90 is the
  // upper half, from 9 o'clock over the top to 3 o'clock; the tip below
  // closes the outline clockwise on screen, as walk() draws every part.
  Polygon outline = detail::ring_polygon({head, head}, head, -90, 90);
  outline.push_back({head + 2, head + length});
  outline.push_back({head - 2, head + length});
  f.outline = fab::Contour::of(outline);
  f.holes.push_back(fab::through_hole({head, head}, flapper_pivot_hole_mm));
  return f;
}

// Spacers on the flapper's bolt bring it in front of the disc's face,
// where the pegs stand out: holder, two axle washers, the counter-discs
// and the disc lie between.
void add_rings(WheelBuild& w, double t, const SourcePos& at) {
  const double disc_face = t * (1 + 2 + w.counter_discs + 1);
  w.flapper_spacers = static_cast<int>(std::ceil((disc_face + 0.2 * peg_length_mm - t) / t));
  for (int i = 0; i < 2; ++i)
    w.parts.push_back(ring(fmt::format("wheel axle washer {}", i + 1), washer_outer_mm, axle_hole_mm, at));
  for (int i = 0; i < w.flapper_spacers; ++i) {
    w.parts.push_back(ring(fmt::format("wheel flapper spacer {}", i + 1), spacer_outer_mm, 4.5, at));
  }
}

// The parts' names from the locale, on the laser sheets and the assembly
// sheet alike.
void name_parts(WheelBuild& w, const content::Labels& labels) {
  const auto name = [&](std::size_t part, const char* key, int n = 0) {
    w.parts[part].label = detail::locale_text(labels, fmt::format("assembly.part.{}", key), {{"n", std::to_string(n)}});
  };
  name(0, "wheel_disc");
  for (int i = 0; i < w.counter_discs; ++i) name(w.counter_disc(i), "wheel_counter_disc", i + 1);
  name(w.upright(), "wheel_upright");
  name(w.brace(), "wheel_brace");
  for (int i = 0; i < 2; ++i) name(w.foot(i), "wheel_foot", i + 1);
  name(w.holder(), "wheel_holder");
  name(w.flapper(), "wheel_flapper");
  for (int i = 0; i < 2; ++i) name(w.washer(i), "wheel_washer", i + 1);
  for (int i = 0; i < w.flapper_spacers; ++i) name(w.spacer(i), "wheel_spacer", i + 1);
}

}  // namespace

namespace detail {

Point turn(Point p, double deg) {
  const double c = std::cos(deg * deg_to_rad);
  const double s = std::sin(deg * deg_to_rad);
  return {p.x * c - p.y * s, p.x * s + p.y * c};
}

Polygon ring_polygon(Point centre, double r, double from_deg, double to_deg, double step_deg) {
  Polygon out;
  const int steps = std::max(2, static_cast<int>(std::ceil((to_deg - from_deg) / step_deg)));
  for (int i = 0; i <= steps; ++i) {
    const double a = (from_deg + (to_deg - from_deg) * i / steps) * deg_to_rad;
    out.push_back({centre.x + r * std::sin(a), centre.y - r * std::cos(a)});
  }
  return out;
}

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

WheelKit::WheelKit(const content::Roadshow& r, bool overflow, Diagnostics& d, text::TextCache* cache)
    : roadshow(r),
      allow_overflow(overflow),
      diagnostics(d),
      lang(r.languages.default_language),
      kit(r, lang, {"wheel-label", "wheel-volvelle-sector", "wheel-volvelle-top"}, d, cache) {}

std::optional<layout::Page> WheelKit::compose_box(const std::string& name, const layout::Fields& fields,
                                                  double width_mm, double height_mm) {
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
  options.check_contrast = name != "wheel-label";  // the label is engraved: only its outlines are used
  return kit.composer.compose(t, fields, kit.labels, options);
}

std::vector<Polygon> WheelKit::outlines_of(const layout::Page& page, int curve_segments) {
  std::vector<Polygon> out;
  for (const auto& item : page.items) {
    if (const auto* t = std::get_if<layout::TextItem>(&item)) {
      auto polygons = glyph_polygons(*t, {-box_safe_mm, -box_safe_mm}, curve_segments, &glyphs);
      out.insert(out.end(), std::make_move_iterator(polygons.begin()), std::make_move_iterator(polygons.end()));
    }
  }
  return out;
}

WedgeBox wedge_box(double half_deg, double outer_r, double margin, double min_r) {
  WedgeBox best;
  for (double r1 = std::max(0.1 * outer_r, min_r); r1 < 0.9 * outer_r; r1 += 0.5) {
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

// One direction: every label is upright when its sector is at 12 o'clock,
// under the flapper, like the volvelle's texts. One size: each label is
// fitted to its box, then all are scaled to the smallest of those sizes
// about their box's centre (the template centres them), so that no label
// shouts louder than another.
std::vector<std::vector<Polygon>> WheelKit::sector_labels(const WheelGeometry& g) {
  const double outer = g.peg_circle_mm - g.peg_diameter_mm / 2 - 2 * g.label_margin_mm;
  const WedgeBox box = wedge_box(g.sector_deg / 2, outer, g.label_margin_mm, g.radius_mm * label_inner_fraction);
  std::vector<std::vector<Polygon>> labels(static_cast<std::size_t>(g.sectors));
  if (box.height <= 1 || box.width <= 1) {
    const auto& sector = roadshow.wheel.sectors.front();
    diagnostics.error(
        sector.label_pos,
        fmt::format("a wheel of {} sectors at {} mm leaves no room for a label", g.sectors, 2 * g.radius_mm),
        "fewer sectors, or a larger wheel", "make wheel.diameter_mm larger or use fewer sectors");
    return labels;
  }
  std::vector<double> sizes(labels.size(), 0);
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const auto& sector = roadshow.wheel.sectors[k];
    layout::Fields fields;
    fields.set("sector.label", sector.label.get(lang), sector.label_pos);
    const auto page = compose_box("wheel-label", fields, box.width, box.height);
    if (!page) continue;
    for (const auto& item : page->items) {
      if (const auto* t = std::get_if<layout::TextItem>(&item)) sizes[k] = std::max(sizes[k], t->text.size_pt);
    }
    labels[k] = outlines_of(*page);
  }
  double common = 0;
  for (const double s : sizes) {
    if (s > 0) common = common > 0 ? std::min(common, s) : s;
  }
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const double scale = sizes[k] > 0 ? common / sizes[k] : 1;
    const double a = g.boundary_deg(static_cast<int>(k)) + g.sector_deg / 2;  // the bisector
    for (auto& p : labels[k]) {
      for (auto& q : p) {
        // Box frame (x right, y down from the box's top-left corner); at
        // 12 o'clock the box's top faces the rim.
        const Point in_box{box.width / 2 + (q.x - box.width / 2) * scale,
                           box.height / 2 + (q.y - box.height / 2) * scale};
        const Point r = turn({in_box.x - box.width / 2, in_box.y - box.inner_r - box.height}, a);
        q = {g.centre().x + r.x, g.centre().y + r.y};
      }
    }
  }
  return labels;
}

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

WheelBuild make_wheel_parts(const content::Roadshow& r, WheelKit& kit) {
  WheelBuild w;
  const auto& wheel = r.wheel;
  const SourcePos& at = wheel.pos;
  w.geometry = wheel_geometry(wheel);
  const WheelGeometry& g = w.geometry;
  const double t = wheel_material(r).measured_thickness_mm;
  const fab::JointSettings joints{t, r.exhibit.clearance_mm, 0};

  w.labels = kit.sector_labels(g);
  w.parts.push_back(disc(wheel, g, w.labels));
  add_counter_discs(w, wheel);
  w.stand = *stand_for(r.exhibit, g.radius_mm);
  add_stand(w.parts, w.stand, joints, at);
  w.parts.push_back(flapper_holder(g, at));
  w.parts.push_back(flapper(t, at));
  add_rings(w, t, at);
  w.thickness_mm = t;
  w.peg_length_mm = peg_length_mm;
  w.axle_mm = 8;
  w.flapper_bolt_mm = 4;
  name_parts(w, kit.kit.labels);
  return w;
}

}  // namespace detail

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

std::vector<Part> wheel_parts(const content::Roadshow& roadshow, bool allow_overflow, Diagnostics& diagnostics,
                              double* axle_height_mm) {
  if (roadshow.wheel.sectors.empty() || !detail::check_wheel(roadshow, diagnostics)) return {};
  detail::WheelKit kit(roadshow, allow_overflow, diagnostics);
  detail::WheelBuild w = detail::make_wheel_parts(roadshow, kit);
  if (axle_height_mm) *axle_height_mm = w.stand.axle_mm;
  return std::move(w.parts);
}

}  // namespace impactkit::products
