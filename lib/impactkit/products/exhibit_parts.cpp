// The exhibit's parts: a panel per case and one for the intro (tiles,
// splice plates, feet; the intro's shelf and gussets, and the furniture of
// intro_furniture.cpp) and the fit-test coupon, with the steps to put each
// together.

#include <impactkit/products/detail/exhibit_parts.hpp>
#include <impactkit/products/laser_job.hpp>

#include <impactkit/products/engrave.hpp>

#include <impactkit/fab/coupon.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/template.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace impactkit::products::detail {
using fab::Edge;
using fab::Part;

namespace {

// Lengths of the panel's furniture, in mm. Chosen for 6 mm plywood and
// two people's hands; the panel, foot and sheet sizes come from roadshow.yaml.
constexpr double engrave_margin_mm = 40;  // from the panel's sides to the engraved text
constexpr double poster_hole_mm = 5;
constexpr double splice_height_mm = 100;  // the plate over a seam
constexpr double splice_bolt_from_seam_mm = 30;
constexpr double gusset_mm = 100;  // the square gussets under the shelf
constexpr double gusset_tab_mm = 30;

// How a panel of `height_mm` is cut into tiles that fit the sheet: the
// heights of its tiles, top to bottom; nothing when even its width does not fit.
std::vector<double> tile_heights(const content::ExhibitSettings& e) {
  const double long_side = std::max(e.sheet_width_mm, e.sheet_height_mm) - 2 * sheet_edge_margin_mm - 2;
  const double short_side = std::min(e.sheet_width_mm, e.sheet_height_mm) - 2 * sheet_edge_margin_mm - 2;
  double max_tile = 0;
  if (e.panel_width_mm <= short_side) {
    max_tile = long_side;
  } else if (e.panel_width_mm <= long_side) {
    max_tile = short_side;
  } else {
    return {};
  }
  const int tiles = static_cast<int>(std::ceil(e.panel_height_mm / max_tile - 1e-9));
  return std::vector<double>(static_cast<std::size_t>(tiles), e.panel_height_mm / tiles);
}

// Where things go on a panel, in its frame (mm, from its top-left corner).
struct PanelFrame {
  double w;
  double foot_h;
  std::vector<double> foot_at;  // the feet's middles
  std::optional<layout::PaperSize> poster;
  double poster_x;               // the poster's left side
  std::vector<double> splice_x;  // the splice plates' bolts

