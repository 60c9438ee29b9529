// The exhibit's assembly sheet: a page per panel, its parts drawn to scale
// (assembled, from the front, or flat side by side) beside the steps.

#include <impactkit/products/detail/exhibit_assembly.hpp>

#include <impactkit/fab/geometry.hpp>
#include <impactkit/text/typesetter.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace impactkit::products::detail {
using fab::Part;
using fab::Point;
using fab::Polygon;

namespace {

constexpr layout::Rgb ink{0.1, 0.1, 0.1};
constexpr layout::Rgb light{0.6, 0.6, 0.6};
constexpr layout::Rgb accent{0.85, 0.35, 0.1};

// One closed path per outline, and one for all its holes: a part's
// hundreds of edges drawn as one path each, not as separate lines.
layout::PathItem outlined(double width, layout::Rgb colour) {
  layout::PathItem path;
  path.stroke = colour;
  path.stroke_pt = width;
  return path;
}

template <typename ToPage>
void add_contour(layout::PathItem& path, const Polygon& poly, const ToPage& to_page) {
  auto& contour = path.contours.emplace_back();
  contour.reserve(poly.size());
  for (const Point q : poly) {
    const auto [x, y] = to_page(q);
    contour.push_back({x, y});
  }
}

text::TextStyle style(const std::string& family, int weight) {
  text::TextStyle out;
  out.family = family;
  out.weight = weight;
  out.color = ink;
  return out;
}

// The page of one panel as it is drawn: A4 landscape, in pt; its parts on
// the left (area_w × area_h from the margin), its title and steps on the right.
struct AssemblyPage {
  text::Typesetter& typesetter;
  const std::string& family;
  double page_w = layout::mm_to_pt(297);
  double page_h = layout::mm_to_pt(210);
  double margin = layout::mm_to_pt(15);
  double area_w = page_w * 0.60 - margin;
  double area_h = page_h - 2 * margin;
  layout::Page page{page_w, page_h, 0, {}};

  text::TextStyle label_style = style(family, 400);

  void label_at(const std::string& text, double x, double y) {
    page.items.emplace_back(layout::TextItem{typesetter.set(text, label_style, {120, 12, 1, 0}, 6.5), x, y});
  }

