#include <impactkit/core/file_io.hpp>
#include <impactkit/print/preview.hpp>
#include <impactkit/print/render.hpp>

#include <cairo.h>
#include <libdeflate.h>
#include <impactkit/print/cairo_handles.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace impactkit::print {
namespace {

constexpr int max_pixels_per_side = 32767;  // Cairo's limit for image surfaces

}  // namespace

// Previews are most of a poster build's time, and most of that is
// compressing them. libpng compresses only through zlib; libdeflate (a
// Debian library for whole-buffer DEFLATE) makes the same stream at level 1
// in about half the time of zlib at level 2, and a little smaller on these
// pictures (flat colours and text, rows unfiltered). No library writes a PNG
// around libdeflate's output, so it is written here: the signature, an
// IHDR, one IDAT and an IEND chunk, each with its CRC (PNG 1.2, section 5),
// which is all a preview needs (see bench/README.md).
namespace {

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void put_chunk(std::string& png, const char* type, std::string_view data) {
  put_u32(png, static_cast<std::uint32_t>(data.size()));
  const std::size_t from = png.size();
  png.append(type, 4);
  png.append(data);
  put_u32(png, libdeflate_crc32(0, png.data() + from, png.size() - from));
}

}  // namespace

std::string encode_png(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const std::size_t row_bytes = 1 + static_cast<std::size_t>(width) * 3;
  std::string raw(row_bytes * static_cast<std::size_t>(height), '\0');
  for (int y = 0; y < height; ++y) {
    const auto* pixel = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    char* row = raw.data() + static_cast<std::size_t>(y) * row_bytes;
    row[0] = 0;  // no filter: these pictures are flat colours and text
    for (int x = 0; x < width; ++x) {
      row[1 + 3 * x] = static_cast<char>(pixel[x] >> 16);
      row[1 + 3 * x + 1] = static_cast<char>(pixel[x] >> 8);
      row[1 + 3 * x + 2] = static_cast<char>(pixel[x]);
    }
  }
  const std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(libdeflate_alloc_compressor(1));
  if (!compressor) throw PrintError("writing the PNG preview failed: out of memory");
  std::string idat(libdeflate_zlib_compress_bound(compressor.get(), raw.size()), '\0');
  idat.resize(libdeflate_zlib_compress(compressor.get(), raw.data(), raw.size(), idat.data(), idat.size()));
  if (idat.empty()) throw PrintError("writing the PNG preview failed: libdeflate could not compress it");

  std::string header;
  put_u32(header, static_cast<std::uint32_t>(width));
  put_u32(header, static_cast<std::uint32_t>(height));
  header += std::string{8, 2, 0, 0, 0};  // 8 bits, RGB, deflate, filter method 0, no interlace
  std::string png("\x89PNG\r\n\x1a\n", 8);
  put_chunk(png, "IHDR", header);
  put_chunk(png, "IDAT", idat);
  put_chunk(png, "IEND", {});
  return png;
}

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
  return encode_png(surface.get());
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
