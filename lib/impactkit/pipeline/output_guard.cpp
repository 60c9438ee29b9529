#include <impactkit/pipeline/output_guard.hpp>

#include <impactkit/core/file_io.hpp>
#include <impactkit/core/staging.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

namespace impactkit::pipeline {
namespace fs = std::filesystem;

namespace {

std::string shown(const fs::path& path) {
  return path.lexically_normal().string();
}

std::string reason(int err) {
  return std::generic_category().message(err);
}

// The folders a build reads the content from: writing into one of them
// would change the content (and the next build's keys), or worse.
constexpr std::array content_folders = {"cases", "locales", "assets", "templates", "fonts"};

fs::path lock_path(const fs::path& output_dir) {
  return output_dir / ".impactkit" / "lock";
}

// Checks the folder, makes OUTPUT/.impactkit and opens (or makes) the lock file.
int open_lock(const fs::path& root, const fs::path& output_dir) {
  check_output_dir(root, output_dir);
  const fs::path lock = lock_path(output_dir);
  // OUTPUT/.impactkit as a link would take the lock, the manifest, the
  // caches and the staged files wherever it leads.
  try {
    refuse_links_below(output_dir, lock);
  } catch (const OutputRefused& e) {
    throw OutputError(e.what());
  }
  std::error_code ec;
  fs::create_directories(lock.parent_path(), ec);
  if (ec) {
    throw OutputError(fmt::format("cannot write into the output folder {}: cannot make {}: {}", shown(output_dir),
                                  shown(lock.parent_path()), ec.message()));
  }
  // O_NOFOLLOW: a link planted in place of the lock file is not followed
  // (opening it would create or lock a file elsewhere).
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) throw OutputError(fmt::format("cannot open the lock file {}: {}", shown(lock), reason(errno)));
  return fd;
}

// The pid the holder of the lock wrote into it, for the message of a build that waits.
std::string holder_of(int fd) {
  std::array<char, 32> buffer{};
  const ssize_t n = ::pread(fd, buffer.data(), buffer.size() - 1, 0);
  std::string pid(buffer.data(), n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid.empty() ? std::string("another process") : "pid " + pid;
}

// Whether `fd` is still the file at `path`: a lock taken on a file since
// removed from its folder guards nothing.
bool is_lock_file(int fd, const fs::path& path) {
  struct stat open {};
  struct stat named {};
  return ::fstat(fd, &open) == 0 && ::stat(path.c_str(), &named) == 0 && open.st_dev == named.st_dev &&
         open.st_ino == named.st_ino;
}

// Whether the output folder holds nothing but .impactkit/ with its lock
// file: a new folder, or one that a build with errors left as it found it.
bool only_lock_in(const fs::path& output_dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(output_dir, ec)) {
    if (entry.path().filename() != ".impactkit") return false;
  }
  for (const auto& entry : fs::directory_iterator(output_dir / ".impactkit", ec)) {
    if (entry.path().filename() != "lock") return false;
  }
  return !ec;
}

// A link anywhere in OUTPUT/.impactkit (the manifest, a cache entry, a
// folder of a killed build's staging) is refused: the build writes there.
void refuse_links_in_bookkeeping(const fs::path& output_dir) {
  std::error_code ec;
  const fs::path bookkeeping = output_dir / ".impactkit";
  for (auto it = fs::recursive_directory_iterator(bookkeeping, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_symlink(ec)) continue;
    const std::string link = shown(it->path());
    throw OutputError(fmt::format(
        "{} is a link inside the output folder {}: a build writes its bookkeeping there, never through a link\n"
        "  fix: remove the link (rm {})",
        link, shown(output_dir), link));
  }
}

// The outputs an unfinished build was moving into place (mark_unfinished):
// its own files, though no manifest names them yet.
std::set<std::string> outputs_in_marker(const fs::path& output_dir) {
  std::set<std::string> outputs;
  const auto text = read_file(unfinished_marker(output_dir));
  if (!text) return outputs;
  std::string_view rest = *text;
  bool first = true;  // the pid
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    if (!first && !line.empty()) outputs.emplace(line);
    first = false;
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  }
  return outputs;
}

}  // namespace

void check_output_dir(const fs::path& root, const fs::path& output_dir) {
  std::error_code ec;
  const std::string fix =
      fmt::format("build into a folder of its own, e.g. {} (the default), with -o DIR", shown(root / "output"));
  if (fs::exists(output_dir, ec) && !fs::is_directory(output_dir, ec)) {
    throw OutputError(fmt::format("the output folder {} is not a folder\n  fix: {}", shown(output_dir), fix));
  }
  if (stays_within(output_dir, root)) {
    throw OutputError(fmt::format(
        "the output folder {} is the content root {} or holds it: a build there would write among the content\n"
        "  fix: {}",
        shown(output_dir), shown(root), fix));
  }
  for (const char* folder : content_folders) {
    if (stays_within(root / folder, output_dir)) {
      throw OutputError(fmt::format(
          "the output folder {} lies inside the content folder {}: a build there would write among the content\n"
          "  fix: {}",
          shown(output_dir), shown(root / folder), fix));
    }
  }
}

