#pragma once
// Loading a content root: roadshow.yaml, sdgs.yaml, the theme and every case.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>

#include <filesystem>
#include <functional>

namespace impactkit::content {

inline constexpr const char* roadshow_file_name = "roadshow.yaml";

// Loads and checks everything under `root`. Every problem found goes into
// `diagnostics` with its file:line:column; loading goes on after an error, so
// that one run reports them all. The roadshow is complete only when
// `diagnostics.has_errors()` is false. File names in diagnostics are `root`
// joined with the file's path inside the root.
Roadshow load_roadshow(const std::filesystem::path& root, Diagnostics& diagnostics);

// The same, telling `languages_read` the roadshow's languages as soon as
// they are read, before the theme and the cases: a build starts loading
// what those languages need (hyphenation patterns) meanwhile. Not called
// when roadshow.yaml cannot be read.
Roadshow load_roadshow(const std::filesystem::path& root, Diagnostics& diagnostics,
                       const std::function<void(const Languages&)>& languages_read);

}  // namespace impactkit::content
