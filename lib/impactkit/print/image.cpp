#include <impactkit/core/file_io.hpp>
#include <impactkit/core/image_header.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/core/root_file.hpp>
#include <impactkit/core/svg_links.hpp>
#include <impactkit/print/detail/rsvg_api.hpp>
#include <impactkit/print/image.hpp>
#include <impactkit/print/svg_budget.hpp>

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <jpeglib.h>
#include <cstdio>  // before jpeglib.h, which uses FILE without including it

#include <algorithm>
#include <bit>
#include <cctype>
#include <csetjmp>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <system_error>
#include <vector>

namespace impactkit::print {
namespace fs = std::filesystem;

namespace {

std::string quoted(const fs::path& file) {
  return "'" + file.string() + "'";
}

[[noreturn]] void fail(const fs::path& file, const std::string& why) {
  throw PrintError("image " + quoted(file) + ": " + why);
}

// ---- Kinds, by the file's first bytes (a name can lie) -------------------

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

bool looks_like_svg(const fs::path& file, std::string_view bytes) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".svg" || ext == ".svgz") return true;
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);  // a UTF-8 byte order mark
  const auto first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && bytes[first] == '<' && bytes.find("<svg") != std::string_view::npos;
}

ImageKind kind_of(const fs::path& file, std::string_view bytes) {
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n")) return ImageKind::png;
  if (starts_with(bytes, "\xFF\xD8\xFF")) return ImageKind::jpeg;
  if (looks_like_svg(file, bytes)) return ImageKind::svg;
  fail(file, "not a PNG, JPEG or SVG image");
}

// Through the content root's door (core/root_file.hpp): only a regular
// file, opened without blocking (a FIFO would hang the build), at most
// limits::max_image_file_bytes. Which root the file is in was checked when
// the content was loaded; the door checks what the path is now.
std::string read_image(const fs::path& file) {
  std::error_code ec;
  auto read = read_root_file(file, {}, limits::max_image_file_bytes);
  if (read.error) {
    if (read.error->kind == RootFileError::Kind::missing) {
      fail(file, "no such file (looked in " + fs::absolute(file, ec).parent_path().string() + ")");
    }
    if (read.error->kind == RootFileError::Kind::not_regular)
      fail(file, read.error->reason + "; an image must be a file");
    fail(file, "cannot be read: " + describe(*read.error));
  }
  if (read.bytes.empty()) fail(file, "is empty");
  return std::move(read.bytes);
}

// An SVG that includes other files (XInclude) is refused: librsvg gets the
// SVG as bytes without a base file, so it loads nothing from outside the
// SVG, and an SVG that includes itself or a FIFO would otherwise overflow
// the stack or hang. The check is for the message; without a base file an
// include that slips past it loads nothing anyway.
void refuse_includes(const fs::path& file, std::string_view bytes) {
  if (bytes.find("http://www.w3.org/2001/XInclude") == std::string_view::npos &&
      bytes.find("xi:include") == std::string_view::npos) {
    return;
  }
  fail(file, "includes other files (XInclude); an SVG must be self-contained: paste the included part into it");
}

// ---- JPEG with libjpeg ----------------------------------------------------
// libjpeg reports errors by calling error_exit, which must not return; it
// jumps back to the setjmp in the functions below. Those functions hold no
// C++ objects with destructors, so the jump skips nothing.

struct JpegErrors {
  jpeg_error_mgr manager{};
  std::jmp_buf jump{};
  char message[JMSG_LENGTH_MAX] = {};
};

void on_jpeg_error(j_common_ptr info) {
  auto* errors = reinterpret_cast<JpegErrors*>(info->err);  // manager is the first member
  (*info->err->format_message)(info, errors->message);
  std::longjmp(errors->jump, 1);  // NOLINT(cert-err52-cpp): libjpeg's way of reporting errors
}

void ignore_jpeg_message(j_common_ptr /*info*/) {}

// libjpeg only warns of a file cut short or of corrupt data, fills the rest
// with grey and goes on: a truncated logo was printed two-thirds grey with
// exit 0. Every warning (level -1) is an error here; trace messages
// (levels 0 and up) stay silent.
void on_jpeg_message(j_common_ptr info, int level) {
  if (level < 0) on_jpeg_error(info);
}

