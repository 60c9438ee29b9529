#pragma once
// Internal to lib/impactkit/content: the loaders of the parts of a content root.

#include <impactkit/content/detail/yaml_reader.hpp>
#include <impactkit/content/model.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::content::detail {

// `sources:` of a case or of the intro.
std::vector<Source> read_sources(Reader& reader, const YAML::Node& node);
// `figures:`; each figure's `source` must be one of `sources`.
std::vector<KeyFigure> read_figures(Reader& reader, const YAML::Node& node, const std::vector<Source>& sources);

// A PNG or JPEG image `file` (inside `root`, named at `node`): its header
// must be readable and claim no more pixels than limits.hpp allows.
void check_image(Reader& reader, const YAML::Node& node, const std::filesystem::path& root,
                 const std::filesystem::path& file);

// The display name of a file inside the root, as diagnostics print it.
std::string display_name(const std::filesystem::path& root, const std::filesystem::path& relative);

std::vector<Sdg> load_sdgs(const std::filesystem::path& root, const std::filesystem::path& file, const SourcePos& from,
                           Diagnostics& diagnostics, const Languages& languages);
std::optional<Theme> load_theme(const std::filesystem::path& root, const std::filesystem::path& file,
                                const SourcePos& from, Diagnostics& diagnostics, const Languages& languages);
// cases/ID.yaml; `listed_at` is the entry in roadshow.yaml's `cases:`.
std::optional<Case> load_case(const std::filesystem::path& root, const std::string& id, const SourcePos& listed_at,
                              Diagnostics& diagnostics, const Languages& languages);

}  // namespace impactkit::content::detail
