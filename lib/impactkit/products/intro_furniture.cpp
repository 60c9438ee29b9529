// The intro panel's furniture: on its shelf the card deck's box and the
// collection box for the visitors' question forms, and the wall of
// questions between the poster and the shelf.

#include <impactkit/products/cards.hpp>
#include <impactkit/products/detail/exhibit_parts.hpp>
#include <impactkit/products/engrave.hpp>

#include <impactkit/fab/box.hpp>
#include <impactkit/layout/template.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace impactkit::products::detail {
using fab::Part;
using fab::Point;
using layout::mm_to_pt;

namespace {

constexpr double deck_clearance_mm = 1.5;   // around the cards in their box
constexpr double card_thickness_mm = 0.32;  // 300 g/m² card stock

// The collection box, in mm. The slot takes a folded form with 5 mm to
// spare at each end, and is wide enough for several sheets folded together;
// 20 mm of wood either side of it keep the top stiff. 130 mm deep holds a
// folded A5 (105 mm) lying flat and leaves the shelf (160 mm) a margin;
// 200 mm tall holds a few hundred forms and stays below the wall of questions.
constexpr double slot_spare_mm = 10;
constexpr double slot_width_mm = 7;
constexpr double slot_to_side_mm = 20;
constexpr double box_depth_mm = 130;
constexpr double box_height_mm = 200;
constexpr double door_clearance_mm = 1;  // all round: the door drops in by hand
// From the open edge to the door's outside: a thickness and a millimetre,
// so that the wood behind the slots for its tabs is no thinner than the
// geometry check's web (a thickness).
constexpr double door_inset_extra_mm = 1;
constexpr double door_tab_mm = 30;
// The lock's body (Ø19) and nut (about 24 mm across) stand inside the door
// below the stop strip, clear of it; its cam, about 25 mm long, reaches up
// behind the strip.
constexpr double stop_strip_mm = 20;  // how far the stop strip hangs below the top
constexpr double cam_lock_hole_mm = 19;
constexpr double cam_lock_from_top_mm = 38;  // the lock's centre, below the door's top
constexpr double box_on_shelf_gap_mm = 20;   // between the boxes, and to the shelf's ends
constexpr double engrave_side_mm = 15;

// The wall of questions, in mm. A 6 mm comb between the lip and the panel
// gives pockets a few forms deep; the lip hides a form's lowest 32 mm and
// shows the rest; the rail under the pockets is wide enough for a splice
// bolt to pass through it with wood around.
constexpr double pocket_spare_mm = 5;
constexpr double tooth_mm = 20;
constexpr double tooth_height_mm = 32;  // the pockets' depth below the lip's top
constexpr double rail_mm = 20;
constexpr double under_poster_mm = 8;  // between the poster's bottom and a standing form's top

// A form as it stands in a pocket: an A6 upright, an A5 folded in half as
// it goes into the box (148 x 105 mm), the top of its front, with the
// ambition and the question, facing out. The pockets take the widest of
// the roadshow's sizes, and the wall the tallest.
content::PaperSize shown_form(const content::FormSettings& forms) {
  content::PaperSize out{"", 0, 0};
  for (const auto& name : forms.sizes) {
    const auto size = content::form_paper(name);
    const double height = name == "A5" ? size.height_mm / 2 : size.height_mm;
    out.width_mm = std::max(out.width_mm, size.width_mm);
    out.height_mm = std::max(out.height_mm, height);
  }
  return out;
}

// Whether a bolt hole at `p` (panel frame) has wood all round it in the
// comb, a web of `web_mm` at least: in its rail or in a tooth.
bool in_comb_wood(const QuestionWall& w, Point p, double hole_radius_mm, double web_mm) {
  const double m = hole_radius_mm + web_mm;
  const double x = p.x - w.left_mm;
  const double y = p.y - w.top_mm;
  if (x < m || x > w.width_mm - m || y < m || y > w.height_mm - m) return false;
  if (y >= w.floor_mm + m) return true;  // the rail
  const double period = w.pocket_mm + w.tooth_mm;
  const double in_period = std::fmod(x, period);
  return in_period >= m && in_period <= w.tooth_mm - m;
}

// The glyph outlines of `text` set in `style`, as large as fits a box
// `width_mm` wide from `min_pt` to `max_pt`, centred on the part at `top_mm`.
// Text that does not fit at `min_pt` is an error at the forms' settings.
std::vector<fab::Polygon> engraved_line(PanelBuilder& b, const std::string& text, const text::TextStyle& style,
                                        double left_mm, double width_mm, double top_mm, double min_pt, double max_pt) {
  const text::TextBox box{mm_to_pt(width_mm), max_pt * 3, 1, 0};
  layout::TextItem item{b.kit.typesetter.fit(text, style, box, min_pt, max_pt), mm_to_pt(left_mm), mm_to_pt(top_mm)};
  if (!item.text.fits() && !b.allow_overflow) {
    b.diagnostics.error(b.roadshow.forms.pos,
                        fmt::format("'{}' does not fit the collection box's front ({:.0f} mm wide)", text, width_mm),
                        fmt::format("text that fits in two lines at {:g} pt", min_pt),
                        "shorten contact.team or collection_box.engraving in the locale");
  }
  return glyph_polygons(item, {0, 0}, 8, &b.glyphs);
}

// The front says what the box is for, and whose it is: the locale's
// words over the team's name. How many of its engravings are the title's.
std::size_t engrave_box_front(PanelBuilder& b, Part& front, double w, double h) {
  const auto& roadshow = b.roadshow;
  const std::string lang = roadshow.languages.default_language;
  text::TextStyle title;
  title.family = roadshow.theme.family(content::FontRole::body);
  title.weight = 700;
  title.language = lang;
  title.align = text::Align::center;
  title.display = true;
  title.hyphenation.enabled = false;
  text::TextStyle team = title;
  team.weight = 400;
  const double text_w = w - 2 * engrave_side_mm;
  front.engravings = engraved_line(b, locale_text(b.kit.labels, "collection_box.engraving"), title, engrave_side_mm,
                                   text_w, 0.2 * h, 14, 60);
  const std::size_t title_glyphs = front.engravings.size();
  for (auto& p : engraved_line(b, roadshow.contact.team.get(lang), team, engrave_side_mm, text_w, 0.68 * h, 9, 22))
    front.engravings.push_back(std::move(p));
  return title_glyphs;
}

// Unfolded, seen from the front: the front with each wall turned out flat
// beside the edge it stands on; the door and the strip beside.
AssemblyView collection_box_net(const PanelBuilder& b, const std::vector<Part>& parts, const CollectionBoxSize& size,
                                double door_h, std::size_t title_glyphs) {
  const double w = size.width_mm;
  const double h = size.height_mm;
  const double d = size.depth_mm;
  constexpr double gap = 4;
  AssemblyView net;
  net.title = b.words("view.unfolded_front");
  net.parts = {{4, {d + gap, d + gap}, 0, false, true},
               {0, {d + gap, 0}, 0, false, true},
               {1, {d + gap, d + h + 2 * gap}, 2, false, true},
               {2, {0, d + gap}, 1, false, true},
               {3, {d + w + 2 * gap, d + gap}, 3, false, true},
               {5, {2 * d + w + 6 * gap, d + gap}, 0, false, true},
               {6, {2 * d + w + 6 * gap, d + door_h + 4 * gap}, 0, false, true}};
  // The engraved title shows which way up the front goes: the top above it.
  if (title_glyphs > 0) {
    const auto& glyphs = parts[4].engravings;
    fab::Bounds text = fab::bounds(glyphs.front());
    for (std::size_t i = 1; i < title_glyphs; ++i) text = fab::united(text, fab::bounds(glyphs[i]));
    net.boxes.push_back({b.words("part.engraving"),
                         {text.min_x + d + gap, text.min_y + d + gap, text.max_x + d + gap, text.max_y + d + gap}});
  }
  return net;
}

}  // namespace

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

