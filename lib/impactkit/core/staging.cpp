#include <impactkit/core/staging.hpp>

#include <impactkit/core/file_io.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace impactkit {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const char* what, const fs::path& path, int err) {
  throw fs::filesystem_error(what, path, std::error_code(err, std::generic_category()));
}

// `target` relative to `folder`, or empty when it does not lie inside it.
fs::path inside(const fs::path& folder, const fs::path& target) {
  const fs::path relative = target.lexically_normal().lexically_relative(folder.lexically_normal());
  if (relative.empty() || relative == "." || *relative.begin() == "..") return {};
  return relative;
}

// The folders an output needs, made where missing; those this call made
// are added to `made` (deepest last), so that a commit that stops can take
// them away again.
void make_folders(const fs::path& folder, std::vector<fs::path>& made) {
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path f = folder; !f.empty() && !fs::exists(fs::symlink_status(f, ec)); f = f.parent_path()) {
    missing.push_back(f);
    if (f == f.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0755) == 0) {
      made.push_back(*it);
    } else if (errno != EEXIST) {
      fail("cannot make the folder", *it, errno);
    }
  }
  // A folder that is there but read-only (or not a folder) would stop the
  // commit half-way: found now, before any output changed.
  if (!fs::is_directory(folder, ec)) fail("cannot write into", folder, ENOTDIR);
  if (::access(folder.c_str(), W_OK | X_OK) != 0) fail("cannot write into", folder, errno);
}

// Moves `from` onto `to`. Both lie in the output folder's own tree (no
// link below it is followed: refuse_links_below), one file system, so
// rename(2) never has to cross one; if it would (EXDEV: a mount inside the
// output folder), the commit stops like at any file that cannot be moved.
void move_into_place(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) == 0) return;
  const int err = errno;
  std::error_code ec;
  // A path asked for and then not written (a product that found nothing
  // to write there) leaves the output as it is.
  if (err == ENOENT && !fs::exists(fs::symlink_status(from, ec))) return;
  fail("cannot move into place", to, err);
}

std::string link_target(const fs::path& link) {
  std::error_code ec;
  const fs::path target = fs::read_symlink(link, ec);
  return ec ? std::string("somewhere") : target.string();
}

}  // namespace

std::optional<fs::path> link_below(const fs::path& folder, const fs::path& path) {
  fs::path at = folder;
  for (const auto& part : inside(folder, path)) {
    at /= part;
    struct stat st {};
    if (::lstat(at.c_str(), &st) != 0) return std::nullopt;  // not there yet: made as a real folder, or fails later
    if (S_ISLNK(st.st_mode)) return at;
  }
  return std::nullopt;
}

void refuse_links_below(const fs::path& folder, const fs::path& path) {
  const auto link = link_below(folder, path);
  if (!link) return;
  const std::string shown = link->lexically_normal().string();
  throw OutputRefused("the output path " + shown + " is a link (to " + link_target(*link) +
                      ") inside the output folder " + folder.lexically_normal().string() +
                      ": a build writes only into real folders there, never through a link\n  fix: remove the link "
                      "(rm " +
                      shown + "), or build elsewhere with -o DIR");
}

Staging::Staging(fs::path output_dir, fs::path folder)
    : output_dir_(std::move(output_dir)), folder_(std::move(folder)) {}

fs::path Staging::path_for(const fs::path& target) {
  const fs::path relative = inside(output_dir_, target);
  if (relative.empty()) {
    throw std::logic_error("an output outside the output folder " + output_dir_.string() + ": " + target.string());
  }
  const fs::path path = folder_ / relative;
  fs::create_directories(path.parent_path());  // safe from several threads: an existing folder is no error
  const std::lock_guard lock(mutex_);
  written_.insert(relative);
  return path;
}

void Staging::remove_at_commit(const fs::path& target) {
  const fs::path relative = inside(output_dir_, target);
  if (relative.empty()) return;  // never anything outside the output folder
  const std::lock_guard lock(mutex_);
  removed_.insert(relative);
}

std::vector<fs::path> Staging::written() const {
  const std::lock_guard lock(mutex_);
  std::vector<fs::path> out;
  for (const auto& relative : written_) out.push_back(output_dir_ / relative);
  return out;
}

void Staging::replace_only(std::function<bool(const fs::path&)> made_before, bool force) {
  const std::lock_guard lock(mutex_);
  made_before_ = std::move(made_before);
  force_ = force;
}

// Before anything moves: no output is reached through a link, and none
// replaces a file that no build made (unless forced).
void Staging::check_paths() const {
  for (const auto& relative : written_) {
    const fs::path target = output_dir_ / relative;
    refuse_links_below(output_dir_, target);
    struct stat st {};
    if (force_ || !made_before_ || ::lstat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (made_before_(relative)) continue;
    const std::string shown = target.lexically_normal().string();
    throw OutputRefused("the output " + shown + " is there, but no build into " +
                        output_dir_.lexically_normal().string() +
                        " made it: the build would overwrite it\n  fix: move the file out of the output folder, "
                        "or build with --force to replace it");
  }
}

void Staging::commit() {
  const std::lock_guard lock(mutex_);
  check_paths();
  std::vector<fs::path> made;
  try {
    std::set<fs::path> folders;
    for (const auto& relative : written_) folders.insert((output_dir_ / relative).parent_path());
    for (const auto& folder : folders) make_folders(folder, made);
  } catch (const fs::filesystem_error&) {
    // Nothing was moved yet: the folders made for it go too.
    for (auto it = made.rbegin(); it != made.rend(); ++it) ::rmdir(it->c_str());
    throw;
  }
  for (const auto& relative : written_) move_into_place(folder_ / relative, output_dir_ / relative);
  for (const auto& relative : removed_) {
    if (written_.contains(relative)) continue;
    const fs::path file = output_dir_ / relative;
    std::error_code ec;
    // A file, inside the output folder once links are followed: never a
    // folder, a link, or what a link leads to.
    if (!fs::is_regular_file(fs::symlink_status(file, ec)) || !stays_within(output_dir_, file)) continue;
    if (!fs::remove(file, ec) && ec) throw fs::filesystem_error("cannot remove", file, ec);
  }
}

fs::path staged(Staging* staging, const fs::path& target) {
  if (staging) return staging->path_for(target);
  if (target.has_parent_path()) fs::create_directories(target.parent_path());
  return target;
}

bool remove_output(Staging* staging, const fs::path& target) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(target, ec))) return false;
  if (staging) {
    staging->remove_at_commit(target);
    return true;
  }
  return fs::remove(target, ec);
}

}  // namespace impactkit
