#include <impactkit/content/init_roadshow.hpp>
#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace impactkit::content {
namespace fs = std::filesystem;

namespace {

// Where the starter is. Installed: share/impactkit/starter/ holds LANG/ and
// the project's theme.yaml, sdgs.yaml and locales/. In the source tree:
// starter/LANG/, and the project's files at its root. The SDGs, the locale
// and the theme's styles are the project's own, so that a fork starts from
// what this roadshow uses.
struct StarterPaths {
  fs::path language;  // starter/LANG/: roadshow.yaml, theme.yaml, cases/, assets/
  fs::path project;   // theme.yaml, sdgs.yaml, locales/
};

StarterPaths starter_paths(const std::string& language) {
  std::error_code ec;
  const fs::path installed = IMPACTKIT_INSTALLED_STARTER_DIR;
  if (fs::is_regular_file(installed / language / roadshow_file_name, ec)) return {installed / language, installed};
  const fs::path source = IMPACTKIT_SOURCE_DIR_FOR_STARTER;
  return {source / "starter" / language, source};
}

std::string read_or_throw(const fs::path& file) {
  auto text = read_file(file);
  if (!text) throw InitError("cannot read the starter file " + file.string() + ": is impactkit installed completely?");
  return *text;
}

// A YAML double-quoted scalar.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// Replaces the first whole line that starts with `prefix` by `line`; false
// when there is none.
bool replace_line(std::string& text, const std::string& prefix, const std::string& line) {
  for (std::size_t at = 0; at < text.size();) {
    const auto end = std::min(text.find('\n', at), text.size());
    if (text.compare(at, prefix.size(), prefix) == 0) {
      text.replace(at, end - at, line);
      return true;
    }
    at = end + 1;
  }
  return false;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = std::min(text.find('\n', at), text.size());
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

// The key of a top-level mapping line ("styles:" -> "styles"), else empty.
std::string top_level_key(const std::string& line) {
  if (line.empty() || !(std::isalpha(static_cast<unsigned char>(line[0])) != 0 || line[0] == '_')) return {};
  const auto colon = line.find(':');
  if (colon == std::string::npos) return {};
  const std::string key = line.substr(0, colon);
  const bool plain = std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
  });
  return plain ? key : std::string();
}

// `line` without its comment: a '#' after a blank, outside quotes. The
// project's comments are in its own language; the starter has its own.
std::string without_comment(const std::string& line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote == '"' && c == '\\') {
      ++i;
    } else if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      const auto end = line.find_last_not_of(" \t", i == 0 ? std::string::npos : i - 1);
      return i == 0 || end == std::string::npos ? std::string() : line.substr(0, end + 1);
    }
  }
  return line;
}

// The project file's top-level sections by key, in order, each without its
// comments and blank lines.
std::vector<std::pair<std::string, std::string>> sections_of(const std::string& theme) {
  std::vector<std::pair<std::string, std::string>> sections;
  for (const auto& line : lines_of(theme)) {
    if (auto key = top_level_key(line); !key.empty()) sections.emplace_back(key, std::string());
    if (sections.empty()) continue;
    const std::string kept = without_comment(line);
    if (kept.find_first_not_of(" \t") == std::string::npos) continue;
    sections.back().second += kept + '\n';
  }
  return sections;
}

}  // namespace

std::string compose_with_project(const std::string& starter_text, const std::string& project_text) {
  const auto project = sections_of(project_text);
  std::set<std::string> present;
  std::string out;
  for (const auto& line : lines_of(starter_text)) {
    constexpr std::string_view marker = "#@project ";
    if (line.starts_with(marker)) {
      const std::string key = line.substr(marker.size());
      const auto section = std::find_if(project.begin(), project.end(), [&](const auto& s) { return s.first == key; });
      // A section the project no longer has: the rest below brings what replaced it.
      if (section != project.end()) out += section->second;
      present.insert(key);
      continue;
    }
    if (auto key = top_level_key(line); !key.empty()) present.insert(key);
    out += line + '\n';
  }
  for (const auto& [key, text] : project) {
    if (present.insert(key).second) out += '\n' + text;
  }
  return out;
}

namespace {

void check_options(const InitOptions& options) {
  if (std::find(init_languages.begin(), init_languages.end(), options.language) == init_languages.end()) {
    throw InitUsageError(fmt::format("there is no starter in language '{}': choose one of {}", options.language,
                                     fmt::join(init_languages, ", ")));
  }
  for (const auto* value : {&options.organisation, &options.title}) {
    if (std::any_of(value->begin(), value->end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
      throw InitUsageError(fmt::format("'{}' has a line break or control character: give it on one line", *value));
    }
  }
  if (options.organisation.find_first_not_of(' ') == std::string::npos) {
    throw InitUsageError("--organisation is empty: give the name of the organisation that runs the roadshow");
  }
}

// The starter's files of this language, relative to its folder, sorted: the
// same tree on every machine.
std::vector<fs::path> starter_files(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path().lexically_relative(folder));
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A starter file's text with the organisation's name filled in: quoted as a
// value (roadshow.yaml's `organisation`, theme.yaml's `name`), as it is in
// comments. The roadshow also gets the title, if one was given.
std::string personalised(std::string text, const fs::path& relative, const InitOptions& options) {
  replace_line(text, "organisation: {organisation}", "organisation: " + quoted(options.organisation));
  replace_line(text, "name: {organisation}", "name: " + quoted(options.organisation));
  if (relative == roadshow_file_name && !options.title.empty()) {
    replace_line(text, "title: ", "title: " + quoted(options.title));
  }
  replace_all(text, "{organisation}", options.organisation);
  return text;
}

}  // namespace

std::vector<fs::path> init_roadshow(const fs::path& dir, const InitOptions& options) {
  check_options(options);
  const StarterPaths starter = starter_paths(options.language);
  std::error_code ec;
  if (fs::exists(dir / roadshow_file_name, ec)) {
    throw InitError(fmt::format("{} already has a {}: init never overwrites a roadshow; choose an empty folder",
                                dir.string(), roadshow_file_name));
  }
  if (!fs::is_directory(starter.language, ec)) {
    throw InitError("cannot find the starter " + starter.language.string() + ": is impactkit installed completely?");
  }
  // What to write, relative to `dir`, and from what.
  std::map<fs::path, std::string> files;
  for (const auto& relative : starter_files(starter.language)) {
    std::string text = personalised(read_or_throw(starter.language / relative), relative, options);
    // The project's styles and goals, under the starter's comments.
    if (relative == "theme.yaml" || relative == "sdgs.yaml") {
      text = compose_with_project(text, read_or_throw(starter.project / relative));
    }
    files.emplace(relative, std::move(text));
  }
  const fs::path locale = fs::path("locales") / (options.language + ".yaml");
  files.emplace(locale, read_or_throw(starter.project / locale));
  for (const char* required : {roadshow_file_name, "theme.yaml", "sdgs.yaml"}) {
    if (!files.contains(required)) throw InitError("the starter " + starter.language.string() + " has no " + required);
  }

  for (const auto& [relative, text] : files) {
    if (fs::exists(dir / relative, ec)) {
      throw InitError(fmt::format("{} already has {}: init never overwrites; choose an empty folder", dir.string(),
                                  relative.string()));
    }
  }
  std::vector<fs::path> written;
  for (const auto& [relative, text] : files) {
    fs::create_directories((dir / relative).parent_path());
    write_file_atomically(dir / relative, text);
    written.push_back(dir / relative);
  }
  return written;
}

}  // namespace impactkit::content
