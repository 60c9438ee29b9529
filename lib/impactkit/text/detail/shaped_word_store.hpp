#pragma once
// Internal to lib/impactkit/text. Shaped words kept between processes, in
// the cache entry shaped-words.bin (core/cache.hpp; a build's
// OUTPUT/.impactkit). Shaping is most of the time spent setting text
// (HarfBuzz, about 60,000 instructions per word with Inter's features), and
// a build after an edit sets the same words as the build before it.
// HarfBuzz has no such store of its own.
//
// A word's glyphs depend on the font file, the language, the OpenType
// features and the text, and on HarfBuzz: the key holds the font file's
// path, face, size and time of change, and the entry is read only when
// written by the same HarfBuzz version. A damaged entry is not read.

#include <impactkit/core/cache.hpp>
#include <impactkit/text/detail/shape.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace impactkit::text::detail {

class ShapedWordStore {
 public:
  // Kept in `cache`, which must outlive the store; a cache without a
  // folder: nothing is read or written, and added words are not held.
  explicit ShapedWordStore(const Cache& cache) : cache_(cache) {}

  // Reads the store's entry, once; find() does when nobody did before.
  void load();

  // The key of a word: what its glyphs depend on. Safe from several threads.
  std::string key(const Font& font, std::string_view language, std::string_view features, std::string_view text);

  // The glyphs kept for `key`, into `glyphs`; false when none are kept.
  // Safe from several threads.
  bool find(const std::string& key, std::vector<ShapedGlyph>& glyphs);

  // Keeps the glyphs of a word shaped in this process, for the next. Safe
  // from several threads.
  void add(std::string key, const std::vector<ShapedGlyph>& glyphs);

  // Writes the kept words and those added since, when any were added and
  // the cache's folder exists. Keeping them is only a saving: an entry that
  // cannot be written is left as it was.
  void save();

  using Words = std::unordered_map<std::string, std::vector<ShapedGlyph>>;

  // What the entry is made from: its format and HarfBuzz's version.
  static std::string made_from();

  // The store's contents as the entry's bytes, and those bytes read back;
  // for save(), load() and the tests. from_bytes gives false when the
  // counts or clusters show damage (the cache's seal shows the rest).
  static std::string to_bytes(const Words& words);
  static bool from_bytes(std::string_view bytes, Words& words);

  // What save() keeps: the cached words and the added ones; when they are
  // more than `max`, of the cached ones only those in `used`.
  static void merge(Words& cached, Words&& added, const std::unordered_set<std::string>& used, std::size_t max);

 private:
  std::string font_identity(const Font& font);

  const Cache& cache_;
  std::mutex fonts_mutex_;                                     // fonts_
  std::map<std::pair<std::string, long>, std::string> fonts_;  // font file and face -> as keys name it
  std::once_flag loaded_;
  std::mutex mutex_;  // added_, used_
  Words added_;
  std::unordered_set<std::string> used_;  // cached words found in this process
  std::shared_mutex cached_mutex_;        // cached_: read while shaping, replaced by save()
  Words cached_;
};

}  // namespace impactkit::text::detail
