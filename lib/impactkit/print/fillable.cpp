// A fillable PDF (declared in print/pdf.hpp): the form fields that the
// pages' `write` and `tick` elements noted (layout::FormField), added as
// AcroForm widgets over the printed lines and boxes. Cairo writes no form
// fields, so they are added afterwards through qpdf's object API, as the
// PDF/X step adds its output intent.

#include <impactkit/print/detail/qpdf_document.hpp>
#include <impactkit/print/pdf.hpp>

#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>

#include <map>

namespace impactkit::print {
namespace fs = std::filesystem;
using detail::QpdfDocument;

namespace {

constexpr int multiline_flag = 1 << 12;  // PDF 32000-1 table 228: Ff bit 13
constexpr double text_size_pt = 11;      // what a visitor types, at 100 %

// A field's rectangle in the page's user space: y up, from the media box.
std::string rect_of(const layout::FormField& f, const PdfBox& trim) {
  const double left = trim.left + f.x_pt;
  const double top = trim.top - f.y_pt;
  return fmt::format("[{:.2f} {:.2f} {:.2f} {:.2f}]", left, top - f.height_pt, left + f.width_pt, top);
}

// What a ticked box shows: a check mark drawn as a stroke, so that it
// needs no font; an empty box shows nothing over the printed square.
qpdf_oh tick_appearance(const QpdfDocument& pdf, double side, bool ticked) {
  const std::string draw =
      ticked ? fmt::format("q 0.1 0.1 0.1 RG {:.2f} w 1 J 1 j {:.2f} {:.2f} m {:.2f} {:.2f} l {:.2f} {:.2f} l S Q",
                           side * 0.12, side * 0.2, side * 0.52, side * 0.42, side * 0.22, side * 0.82, side * 0.8)
             : std::string();
  const qpdf_oh stream = pdf.new_stream(draw);
  const auto& api = pdf.api();
  const qpdf_oh dict = api.qpdf_oh_get_dict(pdf.get(), stream);
  pdf.set(dict, "/Type", pdf.name("/XObject"));
  pdf.set(dict, "/Subtype", pdf.name("/Form"));
  pdf.set(dict, "/BBox", pdf.numbers_array({0, 0, side, side}));
  return stream;
}

class FieldWriter {
 public:
  explicit FieldWriter(const QpdfDocument& pdf) : pdf_(pdf), q_(pdf.get()), api_(pdf.api()) {
    fields_ = api_.qpdf_oh_new_array(q_);
  }

  void add(const layout::FormField& f, qpdf_oh page, const PdfBox& trim) {
    const qpdf_oh widget = api_.qpdf_oh_parse(
        q_, fmt::format("<< /Type /Annot /Subtype /Widget /F 4 /Rect {} >>", rect_of(f, trim)).c_str());
    pdf_.set(widget, "/P", page);
    pdf_.set(widget, "/TU", api_.qpdf_oh_new_unicode_string(q_, f.label.c_str()));
    if (f.kind == layout::FormField::Kind::text) {
      pdf_.set(widget, "/FT", pdf_.name("/Tx"));
      pdf_.set(widget, "/DA",
               api_.qpdf_oh_new_unicode_string(q_, fmt::format("/Helv {:g} Tf 0 g", text_size_pt).c_str()));
      if (f.lines > 1) pdf_.set(widget, "/Ff", api_.qpdf_oh_new_integer(q_, multiline_flag));
    } else {
      pdf_.set(widget, "/FT", pdf_.name("/Btn"));
      pdf_.set(widget, "/V", pdf_.name("/Off"));
      pdf_.set(widget, "/AS", pdf_.name("/Off"));
      const qpdf_oh states = api_.qpdf_oh_new_dictionary(q_);
      pdf_.set(states, "/Yes", tick_appearance(pdf_, f.width_pt, true));
      pdf_.set(states, "/Off", tick_appearance(pdf_, f.width_pt, false));
      const qpdf_oh appearance = api_.qpdf_oh_new_dictionary(q_);
      pdf_.set(appearance, "/N", states);
      pdf_.set(widget, "/AP", appearance);
    }
    const qpdf_oh field = api_.qpdf_make_indirect_object(q_, widget);
    // A dotted name is a group: "route.circulair" is the kid "circulair"
    // of the field "route", whose full name is then "route.circulair".
    const auto dot = f.name.find('.');
    if (dot == std::string::npos) {
      pdf_.set(field, "/T", api_.qpdf_oh_new_unicode_string(q_, f.name.c_str()));
      api_.qpdf_oh_append_item(q_, fields_, field);
    } else {
      pdf_.set(field, "/T", api_.qpdf_oh_new_unicode_string(q_, f.name.substr(dot + 1).c_str()));
      const qpdf_oh parent = group(f.name.substr(0, dot));
      pdf_.set(field, "/Parent", parent);
      api_.qpdf_oh_append_item(q_, pdf_.key(parent, "/Kids"), field);
    }
    annotations(page).push_back(field);
  }