// A decompressor reading from memory. Owns libjpeg's state.
class JpegReader {
 public:
  JpegReader(const unsigned char* data, std::size_t size) {
    info_.err = jpeg_std_error(&errors_.manager);
    errors_.manager.error_exit = on_jpeg_error;
    errors_.manager.output_message = ignore_jpeg_message;  // libjpeg's messages are not ours to print
    errors_.manager.emit_message = on_jpeg_message;
    if (setjmp(errors_.jump)) return;  // NOLINT(cert-err52-cpp)
    jpeg_create_decompress(&info_);
    created_ = true;
    jpeg_mem_src(&info_, data, static_cast<unsigned long>(size));
  }
  ~JpegReader() {
    if (created_) jpeg_destroy_decompress(&info_);
  }
  JpegReader(const JpegReader&) = delete;
  JpegReader& operator=(const JpegReader&) = delete;

  jpeg_decompress_struct& info() { return info_; }
  const char* message() const { return errors_.message; }

  bool read_header() {
    if (!created_) return false;
    if (setjmp(errors_.jump)) return false;  // NOLINT(cert-err52-cpp)
    jpeg_read_header(&info_, TRUE);
    return true;
  }

  // Decodes into Cairo RGB24 `pixels`, `stride` bytes a line. For CMYK,
  // `scratch` takes each line before it is turned into RGB.
  bool decode(unsigned char* pixels, int stride, bool cmyk, unsigned char* scratch) {
    if (setjmp(errors_.jump)) return false;  // NOLINT(cert-err52-cpp)
    jpeg_start_decompress(&info_);
    while (info_.output_scanline < info_.output_height) {
      unsigned char* row = pixels + static_cast<std::ptrdiff_t>(info_.output_scanline) * stride;
      JSAMPROW target = cmyk ? scratch : row;
      jpeg_read_scanlines(&info_, &target, 1);
      if (cmyk) cmyk_to_rgb(scratch, row, info_.output_width, info_.saw_Adobe_marker);
    }
    jpeg_finish_decompress(&info_);
    return true;
  }

 private:
  // libjpeg cannot turn CMYK into RGB; this naive conversion is for
  // previews only (a PDF gets the JPEG itself). Photoshop writes CMYK
  // JPEGs inverted, with an Adobe marker.
  static void cmyk_to_rgb(const unsigned char* in, unsigned char* out, unsigned width, bool inverted) {
    for (unsigned x = 0; x < width; ++x, in += 4, out += 4) {
      const auto ink = [&](int i) { return inverted ? in[i] : 255 - in[i]; };
      const int k = ink(3);
      const auto channel = [&](int i) { return static_cast<unsigned char>(ink(i) * k / 255); };
      const std::uint32_t pixel = 0xFF000000U | (std::uint32_t{channel(0)} << 16) | (std::uint32_t{channel(1)} << 8) |
                                  std::uint32_t{channel(2)};
      std::memcpy(out, &pixel, 4);  // Cairo's RGB24: a native-endian 32-bit xRGB word
    }
  }

  jpeg_decompress_struct info_{};
  JpegErrors errors_;
  bool created_ = false;
};

// Cairo's RGB24 pixels as bytes in memory, which libjpeg-turbo writes
// directly.
constexpr J_COLOR_SPACE cairo_rgb24_layout() {
  if constexpr (std::endian::native == std::endian::little) return JCS_EXT_BGRX;
  return JCS_EXT_XRGB;
}

struct SurfaceReader {
  const std::string* bytes;
  std::size_t offset = 0;
};

