// Composing flows: a stack's children one after the other at their natural
// size, a box sized to its content, a fill in what is left. Widths are
// handed down (a flow going down gives each child its width, one going
// right shares its width out), heights come back up; then the texts of
// the whole flow shrink together until it fits.

#include <impactkit/layout/contrast.hpp>
#include <impactkit/layout/detail/page_composer.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace impactkit::layout::detail {

// Where a flow ends, and whether placing it cut texts short.
struct FlowReport {
  double bottom = 0;  // the flow's end
  bool cut = false;   // texts cut short or left out (--allow-overflow)
};

namespace {

constexpr double tolerance_pt = 0.01;
// Set once to measure a text's natural height: far more than any page.
constexpr double unbounded_pt = 1e6;

using Role = FlowNode::Role;

double offset(const std::string& how, double room) {
  if (room <= 0) return 0;
  return how == "center" ? room / 2 : how == "end" ? room : 0;
}

// The node's tallest text, the first of equals: what a stack that is over
// is reported at (the longest text is the one to shorten).
const FlowNode* tallest_text(const FlowNode& n) {
  if (n.role == Role::text) return &n;
  const FlowNode* best = nullptr;
  for (const auto& c : n.children) {
    const auto* t = tallest_text(c);
    if (t && (!best || t->h > best->h + tolerance_pt)) best = t;
  }
  return best;
}

// A box's padding on each side: none on a side it extends to the bleed,
// whose room is the page's margin (a header band's text lines up with the
// page's, not with the band's edge).
struct Insets {
  double left = 0, top = 0, right = 0, bottom = 0;
};

Insets insets(const FlowNode& n) {
  Insets in{n.pad, n.pad, n.pad, n.pad};
  if (n.role != Role::box) return in;
  for (const auto& side : n.e->extend) {
    if (side == "left") in.left = 0;
    if (side == "top") in.top = 0;
    if (side == "right") in.right = 0;
    if (side == "bottom") in.bottom = 0;
  }
  return in;
}

// The first line's baseline of a text, from its top.
double first_baseline(const FlowNode& n) {
  return n.role == Role::text && n.layout && !n.layout->lines.empty() ? n.layout->lines.front().baseline_pt : 0;
}

// Whether a child of a flow going right takes a share of the width left.
bool flexible(const FlowNode& n) {
  return n.e == nullptr || n.e->width_mm <= 0;
}

}  // namespace

std::optional<FlowNode> PageComposer::expand(const Element& e, const Scope& scope, double parent_gap) {
  if (!shown(e, scope)) return std::nullopt;
  FlowNode n;
  n.e = &e;
  n.scope = scope;
  n.align = e.align;
  n.cross = e.cross;
  n.gap = mm_to_pt(e.gap_mm) * scale_;
  switch (e.kind) {
    case Element::Kind::text:
      n.role = Role::text;
      if (!expand_text(n)) return std::nullopt;
      return n;
    case Element::Kind::repeat:
      n.role = Role::stack;
      n.down = e.direction == "down";
      if (!e.has_gap) n.gap = parent_gap;
      expand_repeat(n);
      return n;
    case Element::Kind::stack:
    case Element::Kind::box:
      n.role = e.kind == Element::Kind::box ? Role::box : Role::stack;
      n.down = e.kind == Element::Kind::box || e.direction == "down";
      n.pad = mm_to_pt(e.padding_mm) * scale_;
      for (const Element& child : e.children) {
        if (auto c = expand(child, scope, n.gap)) n.children.push_back(std::move(*c));
      }
      return n;
    case Element::Kind::fill:
      n.role = Role::fill;
      return n;
    default:
      return n;
  }
}

bool PageComposer::expand_text(FlowNode& n) {
  const Element& e = *n.e;
  const auto content = text_of(e, n.scope);
  if (!content || content->text.empty()) return false;
  const auto st = style(e, e.style, n.scope);
  if (!st) return false;
  n.style = st->first;
  n.style_name = e.style;
  n.body = styled_body(content->text, st->second, options_.language);
  n.source_text = content->text;
  n.min_pt = st->second.min_size_pt * scale_;
  n.max_pt = st->second.size_pt * scale_;
  n.content_pos = content->pos.line > 0 ? content->pos : e.field_pos.line > 0 ? e.field_pos : e.pos;
  return true;
}

