#pragma once
// What a product gets from the build that runs it, passed in and never
// process-wide: workers for independent pieces of work (one PDF, one
// preview), the record of what earlier builds made (so that unchanged
// laser sheets and page previews are not made again), the cache of text
// work, and the staging folder its files wait in until the whole build
// succeeded. A library user may pass a default Context: every file is made
// and written in place, and nothing is kept on disk.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/text/cache.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::products {

using Task = std::function<void(Diagnostics& warnings)>;

// Runs independent tasks on threads. Each task reports into its own
// Diagnostics; they are merged in task order, so that a run's report is
// the same however the threads ran.
class Workers {
 public:
  // Told after each file a task made, one call at a time (a progress line).
  using Progress = std::function<void()>;

  // `threads` 0: one per core (`impactkit build -j N`).
  explicit Workers(unsigned threads, Progress progress = {});
  Workers() : Workers(0) {}

  // How many threads run() uses for many tasks: to cut work that has a
  // set-up cost per piece into as many pieces, and no more.
  unsigned threads() const { return threads_; }

  // Runs every task (at most one thread per task), appends their
  // diagnostics in task order, then rethrows the first task's exception,
  // if any. The files written are the same however many threads run them.
  void run(const std::vector<Task>& tasks, Diagnostics& diagnostics) const;

 private:
  unsigned threads_;
  Progress progress_;
};

// What earlier builds made, for a product's own finer bookkeeping: a
// laser sheet's files written from a digest, a nesting kept, a face's
// preview. The build session's manifest keeps it (pipeline/manifest.hpp).
// Safe to use from several threads.
class BuildRecord {
 public:
  virtual ~BuildRecord() = default;
  // Whether `unit` was made from `key` by the last build and its files are still there.
  virtual bool up_to_date(const std::string& unit, const std::string& key) const = 0;
  // Records what `unit` was made from and its files.
  virtual void record(const std::string& unit, const std::string& key,
                      const std::vector<std::filesystem::path>& files) = 0;
  // A result kept for the next build (a nesting), made from `key`.
  virtual std::optional<std::string> recall(const std::string& unit, const std::string& key) const = 0;
  virtual void remember(const std::string& unit, const std::string& key, std::string data) = 0;
};

struct Context {
  Workers workers;
  BuildRecord* record = nullptr;          // null: every file is made and written
  text::TextCache* text_cache = nullptr;  // null: text work is done again and kept nowhere
  // Where files are written and noted for removal (core/staging.hpp):
  // every path a product names is the output's own, and only the write
  // itself goes through staged(). Null: written in place at once.
  Staging* staging = nullptr;
};

}  // namespace impactkit::products
