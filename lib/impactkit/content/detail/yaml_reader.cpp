#include <impactkit/content/detail/yaml_reader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/core/root_file.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

namespace impactkit::content::detail {
namespace fs = std::filesystem;

namespace {

// Why a file's YAML was refused, at the place it was refused.
void report(const yaml::Failure& failure, const std::string& display_name, Diagnostics& diagnostics) {
  const SourcePos at{display_name, failure.mark.line + 1, failure.mark.column + 1};
  switch (failure.kind) {
    case yaml::Failure::Kind::syntax:
      diagnostics.error(at, "YAML syntax error: " + failure.problem, {},
                        "check indentation, quotes and ':' at this place (a text with ': ' or '#' needs quotes)");
      return;
    case yaml::Failure::Kind::too_deep:
      diagnostics.error(at, fmt::format("the YAML is nested more than {} levels deep here", limits::max_yaml_depth),
                        fmt::format("maps and lists nested at most {} levels deep", limits::max_yaml_depth),
                        "flatten the structure: no field of impactkit's content nests this deep (see docs/content.md)");
      return;
    case yaml::Failure::Kind::too_many:
      diagnostics.error(
          at,
          fmt::format("the YAML has more than {} values, counting an aliased value (*name) each time it is used",
                      limits::max_yaml_nodes),
          fmt::format("at most {} values in one file", limits::max_yaml_nodes),
          "split the file, or write the values out instead of nesting aliases of aliases (impactkit's content needs no "
          "aliases)");
      return;
  }
}

}  // namespace

std::optional<yaml::Node> parse_yaml_file(const fs::path& path, const std::string& display_name, const SourcePos& from,
                                          Diagnostics& diagnostics, std::string* text) {
  // Size and kind first, from the file system: a huge file would be read
  // into memory whole, and a device or pipe (/dev/zero, a FIFO) never ends.
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    diagnostics.error(from, fmt::format("'{}' is not a file", display_name), "a YAML file",
                      "replace it by a YAML file, or correct the path");
    return std::nullopt;
  }
  const auto size = fs::is_regular_file(status) ? fs::file_size(path, ec) : 0;
  if (!ec && size > limits::max_yaml_file_bytes) {
    // Refused before parsing: it would be read and its tree built in memory.
    diagnostics.error({display_name, 1, 1},
                      fmt::format("'{}' is {} bytes, more than the {} a YAML file may have", display_name, size,
                                  limits::max_yaml_file_bytes),
                      fmt::format("a file of at most {} kB", limits::max_yaml_file_bytes / 1024),
                      "split it (one case per file), and keep images and other data in files of their own");
    return std::nullopt;
  }
  // Through the content root's door (core/root_file.hpp): opened without
  // blocking and checked again on the descriptor, for a file that became a
  // FIFO since the look above.
  auto read = read_root_file(path, {}, limits::max_yaml_file_bytes);
  if (read.error && read.error->kind == RootFileError::Kind::not_regular) {
    diagnostics.error(from, fmt::format("'{}' is not a file", display_name), "a YAML file",
                      "replace it by a YAML file, or correct the path");
    return std::nullopt;
  }
  auto bytes = read.error ? std::nullopt : std::optional<std::string>(std::move(read.bytes));
  if (!bytes) {  // or it grew, or changed kind, while being read
    const bool exists = fs::exists(path, ec);
    diagnostics.error(from,
                      fmt::format("cannot read '{}': {}", display_name, exists ? "permission denied" : "no such file"),
                      {}, exists ? "make the file readable" : "create the file or correct the path");
    return std::nullopt;
  }
  // The tree is within the limits of depth and size, aliases followed, or refused.
  auto parsed = yaml::parse(*bytes);
  if (parsed.failure) {
    report(*parsed.failure, display_name, diagnostics);
    return std::nullopt;
  }
  if (text) *text = std::move(*bytes);
  return std::move(parsed.root);
}

void Reader::place_empty_value_at_key(const yaml::Node& value, const yaml::Node& key) {
  if (value.IsNull()) empty_values_.emplace_back(value, key.Mark());
}

