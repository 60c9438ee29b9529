#include <impactkit/print/cairo_text.hpp>
#include <impactkit/print/render.hpp>

#include <cairo.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>

namespace impactkit::print {
namespace {

using layout::pt_to_mm;
using text::Rgb;

void set_color(cairo_t* cr, const Rgb& color) {
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
}

// Fills and strokes the current path (the stroke centred on it, as in any
// drawing program), then clears it.
void paint_path(cairo_t* cr, const std::optional<Rgb>& fill, const std::optional<Rgb>& stroke, double stroke_pt) {
  if (fill) {
    set_color(cr, *fill);
    cairo_fill_preserve(cr);
  }
  if (stroke && stroke_pt > 0) {
    set_color(cr, *stroke);
    cairo_set_line_width(cr, stroke_pt);
    cairo_stroke_preserve(cr);
  }
  cairo_new_path(cr);
}

// A rectangle with quarter-circle corners; a radius larger than half the
// shorter side is cut to it (which gives a pill or a circle).
void rounded_rectangle(cairo_t* cr, Rect r, double radius) {
  if (r.width < 0) r = {r.x + r.width, r.y, -r.width, r.height};
  if (r.height < 0) r = {r.x, r.y + r.height, r.width, -r.height};
  radius = std::min(radius, std::min(r.width, r.height) / 2);
  if (radius <= 0) {
    cairo_rectangle(cr, r.x, r.y, r.width, r.height);
    return;
  }
  constexpr double quarter = std::numbers::pi / 2;
  cairo_new_sub_path(cr);
  cairo_arc(cr, r.x + r.width - radius, r.y + radius, radius, -quarter, 0);
  cairo_arc(cr, r.x + r.width - radius, r.y + r.height - radius, radius, 0, quarter);
  cairo_arc(cr, r.x + radius, r.y + r.height - radius, radius, quarter, 2 * quarter);
  cairo_arc(cr, r.x + radius, r.y + radius, radius, 2 * quarter, 3 * quarter);
  cairo_close_path(cr);
}

void draw(cairo_t* cr, const layout::RectItem& rect) {
  rounded_rectangle(cr, {rect.x_pt, rect.y_pt, rect.width_pt, rect.height_pt}, rect.corner_radius_pt);
  paint_path(cr, rect.fill, rect.stroke, rect.stroke_pt);
}

void draw(cairo_t* cr, const layout::LineItem& line) {
  if (line.width_pt <= 0) return;
  cairo_move_to(cr, line.x1_pt, line.y1_pt);
  cairo_line_to(cr, line.x2_pt, line.y2_pt);
  set_color(cr, line.color);
  cairo_set_line_width(cr, line.width_pt);
  cairo_stroke(cr);
}

void draw(cairo_t* cr, const layout::CircleItem& circle) {
  if (circle.radius_pt <= 0) return;
  cairo_new_sub_path(cr);
  cairo_arc(cr, circle.cx_pt, circle.cy_pt, circle.radius_pt, 0, 2 * std::numbers::pi);
  cairo_close_path(cr);
  paint_path(cr, circle.fill, circle.stroke, circle.stroke_pt);
}

void draw(cairo_t* cr, const layout::PathItem& path) {
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  for (const auto& contour : path.contours) {
    if (contour.size() < 3) continue;
    cairo_move_to(cr, contour.front().x_pt, contour.front().y_pt);
    for (std::size_t i = 1; i < contour.size(); ++i) cairo_line_to(cr, contour[i].x_pt, contour[i].y_pt);
    cairo_close_path(cr);
  }
  paint_path(cr, path.fill, path.stroke, path.stroke_pt);
}

void draw(cairo_t* cr, const layout::TextItem& text) {
  if (text.angle_deg == 0) {
    draw_text(cr, text.text, text.x_pt, text.y_pt);
    return;
  }
  cairo_save(cr);
  cairo_translate(cr, text.x_pt, text.y_pt);
  cairo_rotate(cr, text.angle_deg * std::numbers::pi / 180);
  draw_text(cr, text.text, 0, 0);
  cairo_restore(cr);
}

bool already_reported(const Diagnostics& warnings, const std::string& file, const std::string& message) {
  return std::any_of(warnings.all().begin(), warnings.all().end(),
                     [&](const Diagnostic& d) { return d.pos.file == file && d.message == message; });
}

// A photo with too few pixels for its printed size prints blurred: say so,
// with the numbers needed to fix it.
void check_resolution(const Image& image, const Rect& printed, Diagnostics& warnings) {
  const double ppi = effective_ppi(image, printed);
  if (!image.is_photo() || ppi <= 0 || ppi >= min_photo_ppi) return;
  const std::string file = image.file().string();
  std::string message = fmt::format(
      "photo of {:.0f}×{:.0f} px printed at {:.1f}×{:.1f} mm is {:.0f} ppi, below the {:.0f} ppi print needs",
      image.width(), image.height(), pt_to_mm(printed.width), pt_to_mm(printed.height), ppi, min_photo_ppi);
  if (already_reported(warnings, file, message)) return;
  const double needed = min_photo_ppi / ppi;
  warnings.warning({file, 0, 0}, std::move(message),
                   fmt::format("at least {:.0f}×{:.0f} px at this size", std::ceil(image.width() * needed),
                               std::ceil(image.height() * needed)),
                   fmt::format("use a larger photo, or print this one at most {:.1f}×{:.1f} mm",
                               pt_to_mm(printed.width) / needed, pt_to_mm(printed.height) / needed));
}

void draw(cairo_t* cr, const layout::ImageItem& item, ImageCache& images, Diagnostics& warnings) {
  const Image& image = images.get(item.file);
  const Rect box{item.x_pt, item.y_pt, item.width_pt, item.height_pt};
  check_resolution(image, image.placement(box), warnings);
  image.draw(cr, box);
}

}  // namespace

void check_page(const layout::Page& page) {
  if (!(page.trim_width_pt > 0 && page.trim_height_pt > 0)) {
    throw PrintError(fmt::format("a page of {}×{} pt cannot be printed: its trim size must be positive",
                                 page.trim_width_pt, page.trim_height_pt));
  }
  if (!(page.bleed_pt >= 0)) {
    throw PrintError(
        fmt::format("a page with a bleed of {} pt cannot be printed: bleed cannot be negative", page.bleed_pt));
  }
}

void draw_page(cairo_t* cr, const layout::Page& page, ImageCache& images, Diagnostics& warnings) {
  cairo_save(cr);
  // Items may reach beyond the bleed; what lies outside it is cut off here
  // so that it never runs into crop marks.
  const double bleed = page.bleed_pt;
  cairo_rectangle(cr, -bleed, -bleed, page.trim_width_pt + 2 * bleed, page.trim_height_pt + 2 * bleed);
  cairo_clip(cr);
  for (const layout::Item& item : page.items) {
    std::visit(
        [&](const auto& it) {
          if constexpr (std::is_same_v<std::decay_t<decltype(it)>, layout::ImageItem>) {
            draw(cr, it, images, warnings);
          } else {
            draw(cr, it);
          }
        },
        item);
  }
  cairo_restore(cr);
  const cairo_status_t status = cairo_status(cr);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw PrintError(std::string("drawing failed: ") + cairo_status_to_string(status));
  }
}

}  // namespace impactkit::print
