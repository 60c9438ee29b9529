#include <impactkit/products/exhibit.hpp>
#include <impactkit/products/sheet_ledger.hpp>

#include <impactkit/products/compose_kit.hpp>
#include <impactkit/products/parallel.hpp>

#include <impactkit/products/cards.hpp>

#include <impactkit/fab/box.hpp>
#include <impactkit/fab/coupon.hpp>
#include <impactkit/fab/job.hpp>
#include <impactkit/fab/joint.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/products/engrave.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/outline.hpp>
#include <impactkit/text/typesetter.hpp>

#include <impactkit/core/file_io.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace impactkit::products {
namespace fs = std::filesystem;
using fab::Edge;
using fab::Part;
using fab::Point;
using fab::Polygon;

namespace {

// Lengths of the panel's furniture, in mm. Chosen for 6 mm plywood and
// two people's hands; the panel, foot and sheet sizes come from roadshow.yaml.
constexpr double engrave_margin_mm = 40;     // from the panel's sides to the engraved text
constexpr double poster_top_mm = 100;        // from the panel's top to the poster's
constexpr double poster_hole_offset_mm = 8;  // mounting holes, outside each poster corner
constexpr double poster_hole_mm = 5;
constexpr double splice_height_mm = 100;  // the plate over a seam
constexpr double splice_bolt_from_seam_mm = 30;
constexpr double shelf_depth_mm = 160;
constexpr double shelf_from_bottom_mm = 700;
constexpr double deck_clearance_mm = 1.5;   // around the cards in their box
constexpr double card_thickness_mm = 0.32;  // 300 g/m² card stock
constexpr double sheet_edge_margin_mm = 5;

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

struct Builder {
  const content::Roadshow& roadshow;
  bool allow_overflow;
  Diagnostics& diagnostics;
  fab::JointSettings joints;
  fab::Bolt bolt;
  ComposeKit kit;
  text::OutlineCache glyphs;  // after kit: the fonts outlive it

  Builder(const content::Roadshow& r, bool overflow, Diagnostics& d, text::TextCache* cache = nullptr)
      : roadshow(r),
        allow_overflow(overflow),
        diagnostics(d),
        joints{r.exhibit.material.measured_thickness_mm, r.exhibit.clearance_mm, 0},
        kit(r, r.languages.default_language, {"panel-case", "panel-intro"}, d, cache) {}

  const content::ExhibitSettings& e() const { return roadshow.exhibit; }

  // The engraved back of a panel, composed from its template.
  void engrave(const std::string& template_name, const layout::Fields& fields, Part& part) {
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
    const layout::Page page = kit.composer.compose(*t, fields, kit.labels, options);
    engrave_page(page, {engrave_margin_mm, engrave_margin_mm}, part, &glyphs);
  }