  // The page's widgets in the order of the form, which is the tab order.
  void finish(qpdf_oh root) {
    for (auto& [page, widgets] : annots_) {
      const qpdf_oh array = api_.qpdf_oh_new_array(q_);
      for (const qpdf_oh w : widgets) api_.qpdf_oh_append_item(q_, array, w);
      pdf_.set(page.second, "/Annots", array);
      pdf_.set(page.second, "/Tabs", pdf_.name("/S"));
    }
    const qpdf_oh form = api_.qpdf_oh_parse(
        q_,
        "<< /NeedAppearances true /DA (/Helv 0 Tf 0 g) /DR << /Font << /Helv << /Type /Font /Subtype /Type1 "
        "/BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >> >>");
    pdf_.set(form, "/Fields", fields_);
    pdf_.set(root, "/AcroForm", api_.qpdf_make_indirect_object(q_, form));
  }

 private:
  qpdf_oh group(const std::string& name) {
    auto [at, added] = groups_.emplace(name, 0);
    if (added) {
      at->second = api_.qpdf_make_indirect_object(q_, api_.qpdf_oh_parse(q_, "<< /Kids [] >>"));
      pdf_.set(at->second, "/T", api_.qpdf_oh_new_unicode_string(q_, name.c_str()));
      api_.qpdf_oh_append_item(q_, fields_, at->second);
    }
    return at->second;
  }

  std::vector<qpdf_oh>& annotations(qpdf_oh page) { return annots_[{pdf_.id(page), page}]; }

  const QpdfDocument& pdf_;
  qpdf_data q_;
  const detail::QpdfApi& api_;
  qpdf_oh fields_;
  std::map<std::string, qpdf_oh> groups_;
  std::map<std::pair<int, qpdf_oh>, std::vector<qpdf_oh>> annots_;
};

}  // namespace

void make_fillable(const fs::path& in, const fs::path& out, const std::vector<layout::Page>& pages,
                   const PdfOptions& options) {
  QpdfDocument pdf(in);
  const auto& api = pdf.api();
  const qpdf_data q = pdf.get();
  FieldWriter writer(pdf);
  for (std::size_t i = 0; i < pages.size() && static_cast<int>(i) < api.qpdf_get_num_pages(q); ++i) {
    const qpdf_oh page = api.qpdf_get_page_n(q, i);
    const PageGeometry g = page_geometry(pages[i], options);
    // On a screen the page ends at its trim: the bleed is for the printer.
    pdf.set(page, "/CropBox", pdf.numbers_array({g.trim.left, g.trim.bottom, g.trim.right, g.trim.top}));
    for (const auto& f : pages[i].form_fields) writer.add(f, page, g.trim);
  }
  writer.finish(api.qpdf_get_root(q));
  pdf.check("adding the form fields");
  write_file_atomically(out, pdf.write("1.6"));
}

}  // namespace impactkit::print
