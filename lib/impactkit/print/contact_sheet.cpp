#include <impactkit/core/file_io.hpp>
#include <impactkit/print/cairo_handles.hpp>
#include <impactkit/print/contact_sheet.hpp>
#include <impactkit/print/image.hpp>
#include <impactkit/print/preview.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace impactkit::print {
namespace fs = std::filesystem;

namespace {

constexpr double margin = 40;
constexpr double gap = 24;            // between tiles
constexpr double title_size = 40;     // px
constexpr double heading_size = 26;   // px
constexpr double caption_size = 14;   // px
constexpr double caption_space = 26;  // below a tile

struct Placed {
  const ContactTile* tile;
  const Image* image;
  Rect box;  // where the tile's image goes, px
};

struct Heading {
  std::string text;
  double y;
};

// Tiles flow left to right in rows of the section's height, wrapping at the
// sheet's width. Returns the y below the last row.
double flow(const ContactSection& section, ImageCache& images, double y, double width, std::vector<Placed>& out) {
  double x = margin;
  const double h = section.row_height_px;
  for (const auto& tile : section.tiles) {
    const Image& image = images.get(tile.image);
    const double aspect = image.height() > 0 ? image.width() / image.height() : 1.0;
    const double w = std::min(h * aspect, width - 2 * margin);
    if (x > margin && x + w > width - margin) {
      x = margin;
      y += h + caption_space + gap;
    }
    out.push_back({&tile, &image, {x, y, w, h}});
    x += w + gap;
  }
  return section.tiles.empty() ? y : y + h + caption_space;
}

void text(cairo_t* cr, const std::string& s, double x, double y, double size, bool bold, double max_width) {
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  // A caption wider than its tile is cut short with an ellipsis, at a UTF-8 boundary.
  const auto advance = [&](const std::string& t) {
    cairo_text_extents_t ext;
    cairo_text_extents(cr, t.c_str(), &ext);
    return ext.x_advance;
  };
  std::string shown = s;
  if (advance(shown) > max_width) {
    while (!shown.empty() && advance(shown + "…") > max_width) {
      while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
      if (!shown.empty()) shown.pop_back();  // the character's first byte
    }
    shown += "…";
  }
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, shown.c_str());
}

}  // namespace

ContactSheetStats write_contact_sheet(const fs::path& file, const std::string& title,
                                      const std::vector<ContactSection>& sections, int width_px) {
  ImageCache images(ImageTarget::raster);
  const auto width = static_cast<double>(width_px);
  // Lay out first: the sheet is as high as its sections.
  std::vector<Placed> placed;
  std::vector<Heading> headings;
  double y = margin + title_size + gap;
  for (const auto& section : sections) {
    if (section.tiles.empty()) continue;
    y += gap;
    headings.push_back({section.title, y + heading_size});
    y = flow(section, images, y + heading_size + gap, width, placed);
  }
  const int height_px = static_cast<int>(std::ceil(y + margin));

  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px, height_px));
  ContextPtr owner(cairo_create(surface.get()));
  cairo_t* cr = owner.get();
  cairo_set_source_rgb(cr, 0.93, 0.93, 0.92);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  text(cr, title, margin, margin + title_size * 0.8, title_size, true, width - 2 * margin);
  for (const auto& h : headings) {
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    text(cr, h.text, margin, h.y, heading_size, true, width - 2 * margin);
  }
  for (const auto& p : placed) {
    // A soft shadow and white paper under each image, so that pages and
    // sheets read as objects on the table.
    cairo_set_source_rgba(cr, 0, 0, 0, 0.18);
    cairo_rectangle(cr, p.box.x + 3, p.box.y + 3, p.box.width, p.box.height);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, p.box.x, p.box.y, p.box.width, p.box.height);
    cairo_fill(cr);
    cairo_save(cr);
    cairo_rectangle(cr, p.box.x, p.box.y, p.box.width, p.box.height);
    cairo_clip(cr);
    p.image->draw_with_lines(cr, p.box, p.tile->min_line_px);
    cairo_restore(cr);
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    text(cr, p.tile->caption, p.box.x, p.box.y + p.box.height + caption_size + 4, caption_size, false,
         std::max(p.box.width, 60.0));
  }
  owner.reset();
  write_file_atomically(file, encode_png(surface.get()));
  return {width_px, height_px, placed.size()};
}

}  // namespace impactkit::print
