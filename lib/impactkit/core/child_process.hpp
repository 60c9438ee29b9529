#pragma once
// Runs another program (ots-sanitize, Ghostscript, rsvg-convert) as a child
// process: no shell, its input from memory, its output kept in memory up to
// a bound, and killed when it takes longer than it may. A tool that crashes
// or hangs on untrusted input then becomes an answer, never a crash or a
// hang of impactkit.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit {

struct ProgramOptions {
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};
  // CPU seconds the child may use (RLIMIT_CPU, set on it once started);
  // none: no limit but the timeout. Unlike the timeout, a busy machine
  // does not use it up.
  std::optional<std::chrono::seconds> cpu_limit;
  // The child's environment; this process's when not given.
  std::optional<std::vector<std::string>> environment;
  // Written to its standard input (which is empty when this is).
  std::string_view input;
  // Of its standard output and error (merged), this much is kept; the rest
  // is read and dropped, so that a chatty child never blocks on a full pipe.
  std::size_t max_output = std::size_t{64} * 1024;
};

struct ProgramRun {
  enum class End { exited, signalled, timed_out, over_cpu_limit, not_started };
  End end = End::not_started;
  int status = -1;     // the exit status, when it exited
  std::string output;  // standard output and error, at most max_output bytes
  bool succeeded() const { return end == End::exited && status == 0; }
};

// Runs `program` (a path, not looked up in PATH) with `args` (without the
// program's own name) and waits for it, at most `options.timeout`; a child
// still running then is killed (SIGKILL) and reaped.
ProgramRun run_program(const std::filesystem::path& program, const std::vector<std::string>& args,
                       const ProgramOptions& options = {});

// `name` found in the folders of PATH (the current folder, an empty entry,
// never counts); nothing when it is not there or not executable.
std::optional<std::filesystem::path> find_program(std::string_view name);

}  // namespace impactkit
