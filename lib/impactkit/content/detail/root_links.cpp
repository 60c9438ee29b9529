#include <impactkit/content/detail/root_links.hpp>

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>

namespace impactkit::content::detail {
namespace fs = std::filesystem;

namespace {

// A FIFO, device or socket among the content files: reading it would hang
// the build (a FIFO has no end until a writer comes) or read a device.
// Refused wherever it is, so that no reader meets it.
bool plain_entry(const fs::path& root, const fs::path& path, const fs::file_status& status, Diagnostics& diagnostics) {
  if (!fs::exists(status) || fs::is_regular_file(status) || fs::is_directory(status)) return true;
  // A YAML file is refused where it is named, with the line that names it.
  if (path.extension() == ".yaml") return true;
  const fs::path relative = path.lexically_relative(root);
  const char* kind = fs::is_fifo(status) ? "a FIFO (named pipe)" : fs::is_socket(status) ? "a socket" : "a device";
  diagnostics.error({display_name(root, relative), 0, 0},
                    fmt::format("'{}' is {}, not a regular file", relative.generic_string(), kind),
                    "only files and folders in a content root", "remove it, or replace it by the file it stands for");
  return false;
}

}  // namespace

namespace {
constexpr std::array walked_folders = {"cases", "locales", "assets", "templates", "fonts"};
}  // namespace

bool walked_by_link_check(const fs::path& relative) {
  if (relative.empty()) return false;
  const std::string first = relative.begin()->string();
  if (relative == "roadshow.yaml") return true;
  return std::find(walked_folders.begin(), walked_folders.end(), first) != walked_folders.end() &&
         std::next(relative.begin()) != relative.end();
}

void report_unreadable_folder(const fs::path& root, const fs::path& folder, const std::error_code& ec,
                              Diagnostics& diagnostics) {
  const fs::path relative = folder.lexically_relative(root);
  diagnostics.error(
      {display_name(root, relative), 0, 0},
      fmt::format("cannot read the folder '{}' of the content root: {}", relative.generic_string(), ec.message()),
      "folders that impactkit can read, so that it can check every file in them",
      "make the folder readable (chmod a+rx), or remove it from the content root");
}

void check_links_stay_in_root(const fs::path& root, Diagnostics& diagnostics) {
  const auto check = [&](const fs::path& path) {
    // Only links can lead out: a plain file or folder under the root is in it.
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    if (!fs::is_symlink(status)) return plain_entry(root, path, status, diagnostics);
    // The link's own target too: weakly_canonical does not follow a link
    // that leads nowhere, and a dangling link out is still a link out.
    const fs::path target = fs::read_symlink(path, ec);
    if (!ec && stays_within(root, path) &&
        stays_within(root, target.is_absolute() ? target : path.parent_path() / target)) {
      return true;
    }
    const fs::path relative = path.lexically_relative(root);
    diagnostics.error(
        {display_name(root, relative), 0, 0},
        fmt::format("'{}' leaves the content root through a link to '{}'", relative.generic_string(), target.string()),
        "a file inside the content root", "copy the file into the content root instead of linking to it");
    return false;
  };
  check(root / "roadshow.yaml");
  for (const char* folder : walked_folders) {
    // A folder that is itself a link out is reported once, and not walked.
    if (!check(root / folder)) continue;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(root / folder, ec))) continue;
    // The walk does not follow links to folders: each link is checked as an entry.
    auto it = fs::recursive_directory_iterator(root / folder, ec);
    fs::path last = root / folder;
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      last = it->path();
      check(last);
    }
    // A folder that cannot be read ends the walk: said, never silently, for
    // what is behind it (and after it) was not checked.
    if (ec) report_unreadable_folder(root, fs::is_directory(last) ? last : root / folder, ec, diagnostics);
  }
}

}  // namespace impactkit::content::detail
