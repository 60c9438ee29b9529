#include <impactkit/layout/compose.hpp>

#include <impactkit/core/memory_budget.hpp>
#include <impactkit/core/suggest.hpp>
#include <impactkit/layout/contrast.hpp>
#include <impactkit/layout/detail/page_composer.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <new>

namespace impactkit::layout {
namespace detail {

Rgb rgb(const std::string& hex) {
  const auto part = [&](int i) {
    return std::stoi(hex.substr(static_cast<std::size_t>(i) * 2, 2), nullptr, 16) / 255.0;
  };
  return {part(0), part(1), part(2)};
}

const FieldText* Scope::text(std::string_view name) const {
  if (item) {
    if (const auto* t = item->text(name)) return t;
  }
  return page->text(name);
}

const std::vector<Fields>* Scope::list(std::string_view name) const {
  if (item) {
    if (const auto* l = item->list(name)) return l;
  }
  return page->list(name);
}

std::vector<std::string> Scope::names() const {
  auto out = page->names();
  if (item) {
    auto more = item->names();
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

Box Grid::cells(int column, int row, int spans_columns, int spans_rows) const {
  const double cw = (area.w - gutter * (columns - 1)) / columns;
  const double rh = (area.h - gutter * (rows - 1)) / rows;
  return {area.x + (column - 1) * (cw + gutter), area.y + (row - 1) * (rh + gutter),
          spans_columns * cw + (spans_columns - 1) * gutter, spans_rows * rh + (spans_rows - 1) * gutter};
}

Page PageComposer::run(const Fields& fields) {
  const PaperSize size = options_.size.width_mm > 0 ? options_.size : t_.reference;
  const double ref_w = t_.landscape ? t_.reference.height_mm : t_.reference.width_mm;
  page_.trim_width_pt = mm_to_pt(t_.landscape ? size.height_mm : size.width_mm);
  page_.trim_height_pt = mm_to_pt(t_.landscape ? size.width_mm : size.height_mm);
  page_.bleed_pt = mm_to_pt(options_.bleed_mm >= 0 ? options_.bleed_mm : t_.bleed_mm);
  // One template serves every size: lengths and text sizes scale with the width.
  scale_ = pt_to_mm(page_.trim_width_pt) / ref_w;
  const double margin = mm_to_pt(t_.margin_mm) * scale_;
  page_grid_ = {{margin, margin, page_.trim_width_pt - 2 * margin, page_.trim_height_pt - 2 * margin},
                t_.grid_columns,
                t_.grid_rows,
                mm_to_pt(t_.gutter_mm) * scale_};
  const Scope scope{nullptr, &fields};
  for (const Element& e : t_.elements) {
    try {
      draw(e, scope, page_grid_);
    } catch (const std::bad_alloc&) {
      out_of_memory(e);
      break;
    }
  }
  return std::move(page_);
}

// The build's memory budget (limits::max_build_memory_bytes) ran out while
// this element (with whatever it repeats) was composed: a content error at
// the element, not an internal one. What it had allocated is freed by now.
void PageComposer::out_of_memory(const Element& e) {
  page_.items.clear();
  page_.items.shrink_to_fit();
  diagnostics_.error(e.pos,
                     fmt::format("composing this element of template {} needed more memory than the build may use ({})",
                                 t_.name, memory_budget_text()),
                     "a page that fits the build's memory budget",
                     "draw fewer or smaller things here: set `max:` on its repeats, or use smaller images");
}

Box PageComposer::box_of(const Element& e, const Grid& grid) const {
  switch (e.area.kind) {
    case Area::Kind::page:
      return {0, 0, page_.trim_width_pt, page_.trim_height_pt};
    case Area::Kind::bleed:
      return {-page_.bleed_pt, -page_.bleed_pt, page_.trim_width_pt + 2 * page_.bleed_pt,
              page_.trim_height_pt + 2 * page_.bleed_pt};
    case Area::Kind::cell:
      return grid.area;
    case Area::Kind::cells:
      return grid.cells(e.area.column, e.area.row, e.area.columns, e.area.rows);
  }
  return {};
}

// A field the template names; reported when it does not exist at all.
const FieldText* PageComposer::field(const Element& e, const std::string& name, const Scope& scope, bool report) {
  if (const auto* t = scope.text(name)) return t;
  if (report && !scope.list(name)) unknown_field(e, name, scope);
  return nullptr;
}

void PageComposer::unknown_field(const Element& e, const std::string& name, const Scope& scope) {
  const auto names = scope.names();
  const auto near = closest(name, names);
  diagnostics_.error(e.field_pos.line > 0 ? e.field_pos : e.pos,
                     fmt::format("template {} names unknown field '{}'", t_.name, name),
                     "a field such as case.title or case.route.ambitie (see docs/templates.md)",
                     near ? fmt::format("did you mean '{}'?", *near) : "check the name");
}

// `REF.ink`: text on the colour REF in white or the theme's text colour,
// whichever contrasts more with it. White on SDG 7's yellow is 1.6:1, the
// dark text 10.7:1; a template that sets text on a colour it does not
// choose (an SDG's, a case theme's) stays readable whatever the colour.
std::optional<Rgb> PageComposer::ink_on(const std::string& ref, const Scope& scope, const SourcePos& pos) {
  const auto under = color(ref, scope, pos);
  if (!under) return std::nullopt;
  const Rgb white{1, 1, 1};
  const Rgb dark = rgb(roadshow_.theme.color("text").value_or("1A1A1A"));
  return contrast_ratio(white, *under) >= contrast_ratio(dark, *under) ? white : dark;
}

std::optional<Rgb> PageComposer::color(const std::string& ref, const Scope& scope, const SourcePos& pos) {
  if (ref.empty()) return std::nullopt;
  if (constexpr std::string_view ink = ".ink"; ref.size() > ink.size() && ref.ends_with(ink)) {
    return ink_on(ref.substr(0, ref.size() - ink.size()), scope, pos);
  }
  if (ref == "white") return Rgb{1, 1, 1};
  if (ref == "black") return Rgb{0, 0, 0};
  std::string name = ref;
  if (ref.starts_with("theme.")) name = ref.substr(6);
  if (ref == "case.theme" || ref == "item.theme") {
    const auto* t = scope.text(ref == "case.theme" ? "case.theme_color" : "item.theme_color");
    if (!t) return std::nullopt;
    name = t->text;
  }
  if (ref == "item.color") {
    const auto* t = scope.text("item.number");
    return t && !t->color.empty() ? std::optional<Rgb>(rgb(t->color)) : std::nullopt;
  }
  if (auto hex = roadshow_.theme.color(name)) return rgb(*hex);
  // A field that carries a colour, such as card.color.
  if (const auto* t = scope.text(ref); t && !t->color.empty()) return rgb(t->color);
  std::vector<std::string> names;
  for (const auto& [n, h] : roadshow_.theme.colors) names.push_back("theme." + n);
  const auto near = closest(ref, names);
  diagnostics_.error(
      pos, fmt::format("unknown colour '{}'", ref),
      "theme.NAME of a theme colour, case.theme, white, black or six hex digits; COLOUR.ink for text on COLOUR",
      near ? fmt::format("did you mean '{}'?", *near) : "add it to the theme's colors");
  return std::nullopt;
}

bool PageComposer::present(const Element& e, const std::string& name, const Scope& scope) {
  if (const auto* t = scope.text(name)) return !t->text.empty();
  if (const auto* l = scope.list(name)) return !l->empty();
  if (!scope.list(name)) unknown_field(e, name, scope);
  return false;
}

bool PageComposer::shown(const Element& e, const Scope& scope) {
  if (!e.when.empty() && !present(e, e.when, scope)) return false;
  return e.unless.empty() || !present(e, e.unless, scope);
}

// The element's box, taken out to the bleed on the sides it extends.
Box PageComposer::extended(const Element& e, Box b) const {
  const double bleed = page_.bleed_pt;
  for (const auto& side : e.extend) {
    if (side == "top") {
      b.h += b.y + bleed;
      b.y = -bleed;
    } else if (side == "left") {
      b.w += b.x + bleed;
      b.x = -bleed;
    } else if (side == "bottom") {
      b.h = page_.trim_height_pt + bleed - b.y;
    } else if (side == "right") {
      b.w = page_.trim_width_pt + bleed - b.x;
    }
  }
  return b;
}

void PageComposer::draw(const Element& e, const Scope& scope, const Grid& grid) {
  if (!shown(e, scope)) return;
  if (e.kind == Element::Kind::stack || e.kind == Element::Kind::box) {
    draw_flow(e, scope, box_of(e, grid));  // a box extends its rect only, not its content
    return;
  }
  draw_at(e, scope, extended(e, box_of(e, grid)));
}

// Draws an element in `b`, its area's box or the place a flow gave it.
void PageComposer::draw_at(const Element& e, const Scope& scope, const Box& b) {
  const std::size_t first = page_.items.size();  // this element's items, checked for contrast below
  switch (e.kind) {
    case Element::Kind::rect: {
      RectItem r{b.x,
                 b.y,
                 b.w,
                 b.h,
                 color(e.fill, scope, e.pos),
                 color(e.stroke, scope, e.pos),
                 e.stroke_pt * scale_,
                 mm_to_pt(e.radius_mm) * scale_};
      page_.items.emplace_back(r);
      break;
    }
    case Element::Kind::line: {
      const auto c = color(e.stroke.empty() ? "text" : e.stroke, scope, e.pos).value_or(Rgb{});
      const double w = (e.stroke_pt > 0 ? e.stroke_pt : 1) * scale_;
      LineItem l{b.x, b.y, b.x + b.w, b.y, c, w};
      if (e.edge == "bottom") l.y1_pt = l.y2_pt = b.y + b.h;
      if (e.edge == "left" || e.edge == "right") {
        l.x1_pt = l.x2_pt = e.edge == "left" ? b.x : b.x + b.w;
        l.y1_pt = b.y;
        l.y2_pt = b.y + b.h;
      }
      page_.items.emplace_back(l);
      break;
    }
    case Element::Kind::text:
      draw_text(e, scope, b);
      break;
    case Element::Kind::figure:
      draw_figure(e, scope, b);
      break;
    case Element::Kind::sdg:
      draw_sdgs(e, scope, b);
      break;
    case Element::Kind::image:
      draw_image(e, scope, b);
      break;
    case Element::Kind::qr:
      draw_qr(e, scope, b);
      break;
    case Element::Kind::write:
      draw_write(e, scope, b);
      break;
    case Element::Kind::tick:
      draw_tick(e, scope, b);
      break;
    case Element::Kind::repeat:
      draw_repeat(e, scope, b);
      return;  // its children checked their own
    case Element::Kind::stack:
    case Element::Kind::box:
    case Element::Kind::fill:
      return;  // flows (compose_flow.cpp): their children checked their own
  }
  if (options_.check_contrast) check_contrast(page_, first, e.pos, diagnostics_);
}

// Whether `count` cells of `cell_w` x `cell_h` pt, and the cell grid in
// each, have room: gutters wider than the area left cells of negative size,
// drawn outside the area without a word. Reported at the repeat otherwise.
bool PageComposer::repeat_fits(const Element& e, std::size_t count, double cell_w, double cell_h) {
  const double gap = page_grid_.gutter;
  const double inner_w = (cell_w - gap * (e.cell_columns - 1)) / e.cell_columns;
  const double inner_h = (cell_h - gap * (e.cell_rows - 1)) / e.cell_rows;
  if (inner_w > 0 && inner_h > 0) return true;
  constexpr double mm_per_pt = 25.4 / 72;
  diagnostics_.error(e.pos,
                     fmt::format("the repeat's {} item{} leave cells of {:.1f} x {:.1f} mm{}: nothing can be drawn in "
                                 "them",
                                 count, count == 1 ? "" : "s", cell_w * mm_per_pt, cell_h * mm_per_pt,
                                 e.cell_columns > 1 || e.cell_rows > 1
                                     ? fmt::format(", whose {}x{} cell_grid leaves {:.1f} x {:.1f} mm", e.cell_columns,
                                                   e.cell_rows, inner_w * mm_per_pt, inner_h * mm_per_pt)
                                     : std::string()),
                     "cells of a positive size: the area, less a gutter between each two items, shared by the items",
                     "set `max:` to fewer items, give the repeat a larger area, or a smaller cell_grid");
  return false;
}

// One more cell of the page's repeats, within their budget; the first
// cell past it is reported at the repeat that passes it.
bool PageComposer::count_repeat_cell(const Element& e) {
  if (++repeat_cells_ <= content::max_repeat_cells_per_page) return true;
  if (repeat_cells_ == content::max_repeat_cells_per_page + 1) {
    diagnostics_.error(e.pos,
                       fmt::format("the page's repeats draw more than {} cells", content::max_repeat_cells_per_page),
                       fmt::format("at most {} cells per page, nested repeats' cells counted each",
                                   content::max_repeat_cells_per_page),
                       "set `max:` on this repeat, or repeat over a shorter list");
  }
  return false;
}

void PageComposer::draw_repeat(const Element& e, const Scope& scope, const Box& b) {
  const auto* items = scope.list(e.over);
  if (!items) {
    Element named = e;
    unknown_field(named, e.over, scope);
    return;
  }
  const std::size_t count = e.max_items > 0 ? std::min<std::size_t>(e.max_items, items->size()) : items->size();
  if (count == 0) return;
  const double gap = page_grid_.gutter;
  const bool down = e.direction == "down";
  // `wrap`: so many items along the direction, then the next line (a
  // column going down, a row going right); every cell has one size.
  const std::size_t per_line = e.wrap > 0 ? std::min<std::size_t>(static_cast<std::size_t>(e.wrap), count) : count;
  const auto along = static_cast<double>(per_line);
  const std::size_t line_count = (count + per_line - 1) / per_line;  // rounded up
  const auto lines = static_cast<double>(line_count);
  const double cell_w = down ? (b.w - gap * (lines - 1)) / lines : (b.w - gap * (along - 1)) / along;
  const double cell_h = down ? (b.h - gap * (along - 1)) / along : (b.h - gap * (lines - 1)) / lines;
  if (!repeat_fits(e, count, cell_w, cell_h)) return;
  for (std::size_t i = 0; i < count; ++i) {
    if (!count_repeat_cell(e)) return;
    const auto at = static_cast<double>(i % per_line);
    const std::size_t line_index = i / per_line;
    const auto line = static_cast<double>(line_index);
    const double x = b.x + (down ? line : at) * (cell_w + gap);
    const double y = b.y + (down ? at : line) * (cell_h + gap);
    const Box cell{x, y, cell_w, cell_h};
    const Grid grid{cell, e.cell_columns, e.cell_rows, gap};
    const Scope inner{&(*items)[i], scope.page};
    for (const Element& child : e.children) draw(child, inner, grid);
  }
}

}  // namespace detail

Page Composer::compose(const Template& t, const Fields& fields, const Labels& labels, const ComposeOptions& options) {
  return detail::PageComposer(roadshow_, typesetter_, diagnostics_, t, labels, options).run(fields);
}

}  // namespace impactkit::layout
