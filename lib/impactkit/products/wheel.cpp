// The confrontation wheel as a product: its laser parts (wheel_parts.cpp)
// and printed artwork (wheel_artwork.cpp) made and written, the laser job
// through the step the exhibit shares (laser_job.hpp).

#include <impactkit/products/wheel.hpp>

#include <impactkit/products/detail/assembly_sheet.hpp>
#include <impactkit/products/detail/assembly_words.hpp>
#include <impactkit/products/detail/wheel_artwork.hpp>
#include <impactkit/products/detail/wheel_parts.hpp>
#include <impactkit/products/laser_job.hpp>
#include <impactkit/products/sheet_ledger.hpp>

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/preview.hpp>
#include <impactkit/products/print_shop.hpp>

#include <fmt/format.h>

#include <utility>

namespace impactkit::products {
namespace fs = std::filesystem;

namespace {

// The laser files, the face, the volvelle and their previews into
// `folder`: independent, so spread over the cores (the two PDFs of
// outlined text are most of the time). Returns the files in that order.
struct WheelPages {
  layout::Page face;
  std::vector<layout::Page> volvelle;
  std::string assembly_title;
  std::vector<layout::Page> assembly;
};

std::vector<fs::path> write_wheel_files(const content::Roadshow& roadshow, const std::string& lang,
                                        const LaserJob& laser, const WheelPages& pages, const WheelOptions& options,
                                        const fs::path& folder, const Context& context, Diagnostics& diagnostics) {
  const std::string title = roadshow.title.get(lang);
  const auto& face = pages.face;
  const auto& volvelle = pages.volvelle;
  const fs::path face_pdf = folder / "face.pdf";
  const fs::path assembly_pdf = folder / "assembly.pdf";
  const fs::path volvelle_pdf = folder / fmt::format("volvelle-{}.pdf", roadshow.wheel.volvelle_sheet);
  std::vector<fs::path> laser_files;
  std::vector<Task> tasks;
  tasks.emplace_back([&](Diagnostics& warnings) {
    print::PdfOptions crop;
    crop.crop_marks = true;
    print::write_pdf(staged(context.staging, face_pdf), {face},
                     {title + ": wheel face", roadshow.organisation, "confrontation wheel, printed face", lang}, crop,
                     warnings);
    make_or_remove_pdfx(options.pdfx, face_pdf, roadshow, context.staging);
  });
  tasks.emplace_back([&](Diagnostics& warnings) {
    print::write_pdf(staged(context.staging, assembly_pdf), pages.assembly,
                     {pages.assembly_title, roadshow.organisation, "confrontation wheel, assembly", lang}, {},
                     warnings);
  });
  tasks.emplace_back([&](Diagnostics& warnings) {
    print::write_pdf(staged(context.staging, volvelle_pdf), volvelle,
                     {title + ": volvelle", roadshow.organisation, "confrontation wheel, paper volvelle", lang}, {},
                     warnings);
    make_or_remove_pdfx(options.pdfx, volvelle_pdf, roadshow, context.staging);
  });
  tasks.emplace_back([&](Diagnostics&) {
    const auto ledger = sheet_ledger(context.record, options.output_dir);
    laser_files = laser.write(folder, options.with_dxf, ledger.get(), context.staging);
  });
  const std::vector<std::pair<std::string, const layout::Page*>> previews = {
      {"face.png", &face}, {"volvelle-base.png", &volvelle[0]}, {"volvelle-top.png", &volvelle[1]}};
  if (options.preview_dpi > 0) {
    for (const auto& [name, page] : previews) {
      tasks.emplace_back([&, name = name, page = page](Diagnostics& warnings) {
        print::write_png(staged(context.staging, folder / name), *page, options.preview_dpi, warnings);
      });
    }
  }
  context.workers.run(tasks, diagnostics);
  std::vector<fs::path> files = laser_files;
  files.push_back(face_pdf);
  files.push_back(volvelle_pdf);
  if (options.pdfx) {
    files.push_back(pdfx_path(face_pdf));
    files.push_back(pdfx_path(volvelle_pdf));
  }
  files.push_back(assembly_pdf);
  if (options.preview_dpi > 0) {
    for (const auto& [name, page] : previews) files.push_back(folder / name);
  }
  return files;
}

constexpr const char* wheel_templates[] = {"wheel-label", "wheel-volvelle-sector", "wheel-volvelle-top"};

// Whether any element draws from, or depends on, the list of cases.
bool reads_cases(const std::vector<content::Element>& elements) {
  const auto of_cases = [](const std::string& field) { return field.starts_with("roadshow.cases"); };
  return std::any_of(elements.begin(), elements.end(), [&](const content::Element& e) {
    return of_cases(e.over) || of_cases(e.field) || of_cases(e.when) || of_cases(e.unless) || reads_cases(e.children);
  });
}

}  // namespace

std::string wheel_case_inputs(const content::Roadshow& roadshow) {
  std::string out;
  for (const auto& sector : roadshow.wheel.sectors) {
    out += fmt::format("{} {} {}\n", sector.case_id, sector.theme, sector.color);
  }
  const bool lists_cases = std::any_of(std::begin(wheel_templates), std::end(wheel_templates), [&](const char* name) {
    const auto* t = roadshow.find_template(name);
    return t && reads_cases(t->elements);
  });
  if (lists_cases) {
    for (const auto& c : roadshow.cases) out += read_file(roadshow.root / c.file).value_or("") + '\n';
  }
  return out;
}

WheelReport build_wheel(const content::Roadshow& roadshow, const WheelOptions& options, Diagnostics& diagnostics,
                        const Context& context) {
  WheelReport report;
  const auto& wheel = roadshow.wheel;
  if (wheel.sectors.empty()) {
    report.notes.emplace_back("wheel: roadshow.yaml has no `wheel: sectors:`, so no wheel is made");
    return report;
  }
  if (!detail::check_wheel(roadshow, diagnostics)) return report;
  const auto& e = roadshow.exhibit;
  detail::WheelKit kit(roadshow, options.allow_overflow, diagnostics, context.text_cache);
  // A font the theme names that is not installed: reported by the kit, and
  // nothing can be set without it.
  if (diagnostics.has_errors()) return report;
  const detail::WheelBuild w = detail::make_wheel_parts(roadshow, kit);
  if (diagnostics.has_errors()) return report;

  // Nesting needs only the parts, the pages only the text engine: side by
  // side. (The pages report into the kit's diagnostics, which no other task
  // touches; the workers add the nesting's when both are done.)
  LaserJob laser("wheel", w.parts, detail::wheel_material(roadshow), e);
  bool planned = false;
  WheelPages pages;
  std::vector<Task> tasks;
  tasks.emplace_back([&](Diagnostics& nesting) {
    const auto memo = nest_memo(context.record, laser.job().name);
    planned = laser.plan_cuts(nesting, memo.get());
  });
  tasks.emplace_back([&](Diagnostics&) {
    pages.face = detail::face_page(roadshow, w);
    pages.volvelle = detail::volvelle_pages(roadshow, kit);
    pages.assembly_title =
        detail::locale_text(kit.kit.labels, "assembly.title", {{"roadshow", roadshow.title.get(kit.lang)}});
    pages.assembly =
        detail::assembly_pages(detail::wheel_assemblies(w, kit.kit.labels), pages.assembly_title, kit.kit.typesetter,
                               {roadshow.theme.family(content::FontRole::body), kit.lang}, kit.kit.labels);
  });
  context.workers.run(tasks, diagnostics);
  if (!planned || diagnostics.has_errors()) return report;
  if (!laser.check_shop(diagnostics, wheel.pos, "set the material's `laser` to one of them")) return report;
  report.folder = options.output_dir / "wheel";
  report.volvelle_sheet = wheel.volvelle_sheet;
  report.files = write_wheel_files(roadshow, kit.lang, laser, pages, options, report.folder, context, diagnostics);

  report.sectors = wheel.sectors.size();
  laser.summary().copy_to(report);
  report.axle_height_mm = w.stand.axle_mm;
  if (w.stand.axle_mm < 1100) {
    report.notes.push_back(fmt::format(
        "wheel: the {} x {} mm sheet allows a stand with its axle at {:.0f} mm, lower than the 1100-1200 mm to spin "
        "standing; use longer sheets for a taller stand",
        e.sheet_width_mm, e.sheet_height_mm, w.stand.axle_mm));
  }
  return report;
}

}  // namespace impactkit::products
