#pragma once
// Authoring: a new roadshow for another government, from the starter of one
// language (starter/LANG/ of the project): roadshow.yaml with the
// organisation's name, a theme with a logo placeholder, example cases, the
// SDGs and that language's locale file; the theme's styles, the goals and
// the labels are the project's own. Everything in it is in that
// language, and it validates and builds as it is.

#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::content {

// The languages that a starter exists in (starter/LANG/).
inline constexpr std::array<std::string_view, 2> init_languages = {"en", "nl"};

struct InitOptions {
  std::string language = "en";  // one of init_languages
  std::string organisation;     // required: printed on posters and as PDF author
  std::string title;            // empty: the starter's own title in that language
};

// Why a roadshow could not be made.
struct InitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The options themselves are wrong (an unknown language, an empty name).
struct InitUsageError : InitError {
  using InitError::InitError;
};

// Writes the new content root into `dir` (made if missing) and returns the
// files written. Refuses when `dir` already has a roadshow.yaml or any file
// the starter would write: it never overwrites. Throws InitUsageError,
// InitError or std::filesystem::filesystem_error.
std::vector<std::filesystem::path> init_roadshow(const std::filesystem::path& dir, const InitOptions& options);

// A project file (theme.yaml, sdgs.yaml) made into the starter's:
// `starter_text` (in the starter's language) with every `#@project KEY` line
// replaced by the top-level section KEY of `project_text` without its
// comments, and the project's other sections that the starter lacks appended
// at the end. So the styles and the goals are always the project's own,
// while every comment is in the starter's language. Exposed for its tests.
std::string compose_with_project(const std::string& starter_text, const std::string& project_text);

}  // namespace impactkit::content
