#include <impactkit/text/cache.hpp>
#include <impactkit/text/detail/pattern_store.hpp>
#include <impactkit/text/detail/shaped_word_store.hpp>

#include <filesystem>

namespace impactkit::text {

TextCache::TextCache(Cache store)
    : store_(std::move(store)),
      patterns_(std::make_unique<detail::PatternStore>(store_)),
      shaped_words_(std::make_unique<detail::ShapedWordStore>(store_)) {}

TextCache::~TextCache() = default;

void TextCache::load() {
  shaped_words_->load();
}

void TextCache::preload_patterns(std::string_view language) {
  const std::string lang = detail::normalized_language(language);
  if (!detail::plausible_language(lang)) return;
  const std::string path = detail::patterns_path(lang);
  // A missing file is the Hyphenator's to report, with its advice.
  if (std::filesystem::exists(path)) patterns_->get(path);
}

void TextCache::save() {
  shaped_words_->save();
}

}  // namespace impactkit::text