  // The panel's tiles, its splice plates and its feet.
  PanelParts panel(const std::string& id, const std::string& title, const std::string& template_name,
                   const layout::Fields& fields, bool with_shelf) {
    PanelParts out{id, title, {}, {}, FrontView{}};
    FrontView& view = *out.view;
    const auto heights = tile_heights(e());
    const double w = e().panel_width_mm;
    const double foot_h = e().foot_height_mm;
    const std::vector<double> foot_at = {w / 4, 3 * w / 4};
    const auto poster = layout::paper_size(e().poster_size);
    const double poster_x = (w - poster->width_mm) / 2;
    const std::vector<double> splice_x = {w / 6, w / 2, 5 * w / 6};
    double top = 0;  // of the current tile, from the panel's top
    for (std::size_t t = 0; t < heights.size(); ++t) {
      const double h = heights[t];
      const bool last = t + 1 == heights.size();
      Part tile;
      tile.label = heights.size() == 1 ? id : fmt::format("{} {}/{}", id, t + 1, heights.size());
      tile.source = e().panel_pos;
      tile.grain = fab::Grain::along_y;  // the panel's grain runs up, for stiffness
      const Edge bottom = last ? fab::cross_laps(w, foot_at, foot_h / 2, joints) : fab::straight(w);
      tile.outline = fab::walk({fab::straight(w), fab::straight(h), bottom, fab::straight(h)});
      // Mounting holes outside the poster's corners (on the tile that holds them).
      for (const double px : {poster_x - poster_hole_offset_mm, poster_x + poster->width_mm + poster_hole_offset_mm}) {
        for (const double py :
             {poster_top_mm - poster_hole_offset_mm, poster_top_mm + poster->height_mm + poster_hole_offset_mm}) {
          if (py > top && py < top + h) tile.holes.push_back(fab::through_hole({px, py - top}, poster_hole_mm));
        }
      }
      // Bolt holes for the splice plates above and below this tile.
      for (const double x : splice_x) {
        if (t > 0) tile.holes.push_back(fab::bolt_hole({x, splice_bolt_from_seam_mm}, bolt));
        if (!last) tile.holes.push_back(fab::bolt_hole({x, h - splice_bolt_from_seam_mm}, bolt));
      }
      if (t == 0) engrave(template_name, fields, tile);
      if (with_shelf && last) add_shelf_holes(tile, h);
      view.parts.push_back({out.parts.size(), {0, top}, false});
      out.parts.push_back(std::move(tile));
      if (!last) {
        Part plate;
        plate.label = fmt::format("{} splice {}", id, t + 1);
        plate.source = e().panel_pos;
        const double pw = w - 60;
        plate.outline = fab::Contour::of(fab::rectangle(0, 0, pw, splice_height_mm));
        for (const double x : splice_x) {
          for (const double y :
               {splice_height_mm / 2 - splice_bolt_from_seam_mm, splice_height_mm / 2 + splice_bolt_from_seam_mm}) {
            plate.holes.push_back(fab::bolt_hole({x - 30, y}, bolt));
          }
        }
        view.parts.push_back({out.parts.size(), {30, top + h - splice_height_mm / 2}, true});
        out.parts.push_back(std::move(plate));
      }
      top += h;
    }
    view.boxes.push_back({fmt::format("poster {}", e().poster_size),
                          {poster_x, poster_top_mm, poster_x + poster->width_mm, poster_top_mm + poster->height_mm}});
    const double t = joints.thickness_mm;
    for (std::size_t f = 0; f < foot_at.size(); ++f) {
      view.boxes.push_back(
          {fmt::format("foot {}", f + 1),
           {foot_at[f] - t / 2, e().panel_height_mm - foot_h, foot_at[f] + t / 2, e().panel_height_mm}});
    }
    if (with_shelf) {
      const double shelf_top = e().panel_height_mm - shelf_from_bottom_mm;
      view.boxes.push_back({"shelf", {shelf_left(), shelf_top, shelf_left() + shelf_width(), shelf_top + t}});
      for (std::size_t g = 0; g < gussets().size(); ++g) {
        const double x = shelf_left() + gussets()[g];
        view.boxes.push_back(
            {fmt::format("gusset {}", g + 1), {x - t / 2, shelf_top + t, x + t / 2, shelf_top + t + gusset_mm}});
      }
    }
    for (int f = 0; f < 2; ++f) {
      Part foot;
      foot.label = fmt::format("{} foot {}", id, f + 1);
      foot.source = e().foot_pos;
      const double l = e().foot_length_mm;
      foot.outline = fab::walk({fab::cross_laps(l, {l / 2}, foot_h / 2, joints), fab::straight(foot_h),
                                fab::straight(l), fab::straight(foot_h)});
      out.parts.push_back(std::move(foot));
    }
    if (with_shelf) {
      auto parts = shelf(id);
      out.parts.insert(out.parts.end(), parts.begin(), parts.end());
    }
    out.steps = steps(id, heights.size(), with_shelf);
    return out;
  }

  double shelf_width() const { return e().panel_width_mm - 100; }
  double shelf_left() const { return 50; }  // from the panel's left side
  std::vector<double> shelf_bolts() const { return {shelf_width() / 2 - 100, shelf_width() / 2 + 100}; }
  std::vector<double> gussets() const { return {shelf_width() * 0.15, shelf_width() * 0.85}; }
  static constexpr double gusset_mm = 100;  // the square gussets under the shelf
  static constexpr double gusset_tab_mm = 30;

