#pragma once
// Test helpers: Cairo surfaces owned by unique_ptr, and a one-page PDF or
// PNG of text layouts.

#include <impactkit/print/cairo_text.hpp>
#include <impactkit/text/layout.hpp>

#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

namespace impactkit::test {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

// A layout and where its box's top-left goes on the page, in pt.
struct Placed {
  const text::TextLayout* layout;
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

}  // namespace impactkit::test
