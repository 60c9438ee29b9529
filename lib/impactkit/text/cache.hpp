#pragma once
// What lib/impactkit/text keeps between builds, so that a later build does
// not do the same work again: the hyphenation patterns as libhyphen compiled
// them (about 6 ms for Dutch) and the glyphs of every word HarfBuzz shaped
// (most of the time spent setting text). Both are keyed on everything they
// were made from (the pattern file; the font file, language, features and
// HarfBuzz's version), so what is kept gives byte for byte what doing the
// work again would.
//
// One TextCache serves every Typesetter of a build, from several threads;
// it also holds the patterns loaded in this process, so that the
// typesetters share them. Without one a Typesetter keeps nothing beyond its
// own lifetime and touches no disk.

#include <impactkit/core/cache.hpp>

#include <memory>
#include <string_view>

namespace impactkit::text {

namespace detail {
class PatternStore;
class ShapedWordStore;
}  // namespace detail

class TextCache {
 public:
  // Keeps in `store` (a build's OUTPUT/.impactkit); a store without a
  // folder keeps nothing but the patterns, in memory, while this lives.
  explicit TextCache(Cache store = Cache());
  ~TextCache();
  TextCache(const TextCache&) = delete;
  TextCache& operator=(const TextCache&) = delete;

  // Reads the kept shaped words now; otherwise the first word set does (a
  // build reads them on a thread of its own while it loads the content).
  void load();

  // Loads the patterns of `language` now, as the first Hyphenator of that
  // language would (several milliseconds): a build does it on a thread of
  // its own while it reads the content, and Hyphenators made meanwhile wait
  // for it. Errors are left to the Hyphenator.
  void preload_patterns(std::string_view language);

  // Keeps the words shaped since load() that were not kept yet.
  void save();

  // For the Typesetter and the Hyphenator.
  detail::PatternStore& patterns() { return *patterns_; }
  detail::ShapedWordStore& shaped_words() { return *shaped_words_; }

 private:
  Cache store_;
  std::unique_ptr<detail::PatternStore> patterns_;
  std::unique_ptr<detail::ShapedWordStore> shaped_words_;
};

}  // namespace impactkit::text
