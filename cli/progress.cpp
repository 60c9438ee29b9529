#include "progress.hpp"

#include "report.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace impactkit::cli {

pipeline::BuildProgress ProgressLine::hooks() {
  pipeline::BuildProgress p;
  p.waiting = [](const std::filesystem::path& output_dir, const std::string& holder) {
    fmt::print(stderr, "waiting for another build of {} ({}) to finish ...\n", output_dir.lexically_normal().string(),
               holder);
  };
  if (!enabled_) return p;
  p.started = [this](const std::string& product) {
    const std::lock_guard lock(mutex_);
    products_.insert(product);
    show();
  };
  p.finished = [this](const std::string& product) {
    const std::lock_guard lock(mutex_);
    products_.erase(product);
  };
  p.file_made = [this] {
    const std::lock_guard lock(mutex_);
    ++files_;
    show();
  };
  return p;
}

void ProgressLine::stop() {
  const std::lock_guard lock(mutex_);
  if (!enabled_) return;
  enabled_ = false;
  fmt::print("\r\033[K");
  std::fflush(stdout);
}

void ProgressLine::show() {
  if (!enabled_) return;
  fmt::print("\r\033[K  making {}: {} files", join(products_, ", "), files_);
  std::fflush(stdout);
}

}  // namespace impactkit::cli