fab::BoxSize deck_box_size(const content::Roadshow& roadshow, int cards, double t) {
  const auto& d = roadshow.deck;
  return {d.card_width_mm + 2 * deck_clearance_mm + 2 * t, cards * card_thickness_mm + 2 * deck_clearance_mm + 2 * t,
          d.card_height_mm + 2 * deck_clearance_mm + 2 * t};
}

Assembly PanelBuilder::deck_box(int cards) const {
  const auto& d = roadshow.deck;
  const fab::BoxSize size = deck_box_size(roadshow, cards, joints.thickness_mm);
  // An open tray, so that the cards come out: front, back, left, right, bottom.
  auto parts = fab::finger_tray(size, joints, "");
  constexpr std::array<const char*, 5> names = {"box_front", "box_back", "box_left", "box_right", "box_bottom"};
  for (std::size_t i = 0; i < parts.size() && i < names.size(); ++i) {
    parts[i].label = words(std::string("part.") + names[i]);
    parts[i].source = d.pos;
  }
  // Unfolded, seen from above: the bottom with each wall turned out flat
  // beside the edge it stands on.
  const double w = size.width_mm;
  const double h = size.height_mm;
  const double depth = size.depth_mm;
  constexpr double gap = 4;
  AssemblyView net;
  net.title = words("view.unfolded");
  net.parts = {{4, {h + gap, h + gap}, 0, false, true},
               {1, {h + gap, 0}, 0, false, true},
               {0, {h + gap, h + depth + 2 * gap}, 2, false, true},
               {2, {0, h + gap}, 1, false, true},
               {3, {h + w + 2 * gap, h + gap}, 3, false, true}};
  const auto hw = hardware();
  const Values values = {{"cards", std::to_string(cards)}, {"size", d.card_size}};
  return {
      "deck-box",
      words("box_title"),
      false,
      std::move(parts),
      {{words("box", values), {}}, {words("box_sides", values), {}}, {words("box_glue", values), {hw.item(0, "glue")}}},
      {std::move(net)}};
}