  // In the last tile: bolt holes for the shelf's T-slots and slots for the
  // gussets' tabs, below the shelf.
  void add_shelf_holes(Part& tile, double tile_h) const {
    const double top = tile_h - shelf_from_bottom_mm;  // the shelf's upper face
    const double t = joints.thickness_mm;
    for (const double x : shelf_bolts()) tile.holes.push_back(fab::bolt_hole({shelf_left() + x, top + t / 2}, bolt));
    for (const double x : gussets()) {
      const fab::HoleLine line{{shelf_left() + x, top + t}, {0, 1}, gusset_mm};
      auto slots = fab::tab_slots(line, 1, gusset_tab_mm, joints);
      tile.holes.insert(tile.holes.end(), slots.begin(), slots.end());
    }
  }

  // The shelf for the deck box: bolted to the panel through T-slots with
  // captive nuts in its back edge, resting on two gussets whose tabs go
  // through the shelf and the panel.
  std::vector<Part> shelf(const std::string& id) const {
    std::vector<Part> out;
    Part s;
    s.label = id + " shelf";
    s.source = e().pos;
    const double w = shelf_width();
    s.outline = fab::walk({fab::t_slots(w, shelf_bolts(), joints, bolt), fab::straight(shelf_depth_mm),
                           fab::straight(w), fab::straight(shelf_depth_mm)});
    for (const double x : gussets()) {
      auto slots = fab::tab_slots({{x, 0}, {0, 1}, gusset_mm}, 1, gusset_tab_mm, joints);
      s.holes.insert(s.holes.end(), slots.begin(), slots.end());
    }
    out.push_back(std::move(s));
    for (int g = 0; g < 2; ++g) {
      Part gusset;
      gusset.label = fmt::format("{} gusset {}", id, g + 1);
      gusset.source = e().pos;
      gusset.outline = fab::walk({fab::tabs(gusset_mm, 1, gusset_tab_mm, joints), fab::straight(gusset_mm),
                                  fab::straight(gusset_mm), fab::tabs(gusset_mm, 1, gusset_tab_mm, joints)});
      out.push_back(std::move(gusset));
    }
    return out;
  }

  // A label of the locale with its {name} placeholders filled in; the
  // assembly steps live in locales/LANG.yaml, so a fork translates them.
  std::string step(const std::string& key, const std::vector<std::pair<std::string, std::string>>& values) const {
    const std::string* text = kit.labels.find("assembly." + key);
    std::string out = text ? *text : "assembly." + key;
    for (const auto& [name, value] : values) {
      for (auto at = out.find("{" + name + "}"); at != std::string::npos; at = out.find("{" + name + "}", at)) {
        out.replace(at, name.size() + 2, value);
        at += value.size();
      }
    }
    return out;
  }

  std::vector<std::string> steps(const std::string& id, std::size_t tiles, bool with_shelf) const {
    std::vector<std::string> out;
    const std::vector<std::pair<std::string, std::string>> values = {
        {"panel", id}, {"tiles", std::to_string(tiles)}, {"poster", e().poster_size}};
    if (tiles > 1) out.push_back(step("splice", values));
    out.push_back(step("feet", values));
    if (with_shelf) out.push_back(step("shelf", values));
    out.push_back(step("poster", values));
    out.push_back(step("apart", values));
    return out;
  }

