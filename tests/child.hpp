#pragma once
// Running impactkit as a child process that a test can watch, kill, limit
// or run as another user; test::run_impactkit runs one and waits for it.

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::test {

struct ChildOptions {
  std::optional<uid_t> user;           // run as this user (and its group), when the test runs as root
  std::optional<long long> file_size;  // RLIMIT_FSIZE in bytes: writes beyond it fail with EFBIG
  std::filesystem::path cwd;           // where it runs; the test's own folder when empty
  std::vector<std::string> env;        // NAME=VALUE, added to (or replacing in) the test's environment
};

// A running impactkit; killed (SIGKILL) and reaped when the object goes, if
// still running.
class Child {
 public:
  Child(const std::vector<std::string>& args, const ChildOptions& options = {});
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child();

  pid_t pid() const { return pid_; }
  // Whether it has not ended yet (without waiting).
  bool running();
  // Waits for it; its exit code, or -SIGNAL when a signal ended it.
  int wait();
  void kill();  // SIGKILL, then wait()
  std::string out() const;
  std::string err() const;

 private:
  std::filesystem::path capture_;  // a temporary folder with its stdout and stderr
  pid_t pid_ = -1;
  std::optional<int> status_;
};

}  // namespace impactkit::test
