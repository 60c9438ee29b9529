#include <impactkit/core/bytes.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/text/detail/shaped_word_store.hpp>

#include <fmt/format.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <unordered_set>

namespace impactkit::text::detail {
namespace {

constexpr std::string_view entry = "shaped-words.bin";
constexpr std::string_view magic = "impactkit shaped words 2\n";
// At most this many words are kept (this repository's exhibit has about
// 5,000, a 330 KB file): beyond it, only the words this process used or
// shaped stay, so that edits over months do not grow the file without end.
constexpr std::size_t max_words = 50000;

static_assert(sizeof(ShapedGlyph) == 5 * sizeof(std::uint32_t), "glyphs are kept as five 32-bit numbers");

}  // namespace

// HarfBuzz's version too: another may shape differently.
std::string ShapedWordStore::made_from() {
  return std::string(magic) + hb_version_string() + "\n";
}

// The font file as the key names it: path, face, size and time of change,
// looked up once per file.
std::string ShapedWordStore::font_identity(const Font& font) {
  const long face = font.ft_face() != nullptr ? font.ft_face()->face_index : 0;
  const std::lock_guard lock(fonts_mutex_);
  auto [it, inserted] = fonts_.try_emplace({font.file().string(), face});
  if (inserted) it->second = fmt::format("{}#{}", file_stamp(font.file()), face);
  return it->second;
}

std::string ShapedWordStore::key(const Font& font, std::string_view language, std::string_view features,
                                 std::string_view text) {
  // The text last: it is the only part that might hold a NUL.
  std::string out = font_identity(font);
  out += '\0';
  out += language;
  out += '\0';
  out += features;
  out += '\0';
  out += text;
  return out;
}

void ShapedWordStore::load() {
  std::call_once(loaded_, [this] {
    const auto kept = cache_.read(entry, made_from());
    if (!kept) return;
    Words words;
    if (!from_bytes(kept->contents(), words)) return;
    const std::unique_lock lock(cached_mutex_);
    cached_ = std::move(words);
  });
}

bool ShapedWordStore::find(const std::string& key, std::vector<ShapedGlyph>& glyphs) {
  load();
  {
    const std::shared_lock lock(cached_mutex_);
    const auto it = cached_.find(key);
    if (it == cached_.end()) return false;
    glyphs = it->second;
  }
  const std::lock_guard lock(mutex_);
  used_.insert(key);
  return true;
}

void ShapedWordStore::add(std::string key, const std::vector<ShapedGlyph>& glyphs) {
  if (!cache_.keeps()) return;
  const std::lock_guard lock(mutex_);
  added_.try_emplace(std::move(key), glyphs);
}

void ShapedWordStore::save() {
  std::unordered_map<std::string, std::vector<ShapedGlyph>> added;
  std::unordered_set<std::string> used;
  {
    const std::lock_guard lock(mutex_);
    added.swap(added_);
    used.swap(used_);
  }
  if (added.empty()) return;
  load();
  const std::unique_lock lock(cached_mutex_);
  merge(cached_, std::move(added), used, max_words);
  cache_.write(entry, made_from(), to_bytes(cached_));
}

void ShapedWordStore::merge(Words& cached, Words&& added, const std::unordered_set<std::string>& used,
                            std::size_t max) {
  if (cached.size() + added.size() > max)
    std::erase_if(cached, [&](const auto& word) { return !used.contains(word.first); });
  cached.merge(added);  // moves the words not cached yet
}

std::string ShapedWordStore::to_bytes(const Words& words) {
  ByteWriter body;
  body.number(static_cast<std::uint32_t>(words.size()));
  for (const auto& [key, glyphs] : words) {
    body.blob(key.data(), key.size());
    body.number(static_cast<std::uint32_t>(glyphs.size()));
    for (const ShapedGlyph& g : glyphs) {
      body.number(g.id);
      body.number(g.cluster);
      body.number(g.x_advance);
      body.number(g.x_offset);
      body.number(g.y_offset);
    }
  }
  return body.bytes();
}

bool ShapedWordStore::from_bytes(std::string_view bytes, Words& words) {
  ByteReader in(bytes);
  const auto count = in.number<std::uint32_t>();
  // Every word takes at least eight bytes of the file: larger counts are damage.
  if (!count || *count > in.left() / 8) return false;
  words.clear();
  words.reserve(*count);
  for (std::uint32_t i = 0; i < *count; ++i) {
    bool present = false;
    const auto key = in.blob(present);
    const auto glyph_count = in.number<std::uint32_t>();
    if (!key || !present || !glyph_count || *glyph_count > in.left() / sizeof(ShapedGlyph)) return false;
    // A cluster is a byte of the word's text, the key's last part.
    std::size_t text_begin = 0;
    for (int part = 0; part < 3; ++part) {
      text_begin = key->find('\0', text_begin);
      if (text_begin == std::string_view::npos) return false;
      ++text_begin;
    }
    std::vector<ShapedGlyph> glyphs(*glyph_count);
    for (ShapedGlyph& g : glyphs) {
      const auto id = in.number<std::uint32_t>();
      const auto cluster = in.number<std::uint32_t>();
      const auto x_advance = in.number<std::int32_t>();
      const auto x_offset = in.number<std::int32_t>();
      const auto y_offset = in.number<std::int32_t>();
      if (!id || !cluster || !x_advance || !x_offset || !y_offset || *cluster > key->size() - text_begin) return false;
      g = {*id, *cluster, *x_advance, *x_offset, *y_offset};
    }
    words.try_emplace(std::string(*key), std::move(glyphs));
  }
  return in.done();
}

}  // namespace impactkit::text::detail
