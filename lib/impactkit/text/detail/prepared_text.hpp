#pragma once
// Internal to lib/impactkit/text. Text prepared for setting, the same at
// every size: each paragraph as chunks (runs without spaces in one font),
// shaped, with their break points and the widths between them.

#include <impactkit/text/detail/shape.hpp>
#include <impactkit/text/detail/word_units.hpp>
#include <impactkit/text/hyphenate.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::text::detail {

// A run of text without spaces in one font: one or more boxes, breakable at
// its hyphenation points.
struct Chunk {
  std::shared_ptr<const Font> font;
  std::string text;                 // as written (soft hyphens kept)
  std::string printed;              // as printed whole
  std::vector<ShapedGlyph> glyphs;  // of `printed`
  std::vector<BreakPoint> points;
  std::vector<std::int32_t> widths;  // of the fragments between points, font units
  enum class After { nothing, space, opportunity } after = After::nothing;
  bool after_hyphen = false;  // the opportunity follows a hyphen
  std::int32_t space_width = 0;
  std::vector<ShapedGlyph> space;  // the space's glyph, when `after` is a space
  std::int32_t hyphen_width = 0;
  int words = 0;  // words it ends (for overflow counts)
};

struct PreparedBlock {
  std::vector<Chunk> chunks;
  bool bullet = false;
};

// Offset in `printed` of offset `offset` in `text`: soft hyphens are dropped.
// Inline: prepare() asks it for every glyph.
inline std::size_t printed_offset(std::string_view text, std::size_t offset) {
  std::size_t removed = 0;
  for (std::size_t at = text.find(soft_hyphen); at != std::string_view::npos && at < offset;
       at = text.find(soft_hyphen, at + soft_hyphen.size())) {
    removed += soft_hyphen.size();
  }
  return offset - removed;
}

// The text of a chunk from after point `from` (or its start, -1) to point
// `to` (or its end, -1), as printed: a trema dropped at the start, a hyphen
// added at the end.
std::string segment_text(const Chunk& c, int from, int to);

}  // namespace impactkit::text::detail