SourcePos Reader::pos(const yaml::Node& node) const {
  yaml::Mark mark = node.Mark();
  if (node.IsNull()) {
    for (const auto& [value, key_mark] : empty_values_) {
      if (value.is(node)) mark = key_mark;
    }
  }
  if (mark.is_null()) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

void Reader::error(const yaml::Node& at, std::string message, std::string expected, std::string fix) {
  diagnostics_.error(pos(at), std::move(message), std::move(expected), std::move(fix));
}

void Reader::warning(const yaml::Node& at, std::string message, std::string expected, std::string fix) {
  diagnostics_.warning(pos(at), std::move(message), std::move(expected), std::move(fix));
}

namespace {

// Characters, not bytes: UTF-8 continuation bytes do not count.
std::size_t characters(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A value quoted in a message: a whole page of text would drown the message.
std::string shortened(const std::string& s) {
  constexpr std::size_t room = 60;
  if (s.size() <= room) return s;
  std::size_t cut = room;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return s.substr(0, cut) + "…";
}

std::string kind_of(const yaml::Node& node) {
  switch (node.Type()) {
    case yaml::NodeType::Null:
      return "nothing";
    case yaml::NodeType::Scalar:
      return "'" + shortened(node.Scalar()) + "'";
    case yaml::NodeType::Sequence:
      return "a list";
    case yaml::NodeType::Map:
      return "a map";
    default:
      return "nothing";
  }
}
}  // namespace

std::optional<std::string> Reader::string(const yaml::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    error(node, fmt::format("'{}' must be a string, not {}", what, kind_of(node)), "a string");
    return std::nullopt;
  }
  if (node.Scalar().empty()) {
    error(node, fmt::format("'{}' is empty", what), "a string", "write a value or remove the key if it is optional");
    return std::nullopt;
  }
  if (!within_text_limit(node, what)) return std::nullopt;
  return node.Scalar();
}

bool Reader::within_text_limit(const yaml::Node& node, std::string_view what) {
  if (is_placeholder(node, what)) return false;
  const std::size_t length = characters(node.Scalar());
  if (length <= limits::max_text_chars) return true;
  error(node, fmt::format("'{}' is {} characters long, more than {}", what, length, limits::max_text_chars),
        fmt::format("a text of at most {} characters", limits::max_text_chars),
        "shorten it: no poster, card or panel has room for more");
  return false;
}

// `impactkit new case` marks what is still to be written as <<...>>, so
// that a skeleton left as it is never reaches a poster.
bool Reader::is_placeholder(const yaml::Node& node, std::string_view what) {
  if (!node.IsScalar()) return false;
  const std::string& s = node.Scalar();
  const auto open = s.find("<<");
  if (open == std::string::npos || s.find(">>", open) == std::string::npos) return false;
  error(node, fmt::format("'{}' is still a placeholder: '{}'", what, shortened(s)),
        "the case's own text or value, as the placeholder describes",
        "replace the placeholder (the part between << and >>, with them)");
  return true;
}

std::optional<long long> Reader::integer(const yaml::Node& node, std::string_view what, long long min, long long max) {
  const std::string range = fmt::format("a whole number from {} to {}", min, max);
  if (is_placeholder(node, what)) return std::nullopt;
  if (!node.IsScalar()) {
    error(node, fmt::format("'{}' must be a whole number, not {}", what, kind_of(node)), range);
    return std::nullopt;
  }
  const std::string& s = node.Scalar();
  long long value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) {
    error(node, fmt::format("'{}' must be a whole number, not '{}'", what, shortened(s)), range);
    return std::nullopt;
  }
  if (value < min || value > max) {
    error(node, fmt::format("'{}' is {}, outside {}..{}", what, value, min, max), range);
    return std::nullopt;
  }
  return value;
}

namespace {
// The unit of a number, by its key: type sizes and strokes in pt, ratios of
// the text size (line_height, paragraph_spacing) in none, the rest in mm.
std::string_view unit_of(std::string_view what) {
  if (what.ends_with("_pt")) return " pt";
  if (what == "line_height" || what == "paragraph_spacing") return "";
  return " mm";
}
}  // namespace

