#include <impactkit/pipeline/preload.hpp>

#include <impactkit/print/pdf.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/hyphenate.hpp>

namespace impactkit::pipeline {

Preloader::Preloader(text::TextCache& cache, bool on_a_thread) {
  if (!on_a_thread) return;
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

}  // namespace impactkit::pipeline
