#pragma once
// Small helpers the commands share to print what they did.

#include <impactkit/core/diagnostics.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <string>

namespace impactkit::cli {

struct Output;

// Every diagnostic on stderr, as file:line:col: severity: message.
void print_diagnostics(const Diagnostics& diagnostics, const Output& out);

// "1 case", "3 cases".
std::string counted(std::size_t n, const char* one, const char* many);

std::string join(const auto& items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += fmt::format("{}", item);
  }
  return out;
}

}  // namespace impactkit::cli
