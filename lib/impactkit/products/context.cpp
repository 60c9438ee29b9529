#include <impactkit/products/context.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace impactkit::products {

Workers::Workers(unsigned threads, Progress progress)
    : threads_(std::max(1u, threads > 0 ? threads : std::thread::hardware_concurrency())),
      progress_(std::move(progress)) {}

void Workers::run(const std::vector<Task>& tasks, Diagnostics& diagnostics) const {
  std::vector<Diagnostics> reports(tasks.size());
  std::vector<std::exception_ptr> failures(tasks.size());
  std::atomic<std::size_t> next{0};
  std::mutex progress_mutex;
  const auto work = [&] {
    for (std::size_t i = next++; i < tasks.size(); i = next++) {
      try {
        tasks[i](reports[i]);
      } catch (...) {
        failures[i] = std::current_exception();
      }
      if (progress_) {
        const std::lock_guard lock(progress_mutex);
        progress_();
      }
    }
  };
  const unsigned count = std::min<unsigned>(threads_, static_cast<unsigned>(tasks.size()));
  std::vector<std::jthread> threads;
  for (unsigned t = 1; t < count; ++t) threads.emplace_back(work);
  work();
  threads.clear();  // joins
  for (const auto& r : reports) diagnostics.append(r);
  for (const auto& f : failures) {
    if (f) std::rethrow_exception(f);
  }
}

}  // namespace impactkit::products
