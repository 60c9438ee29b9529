#include <impactkit/print/detail/document_date.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <string_view>
#include <system_error>

namespace impactkit::print::detail {
namespace {
constexpr std::int64_t year_2000 = 946684800;  // 2000-01-01T00:00:00Z
}  // namespace

std::int64_t document_epoch(const std::optional<std::int64_t>& given, Diagnostics* warnings) {
  if (given) return *given;
  const char* env = std::getenv("SOURCE_DATE_EPOCH");  // NOLINT(concurrency-mt-unsafe): read-only use
  if (!env || !*env) return year_2000;
  const std::string_view text(env);
  std::int64_t epoch = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), epoch);
  if (ec == std::errc() && end == text.data() + text.size()) return epoch;
  std::string message = fmt::format("'{}' is not a number of seconds; using 2000-01-01", text);
  // Said once, however many files a run writes.
  const auto said = [&](const Diagnostic& d) { return d.pos.file == "SOURCE_DATE_EPOCH" && d.message == message; };
  if (warnings && std::none_of(warnings->all().begin(), warnings->all().end(), said)) {
    warnings->warning({"SOURCE_DATE_EPOCH", 0, 0}, std::move(message), "seconds since 1970-01-01 UTC, e.g. 1700000000",
                      "set SOURCE_DATE_EPOCH to a whole number, or unset it");
  }
  return year_2000;
}

std::string pdf_date(std::int64_t epoch) {
  std::tm utc{};
  const auto seconds = static_cast<std::time_t>(epoch);
  if (!gmtime_r(&seconds, &utc)) return "D:20000101000000Z";
  char text[32];
  if (std::strftime(text, sizeof text, "D:%Y%m%d%H%M%SZ", &utc) == 0) return "D:20000101000000Z";
  return text;
}

}  // namespace impactkit::print::detail
