// The assembly sheet: a page of hardware, then a page per assembly with
// its views to scale on the left and its steps on the right.

#include <impactkit/products/detail/assembly_sheet.hpp>
#include <impactkit/products/detail/assembly_words.hpp>

#include <impactkit/fab/geometry.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

namespace impactkit::products::detail {
using fab::Bounds;
using fab::Part;
using fab::Point;
using layout::mm_to_pt;

namespace {

constexpr layout::Rgb ink{0.1, 0.1, 0.1};
constexpr layout::Rgb light{0.6, 0.6, 0.6};
constexpr layout::Rgb accent{0.85, 0.35, 0.1};

constexpr double page_w = mm_to_pt(297);
constexpr double page_h = mm_to_pt(210);
constexpr double margin = mm_to_pt(12);
constexpr double drawing_w = page_w * 0.64 - margin;  // the views and their labels
constexpr double steps_x = page_w * 0.665;
constexpr double label_column = mm_to_pt(27);
constexpr double leader_room = 10;  // between a label column and the view
constexpr double label_pt = 6.5;
constexpr double label_gap = 2;         // between two labels of a column
constexpr double title_room = 30;       // above the views: their titles
constexpr double width_dim_room = 24;   // below a view: its width
constexpr double height_dim_room = 40;  // right of the first view: its height
constexpr double view_gap = 24;
constexpr double scale_room = 34;  // the scale bar at the bottom

// Ratios a draughtsman would write (ISO 5455 and the usual steps between).
constexpr std::array<double, 16> ratios = {1, 2, 2.5, 4, 5, 7.5, 10, 12.5, 15, 20, 25, 30, 40, 50, 75, 100};

// A part of a view as it is drawn: moved into the view's frame (mm).
struct Drawn {
  const Part* part;
  fab::Placement motion;
  Bounds box;  // in the view's frame
  bool behind;
  bool labelled;
};

struct ViewPlan {
  const AssemblyView* view;
  std::vector<Drawn> parts;
  Bounds box{0, 0, 0, 0};  // of everything drawn, mm
};

ViewPlan plan_view(const AssemblyView& view, const std::vector<Part>& parts) {
  ViewPlan plan{&view, {}, {}};
  bool first = true;
  const auto grow = [&](const Bounds& b) {
    plan.box = first ? b : fab::united(plan.box, b);
    first = false;
  };
  for (const auto& placed : view.parts) {
    const Part& p = parts.at(placed.part);
    fab::Placement turn{placed.quarter_turns & 3, {0, 0}};
    const Bounds turned = fab::bounds(fab::place(turn, p.outline));
    turn.offset = {placed.at.x - turned.min_x, placed.at.y - turned.min_y};
    const Bounds box{placed.at.x, placed.at.y, placed.at.x + turned.width_mm(), placed.at.y + turned.height_mm()};
    plan.parts.push_back({&p, turn, box, placed.behind, placed.labelled});
    grow(box);
  }
  for (const auto& b : view.boxes) grow(b.box);
  return plan;
}

// A view of the parts laid flat side by side, for an assembly without views.
AssemblyView flat_view(const Assembly& a) {
  AssemblyView view;
  double x = 0;
  for (std::size_t i = 0; i < a.parts.size(); ++i) {
    const Bounds b = fab::bounds(a.parts[i]);
    view.parts.push_back({i, {x, 0}, 0, false, true});
    x += b.width_mm() + std::max(10.0, 0.15 * b.width_mm());
  }
  return view;
}

double nice_ratio(double at_least) {
  for (const double r : ratios) {
    if (r >= at_least - 1e-9) return r;
  }
  return std::ceil(at_least / 100) * 100;
}

// A view's overall width (a horizontal line `at` a height, pt) or height.
struct Dimension {
  bool horizontal;
  double from, to, at;
  double mm;
};

// A label at the side of a view, joined to what it names by a leader.
struct Callout {
  std::string text;
  double anchor_x = 0, anchor_y = 0;  // pt
  text::TypesetText set;
  double y = 0;  // top of the set text, pt
};

class SheetPainter {
 public:
  SheetPainter(text::Typesetter& typesetter, const AssemblySheetStyle& style, const content::Labels& labels)
      : typesetter_(typesetter), labels_(labels) {
    body_.family = style.family;
    body_.language = style.language;
    body_.color = ink;
    bold_ = body_;
    bold_.weight = 700;
    bold_.display = true;
    bold_.hyphenation.enabled = false;
    label_ = body_;
    label_.line_height = 1.15;
    label_.hyphenation.enabled = false;
  }

