#include <impactkit/core/diagnostics.hpp>

#include <fmt/format.h>

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

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F in UTF-8; some
    // terminals take U+009B as CSI.
    const bool c1 = c == 0xC2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80;
    if (c == 0x1B) {
      out += "\\e";
    } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else if (c1) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[++i]));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string format(const SourcePos& pos) {
  if (pos.line <= 0) return printable(pos.file);
  return printable(pos.file) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

std::string format(const Diagnostic& d, bool color) {
  const bool is_error = d.severity == Severity::error;
  std::string label = is_error ? "error" : "warning";
  if (color) label = (is_error ? "\033[1;31m" : "\033[1;35m") + label + "\033[0m";
  std::string out = format(d.pos) + ": " + label + ": " + printable(d.message);
  if (!d.expected.empty()) out += "\n  expected: " + printable(d.expected);
  if (!d.fix.empty()) out += "\n  fix: " + printable(d.fix);
  return out;
}

}  // namespace impactkit
