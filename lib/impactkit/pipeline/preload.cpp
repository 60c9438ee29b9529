#include <impactkit/pipeline/preload.hpp>

#include <impactkit/print/pdf.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/hyphenate.hpp>
#include <impactkit/text/kept.hpp>

namespace impactkit::pipeline {

Preloader::Preloader(bool on_a_thread) {
  if (!on_a_thread) return;
  thread_ = std::jthread([language = language_.get_future()]() mutable {
    text::load_system_fonts();
    if (const std::string name = language.get(); !name.empty()) text::load_patterns(name);
    text::load_kept();
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