  layout::Page page_of(const Assembly& a, std::size_t number) {
    layout::Page page{page_w, page_h, 0, {}};
    page.safe_area_pt = 0;
    std::vector<AssemblyView> flat;
    const std::vector<AssemblyView>* views = &a.views;
    if (views->empty()) {
      flat.push_back(flat_view(a));
      views = &flat;
    }
    draw_views(*views, a.parts, page);
    draw_steps(a, number, page);
    return page;
  }

  layout::Page hardware_page(const std::vector<Assembly>& assemblies, const std::string& title) {
    layout::Page page{page_w, page_h, 0, {}};
    page.safe_area_pt = 0;
    text(page, title, bold_, margin, margin, page_w - 2 * margin, 22);
    text(page, locale_text(labels_, "assembly.needs_title"), bold_, margin, margin + 44, page_w - 2 * margin, 13);
    // Totals of every step's hardware, by name, in the order first needed.
    std::vector<std::string> order;
    std::map<std::string, int> totals;
    for (const auto& a : assemblies) {
      for (const auto& step : a.steps) {
        for (const auto& h : step.hardware) {
          if (!totals.count(h.name)) order.push_back(h.name);
          totals[h.name] += h.count;
        }
      }
    }
    std::string list;
    for (const auto& name : order) {
      list += totals[name] > 0 ? fmt::format("- {} × {}\n", totals[name], name) : fmt::format("- {}\n", name);
    }
    const double column_w = (page_w - 2 * margin) / 2 - 20;
    text(page, list, body_, margin, margin + 70, column_w, 10, page_h - margin - 70 - margin);
    std::string contents = locale_text(labels_, "assembly.contents") + "\n\n";
    for (std::size_t i = 0; i < assemblies.size(); ++i) {
      contents += fmt::format("- {}. {}\n", i + 1, assemblies[i].title);
    }
    contents += "\n" + locale_text(labels_, "assembly.needs_note");
    text(page, contents, body_, page_w / 2 + 10, margin + 70, column_w, 10, page_h - margin - 70 - margin);
    return page;
  }

 private:
  // Sets `s` in a box at (x, y), at `size_pt` or smaller down to 6 pt
  // when it does not fit `height_pt`; returns the height it takes.
  double text(layout::Page& page, const std::string& s, const text::TextStyle& style, double x, double y,
              double width_pt, double size_pt, double height_pt = 0) {
    const text::TextBox box{width_pt, height_pt > 0 ? height_pt : size_pt * 4, 1, 0};
    auto set = typesetter_.fit(s, style, box, std::min(6.0, size_pt), size_pt);
    const double h = set.height_pt;
    page.items.emplace_back(layout::TextItem{std::move(set), x, y});
    return h;
  }

