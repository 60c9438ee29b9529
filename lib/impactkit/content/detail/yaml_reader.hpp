#pragma once
// Internal to lib/impactkit/content: typed reading of YAML nodes with positions.
// Each read checks the node's shape, reports a diagnostic at the node's
// position when it is wrong, and returns nothing (or an empty value), so
// that a loader can go on and report every problem of a file in one run.

#include <impactkit/content/detail/yaml_tree.hpp>
#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::content::detail {

// Parses one YAML file. A file that cannot be read is reported at `from`
// (where it was referred to); a syntax error at its own position. With
// `text`, the file's bytes go there too (a build key hashes them).
std::optional<yaml::Node> parse_yaml_file(const std::filesystem::path& path, const std::string& display_name,
                                          const SourcePos& from, Diagnostics& diagnostics, std::string* text = nullptr);

// The context of one file being read.
class Reader {
 public:
  Reader(std::string display_name, Diagnostics& diagnostics, const Languages& languages)
      : file_(std::move(display_name)), diagnostics_(diagnostics), languages_(languages) {}

  const std::string& file() const { return file_; }
  const Languages& languages() const { return languages_; }
  Diagnostics& diagnostics() { return diagnostics_; }

  SourcePos pos(const yaml::Node& node) const;
  void error(const yaml::Node& at, std::string message, std::string expected = {}, std::string fix = {});
  void warning(const yaml::Node& at, std::string message, std::string expected = {}, std::string fix = {});

  // Scalars. `what` names the field in messages, e.g. "title".
  std::optional<std::string> string(const yaml::Node& node, std::string_view what);
  std::optional<long long> integer(const yaml::Node& node, std::string_view what, long long min, long long max);
  std::optional<double> number_mm(const yaml::Node& node, std::string_view what, double min, double max);
  // One of a fixed set of words, with a did-you-mean for near misses.
  std::optional<std::string> choice(const yaml::Node& node, std::string_view what,
                                    const std::vector<std::string>& choices);
  // An id: lower-case letters and digits, words joined by '-'.
  std::optional<std::string> id(const yaml::Node& node, std::string_view what);
  // A hex colour: six hex digits, without '#'.
  std::optional<std::string> color(const yaml::Node& node, std::string_view what);
  // A text: a plain string or a map per language. Empty on error. With
  // `other_languages`, languages the roadshow does not use are kept, not
  // errors (shared reference files such as sdgs.yaml carry many).
  Text text(const yaml::Node& node, std::string_view what, bool other_languages = false);
  // A path of a file inside the content root `root`, which must exist.
  std::optional<std::filesystem::path> file_in_root(const yaml::Node& node, std::string_view what,
                                                    const std::filesystem::path& root);

  // Whether a scalar is a <<placeholder>> left unreplaced; reports it if so.
  bool is_placeholder(const yaml::Node& node, std::string_view what);
  // Whether a scalar's text is within limits::max_text_chars and is no
  // placeholder; reports it if not.
  bool within_text_limit(const yaml::Node& node, std::string_view what);

  // A list: calls `each` for every item. Returns false if it is not a list.
  bool list(const yaml::Node& node, std::string_view what, const std::function<void(const yaml::Node&)>& each);

  // The tree places an empty value (`title:`) at the start of the next
  // token, often the next line; errors about it should point at its key.
  void place_empty_value_at_key(const yaml::Node& value, const yaml::Node& key);

 private:
  std::string file_;
  std::vector<std::pair<yaml::Node, yaml::Mark>> empty_values_;
  Diagnostics& diagnostics_;
  const Languages& languages_;
};

// A YAML mapping with a fixed set of allowed keys. Unknown keys (with a
// did-you-mean), duplicate keys and a non-map node are reported on
// construction; missing required keys by `required`.
class MapReader {
 public:
  MapReader(Reader& reader, const yaml::Node& node, std::string what, std::vector<std::string> keys);

  bool is_map() const { return is_map_; }
  // The value of `key`, or nothing if it is absent.
  std::optional<yaml::Node> get(std::string_view key) const;
  // The value of `key`; reports it as missing (with `expected`) if absent.
  std::optional<yaml::Node> required(std::string_view key, std::string_view expected = {}) const;
  SourcePos pos() const { return reader_.pos(node_); }

 private:
  Reader& reader_;
  yaml::Node node_;
  std::string what_;
  bool is_map_ = false;
  struct Entry {
    std::string key;
    yaml::Node key_node;
    yaml::Node value;
  };
  std::vector<Entry> entries_;
  std::vector<std::string> suggested_;  // keys offered as "did you mean"
};

}  // namespace impactkit::content::detail
