#include <impactkit/products/warm_up.hpp>

#include <impactkit/print/pdf.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/hyphenate.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace impactkit::products {
namespace fs = std::filesystem;

namespace {

// The languages of locales/LANG.yaml in the root, else in the project's
// templates' locales: the languages a build will hyphenate, before
// roadshow.yaml is read.
std::vector<std::string> likely_languages(const fs::path& root) {
  std::vector<std::string> languages;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root / "locales", ec)) {
    if (entry.path().extension() == ".yaml") languages.push_back(entry.path().stem().string());
  }
  // The default language first: Dutch is the exhibit's.
  std::stable_partition(languages.begin(), languages.end(), [](const std::string& l) { return l == "nl"; });
  return languages;
}

}  // namespace

std::future<void> warm_up(const fs::path& content_root) {
  return std::async(std::launch::async, [languages = likely_languages(content_root)] {
    for (const auto& language : languages) text::preload_patterns(language);
    text::preload_fontconfig();
    print::preload_pdf_library();
  });
}

}  // namespace impactkit::products
