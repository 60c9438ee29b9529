#pragma once
// A laser job, composed: parts drawn at their finished size, then kerf,
// nesting, and the files for the shop. What a product (the exhibit, the
// card-deck box, the wheel) calls after making its parts.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/cut_report.hpp>
#include <impactkit/fab/joint.hpp>
#include <impactkit/fab/nest.hpp>
#include <impactkit/fab/part.hpp>
#include <impactkit/fab/shop.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::fab {

struct Job {
  std::string name = "sheet";  // file names: NAME-1.svg, NAME-1.dxf, ...
  std::vector<Part> parts;     // finished size
  JointSettings joints;        // for the kerf checks
  Sheet sheet;
  NestSettings nesting;   // its kerf_mm is the job's kerf
  SourcePos kerf_source;  // where the kerf was set, for messages
};

struct Layout {
  std::vector<Part> parts;  // kerf-compensated: the paths the laser follows
  Nesting nesting;
};

// Kerf and nesting. Nothing when the input has errors (all of them reported).
std::optional<Layout> lay_out(const Job& job, Diagnostics& diags);

// Writes NAME-N.svg and NAME-N.dxf per sheet and NAME-report.txt and
// NAME-report.json into `folder` (made if missing), each atomically; returns
// the files written, in that order.
std::vector<std::filesystem::path> write_laser_files(const Job& job, const Layout& layout, const ShopProfile& shop,
                                                     const std::filesystem::path& folder, bool with_dxf = true);

}  // namespace impactkit::fab