// A repeat in a flow: each item a group of the repeat's elements, going
// down, kept together.
void PageComposer::expand_repeat(FlowNode& n) {
  const Element& e = *n.e;
  const auto* items = n.scope.list(e.over);
  if (!items) {
    unknown_field(e, e.over, n.scope);
    return;
  }
  const std::size_t count = e.max_items > 0 ? std::min<std::size_t>(e.max_items, items->size()) : items->size();
  for (std::size_t i = 0; i < count; ++i) {
    if (!count_repeat_cell(e)) return;
    FlowNode item;
    item.role = Role::stack;
    item.scope = Scope{&(*items)[i], n.scope.page};
    for (const Element& child : e.children) {
      if (auto c = expand(child, item.scope, 0)) item.children.push_back(std::move(*c));
    }
    n.children.push_back(std::move(item));
  }
}

// The height `n` takes at width `w`, its texts at fraction `t` of the way
// from their smallest size to their largest; what goes over a bound (a
// box's max, a flow's width, a word wider than its line) adds to `over`.
double PageComposer::measure(FlowNode& n, double w, double t, double& over) {
  n.w = w;
  switch (n.role) {
    case Role::text: {
      const double size = n.min_pt + t * (n.max_pt - n.min_pt);
      n.size_pt = size;
      if (!n.prepared) n.prepared = typesetter_.prepare(n.body, n.style);
      n.layout = typesetter_.set(*n.prepared, n.style, text::TextBox{w, unbounded_pt, 1, 0}, size);
      over += n.layout->overflow.width_pt;
      n.h = n.layout->height_pt;
      return n.h;
    }
    case Role::leaf:
      // Ruled lines are as tall as their lines, unless told otherwise.
      n.h = n.e->kind == Element::Kind::write && n.e->height_mm <= 0 ? n.e->lines * n.e->pitch_mm : n.e->height_mm;
      n.h = mm_to_pt(n.h) * scale_;
      return n.h;
    case Role::fill:
      n.h = 0;
      return n.h;
    case Role::stack:
    case Role::box:
      break;
  }
  const Insets in = insets(n);
  const double inner_w = std::max(0.0, w - in.left - in.right);
  double h = 0;
  if (n.down) {
    for (auto& c : n.children) {
      const double cw = c.e && c.e->width_mm > 0 ? std::min(inner_w, mm_to_pt(c.e->width_mm) * scale_) : inner_w;
      h += measure(c, cw, t, over);
    }
    if (!n.children.empty()) h += n.gap * static_cast<double>(n.children.size() - 1);
  } else {
    h = measure_row(n, inner_w, t, over);
  }
  n.h = h + in.top + in.bottom;
  if (n.role == Role::box) {
    const Grid& g = page_grid_;
    const double row = (g.area.h - g.gutter * (g.rows - 1)) / g.rows;
    const auto rows = [&](int r) { return r * row + (r - 1) * g.gutter; };
    const double most = n.e->max_rows > 0 ? rows(n.e->max_rows) : mm_to_pt(n.e->max_mm) * scale_;
    const double least = n.e->min_rows > 0 ? rows(n.e->min_rows) : mm_to_pt(n.e->min_mm) * scale_;
    if (most > 0 && n.h > most) {
      over += n.h - most;
      n.h = most;
    }
    n.h = std::max(n.h, least);
  }
  return n.h;
}

// A flow going right: children of a width of their own get it, the others
// share what is left; its height is its tallest child's.
double PageComposer::measure_row(FlowNode& n, double w, double t, double& over) {
  double fixed = 0;
  int shares = 0;
  for (const auto& c : n.children) {
    if (flexible(c)) {
      ++shares;
    } else {
      fixed += mm_to_pt(c.e->width_mm) * scale_;
    }
  }
  const double gaps = n.children.empty() ? 0 : n.gap * static_cast<double>(n.children.size() - 1);
  const double left = w - fixed - gaps;
  if (left < 0) over += -left;
  const double share = shares > 0 ? std::max(0.0, left) / shares : 0;
  double h = 0;
  double baseline = 0;
  for (auto& c : n.children) {
    h = std::max(h, measure(c, flexible(c) ? share : mm_to_pt(c.e->width_mm) * scale_, t, over));
    baseline = std::max(baseline, first_baseline(c));
  }
  if (n.cross == "baseline") {
    for (const auto& c : n.children) h = std::max(h, c.h + baseline - first_baseline(c));
  }
  return h;
}