fs::path unfinished_marker(const fs::path& output_dir) {
  return output_dir / ".impactkit" / "unfinished";
}

fs::path staging_folder(const fs::path& output_dir) {
  return output_dir / ".impactkit" / "staging";
}

std::size_t remove_temporaries(const fs::path& output_dir) {
  std::vector<fs::path> found;
  std::error_code ec;
  // The iterator does not follow links to folders: nothing outside the
  // output folder is looked at, let alone removed.
  for (auto it = fs::recursive_directory_iterator(output_dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!is_temporary_name(it->path().filename().string())) continue;
    found.push_back(it->path());
    if (it->is_directory(ec)) it.disable_recursion_pending();  // a PDF/X working folder: removed whole
  }
  std::size_t removed = 0;
  for (const auto& path : found) {
    std::error_code ignored;
    // remove_all on a link removes the link, never what it points to.
    if (fs::remove_all(path, ignored) > 0) ++removed;
  }
  return removed;
}

void OutputGuard::Fd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

void OutputGuard::take_lock(const fs::path& root, const Waiting& waiting) {
  bool told = false;
  for (;;) {
    std::error_code ec;
    made_folder_ = !fs::exists(output_dir_, ec);
    lock_.reset(open_lock(root, output_dir_));
    // Try first: only a build that actually has to wait says so.
    if (::flock(lock_.get(), LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK) {
        throw OutputError(fmt::format("cannot lock {}: {}", shown(lock_path(output_dir_)), reason(errno)));
      }
      if (waiting && !told) waiting(holder_of(lock_.get()));
      told = true;
      while (::flock(lock_.get(), LOCK_EX) != 0) {
        if (errno != EINTR) {
          throw OutputError(fmt::format("cannot lock {}: {}", shown(lock_path(output_dir_)), reason(errno)));
        }
      }
    }
    if (is_lock_file(lock_.get(), lock_path(output_dir_))) return;
    // The build that held it failed in a new folder and took the lock file
    // away with the rest (leave_as_found): this lock guards nothing now.
  }
}

OutputGuard::OutputGuard(const fs::path& root, const fs::path& output_dir, const Waiting& waiting)
    : output_dir_(output_dir) {
  take_lock(root, waiting);
  // Who holds it, for the message of a build that comes while this one runs.
  const std::string pid = fmt::format("{}\n", ::getpid());
  if (::ftruncate(lock_.get(), 0) != 0 || ::pwrite(lock_.get(), pid.data(), pid.size(), 0) < 0) {
    // Only the message of a waiting build loses its pid: not a reason to stop.
  }
  std::error_code ec;
  last_build_unfinished_ = fs::exists(unfinished_marker(output_dir), ec);
  if (last_build_unfinished_) unfinished_outputs_ = outputs_in_marker(output_dir);
  // With the lock held, no other build is writing here: a staging folder
  // or a temporary is a killed build's leftover.
  const fs::path staging = staging_folder(output_dir);
  fs::remove_all(staging, ec);
  temporaries_removed_ = remove_temporaries(output_dir);
  refuse_links_in_bookkeeping(output_dir);
  found_empty_ = only_lock_in(output_dir);
  if (!ec) fs::create_directories(staging, ec);
  if (ec) {
    throw OutputError(fmt::format("cannot write into the output folder {}: {} (making {})", shown(output_dir),
                                  ec.message(), shown(staging)));
  }
}

OutputGuard::~OutputGuard() {
  std::error_code ec;
  fs::remove_all(staging_folder(output_dir_), ec);
  if (!succeeded_ && found_empty_) leave_as_found();
}

void OutputGuard::mark_unfinished(const std::vector<fs::path>& outputs) const {
  std::string text = fmt::format("{}\n", ::getpid());
  for (const auto& output : outputs) text += output.lexically_relative(output_dir_).generic_string() + "\n";
  write_file_atomically(unfinished_marker(output_dir_), text);
}

// The order keeps builds that wait, or come now, one at a time: the lock
// file goes last of what this build made in .impactkit/, while it still
// holds it (a build waiting on it then finds it gone and locks anew), and
// the folders only go when empty (a build that came meanwhile has made
// its own lock file in them).
void OutputGuard::leave_as_found() const {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(output_dir_, ec)) {
    if (entry.path().filename() != ".impactkit") return;  // a commit stopped half-way: what it moved stays
  }
  if (ec) return;
  const fs::path bookkeeping = output_dir_ / ".impactkit";
  std::vector<fs::path> made;
  for (const auto& entry : fs::directory_iterator(bookkeeping, ec)) {
    if (entry.path().filename() != "lock") made.push_back(entry.path());
  }
  for (const auto& path : made) fs::remove_all(path, ec);
  fs::remove(lock_path(output_dir_), ec);
  fs::remove(bookkeeping, ec);
  if (made_folder_) fs::remove(output_dir_, ec);
}

}  // namespace impactkit::pipeline
