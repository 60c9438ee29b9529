#pragma once
// PNG previews: a page as it will look once trimmed (the trim box only, on
// white), drawn by the same code as the PDF.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/layout/page.hpp>
#include <impactkit/print/image.hpp>

#include <filesystem>
#include <string>

namespace impactkit::print {

struct PixelSize {
  int width = 0;
  int height = 0;
};

// The pixels of an RGB24 image surface as PNG bytes, written fast (one row
// filter, light compression). Throws PrintError.
std::string encode_png(cairo_surface_t* surface);

// The preview's size in pixels: the trim size at `dpi`, rounded. Throws
// PrintError for a dpi that is not positive or a preview too large to draw.
PixelSize preview_size(const layout::Page& page, double dpi);

// The preview's PNG bytes. `images` should be an ImageCache for
// ImageTarget::raster, shared by the previews of one run so that each image
// is decoded once. Throws PrintError.
std::string render_png(const layout::Page& page, double dpi, ImageCache& images, Diagnostics& warnings);

// render_png, written atomically to `path`.
void write_png(const std::filesystem::path& path, const layout::Page& page, double dpi, ImageCache& images,
               Diagnostics& warnings);
void write_png(const std::filesystem::path& path, const layout::Page& page, double dpi, Diagnostics& warnings);

}  // namespace impactkit::print
