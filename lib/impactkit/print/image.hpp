#pragma once
// Images for print: PNG and JPEG photos and SVG logos, loaded once per file
// and drawn fitted into a box. For PDF, a JPEG goes into the file as it is
// (its own bytes, not decoded and re-encoded); an SVG stays vectors.

#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

// The C handles, declared so that this header needs no Cairo or librsvg
// headers; the definitions are the libraries' own.
typedef struct _cairo cairo_t;                  // NOLINT(modernize-use-using,bugprone-reserved-identifier)
typedef struct _cairo_surface cairo_surface_t;  // NOLINT(modernize-use-using,bugprone-reserved-identifier)
typedef struct _RsvgHandle RsvgHandle;          // NOLINT(modernize-use-using,bugprone-reserved-identifier)

namespace impactkit::print {

// What the print backend cannot do: an image that is missing or unreadable,
// a page it cannot draw, a file it cannot write. The message names the file.
struct PrintError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A rectangle in pt, y growing downwards.
struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

// The largest rectangle of the proportions content_width:content_height
// inside `box`, centred in it. A content size of 0 fills the box.
Rect fit_centered(double content_width, double content_height, const Rect& box);

enum class ImageKind { png, jpeg, svg };

// Where images are drawn: into a PDF, where a JPEG is passed through as its
// own bytes and its pixels are never needed, or onto pixels (previews).
enum class ImageTarget { pdf, raster };

// The photos' resolution below which print looks blurred.
inline constexpr double min_photo_ppi = 150;

class Image {
 public:
  // Loads `file`; throws PrintError naming the file when it is missing, not
  // an image of a known kind, or broken.
  Image(const std::filesystem::path& file, ImageTarget target);
  ~Image();
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;

  const std::filesystem::path& file() const { return file_; }
  ImageKind kind() const { return kind_; }
  bool is_photo() const { return kind_ != ImageKind::svg; }
  // The size in pixels; for an SVG its intrinsic size (CSS px, or its
  // viewBox), 0 when it has none.
  double width() const { return width_; }
  double height() const { return height_; }

  // Where the image lands in `box`: as large as fits, proportions kept,
  // centred.
  Rect placement(const Rect& box) const { return fit_centered(width_, height_, box); }
  // Draws the image at placement(box), in the context's user space (pt).
  void draw(cairo_t* cr, const Rect& box) const;
  // draw, with every line of an SVG at least `min_line_px` device pixels
  // wide (a laser sheet's hairlines in a small preview). It stays so for
  // later draws of this image.
  void draw_with_lines(cairo_t* cr, const Rect& box, double min_line_px) const;

 private:
  struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const;
  };
  struct SvgDeleter {
    void operator()(RsvgHandle* h) const;
  };

  void load_png(const std::string& bytes);
  void load_jpeg(std::string bytes, ImageTarget target);
  void load_svg(const std::string& bytes);
  void draw_raster(cairo_t* cr, const Rect& placed) const;
  void draw_svg(cairo_t* cr, const Rect& placed) const;

  std::filesystem::path file_;
  ImageKind kind_ = ImageKind::png;
  ImageTarget target_ = ImageTarget::raster;
  double width_ = 0;
  double height_ = 0;
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface_;  // PNG and JPEG
  std::unique_ptr<RsvgHandle, SvgDeleter> svg_;               // SVG
};

// The images of one write (a PDF, a set of previews): each file is loaded
// once, however many pages show it.
class ImageCache {
 public:
  explicit ImageCache(ImageTarget target) : target_(target) {}

  ImageTarget target() const { return target_; }
  // The image in `file`, loaded on first use; throws PrintError.
  const Image& get(const std::filesystem::path& file);

 private:
  ImageTarget target_;
  std::map<std::filesystem::path, std::unique_ptr<Image>> images_;
};

// The resolution at which `image` prints when it fills `printed` (pt), in
// pixels per inch.
double effective_ppi(const Image& image, const Rect& printed);

}  // namespace impactkit::print
