// Sheets made from a PDF's pages (declared in print/pdf.hpp): each page
// becomes a form XObject, placed and clipped on the sheets as
// render_sheets places a face, so that pages already drawn (a form's
// print shop PDF) are not drawn and their fonts not subset again for the
// office sheets. qpdf's C API has no page-to-form helper (its C++ one is
// QPDFPageObjectHelper::getFormXObjectForPage): the few keys a form needs
// are set here.

#include <impactkit/print/detail/qpdf_document.hpp>
#include <impactkit/print/pdf.hpp>

#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>

namespace impactkit::print {
namespace fs = std::filesystem;
using detail::QpdfDocument;

namespace {

// Page `page` as a form XObject, with its resources and transparency
// group, whose origin is the top left of its trim box (`trim`): where a
// sheet places a face.
qpdf_oh page_as_form(const QpdfDocument& pdf, qpdf_oh page, const PdfBox& trim) {
  const qpdf_oh form = pdf.new_stream(pdf.page_content(page));
  const qpdf_oh dict = pdf.api().qpdf_oh_get_dict(pdf.get(), form);
  pdf.set(dict, "/Type", pdf.name("/XObject"));
  pdf.set(dict, "/Subtype", pdf.name("/Form"));
  pdf.set(dict, "/BBox", pdf.key(page, "/MediaBox"));
  pdf.set(dict, "/Matrix", pdf.numbers_array({1, 0, 0, 1, -trim.left, -trim.top}));
  for (const char* key : {"/Resources", "/Group"}) {
    if (pdf.has(page, key)) pdf.set(dict, key, pdf.key(page, key));
  }
  return form;
}

// What a sheet draws: each placement's face clipped to its printed part,
// its trim's top left where the placement says; then the sheet's lines.
std::string sheet_content(const Sheet& sheet) {
  const double h = sheet.height_pt;
  std::string out;
  for (const Placement& p : sheet.placements) {
    out +=
        fmt::format("q {:.3f} {:.3f} {:.3f} {:.3f} re W n 1 0 0 1 {:.3f} {:.3f} cm /F{} Do Q\n", p.clip_x_pt,
                    h - p.clip_y_pt - p.clip_height_pt, p.clip_width_pt, p.clip_height_pt, p.x_pt, h - p.y_pt, p.face);
  }
  for (const layout::LineItem& l : sheet.lines) {
    out += fmt::format("q {:.3f} {:.3f} {:.3f} RG {:.3f} w 0 J {:.3f} {:.3f} m {:.3f} {:.3f} l S Q\n", l.color.r,
                       l.color.g, l.color.b, l.width_pt, l.x1_pt, h - l.y1_pt, l.x2_pt, h - l.y2_pt);
  }
  return out;
}

}  // namespace

void impose_pages(const fs::path& in, const fs::path& out, const std::vector<Sheet>& sheets,
                  const layout::DocumentInfo& info) {
  QpdfDocument pdf(in);
  const auto& api = pdf.api();
  const qpdf_data q = pdf.get();
  const int pages = api.qpdf_get_num_pages(q);
  std::vector<qpdf_oh> old_pages;
  const qpdf_oh faces = api.qpdf_oh_new_dictionary(q);  // the sheets' /XObject: /F0, /F1, …
  for (int i = 0; i < pages; ++i) {
    const qpdf_oh page = api.qpdf_get_page_n(q, static_cast<std::size_t>(i));
    old_pages.push_back(page);
    const auto box = pdf.numbers(pdf.key(page, pdf.has(page, "/TrimBox") ? "/TrimBox" : "/MediaBox"));
    const PdfBox trim = box.size() == 4 ? PdfBox{box[0], box[1], box[2], box[3]} : PdfBox{};
    pdf.set(faces, fmt::format("/F{}", i).c_str(), api.qpdf_make_indirect_object(q, page_as_form(pdf, page, trim)));
  }
  pdf.check("turning the pages into forms");
  for (const Sheet& sheet : sheets) {
    for (const Placement& p : sheet.placements) {
      if (p.face >= old_pages.size()) throw PrintError(fmt::format("no page {} to place on a sheet", p.face + 1));
    }
    // A parse cannot hold references to the document's objects: the faces are set after.
    const qpdf_oh page = api.qpdf_oh_parse(
        q,
        fmt::format("<< /Type /Page /MediaBox [0 0 {:.4f} {:.4f}] /Resources << >> >>", sheet.width_pt, sheet.height_pt)
            .c_str());
    pdf.set(pdf.key(page, "/Resources"), "/XObject", faces);
    pdf.set(page, "/Contents", pdf.new_stream(sheet_content(sheet)));
    api.qpdf_add_page(q, q, api.qpdf_make_indirect_object(q, page), QPDF_FALSE);
  }
  for (const qpdf_oh page : old_pages) api.qpdf_remove_page(q, page);
  const qpdf_oh document = api.qpdf_oh_get_key(q, api.qpdf_get_trailer(q), "/Info");
  if (pdf.is_dict(document) && !info.subject.empty()) {
    pdf.set(document, "/Subject", api.qpdf_oh_new_unicode_string(q, info.subject.c_str()));
  }
  pdf.check("placing the pages on sheets");
  write_file_atomically(out, pdf.write("1.5"));
}

}  // namespace impactkit::print
