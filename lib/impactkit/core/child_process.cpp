// Written on posix_spawn and poll rather than Boost.Process: the child must
// be killed at a deadline, and Boost.Process's wait_for (Boost 1.74, Debian
// 12's) waits the whole timeout or blocks for good (boostorg/process#69,
// #204); cpp-subprocess and the like are not in Debian.

#include <impactkit/core/child_process.hpp>
#include <impactkit/core/fd.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <memory>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace impactkit {
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

std::vector<std::string> this_environment() {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
  return env;
}

// The parent's ends of the child's standard streams. Its input is a socket,
// not a pipe: send() with MSG_NOSIGNAL to a child that stopped reading is an
// error (EPIPE) to handle, where write() to a pipe would kill this process
// with SIGPIPE.
struct Streams {
  Fd input{-1};
  Fd output{-1};
};

// Starts the child with its stdin and stdout/stderr connected to `streams`.
pid_t spawn(const fs::path& program, const std::vector<std::string>& args, const ProgramOptions& options,
            Streams& streams) {
  std::array<int, 2> in{-1, -1};
  std::array<int, 2> out{-1, -1};
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in.data()) != 0) return -1;
  const Fd child_in(in[1]);
  streams.input.reset(in[0]);
  if (::pipe2(out.data(), O_CLOEXEC) != 0) return -1;
  const Fd child_out(out[1]);
  streams.output.reset(out[0]);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::unique_ptr<posix_spawn_file_actions_t, int (*)(posix_spawn_file_actions_t*)> cleanup(
      &actions, posix_spawn_file_actions_destroy);
  // dup2 clears close-on-exec on the copies; every other descriptor of
  // this process is closed in the child (all are opened O_CLOEXEC).
  posix_spawn_file_actions_adddup2(&actions, child_in.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, child_out.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, child_out.get(), STDERR_FILENO);

  std::vector<std::string> argv_strings{program.string()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<std::string> env_strings = options.environment ? *options.environment : this_environment();
  auto argv = c_strings(argv_strings);
  auto envp = c_strings(env_strings);
  pid_t pid = -1;
  if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data()) != 0) return -1;
  return pid;
}

// Feeds the input and collects the output until the child closes its
// output or the deadline passes. True when it finished in time.
bool exchange(Streams& streams, const ProgramOptions& options, Clock::time_point deadline, std::string& output) {
  std::size_t sent = 0;
  if (options.input.empty()) streams.input.reset();
  std::array<char, 16384> buffer{};
  while (streams.output.get() >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    std::array<pollfd, 2> fds{pollfd{streams.output.get(), POLLIN, 0}, pollfd{streams.input.get(), POLLOUT, 0}};
    const int ready = ::poll(fds.data(), streams.input.get() >= 0 ? 2 : 1, static_cast<int>(left));
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) continue;
    if (fds[1].revents != 0) {
      const ssize_t n = ::send(streams.input.get(), options.input.data() + sent, options.input.size() - sent,
                               MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) sent += static_cast<std::size_t>(n);
      // All sent, or the child stopped reading: its end of input.
      if (sent == options.input.size() || (n < 0 && errno != EAGAIN && errno != EINTR)) streams.input.reset();
    }
    if (fds[0].revents != 0) {
      const ssize_t n = ::read(streams.output.get(), buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      const auto room = options.max_output - std::min(options.max_output, output.size());
      output.append(buffer.data(), std::min(room, static_cast<std::size_t>(n)));
    }
  }
  return true;
}

// Waits for the child until the deadline; kills it then.
void reap(pid_t pid, Clock::time_point deadline, const ProgramOptions& options, ProgramRun& run) {
  int status = 0;
  rusage usage{};
  for (;;) {
    const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return;
    if (Clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      run.end = ProgramRun::End::timed_out;
      return;
    }
    // Its output is closed, so it is ending: this wait is short.
    ::usleep(1000);
  }
  if (WIFEXITED(status)) {
    run.end = ProgramRun::End::exited;
    run.status = WEXITSTATUS(status);
    return;
  }
  // The kernel ends a child at its CPU limit with SIGXCPU (SIGKILL at the
  // hard limit, a second later).
  const auto cpu_used = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1;
  const bool over = options.cpu_limit && (WTERMSIG(status) == SIGXCPU ||
                                          (WTERMSIG(status) == SIGKILL && cpu_used >= options.cpu_limit->count()));
  run.end = over ? ProgramRun::End::over_cpu_limit : ProgramRun::End::signalled;
}

// Sets the child's CPU limit from here: posix_spawn cannot. The child may
// have run a moment already; that moment counts against the limit too.
void limit_cpu(pid_t pid, std::chrono::seconds seconds) {
  const auto soft = static_cast<rlim_t>(seconds.count());
  const rlimit limit{soft, soft + 1};
  ::prlimit(pid, RLIMIT_CPU, &limit, nullptr);
}

}  // namespace

ProgramRun run_program(const fs::path& program, const std::vector<std::string>& args, const ProgramOptions& options) {
  ProgramRun run;
  const auto deadline = Clock::now() + options.timeout;
  Streams streams;
  const pid_t pid = spawn(program, args, options, streams);
  if (pid <= 0) return run;
  if (options.cpu_limit) limit_cpu(pid, *options.cpu_limit);
  if (!exchange(streams, options, deadline, run.output)) {
    ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.end = ProgramRun::End::timed_out;
    return run;
  }
  reap(pid, deadline, options, run);
  return run;
}

std::optional<fs::path> find_program(std::string_view name) {
  const char* path = std::getenv("PATH");  // NOLINT(concurrency-mt-unsafe): read-only use
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    if (dir.empty() || dir == ".") continue;  // the current folder: never a place to run programs from
    const fs::path candidate = fs::path(dir) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

}  // namespace impactkit