std::optional<double> Reader::number_mm(const yaml::Node& node, std::string_view what, double min, double max) {
  const std::string_view unit = unit_of(what);
  const std::string range = unit == " mm" ? fmt::format("a length in mm from {:g} to {:g}", min, max)
                                          : fmt::format("a number from {:g} to {:g}{}", min, max, unit);
  if (!node.IsScalar()) {
    error(node, fmt::format("'{}' must be a number, not {}", what, kind_of(node)), range);
    return std::nullopt;
  }
  const std::string& s = node.Scalar();
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) {
    error(node, fmt::format("'{}' must be a number, not '{}'", what, shortened(s)), range,
          "write the number without unit, e.g. 3 or 0.2");
    return std::nullopt;
  }
  if (value < min || value > max) {
    error(node, fmt::format("'{}' is {:g}{}, outside {:g}..{:g}{}", what, value, unit, min, max, unit), range);
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> Reader::choice(const yaml::Node& node, std::string_view what,
                                          const std::vector<std::string>& choices) {
  auto word = string(node, what);
  if (!word) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *word) != choices.end()) return word;
  const auto near = closest(*word, choices);
  error(node, fmt::format("unknown {} '{}'", what, *word), "one of " + join_or(choices),
        near ? fmt::format("did you mean '{}'?", *near) : "use one of the expected values");
  return std::nullopt;
}

std::optional<std::string> Reader::id(const yaml::Node& node, std::string_view what) {
  auto word = string(node, what);
  if (!word) return std::nullopt;
  if (!is_valid_id(*word)) {
    error(node, fmt::format("'{}' is not a valid {}", *word, what),
          "lower-case letters and digits, words joined by single '-', e.g. warmtepomp-staphorst");
    return std::nullopt;
  }
  return word;
}

std::optional<std::string> Reader::color(const yaml::Node& node, std::string_view what) {
  auto hex = string(node, what);
  if (!hex) return std::nullopt;
  const bool ok = hex->size() == 6 && std::all_of(hex->begin(), hex->end(), [](char c) {
                    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                  });
  if (!ok) {
    error(node, fmt::format("'{}' is not a colour: '{}'", what, *hex), "six hex digits, e.g. \"E5243B\"",
          hex->starts_with('#') ? "leave out the '#'" : "write the colour as six hex digits in quotes");
    return std::nullopt;
  }
  std::transform(hex->begin(), hex->end(), hex->begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
  return hex;
}

Text Reader::text(const yaml::Node& node, std::string_view what, bool other_languages) {
  Text text;
  text.default_language = languages_.default_language;
  text.pos = pos(node);
  const std::string expected =
      fmt::format("a string, or a map per language such as {{{}: …}}", languages_.default_language);
  if (node.IsScalar()) {
    if (node.Scalar().empty()) {
      error(node, fmt::format("'{}' is empty", what), expected);
      return {};
    }
    if (!within_text_limit(node, what)) return {};
    text.by_language[languages_.default_language] = node.Scalar();
    return text;
  }
  if (!node.IsMap()) {
    error(node, fmt::format("'{}' must be a text, not {}", what, kind_of(node)), expected);
    return {};
  }
  bool ok = true;
  for (const auto& entry : node) {
    const std::string language = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    const auto& available = languages_.available;
    if (!other_languages && std::find(available.begin(), available.end(), language) == available.end()) {
      const auto near = closest(language, available);
      error(entry.first, fmt::format("unknown language '{}' in '{}'", language, what),
            "one of the roadshow's languages: " + join_or(available),
            near ? fmt::format("did you mean '{}'?", *near)
                 : "add the language to `languages: available:` in roadshow.yaml");
      ok = false;
      continue;
    }
    if (auto value = string(entry.second, fmt::format("{}.{}", what, language))) {
      text.by_language[language] = *value;
    } else {
      ok = false;
    }
  }
  if (ok && !text.has(languages_.default_language)) {
    error(node, fmt::format("'{}' has no text in the default language '{}'", what, languages_.default_language),
          expected, fmt::format("add `{}: …` to it", languages_.default_language));
    ok = false;
  }
  return ok ? text : Text{};
}

std::optional<fs::path> Reader::file_in_root(const yaml::Node& node, std::string_view what, const fs::path& root) {
  auto value = string(node, what);
  if (!value) return std::nullopt;
  const fs::path path(*value);
  const std::string expected = "a path relative to the content root, inside it, e.g. assets/photo.jpg";
  const bool climbs = std::any_of(path.begin(), path.end(), [](const fs::path& part) { return part == ".."; });
  if (path.is_absolute() || climbs) {
    error(node, fmt::format("'{}' leaves the content root: '{}'", what, *value), expected,
          "copy the file into the content root and refer to it from there");
    return std::nullopt;
  }
  std::error_code ec;
  const fs::path full = root / path;
  if (!fs::is_regular_file(full, ec)) {
    error(node, fmt::format("'{}' names a file that does not exist: '{}'", what, *value), expected,
          "check the spelling, or add the file");
    return std::nullopt;
  }
  // A symlink inside the root may still point outside it.
  const fs::path real_root = fs::canonical(root, ec);
  const fs::path real = fs::canonical(full, ec);
  const auto [root_end, unused] = std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end());
  if (ec || root_end != real_root.end()) {
    error(node, fmt::format("'{}' leaves the content root through a link: '{}'", what, *value), expected,
          "copy the file into the content root instead of linking to it");
    return std::nullopt;
  }
  return path;
}

