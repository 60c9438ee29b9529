#pragma once
// Internal to lib/impactkit/text. Shaping: the glyphs of a piece of text in one font,
// with kerning, ligatures and the style's OpenType features (HarfBuzz).

#include <impactkit/text/font.hpp>

#include <hb.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::text::detail {

// One glyph, positioned in font units relative to the pen.
struct ShapedGlyph {
  std::uint32_t id = 0;
  std::uint32_t cluster = 0;  // byte offset of its text in the shaped string
  std::int32_t x_advance = 0;
  std::int32_t x_offset = 0;
  std::int32_t y_offset = 0;
};

// OpenType features as HarfBuzz writes them ("tnum", "-liga", "ss01"),
// parsed. Throws std::invalid_argument naming one it cannot read.
std::vector<hb_feature_t> parse_features(const std::vector<std::string>& features);

// Shapes UTF-8 `text` left to right in `language` ("nl", "en").
std::vector<ShapedGlyph> shape(const Font& font, std::string_view text, hb_language_t language,
                               const std::vector<hb_feature_t>& features);

// The sum of advances, in font units.
std::int32_t advance_width(const std::vector<ShapedGlyph>& glyphs);

}  // namespace impactkit::text::detail
