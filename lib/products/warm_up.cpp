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
  // In the order a build needs them: fonts at the first text, the default
  // language's patterns at the first paragraph, libqpdf at the first PDF.
  return std::async(std::launch::async, [languages = likely_languages(content_root)] {
    text::preload_fontconfig();
    if (!languages.empty()) text::preload_patterns(languages.front());
    print::preload_pdf_library();
    for (std::size_t i = 1; i < languages.size(); ++i) text::preload_patterns(languages[i]);
  });
}

}  // namespace impactkit::products
