#pragma once
// Independent pieces of work (one PDF, one preview) spread over the cores.
// Each task reports into its own Diagnostics; they are merged in task order,
// so that a run's report is the same however the threads ran.

#include <impactkit/core/diagnostics.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace impactkit::text {
class TextCache;
}  // namespace impactkit::text

namespace impactkit::products {

using Task = std::function<void(Diagnostics& warnings)>;

// Runs every task, on as many threads as there are cores (or as
// set_threads says; at most one per task), appends their diagnostics to
// `diagnostics` in task order, then rethrows the first task's exception, if
// any. The files written are the same however many threads run them.
void run_parallel(const std::vector<Task>& tasks, Diagnostics& diagnostics);

// How many threads run_parallel uses from now on; 0: one per core (`impactkit build -j N`).
void set_threads(unsigned threads);

// How many threads run_parallel uses for many tasks: to cut work that has a
// set-up cost per piece into as many pieces, and no more.
unsigned thread_count();

// Loads, on one thread of its own, what every product would otherwise wait
// for in turn: fontconfig's font folders first (the fonts are checked
// first), then, once language() names it, the hyphenation patterns of the
// language every product is made in, then libqpdf (the last thing a
// product needs). Other languages' patterns are loaded when needed: only
// the posters have them, on threads of their own. A
// product that needs one of them before it is ready waits for it. The
// destructor waits for the thread. Nothing when set_threads(1) asked for
// one thread. The patterns and the shaped words kept by an earlier build
// are read from `cache` (text/cache.hpp), which must outlive the Preloader;
// the kept words after the patterns.
class Preloader {
 public:
  explicit Preloader(text::TextCache& cache);
  ~Preloader();
  Preloader(const Preloader&) = delete;
  Preloader& operator=(const Preloader&) = delete;

  void language(const std::string& language);

 private:
  std::promise<std::string> language_;
  bool named_ = false;
  std::jthread thread_;
};

// Called after each task of run_parallel with the tasks done and their
// number, one call at a time (the CLI's progress line); empty: none.
using Progress = std::function<void(std::size_t done, std::size_t total)>;
void set_progress(Progress progress);

}  // namespace impactkit::products