  explicit PanelFrame(const content::ExhibitSettings& e)
      : w(e.panel_width_mm),
        foot_h(e.foot_height_mm),
        foot_at{w / 4, 3 * w / 4},
        poster(layout::paper_size(e.poster_size)),
        poster_x((w - poster->width_mm) / 2),
        splice_x{w / 6, w / 2, 5 * w / 6} {}
};

// Tile `t` of a panel cut into tiles of `heights`, its top `top` from the
// panel's: slots for the feet along the last tile's bottom, the poster's
// mounting holes that fall on it, bolt holes for the splice plates.
Part panel_tile(const PanelBuilder& b, const PanelFrame& f, const std::string& id, const std::vector<double>& heights,
                std::size_t t, double top) {
  const double h = heights[t];
  const bool last = t + 1 == heights.size();
  const double w = f.w;
  Part tile;
  tile.label =
      heights.size() == 1
          ? id
          : b.words("part.tile", {{"panel", id}, {"n", std::to_string(t + 1)}, {"of", std::to_string(heights.size())}});
  tile.source = b.e().panel_pos;
  tile.grain = fab::Grain::along_y;  // the panel's grain runs up, for stiffness
  const Edge bottom = last ? fab::cross_laps(w, f.foot_at, f.foot_h / 2, b.joints) : fab::straight(w);
  tile.outline = fab::walk({fab::straight(w), fab::straight(h), bottom, fab::straight(h)});
  // Mounting holes outside the poster's corners (on the tile that holds them).
  for (const double px :
       {f.poster_x - poster_hole_offset_mm, f.poster_x + f.poster->width_mm + poster_hole_offset_mm}) {
    for (const double py :
         {poster_top_mm - poster_hole_offset_mm, poster_top_mm + f.poster->height_mm + poster_hole_offset_mm}) {
      if (py > top && py < top + h) tile.holes.push_back(fab::through_hole({px, py - top}, poster_hole_mm));
    }
  }
  // Bolt holes for the splice plates above and below this tile.
  for (const double x : f.splice_x) {
    if (t > 0) tile.holes.push_back(fab::bolt_hole({x, splice_bolt_from_seam_mm}, b.bolt));
    if (!last) tile.holes.push_back(fab::bolt_hole({x, h - splice_bolt_from_seam_mm}, b.bolt));
  }
  return tile;
}

// The plate bolted over the seam below tile `t`.
Part splice_plate(const PanelBuilder& b, const PanelFrame& f, const std::string& id, std::size_t t) {
  Part plate;
  plate.label = b.words("part.splice", {{"panel", id}, {"n", std::to_string(t + 1)}});
  plate.source = b.e().panel_pos;
  const double pw = f.w - 60;
  plate.outline = fab::Contour::of(fab::rectangle(0, 0, pw, splice_height_mm));
  for (const double x : f.splice_x) {
    for (const double y :
         {splice_height_mm / 2 - splice_bolt_from_seam_mm, splice_height_mm / 2 + splice_bolt_from_seam_mm}) {
      plate.holes.push_back(fab::bolt_hole({x - 30, y}, b.bolt));
    }
  }
  return plate;
}

std::vector<Part> panel_feet(const PanelBuilder& b, const PanelFrame& f, const std::string& id) {
  std::vector<Part> out;
  for (int n = 0; n < 2; ++n) {
    Part foot;
    foot.label = b.words("part.foot", {{"panel", id}, {"n", std::to_string(n + 1)}});
    foot.source = b.e().foot_pos;
    const double l = b.e().foot_length_mm;
    foot.outline = fab::walk({fab::cross_laps(l, {l / 2}, f.foot_h / 2, b.joints), fab::straight(f.foot_h),
                              fab::straight(l), fab::straight(f.foot_h)});
    out.push_back(std::move(foot));
  }
  return out;
}

double shelf_width(const content::ExhibitSettings& e) {
  return shelf_width_mm(e);
}
constexpr double shelf_left = shelf_left_mm;
std::vector<double> shelf_bolts(const content::ExhibitSettings& e) {
  return {shelf_width(e) / 2 - 100, shelf_width(e) / 2 + 100};
}
std::vector<double> gussets(const content::ExhibitSettings& e) {
  return {shelf_width(e) * 0.15, shelf_width(e) * 0.85};
}

// The feet, edge-on below the panel, as its front shows them.
void add_feet_boxes(const PanelBuilder& b, const PanelFrame& f, const std::string& id, AssemblyView& view) {
  const double t = b.joints.thickness_mm;
  const double h = b.e().panel_height_mm;
  for (std::size_t n = 0; n < f.foot_at.size(); ++n) {
    view.boxes.push_back({b.words("part.foot", {{"panel", id}, {"n", std::to_string(n + 1)}}),
                          {f.foot_at[n] - t / 2, h - f.foot_h, f.foot_at[n] + t / 2, h}});
  }
}

// What the front shows edge-on or mounted: the poster, the feet, the
// shelf and its gussets.
void add_front_boxes(const PanelBuilder& b, const PanelFrame& f, const std::string& id, bool with_shelf,
                     AssemblyView& view) {
  const auto& e = b.e();
  const std::string poster =
      b.poster_built ? b.words("part.poster", {{"size", e.poster_size}}) : b.words("part.poster_unsized");
  view.boxes.push_back(
      {poster, {f.poster_x, poster_top_mm, f.poster_x + f.poster->width_mm, poster_top_mm + f.poster->height_mm}});
  add_feet_boxes(b, f, id, view);
  if (!with_shelf) return;
  const double t = b.joints.thickness_mm;
  const double shelf_top = e.panel_height_mm - shelf_from_bottom_mm;
  view.boxes.push_back(
      {b.words("part.shelf", {{"panel", id}}), {shelf_left, shelf_top, shelf_left + shelf_width(e), shelf_top + t}});
  for (std::size_t g = 0; g < gussets(e).size(); ++g) {
    const double x = shelf_left + gussets(e)[g];
    view.boxes.push_back({b.words("part.gusset", {{"panel", id}, {"n", std::to_string(g + 1)}}),
                          {x - t / 2, shelf_top + t, x + t / 2, shelf_top + t + gusset_mm}});
  }
}

fab::Bounds mirrored(const fab::Bounds& box, double width) {
  return {width - box.max_x, box.min_y, width - box.min_x, box.max_y};
}

// The panel from its back, left and right swapped: the splice plates over
// the tiles, the feet, and the engraved text as a box.
AssemblyView back_view(const PanelBuilder& b, const PanelFrame& f, const Assembly& panel) {
  AssemblyView back;
  back.title = b.words("view.back");
  for (auto placed : panel.views.front().parts) {
    const double w = fab::bounds(panel.parts[placed.part].outline).width_mm();
    placed.at.x = f.w - placed.at.x - w;
    placed.labelled = placed.behind;  // the front labels the tiles, the back the plates
    placed.behind = false;
    back.parts.push_back(placed);
  }
  AssemblyView feet;
  add_feet_boxes(b, f, panel.id, feet);
  for (auto& box : feet.boxes) back.boxes.push_back({box.label, mirrored(box.box, f.w)});
  const auto& engraved = panel.parts.front().engravings;
  if (!engraved.empty()) {
    fab::Bounds text = fab::bounds(engraved.front());
    for (const auto& p : engraved) text = fab::united(text, fab::bounds(p));
    back.boxes.push_back({b.words("part.engraving"), mirrored(text, f.w)});
  }
  return back;
}

// In the last tile: bolt holes for the shelf's T-slots and slots for the
// gussets' tabs, below the shelf.
void add_shelf_holes(const PanelBuilder& b, Part& tile, double tile_h) {
  const double top = tile_h - shelf_from_bottom_mm;  // the shelf's upper face
  const double t = b.joints.thickness_mm;
  for (const double x : shelf_bolts(b.e())) tile.holes.push_back(fab::bolt_hole({shelf_left + x, top + t / 2}, b.bolt));
  for (const double x : gussets(b.e())) {
    const fab::HoleLine line{{shelf_left + x, top + t}, {0, 1}, gusset_mm};
    auto slots = fab::tab_slots(line, 1, gusset_tab_mm, b.joints);
    tile.holes.insert(tile.holes.end(), slots.begin(), slots.end());
  }
}

// The wall of questions' own bolts that fall on a tile (its top `top`
// from the panel's, `h` tall); the splice bolts it shares have their holes.
void add_question_wall_holes(const PanelBuilder& b, const QuestionWall& wall, Part& tile, double top, double h) {
  for (const auto& p : wall.bolts) {
    if (p.y > top && p.y < top + h) tile.holes.push_back(fab::bolt_hole({p.x, p.y - top}, b.bolt));
  }
}

// The shelf for the deck box: bolted to the panel through T-slots with
// captive nuts in its back edge, resting on two gussets whose tabs go
// through the shelf and the panel.
std::vector<Part> shelf(const PanelBuilder& b, const std::string& id) {
  const auto& e = b.e();
  const auto& joints = b.joints;
  std::vector<Part> out;
  Part s;
  s.label = b.words("part.shelf", {{"panel", id}});
  s.source = e.pos;
  const double w = shelf_width(e);
  s.outline = fab::walk({fab::t_slots(w, shelf_bolts(e), joints, b.bolt), fab::straight(shelf_depth_mm),
                         fab::straight(w), fab::straight(shelf_depth_mm)});
  for (const double x : gussets(e)) {
    auto slots = fab::tab_slots({{x, 0}, {0, 1}, gusset_mm}, 1, gusset_tab_mm, joints);
    s.holes.insert(s.holes.end(), slots.begin(), slots.end());
  }
  out.push_back(std::move(s));
  for (int g = 0; g < 2; ++g) {
    Part gusset;
    gusset.label = b.words("part.gusset", {{"panel", id}, {"n", std::to_string(g + 1)}});
    gusset.source = e.pos;
    gusset.outline = fab::walk({fab::tabs(gusset_mm, 1, gusset_tab_mm, joints), fab::straight(gusset_mm),
                                fab::straight(gusset_mm), fab::tabs(gusset_mm, 1, gusset_tab_mm, joints)});
    out.push_back(std::move(gusset));
  }
  return out;
}

// The steps to put a panel together, each with the hardware it takes.
// `wall`: the intro's wall of questions, whose lip and comb some splice
// bolts go through too (longer bolts, fitted with the wall).
std::vector<AssemblyStep> steps(const PanelBuilder& b, const PanelFrame& f, const std::string& id, std::size_t tiles,
                                bool with_shelf, const QuestionWall* wall) {
  const auto hw = b.hardware();
  const double t = b.joints.thickness_mm;
  const double d = b.bolt.diameter_mm;
  const Values values = {{"panel", id}, {"tiles", std::to_string(tiles)}, {"poster", b.e().poster_size}};
  const int shared = wall ? static_cast<int>(wall->splice_bolts.size()) : 0;
  std::vector<AssemblyStep> out;
  if (tiles > 1) {
    const int bolts = static_cast<int>(2 * f.splice_x.size() * (tiles - 1)) - shared;
    out.push_back({b.words(shared > 0 ? "splice_but_wall" : "splice", values),
                   {hw.bolt(bolts, d, 2 * t), hw.washer(2 * bolts, d), hw.nut(bolts, d)}});
  }
  out.push_back({b.words("feet", values), {}});
  if (with_shelf) {
    // The T-slots are cut for the bolt's length (fab::Bolt): that one, not
    // the stock length for the grip.
    const auto bolt =
        hw.item(2, "bolt", {{"d", fmt::format("{:g}", d)}, {"length", fmt::format("{:g}", b.bolt.length_mm)}});
    out.push_back({b.words("shelf", values), {bolt, hw.washer(2, d), hw.nut(2, d)}});
  }
  if (wall) {
    // Lip, comb and panel; where a splice plate lies behind, that too.
    const int own = static_cast<int>(wall->bolts.size());
    std::vector<Hardware> hardware = {hw.bolt(own, d, 3 * t)};
    if (shared > 0) hardware.push_back(hw.bolt(shared, d, 4 * t));
    hardware.push_back(hw.washer(2 * (own + shared), d));
    hardware.push_back(hw.nut(own + shared, d));
    const Values wall_values = {{"pockets", std::to_string(wall->pockets)},
                                {"shared", std::to_string(shared)},
                                {"width", fmt::format("{:.0f}", wall->pocket_mm)}};
    out.push_back({b.words(shared > 0 ? "question_wall_splice" : "question_wall", wall_values), std::move(hardware)});
  }
  const Values poster_size = {{"d", fmt::format("{:g}", d)}};
  out.push_back(
      {b.words(b.poster_built ? "poster" : "poster_unsized", values),
       {hw.bolt(4, d, t + 1), hw.item(4, "fender_washer", poster_size), hw.item(4, "wing_nut", poster_size)}});
  out.push_back({b.words("apart", values), {}});
  return out;
}

}  // namespace

