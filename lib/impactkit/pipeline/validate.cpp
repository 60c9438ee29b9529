#include <impactkit/pipeline/validate.hpp>

#include <impactkit/content/loader.hpp>
#include <impactkit/products/theme_fonts.hpp>
#include <impactkit/text/font.hpp>

#include <thread>

namespace impactkit::pipeline {

void check_loaded(const content::Roadshow& roadshow, Diagnostics& diagnostics) {
  products::check_fonts(roadshow, diagnostics);
}

content::Roadshow validate(const std::filesystem::path& root, Diagnostics& diagnostics) {
  // fontconfig reads its caches while the content loads, as in a build.
  std::jthread system_fonts(text::load_system_fonts);
  content::Roadshow roadshow = content::load_roadshow(root, diagnostics);
  system_fonts.join();
  check_loaded(roadshow, diagnostics);
  return roadshow;
}

}  // namespace impactkit::pipeline
