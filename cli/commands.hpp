#pragma once
// The commands of the impactkit CLI: each wires options to the library and
// turns its results into output and an exit code.

#include <filesystem>
#include <string>

namespace impactkit::cli {

struct Output {
  bool color = false;  // colour diagnostics (stderr is a terminal and NO_COLOR is unset)
  bool quiet = false;  // only diagnostics
};

int validate(const std::filesystem::path& root, const Output& out);
int list(const std::filesystem::path& root, const Output& out);
int new_case(const std::filesystem::path& root, const std::string& id, const Output& out);

}  // namespace impactkit::cli
