#include <impactkit/products/parallel.hpp>

#include <impactkit/print/pdf.hpp>
#include <impactkit/text/cache.hpp>
#include <impactkit/text/font.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <mutex>
#include <thread>

namespace impactkit::products {

namespace {
std::atomic<unsigned> thread_setting{0};
std::mutex progress_mutex;
Progress progress_callback;  // guarded by progress_mutex
}  // namespace

void set_progress(Progress progress) {
  const std::lock_guard lock(progress_mutex);
  progress_callback = std::move(progress);
}

void set_threads(unsigned threads) {
  thread_setting = threads;
}

Preloader::Preloader(text::TextCache& cache) {
  if (thread_setting == 1) return;
  thread_ = std::jthread([language = language_.get_future(), &cache]() mutable {
    text::load_system_fonts();
    if (const std::string name = language.get(); !name.empty()) cache.preload_patterns(name);
    cache.load();
    print::load_pdf_finisher();
  });
}

Preloader::~Preloader() {
  language({});  // a build that ended before it knew it
}

void Preloader::language(const std::string& language) {
  if (named_) return;
  named_ = true;
  language_.set_value(language);
}

unsigned thread_count() {
  return std::max(1u, thread_setting > 0 ? thread_setting.load() : std::thread::hardware_concurrency());
}

void run_parallel(const std::vector<Task>& tasks, Diagnostics& diagnostics) {
  std::vector<Diagnostics> reports(tasks.size());
  std::vector<std::exception_ptr> failures(tasks.size());
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;  // guarded by progress_mutex
  const auto work = [&] {
    for (std::size_t i = next++; i < tasks.size(); i = next++) {
      try {
        tasks[i](reports[i]);
      } catch (...) {
        failures[i] = std::current_exception();
      }
      const std::lock_guard lock(progress_mutex);
      ++done;
      if (progress_callback) progress_callback(done, tasks.size());
    }
  };
  const unsigned count = std::min<unsigned>(thread_count(), static_cast<unsigned>(tasks.size()));
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
