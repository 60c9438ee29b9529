#include <impactkit/core/file_io.hpp>
#include <impactkit/print/cairo_handles.hpp>
#include <impactkit/print/detail/document_date.hpp>
#include <impactkit/print/detail/pdf_finish.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/render.hpp>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace impactkit::print {
namespace fs = std::filesystem;
using detail::document_epoch;
using detail::finish_pdf;

namespace {

constexpr double min_crop_mark_offset_mm = 3;

// ---- Page geometry and crop marks --------------------------------------------

// A rectangle given from the media box's top-left (y down), as a PDF box.
PdfBox pdf_box(double media_height, double x, double y, double width, double height) {
  return {x, media_height - (y + height), x + width, media_height - y};
}

void draw_crop_marks(cairo_t* cr, const layout::Page& page, const PageGeometry& geometry, const PdfOptions& options) {
  const double left = geometry.margin_pt;
  const double top = geometry.margin_pt;
  const double right = left + page.trim_width_pt;
  const double bottom = top + page.trim_height_pt;
  const double start = geometry.crop_mark_offset_pt;
  const double end = start + geometry.crop_mark_length_pt;
  struct Corner {
    double x, y;
    double outwards_x, outwards_y;  // -1 or 1
  };
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);  // registration black, as far as RGB goes
  cairo_set_line_width(cr, options.crop_mark_width_pt);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  for (const Corner& c : {Corner{left, top, -1, -1}, Corner{right, top, 1, -1}, Corner{left, bottom, -1, 1},
                          Corner{right, bottom, 1, 1}}) {
    // Two marks per corner, in line with its trim edges, away from the bleed.
    cairo_move_to(cr, c.x + c.outwards_x * start, c.y);
    cairo_line_to(cr, c.x + c.outwards_x * end, c.y);
    cairo_move_to(cr, c.x, c.y + c.outwards_y * start);
    cairo_line_to(cr, c.x, c.y + c.outwards_y * end);
  }
  cairo_stroke(cr);
  cairo_restore(cr);
}

// ---- Cairo: drawing the pages ------------------------------------------------

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Flushes Cairo's PDF into its stream; a PrintError when Cairo failed.
void finish_surface(cairo_surface_t* surface) {
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw PrintError(std::string("writing PDF failed: ") + cairo_status_to_string(status));
  }
}

// The pages as Cairo writes them, with only a media box each.
std::string draw_pdf(const std::vector<layout::Page>& pages, const std::vector<PageGeometry>& geometries,
                     const PdfOptions& options, Diagnostics& warnings) {
  std::string bytes;  // outlives the surface, which writes into it until destroyed
  ImageCache images(ImageTarget::pdf);
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, geometries.front().media_width_pt,
                                                         geometries.front().media_height_pt));
  ContextPtr cr(cairo_create(surface.get()));
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const PageGeometry& geometry = geometries[i];
    cairo_pdf_surface_set_size(surface.get(), geometry.media_width_pt, geometry.media_height_pt);
    if (options.crop_marks) draw_crop_marks(cr.get(), pages[i], geometry, options);
    cairo_save(cr.get());
    cairo_translate(cr.get(), geometry.margin_pt, geometry.margin_pt);
    draw_page(cr.get(), pages[i], images, warnings);
    cairo_restore(cr.get());
    cairo_show_page(cr.get());
  }
  cr.reset();
  finish_surface(surface.get());
  return bytes;
}

}  // namespace

PageGeometry page_geometry(const layout::Page& page, const PdfOptions& options) {
  PageGeometry g;
  const double bleed = page.bleed_pt;
  if (options.crop_marks) {
    g.crop_mark_offset_pt = std::max(bleed, layout::mm_to_pt(min_crop_mark_offset_mm));
    g.crop_mark_length_pt = layout::mm_to_pt(options.crop_mark_length_mm);
    g.margin_pt = g.crop_mark_offset_pt + g.crop_mark_length_pt;
  } else {
    g.margin_pt = bleed;
  }
  g.media_width_pt = page.trim_width_pt + 2 * g.margin_pt;
  g.media_height_pt = page.trim_height_pt + 2 * g.margin_pt;
  const double h = g.media_height_pt;
  g.trim = pdf_box(h, g.margin_pt, g.margin_pt, page.trim_width_pt, page.trim_height_pt);
  g.bleed = pdf_box(h, g.margin_pt - bleed, g.margin_pt - bleed, page.trim_width_pt + 2 * bleed,
                    page.trim_height_pt + 2 * bleed);
  // Without marks the media box is the bleed box, to the last digit.
  g.media = options.crop_marks ? pdf_box(h, 0, 0, g.media_width_pt, h) : g.bleed;
  return g;
}

std::string render_pdf(const std::vector<layout::Page>& pages, const layout::DocumentInfo& info,
                       const PdfOptions& options, Diagnostics& warnings) {
  if (pages.empty()) throw PrintError("nothing to print: the document has no pages");
  std::vector<PageGeometry> geometries;
  geometries.reserve(pages.size());
  for (const auto& page : pages) {
    check_page(page);
    geometries.push_back(page_geometry(page, options));
  }
  const std::int64_t epoch = document_epoch(options.source_date_epoch, &warnings);
  return finish_pdf(draw_pdf(pages, geometries, options, warnings), geometries, info, epoch);
}

