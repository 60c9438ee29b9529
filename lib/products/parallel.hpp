#pragma once
// Independent pieces of work (one PDF, one preview) spread over the cores.
// Each task reports into its own Diagnostics; they are merged in task order,
// so that a run's report is the same however the threads ran.

#include <impactkit/core/diagnostics.hpp>

#include <cstddef>
#include <functional>
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

// Called after each task of run_parallel with the tasks done and their
// number, one call at a time (the CLI's progress line); empty: none.
using Progress = std::function<void(std::size_t done, std::size_t total)>;
void set_progress(Progress progress);

}  // namespace impactkit::products
