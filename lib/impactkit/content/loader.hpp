#pragma once
// Loading a content root: roadshow.yaml, sdgs.yaml, the theme, every case,
// the templates the products use and the labels of every language.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

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

// The template folders of a content root: its templates/, then the tool's own.
std::vector<std::filesystem::path> template_dirs(const std::filesystem::path& content_root);

// The templates the products draw from for this roadshow: the posters', the
// deck's kinds, the panels' and (with a wheel) the wheel's.
std::vector<std::string> template_names(const Roadshow& roadshow);

// Loads `name` (NAME.yaml) from the first of `folders` that has it, on its
// own: its shape, not what it refers to. Problems go to `diagnostics` as
// file:line:col; returns nothing when the template cannot be used.
std::optional<Template> load_template(const std::string& name, const std::vector<std::filesystem::path>& folders,
                                      const Languages& languages, Diagnostics& diagnostics);

// Checks what `t` refers to against a loaded roadshow: its labels in every
// language, its styles in the theme and its images in the root (resolved
// into the elements). load_roadshow does this for the templates it loads.
void check_template(Template& t, const Roadshow& roadshow, Diagnostics& diagnostics);

// Loads locales/LANG.yaml under `root`, on its own.
Labels load_labels(const std::filesystem::path& root, const std::string& language, const Languages& languages,
                   Diagnostics& diagnostics);

}  // namespace impactkit::content
