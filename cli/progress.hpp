#pragma once
// The progress line of `impactkit build` on a terminal: rewritten in
// place, erased at the end. Posters are made beside the other products, so
// it names the products at work and counts the files made so far.

#include <impactkit/pipeline/session.hpp>

#include <cstddef>
#include <mutex>
#include <set>
#include <string>

namespace impactkit::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { stop(); }

  // What the build session tells it; a wait for another build is always said.
  pipeline::BuildProgress hooks();
  // Erases the line, before the summary or the errors are printed.
  void stop();

 private:
  void show();
  std::mutex mutex_;
  bool enabled_;
  std::set<std::string> products_;  // at work now
  std::size_t files_ = 0;
};

}  // namespace impactkit::cli
