#include <impactkit/pipeline/content_files.hpp>

#include <impactkit/core/digest.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/version.hpp>

#include <algorithm>
#include <utility>

namespace impactkit::pipeline {
namespace fs = std::filesystem;

namespace {

std::string file_digest(const fs::path& file) {
  Digest d;
  d.add(file.string());
  const auto bytes = read_file(file);
  d.add(bool(bytes)).add(bytes ? std::string_view(*bytes) : std::string_view());
  return d.hex();
}

}  // namespace

ContentFiles::ContentFiles(const fs::path& root) {
  std::vector<std::pair<fs::path, bool>> paths;  // and whether it is a case file
  std::error_code ec;
  for (const char* file : {"roadshow.yaml", "theme.yaml", "sdgs.yaml"}) paths.emplace_back(root / file, false);
  const auto add_tree = [&](const fs::path& dir, bool cases) {
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file(ec)) paths.emplace_back(it->path(), cases);
    }
    ec.clear();
  };
  for (const char* dir : {"locales", "assets", "templates"}) add_tree(root / dir, false);
  add_tree(root / "cases", true);
  add_tree(IMPACTKIT_SOURCE_TEMPLATES_DIR_FOR_KEYS, false);
  std::sort(paths.begin(), paths.end());
  for (const auto& [path, is_case] : paths) files_.push_back({path.string(), file_digest(path), is_case});
  Digest fonts;
  for (const auto& f : fs::directory_iterator(root / "fonts", ec)) {
    fonts.add(f.path().string()).add(static_cast<std::uint64_t>(f.file_size(ec)));
  }
  fonts_ = fonts.hex();
}

std::string ContentFiles::key(std::string_view unit, std::string_view inputs, CaseFiles cases) const {
  Digest d;
  d.add(version).add(unit).add(inputs);
  for (const File& f : files_) {
    if (cases == CaseFiles::all || !f.is_case) d.add(f.path).add(f.digest);
  }
  return d.add(fonts_).hex();
}

}  // namespace impactkit::pipeline