  void draw_views(const std::vector<AssemblyView>& views, const std::vector<Part>& parts, layout::Page& page) {
    boxes_ = stroked(accent, 0.8);
    leaders_ = stroked(light, 0.3);
    dimension_lines_ = stroked(ink, 0.4);
    dots_ = {};
    dots_.fill = light;
    std::vector<ViewPlan> plans;
    plans.reserve(views.size());
    for (const auto& v : views) plans.push_back(plan_view(v, parts));
    // One scale for all views of a page, the largest of the usual ratios
    // at which they fit with their labels and dimensions.
    double total_w = 0;
    double max_h = 0;
    for (const auto& p : plans) {
      total_w += mm_to_pt(p.box.width_mm());
      max_h = std::max(max_h, mm_to_pt(p.box.height_mm()));
    }
    const double fixed_w =
        2 * (label_column + leader_room) + height_dim_room + view_gap * static_cast<double>(plans.size() - 1);
    const double room_h = page_h - 2 * margin - title_room - width_dim_room - scale_room;
    const double ratio = nice_ratio(std::max(total_w / (drawing_w - fixed_w), max_h / room_h));
    const double k = 1 / ratio;

    double x = margin + label_column + leader_room;
    const double used_w = total_w * k + fixed_w;
    x += std::max(0.0, (drawing_w - used_w) / 2);
    const double top = margin + title_room;
    std::vector<Callout> left;
    std::vector<Callout> right;
    std::vector<std::pair<double, double>> spans;  // each view's left and right, pt
    std::vector<Dimension> dims;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const ViewPlan& plan = plans[i];
      const double x0 = x;
      const auto to_page = [&](Point q) {
        return std::pair{x0 + mm_to_pt(q.x - plan.box.min_x) * k, top + mm_to_pt(q.y - plan.box.min_y) * k};
      };
      const double w = mm_to_pt(plan.box.width_mm()) * k;
      // Labels go to the column on their side: the first view's left, the
      // others' right; a view alone sends each to the nearer side.
      std::vector<Callout> callouts;
      draw_view(plan, to_page, callouts, page);
      for (auto& c : callouts) {
        const bool to_left = plans.size() == 1 ? c.anchor_x < x0 + w / 2 : i == 0;
        (to_left ? left : right).push_back(std::move(c));
      }
      const double h = mm_to_pt(plan.box.height_mm()) * k;
      text(page, plan.view->title, bold_, x0, margin, std::max(w + view_gap, 90.0), 8);
      dims.push_back({true, x0, x0 + w, top + h + 8, plan.box.width_mm()});
      if (i == 0) dims.push_back({false, top, top + h, x0 + w + 20, plan.box.height_mm()});
      spans.emplace_back(x0, x0 + w);
      x = x0 + w + (i == 0 ? height_dim_room : 0) + view_gap;
    }
    place_column(left, spans.front().first - leader_room - label_column, label_column, true);
    const double right_x = spans.back().second + (plans.size() == 1 ? height_dim_room : 0) + leader_room;
    place_column(right, right_x, label_column, false);
    // Lines of a kind go out as one path each: a PDF writer's cost is per
    // drawing operation more than per segment. The dimensions' figures come
    // last, over any leader.
    std::vector<layout::Item> figures;
    for (const auto& d : dims) dimension(figures, d);
    for (auto* path : {&boxes_, &leaders_, &dots_, &dimension_lines_}) {
      if (!path->contours.empty()) page.items.emplace_back(std::move(*path));
    }
    for (auto& item : labels_out_) page.items.push_back(std::move(item));
    for (auto& item : figures) page.items.push_back(std::move(item));
    labels_out_.clear();
    scale_bar(page, ratio, margin, page_h - margin - 16);
  }

  template <typename ToPage>
  void draw_view(const ViewPlan& plan, const ToPage& to_page, std::vector<Callout>& callouts, layout::Page& page) {
    // Far parts first, so that near parts are drawn over them.
    std::vector<const Drawn*> order;
    for (const auto& d : plan.parts) order.push_back(&d);
    std::stable_sort(order.begin(), order.end(), [](const Drawn* a, const Drawn* b) { return a->behind > b->behind; });
    for (const Drawn* d : order) {
      const auto on_page = [&](Point q) { return to_page(fab::place(d->motion, q)); };
      draw_part(*d->part, on_page, d->behind ? 0.4 : 0.8, d->behind ? light : ink, page);
      if (!d->labelled) continue;
      const auto [ax, ay] = to_page({(d->box.min_x + d->box.max_x) / 2, (d->box.min_y + d->box.max_y) / 2});
      callouts.push_back({d->part->label, ax, ay, {}, 0});
    }
    for (const auto& box : plan.view->boxes) {
      const auto [x1, y1] = to_page({box.box.min_x, box.box.min_y});
      const auto [x2, y2] = to_page({box.box.max_x, box.box.max_y});
      boxes_.contours.push_back({{x1, y1}, {x2, y1}, {x2, y2}, {x1, y2}});
      callouts.push_back({box.label, (x1 + x2) / 2, (y1 + y2) / 2, {}, 0});
    }
  }

