#pragma once
// Authoring: a new case from a commented skeleton.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace impactkit::content {

// The text of a commented case file for `id`, in `language` (Dutch for nl,
// else English), whose values are <<placeholders>> that validate reports.
std::string case_skeleton(std::string_view id, std::string_view language);

// Why a new case could not be added.
struct NewCaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct NewCaseResult {
  std::filesystem::path case_file;  // written
  bool listed = false;              // appended to roadshow.yaml's `cases:`
  std::string note;                 // what the user still has to do, if anything
};

// Writes cases/ID.yaml under `root` and appends ID to the `cases:` list of
// roadshow.yaml (keeping the rest of that file as it is). Refuses to
// overwrite an existing case. Throws NewCaseError or filesystem_error.
NewCaseResult add_new_case(const std::filesystem::path& root, std::string_view id);

}  // namespace impactkit::content