cairo_status_t read_png_bytes(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<SurfaceReader*>(closure);
  if (reader->bytes->size() - reader->offset < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, reader->bytes->data() + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

struct GErrorDeleter {
  void operator()(GError* e) const { detail::rsvg_api().error_free(e); }
};
using GErrorPtr = std::unique_ptr<GError, GErrorDeleter>;

}  // namespace

Rect fit_centered(double content_width, double content_height, const Rect& box) {
  if (content_width <= 0 || content_height <= 0) return box;
  const double scale = std::min(box.width / content_width, box.height / content_height);
  const double width = content_width * scale;
  const double height = content_height * scale;
  return {box.x + (box.width - width) / 2, box.y + (box.height - height) / 2, width, height};
}

void Image::SurfaceDeleter::operator()(cairo_surface_t* s) const {
  cairo_surface_destroy(s);
}
void Image::SvgDeleter::operator()(RsvgHandle* h) const {
  detail::rsvg_api().object_unref(h);
}

Image::Image(const fs::path& file, ImageTarget target) : file_(file), target_(target) {
  std::string bytes = read_image(file);
  kind_ = kind_of(file, bytes);
  switch (kind_) {
    case ImageKind::png:
      load_png(bytes);
      break;
    case ImageKind::jpeg:
      load_jpeg(std::move(bytes), target);
      break;
    case ImageKind::svg:
      // Untrusted SVGs within their budgets only (svg_budget.hpp).
      {
        if (const auto problem = check_svg_budget(bytes)) fail(file, problem->what + "; " + problem->fix);
        // The images it links, read through the door and put into it
        // (core/svg_links.hpp): librsvg, given no base file, loads none.
        const auto linked = resolve_svg_links(file, std::move(bytes), {}, svg_budget_check());
        if (linked.problem) fail(file, linked.problem->what + "; " + linked.problem->fix);
        if (const auto problem = check_svg_render_time(linked.bytes)) fail(file, problem->what + "; " + problem->fix);
        load_svg(linked.bytes);
        break;
      }
  }
}

Image::~Image() = default;

namespace {

// Refuses an image whose header claims more pixels than limits.hpp allows,
// before its pixels are allocated: a small file can claim a huge image.
void check_pixel_size(const fs::path& file, std::uint64_t width, std::uint64_t height) {
  if (width <= limits::max_image_side_px && height <= limits::max_image_side_px &&
      width * height <= limits::max_image_pixels)
    return;
  fail(file, "too large: " + std::to_string(width) + " x " + std::to_string(height) + " pixels, more than " +
                 std::to_string(limits::max_image_side_px) + " on a side or " +
                 std::to_string(limits::max_image_pixels / 1'000'000) + " megapixels");
}

}  // namespace

void Image::load_png(const std::string& bytes) {
  if (const auto size = image_pixel_size(std::string_view(bytes))) check_pixel_size(file_, size->width, size->height);
  SurfaceReader reader{&bytes};
  surface_.reset(cairo_image_surface_create_from_png_stream(read_png_bytes, &reader));
  const cairo_status_t status = cairo_surface_status(surface_.get());
  if (status != CAIRO_STATUS_SUCCESS) fail(file_, std::string("broken PNG: ") + cairo_status_to_string(status));
  width_ = cairo_image_surface_get_width(surface_.get());
  height_ = cairo_image_surface_get_height(surface_.get());
}

void Image::load_jpeg(std::string bytes, ImageTarget target) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  JpegReader reader(data, bytes.size());
  if (!reader.read_header()) fail(file_, std::string("broken JPEG: ") + reader.message());
  auto& info = reader.info();
  check_pixel_size(file_, info.image_width, info.image_height);
  width_ = info.image_width;
  height_ = info.image_height;
  surface_.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(info.image_width),
                                            static_cast<int>(info.image_height)));
  if (cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS) {
    fail(file_,
         "too large to draw (" + std::to_string(info.image_width) + "×" + std::to_string(info.image_height) + " px)");
  }
  if (target == ImageTarget::raster) {
    const bool cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
    info.out_color_space = cmyk ? JCS_CMYK : cairo_rgb24_layout();
    std::vector<unsigned char> scratch(cmyk ? std::size_t{info.image_width} * 4 : 0);
    cairo_surface_flush(surface_.get());
    if (!reader.decode(cairo_image_surface_get_data(surface_.get()), cairo_image_surface_get_stride(surface_.get()),
                       cmyk, scratch.data())) {
      fail(file_, std::string("broken JPEG: ") + reader.message());
    }
    cairo_surface_mark_dirty(surface_.get());
    return;
  }
  // For PDF the pixels are not kept (Cairo only needs the size): the PDF
  // gets the JPEG's own bytes, so the photo is printed exactly as supplied.
  // They are decoded once all the same, a line at a time into one buffer
  // (stride 0), because only decoding finds a file cut short or corrupt.
  const bool cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
  info.out_color_space = cmyk ? JCS_CMYK : cairo_rgb24_layout();
  std::vector<unsigned char> line(std::size_t{info.image_width} * 4);
  std::vector<unsigned char> scratch(cmyk ? std::size_t{info.image_width} * 4 : 0);
  if (!reader.decode(line.data(), 0, cmyk, scratch.data()))
    fail(file_, std::string("broken JPEG: ") + reader.message());
  auto owned = std::make_unique<std::string>(std::move(bytes));
  const auto* jpeg = reinterpret_cast<const unsigned char*>(owned->data());
  const auto size = owned->size();
  const cairo_status_t status = cairo_surface_set_mime_data(
      surface_.get(), CAIRO_MIME_TYPE_JPEG, jpeg, size,
      [](void* p) { std::unique_ptr<std::string> released(static_cast<std::string*>(p)); }, owned.get());
  if (status != CAIRO_STATUS_SUCCESS) fail(file_, cairo_status_to_string(status));
  owned.release();  // NOLINT(bugprone-unused-return-value): now Cairo's, freed by the callback above
}

