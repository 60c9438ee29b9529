#include <impactkit/print/cairo_text.hpp>

#include <cairo-ft.h>
#include <cairo.h>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace impactkit::print {
namespace {

struct FontFaceDeleter {
  void operator()(cairo_font_face_t* f) const { cairo_font_face_destroy(f); }
};
using FontFacePtr = std::unique_ptr<cairo_font_face_t, FontFaceDeleter>;

const cairo_user_data_key_t font_key{};

// A Cairo face for `font`. The face may outlive this call (a PDF surface
// holds it until it is finished), so it holds a reference to the Font, and
// with it the FreeType face, released by Cairo's destroy callback.
FontFacePtr cairo_face(const std::shared_ptr<const text::Font>& font) {
  // Pages are drawn on several threads; the check and the set of the user
  // data must not interleave.
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  FontFacePtr face(cairo_ft_font_face_create_for_ft_face(font->ft_face(), 0));
  if (!cairo_font_face_get_user_data(face.get(), &font_key)) {
    // Ownership passes to Cairo, which calls the destroy function.
    auto keep = std::make_unique<std::shared_ptr<const text::Font>>(font);
    if (cairo_font_face_set_user_data(face.get(), &font_key, keep.get(), [](void* p) {
          std::unique_ptr<std::shared_ptr<const text::Font>> owned(static_cast<std::shared_ptr<const text::Font>*>(p));
        }) == CAIRO_STATUS_SUCCESS) {
      keep.release();  // NOLINT(bugprone-unused-return-value): now Cairo's
    }
  }
  return face;
}

}  // namespace

void draw_text(cairo_t* cr, const text::TypesetText& layout, double x_pt, double y_pt) {
  std::map<const text::Font*, FontFacePtr> faces;
  std::vector<cairo_glyph_t> glyphs;
  std::vector<cairo_text_cluster_t> clusters;
  cairo_save(cr);
  for (const text::GlyphRun& run : layout.runs) {
    auto& face = faces[run.font.get()];
    if (!face) face = cairo_face(run.font);
    cairo_set_font_face(cr, face.get());
    cairo_set_font_size(cr, run.size_pt);
    cairo_set_source_rgb(cr, run.color.r, run.color.g, run.color.b);
    glyphs.clear();
    for (const auto& g : run.glyphs) glyphs.push_back({g.id, x_pt + g.x_pt, y_pt + g.y_pt});
    clusters.clear();
    for (const auto& c : run.clusters) clusters.push_back({c.bytes, c.glyphs});
    cairo_show_text_glyphs(cr, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                           static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                           static_cast<cairo_text_cluster_flags_t>(0));
  }
  cairo_restore(cr);
}

}  // namespace impactkit::print
