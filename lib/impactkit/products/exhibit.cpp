// The flat-pack exhibit as a product: its parts (exhibit_parts.cpp) nested
// and written through the laser step the wheel shares (laser_job.hpp),
// beside its assembly sheet (assembly_sheet.cpp).

#include <impactkit/products/exhibit.hpp>

#include <impactkit/products/detail/assembly_sheet.hpp>
#include <impactkit/products/detail/exhibit_parts.hpp>
#include <impactkit/products/laser_job.hpp>
#include <impactkit/products/sheet_ledger.hpp>

#include <impactkit/core/file_io.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/print/pdf.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace impactkit::products {
namespace fs = std::filesystem;

namespace {

std::vector<fab::Part> all_parts(const std::vector<Assembly>& panels) {
  std::vector<fab::Part> parts;
  for (const auto& panel : panels) parts.insert(parts.end(), panel.parts.begin(), panel.parts.end());
  return parts;
}

}  // namespace

ExhibitReport build_exhibit(const content::Roadshow& roadshow, const ExhibitOptions& options, Diagnostics& diagnostics,
                            const Context& context) {
  ExhibitReport report;
  const auto& e = roadshow.exhibit;
  if (!detail::check_sizes(e, diagnostics) || !detail::check_intro_furniture(roadshow, diagnostics)) return report;
  // One builder for the parts and the assembly sheet: its fonts are loaded once.
  detail::PanelBuilder b(roadshow, options.allow_overflow, diagnostics, context.text_cache);
  const auto& sizes = options.poster_sizes;
  b.poster_built = sizes.empty() ? roadshow.posters.size == e.poster_size
                                 : std::find(sizes.begin(), sizes.end(), e.poster_size) != sizes.end();
  // A font the theme names that is not installed: reported by the kit, and
  // nothing can be set without it.
  if (diagnostics.has_errors()) return report;
  const auto panels = detail::make_panels(b);
  if (diagnostics.has_errors()) return report;

  LaserJob laser("exhibit", all_parts(panels), e.material, e);
  // Drawing the assembly sheet needs only the parts: beside the nesting and
  // the writing of the sheets, which only the nesting's own errors stop.
  // The assembly sheet is written after the laser files.
  bool written = false;
  std::string assembly_pdf;
  Diagnostics assembly_warnings;
  report.folder = options.output_dir / "laser";
  std::vector<Task> tasks;
  tasks.emplace_back([&](Diagnostics& nesting) {
    const auto memo = nest_memo(context.record, laser.job().name);
    if (!laser.plan_cuts(nesting, memo.get()) || nesting.has_errors()) return;
    if (!laser.check_shop(nesting, e.pos, "set exhibit.material.laser to one of them")) return;
    const auto ledger = sheet_ledger(context.record, options.output_dir);
    report.files = laser.write(report.folder, options.with_dxf, ledger.get(), context.staging);
    written = true;
  });
  tasks.emplace_back([&](Diagnostics&) {
    const std::string& lang = roadshow.languages.default_language;
    const std::string title = b.words("title", {{"roadshow", roadshow.title.get(lang)}});
    assembly_pdf =
        print::render_pdf(detail::assembly_pages(panels, title, b.kit.typesetter,
                                                 {roadshow.theme.family(content::FontRole::body), lang}, b.kit.labels),
                          {title, roadshow.organisation, "flat-pack exhibit, assembly", lang}, {}, assembly_warnings);
  });
  context.workers.run(tasks, diagnostics);
  if (!written || diagnostics.has_errors()) {
    report.files.clear();
    return report;
  }

  const fs::path assembly = report.folder / "assembly.pdf";
  write_file_atomically(staged(context.staging, assembly), assembly_pdf);
  diagnostics.append(assembly_warnings);
  report.files.push_back(assembly);

  report.panels =
      static_cast<std::size_t>(std::count_if(panels.begin(), panels.end(), [](const Assembly& p) { return p.panel; }));
  if (!b.poster_built) {
    report.notes.push_back(fmt::format(
        "laser: the panels hold {0} posters, and this build makes none: build them with --size {0} (the assembly "
        "sheet names no size)",
        e.poster_size));
  }
  laser.summary().copy_to(report);
  return report;
}

}  // namespace impactkit::products