void Image::load_svg(const std::string& bytes) {
  refuse_includes(file_, bytes);
  GError* raw_error = nullptr;
  const detail::RsvgApi& rsvg = detail::rsvg_api();
  // From bytes, with no base file: librsvg then resolves no reference to
  // another file (href, XInclude, CSS @import), so an SVG cannot pull in a
  // file around the door. The images it links were put into it as data:
  // URLs through the door (core/svg_links.hpp).
  svg_.reset(rsvg.new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &raw_error));
  GErrorPtr error(raw_error);
  if (!svg_) fail(file_, std::string("broken SVG: ") + (error ? error->message : "unknown error"));
  if (rsvg.intrinsic_size_in_pixels(svg_.get(), &width_, &height_)) return;
  // No absolute width and height: its viewBox gives the proportions.
  gboolean has_viewbox = FALSE;
  RsvgRectangle viewbox{};
  rsvg.intrinsic_dimensions(svg_.get(), nullptr, nullptr, nullptr, nullptr, &has_viewbox, &viewbox);
  if (has_viewbox) {
    width_ = viewbox.width;
    height_ = viewbox.height;
  }
}

void Image::draw(cairo_t* cr, const Rect& box) const {
  const Rect placed = placement(box);
  if (placed.width <= 0 || placed.height <= 0) return;
  if (svg_) {
    draw_svg(cr, placed);
  } else {
    draw_raster(cr, placed);
  }
}

void Image::draw_raster(cairo_t* cr, const Rect& placed) const {
  cairo_save(cr);
  cairo_translate(cr, placed.x, placed.y);
  cairo_scale(cr, placed.width / width_, placed.height / height_);
  cairo_set_source_surface(cr, surface_.get(), 0, 0);
  if (target_ == ImageTarget::raster) {
    // Padding keeps the image's edges crisp when scaled; it is not wanted
    // in a PDF, which paints the image as one XObject anyway.
    cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    cairo_rectangle(cr, 0, 0, width_, height_);
    cairo_fill(cr);
  } else {
    cairo_paint(cr);
  }
  cairo_restore(cr);
}

void Image::draw_svg(cairo_t* cr, const Rect& placed) const {
  const RsvgRectangle viewport{placed.x, placed.y, placed.width, placed.height};
  GError* raw_error = nullptr;
  const gboolean ok = detail::rsvg_api().render_document(svg_.get(), cr, &viewport, &raw_error);
  GErrorPtr error(raw_error);
  if (!ok) fail(file_, std::string("cannot draw SVG: ") + (error ? error->message : "unknown error"));
}

void Image::draw_with_lines(cairo_t* cr, const Rect& box, double min_line_px) const {
  const Rect placed = placement(box);
  if (!svg_ || placed.width <= 0 || min_line_px <= 0) {
    draw(cr, box);
    return;
  }
  gboolean has_width = FALSE;
  gboolean has_height = FALSE;
  gboolean has_viewbox = FALSE;
  RsvgLength width{};
  RsvgLength height{};
  RsvgRectangle viewbox{};
  detail::rsvg_api().intrinsic_dimensions(svg_.get(), &has_width, &width, &has_height, &height, &has_viewbox, &viewbox);
  const double units_per_px = has_viewbox == TRUE ? viewbox.width / placed.width : width_ / placed.width;
  // A CSS rule outweighs the file's stroke-width presentation attributes.
  const std::string css = "* { stroke-width: " + std::to_string(min_line_px * units_per_px) + "; }";
  detail::rsvg_api().set_stylesheet(svg_.get(), reinterpret_cast<const guint8*>(css.data()), css.size(), nullptr);
  draw_svg(cr, placed);
}

const Image& ImageCache::get(const fs::path& file) {
  auto& image = images_[file.lexically_normal()];
  if (!image) image = std::make_unique<Image>(file, target_);
  return *image;
}

double effective_ppi(const Image& image, const Rect& printed) {
  if (printed.width <= 0) return 0;
  return image.width() / (printed.width / 72.0);
}

}  // namespace impactkit::print