  // One closed path for the outline, and its holes: those a few points
  // across on the page as one filled path of dots, the larger outlined.
  // (A PDF writer's cost is in the coordinates it writes: a bolt hole's
  // cut polygon would cost as much as a panel's outline, for a dot.)
  template <typename ToPage>
  void draw_part(const Part& p, const ToPage& to_page, double width, layout::Rgb colour, layout::Page& page) {
    fab::Polygon scratch;
    const auto contour = [&](layout::PathItem& path, const fab::Contour& c, double tolerance_mm) {
      auto& out = path.contours.emplace_back();
      for (const Point q : fab::polygon_or(c, scratch, tolerance_mm)) {
        const auto [x, y] = to_page(q);
        out.push_back({x, y});
      }
    };
    layout::PathItem outline = stroked(colour, width);
    contour(outline, p.outline, 0.5);
    page.items.emplace_back(std::move(outline));
    layout::PathItem large = stroked(colour, width / 2);
    layout::PathItem small;
    small.fill = colour;
    for (const auto& h : p.holes) {
      const Bounds b = fab::bounds(h);
      const auto [x1, y1] = to_page({b.min_x, b.min_y});
      const auto [x2, y2] = to_page({b.max_x, b.max_y});
      const double across = std::max(std::abs(x2 - x1), std::abs(y2 - y1));
      if (across >= 4) {
        contour(large, h, 0.5);
        continue;
      }
      // A diamond: at this size it reads as a dot, in four points.
      const double cx = (x1 + x2) / 2;
      const double cy = (y1 + y2) / 2;
      const double r = std::max(across / 2, 0.5);
      small.contours.push_back({{cx - r, cy}, {cx, cy - r}, {cx + r, cy}, {cx, cy + r}});
    }
    for (auto* path : {&small, &large}) {
      if (!path->contours.empty()) page.items.emplace_back(std::move(*path));
    }
  }

  // Labels in a column beside the views, each as near its anchor's height
  // as the labels above and below it allow, none over another.
  void place_column(std::vector<Callout>& callouts, double x, double width, bool on_left) {
    if (callouts.empty()) return;
    text::TextStyle style = label_;
    style.align = on_left ? text::Align::right : text::Align::left;
    for (auto& c : callouts) c.set = typesetter_.set(c.text, style, {width, 40, 1, 0}, label_pt);
    std::stable_sort(callouts.begin(), callouts.end(),
                     [](const Callout& a, const Callout& b) { return a.anchor_y < b.anchor_y; });
    const double top = margin + title_room;
    const double bottom = page_h - margin - scale_room;
    double next_free = top;
    for (auto& c : callouts) {
      c.y = std::max(c.anchor_y - c.set.height_pt / 2, next_free);
      next_free = c.y + c.set.height_pt + label_gap;
    }
    // Pushed below the area: move them up again, from the last.
    double limit = bottom;
    for (std::size_t i = callouts.size(); i-- > 0;) {
      Callout& c = callouts[i];
      c.y = std::min(c.y, limit - c.set.height_pt);
      limit = c.y - label_gap;
    }
    for (auto& c : callouts) {
      const double mid = c.y + (c.set.lines.empty() ? 0 : c.set.lines.front().baseline_pt - label_pt * 0.35);
      const double from_x = on_left ? x + width + 2 : x - 2;
      segment(leaders_, from_x, mid, c.anchor_x, c.anchor_y);
      constexpr double dot = 0.9;
      dots_.contours.push_back({{c.anchor_x - dot, c.anchor_y},
                                {c.anchor_x, c.anchor_y - dot},
                                {c.anchor_x + dot, c.anchor_y},
                                {c.anchor_x, c.anchor_y + dot}});
      labels_out_.emplace_back(layout::TextItem{std::move(c.set), x, c.y});
    }
  }

  // A dimension line with ticks at its ends and its length in mm on a
  // white ground in the middle.
  void dimension(std::vector<layout::Item>& figures, const Dimension& d) {
    const auto point = [&](double along, double across) {
      return d.horizontal ? std::pair{along, across} : std::pair{across, along};
    };
    const auto [x1, y1] = point(d.from, d.at);
    const auto [x2, y2] = point(d.to, d.at);
    segment(dimension_lines_, x1, y1, x2, y2);
    for (const double along : {d.from, d.to}) {
      const auto [a1, b1] = point(along, d.at - 3);
      const auto [a2, b2] = point(along, d.at + 3);
      segment(dimension_lines_, a1, b1, a2, b2);
    }
    text::TextStyle style = label_;
    style.align = text::Align::center;
    auto set = typesetter_.set(fmt::format("{:.0f} mm", d.mm), style, {40, 12, 1, 0}, 7);
    const double w = set.lines.empty() ? 0 : set.lines.front().width_pt + 4;
    const auto [cx, cy] = point((d.from + d.to) / 2, d.at);
    figures.emplace_back(layout::RectItem{cx - w / 2, cy - 4.5, w, 9, layout::Rgb{1, 1, 1}, std::nullopt, 0, 0});
    figures.emplace_back(layout::TextItem{std::move(set), cx - 20, cy - 6.2});
  }

