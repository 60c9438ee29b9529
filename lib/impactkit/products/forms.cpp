// The question form: its two sides laid out with the products' compose
// kit for every language and size, then written as a print shop's PDF,
// office sheets, a fillable PDF and previews.

#include <impactkit/products/forms.hpp>

#include <impactkit/core/staging.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/preview.hpp>
#include <impactkit/products/compose_kit.hpp>
#include <impactkit/products/print_shop.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace impactkit::products {
namespace fs = std::filesystem;
using layout::mm_to_pt;

namespace {

// Cut marks on the office sheet: the forms cover it edge to edge, so a
// mark is a short line on each cut between two forms, in the 5 mm an
// office printer leaves blank plus a little, where the forms' own margin is.
constexpr double mark_from_edge_mm = 5;
constexpr double mark_length_mm = 4;
constexpr double mark_width_pt = 0.5;

struct Form {
  std::string lang;
  std::string size;
  layout::Page front;
  layout::Page back;
};

std::vector<print::CropMark> cut_marks(const std::vector<print::Slot>& slots, double sheet_w, double sheet_h) {
  std::vector<double> xs;
  std::vector<double> ys;
  const auto add = [](std::vector<double>& v, double at) {
    if (std::none_of(v.begin(), v.end(), [&](double x) { return std::abs(x - at) < 1e-6; })) v.push_back(at);
  };
  for (const auto& s : slots) {
    // Only cuts inside the sheet: a form's edge at the sheet's edge is not cut.
    for (const double x : {s.trim.x, s.trim.x + s.trim.width}) {
      if (x > 1 && x < sheet_w - 1) add(xs, x);
    }
    for (const double y : {s.trim.y, s.trim.y + s.trim.height}) {
      if (y > 1 && y < sheet_h - 1) add(ys, y);
    }
  }
  std::vector<print::CropMark> marks;
  const double a = mark_from_edge_mm;
  const double b = mark_from_edge_mm + mark_length_mm;
  for (const double x : xs) {
    marks.push_back({x, a, x, b});
    marks.push_back({x, sheet_h - a, x, sheet_h - b});
  }
  for (const double y : ys) {
    marks.push_back({a, y, b, y});
    marks.push_back({sheet_w - a, y, sheet_w - b, y});
  }
  return marks;
}

print::Sheet office_sheet(std::size_t face, const std::vector<print::Slot>& slots, const print::Imposition& imp,
                          const std::vector<print::CropMark>& marks) {
  print::Sheet sheet{
      mm_to_pt(imp.sheet_width_mm), mm_to_pt(imp.sheet_height_mm), {}, print::mark_lines(marks, mark_width_pt), {}, {}};
  for (const auto& s : slots) sheet.placements.push_back(print::placement_in(face, s));
  return sheet;
}

// Both sides of `form`.
void compose_form(Form& form, ComposeKit& kit, const FormOptions& options) {
  const content::Roadshow& roadshow = kit.roadshow;
  const layout::Labels& labels = kit.labels_in(form.lang);
  const layout::Fields fields = layout::roadshow_fields(roadshow, form.lang, labels);
  layout::ComposeOptions compose;
  compose.language = form.lang;
  const auto paper = content::form_paper(form.size);
  compose.size = {paper.name, paper.width_mm, paper.height_mm};
  compose.allow_overflow = options.allow_overflow;
  compose.bleed_mm = roadshow.forms.bleed_mm;
  compose.product = "form";
  form.front = kit.composer.compose(*kit.find("form-front"), fields, labels, compose);
  form.back = kit.composer.compose(*kit.find("form-back"), fields, labels, compose);
}

// Every language's forms at every size. Laid out on one thread: on the
// cores, with a typesetter per thread, they took no less time.
std::vector<Form> compose_forms(ComposeKit& kit, const FormOptions& options) {
  const content::Roadshow& roadshow = kit.roadshow;
  std::vector<Form> forms;
  for (const auto& lang : options.languages.empty() ? roadshow.languages.available : options.languages) {
    for (const auto& size : roadshow.forms.sizes) {
      forms.push_back({lang, size, {}, {}});
      compose_form(forms.back(), kit, options);
    }
  }
  return forms;
}

void write_form(const Form& form, FormFile& file, const content::Roadshow& roadshow, const FormOptions& options,
                const Context& context, std::vector<Task>& tasks) {
  const std::vector<layout::Page> sides = {form.front, form.back};
  const layout::DocumentInfo info{roadshow.title.get(form.lang), roadshow.organisation,
                                  fmt::format("question form, {}", form.size), form.lang};
  // The print shop's PDF is drawn once: the fillable PDF is it with form
  // fields over it, and the office sheets place its pages.
  tasks.emplace_back([&, sides, info](Diagnostics& warnings) {
    print::PdfOptions pdf;
    pdf.crop_marks = options.crop_marks;
    const fs::path printed = staged(context.staging, file.print_pdf);
    print::write_pdf(printed, sides, info, pdf, warnings);
    if (!file.fillable_pdf.empty())
      print::make_fillable(printed, staged(context.staging, file.fillable_pdf), sides, pdf);
    const auto imp = form_imposition(roadshow.forms, form.size);
    if (imp) {  // every sheet holds an A5: always
      const std::vector<print::Sheet> sheets = {
          office_sheet(0, imp->fronts, *imp, cut_marks(imp->fronts, imp->sheet_width_mm, imp->sheet_height_mm)),
          office_sheet(1, imp->backs, *imp, cut_marks(imp->backs, imp->sheet_width_mm, imp->sheet_height_mm))};
      layout::DocumentInfo office = info;
      office.subject =
          fmt::format("question form, {} {}-up on {}, duplex", form.size, imp->per_sheet(), roadshow.forms.sheet);
      print::impose_pages(printed, staged(context.staging, file.office_pdf), sheets, office);
      make_or_remove_pdfx(options.pdfx, file.office_pdf, roadshow, context.staging);
    }
    make_or_remove_pdfx(options.pdfx, file.print_pdf, roadshow, context.staging);
  });
  for (std::size_t side = 0; side < file.previews.size(); ++side) {
    tasks.emplace_back([&, side](Diagnostics& warnings) {
      print::write_png(staged(context.staging, file.previews[side]), side == 0 ? form.front : form.back,
                       options.preview_dpi, warnings);
    });
  }
}

}  // namespace

