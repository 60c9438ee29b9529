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

// Moves `from` onto `to`. Across file systems (a folder of the output that
// is a link to another disk) rename cannot: a copy beside `to`, renamed
// over it, so that `to` is still never seen half written.
void move_into_place(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) == 0) return;
  const int err = errno;
  std::error_code ec;
  // A path asked for and then not written (a product that found nothing
  // to write there) leaves the output as it is.
  if (err == ENOENT && !fs::exists(fs::symlink_status(from, ec))) return;
  if (err != EXDEV) fail("cannot move into place", to, err);
  std::string copy = (to.parent_path() / (temporary_prefix(to) + "XXXXXX")).string();
  const int fd = ::mkstemp(copy.data());
  if (fd < 0) fail("cannot create a temporary file for", to, errno);
  ::close(fd);
  fs::copy_file(from, copy, fs::copy_options::overwrite_existing, ec);
  if (!ec && ::rename(copy.c_str(), to.c_str()) != 0) ec.assign(errno, std::generic_category());
  if (ec) {
    std::error_code ignored;
    fs::remove(copy, ignored);
    throw fs::filesystem_error("cannot move into place", to, ec);
  }
}

}  // namespace

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

void Staging::commit() {
  const std::lock_guard lock(mutex_);
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
