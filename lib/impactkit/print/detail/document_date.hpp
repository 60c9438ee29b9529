#pragma once
// Internal to lib/impactkit/print. The date a document says it was made:
// never the clock, so that the same pages always give the same bytes.

#include <impactkit/core/diagnostics.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace impactkit::print::detail {

// Given, or SOURCE_DATE_EPOCH (the reproducible-builds convention), or
// 2000-01-01; in seconds since 1970. A SOURCE_DATE_EPOCH that is no number
// is a warning, said once in `warnings` (when given).
std::int64_t document_epoch(const std::optional<std::int64_t>& given, Diagnostics* warnings);

// "D:20000101000000Z", PDF's date format, in UTC.
std::string pdf_date(std::int64_t epoch);

}  // namespace impactkit::print::detail