std::optional<print::Imposition> form_imposition(const content::FormSettings& forms, const std::string& size) {
  const auto sheet = print::sheet_size_mm(forms.sheet);
  const auto paper = content::form_paper(size);
  print::ImpositionSettings s;
  s.sheet_width_mm = sheet->first;
  s.sheet_height_mm = sheet->second;
  s.card_width_mm = paper.width_mm;
  s.card_height_mm = paper.height_mm;
  // Edge to edge, without bleed: an A4 holds two A5 exactly. The office
  // printer's blank edge falls in the forms' margin, and the one cut
  // between two forms needs no bleed, as nothing crosses it.
  s.bleed_mm = 0;
  s.crop_marks = false;
  s.edge_clearance_mm = 0;
  s.gutter_mm = 0;
  return print::impose(s);
}

FormReport build_forms(const content::Roadshow& roadshow, const FormOptions& options, Diagnostics& diagnostics,
                       const Context& context) {
  FormReport report;
  ComposeKit kit(roadshow, diagnostics, context.text_cache);
  if (diagnostics.has_errors()) return report;
  std::vector<Form> forms = compose_forms(kit, options);
  // Nothing is written when any page has an error: a build is whole or not at all.
  if (diagnostics.has_errors()) return report;
  report.files.resize(forms.size());
  std::vector<Task> tasks;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const Form& form = forms[i];
    FormFile& file = report.files[i];
    const fs::path dir = options.output_dir / "forms" / form.lang;
    const auto imp = form_imposition(roadshow.forms, form.size);
    file.language = form.lang;
    file.size = form.size;
    file.sheet = roadshow.forms.sheet;
    file.per_sheet = imp ? imp->per_sheet() : 0;
    file.print_pdf = dir / fmt::format("form-{}.pdf", form.size);
    file.office_pdf = dir / fmt::format("form-{}-office-{}.pdf", form.size, roadshow.forms.sheet);
    // One fillable file per language, at the first size: typed, a form has
    // no size. Previews at the first size too: the others are the same
    // layout, smaller (the template scales), and each PNG cost 4 ms.
    const bool first_size = form.size == roadshow.forms.sizes.front();
    if (first_size) file.fillable_pdf = dir / fmt::format("form-{}-fillable.pdf", form.size);
    file.fields = form.front.form_fields.size() + form.back.form_fields.size();
    if (options.preview_dpi > 0 && first_size) {
      file.previews = {dir / "previews" / fmt::format("form-{}-front.png", form.size),
                       dir / "previews" / fmt::format("form-{}-back.png", form.size)};
    }
    write_form(form, file, roadshow, options, context, tasks);
  }
  context.workers.run(tasks, diagnostics);
  return report;
}

}  // namespace impactkit::products