double shelf_width_mm(const content::ExhibitSettings& e) {
  return e.panel_width_mm - 100;
}

std::vector<fab::Point> splice_bolts_mm(const content::ExhibitSettings& e) {
  const PanelFrame f(e);
  std::vector<fab::Point> out;
  double seam = 0;
  const auto heights = tile_heights(e);
  for (std::size_t t = 0; t + 1 < heights.size(); ++t) {
    seam += heights[t];
    for (const double x : f.splice_x) {
      out.push_back({x, seam - splice_bolt_from_seam_mm});
      out.push_back({x, seam + splice_bolt_from_seam_mm});
    }
  }
  return out;
}

PanelBuilder::PanelBuilder(const content::Roadshow& r, bool overflow, Diagnostics& d, text::TextCache* cache)
    : roadshow(r),
      allow_overflow(overflow),
      diagnostics(d),
      joints{r.exhibit.material.measured_thickness_mm, r.exhibit.clearance_mm, 0},
      kit(r, r.languages.default_language, {"panel-case", "panel-intro"}, d, cache) {}

void PanelBuilder::engrave(const std::string& template_name, const layout::Fields& fields, Part& part) {
  const layout::Template* t = kit.find(template_name);
  if (!t) return;
  layout::ComposeOptions options;
  options.language = roadshow.languages.default_language;
  const double width = e().panel_width_mm - 2 * engrave_margin_mm;
  const double height = t->reference.height_mm * width / t->reference.width_mm;
  options.size = {"", width, height};
  options.allow_overflow = allow_overflow;
  options.bleed_mm = 0;
  options.product = "panel";
  options.check_contrast = false;  // engraved: only the glyphs' outlines are used
  const layout::Page page = kit.composer.compose(*t, fields, kit.labels, options);
  engrave_page(page, {engrave_margin_mm, engrave_margin_mm}, part, &glyphs);
}

