#pragma once
// The cut report: what a job takes on the laser — parts, sheets, how well
// they are used, how far the laser travels per operation, how long it takes
// and what the material costs — as data and as plain text or JSON.

#include <impactkit/fab/nest.hpp>
#include <impactkit/fab/part.hpp>
#include <impactkit/fab/shop.hpp>

#include <string>
#include <vector>

namespace impactkit::fab {

struct SheetReport {
  std::vector<std::string> labels;  // of the parts on it
  double utilisation = 0;           // 0..1
  double cut_mm = 0;
  double score_mm = 0;
  double engrave_mm2 = 0;
  int contours = 0;  // pierces
  double laser_s = 0;
};

struct CutReport {
  std::string material;
  double sheet_width_mm = 0;
  double sheet_height_mm = 0;
  std::size_t parts = 0;
  std::vector<SheetReport> sheets;
  std::vector<std::string> unplaced;  // labels of parts that did not fit
  double cut_mm = 0;
  double score_mm = 0;
  double engrave_mm2 = 0;
  double laser_s = 0;
  double material_eur = 0;
  bool material_known = false;  // the shop profile lists the material
};

// `parts` are the kerf-compensated parts that were nested.
CutReport cut_report(const Nesting& nesting, const std::vector<Part>& parts, const ShopProfile& shop);
std::string to_text(const CutReport& r);
std::string to_json(const CutReport& r);

}  // namespace impactkit::fab
