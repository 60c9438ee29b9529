// The labels of one language: locales/LANG.yaml.

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/content/detail/yaml_reader.hpp>
#include <impactkit/content/labels.hpp>
#include <impactkit/content/loader.hpp>

#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>

#include <algorithm>
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

  // {roadshow.title}, {roadshow.contact.team} …: a label names the roadshow's
  // own title or team rather than carrying another government's. Other
  // placeholders ({n}, {panel}) are the products' to fill.
  static void expand(Labels& labels, const Roadshow& r, const std::string& language, Diagnostics& diagnostics) {
    const std::vector<std::pair<std::string, std::string>> values = {
        {"roadshow.title", r.title.get(language)},   {"roadshow.subtitle", r.subtitle.get(language)},
        {"roadshow.organisation", r.organisation},   {"roadshow.contact.team", r.contact.team.get(language)},
        {"roadshow.contact.email", r.contact.email}, {"roadshow.contact.phone", r.contact.phone},
        {"roadshow.contact.url", r.contact.url},     {"roadshow.contact.location", r.contact.location}};
    for (auto& [key, label] : labels.strings_) {
      std::string out;
      std::size_t from = 0;
      for (std::size_t at; (at = label.text.find("{roadshow.", from)) != std::string::npos;) {
        const std::size_t close = label.text.find('}', at);
        if (close == std::string::npos) break;
        const std::string name = label.text.substr(at + 1, close - at - 1);
        out += label.text.substr(from, at - from);
        from = close + 1;
        const auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
        if (it != values.end()) {
          out += it->second;
          continue;
        }
        std::vector<std::string> names;
        names.reserve(values.size());
        for (const auto& v : values) names.push_back(v.first);
        const auto near = closest(name, names);
        diagnostics.error(label.pos, fmt::format("label '{}' names unknown placeholder '{{{}}}'", key, name),
                          "one of {" + join_or(names) + "}",
                          near ? fmt::format("did you mean '{{{}}}'?", *near) : "write the text itself");
      }
      if (from > 0) label.text = out + label.text.substr(from);
    }
  }
};

void detail::expand_label_placeholders(Labels& labels, const Roadshow& roadshow, const std::string& language,
                                       Diagnostics& diagnostics) {
  LabelsLoader::expand(labels, roadshow, language, diagnostics);
}

Labels load_labels(const fs::path& root, const std::string& language, const Languages& languages,
                   Diagnostics& diagnostics) {
  return LabelsLoader::load(root, language, languages, diagnostics);
}

}  // namespace impactkit::content
