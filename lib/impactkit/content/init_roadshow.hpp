#pragma once
// Authoring: a new roadshow for another government, from the starter
// content (starter/ of the project): roadshow.yaml with the organisation's
// name, the theme with a logo placeholder, the SDGs, the locale files and
// one example case. It validates and builds as it is.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace impactkit::content {

struct InitOptions {
  std::string organisation = "<Naam van de organisatie>";
  std::string title = "Inkopen met Impact";
};

// Why a roadshow could not be made.
struct InitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writes the new content root into `dir` (made if missing) and returns the
// files written. Refuses when `dir` already has a roadshow.yaml: it never
// overwrites. Throws InitError or std::filesystem::filesystem_error.
std::vector<std::filesystem::path> init_roadshow(const std::filesystem::path& dir, const InitOptions& options);

}  // namespace impactkit::content
