#pragma once
// Internal to lib/impactkit/text. A word as the Hyphenator sees it: a row of
// units, each one user-perceived character (a code point with the
// combining marks that follow it) with what breaking needs to know of it,
// and the few ways of writing units back out: as the patterns spell them,
// as printed, with a trema dropped.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::text::detail {

constexpr std::string_view soft_hyphen = "\xC2\xAD";

// What a unit of a word is, as far as breaking goes.
enum class Kind : std::uint8_t { letter, digit, hyphen, soft_hyphen, other };

// One user-perceived character of a word: a code point with the combining
// marks that follow it, so that a break never separates a letter from its
// accent and decomposed text ("e" + U+0308) hyphenates like composed text.
struct Unit {
  std::uint32_t begin = 0;  // byte range in the word
  std::uint32_t end = 0;
  char32_t first = 0;   // the code point as written (before its marks)
  char32_t folded = 0;  // lower case, composed: what the patterns and exceptions see
  Kind kind = Kind::other;
  bool diaeresis = false;  // a trema (or umlaut: only a vowel before it makes it a trema)
  bool vowel = false;
};

// Splits a word into units. Invalid UTF-8 becomes one U+FFFD unit per bad
// sequence, so that offsets still point into the word.
void split_units(std::string_view word, std::vector<Unit>& units);

inline bool is_alnum(const Unit& unit) {
  return unit.kind == Kind::letter || unit.kind == Kind::digit;
}
inline bool is_any_hyphen(const Unit& unit) {
  return unit.kind == Kind::hyphen || unit.kind == Kind::soft_hyphen;
}

// `c` as UTF-8; nothing when it is no code point.
void append_utf8(std::string& out, char32_t c);

// One unit as the patterns expect it, in their encoding (Latin-1 or UTF-8)
// and with the language's word boundaries (see the definition).
void append_pattern_char(std::string& out, const Unit& unit, bool latin1, bool dutch);

// The text as printed: soft hyphens removed.
void append_printed(std::string& out, std::string_view text);

// A letter with its trema dropped: 'ë' -> 'e', "e" + U+0308 -> "e".
void append_without_trema(std::string& out, std::string_view unit_text, char32_t first);

// Lower-case key of units[a, b) for the exception table.
void make_key(std::string& key, const std::vector<Unit>& units, std::size_t a, std::size_t b);

}  // namespace impactkit::text::detail