  // The part's outline and holes, each point placed by `to_page`.
  template <typename ToPage>
  void draw_part(const Part& p, const ToPage& to_page, double width, layout::Rgb colour) {
    Polygon scratch;
    auto outline = outlined(width, colour);
    add_contour(outline, fab::polygon_or(p.outline, scratch, 0.5), to_page);
    page.items.emplace_back(std::move(outline));
    if (p.holes.empty()) return;
    auto holes = outlined(width / 2, colour);
    for (const auto& h : p.holes) add_contour(holes, fab::polygon_or(h, scratch, 0.5), to_page);
    page.items.emplace_back(std::move(holes));
  }
};

// The assembled panel from the front, to scale: its parts labelled on the
// left, what is seen edge-on or mounted as labelled boxes.
void draw_front_view(const PanelParts& panel, AssemblyPage& a) {
  const double margin = a.margin;
  fab::Bounds all{0, 0, 0, 0};
  for (const auto& placed : panel.view->parts) {
    const auto b = fab::bounds(panel.parts[placed.part]);
    all.max_x = std::max(all.max_x, placed.at.x + b.max_x);
    all.max_y = std::max(all.max_y, placed.at.y + b.max_y);
  }
  const double scale = std::min(a.area_w * 0.7 / layout::mm_to_pt(all.max_x), a.area_h / layout::mm_to_pt(all.max_y));
  const double x0 = margin + a.area_w * 0.3;
  for (const auto& placed : panel.view->parts) {
    const auto to_page = [&](Point q) {
      return std::pair{x0 + layout::mm_to_pt(placed.at.x + q.x) * scale,
                       margin + layout::mm_to_pt(placed.at.y + q.y) * scale};
    };
    const Part& p = panel.parts[placed.part];
    a.draw_part(p, to_page, placed.behind ? 0.4 : 0.8, placed.behind ? light : ink);
    const auto b = fab::bounds(p);
    const auto [lx, ly] = to_page({b.min_x, b.min_y + (placed.behind ? 0 : b.height_mm() / 2)});
    a.label_at(p.label, margin, ly - 4);
    a.page.items.emplace_back(layout::LineItem{margin + 70, ly, lx, ly, light, 0.3});
  }
  for (const auto& box : panel.view->boxes) {
    const auto to_page = [&](Point q) {
      return std::pair{x0 + layout::mm_to_pt(q.x) * scale, margin + layout::mm_to_pt(q.y) * scale};
    };
    const auto [x1, y1] = to_page({box.box.min_x, box.box.min_y});
    const auto [x2, y2] = to_page({box.box.max_x, box.box.max_y});
    a.page.items.emplace_back(layout::RectItem{x1, y1, x2 - x1, y2 - y1, std::nullopt, accent, 0.8, 0});
    a.label_at(box.label, x2 + 3, y1);
  }
}

// Flat parts (the deck box, the coupon) side by side, to scale.
void draw_flat_parts(const PanelParts& panel, AssemblyPage& a) {
  const double margin = a.margin;
  double total_w = 0;
  double max_h = 0;
  for (const auto& p : panel.parts) {
    const auto b = fab::bounds(p);
    total_w += b.width_mm() + 20;
    max_h = std::max(max_h, b.height_mm());
  }
  const double scale = std::min(a.area_w / layout::mm_to_pt(total_w), (a.area_h - 40) / layout::mm_to_pt(max_h));
  double x = 0;
  for (const auto& p : panel.parts) {
    const auto b = fab::bounds(p);
    const auto to_page = [&](Point q) {
      return std::pair{margin + layout::mm_to_pt(x + q.x - b.min_x) * scale,
                       margin + 30 + layout::mm_to_pt(q.y - b.min_y) * scale};
    };
    a.draw_part(p, to_page, 0.8, ink);
    const auto [lx, ly] = to_page({b.min_x, b.min_y});
    a.label_at(p.label, lx, ly - 12);
    x += b.width_mm() + 20;
  }
}

// The panel's number and title, and its numbered steps, on the right.
void draw_steps(const PanelParts& panel, std::size_t n, AssemblyPage& a) {
  const text::TextStyle title = style(a.family, 700);
  const double right_x = a.page_w * 0.64;
  const double right_w = a.page_w - right_x - a.margin;
  a.page.items.emplace_back(
      layout::TextItem{a.typesetter.fit(fmt::format("{}. {}", n + 1, panel.title), title, {right_w, 60, 1, 0}, 10, 18),
                       right_x, a.margin});
  std::string steps;
  for (std::size_t i = 0; i < panel.steps.size(); ++i) {
    steps += fmt::format("{}{}. {}", i == 0 ? "" : "\n\n", i + 1, panel.steps[i]);
  }
  const text::TextStyle body = style(a.family, 400);
  a.page.items.emplace_back(layout::TextItem{
      a.typesetter.fit(steps, body, {right_w, a.page_h - 2 * a.margin - 70, 1, 0}, 7, 11), right_x, a.margin + 70});
}

}  // namespace

std::vector<layout::Page> assembly_pages(const std::vector<PanelParts>& panels, text::Typesetter& typesetter,
                                         const std::string& family) {
  std::vector<layout::Page> pages;
  for (std::size_t n = 0; n < panels.size(); ++n) {
    const auto& panel = panels[n];
    AssemblyPage a{typesetter, family};
    a.page.safe_area_pt = 0;
    if (panel.view) {
      draw_front_view(panel, a);
    } else {
      draw_flat_parts(panel, a);
    }
    draw_steps(panel, n, a);
    pages.push_back(std::move(a.page));
  }
  return pages;
}

}  // namespace impactkit::products::detail