Assembly PanelBuilder::panel(const std::string& id, const std::string& title, const std::string& template_name,
                             const layout::Fields& fields, bool with_shelf) {
  Assembly out{id, title, true, {}, {}, {AssemblyView{}}};
  AssemblyView& front = out.views.front();
  front.title = words("view.front");
  const auto heights = tile_heights(e());
  const PanelFrame frame(e());
  std::optional<QuestionWall> wall;
  if (with_shelf) wall = question_wall(roadshow);
  double top = 0;  // of the current tile, from the panel's top
  for (std::size_t t = 0; t < heights.size(); ++t) {
    const double h = heights[t];
    const bool last = t + 1 == heights.size();
    Part tile = panel_tile(*this, frame, id, heights, t, top);
    if (t == 0) engrave(template_name, fields, tile);
    if (with_shelf && last) add_shelf_holes(*this, tile, h);
    if (wall) add_question_wall_holes(*this, *wall, tile, top, h);
    front.parts.push_back({out.parts.size(), {0, top}, 0, false, true});
    out.parts.push_back(std::move(tile));
    if (!last) {
      front.parts.push_back({out.parts.size(), {30, top + h - splice_height_mm / 2}, 0, true, false});
      out.parts.push_back(splice_plate(*this, frame, id, t));
    }
    top += h;
  }
  add_front_boxes(*this, frame, id, with_shelf, front);
  if (with_shelf) add_shelf_boxes(deck_card_count(roadshow), front);
  out.views.push_back(back_view(*this, frame, out));
  for (Part& foot : panel_feet(*this, frame, id)) out.parts.push_back(std::move(foot));
  if (with_shelf) {
    auto parts = shelf(*this, id);
    out.parts.insert(out.parts.end(), parts.begin(), parts.end());
  }
  // After the back view: the wall is on the front, out of sight behind.
  if (wall) add_question_wall(*wall, id, out.parts, out.views.front());
  out.steps = steps(*this, frame, id, heights.size(), with_shelf, wall ? &*wall : nullptr);
  return out;
}