void PageComposer::place(FlowNode& n, const Box& b, FlowReport& report) {
  switch (n.role) {
    case Role::text: {
      text::TypesetText layout = std::move(*n.layout);
      if (b.y + n.h > report.bottom + tolerance_pt &&
          options_.allow_overflow) {  // cut short at the flow's end, as a text in a box is
        const double room = std::max(0.0, report.bottom - b.y);
        layout = truncated(n.body, n.style, text::TextBox{n.w, room, 1, 0}, n.size_pt);
        report.cut = true;
      }
      check_safe_area(*n.e, layout, b.x, b.y);
      note_source(*n.e, n.source_text, n.content_pos, {b.x, b.y, n.w, n.h});
      page_.items.emplace_back(TextItem{std::move(layout), b.x, b.y});
      // Against what the flow drew behind it so far (a box's rect).
      if (options_.check_contrast) check_contrast(page_, page_.items.size() - 1, n.e->pos, diagnostics_);
      return;
    }
    case Role::leaf:
      draw_at(*n.e, n.scope, extended(*n.e, b));
      return;
    case Role::fill: {
      const Grid grid{b, n.e->cell_columns, n.e->cell_rows, page_grid_.gutter};
      for (const Element& child : n.e->children) draw(child, n.scope, grid);
      return;
    }
    case Role::box: {
      const Element& e = *n.e;
      const Box r = extended(e, b);
      page_.items.emplace_back(RectItem{r.x, r.y, r.w, r.h, color(e.fill, n.scope, e.pos),
                                        color(e.stroke, n.scope, e.pos), e.stroke_pt * scale_,
                                        mm_to_pt(e.radius_mm) * scale_});
      break;
    }
    case Role::stack:
      break;
  }
  const Insets in = insets(n);
  const std::size_t beneath = page_.items.size();
  const auto tops =
      place_children(n, {b.x + in.left, b.y + in.top, b.w - in.left - in.right, b.h - in.top - in.bottom}, report);
  // The rail joins the elements' tops, drawn beneath them (a route's
  // numbered markers sit on its line).
  if (n.role == Role::stack && n.e && !n.e->rail.empty() && tops && tops->second > tops->first) {
    const auto c = color(n.e->rail, n.scope, n.e->pos);
    const double x = b.x + in.left + mm_to_pt(n.e->rail_x_mm) * scale_;
    const double w = (n.e->rail_pt > 0 ? n.e->rail_pt : 1) * scale_;
    if (c) {
      page_.items.insert(page_.items.begin() + static_cast<std::ptrdiff_t>(beneath),
                         LineItem{x, tops->first, x, tops->second, *c, w});
    }
  }
}

// A flow's children in `inner`: fills share the room the others leave;
// without a fill, `align` places them in it. A child that would end past
// the flow's end is left out whole when overflow is allowed (a group is
// never cut in two). Returns the first and the last placed child's tops.
std::optional<std::pair<double, double>> PageComposer::place_children(FlowNode& n, const Box& inner,
                                                                      FlowReport& report) {
  double used = 0;
  int fills = 0;
  for (const auto& c : n.children) {
    used += n.down ? c.h : c.w;
    if (c.role == Role::fill && n.down) ++fills;
  }
  if (!n.children.empty()) used += n.gap * static_cast<double>(n.children.size() - 1);
  const double room = (n.down ? inner.h : inner.w) - used;
  const double fill_share = fills > 0 && room > 0 ? room / fills : 0;
  double at = (n.down ? inner.y : inner.x) + (fills > 0 ? 0 : offset(n.align, room));
  // `cross: baseline` in a row: the texts' first lines on one baseline (a
  // label beside its text, set in a smaller size).
  double baseline = 0;
  for (const auto& c : n.children) baseline = std::max(baseline, first_baseline(c));
  std::optional<std::pair<double, double>> tops;
  for (auto& c : n.children) {
    Box cb;
    if (n.down) {
      const double h = c.h + (c.role == Role::fill ? fill_share : 0);
      cb = {inner.x + offset(n.cross, inner.w - c.w), at, c.w, h};
      at += h + n.gap;
    } else {
      const bool stretch = c.role != Role::text && (c.e == nullptr || c.e->height_mm <= 0);
      const double h = stretch ? inner.h : c.h;
      const double down_by = n.cross == "baseline" ? (c.role == Role::text ? baseline - first_baseline(c) : 0)
                                                   : offset(n.cross, inner.h - h);
      cb = {at, inner.y + down_by, c.w, h};
      at += c.w + n.gap;
    }
    // Overflow allowed: what starts past the end is left out whole (a label
    // never without its text); what starts before it is drawn, its texts
    // cut short at the end.
    if (options_.allow_overflow && n.down && cb.y >= report.bottom - tolerance_pt) {
      report.cut = true;
      break;
    }
    tops = tops ? std::pair{tops->first, cb.y} : std::pair{cb.y, cb.y};
    place(c, cb, report);
  }
  return tops;
}