  // A bar of two segments, a round length in mm at this scale, and the scale.
  void scale_bar(layout::Page& page, double ratio, double x, double y) {
    constexpr std::array<double, 10> lengths = {10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000};
    double real = lengths.front();
    for (const double l : lengths) {
      if (mm_to_pt(l) / ratio <= mm_to_pt(60)) real = l;
    }
    const double w = mm_to_pt(real) / ratio;
    page.items.emplace_back(layout::RectItem{x, y, w / 2, 3, ink, ink, 0.4, 0});
    page.items.emplace_back(layout::RectItem{x + w / 2, y, w / 2, 3, std::nullopt, ink, 0.4, 0});
    text::TextStyle style = label_;
    page.items.emplace_back(layout::TextItem{typesetter_.set("0", style, {20, 12, 1, 0}, 7), x, y + 5});
    style.align = text::Align::right;
    page.items.emplace_back(
        layout::TextItem{typesetter_.set(fmt::format("{:g} mm", real), style, {60, 12, 1, 0}, 7), x + w - 60, y + 5});
    const std::string scale = locale_text(labels_, "assembly.scale", {{"ratio", fmt::format("{:g}", ratio)}});
    page.items.emplace_back(
        layout::TextItem{typesetter_.set(scale, label_, {drawing_w - w - 20, 12, 1, 0}, 7), x + w + 14, y - 2});
  }

  // The page's number and title, then its numbered steps, each with the
  // hardware it needs.
  void draw_steps(const Assembly& a, std::size_t number, layout::Page& page) {
    const double w = page_w - steps_x - margin;
    const double title_h = text(page, fmt::format("{}. {}", number, a.title), bold_, steps_x, margin, w, 16, 56);
    std::string steps;
    const std::string needed = locale_text(labels_, "assembly.needed");
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
      const auto& step = a.steps[i];
      steps += fmt::format("{}{}. {}", i == 0 ? "" : "\n\n", i + 1, step.text);
      if (step.hardware.empty()) continue;
      steps += fmt::format("\n\n**{}** ", needed);
      for (std::size_t h = 0; h < step.hardware.size(); ++h) {
        const auto& item = step.hardware[h];
        steps += h == 0 ? "" : " · ";
        steps += item.count > 0 ? fmt::format("{} × {}", item.count, item.name) : item.name;
      }
    }
    const double y = margin + title_h + 14;
    page.items.emplace_back(
        layout::TextItem{typesetter_.fit(steps, body_, {w, page_h - y - margin, 1, 0}, 6.5, 9.5), steps_x, y});
  }

  static layout::PathItem stroked(layout::Rgb colour, double width) {
    layout::PathItem path;
    path.stroke = colour;
    path.stroke_pt = width;
    return path;
  }

  // A line as a closed contour of two points: drawn out and back, it
  // strokes the same as the open line.
  static void segment(layout::PathItem& path, double x1, double y1, double x2, double y2) {
    path.contours.push_back({{x1, y1}, {x2, y2}});
  }

  text::Typesetter& typesetter_;
  const content::Labels& labels_;
  // One page's lines, by kind, and its labels, drawn after the views.
  layout::PathItem boxes_;
  layout::PathItem leaders_;
  layout::PathItem dots_;
  layout::PathItem dimension_lines_;
  std::vector<layout::Item> labels_out_;
  text::TextStyle body_;
  text::TextStyle bold_;
  text::TextStyle label_;
};

}  // namespace

std::vector<layout::Page> assembly_pages(const std::vector<Assembly>& assemblies, const std::string& title,
                                         text::Typesetter& typesetter, const AssemblySheetStyle& style,
                                         const content::Labels& labels) {
  SheetPainter painter(typesetter, style, labels);
  std::vector<layout::Page> pages;
  pages.push_back(painter.hardware_page(assemblies, title));
  for (std::size_t n = 0; n < assemblies.size(); ++n) pages.push_back(painter.page_of(assemblies[n], n + 1));
  return pages;
}

}  // namespace impactkit::products::detail
