#include <impactkit/products/sheet_ledger.hpp>

namespace impactkit::products {

std::unique_ptr<fab::SheetLedger> sheet_ledger(BuildRecord* record, const std::filesystem::path& output_dir) {
  if (!record) return nullptr;
  const auto unit = [output_dir](const std::filesystem::path& svg) {
    return "sheet:" + svg.lexically_relative(output_dir).generic_string();
  };
  auto ledger = std::make_unique<fab::SheetLedger>();
  ledger->unchanged = [record, unit](const std::filesystem::path& svg, const std::string& digest) {
    return record->up_to_date(unit(svg), digest);
  };
  ledger->written = [record, unit](const std::filesystem::path& svg, const std::string& digest,
                                   const std::vector<std::filesystem::path>& files) {
    record->record(unit(svg), digest, files);
  };
  return ledger;
}

std::unique_ptr<fab::NestMemo> nest_memo(BuildRecord* record, const std::string& job_name) {
  if (!record) return nullptr;
  const std::string unit = "nest:" + job_name;
  auto memo = std::make_unique<fab::NestMemo>();
  memo->recall = [record, unit](const std::string& digest) { return record->recall(unit, digest); };
  memo->keep = [record, unit](const std::string& digest, std::string text) {
    record->remember(unit, digest, std::move(text));
  };
  return memo;
}

}  // namespace impactkit::products
