#include <impactkit/core/file_io.hpp>
#include <impactkit/fab/dxf_writer.hpp>
#include <impactkit/fab/job.hpp>
#include <impactkit/fab/kerf.hpp>
#include <impactkit/fab/svg_writer.hpp>

#include <fmt/format.h>

namespace impactkit::fab {

std::optional<Layout> lay_out(const Job& job, Diagnostics& diags) {
  const std::size_t errors_before = diags.error_count();
  check_kerf(job.nesting.kerf_mm, job.joints, diags, job.kerf_source);
  Layout layout;
  for (const Part& p : job.parts) {
    if (auto compensated = compensate(p, job.nesting.kerf_mm, diags)) layout.parts.push_back(std::move(*compensated));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  layout.nesting = nest(layout.parts, job.sheet, job.nesting, diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  return layout;
}

std::vector<std::filesystem::path> write_laser_files(const Job& job, const Layout& layout, const ShopProfile& shop,
                                                     const std::filesystem::path& folder, bool with_dxf) {
  std::filesystem::create_directories(folder);
  std::vector<std::filesystem::path> written;
  for (std::size_t i = 0; i < layout.nesting.sheets.size(); ++i) {
    const auto placed = parts_on(layout.nesting, i, layout.parts);
    const auto svg = folder / fmt::format("{}-{}.svg", job.name, i + 1);
    write_file_atomically(svg, sheet_svg(placed, job.sheet, shop));
    written.push_back(svg);
    if (with_dxf) {
      const auto dxf = folder / fmt::format("{}-{}.dxf", job.name, i + 1);
      write_file_atomically(dxf, sheet_dxf(placed, job.sheet));
      written.push_back(dxf);
    }
  }
  // Sheets a previous run made beyond this run's last are this job's own
  // stale files: a laser operator must not cut them. Only NAME-N.svg and
  // NAME-N.dxf with a larger N are removed, nothing else.
  for (std::size_t i = layout.nesting.sheets.size() + 1;; ++i) {
    bool any = false;
    for (const char* ext : {"svg", "dxf"}) {
      std::error_code ec;
      any = std::filesystem::remove(folder / fmt::format("{}-{}.{}", job.name, i, ext), ec) || any;
    }
    if (!any) break;
  }
  const CutReport report = cut_report(layout.nesting, layout.parts, shop);
  const auto text = folder / (job.name + "-report.txt");
  write_file_atomically(text, to_text(report));
  const auto json = folder / (job.name + "-report.json");
  write_file_atomically(json, to_json(report));
  written.push_back(text);
  written.push_back(json);
  return written;
}

}  // namespace impactkit::fab
