#include <impactkit/core/file_io.hpp>
#include <impactkit/text/detail/pattern_file.hpp>
#include <impactkit/text/hyphenate.hpp>

#include <hyphen.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iterator>
#include <map>
#include <mutex>

namespace impactkit::text {
namespace {

constexpr std::string_view soft_hyphen = "\xC2\xAD";
constexpr std::string_view patterns_dir = "/usr/share/hyphen/";
constexpr char32_t replacement_char = 0xFFFD;

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

// A place where a word may break, before units[unit].
struct Point {
  std::size_t unit = 0;
  enum class Source : std::uint8_t { explicit_hyphen, soft_hyphen, hyphenation } source = Source::hyphenation;
  bool operator<(const Point& other) const { return unit < other.unit; }
  bool operator==(const Point& other) const { return unit == other.unit; }
};

// Buffers reused across calls: breaks() runs for every word of every paragraph.
// Per thread, so that a const Hyphenator can be shared between threads.
struct Scratch {
  std::vector<Unit> units;
  std::vector<int> letters_before;  // letters in units[0, i)
  std::vector<Point> points;
  std::vector<Point> part_points;
  std::vector<bool> drop;
  std::string pattern_input;
  std::vector<char> hyphens;
  std::string key;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

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

// Splits a word into units. Invalid UTF-8 becomes one U+FFFD unit per bad
// sequence, so that offsets still point into the word.
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

bool is_alnum(const Unit& unit) {
  return unit.kind == Kind::letter || unit.kind == Kind::digit;
}
bool is_any_hyphen(const Unit& unit) {
  return unit.kind == Kind::hyphen || unit.kind == Kind::soft_hyphen;
}

void append_utf8(std::string& out, char32_t c) {
  char buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
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

// The text as printed: soft hyphens removed.
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

// A letter with its trema dropped: 'ë' -> 'e', "e" + U+0308 -> "e".
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

std::string patterns_file(std::string_view language) {
  if (language == "nl") return "hyph_nl_NL.dic";
  if (language == "en") return "hyph_en_US.dic";
  return "hyph_" + std::string(language) + ".dic";
}

std::string package_hint(std::string_view language) {
  if (language == "en") return "hyphen-en-us";
  std::string name(language);
  std::replace(name.begin(), name.end(), '_', '-');
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return "hyphen-" + name;
}

// Only letters, '-' and '_': the language becomes part of a file name.
bool plausible_language(std::string_view language) {
  return !language.empty() && language.size() <= 16 && std::all_of(language.begin(), language.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
  });
}

// "nl", "nl_NL": the spelling of the pattern files' names, whatever the case
// and separator the theme used ("NL", "nl-nl").
std::string normalized_language(std::string_view language) {
  std::string out(language);
  bool region = false;
  for (char& c : out) {
    if (c == '-') c = '_';
    region = region || c == '_';
    c = static_cast<char>(region ? std::toupper(static_cast<unsigned char>(c))
                                 : std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool is_latin1_name(std::string_view cset) {
  std::string name;
  for (char c : cset) {
    if (c != '-' && c != '_' && c != ' ') {
      name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  return name == "ISO88591" || name == "LATIN1";
}

// Lower-case key of units[a, b) for the exception table.
void make_key(std::string& key, const std::vector<Unit>& units, std::size_t a, std::size_t b) {
  key.clear();
  for (std::size_t i = a; i < b; ++i) {
    if (units[i].kind != Kind::soft_hyphen) append_utf8(key, units[i].folded);
  }
}

// What libhyphen allocated with malloc() goes back with free().
void free_from_c(void* memory) {
  std::free(memory);  // NOLINT(cppcoreguidelines-no-malloc,cppcoreguidelines-owning-memory): libhyphen's malloc()
}

// Frees what hnj_hyphen_hyphenate3 allocates for non-standard patterns (none
// of ours have them, but a pattern file may).
struct NonStandard {
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  int size = 0;
  NonStandard(const NonStandard&) = delete;
  NonStandard& operator=(const NonStandard&) = delete;
  explicit NonStandard(int n) : size(n) {}
  ~NonStandard() {
    if (rep != nullptr) {
      for (int i = 0; i < size; ++i) free_from_c(rep[i]);
    }
    free_from_c(static_cast<void*>(rep));
    free_from_c(pos);
    free_from_c(cut);
  }
};

}  // namespace

namespace {

// Where compiled patterns are kept between processes; empty: nowhere.
std::mutex cache_mutex;
std::filesystem::path cache_folder;

std::filesystem::path compiled_patterns_folder() {
  const std::lock_guard lock(cache_mutex);
  return cache_folder;
}

// The patterns of `path`: from the compiled form kept in the cache folder
// when it was made from this very file, else compiled by libhyphen (and
// kept, when the folder exists). Keeping them is only a saving: a file
// that cannot be written is left unwritten, one that cannot be read is
// compiled again.
std::shared_ptr<HyphenDict> load_dictionary(const std::string& path) {
  const std::filesystem::path folder = compiled_patterns_folder();
  const std::string stamp = folder.empty() ? std::string() : file_stamp(path);
  const auto kept = stamp.empty() ? std::filesystem::path()
                                  : folder / ("hyphenation-" + std::filesystem::path(path).stem().string() + ".bin");
  if (!kept.empty()) {
    if (const auto bytes = read_file(kept)) {
      if (auto dict = detail::read_patterns(*bytes, stamp)) return dict;
    }
  }
  std::shared_ptr<HyphenDict> dict(hnj_hyphen_load(path.c_str()), [](HyphenDict* d) {
    if (d) hnj_hyphen_free(d);
  });
  std::error_code ec;
  if (dict && !kept.empty() && std::filesystem::is_directory(folder, ec)) {
    try {
      write_file_atomically(kept, detail::save_patterns(*dict, stamp));
    } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): see above
    }
  }
  return dict;
}

// The compiled patterns of each file, loaded once per process and shared:
// loading is the costly part of hyphenation, and the dictionary is only
// read afterwards (hnj_hyphen_hyphenate3 does not change it). Every product
// of a build has its own typesetter; they share the patterns.
// Loaded by the first Hyphenator, or by load_patterns() on another thread,
// which a Hyphenator then waits for.
std::shared_future<std::shared_ptr<HyphenDict>> patterns(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_future<std::shared_ptr<HyphenDict>>> loaded;
  const std::lock_guard lock(mutex);
  auto found = loaded.find(path);
  if (found != loaded.end()) return found->second;
  return loaded.emplace(path, std::async(std::launch::deferred, [path] { return load_dictionary(path); }).share())
      .first->second;
}

std::string patterns_path(const std::string& lang) {
  return std::string(patterns_dir) + patterns_file(lang);
}

}  // namespace

void detail::keep_compiled_patterns(const std::filesystem::path& folder) {
  const std::lock_guard lock(cache_mutex);
  cache_folder = folder;
}

void load_patterns(std::string_view language) {
  const std::string lang = normalized_language(language);
  if (!plausible_language(lang)) return;
  const std::string path = patterns_path(lang);
  // A missing file is the Hyphenator's to report, with its advice.
  if (std::filesystem::exists(path)) patterns(path).wait();
}

Hyphenator::Hyphenator(std::string_view language, const std::vector<std::string>& exceptions) {
  const std::string lang = normalized_language(language);
  if (!plausible_language(lang)) {
    throw HyphenationError("no hyphenation patterns for language '" + std::string(language) +
                           "': not a language code such as \"nl\" or \"en\"");
  }
  const std::string path = patterns_path(lang);
  if (!std::filesystem::exists(path)) {
    throw HyphenationError("no hyphenation patterns for language '" + std::string(language) + "': " + path +
                           " not found (install the Debian package " + package_hint(lang) + ")");
  }
  dict_ = patterns(path).get();
  if (!dict_) {
    throw HyphenationError("cannot read the hyphenation patterns for language '" + std::string(language) + "' from " +
                           path);
  }
  latin1_ = dict_->utf8 == 0;
  if (latin1_ && !is_latin1_name(dict_->cset)) {
    throw HyphenationError("hyphenation patterns " + path + " for language '" + std::string(language) + "' are in " +
                           dict_->cset + "; only UTF-8 and ISO8859-1 are supported");
  }
  dutch_ = lang == "nl" || lang.starts_with("nl_");

  std::vector<Unit> units;
  for (const std::string& exception : exceptions) {
    split_units(exception, units);
    std::string key;
    std::vector<int> points;
    int letters = 0;
    for (const Unit& unit : units) {
      if (is_any_hyphen(unit)) {
        if (letters > 0 && (points.empty() || points.back() != letters)) points.push_back(letters);
      } else if (unit.kind != Kind::other || !u_isspace(static_cast<UChar32>(unit.first))) {
        append_utf8(key, unit.folded);
        ++letters;
      }
    }
    if (!points.empty() && points.back() == letters) points.pop_back();  // a trailing mark is no break
    if (letters > 0) exceptions_.insert_or_assign(std::move(key), std::move(points));
  }
}

Hyphenator::~Hyphenator() = default;
Hyphenator::Hyphenator(Hyphenator&&) noexcept = default;
Hyphenator& Hyphenator::operator=(Hyphenator&&) noexcept = default;

std::string Hyphenator::unbroken(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  append_printed(out, word);
  return out;
}

namespace {

// Soft hyphens of units[a, b) (one part of the word): the author's points,
// kept wherever both sides of the part hold a letter or digit.
void soft_hyphen_points(const std::vector<Unit>& units, std::size_t a, std::size_t b, std::vector<Point>& out) {
  bool alnum_before = false;
  for (std::size_t i = a; i < b; ++i) {
    if (units[i].kind == Kind::soft_hyphen && alnum_before && units[i + 1].kind != Kind::soft_hyphen &&
        std::any_of(units.begin() + static_cast<std::ptrdiff_t>(i) + 1, units.begin() + static_cast<std::ptrdiff_t>(b),
                    is_alnum)) {
      out.push_back({i + 1, Point::Source::soft_hyphen});
    }
    alnum_before = alnum_before || is_alnum(units[i]);
  }
}

// A Dutch trema marks a syllable boundary: a break before it is always right.
// Only after a vowel is a diaeresis a trema (in "Müller" it is an umlaut).
bool trema_break(const std::vector<Unit>& units, std::size_t at) {
  if (at == 0 || !units[at].diaeresis) return false;
  std::size_t before = at - 1;
  while (before > 0 && units[before].kind == Kind::soft_hyphen) --before;
  return units[before].vowel;
}

// Every syllable has a vowel, so a fragment without one shows that the
// patterns misread the word, typically an English loan ("road-s-how"): both
// points around it go, leaving the word unbroken there rather than wrong.
void drop_vowelless_syllables(Scratch& s, std::size_t a, std::size_t b) {
  auto& points = s.part_points;
  const auto has_vowel = [&](std::size_t from, std::size_t to) {
    return std::any_of(s.units.begin() + static_cast<std::ptrdiff_t>(from),
                       s.units.begin() + static_cast<std::ptrdiff_t>(to), [](const Unit& u) { return u.vowel; });
  };
  std::vector<bool>& drop = s.drop;
  drop.assign(points.size(), false);
  for (std::size_t i = 0; i <= points.size(); ++i) {
    const std::size_t from = i == 0 ? a : points[i - 1].unit;
    const std::size_t to = i == points.size() ? b : points[i].unit;
    if (has_vowel(from, to)) continue;
    if (i > 0) drop[i - 1] = true;
    if (i < points.size()) drop[i] = true;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!drop[i]) points[kept++] = points[i];
  }
  points.resize(kept);
}

// The patterns' points in units[a, b), as unit indices (a break before each).
void pattern_points(HyphenDict* dict, bool latin1, bool dutch, Scratch& s, std::size_t a, std::size_t b) {
  s.pattern_input.clear();
  for (std::size_t i = a; i < b; ++i) append_pattern_char(s.pattern_input, s.units[i], latin1, dutch);
  const auto size = static_cast<int>(s.pattern_input.size());
  s.hyphens.assign(s.pattern_input.size() + 5, '\0');
  NonStandard non_standard(size);
  // Minimum 1 on both sides: the style's minimums are applied afterwards, in
  // letters, to these points and the trema ones alike.
  if (hnj_hyphen_hyphenate3(dict, s.pattern_input.c_str(), size, s.hyphens.data(), nullptr, &non_standard.rep,
                            &non_standard.pos, &non_standard.cut, 1, 1, 0, 0) != 0) {
    return;
  }
  // After the call, hyphens[k] is per code point, and a unit is one code point.
  for (std::size_t k = 0; k + 1 < b - a; ++k) {
    if ((s.hyphens[k] & 1) != 0) s.part_points.push_back({a + k + 1, Point::Source::hyphenation});
  }
  drop_vowelless_syllables(s, a, b);
}

// The settings' limits, and letters on both sides: no break next to an
// apostrophe or a digit.
bool allowed(const Scratch& s, std::size_t a, std::size_t b, std::size_t at, const HyphenationSettings& settings) {
  if (at <= a || at >= b) return false;
  if (s.units[at - 1].kind != Kind::letter || s.units[at].kind != Kind::letter) return false;
  return s.letters_before[at] - s.letters_before[a] >= std::max(1, settings.min_before) &&
         s.letters_before[b] - s.letters_before[at] >= std::max(1, settings.min_after);
}

// The built BreakPoint for a break before units[at].
BreakPoint break_point(std::string_view word, const std::vector<Unit>& units, std::size_t at, bool added, bool dutch) {
  BreakPoint point;
  const Unit& unit = units[at];
  point.offset = unit.begin;
  point.explicit_hyphen = !added;
  append_printed(point.line_end, word.substr(0, unit.begin));
  if (added) point.line_end.push_back('-');
  if (added && dutch && trema_break(units, at)) {
    append_without_trema(point.line_start, word.substr(unit.begin, unit.end - unit.begin), unit.first);
    append_printed(point.line_start, word.substr(unit.end));
  } else {
    append_printed(point.line_start, word.substr(unit.begin));
  }
  return point;
}

// Where the dictionary's patterns, or the theme's exception for the part
// (`exception`, null when there is none), and Dutch tremas break units[a, b).
void hyphenation_points(HyphenDict* dict, bool latin1, bool dutch, const std::vector<int>* exception, Scratch& s,
                        std::size_t a, std::size_t b, const HyphenationSettings& settings) {
  if (b - a < 2 || s.letters_before[b] - s.letters_before[a] < std::max(1, settings.min_word)) return;
  s.part_points.clear();
  if (exception != nullptr) {
    for (int letters : *exception) s.part_points.push_back({a + static_cast<std::size_t>(letters)});
  } else {
    pattern_points(dict, latin1, dutch, s, a, b);
    for (std::size_t at = a + 1; dutch && at < b; ++at) {
      if (trema_break(s.units, at)) s.part_points.push_back({at});
    }
    std::sort(s.part_points.begin(), s.part_points.end());
  }
  const auto last = std::unique(s.part_points.begin(), s.part_points.end());
  std::copy_if(s.part_points.begin(), last, std::back_inserter(s.points),
               [&](const Point& p) { return allowed(s, a, b, p.unit, settings); });
}

}  // namespace

// An exception also covers its plural in -s ("stake-hol-der" for
// "stakeholders"): loans, the words that need exceptions most, take that plural.
const std::vector<int>* Hyphenator::exception(std::string_view key) const {
  auto found = exceptions_.find(key);
  if (found == exceptions_.end() && key.size() > 1 && key.back() == 's') {
    found = exceptions_.find(key.substr(0, key.size() - 1));
  }
  return found == exceptions_.end() ? nullptr : &found->second;
}

std::vector<BreakPoint> Hyphenator::breaks(std::string_view word, const HyphenationSettings& settings) const {
  Scratch& s = scratch();
  split_units(word, s.units);
  const std::vector<Unit>& units = s.units;
  s.points.clear();

  // The core runs from the first to the last letter or digit; what is around
  // it (quotes, brackets, punctuation) never breaks or counts.
  const auto first = std::find_if(units.begin(), units.end(), is_alnum);
  if (first == units.end()) return {};
  const auto core_begin = static_cast<std::size_t>(first - units.begin());
  const auto core_end = static_cast<std::size_t>(units.rend() - std::find_if(units.rbegin(), units.rend(), is_alnum));

  s.letters_before.assign(units.size() + 1, 0);
  for (std::size_t i = 0; i < units.size(); ++i) {
    s.letters_before[i + 1] = s.letters_before[i] + (units[i].kind == Kind::letter ? 1 : 0);
  }
  // Soft hyphens anywhere, even where they give no point, show that the
  // author has decided where this word breaks.
  const bool soft_mode =
      std::any_of(units.begin(), units.end(), [](const Unit& u) { return u.kind == Kind::soft_hyphen; });

  // Part by part, between the word's own hyphens.
  for (std::size_t a = core_begin; a < core_end;) {
    std::size_t b = a;
    while (b < core_end && units[b].kind != Kind::hyphen) ++b;
    if (settings.enabled && soft_mode) soft_hyphen_points(units, a, b, s.points);
    if (settings.enabled && !soft_mode) {
      const std::vector<int>* fixed = nullptr;
      if (!exceptions_.empty()) {
        make_key(s.key, units, a, b);
        fixed = exception(s.key);
      }
      hyphenation_points(dict_.get(), latin1_, dutch_, fixed, s, a, b, settings);
    }
    // Not inside "--", which is no compound; a soft hyphen beside it is harmless.
    if (b < core_end && units[b - 1].kind != Kind::hyphen && units[b + 1].kind != Kind::hyphen) {
      s.points.push_back({b + 1, Point::Source::explicit_hyphen});
    }
    a = b + 1;
  }

  std::vector<BreakPoint> out;
  out.reserve(s.points.size());
  for (const Point& point : s.points) {
    out.push_back(break_point(word, units, point.unit, point.source != Point::Source::explicit_hyphen, dutch_));
  }
  return out;
}

}  // namespace impactkit::text
