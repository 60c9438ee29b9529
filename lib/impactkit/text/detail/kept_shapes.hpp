#pragma once
// Internal to lib/impactkit/text. Shaped words kept between processes, in
// FOLDER/shaped-words.bin (a build's OUTPUT/.impactkit). Shaping is most of
// the time spent setting text (HarfBuzz, about 60,000 instructions per word
// with Inter's features), and a build after an edit sets the same words as
// the build before it. HarfBuzz has no such store of its own.
//
// A word's glyphs depend on the font file, the language, the OpenType
// features and the text, and on HarfBuzz: the key holds the font file's
// path, face, size and time of change, and the file is read only when
// written by the same HarfBuzz version. A damaged file is not read.

#include <impactkit/text/detail/shape.hpp>

#include <filesystem>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace impactkit::text::detail {

class KeptShapes {
 public:
  // The store of this process.
  static KeptShapes& process();

  // Where the store lives; empty: nowhere (nothing is read or written).
  // Before the first find().
  void set_folder(const std::filesystem::path& folder);

  // Reads the store's file, once; find() does when nobody did before.
  void load();

  // The key of a word: what its glyphs depend on.
  static std::string key(const Font& font, std::string_view language, std::string_view features, std::string_view text);

  // The glyphs kept for `key`, into `glyphs`; false when none are kept.
  // Safe from several threads.
  bool find(const std::string& key, std::vector<ShapedGlyph>& glyphs);

  // Keeps the glyphs of a word shaped in this process, for the next. Safe
  // from several threads.
  void add(std::string key, const std::vector<ShapedGlyph>& glyphs);

  // Writes the kept words and those added since, when any were added and
  // the folder exists. Keeping them is only a saving: a file that cannot
  // be written is left as it was.
  void save();

  using Words = std::unordered_map<std::string, std::vector<ShapedGlyph>>;

  // The store's contents as a file, and a file read back; for save(),
  // load() and the tests. from_file gives false for a damaged file.
  static std::string to_file(const Words& words);
  static bool from_file(std::string_view bytes, Words& words);

  // What save() keeps: the kept words and the added ones; when they are
  // more than `max`, of the kept ones only those in `used`.
  static void merge(Words& kept, Words&& added, const std::unordered_set<std::string>& used, std::size_t max);

 private:
  std::filesystem::path file() const;

  std::once_flag loaded_;
  mutable std::mutex mutex_;  // folder_, added_, used_
  std::filesystem::path folder_;
  Words added_;
  std::unordered_set<std::string> used_;  // kept words found in this process
  std::shared_mutex kept_mutex_;          // kept_: read while shaping, replaced by save()
  Words kept_;
};

}  // namespace impactkit::text::detail