// A stack or box with an area: its texts at the largest sizes, shrunk
// together (one fraction of the way between each style's smallest and
// largest size), at which the flow fits.
void PageComposer::draw_flow(const Element& e, const Scope& scope, const Box& area) {
  auto root = expand(e, scope, 0);
  if (!root) return;
  const auto over_at = [&](double t) {
    double over = 0;
    const double h = measure(*root, area.w, t, over);
    return over + std::max(0.0, h - area.h);
  };
  double over = over_at(1);
  if (over > tolerance_pt) {
    if (over_at(0) > tolerance_pt) {
      over = over_at(0);
    } else {
      double lo = 0;  // fits
      double hi = 1;  // does not
      for (int i = 0; i < 7; ++i) {
        const double mid = (lo + hi) / 2;
        (over_at(mid) > tolerance_pt ? hi : lo) = mid;
      }
      over = over_at(lo);
    }
  }
  const double h = e.kind == Element::Kind::box ? std::min(root->h, area.h) : area.h;
  FlowReport report{area.y + h, false};
  if (e.kind == Element::Kind::box) report.bottom = area.y + h - insets(*root).bottom;
  place(*root, {area.x, area.y, area.w, h}, report);
  if (over > tolerance_pt) report_flow(e, *root, over, report);
}

void PageComposer::report_flow(const Element& e, const FlowNode& root, double over, const FlowReport& report) {
  // The sizes its texts were set at, one per style.
  std::map<std::string, double> sizes;
  const auto collect = [&](const auto& self, const FlowNode& n) -> void {
    if (n.role == Role::text) sizes.emplace(n.style_name, n.size_pt);
    for (const auto& c : n.children) self(self, c);
  };
  collect(collect, root);
  std::string at_sizes;
  for (const auto& [name, size] : sizes)
    at_sizes += fmt::format("{}{} {:.1f} pt", at_sizes.empty() ? "" : ", ", name, size);
  const FlowNode* culprit = tallest_text(root);
  const SourcePos at = culprit ? culprit->content_pos : e.pos;
  const Element* te = culprit ? culprit->e : nullptr;
  const std::string text = !te                  ? "the content"
                           : !te->field.empty() ? fmt::format("text of '{}'", te->field)
                           : !te->label.empty() ? fmt::format("text of label {}", te->label)
                                                : std::string("text");
  const std::string kind = e.kind == Element::Kind::box ? "box" : "stack";
  const std::string what = fmt::format(
      "{} does not fit its {} on the {} {} at {}: the {} is {:.1f} mm over with its texts at their smallest sizes{}",
      text, kind, t_.name, options_.product, options_.size.name.empty() ? "its size" : options_.size.name, kind,
      pt_to_mm(over), at_sizes.empty() ? "" : " (" + at_sizes + ")");
  const std::string fix = fmt::format("shorten the text, or give the {} more room in {}:{}:{}", kind, t_.file.string(),
                                      e.pos.line, e.pos.column);
  if (options_.allow_overflow) {
    diagnostics_.warning(at, what + (report.cut ? "; cut short with '…'" : ""), {}, fix);
  } else {
    diagnostics_.error(at, what, fmt::format("a {} whose content fits at its texts' smallest sizes", kind),
                       fix + " (or build with --allow-overflow)");
  }
}

}  // namespace impactkit::layout::detail