QuestionWall question_wall(const content::Roadshow& roadshow) {
  const auto& e = roadshow.exhibit;
  const auto form = shown_form(roadshow.forms);
  const auto poster = layout::paper_size(e.poster_size);
  QuestionWall w;
  w.form_height_mm = form.height_mm;
  w.pocket_mm = form.width_mm + pocket_spare_mm;
  w.tooth_mm = tooth_mm;
  w.floor_mm = tooth_height_mm;
  w.height_mm = tooth_height_mm + rail_mm;
  const double usable = shelf_width_mm(e);
  w.pockets = std::max(0, static_cast<int>(std::floor((usable - tooth_mm) / (w.pocket_mm + tooth_mm))));
  w.width_mm = w.pockets * (w.pocket_mm + tooth_mm) + tooth_mm;
  w.left_mm = (e.panel_width_mm - w.width_mm) / 2;
  // A form standing on the floor reaches up to just under the poster.
  const double poster_bottom = poster_top_mm + (poster ? poster->height_mm : 0);
  w.top_mm = poster_bottom + under_poster_mm + form.height_mm - w.floor_mm;
  for (int t = 0; t <= w.pockets; ++t) {
    w.bolts.push_back({w.left_mm + t * (w.pocket_mm + tooth_mm) + tooth_mm / 2, w.top_mm + w.floor_mm / 2});
  }
  for (const Point p : splice_bolts_mm(e)) {
    const bool under =
        p.x > w.left_mm - 5 && p.x < w.left_mm + w.width_mm + 5 && p.y > w.top_mm - 5 && p.y < w.bottom_mm() + 5;
    if (under) w.splice_bolts.push_back(p);
  }
  return w;
}

CollectionBoxSize collection_box_size(const content::Roadshow& roadshow, double thickness_mm) {
  CollectionBoxSize s;
  s.slot_length_mm = content::folded_form_width_mm(roadshow.forms) + slot_spare_mm;
  s.slot_width_mm = slot_width_mm;
  s.width_mm = s.slot_length_mm + 2 * slot_to_side_mm + 2 * thickness_mm;
  s.height_mm = box_height_mm;
  s.depth_mm = box_depth_mm;
  return s;
}

