#include <impactkit/content/detail/root_links.hpp>

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>

#include <array>

namespace impactkit::content::detail {
namespace fs = std::filesystem;

void check_links_stay_in_root(const fs::path& root, Diagnostics& diagnostics) {
  const auto check = [&](const fs::path& path) {
    // Only links can lead out: a plain file or folder under the root is in it.
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(path, ec))) return true;
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
  for (const char* folder : std::array{"cases", "locales", "assets", "templates", "fonts"}) {
    // A folder that is itself a link out is reported once, and not walked.
    if (!check(root / folder)) continue;
    std::error_code ec;
    // The walk does not follow links to folders: each link is checked as an entry.
    for (auto it = fs::recursive_directory_iterator(root / folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      check(it->path());
    }
  }
}

}  // namespace impactkit::content::detail
