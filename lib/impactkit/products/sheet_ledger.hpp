#pragma once
// The laser work of a product (the exhibit, the wheel) against the build
// manifest: the nesting is done again only when a part's shape changed,
// and only the sheets whose parts changed are written again.

#include <impactkit/pipeline/manifest.hpp>
#include <impactkit/fab/job.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace impactkit::products {

// A ledger that keeps each sheet in `manifest` as the unit
// "sheet:laser/exhibit-3.svg" (its path in `output_dir`); no ledger (null)
// without a manifest, and every sheet is written.
std::unique_ptr<fab::SheetLedger> sheet_ledger(pipeline::Manifest* manifest, const std::filesystem::path& output_dir);

// A memo that keeps the nesting of the laser job `job_name` in `manifest`
// as the unit "nest:JOB_NAME"; none (null) without a manifest.
std::unique_ptr<fab::NestMemo> nest_memo(pipeline::Manifest* manifest, const std::string& job_name);

}  // namespace impactkit::products
