#include <impactkit/text/cache.hpp>
#include <impactkit/text/detail/pattern_store.hpp>
#include <impactkit/text/detail/word_units.hpp>
#include <impactkit/text/hyphenate.hpp>

#include <hyphen.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iterator>

namespace impactkit::text {
using namespace detail;  // NOLINT(google-build-using-namespace): this file is the Hyphenator's detail's user
namespace {

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

bool is_latin1_name(std::string_view cset) {
  std::string name;
  for (char c : cset) {
    if (c != '-' && c != '_' && c != ' ') {
      name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  return name == "ISO88591" || name == "LATIN1";
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

Hyphenator::Hyphenator(std::string_view language, const std::vector<std::string>& exceptions, TextCache* cache) {
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
  dict_ = cache != nullptr ? cache->patterns().get(path) : load_dictionary(path, Cache());
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
