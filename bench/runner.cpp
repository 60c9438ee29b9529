// Runs each named benchmark as a whole process, several times, and prints a
// table of wall times (median, min, max) and peak memory (max RSS).
//
//   impactkit-bench BENCHMARKS_FILE [--runs N] [NAME...]
//
// BENCHMARKS_FILE has one benchmark per line, `name: command`, run from the
// current folder, directly when it is plain words, else by /bin/sh; `#`
// starts a comment. A line `before name: command` gives a command run, not
// timed, before each run of `name` (an edit to rebuild after). Written by hand
// because hyperfine does not report peak memory, and /usr/bin/time only
// counts to 10 ms.

#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

struct Benchmark {
  std::string name;
  std::string command;
  std::string before;  // run, not timed, before each run; may be empty
};

struct Run {
  double seconds = 0;
  long max_rss_kib = 0;
  int status = 0;
};

// The words of a command that needs no shell, else nothing: a shell would
// add its own start-up (a few ms) to the process being measured.
std::optional<std::vector<std::string>> plain_words(const std::string& command) {
  if (command.find_first_of("|&;<>()$`\\\"'*?[]#~=%") != std::string::npos) return std::nullopt;
  std::vector<std::string> words;
  std::istringstream in(command);
  for (std::string word; in >> word;) words.push_back(word);
  if (words.empty()) return std::nullopt;
  return words;
}

Run run_once(const std::string& command) {
  const auto words = plain_words(command);
  std::vector<char*> argv;
  if (words) {
    for (const auto& w : *words) argv.push_back(const_cast<char*>(w.c_str()));  // NOLINT: execvp's signature
    argv.push_back(nullptr);
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (words) {
      execvp(argv[0], argv.data());
    } else {
      execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    }
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  const auto end = std::chrono::steady_clock::now();
  return {std::chrono::duration<double>(end - start).count(), usage.ru_maxrss, status};
}

std::vector<Benchmark> read_benchmarks(const std::string& file) {
  std::vector<Benchmark> out;
  std::vector<std::pair<std::string, std::string>> befores;  // benchmark, command
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    const auto colon = line.find(':');
    if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
    const auto first = line.find_first_not_of(' ', colon + 1);
    const std::string name = line.substr(0, colon);
    const std::string command = first == std::string::npos ? "" : line.substr(first);
    if (name.starts_with("before ")) {
      befores.emplace_back(name.substr(7), command);
    } else {
      out.push_back({name, command, {}});
    }
  }
  for (const auto& [name, command] : befores) {
    for (auto& b : out) {
      if (b.name == name) b.before = command;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 10;
  std::string file;
  std::vector<std::string> wanted;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (file.empty()) {
      file = arg;
    } else {
      wanted.push_back(arg);
    }
  }
  if (file.empty()) {
    fmt::print(stderr, "usage: impactkit-bench BENCHMARKS_FILE [--runs N] [NAME...]\n");
    return 64;
  }
  const auto benchmarks = read_benchmarks(file);
  fmt::print("{:<24} {:>6} {:>11} {:>11} {:>11} {:>12}\n", "benchmark", "runs", "median ms", "min ms", "max ms",
             "peak MiB");
  int failed = 0;
  for (const auto& b : benchmarks) {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), b.name) == wanted.end()) continue;
    const auto prepare = [&] {
      if (!b.before.empty() && run_once(b.before).status != 0)
        fmt::print(stderr, "{}: `{}` failed\n", b.name, b.before);
    };
    prepare();
    run_once(b.command);  // warm the file cache
    std::vector<double> ms;
    long peak = 0;
    bool ok = true;
    for (int i = 0; i < runs; ++i) {
      prepare();
      const Run r = run_once(b.command);
      ok = ok && WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0;
      ms.push_back(r.seconds * 1000);
      peak = std::max(peak, r.max_rss_kib);
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
    fmt::print("{:<24} {:>6} {:>11.2f} {:>11.2f} {:>11.2f} {:>12.1f}{}\n", b.name, runs, median, ms.front(), ms.back(),
               static_cast<double>(peak) / 1024, ok ? "" : "  FAILED (non-zero exit)");
    failed += ok ? 0 : 1;
  }
  return failed == 0 ? 0 : 1;
}
