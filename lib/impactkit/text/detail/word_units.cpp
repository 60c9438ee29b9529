#include <impactkit/text/detail/word_units.hpp>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace impactkit::text::detail {
namespace {

constexpr char32_t replacement_char = 0xFFFD;

bool is_combining_mark(char32_t c) {
  const auto type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

Kind kind_of(char32_t c) {
  if (c == U'-' || c == 0x2010) return Kind::hyphen;  // U+2011 is the non-breaking one
  if (c == 0x00AD) return Kind::soft_hyphen;
  if (u_isalpha(static_cast<UChar32>(c))) return Kind::letter;
  if (u_isdigit(static_cast<UChar32>(c))) return Kind::digit;
  return Kind::other;
}

const icu::Normalizer2* normalizer(bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

// The letter without its accents ('é' -> 'e'), lower case; itself when it has none.
char32_t base_letter(char32_t folded) {
  if (folded < 0x80) return folded;
  static const icu::Normalizer2* nfd = normalizer(false);
  icu::UnicodeString decomposition;
  if (nfd == nullptr || !nfd->getDecomposition(static_cast<UChar32>(folded), decomposition)) return folded;
  return static_cast<char32_t>(decomposition.char32At(0));
}

bool is_vowel(char32_t folded) {
  switch (base_letter(folded)) {
    case U'a':
    case U'e':
    case U'i':
    case U'o':
    case U'u':
    case U'y':
      return true;
    default:
      return false;
  }
}

// Precomposed letters with a diaeresis that Dutch (and English) spelling uses.
bool has_diaeresis(char32_t folded) {
  switch (folded) {
    case 0xE4:  // ä
    case 0xEB:  // ë
    case 0xEF:  // ï
    case 0xF6:  // ö
    case 0xFC:  // ü
    case 0xFF:  // ÿ
      return true;
    default:
      return false;
  }
}

// The lower-case, composed form of a letter written with separate combining
// marks; the base letter's when the marks do not compose into one code point.
char32_t compose(std::string_view unit_text, char32_t fallback) {
  static const icu::Normalizer2* nfc = normalizer(true);
  if (nfc == nullptr) return fallback;
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString composed =
      nfc->normalize(icu::UnicodeString::fromUTF8({unit_text.data(), static_cast<int32_t>(unit_text.size())}), status);
  if (U_FAILURE(status) || composed.countChar32() != 1) return fallback;
  return static_cast<char32_t>(u_tolower(composed.char32At(0)));
}

void finish_unit(std::string_view word, Unit& unit, bool has_marks) {
  if (has_marks) unit.folded = compose(word.substr(unit.begin, unit.end - unit.begin), unit.folded);
  unit.diaeresis = unit.diaeresis || has_diaeresis(unit.folded);
  unit.vowel = unit.kind == Kind::letter && is_vowel(unit.folded);
}

bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

// The letter a trema sits on: 'ë' -> 'e', 'Ï' -> 'I'; 0 for any other.
char without_trema(char32_t c) {
  switch (c) {
    case 0xC4:
      return 'A';
    case 0xCB:
      return 'E';
    case 0xCF:
      return 'I';
    case 0xD6:
      return 'O';
    case 0xDC:
      return 'U';
    case 0xE4:
      return 'a';
    case 0xEB:
      return 'e';
    case 0xEF:
      return 'i';
    case 0xF6:
      return 'o';
    case 0xFC:
      return 'u';
    case 0xFF:
      return 'y';
    default:
      return '\0';
  }
}

}  // namespace

void split_units(std::string_view word, std::vector<Unit>& units) {
  units.clear();
  bool has_marks = false;
  const auto length = static_cast<std::int32_t>(word.size());
  for (std::int32_t at = 0; at < length;) {
    const std::int32_t begin = at;
    UChar32 c = 0;
    U8_NEXT(word.data(), at, length, c);
    const char32_t cp = c < 0 ? replacement_char : static_cast<char32_t>(c);
    if (!units.empty() && units.back().kind == Kind::letter && is_combining_mark(cp)) {
      units.back().end = static_cast<std::uint32_t>(at);
      units.back().diaeresis = units.back().diaeresis || cp == 0x0308;
      has_marks = true;
      continue;
    }
    if (!units.empty()) finish_unit(word, units.back(), has_marks);
    has_marks = false;
    Unit unit;
    unit.begin = static_cast<std::uint32_t>(begin);
    unit.end = static_cast<std::uint32_t>(at);
    unit.first = cp;
    unit.folded = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    unit.kind = kind_of(cp);
    units.push_back(unit);
  }
  if (!units.empty()) finish_unit(word, units.back(), has_marks);
}

void append_utf8(std::string& out, char32_t c) {
  char buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

// One unit as the patterns expect it. In Dutch an apostrophe ends a word
// before its ending ("auto's", "zo'n"), so the patterns see a word boundary
// there, as they do at a digit. A character the Latin-1 patterns cannot spell
// loses its accents if that makes it Latin-1, and otherwise becomes a
// character no pattern contains, so that patterns simply do not match across
// it.
void append_pattern_char(std::string& out, const Unit& unit, bool latin1, bool dutch) {
  if (is_apostrophe(unit.folded)) return out.push_back(dutch ? '.' : '\'');
  if (!latin1) return append_utf8(out, unit.folded);
  if (unit.folded <= 0xFF) return out.push_back(static_cast<char>(unit.folded));
  const char32_t base = base_letter(unit.folded);
  out.push_back(base <= 0xFF ? static_cast<char>(base) : '\'');
}

void append_printed(std::string& out, std::string_view text) {
  for (std::size_t at = 0;;) {
    const std::size_t found = text.find(soft_hyphen, at);
    if (found == std::string_view::npos) {
      out.append(text.substr(at));
      return;
    }
    out.append(text.substr(at, found - at));
    at = found + soft_hyphen.size();
  }
}

void append_without_trema(std::string& out, std::string_view unit_text, char32_t first) {
  std::size_t at = 0;
  if (const char plain = without_trema(first); plain != '\0') {
    out.push_back(plain);
    at = U8_LENGTH(static_cast<UChar32>(first));
  }
  static constexpr std::string_view combining_diaeresis = "\xCC\x88";
  for (std::string_view rest = unit_text.substr(at); !rest.empty();) {
    const std::size_t found = rest.find(combining_diaeresis);
    out.append(rest.substr(0, found));
    if (found == std::string_view::npos) break;
    rest.remove_prefix(found + combining_diaeresis.size());
  }
}

void make_key(std::string& key, const std::vector<Unit>& units, std::size_t a, std::size_t b) {
  key.clear();
  for (std::size_t i = a; i < b; ++i) {
    if (units[i].kind != Kind::soft_hyphen) append_utf8(key, units[i].folded);
  }
}

}  // namespace impactkit::text::detail
