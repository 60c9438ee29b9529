#pragma once
// A laser job, composed: parts drawn at their finished size, then kerf,
// nesting, and the files for the shop. What a product (the exhibit, the
// card-deck box, the wheel) calls after making its parts.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/fab/cut_report.hpp>
#include <impactkit/fab/joint.hpp>
#include <impactkit/fab/nest.hpp>
#include <impactkit/fab/notes.hpp>
#include <impactkit/fab/part.hpp>
#include <impactkit/fab/shop.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
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

// What the laser follows: the parts kerf-compensated, and where each lies
// on which sheet.
struct CutPlan {
  std::vector<Part> parts;  // kerf-compensated: the paths the laser follows
  Nesting nesting;
  std::vector<SheetNotes> notes;  // per sheet: where its labels and reference square go
  // The reference square's place, nested like a part (cut first, so on
  // sheet 1 with the fit-test coupon): the sheet and the square's corner.
  std::optional<std::pair<std::size_t, Point>> nested_square;
};

// The last build's nesting, so that an edit to engraved text (which moves
// no part) does not nest again: `recall(digest)` gives the nesting kept
// with that digest, if any; `keep(digest, text)` keeps one. The digest
// covers what nesting reads: the parts' outlines, holes and grain, the
// sheet, the settings, the tool's version.
struct NestMemo {
  std::function<std::optional<std::string>(const std::string& digest)> recall;
  std::function<void(const std::string& digest, std::string text)> keep;
};

// Kerf and nesting. Nothing when the input has errors (all of them reported).
std::optional<CutPlan> plan_cuts(const Job& job, Diagnostics& diags, const NestMemo* memo = nullptr);

// What an earlier run wrote, so that only the sheets that changed are
// written again (an edit to one case's text changes one panel, and so one
// or two sheets): `unchanged(svg, digest)` says whether sheet `svg`'s files
// were made from `digest` and are still there; `written(svg, digest,
// files)` is told of every sheet written. The digest covers everything a
// sheet's files are made from: its parts as placed, the sheet, the shop's
// colours and line width, the tool's version. Both are called from one
// thread at a time.
struct SheetLedger {
  std::function<bool(const std::filesystem::path& svg, const std::string& digest)> unchanged;
  std::function<void(const std::filesystem::path& svg, const std::string& digest,
                     const std::vector<std::filesystem::path>& files)>
      written;
};

// Writes NAME-N.svg and NAME-N.dxf per sheet and NAME-report.txt and
// NAME-report.json into `folder` (made if missing), each atomically, and
// removes the sheets of an earlier run beyond this one's last; with
// `staging`, writes and removals wait there for the build's commit
// (core/staging.hpp). Returns the files, in that order, whether written
// or, with a ledger, unchanged.
std::vector<std::filesystem::path> write_laser_files(const Job& job, const CutPlan& plan, const ShopProfile& shop,
                                                     const std::filesystem::path& folder, bool with_dxf = true,
                                                     const SheetLedger* ledger = nullptr, Staging* staging = nullptr);

}  // namespace impactkit::fab