// The box is a five-sided finger-jointed shell, glued, open at the back;
// the back is a door that drops into it. Why this lock: a furniture cam
// lock is a stock item that needs only a 19 mm hole in 6 mm plywood and a
// nut, and the door keeps no hinge. Its two tabs stand in slots in the
// bottom, a thickness in from the open edge, so its foot cannot swing
// out; at the top the cam turns behind a strip glued inside the top, which
// is also what the door rests against. Nothing to screw into plywood's
// end grain; glue, a key and the nut's spanner are all it takes.
Assembly PanelBuilder::collection_box() {
  const double t = joints.thickness_mm;
  const auto size = collection_box_size(roadshow, t);
  const double w = size.width_mm;
  const double h = size.height_mm;
  const double d = size.depth_mm;
  // finger_tray's tray stands on our front: its walls are our top, bottom
  // and sides, and its open edge is our back.
  auto parts = fab::finger_tray({w, d, h}, joints, "");
  Part& top = parts[0];
  Part& bottom = parts[1];
  // The parts' frames: y = 0 is the open back edge of top, bottom and sides.
  top.holes.push_back(fab::Contour::of(fab::rectangle((w - size.slot_length_mm) / 2, (d - size.slot_width_mm) / 2,
                                                      size.slot_length_mm, size.slot_width_mm)));
  const double door_inset = t + door_inset_extra_mm;
  const double stop_at = door_inset + t;                        // the stop strip's back, from the open edge
  top.score_lines.push_back({{t, stop_at}, {w - t, stop_at}});  // where to glue it
  const double door_w = w - 2 * t - 2 * door_clearance_mm;
  const double door_h = h - 2 * t - door_clearance_mm;
  const fab::HoleLine door_line{{t + door_clearance_mm, door_inset + t / 2}, {1, 0}, door_w};
  for (auto& slot : fab::tab_slots(door_line, 2, door_tab_mm, joints)) bottom.holes.push_back(std::move(slot));

  Part door;
  door.outline = fab::walk(
      {fab::straight(door_w), fab::straight(door_h), fab::tabs(door_w, 2, door_tab_mm, joints), fab::straight(door_h)});
  door.holes.push_back(fab::through_hole({door_w / 2, cam_lock_from_top_mm}, cam_lock_hole_mm));
  Part stop;
  stop.outline = fab::Contour::of(fab::rectangle(0, 0, w - 2 * t - 2 * door_clearance_mm, stop_strip_mm));

  const std::size_t title_glyphs = engrave_box_front(*this, parts[4], w, h);
  parts.push_back(std::move(door));
  parts.push_back(std::move(stop));

  constexpr std::array<const char*, 7> names = {"ballot_top",   "ballot_bottom", "ballot_left", "ballot_right",
                                                "ballot_front", "ballot_door",   "ballot_stop"};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    parts[i].label = words(std::string("part.") + names[i]);
    parts[i].source = roadshow.forms.pos;
  }

  AssemblyView net = collection_box_net(*this, parts, size, door_h, title_glyphs);
  const auto hw = hardware();
  const Values values = {{"slot", fmt::format("{:.0f}", size.slot_length_mm)},
                         {"stop", fmt::format("{:g}", stop_at)},
                         {"hole", fmt::format("{:g}", cam_lock_hole_mm)}};
  return {"collection-box",
          words("ballot_title"),
          false,
          std::move(parts),
          {{words("ballot_walls", values), {hw.item(0, "glue")}},
           {words("ballot_stop", values), {}},
           {words("ballot_lock", values), {hw.item(1, "cam_lock")}},
           {words("ballot_door", values), {}}},
          {std::move(net)}};
}

void PanelBuilder::add_question_wall(const QuestionWall& wall, const std::string& id, std::vector<Part>& parts,
                                     AssemblyView& view) const {
  Part comb;
  comb.label = words("part.wall_comb", {{"panel", id}});
  comb.source = e().panel_pos;
  // Clockwise from the top-left: over each tooth, down into each pocket.
  fab::Polygon outline;
  const double period = wall.pocket_mm + wall.tooth_mm;
  for (int t = 0; t < wall.pockets; ++t) {
    const double x = t * period;
    outline.push_back({x, 0});
    outline.push_back({x + wall.tooth_mm, 0});
    outline.push_back({x + wall.tooth_mm, wall.floor_mm});
    outline.push_back({x + period, wall.floor_mm});
  }
  outline.push_back({wall.width_mm - wall.tooth_mm, 0});
  outline.push_back({wall.width_mm, 0});
  outline.push_back({wall.width_mm, wall.height_mm});
  outline.push_back({0, wall.height_mm});
  comb.outline = fab::Contour::of(std::move(outline));
  Part lip;
  lip.label = words("part.wall_lip", {{"panel", id}});
  lip.source = e().panel_pos;
  lip.outline = fab::Contour::of(fab::rectangle(0, 0, wall.width_mm, wall.height_mm));
  for (const auto& group : {wall.bolts, wall.splice_bolts}) {
    for (const Point p : group) {
      const Point at{p.x - wall.left_mm, p.y - wall.top_mm};
      comb.holes.push_back(fab::bolt_hole(at, bolt));
      lip.holes.push_back(fab::bolt_hole(at, bolt));
    }
  }
  view.parts.push_back({parts.size(), {wall.left_mm, wall.top_mm}, 0, true, true});
  parts.push_back(std::move(comb));
  view.parts.push_back({parts.size(), {wall.left_mm, wall.top_mm}, 0, false, true});
  parts.push_back(std::move(lip));
}

