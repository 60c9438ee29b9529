#include "fault_support.hpp"

#include "support.hpp"

#include <impactkit/core/digest.hpp>
#include <impactkit/core/file_io.hpp>

#include <pwd.h>
#include <unistd.h>

#include <stdexcept>

namespace impactkit::test {
namespace fs = std::filesystem;

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    const std::string relative = e.path().lexically_relative(dir).generic_string();
    if (relative.starts_with(".impactkit/")) continue;
    files[relative] = Digest().add(read_file(e.path()).value_or("<unreadable>")).hex();
  }
  return files;
}

std::vector<std::string> temporaries(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (is_temporary_name(e.path().filename().string())) {
      found.push_back(e.path().lexically_relative(dir).generic_string());
    }
  }
  return found;
}

void copy_repository_roadshow(const fs::path& to) {
  for (const char* f : {"roadshow.yaml", "theme.yaml", "sdgs.yaml"}) fs::copy_file(source_dir() / f, to / f);
  for (const char* d : {"cases", "locales"}) fs::copy(source_dir() / d, to / d, fs::copy_options::recursive);
  fs::create_directories(to / "templates");
}

std::optional<uid_t> unprivileged_user() {
  if (::geteuid() != 0) return std::nullopt;
  const passwd* nobody = ::getpwnam("nobody");
  return nobody ? nobody->pw_uid : 65534;
}

void hand_over(const fs::path& path, uid_t user) {
  const auto give = [&](const fs::path& p) {
    if (::lchown(p.c_str(), user, user) != 0) throw std::runtime_error("lchown failed on " + p.string());
  };
  give(path);
  if (fs::is_directory(path)) {
    for (const auto& e : fs::recursive_directory_iterator(path)) give(e.path());
  }
  // mkdtemp makes 0700 folders: the user must be able to pass through them.
  for (fs::path p = path; p.has_parent_path() && p != fs::temp_directory_path() && p != p.parent_path();
       p = p.parent_path()) {
    if (fs::is_directory(p)) {
      fs::permissions(p, fs::perms::others_exec | fs::perms::group_exec, fs::perm_options::add);
    }
  }
}

}  // namespace impactkit::test
