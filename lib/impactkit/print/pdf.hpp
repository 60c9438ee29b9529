#pragma once
// Print-ready PDF from pages of the display list: every page with its trim
// box, its bleed box and, on request, crop marks outside the bleed; fonts
// embedded as subsets; JPEG photos passed through; metadata and language
// set. The same pages always give the same bytes (no clock, no random IDs),
// so a rebuild that changes nothing changes no file.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/layout/page.hpp>
#include <impactkit/print/image.hpp>
#include <impactkit/print/impose.hpp>
#include <impactkit/print/press_colour.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::print {

struct PdfOptions {
  bool crop_marks = false;
  // The document's creation date, in seconds since 1970. When not set, the
  // environment's SOURCE_DATE_EPOCH, else 2000-01-01: never the clock, so
  // that output is reproducible.
  std::optional<std::int64_t> source_date_epoch;
  double crop_mark_length_mm = 6;
  double crop_mark_width_pt = 0.25;
};

// A page box in PDF user space: pt, from the media box's bottom-left
// corner, y growing upwards.
struct PdfBox {
  double left = 0;
  double bottom = 0;
  double right = 0;
  double top = 0;
};

// Where a page's boxes lie on its sheet. The media box is the bleed box,
// or with crop marks larger by the marks' offset and length on every side.
struct PageGeometry {
  double margin_pt = 0;  // from the media box's edge to the trim box's, on every side
  double media_width_pt = 0;
  double media_height_pt = 0;
  PdfBox media;
  PdfBox bleed;
  PdfBox trim;
  double crop_mark_offset_pt = 0;  // from the trim edge to where a mark starts: at least the bleed, and 3 mm
  double crop_mark_length_pt = 0;
};

PageGeometry page_geometry(const layout::Page& page, const PdfOptions& options);

// The PDF's bytes. Throws PrintError (a page that cannot be drawn, an image
// that is missing or broken); photos printed at too low a resolution are
// warnings.
std::string render_pdf(const std::vector<layout::Page>& pages, const layout::DocumentInfo& info,
                       const PdfOptions& options, Diagnostics& warnings);

// render_pdf, written atomically to `path`: a reader never sees half a file,
// and a failed write leaves the old file.
void write_pdf(const std::filesystem::path& path, const std::vector<layout::Page>& pages,
               const layout::DocumentInfo& info, const PdfOptions& options, Diagnostics& warnings);

// ---- Sheets: faces placed on printer sheets (imposition) ---------------------

// One face (a page of the display list, such as a card's front) on a sheet.
struct Placement {
  std::size_t face = 0;  // index into the faces
  double x_pt = 0;       // where the face's trim box's top-left corner goes on the sheet
  double y_pt = 0;
  // The part of the sheet the face may print on (its bleed box, or less where
  // it shares a cut line with a neighbour), in sheet coordinates.
  double clip_x_pt = 0, clip_y_pt = 0, clip_width_pt = 0, clip_height_pt = 0;
};

// A printer sheet: sheet coordinates in pt from its top-left, y down.
struct Sheet {
  double width_pt = 0;
  double height_pt = 0;
  std::vector<Placement> placements;
  std::vector<layout::LineItem> lines;  // crop marks, drawn over the faces
  // Page boxes as rectangles in sheet coordinates; when not set, the whole sheet.
  std::optional<layout::RectItem> trim;
  std::optional<layout::RectItem> bleed;
};

// Writes `out`: `sheets` made from the pages of the PDF `in` (a
// placement's face is a page of `in`, from 0), as render_sheets would draw
// them, with `info`'s subject; each page is one form XObject, so that it
// is not drawn again. Throws PrintError when a PDF cannot be read or
// written, or a placement names a page `in` does not have.
void impose_pages(const std::filesystem::path& in, const std::filesystem::path& out, const std::vector<Sheet>& sheets,
                  const layout::DocumentInfo& info);

// A face placed in an imposition's slot: its trim at the slot's, printing
// on the slot's printed part.
Placement placement_in(std::size_t face, const Slot& slot);
// An imposition's crop marks as lines `width_pt` wide, in black.
std::vector<layout::LineItem> mark_lines(const std::vector<CropMark>& marks, double width_pt);

// The PDF of `sheets`. Each face is drawn once, as a PDF form, however many
// placements show it: a deck's identical backs are one object in the file.
// Throws PrintError as render_pdf.
std::string render_sheets(const std::vector<layout::Page>& faces, const std::vector<Sheet>& sheets,
                          const layout::DocumentInfo& info, const PdfOptions& options, Diagnostics& warnings);
void write_sheets(const std::filesystem::path& path, const std::vector<layout::Page>& faces,
                  const std::vector<Sheet>& sheets, const layout::DocumentInfo& info, const PdfOptions& options,
                  Diagnostics& warnings);

// What a PDF/X file is made for: the printing condition, and the date it
// says it was made.
struct PdfxOptions {
  PressCondition condition;
  std::optional<std::int64_t> source_date_epoch;  // as in PdfOptions
};

// Loads libqpdf, which finishes every PDF, now, as the first PDF would (a
// few milliseconds of dynamic linking): a build does it on a thread of its
// own. A missing libqpdf is left to the first PDF to report.
void load_pdf_finisher();

// Makes `out` (written atomically), the PDF/X-4 version of the PDF `in`,
// for a print shop: its colours in the CMYK of `options.condition`
// (PressColours: theme colours with a print value as given, the rest
// through the profile, total ink limited; grey and CMYK as they were),
// transparency kept (PDF/X-4 allows it), the profile embedded in the
// output intent, and the PDF/X keys in the document information and its
// XMP metadata. Throws PrintError when the profile cannot be read or the
// PDF holds colour it cannot convert (naming it).
void make_pdfx(const std::filesystem::path& in, const std::filesystem::path& out, const PdfxOptions& options = {});

// Writes `out`: the PDF `in`, drawn from `pages` with `options`, made
// fillable: a form field over each of the pages' form fields
// (layout::FormField), its label as the field's accessible name, and the
// pages cropped to their trim for the screen. Nothing is sent anywhere:
// the filled-in file is saved and mailed by its user. Throws PrintError
// when a PDF cannot be read or written.
void make_fillable(const std::filesystem::path& in, const std::filesystem::path& out,
                   const std::vector<layout::Page>& pages, const PdfOptions& options = {});

}  // namespace impactkit::print
