#include <impactkit/core/file_io.hpp>
#include <impactkit/print/preview.hpp>
#include <impactkit/print/render.hpp>

#include <cairo.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace impactkit::print {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

constexpr int max_pixels_per_side = 32767;  // Cairo's limit for image surfaces

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PixelSize preview_size(const layout::Page& page, double dpi) {
  check_page(page);
  if (!(dpi > 0)) throw PrintError(fmt::format("a preview at {} dpi cannot be made: dpi must be positive", dpi));
  const double scale = dpi / 72.0;
  const double width = std::max(1.0, std::round(page.trim_width_pt * scale));
  const double height = std::max(1.0, std::round(page.trim_height_pt * scale));
  if (width > max_pixels_per_side || height > max_pixels_per_side) {
    throw PrintError(fmt::format("a preview of {:.0f}×{:.0f} px at {} dpi is too large (at most {} px a side)", width,
                                 height, dpi, max_pixels_per_side));
  }
  return {static_cast<int>(width), static_cast<int>(height)};
}

std::string render_png(const layout::Page& page, double dpi, ImageCache& images, Diagnostics& warnings) {
  if (images.target() != ImageTarget::raster) {
    // A PDF cache leaves JPEG pixels undecoded: they would come out black.
    throw std::invalid_argument("render_png needs an ImageCache for ImageTarget::raster");
  }
  const PixelSize size = preview_size(page, dpi);
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, size.width, size.height));
  ContextPtr cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);  // paper
  cairo_paint(cr.get());
  // The surface is the trim box: what reaches into the bleed falls off it.
  cairo_scale(cr.get(), size.width / page.trim_width_pt, size.height / page.trim_height_pt);
  draw_page(cr.get(), page, images, warnings);
  cr.reset();
  std::string png;
  const cairo_status_t status = cairo_surface_write_to_png_stream(surface.get(), append_bytes, &png);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw PrintError(std::string("writing the PNG preview failed: ") + cairo_status_to_string(status));
  }
  return png;
}

void write_png(const std::filesystem::path& path, const layout::Page& page, double dpi, ImageCache& images,
               Diagnostics& warnings) {
  write_file_atomically(path, render_png(page, dpi, images, warnings));
}

void write_png(const std::filesystem::path& path, const layout::Page& page, double dpi, Diagnostics& warnings) {
  ImageCache images(ImageTarget::raster);
  write_png(path, page, dpi, images, warnings);
}

}  // namespace impactkit::print
