#pragma once
// Independent pieces of work (one PDF, one preview) spread over the cores.
// Each task reports into its own Diagnostics; they are merged in task order,
// so that a run's report is the same however the threads ran.

#include <impactkit/core/diagnostics.hpp>

#include <cstddef>
#include <functional>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace impactkit::products {

using Task = std::function<void(Diagnostics& warnings)>;

// Runs every task, on as many threads as there are cores (or as
// set_threads says; at most one per task), appends their diagnostics to
// `diagnostics` in task order, then rethrows the first task's exception, if
// any. The files written are the same however many threads run them.
void run_parallel(const std::vector<Task>& tasks, Diagnostics& diagnostics);

// How many threads run_parallel uses from now on; 0: one per core (`impactkit build -j N`).
void set_threads(unsigned threads);

// Loads, on one thread of its own, what every product would otherwise wait
// for in turn: fontconfig's font folders first (the fonts are checked
// first), then the hyphenation patterns of the languages to be built, once
// languages() names them, then libqpdf (the last thing a product needs). A
// product that needs one of them before it is ready waits for it. The
// destructor waits for the thread. Nothing when set_threads(1) asked for
// one thread.
class Preloader {
 public:
  Preloader();
  ~Preloader();
  Preloader(const Preloader&) = delete;
  Preloader& operator=(const Preloader&) = delete;

  void languages(const std::vector<std::string>& languages);

 private:
  std::promise<std::vector<std::string>> languages_;
  bool named_ = false;
  std::jthread thread_;
};

// Called after each task of run_parallel with the tasks done and their
// number, one call at a time (the CLI's progress line); empty: none.
using Progress = std::function<void(std::size_t done, std::size_t total)>;
void set_progress(Progress progress);

}  // namespace impactkit::products
