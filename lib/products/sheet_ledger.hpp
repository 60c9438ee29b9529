#pragma once
// The laser sheets of a product (the exhibit, the wheel) against the build
// manifest: only the sheets whose parts changed are written again.

#include <impactkit/build/manifest.hpp>
#include <impactkit/fab/job.hpp>

#include <filesystem>

namespace impactkit::products {

// A ledger that keeps each sheet in `manifest` as the unit
// "sheet:laser/exhibit-3.svg" (its path in `output_dir`); no ledger (null)
// without a manifest, and every sheet is written.
std::unique_ptr<fab::SheetLedger> sheet_ledger(build::Manifest* manifest, const std::filesystem::path& output_dir);

}  // namespace impactkit::products
