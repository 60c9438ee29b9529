#pragma once
// Micro-typography applied to every text as it is set, by the text's
// language: what a typesetter does by hand and a content author types
// plainly on a keyboard.
//
//  - Quotes and apostrophes (Dutch and English): "…" -> “…”, '…' -> ‘…’,
//    and an apostrophe is ’ (auto’s, ’s avonds, ’80). Dutch takes the
//    same curly quotes as English, as the Rijksoverheid's texts do; the low
//    „…” of older Dutch print is not used. Other languages keep their
//    quotes as written.
//  - A number keeps the word after it: the space between "18" and "%", or
//    "85" and "miljard", becomes a no-break space, so a line never ends on
//    a bare number.
//  - Chemical formulas and units with their digit set lower or higher: CO2
//    -> CO₂, CH4 -> CH₄, m2 -> m², km3 -> km³; as the Unicode sub- and
//    superscript digits, which the font draws smaller and shifted (and a
//    PDF's text then says CO₂), and only when the font has them.

#include <functional>
#include <string>
#include <string_view>

namespace impactkit::text {

// Whether the font the text is set in has a glyph for a character.
using HasGlyph = std::function<bool(char32_t)>;

// `text` (with markup, see markup.hpp) with the rules above applied for
// `language` ("nl", "en", ...).
std::string typographic(std::string_view text, std::string_view language, const HasGlyph& has_glyph);

}  // namespace impactkit::text
