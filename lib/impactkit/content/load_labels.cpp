// The labels of one language: locales/LANG.yaml.

#include <impactkit/content/detail/yaml_reader.hpp>
#include <impactkit/content/labels.hpp>
#include <impactkit/content/loader.hpp>

#include <functional>

namespace impactkit::content {
namespace fs = std::filesystem;
namespace yaml = detail::yaml;

const std::string* Labels::find(std::string_view key) const {
  const auto it = strings_.find(key);
  return it == strings_.end() ? nullptr : &it->second.text;
}

std::vector<std::string> Labels::keys() const {
  std::vector<std::string> out;
  out.reserve(strings_.size());
  for (const auto& [key, value] : strings_) out.push_back(key);
  return out;
}

class LabelsLoader {
 public:
  static Labels load(const fs::path& root, const std::string& language, const Languages& languages,
                     Diagnostics& diagnostics) {
    Labels labels;
    const fs::path rel = fs::path("locales") / (language + ".yaml");
    labels.file_ = (root / rel).lexically_normal().string();
    const auto doc =
        detail::parse_yaml_file(root / rel, labels.file_, {labels.file_, 0, 0}, diagnostics, &labels.source_);
    if (!doc) return labels;
    detail::Reader reader(labels.file_, diagnostics, languages);
    // Nested maps flatten to dotted keys: route: {ambitie: …} is route.ambitie.
    const std::function<void(const yaml::Node&, const std::string&)> walk = [&](const yaml::Node& node,
                                                                                const std::string& prefix) {
      if (!node.IsMap()) {
        reader.error(node, "a locale file is a map of label names to strings", "name: text");
        return;
      }
      for (const auto& entry : node) {
        const std::string key = prefix + entry.first.Scalar();
        reader.place_empty_value_at_key(entry.second, entry.first);
        if (entry.second.IsMap()) {
          walk(entry.second, key + ".");
        } else if (auto text = reader.string(entry.second, key)) {
          labels.strings_[key] = {*text, reader.pos(entry.first)};
        }
      }
    };
    walk(*doc, "");
    return labels;
  }
};

Labels load_labels(const fs::path& root, const std::string& language, const Languages& languages,
                   Diagnostics& diagnostics) {
  return LabelsLoader::load(root, language, languages, diagnostics);
}

}  // namespace impactkit::content
