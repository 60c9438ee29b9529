#pragma once
// Preflight: the produced files checked as a print shop and a laser shop
// would, before they are sent: every PDF's page boxes nested (MediaBox ⊇
// BleedBox ⊇ TrimBox) and every font embedded; every laser sheet in mm
// (1 unit = 1 mm), made of paths and circles only, without transforms, with
// every cut contour closed and every cut on the sheet; every laser sheet's
// SVG and DXF through the geometry check (fab/check.hpp: parts cuttable,
// notes off the parts as a warning); every PDF's words
// in a contrast with their background that WCAG 2.1 accepts (a warning
// when not: see preflight_contrast.hpp).

#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::pipeline {

struct PreflightRow {
  std::string file;  // relative to the output folder
  std::string check;
  bool ok = true;
  std::string detail;  // what is wrong, or what was checked
  bool warn = false;   // passed, but worth a look (low contrast): WARN, not a failure
};

struct PreflightReport {
  std::vector<PreflightRow> rows;
  std::size_t files = 0;
  std::size_t failures() const;
  std::size_t warnings() const;  // rows that pass with a warning
};

// Checks every PDF and every laser sheet (SVG, DXF) under `output_dir`, in file
// name order. Throws std::filesystem::filesystem_error when the folder
// cannot be read.
PreflightReport preflight(const std::filesystem::path& output_dir);

// The report as a table, one row per file and check.
std::string to_table(const PreflightReport& report);

}  // namespace impactkit::pipeline