bool Reader::list(const yaml::Node& node, std::string_view what, const std::function<void(const yaml::Node&)>& each) {
  if (!node.IsSequence()) {
    error(node, fmt::format("'{}' must be a list, not {}", what, kind_of(node)),
          "a list: one item per line starting with '- ', or [a, b]");
    return false;
  }
  for (const auto& item : node) each(item);
  return true;
}

namespace {

// Keys that have been renamed: the schema's keys are English since the case
// keys left Dutch. An old content root gets the new name, not a guess.
std::optional<std::string> renamed_key(const std::string& key, const std::vector<std::string>& keys) {
  static const std::vector<std::pair<std::string, std::string>> renamed = {
      {"ambitie", "ambition"},   {"vraagstuk", "question"},   {"vraageigenaar", "owner"},   {"uitvraag", "tender"},
      {"oplossing", "solution"}, {"te_weinig", "too_little"}, {"met_impact", "with_impact"}};
  for (const auto& [old_key, new_key] : renamed) {
    if (key == old_key && std::find(keys.begin(), keys.end(), new_key) != keys.end()) return new_key;
  }
  return std::nullopt;
}

}  // namespace

MapReader::MapReader(Reader& reader, const yaml::Node& node, std::string what, std::vector<std::string> keys)
    : reader_(reader), node_(node), what_(std::move(what)), is_map_(node.IsMap()) {
  if (!is_map_) {
    reader_.error(node, fmt::format("{} must be a map of keys and values, not {}", what_, kind_of(node)),
                  "keys: " + join_or(keys));
    return;
  }
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) {
      reader_.error(entry.first, fmt::format("a key in {} must be a word", what_), "keys: " + join_or(keys));
      continue;
    }
    const std::string& key = entry.first.Scalar();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      const auto renamed = renamed_key(key, keys);
      const auto near = renamed ? renamed : closest(key, keys);
      if (near) suggested_.push_back(*near);
      reader_.error(entry.first, fmt::format("unknown key '{}' in {}", shortened(key), what_),
                    "one of " + join_or(keys),
                    renamed ? fmt::format("did you mean '{}'? The key was renamed: the schema's keys are English "
                                          "(docs/content.md)",
                                          *renamed)
                    : near  ? fmt::format("did you mean '{}'?", *near)
                            : "remove it (see docs/content.md)");
      continue;
    }
    const auto seen = std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return e.key == key; });
    if (seen != entries_.end()) {
      reader_.error(
          entry.first,
          fmt::format("duplicate key '{}' in {}; first given at line {}", key, what_, reader_.pos(seen->key_node).line),
          "each key once", "remove one of the two");
      continue;
    }
    reader_.place_empty_value_at_key(entry.second, entry.first);
    entries_.push_back({key, entry.first, entry.second});
  }
}

std::optional<yaml::Node> MapReader::get(std::string_view key) const {
  const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return e.key == key; });
  if (it == entries_.end()) return std::nullopt;
  return it->value;
}

std::optional<yaml::Node> MapReader::required(std::string_view key, std::string_view expected) const {
  auto value = get(key);
  // A misspelt key was reported with a "did you mean" already.
  const bool suggested = std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end();
  if (!value && is_map_ && !suggested) {
    reader_.error(node_, fmt::format("{} is missing '{}'", what_, key), std::string(expected),
                  fmt::format("add `{}:`", key));
  }
  return value;
}

}  // namespace impactkit::content::detail
