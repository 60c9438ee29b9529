#pragma once
// The laser work of a product (the exhibit, the wheel) against the build
// record: the nesting is done again only when a part's shape changed,
// and only the sheets whose parts changed are written again.

#include <impactkit/fab/job.hpp>
#include <impactkit/products/context.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace impactkit::products {

// A ledger that keeps each sheet in `record` as the unit
// "sheet:laser/exhibit-3.svg" (its path in `output_dir`); no ledger (null)
// without a record, and every sheet is written.
std::unique_ptr<fab::SheetLedger> sheet_ledger(BuildRecord* record, const std::filesystem::path& output_dir);

// A memo that keeps the nesting of the laser job `job_name` in `record`
// as the unit "nest:JOB_NAME"; none (null) without a record.
std::unique_ptr<fab::NestMemo> nest_memo(BuildRecord* record, const std::string& job_name);

}  // namespace impactkit::products
