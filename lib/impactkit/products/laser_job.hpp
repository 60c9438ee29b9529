#pragma once
// The laser work a product ends with (the exhibit, the wheel): its parts
// cut from a material on the exhibit's sheets, with the exhibit's kerf,
// clearance and shop. One step in four calls, because the products run
// other work beside it: the exhibit draws its assembly sheet while the
// parts are nested, the wheel writes its PDFs while the sheets are written.
//
//   LaserJob job("wheel", parts, material, roadshow.exhibit);
//   if (!job.plan_cuts(diagnostics, memo)) return;            // kerf, nesting
//   if (!job.check_shop(diagnostics, wheel.pos, fix)) return;
//   files = job.write(folder, with_dxf, ledger);            // SVG, DXF, cut report
//   job.summary().copy_to(report);

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/job.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::products {

// Kept clear along a sheet's edges: by the nesting, and by the products'
// checks of what fits a sheet.
constexpr double sheet_edge_margin_mm = 5;

// What a laser job takes, from its cut report, for a product's report.
struct LaserSummary {
  std::size_t parts = 0;
  std::size_t sheets = 0;
  double utilisation = 0;  // mean over the sheets, 0..1
  double laser_minutes = 0;
  double material_eur = 0;

  // Into a product's report (ExhibitReport, WheelReport), which has these fields.
  template <typename Report>
  void copy_to(Report& report) const {
    report.parts = parts;
    report.sheets = sheets;
    report.utilisation = utilisation;
    report.laser_minutes = laser_minutes;
    report.material_eur = material_eur;
  }
};

class LaserJob {
 public:
  // `name` names the files (NAME-1.svg, NAME-report.txt, the nesting's
  // memo); `parts` at their finished size are cut from `material` on the
  // sheets of `exhibit`, with its kerf, clearance and shop profile.
  LaserJob(std::string name, std::vector<fab::Part> parts, const content::Material& material,
           const content::ExhibitSettings& exhibit);

  const fab::Job& job() const { return job_; }

  // Kerf and nesting; the nesting is taken from `memo` when the parts'
  // shapes are those it kept. False when there are errors (all reported).
  bool plan_cuts(Diagnostics& diagnostics, const fab::NestMemo* memo = nullptr);

  // Whether the shop profile has the material; if not, an error at the
  // material's `laser` (or at `fallback` when that was not given) that
  // suggests the closest name, else says `fix`.
  bool check_shop(Diagnostics& diagnostics, const SourcePos& fallback, std::string_view fix) const;

  // The laid-out sheets' SVG (and DXF) files and the cut report (text and
  // JSON) into `folder`; with a ledger, only the sheets that changed;
  // through `staging` when there is one (core/staging.hpp).
  // Throws std::runtime_error when a file cannot be written.
  std::vector<std::filesystem::path> write(const std::filesystem::path& folder, bool with_dxf,
                                           const fab::SheetLedger* ledger = nullptr, Staging* staging = nullptr) const;

  // The laid-out job's cut report in the products' terms.
  LaserSummary summary() const;

 private:
  fab::Job job_;
  SourcePos material_pos_;  // the material's `laser`
  fab::ShopProfile shop_;
  std::optional<fab::CutPlan> plan_;
};

}  // namespace impactkit::products
