#pragma once
// Watching a content root for saves (`impactkit watch`): inotify on every
// folder a build reads — the root itself, cases/, locales/, assets/, fonts/
// and the template folders — so that a save is seen at once, without polling.

#include <chrono>
#include <filesystem>
#include <map>
#include <vector>

namespace impactkit::pipeline {

class Watcher {
 public:
  // Watches the folders of `root` that exist now, and folders made in them
  // later. Throws std::system_error when inotify is not available.
  explicit Watcher(const std::filesystem::path& root);
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;
  ~Watcher();

  // Blocks until a file in a watched folder is saved, made, moved or
  // removed, then keeps collecting for `settle` after the last change (an
  // editor's save is several events). Returns the changed files, sorted,
  // without editors' temporary and backup files; nothing when interrupted.
  std::vector<std::filesystem::path> wait(std::chrono::milliseconds settle);

  // Ends a wait() in another thread, and every later one (a server
  // stopping on Ctrl-C). Safe from any thread.
  void interrupt();

  // The folders watched, for the user to see.
  std::vector<std::filesystem::path> folders() const;

 private:
  void add(const std::filesystem::path& folder, bool recursive);
  bool interrupted() const;
  // Reads the events waiting (blocking up to `timeout`; -1 without end); false when none came.
  bool read_events(int timeout_ms, std::vector<std::filesystem::path>& changed);

  int fd_ = -1;
  int interrupt_fd_ = -1;  // an eventfd: readable once interrupt() was called
  std::filesystem::path root_;
  std::map<int, std::filesystem::path> folders_;  // watch descriptor -> folder
  std::map<int, bool> recursive_;                 // watch descriptor -> whether new subfolders are watched
};

// Whether a file name is an editor's temporary or backup file (vim's
// 4913 and .swp, emacs' #x# and x~, hidden files), not content.
bool is_scratch_file(const std::filesystem::path& file);

}  // namespace impactkit::pipeline
