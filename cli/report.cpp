#include "report.hpp"

#include "commands.hpp"

#include <cstdio>

namespace impactkit::cli {

void print_diagnostics(const Diagnostics& diagnostics, const Output& out) {
  for (const auto& d : diagnostics.all()) fmt::print(stderr, "{}\n", format(d, out.color));
}

std::string counted(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace impactkit::cli