void PanelBuilder::add_shelf_boxes(int cards, AssemblyView& view) const {
  const double shelf_top = e().panel_height_mm - shelf_from_bottom_mm;
  const auto deck = deck_box_size(roadshow, cards, joints.thickness_mm);
  const double deck_x = shelf_left_mm + box_on_shelf_gap_mm;
  view.boxes.push_back({words("box_title"), {deck_x, shelf_top - deck.height_mm, deck_x + deck.width_mm, shelf_top}});
  const auto box = collection_box_size(roadshow, joints.thickness_mm);
  const double box_x = shelf_left_mm + shelf_width_mm(e()) - box_on_shelf_gap_mm - box.width_mm;
  view.boxes.push_back({words("ballot_title"), {box_x, shelf_top - box.height_mm, box_x + box.width_mm, shelf_top}});
}

bool check_intro_furniture(const content::Roadshow& roadshow, Diagnostics& diagnostics) {
  const auto& e = roadshow.exhibit;
  const double t = e.material.measured_thickness_mm;
  bool ok = true;
  const auto box = collection_box_size(roadshow, t);
  const auto deck = deck_box_size(roadshow, deck_card_count(roadshow), t);
  const double shelf = shelf_width_mm(e);
  const double needed = deck.width_mm + box.width_mm + 3 * box_on_shelf_gap_mm;
  if (needed > shelf) {
    diagnostics.error(roadshow.forms.sizes_pos,
                      fmt::format("the collection box ({:.0f} mm wide, for the folded forms) beside the deck box "
                                  "({:.0f} mm) does not fit the intro's shelf ({:.0f} mm)",
                                  box.width_mm, deck.width_mm, shelf),
                      fmt::format("a shelf at least {:.0f} mm wide", needed),
                      fmt::format("make exhibit.panel.width_mm at least {:.0f}, or use smaller forms",
                                  needed + e.panel_width_mm - shelf));
    ok = false;
  }
  const QuestionWall wall = question_wall(roadshow);
  const double shelf_top = e.panel_height_mm - shelf_from_bottom_mm;
  const double room_below = shelf_top - box_height_mm - wall.bottom_mm();
  if (wall.pockets < 1 || room_below < 0) {
    diagnostics.error(
        e.panel_pos,
        fmt::format("the wall of questions ({:.0f} mm tall, for {:.0f} mm forms) does not fit between the {} poster "
                    "and the collection box on the shelf of a {} x {} mm panel",
                    wall.bottom_mm() - wall.top_mm + wall.form_height_mm - wall.floor_mm, wall.form_height_mm,
                    e.poster_size, e.panel_width_mm, e.panel_height_mm),
        fmt::format("a panel at least {:.0f} mm tall and {:.0f} mm wide", e.panel_height_mm - std::min(0.0, room_below),
                    std::max(e.panel_width_mm, wall.pocket_mm + 2 * tooth_mm + e.panel_width_mm - shelf)),
        "make exhibit.panel.height_mm larger, or choose a smaller exhibit.poster_size");
    ok = false;
  }
  for (const Point p : wall.splice_bolts) {
    if (in_comb_wood(wall, p, fab::Bolt{}.clearance_hole_mm / 2, t)) continue;
    diagnostics.error(e.panel_pos,
                      fmt::format("a splice plate's bolt at {:.0f} mm from the panel's top falls in a pocket or an "
                                  "edge of the wall of questions ({:.0f} to {:.0f} mm)",
                                  p.y, wall.top_mm, wall.bottom_mm()),
                      "splice bolts behind the wall's rail or teeth, or clear of it",
                      "change exhibit.panel.height_mm, so that the seam between the tiles moves");
    ok = false;
    break;
  }
  return ok;
}

}  // namespace impactkit::products::detail
