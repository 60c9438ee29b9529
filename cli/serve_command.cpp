// `impactkit serve` in the impactkit-serve program: the live preview. A
// build, a web site on 127.0.0.1 that shows it (serve/site.hpp), then a
// build on every save, each told to the open pages. Ctrl-C or SIGTERM
// ends it after the build that is running, so that the output folder's
// lock is given back and no build is left half done.

#include "commands.hpp"
#include "exit_codes.hpp"
#include "report.hpp"

#include <impactkit/pipeline/session.hpp>
#include <impactkit/pipeline/watch.hpp>
#include <impactkit/serve/site.hpp>

#include <fmt/format.h>

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace impactkit::cli {
namespace fs = std::filesystem;

namespace {

// One build, as news for the page: the terminal's own words for each problem.
serve::BuildNews build_news(const fs::path& root, const BuildOptions& options, std::uint64_t number,
                            const Output& out) {
  const auto start = std::chrono::steady_clock::now();
  pipeline::Session session(root, options);
  const pipeline::BuildReport report = session.build();
  serve::BuildNews news;
  news.build = number;
  news.ok = report.outcome == pipeline::BuildReport::Outcome::ok;
  news.title = report.title;
  news.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  for (const auto& d : report.diagnostics.all()) {
    if (d.severity == Severity::error) news.errors.push_back(format(d, false));
  }
  if (!report.failure.empty()) news.errors.push_back("error: " + report.failure);
  news.notes = report.notes;
  print_diagnostics(report.diagnostics, out);
  fmt::print("build {} {} in {:.0f} ms\n", number, news.ok ? "done" : "failed (the page keeps the last good one)",
             news.build_ms);
  std::fflush(stdout);
  return news;
}

// SIGINT and SIGTERM, blocked in every thread and awaited by one.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

int serve(const fs::path& root, const BuildOptions& options, const Output& out, int port) {
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts: they inherit it
  std::optional<pipeline::Watcher> watcher;
  try {
    watcher.emplace(root);
  } catch (const std::system_error& e) {
    fmt::print(stderr, "error: {}\n  fix: raise fs.inotify.max_user_watches\n", e.what());
    return exit_files;
  }
  const fs::path output_dir = options.output_dir.empty() ? root / "output" : options.output_dir;
  serve::PreviewSite site(output_dir);
  int bound = 0;
  try {
    bound = site.start(port);
  } catch (const std::runtime_error& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_files;
  }
  fmt::print("serving the preview of {} at http://127.0.0.1:{}/ (Ctrl-C stops)\n", root.lexically_normal().string(),
             bound);
  std::fflush(stdout);
  std::atomic<bool> stopping = false;
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    stopping = true;
    watcher->interrupt();
  });
  BuildOptions settings = options;
  settings.source_maps = true;
  std::uint64_t builds = 1;
  site.publish(build_news(root, settings, builds, out));
  settings.rebuild = false;  // after a save, only what changed is made
  while (!stopping) {
    const auto changed = watcher->wait(std::chrono::milliseconds(30));
    if (stopping || changed.empty()) break;
    site.publish(build_news(root, settings, ++builds, out));
  }
  site.stop();
  waiter.join();
  fmt::print("stopped\n");
  return exit_ok;
}

}  // namespace impactkit::cli