std::string PanelBuilder::words(const std::string& key, const Values& values) const {
  return locale_text(kit.labels, "assembly." + key, values);
}

bool check_sizes(const content::ExhibitSettings& e, Diagnostics& diagnostics) {
  bool ok = true;
  if (tile_heights(e).empty()) {
    // At the panel if it was given, else at the sheet that is too small for it.
    diagnostics.error(e.panel_pos.line != e.pos.line ? e.panel_pos : e.sheet_pos,
                      fmt::format("a panel {} mm wide does not fit the {} x {} mm sheet, even cut into tiles",
                                  e.panel_width_mm, e.sheet_width_mm, e.sheet_height_mm),
                      fmt::format("a panel at most {} mm wide",
                                  std::max(e.sheet_width_mm, e.sheet_height_mm) - 2 * sheet_edge_margin_mm - 2),
                      "make exhibit.panel.width_mm smaller, or use larger sheets");
    ok = false;
  }
  const auto poster = layout::paper_size(e.poster_size);
  if (poster && (poster->width_mm + 2 * poster_hole_offset_mm + 10 > e.panel_width_mm ||
                 poster_top_mm + poster->height_mm + poster_hole_offset_mm + e.foot_height_mm > e.panel_height_mm)) {
    diagnostics.error(
        e.panel_pos,
        fmt::format("an {} poster ({} x {} mm) with its mounting holes does not fit a {} x {} mm panel", e.poster_size,
                    poster->width_mm, poster->height_mm, e.panel_width_mm, e.panel_height_mm),
        "a panel larger than the poster by its mounting holes",
        "choose a smaller exhibit.poster_size, or a larger panel");
    ok = false;
  }
  if (e.foot_height_mm / 2 >= e.panel_height_mm / 4) {
    diagnostics.error(e.foot_pos, "the feet are too tall for the panel", "feet lower than half the panel's height",
                      "lower exhibit.foot.height_mm");
    ok = false;
  }
  return ok;
}

std::vector<Assembly> make_panels(PanelBuilder& b) {
  const content::Roadshow& roadshow = b.roadshow;
  std::vector<Assembly> out;
  const std::string lang = roadshow.languages.default_language;
  const layout::Fields shared = layout::roadshow_fields(roadshow, lang, b.kit.labels);
  out.push_back(b.panel("intro", roadshow.title.get(lang), "panel-intro", shared, true));
  for (const auto& c : roadshow.cases) {
    const layout::Fields fields = layout::case_fields(c, roadshow, lang, b.kit.labels, &shared);
    out.push_back(b.panel(c.id, c.title.get(lang), "panel-case", fields, false));
  }
  out.push_back(b.deck_box(deck_card_count(roadshow)));
  out.push_back(b.collection_box());
  if (roadshow.exhibit.fit_test) {
    Part coupon = fab::fit_test_coupon(b.joints);
    coupon.source = roadshow.exhibit.pos;
    coupon.label = b.words("part.coupon");
    out.push_back({"fit-test",
                   b.words("coupon_title"),
                   false,
                   {std::move(coupon)},
                   {{b.words("coupon"), {b.hardware().item(1, "bearing")}}},
                   {}});
  }
  return out;
}

}  // namespace impactkit::products::detail

namespace impactkit::products {

std::vector<Assembly> exhibit_parts(const content::Roadshow& roadshow, bool allow_overflow, Diagnostics& diagnostics) {
  if (!detail::check_sizes(roadshow.exhibit, diagnostics)) return {};
  if (!detail::check_intro_furniture(roadshow, diagnostics)) return {};
  detail::PanelBuilder b(roadshow, allow_overflow, diagnostics);
  return detail::make_panels(b);
}

}  // namespace impactkit::products