void write_pdf(const fs::path& path, const std::vector<layout::Page>& pages, const layout::DocumentInfo& info,
               const PdfOptions& options, Diagnostics& warnings) {
  write_file_atomically(path, render_pdf(pages, info, options, warnings));
}

namespace {

// Each face drawn once into a recording surface: Cairo's PDF backend writes
// a recording surface painted several times as one form XObject.
std::vector<SurfacePtr> record_faces(const std::vector<layout::Page>& faces, ImageCache& images,
                                     Diagnostics& warnings) {
  std::vector<SurfacePtr> recorded;
  recorded.reserve(faces.size());
  for (const auto& face : faces) {
    check_page(face);
    const cairo_rectangle_t extents{-face.bleed_pt, -face.bleed_pt, face.trim_width_pt + 2 * face.bleed_pt,
                                    face.trim_height_pt + 2 * face.bleed_pt};
    SurfacePtr surface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    ContextPtr cr(cairo_create(surface.get()));
    draw_page(cr.get(), face, images, warnings);
    recorded.push_back(std::move(surface));
  }
  return recorded;
}

void draw_sheet(cairo_t* cr, const Sheet& sheet, const std::vector<SurfacePtr>& faces) {
  for (const auto& p : sheet.placements) {
    if (p.face >= faces.size()) throw PrintError(fmt::format("sheet places face {} of {}", p.face, faces.size()));
    cairo_save(cr);
    cairo_rectangle(cr, p.clip_x_pt, p.clip_y_pt, p.clip_width_pt, p.clip_height_pt);
    cairo_clip(cr);
    cairo_set_source_surface(cr, faces[p.face].get(), p.x_pt, p.y_pt);
    cairo_paint(cr);
    cairo_restore(cr);
  }
  cairo_save(cr);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  for (const auto& line : sheet.lines) {
    cairo_set_source_rgb(cr, line.color.r, line.color.g, line.color.b);
    cairo_set_line_width(cr, line.width_pt);
    cairo_move_to(cr, line.x1_pt, line.y1_pt);
    cairo_line_to(cr, line.x2_pt, line.y2_pt);
    cairo_stroke(cr);
  }
  cairo_restore(cr);
}

PageGeometry sheet_geometry(const Sheet& sheet) {
  PageGeometry g;
  g.media_width_pt = sheet.width_pt;
  g.media_height_pt = sheet.height_pt;
  const double h = sheet.height_pt;
  g.media = pdf_box(h, 0, 0, sheet.width_pt, h);
  const auto box = [&](const std::optional<layout::RectItem>& r) {
    return r ? pdf_box(h, r->x_pt, r->y_pt, r->width_pt, r->height_pt) : g.media;
  };
  g.trim = box(sheet.trim);
  g.bleed = box(sheet.bleed);
  return g;
}

}  // namespace

Placement placement_in(std::size_t face, const Slot& slot) {
  using layout::mm_to_pt;
  return {face,
          mm_to_pt(slot.trim.x),
          mm_to_pt(slot.trim.y),
          mm_to_pt(slot.printed.x),
          mm_to_pt(slot.printed.y),
          mm_to_pt(slot.printed.width),
          mm_to_pt(slot.printed.height)};
}

std::vector<layout::LineItem> mark_lines(const std::vector<CropMark>& marks, double width_pt) {
  using layout::mm_to_pt;
  std::vector<layout::LineItem> lines;
  lines.reserve(marks.size());
  for (const auto& m : marks) {
    lines.push_back({mm_to_pt(m.x1), mm_to_pt(m.y1), mm_to_pt(m.x2), mm_to_pt(m.y2), {0, 0, 0}, width_pt});
  }
  return lines;
}

std::string render_sheets(const std::vector<layout::Page>& faces, const std::vector<Sheet>& sheets,
                          const layout::DocumentInfo& info, const PdfOptions& options, Diagnostics& warnings) {
  if (sheets.empty()) throw PrintError("nothing to print: the document has no sheets");
  std::vector<PageGeometry> geometries;
  geometries.reserve(sheets.size());
  for (const auto& sheet : sheets) {
    if (!(sheet.width_pt > 0 && sheet.height_pt > 0)) throw PrintError("a sheet has no size");
    geometries.push_back(sheet_geometry(sheet));
  }
  std::string bytes;  // outlives the surface, which writes into it until destroyed
  {
    ImageCache images(ImageTarget::pdf);
    const auto recorded = record_faces(faces, images, warnings);
    SurfacePtr surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &bytes, sheets.front().width_pt, sheets.front().height_pt));
    ContextPtr cr(cairo_create(surface.get()));
    for (const auto& sheet : sheets) {
      cairo_pdf_surface_set_size(surface.get(), sheet.width_pt, sheet.height_pt);
      draw_sheet(cr.get(), sheet, recorded);
      cairo_show_page(cr.get());
    }
    cr.reset();
    finish_surface(surface.get());
  }
  const std::int64_t epoch = document_epoch(options.source_date_epoch, &warnings);
  return finish_pdf(bytes, geometries, info, epoch);
}

void write_sheets(const fs::path& path, const std::vector<layout::Page>& faces, const std::vector<Sheet>& sheets,
                  const layout::DocumentInfo& info, const PdfOptions& options, Diagnostics& warnings) {
  write_file_atomically(path, render_sheets(faces, sheets, info, options, warnings));
}

}  // namespace impactkit::print