  // The card deck's box: an open tray of five finger-jointed parts, sized
  // from the card and the deck's number of cards.
  PanelParts deck_box(int cards) const {
    const double t = joints.thickness_mm;
    const auto& d = roadshow.deck;
    fab::BoxSize size{d.card_width_mm + 2 * deck_clearance_mm + 2 * t,
                      cards * card_thickness_mm + 2 * deck_clearance_mm + 2 * t,
                      d.card_height_mm + 2 * deck_clearance_mm + 2 * t};
    auto parts = fab::finger_box(size, joints, "deck box ");
    // Open at the top, so that the cards come out.
    parts.erase(std::remove_if(parts.begin(), parts.end(), [](const Part& p) { return p.label == "deck box top"; }),
                parts.end());
    for (auto& p : parts) p.source = d.pos;
    return {"deck-box",
            step("box_title", {}),
            std::move(parts),
            {step("box", {{"cards", std::to_string(cards)}, {"size", d.card_size}})},
            std::nullopt};
  }
};

int deck_card_count(const content::Roadshow& roadshow) {
  // The deck as the card product makes it (confrontation cards per wheel
  // sector when there is a wheel), copies included, with room for every
  // goal's card.
  int cards = 0;
  int goals = 0;
  int copies_per_goal = 0;
  for (const Card& c : deck_cards(roadshow, roadshow.languages.default_language)) {
    cards += c.quantity;
    if (c.kind == content::CardKind::sdg) {
      ++goals;
      copies_per_goal = c.quantity;
    }
  }
  return cards + copies_per_goal * (17 - goals);
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

}  // namespace

namespace {

std::vector<PanelParts> make_parts(Builder& b) {
  const content::Roadshow& roadshow = b.roadshow;
  std::vector<PanelParts> out;
  const std::string lang = roadshow.languages.default_language;
  const layout::Fields shared = layout::roadshow_fields(roadshow, lang, b.kit.labels);
  out.push_back(b.panel("intro", roadshow.title.get(lang), "panel-intro", shared, true));
  for (const auto& c : roadshow.cases) {
    const layout::Fields fields = layout::case_fields(c, roadshow, lang, b.kit.labels, &shared);
    out.push_back(b.panel(c.id, c.title.get(lang), "panel-case", fields, false));
  }
  out.push_back(b.deck_box(deck_card_count(roadshow)));
  if (roadshow.exhibit.fit_test) {
    Part coupon = fab::fit_test_coupon(b.joints);
    coupon.source = roadshow.exhibit.pos;
    out.push_back({"fit-test", b.step("coupon_title", {}), {std::move(coupon)}, {b.step("coupon", {})}, std::nullopt});
  }
  return out;
}

}  // namespace

std::vector<PanelParts> exhibit_parts(const content::Roadshow& roadshow, bool allow_overflow,
                                      Diagnostics& diagnostics) {
  if (!check_sizes(roadshow.exhibit, diagnostics)) return {};
  Builder b(roadshow, allow_overflow, diagnostics);
  return make_parts(b);
}

namespace {

// The assembly sheet: one A4 landscape page per panel, its parts drawn to
// scale with their labels, and the steps to put it together.
std::vector<layout::Page> assembly_pages(const std::vector<PanelParts>& panels, text::Typesetter& typesetter,
                                         const std::string& family) {
  std::vector<layout::Page> pages;
  const double page_w = layout::mm_to_pt(297);
  const double page_h = layout::mm_to_pt(210);
  const double margin = layout::mm_to_pt(15);
  const layout::Rgb ink{0.1, 0.1, 0.1};
  const layout::Rgb light{0.6, 0.6, 0.6};
  const layout::Rgb accent{0.85, 0.35, 0.1};
  for (std::size_t n = 0; n < panels.size(); ++n) {
    const auto& panel = panels[n];
    layout::Page page{page_w, page_h, 0, {}};
    page.safe_area_pt = 0;
    const double area_w = page_w * 0.60 - margin;
    const double area_h = page_h - 2 * margin;
    text::TextStyle label_style;
    label_style.family = family;
    label_style.color = ink;
    const auto label_at = [&](const std::string& text, double x, double y) {
      page.items.emplace_back(layout::TextItem{typesetter.set(text, label_style, {120, 12, 1, 0}, 6.5), x, y});
    };
    // One closed path per outline, and one for all its holes: a part's
    // hundreds of edges drawn as one path each, not as separate lines.
    const auto outlined = [](double width, layout::Rgb colour) {
      layout::PathItem path;
      path.stroke = colour;
      path.stroke_pt = width;
      return path;
    };
    const auto add_contour = [](layout::PathItem& path, const Polygon& poly, const auto& to_page) {
      auto& contour = path.contours.emplace_back();
      contour.reserve(poly.size());
      for (const Point q : poly) {
        const auto [x, y] = to_page(q);
        contour.push_back({x, y});
      }
    };
    const auto draw_part = [&](const Part& p, const auto& to_page, double width, layout::Rgb colour) {
      Polygon scratch;
      auto outline = outlined(width, colour);
      add_contour(outline, fab::polygon_or(p.outline, scratch, 0.5), to_page);
      page.items.emplace_back(std::move(outline));
      if (p.holes.empty()) return;
      auto holes = outlined(width / 2, colour);
      for (const auto& h : p.holes) add_contour(holes, fab::polygon_or(h, scratch, 0.5), to_page);
      page.items.emplace_back(std::move(holes));
    };
    if (panel.view) {
      // The assembled panel from the front, to scale.
      fab::Bounds all{0, 0, 0, 0};
      for (const auto& placed : panel.view->parts) {
        const auto b = fab::bounds(panel.parts[placed.part]);
        all.max_x = std::max(all.max_x, placed.at.x + b.max_x);
        all.max_y = std::max(all.max_y, placed.at.y + b.max_y);
      }
      const double scale = std::min(area_w * 0.7 / layout::mm_to_pt(all.max_x), area_h / layout::mm_to_pt(all.max_y));
      const double x0 = margin + area_w * 0.3;
      for (const auto& placed : panel.view->parts) {
        const auto to_page = [&](Point q) {
          return std::pair{x0 + layout::mm_to_pt(placed.at.x + q.x) * scale,
                           margin + layout::mm_to_pt(placed.at.y + q.y) * scale};
        };
        const Part& p = panel.parts[placed.part];
        draw_part(p, to_page, placed.behind ? 0.4 : 0.8, placed.behind ? light : ink);
        const auto b = fab::bounds(p);
        const auto [lx, ly] = to_page({b.min_x, b.min_y + (placed.behind ? 0 : b.height_mm() / 2)});
        label_at(p.label, margin, ly - 4);
        page.items.emplace_back(layout::LineItem{margin + 70, ly, lx, ly, light, 0.3});
      }
      for (const auto& box : panel.view->boxes) {
        const auto to_page = [&](Point q) {
          return std::pair{x0 + layout::mm_to_pt(q.x) * scale, margin + layout::mm_to_pt(q.y) * scale};
        };
        const auto [x1, y1] = to_page({box.box.min_x, box.box.min_y});
        const auto [x2, y2] = to_page({box.box.max_x, box.box.max_y});
        page.items.emplace_back(layout::RectItem{x1, y1, x2 - x1, y2 - y1, std::nullopt, accent, 0.8, 0});
        label_at(box.label, x2 + 3, y1);
      }
    } else {
      // Flat parts side by side.
      double total_w = 0;
      double max_h = 0;
      for (const auto& p : panel.parts) {
        const auto b = fab::bounds(p);
        total_w += b.width_mm() + 20;
        max_h = std::max(max_h, b.height_mm());
      }
      const double scale = std::min(area_w / layout::mm_to_pt(total_w), (area_h - 40) / layout::mm_to_pt(max_h));
      double x = 0;
      for (const auto& p : panel.parts) {
        const auto b = fab::bounds(p);
        const auto to_page = [&](Point q) {
          return std::pair{margin + layout::mm_to_pt(x + q.x - b.min_x) * scale,
                           margin + 30 + layout::mm_to_pt(q.y - b.min_y) * scale};
        };
        draw_part(p, to_page, 0.8, ink);
        const auto [lx, ly] = to_page({b.min_x, b.min_y});
        label_at(p.label, lx, ly - 12);
        x += b.width_mm() + 20;
      }
    }
    // Title and steps on the right.
    text::TextStyle title;
    title.family = family;
    title.weight = 700;
    title.color = ink;
    const double right_x = page_w * 0.64;
    const double right_w = page_w - right_x - margin;
    page.items.emplace_back(
        layout::TextItem{typesetter.fit(fmt::format("{}. {}", n + 1, panel.title), title, {right_w, 60, 1, 0}, 10, 18),
                         right_x, margin});
    std::string steps;
    for (std::size_t i = 0; i < panel.steps.size(); ++i) {
      steps += fmt::format("{}{}. {}", i == 0 ? "" : "\n\n", i + 1, panel.steps[i]);
    }
    text::TextStyle body;
    body.family = family;
    body.color = ink;
    page.items.emplace_back(layout::TextItem{
        typesetter.fit(steps, body, {right_w, page_h - 2 * margin - 70, 1, 0}, 7, 11), right_x, margin + 70});
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace

ExhibitReport build_exhibit(const content::Roadshow& roadshow, const ExhibitOptions& options,
                            Diagnostics& diagnostics) {
  ExhibitReport report;
  const auto& e = roadshow.exhibit;
  if (!check_sizes(e, diagnostics)) return report;
  // One builder for the parts and the assembly sheet: its fonts are loaded once.
  Builder b(roadshow, options.allow_overflow, diagnostics, options.text_cache);
  const auto panels = make_parts(b);
  if (diagnostics.has_errors()) return report;

  fab::Job job;
  job.name = "exhibit";
  job.joints = {e.material.measured_thickness_mm, e.clearance_mm, 0};
  job.sheet = {e.sheet_width_mm, e.sheet_height_mm, e.material.laser};
  job.nesting.kerf_mm = e.kerf_mm;
  job.nesting.edge_margin_mm = sheet_edge_margin_mm;
  job.kerf_source = e.kerf_pos;
  for (const auto& panel : panels) job.parts.insert(job.parts.end(), panel.parts.begin(), panel.parts.end());
  // Nesting and drawing the assembly sheet need only the parts: side by
  // side. The sheet is written after the laser files, and only when
  // nothing has an error.
  std::optional<fab::Layout> layout;
  std::string assembly_pdf;
  Diagnostics assembly_warnings;
  std::vector<Task> tasks;
  tasks.emplace_back([&](Diagnostics& nesting) {
    const auto memo = nest_memo(options.manifest, job.name);
    layout = fab::lay_out(job, nesting, memo.get());
  });
  tasks.emplace_back([&](Diagnostics&) {
    assembly_pdf = print::render_pdf(assembly_pages(panels, b.kit.typesetter, roadshow.theme.body_font),
                                     {roadshow.title.get() + ": assembly", roadshow.organisation,
                                      "flat-pack exhibit, assembly", roadshow.languages.default_language},
                                     {}, assembly_warnings);
  });
  run_parallel(tasks, diagnostics);
  if (!layout || diagnostics.has_errors()) return report;

  const fab::ShopProfile shop = e.shop == "blue-cut" ? fab::blue_cut_shop() : fab::default_shop();
  if (!shop.material(e.material.laser)) {
    std::vector<std::string> known;
    for (const auto& m : shop.materials) known.push_back(m.name);
    const auto near = closest(e.material.laser, known);
    diagnostics.error(e.material.laser_pos.line > 0 ? e.material.laser_pos : e.pos,
                      fmt::format("the laser shop profile '{}' has no material '{}'", shop.name, e.material.laser),
                      fmt::format("one of {}", fmt::join(known, ", ")),
                      near ? fmt::format("did you mean '{}'?", *near) : "set exhibit.material.laser to one of them");
    return report;
  }
  report.folder = options.output_dir / "laser";
  const auto ledger = sheet_ledger(options.manifest, options.output_dir);
  report.files = fab::write_laser_files(job, *layout, shop, report.folder, options.with_dxf, ledger.get());

  const fs::path assembly = report.folder / "assembly.pdf";
  write_file_atomically(assembly, assembly_pdf);
  diagnostics.append(assembly_warnings);
  report.files.push_back(assembly);

  const fab::CutReport cut = fab::cut_report(layout->nesting, layout->parts, shop);
  report.panels = static_cast<std::size_t>(
      std::count_if(panels.begin(), panels.end(), [](const PanelParts& p) { return p.view.has_value(); }));
  report.parts = cut.parts;
  report.sheets = cut.sheets.size();
  double used = 0;
  for (const auto& s : cut.sheets) used += s.utilisation;
  report.utilisation = cut.sheets.empty() ? 0 : used / static_cast<double>(cut.sheets.size());
  report.laser_minutes = cut.laser_s / 60;
  report.material_eur = cut.material_eur;
  return report;
}

}  // namespace impactkit::products
