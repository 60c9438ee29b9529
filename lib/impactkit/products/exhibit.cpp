// The flat-pack exhibit as a product: its parts (exhibit_parts.cpp) nested
// and written through the laser step the wheel shares (laser_job.hpp),
// beside its assembly sheet (exhibit_assembly.cpp).

#include <impactkit/products/exhibit.hpp>

#include <impactkit/products/detail/exhibit_assembly.hpp>
#include <impactkit/products/detail/exhibit_parts.hpp>
#include <impactkit/products/laser_job.hpp>
#include <impactkit/products/sheet_ledger.hpp>

#include <impactkit/core/file_io.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/print/pdf.hpp>

#include <algorithm>

namespace impactkit::products {
namespace fs = std::filesystem;

namespace {

std::vector<fab::Part> all_parts(const std::vector<PanelParts>& panels) {
  std::vector<fab::Part> parts;
  for (const auto& panel : panels) parts.insert(parts.end(), panel.parts.begin(), panel.parts.end());
  return parts;
}

}  // namespace

ExhibitReport build_exhibit(const content::Roadshow& roadshow, const ExhibitOptions& options, Diagnostics& diagnostics,
                            const Context& context) {
  ExhibitReport report;
  const auto& e = roadshow.exhibit;
  if (!detail::check_sizes(e, diagnostics)) return report;
  // One builder for the parts and the assembly sheet: its fonts are loaded once.
  detail::PanelBuilder b(roadshow, options.allow_overflow, diagnostics, context.text_cache);
  // A font the theme names that is not installed: reported by the kit, and
  // nothing can be set without it.
  if (diagnostics.has_errors()) return report;
  const auto panels = detail::make_panels(b);
  if (diagnostics.has_errors()) return report;

  LaserJob laser("exhibit", all_parts(panels), e.material, e);
  // Nesting and drawing the assembly sheet need only the parts: side by
  // side. The sheet is written after the laser files, and only when
  // nothing has an error.
  bool laid_out = false;
  std::string assembly_pdf;
  Diagnostics assembly_warnings;
  std::vector<Task> tasks;
  tasks.emplace_back([&](Diagnostics& nesting) {
    const auto memo = nest_memo(context.record, laser.job().name);
    laid_out = laser.plan_cuts(nesting, memo.get());
  });
  tasks.emplace_back([&](Diagnostics&) {
    assembly_pdf = print::render_pdf(
        detail::assembly_pages(panels, b.kit.typesetter, roadshow.theme.family(content::FontRole::body)),
        {roadshow.title.get() + ": assembly", roadshow.organisation, "flat-pack exhibit, assembly",
         roadshow.languages.default_language},
        {}, assembly_warnings);
  });
  context.workers.run(tasks, diagnostics);
  if (!laid_out || diagnostics.has_errors()) return report;
  if (!laser.check_shop(diagnostics, e.pos, "set exhibit.material.laser to one of them")) return report;

  report.folder = options.output_dir / "laser";
  const auto ledger = sheet_ledger(context.record, options.output_dir);
  report.files = laser.write(report.folder, options.with_dxf, ledger.get(), context.staging);

  const fs::path assembly = report.folder / "assembly.pdf";
  write_file_atomically(staged(context.staging, assembly), assembly_pdf);
  diagnostics.append(assembly_warnings);
  report.files.push_back(assembly);

  report.panels = static_cast<std::size_t>(
      std::count_if(panels.begin(), panels.end(), [](const PanelParts& p) { return p.view.has_value(); }));
  laser.summary().copy_to(report);
  return report;
}

}  // namespace impactkit::products
