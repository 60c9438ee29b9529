#include <impactkit/products/laser_job.hpp>

#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <utility>

namespace impactkit::products {

namespace {

fab::ShopProfile shop_named(const std::string& name) {
  return name == "blue-cut" ? fab::blue_cut_shop() : fab::default_shop();
}

}  // namespace

LaserJob::LaserJob(std::string name, std::vector<fab::Part> parts, const content::Material& material,
                   const content::ExhibitSettings& exhibit)
    : material_pos_(material.laser_pos), shop_(shop_named(exhibit.shop)) {
  job_.name = std::move(name);
  job_.parts = std::move(parts);
  job_.joints = {material.measured_thickness_mm, exhibit.clearance_mm, 0};
  job_.sheet = {exhibit.sheet_width_mm, exhibit.sheet_height_mm, material.laser};
  job_.nesting.kerf_mm = exhibit.kerf_mm;
  job_.nesting.edge_margin_mm = sheet_edge_margin_mm;
  job_.kerf_source = exhibit.kerf_pos;
}

bool LaserJob::plan_cuts(Diagnostics& diagnostics, const fab::NestMemo* memo) {
  plan_ = fab::plan_cuts(job_, diagnostics, memo);
  return plan_.has_value();
}

bool LaserJob::check_shop(Diagnostics& diagnostics, const SourcePos& fallback, std::string_view fix) const {
  const std::string& material = job_.sheet.material;
  if (shop_.material(material)) return true;
  std::vector<std::string> known;
  for (const auto& m : shop_.materials) known.push_back(m.name);
  const auto near = closest(material, known);
  diagnostics.error(material_pos_.line > 0 ? material_pos_ : fallback,
                    fmt::format("the laser shop profile '{}' has no material '{}'", shop_.name, material),
                    fmt::format("one of {}", fmt::join(known, ", ")),
                    near ? fmt::format("did you mean '{}'?", *near) : std::string(fix));
  return false;
}

std::vector<std::filesystem::path> LaserJob::write(const std::filesystem::path& folder, bool with_dxf,
                                                   const fab::SheetLedger* ledger, Staging* staging) const {
  return fab::write_laser_files(job_, plan_.value(), shop_, folder, with_dxf, ledger, staging);
}

LaserSummary LaserJob::summary() const {
  const fab::CutReport cut = fab::cut_report(plan_->nesting, plan_->parts, shop_);
  LaserSummary out;
  out.parts = cut.parts;
  out.sheets = cut.sheets.size();
  double used = 0;
  for (const auto& s : cut.sheets) used += s.utilisation;
  out.utilisation = cut.sheets.empty() ? 0 : used / static_cast<double>(cut.sheets.size());
  out.laser_minutes = cut.laser_s / 60;
  out.material_eur = cut.material_eur;
  return out;
}

}  // namespace impactkit::products
