#pragma once
// Loading, on a thread of its own, what every product of a build would
// otherwise wait for in turn: fontconfig's font folders first (the fonts
// are checked first), then, once language() names it, the hyphenation
// patterns of the language every product is made in, then the shaped
// words kept by the last build, then libqpdf (the last thing a product
// needs). A product that needs one of them before it is ready waits for
// it. The destructor waits for the thread. No thread when the build runs
// on one.

#include <impactkit/text/cache.hpp>

#include <future>
#include <string>
#include <thread>

namespace impactkit::pipeline {

class Preloader {
 public:
  // Loads into `cache`; nothing when not `on_a_thread`.
  Preloader(text::TextCache& cache, bool on_a_thread);
  ~Preloader();
  Preloader(const Preloader&) = delete;
  Preloader& operator=(const Preloader&) = delete;

  void language(const std::string& language);

 private:
  std::promise<std::string> language_;
  bool named_ = false;
  std::jthread thread_;
};

}  // namespace impactkit::pipeline
