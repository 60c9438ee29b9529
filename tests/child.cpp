#include "child.hpp"

#include "support.hpp"

#include <impactkit/core/file_io.hpp>

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace impactkit::test {
namespace fs = std::filesystem;

namespace {

fs::path make_capture_dir() {
  std::string pattern = (fs::temp_directory_path() / "impactkit-child-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

}  // namespace

Child::Child(const std::vector<std::string>& args, const ChildOptions& options) : capture_(make_capture_dir()) {
  const fs::path out = capture_ / "out";
  const fs::path err = capture_ / "err";
  // Everything the child needs is prepared before fork: between fork and
  // exec only async-signal-safe calls.
  std::vector<std::string> argv_strings = {binary().string()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(argv_strings.size() + 1);
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = options.env;
  for (char** e = environ; *e; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('=') + 1);
    if (std::none_of(options.env.begin(), options.env.end(), [&](const auto& mine) { return mine.starts_with(name); }))
      env_strings.push_back(entry);
  }
  std::vector<char*> envp;
  envp.reserve(env_strings.size() + 1);
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string out_name = out.string();
  const std::string err_name = err.string();
  const std::string cwd = options.cwd.string();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
    const auto redirect = [](const char* file, int fd) {
      const int opened = ::open(file, O_WRONLY | O_CREAT | O_TRUNC, 0666);
      return opened >= 0 && ::dup2(opened, fd) >= 0 && ::close(opened) == 0;
    };
    if (!redirect(out_name.c_str(), STDOUT_FILENO) || !redirect(err_name.c_str(), STDERR_FILENO)) ::_exit(126);
    // Nothing of the test's own (a lock it holds, above all) goes with it.
    ::close_range(3, ~0U, 0);
    if (options.file_size) {
      // Past the limit write() fails with EFBIG, as it fails with ENOSPC on
      // a full disk; ignored, SIGXFSZ would kill the process instead.
      ::signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{static_cast<rlim_t>(*options.file_size), static_cast<rlim_t>(*options.file_size)};
      if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(125);
    }
    if (options.user) {
      const gid_t group = *options.user;  // nobody's group has its number on Debian
      if (::setgroups(0, nullptr) != 0 || ::setgid(group) != 0 || ::setuid(*options.user) != 0) ::_exit(124);
    }
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
}

Child::~Child() {
  if (!status_) kill();
  std::error_code ignored;
  fs::remove_all(capture_, ignored);
}

bool Child::running() {
  if (status_) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    status_ = status;
    return false;
  }
  return true;
}

int Child::wait() {
  if (!status_) {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0) {
      if (errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    status_ = status;
  }
  if (WIFEXITED(*status_)) return WEXITSTATUS(*status_);
  return WIFSIGNALED(*status_) ? -WTERMSIG(*status_) : -1000;
}

void Child::kill() {
  if (!status_) ::kill(pid_, SIGKILL);
  wait();
}

std::string Child::out() const {
  return read_file(capture_ / "out").value_or("");
}
std::string Child::err() const {
  return read_file(capture_ / "err").value_or("");
}

}  // namespace impactkit::test
