#include <impactkit/pipeline/watch.hpp>

#include <impactkit/content/loader.hpp>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <set>
#include <system_error>

namespace impactkit::pipeline {
namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t watched_events =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF;

}  // namespace

bool is_scratch_file(const fs::path& file) {
  const std::string name = file.filename().string();
  if (name.empty() || name.front() == '.' || name.front() == '#' || name.back() == '~') return true;
  if (name == "4913") return true;  // vim's test of whether it may write the folder
  const std::string ext = file.extension().string();
  return ext == ".swp" || ext == ".swx" || ext == ".tmp" || ext == ".part";
}

Watcher::Watcher(const fs::path& root) : root_(root) {
  fd_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "cannot watch for changes (inotify)");
  interrupt_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (interrupt_fd_ < 0) {
    close(fd_);
    throw std::system_error(errno, std::generic_category(), "cannot watch for changes (eventfd)");
  }
  add(root, false);
  for (const char* folder : {"cases", "locales", "assets", "fonts"}) add(root / folder, true);
  for (const auto& folder : content::template_dirs(root)) add(folder, true);
}

Watcher::~Watcher() {
  if (fd_ >= 0) close(fd_);
  if (interrupt_fd_ >= 0) close(interrupt_fd_);
}

void Watcher::interrupt() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = write(interrupt_fd_, &one, sizeof one);
}

bool Watcher::interrupted() const {
  pollfd p{interrupt_fd_, POLLIN, 0};
  return poll(&p, 1, 0) > 0;
}

void Watcher::add(const fs::path& folder, bool recursive) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;
  const int wd = inotify_add_watch(fd_, folder.c_str(), watched_events);
  if (wd < 0) throw std::system_error(errno, std::generic_category(), "cannot watch " + folder.string());
  folders_[wd] = folder;
  recursive_[wd] = recursive;
  if (!recursive) return;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_directory(ec) && !is_scratch_file(entry.path())) add(entry.path(), true);
  }
}

std::vector<fs::path> Watcher::folders() const {
  std::set<fs::path> unique;
  for (const auto& [wd, folder] : folders_) unique.insert(folder);
  return {unique.begin(), unique.end()};
}

bool Watcher::read_events(int timeout_ms, std::vector<fs::path>& changed) {
  std::array<pollfd, 2> p{pollfd{fd_, POLLIN, 0}, pollfd{interrupt_fd_, POLLIN, 0}};
  const int ready = poll(p.data(), p.size(), timeout_ms);
  if (ready < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "waiting for changes");
  if (ready <= 0 || (p[0].revents & POLLIN) == 0) return false;
  // inotify_event is followed by its name: read into an aligned buffer.
  alignas(inotify_event) std::array<char, 16384> buffer{};
  bool any = false;
  for (;;) {
    const ssize_t n = read(fd_, buffer.data(), buffer.size());
    if (n <= 0) break;
    for (ssize_t at = 0; at < n;) {
      inotify_event event{};
      std::copy_n(buffer.data() + at, sizeof event, reinterpret_cast<char*>(&event));
      const std::string name = event.len > 0 ? std::string(buffer.data() + at + sizeof event) : std::string();
      at += static_cast<ssize_t>(sizeof event + event.len);
      const auto folder = folders_.find(event.wd);
      if (folder == folders_.end()) continue;
      if ((event.mask & IN_DELETE_SELF) != 0) {
        folders_.erase(folder);
        continue;
      }
      const fs::path path = folder->second / name;
      if (name.empty() || is_scratch_file(path)) continue;
      if ((event.mask & IN_ISDIR) != 0) {
        // A new folder of cases or assets is watched too; folders in the
        // root itself (such as output/) are not content.
        if ((event.mask & (IN_CREATE | IN_MOVED_TO)) != 0 && recursive_[event.wd]) add(path, true);
        if (!recursive_[event.wd]) continue;
      }
      changed.push_back(path);
      any = true;
    }
  }
  return any;
}

std::vector<fs::path> Watcher::wait(std::chrono::milliseconds settle) {
  std::vector<fs::path> changed;
  while (!read_events(-1, changed)) {
    if (interrupted()) return {};
  }
  while (read_events(static_cast<int>(settle.count()), changed)) {
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

}  // namespace impactkit::pipeline
