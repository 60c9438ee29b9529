#include <impactkit/content/init_roadshow.hpp>
#include <impactkit/content/loader.hpp>
#include <impactkit/content/new_case.hpp>
#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>

namespace impactkit::content {
namespace fs = std::filesystem;

namespace {

constexpr const char* example_case = "voorbeeld-case";

// Where the starter content is: installed, else in the source tree. The
// starter's roadshow and logo live in starter/; the SDGs, theme and locales
// are the project's own, so that a fork starts from what this roadshow uses.
fs::path starter_root() {
  std::error_code ec;
  fs::path installed = IMPACTKIT_INSTALLED_STARTER_DIR;
  if (fs::is_regular_file(installed / "roadshow.yaml", ec)) return installed;
  return IMPACTKIT_SOURCE_DIR_FOR_STARTER;
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
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

std::vector<fs::path> init_roadshow(const fs::path& dir, const InitOptions& options) {
  std::error_code ec;
  if (fs::exists(dir / roadshow_file_name, ec)) {
    throw InitError(fmt::format("{} already has a {}: init never overwrites a roadshow; choose an empty folder",
                                dir.string(), roadshow_file_name));
  }
  const fs::path starter = starter_root();
  const bool installed = starter != fs::path(IMPACTKIT_SOURCE_DIR_FOR_STARTER);
  const fs::path starter_files = installed ? starter : starter / "starter";
  std::vector<fs::path> written;
  const auto write = [&](const fs::path& relative, const std::string& text) {
    fs::create_directories((dir / relative).parent_path());
    write_file_atomically(dir / relative, text);
    written.push_back(dir / relative);
  };

  std::string roadshow = read_or_throw(starter_files / "roadshow.yaml");
  replace_all(roadshow, "title: {title}", "title: " + quoted(options.title));
  replace_all(roadshow, "organisation: {organisation}", "organisation: " + quoted(options.organisation));
  replace_all(roadshow, "{organisation}", options.organisation);
  write(roadshow_file_name, roadshow);

  std::string theme = read_or_throw(starter / "theme.yaml");
  const auto name_at = theme.find("\nname:");
  if (name_at != std::string::npos) {
    const auto line_end = theme.find('\n', name_at + 1);
    theme.replace(
        name_at + 1, line_end - name_at - 1,
        "name: " + quoted(options.organisation) +
            "\n# Het logo van de organisatie (SVG, PNG of JPEG); vervang de plaatshouder.\nlogo: assets/logo.svg");
  }
  write("theme.yaml",
        "# Kleuren, lettertypen en tekststijlen: vervang de kleuren door die van de eigen huisstijl.\n" + theme);
  write("assets/logo.svg", read_or_throw(starter_files / "assets" / "logo.svg"));
  write("sdgs.yaml", read_or_throw(starter / "sdgs.yaml"));
  for (const char* language : {"nl", "en"}) {
    const fs::path locale = fs::path("locales") / (std::string(language) + ".yaml");
    write(locale, read_or_throw(starter / locale));
  }
  write(fs::path("cases") / (std::string(example_case) + ".yaml"), case_skeleton(example_case, "nl"));
  return written;
}

}  // namespace impactkit::content
