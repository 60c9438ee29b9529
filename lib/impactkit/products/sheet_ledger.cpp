#include <impactkit/products/sheet_ledger.hpp>

namespace impactkit::products {

std::unique_ptr<fab::SheetLedger> sheet_ledger(pipeline::Manifest* manifest, const std::filesystem::path& output_dir) {
  if (!manifest) return nullptr;
  const auto unit = [output_dir](const std::filesystem::path& svg) {
    return "sheet:" + svg.lexically_relative(output_dir).generic_string();
  };
  auto ledger = std::make_unique<fab::SheetLedger>();
  ledger->unchanged = [manifest, unit](const std::filesystem::path& svg, const std::string& digest) {
    return manifest->up_to_date(unit(svg), digest);
  };
  ledger->written = [manifest, unit](const std::filesystem::path& svg, const std::string& digest,
                                     const std::vector<std::filesystem::path>& files) {
    manifest->record(unit(svg), digest, files);
  };
  return ledger;
}

std::unique_ptr<fab::NestMemo> nest_memo(pipeline::Manifest* manifest, const std::string& job_name) {
  if (!manifest) return nullptr;
  const std::string unit = "nest:" + job_name;
  auto memo = std::make_unique<fab::NestMemo>();
  memo->recall = [manifest, unit](const std::string& digest) { return manifest->recall(unit, digest); };
  memo->keep = [manifest, unit](const std::string& digest, std::string text) {
    manifest->remember(unit, digest, std::move(text));
  };
  return memo;
}

}  // namespace impactkit::products
