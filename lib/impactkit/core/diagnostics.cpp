#include <impactkit/core/diagnostics.hpp>

#include <algorithm>

namespace impactkit {

namespace {

// What makes two reports the same problem: what the user reads first.
std::string identity(const Diagnostic& d) {
  std::string key = d.severity == Severity::error ? "e" : "w";
  key += d.pos.file;
  key += '\0' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.column) + '\0';
  return key + d.message;
}

}  // namespace

void Diagnostics::add(Diagnostic d) {
  if (held_.insert(identity(d)).second) items_.push_back(std::move(d));
}

void Diagnostics::error(SourcePos pos, std::string message, std::string expected, std::string fix) {
  add({Severity::error, std::move(pos), std::move(message), std::move(expected), std::move(fix)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string expected, std::string fix) {
  add({Severity::warning, std::move(pos), std::move(message), std::move(expected), std::move(fix)});
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [](const auto& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

std::string format(const SourcePos& pos) {
  if (pos.line <= 0) return pos.file;
  return pos.file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

std::string format(const Diagnostic& d, bool color) {
  const bool is_error = d.severity == Severity::error;
  std::string label = is_error ? "error" : "warning";
  if (color) label = (is_error ? "\033[1;31m" : "\033[1;35m") + label + "\033[0m";
  std::string out = format(d.pos) + ": " + label + ": " + d.message;
  if (!d.expected.empty()) out += "\n  expected: " + d.expected;
  if (!d.fix.empty()) out += "\n  fix: " + d.fix;
  return out;
}

}  // namespace impactkit
