#pragma once
// Hyphenation: where a word may be broken across two lines, and how the two
// halves are printed.
//
// Dutch is the language the exhibit is written in, and Dutch breaks long
// compounds ("duurzaamheidsrapportage") that would otherwise leave narrow
// poster columns full of holes. The TeX patterns (through libhyphen) give the
// syllable points; on top of them this applies what Dutch typesetting needs
// and pattern hyphenators get wrong: a word's own hyphen is a break that adds
// no second hyphen (zero-emissie), each part of such a compound is hyphenated
// as a word of its own, a trema marks a syllable boundary and disappears when
// the line breaks there (ideeën -> idee- | en), the author's soft hyphens
// override the patterns, and the theme can fix or forbid the breaks of single
// words, such as place names.

#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// libhyphen's HyphenDict, kept out of this header.
struct _HyphenDict;  // NOLINT(bugprone-reserved-identifier): libhyphen's own name

namespace impactkit::text {

class TextCache;

// How eagerly a text style hyphenates. The defaults suit Dutch body text in
// the exhibit's column widths: a lone letter at a line end, or two at a line
// start, reads as a mistake.
struct HyphenationSettings {
  bool enabled = true;      // false: words break only at their own hyphens
  int min_word = 6;         // letters: shorter words never break
  int min_before = 2;       // letters before a break
  int min_after = 3;        // letters after a break
  int max_consecutive = 2;  // hyphenated lines in a row (used by the paragraph breaker, not here)
};

// One place where a word may be broken across two lines.
//
// Both halves are the whole word on either side of the break, as printed, so
// that quotes, brackets and full stops around the word travel with it. To
// break a word more than once, take the earlier point's line_start and cut
// from its end as much printed text as follows the later point (the trema
// rule only ever changes the start of a line_start).
struct BreakPoint {
  std::size_t offset = 0;        // byte offset in the word (UTF-8) where the original text of the second line starts
  std::string line_end;          // what ends the first line, as printed: "duurzaam-", "zero-", "idee-"
  std::string line_start;        // what starts the next line, as printed: "heid", "emissie", "en" (trema dropped)
  bool explicit_hyphen = false;  // the word's own hyphen (zero-emissie), not an added one
};

// The patterns of a language cannot be found or read.
struct HyphenationError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The break points of words in one language. Built once per language (loading
// the patterns takes milliseconds), then asked for every word of every
// paragraph; breaks() is const and safe to call from several threads.
//
// Which points a word gets, in order of precedence:
//  - the word's own hyphens ('-' or U+2010 inside the word, not "--") always
//    break, even with hyphenation disabled: that is a line break, not
//    hyphenation;
//  - soft hyphens (U+00AD) written by the author: when a word has any, they are
//    its only added breaks, wherever they stand (not subject to min_word,
//    min_before or min_after), as long as no fragment is left empty;
//  - a theme exception for the part (see the constructor);
//  - otherwise the language's patterns, and in Dutch also every trema that
//    follows a vowel (the trema marks the syllable boundary the patterns do
//    not always see: Kana-äniet). Where the patterns would leave a syllable
//    without a vowel they have misread the word, mostly an English loan
//    ("road-s-how"), and both points around it are dropped: a word left
//    whole costs a little raggedness, a wrong break prints a misspelling.
// These points only fall between two letters, never beside an apostrophe or
// a digit. A word with hyphens is hyphenated part by part:
// "zero-emissiebussen" is "zero" and "emissiebussen", each with its own
// min_word, min_before and min_after. Punctuation around the word never
// counts as letters.
class Hyphenator {
 public:
  // Loads the patterns for `language` ("nl" or "en") from /usr/share/hyphen
  // (hyph_nl_NL.dic, hyph_en_US.dic). `exceptions` come from the theme: a word with
  // '-' marks gives its only break points ("Over-ijs-sel"); a word without gives none
  // ("Overijssel" never breaks). Matched case-insensitively against a word, or one
  // part of a hyphenated compound, or its plural in -s ("road-show" also gives
  // "road-shows"); the style's min_word, min_before and min_after still apply, as
  // they are the style's, not the word's. The compiled patterns come from
  // `cache`, shared with every Hyphenator that uses it (text/cache.hpp);
  // without one they are loaded for this Hyphenator. Throws HyphenationError
  // naming the language and the file it looked for when the patterns are
  // missing.
  explicit Hyphenator(std::string_view language, const std::vector<std::string>& exceptions = {},
                      TextCache* cache = nullptr);
  ~Hyphenator();
  Hyphenator(Hyphenator&&) noexcept;
  Hyphenator& operator=(Hyphenator&&) noexcept;

  // Break points of one word (no spaces; may carry leading/trailing punctuation such as
  // quotes, brackets, commas, full stops, which never end up in a fragment count), in order.
  std::vector<BreakPoint> breaks(std::string_view word, const HyphenationSettings& settings) const;

  // The word as printed when it is not broken: soft hyphens (U+00AD) removed.
  static std::string unbroken(std::string_view word);

 private:
  const std::vector<int>* exception(std::string_view key) const;

  // Lets exceptions be found by a std::string_view key without building a string.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };

  std::shared_ptr<_HyphenDict> dict_;  // libhyphen's compiled patterns, shared through a TextCache
  bool dutch_ = false;                 // the trema rule is Dutch spelling
  bool latin1_ = false;                // the patterns are in ISO 8859-1, not UTF-8
  // Lower-case word (UTF-8, NFC) -> its breaks, as the number of characters before each.
  std::unordered_map<std::string, std::vector<int>, KeyHash, std::equal_to<>> exceptions_;
};

}  // namespace impactkit::text
