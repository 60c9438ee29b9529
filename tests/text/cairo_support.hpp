#pragma once
// Test helpers: Cairo surfaces owned by unique_ptr, and a one-page PDF or
// PNG of text layouts.

#include <impactkit/print/cairo_handles.hpp>
#include <impactkit/print/cairo_text.hpp>
#include <impactkit/text/typeset_text.hpp>

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

namespace impactkit::test {

using Surface = print::SurfacePtr;
using Context = print::ContextPtr;

// A layout and where its box's top-left goes on the page, in pt.
struct Placed {
  const text::TypesetText* layout;
  double x_pt;
  double y_pt;
};

inline void draw_page(cairo_t* cr, const std::vector<Placed>& items) {
  for (const auto& item : items) print::draw_text(cr, *item.layout, item.x_pt, item.y_pt);
}

inline void write_pdf(const std::filesystem::path& file, double width_pt, double height_pt,
                      const std::vector<Placed>& items) {
  Surface surface(cairo_pdf_surface_create(file.c_str(), width_pt, height_pt));
  Context cr(cairo_create(surface.get()));
  draw_page(cr.get(), items);
  cr.reset();
  cairo_surface_finish(surface.get());
}

// A white page at `dpi`, drawn and written as PNG.
inline Surface render_png(const std::filesystem::path& file, double width_pt, double height_pt, double dpi,
                          const std::vector<Placed>& items) {
  const double scale = dpi / 72.0;
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(width_pt * scale)),
                                             static_cast<int>(std::lround(height_pt * scale))));
  Context cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  draw_page(cr.get(), items);
  cr.reset();
  cairo_surface_flush(surface.get());
  cairo_surface_write_to_png(surface.get(), file.c_str());
  return surface;
}

// How far two PNG files of the same size are apart: the mean absolute
// difference per channel (0-255), and the share of pixels that differ by more
// than a quarter of the range. For tolerant comparisons with reference images.
inline std::pair<double, double> image_difference(cairo_surface_t* a, cairo_surface_t* b) {
  const int w = cairo_image_surface_get_width(a);
  const int h = cairo_image_surface_get_height(a);
  const unsigned char* pa = cairo_image_surface_get_data(a);
  const unsigned char* pb = cairo_image_surface_get_data(b);
  const int sa = cairo_image_surface_get_stride(a);
  const int sb = cairo_image_surface_get_stride(b);
  double sum = 0;
  long far = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      int worst = 0;
      for (int c = 0; c < 3; ++c) {
        const int d = std::abs(pa[y * sa + x * 4 + c] - pb[y * sb + x * 4 + c]);
        sum += d;
        worst = std::max(worst, d);
      }
      far += worst > 64 ? 1 : 0;
    }
  }
  return {sum / (3.0 * w * h), static_cast<double>(far) / (static_cast<double>(w) * h)};
}

}  // namespace impactkit::test
