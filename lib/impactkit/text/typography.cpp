#include <impactkit/text/typography.hpp>

#include <array>
#include <cstddef>

namespace impactkit::text {
namespace {

constexpr std::string_view no_break_space = "\xC2\xA0";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A letter or digit, counting any non-ASCII character as a letter (é, ë, ij).
bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Whether a quote after `text` opens: at the start, after a space, an
// opening bracket, a dash or another opening quote; markup (**, *) between
// does not count.
bool opens(std::string_view text) {
  while (!text.empty() && text.back() == '*') text.remove_suffix(1);
  if (text.empty()) return true;
  const char c = text.back();
  if (is_space(c) || c == '(' || c == '[' || c == '{' || c == '/' || c == '-') return true;
  for (const std::string_view before : std::array<std::string_view, 5>{"\xE2\x80\x9C", "\xE2\x80\x98", "\xE2\x80\x94",
                                                                       "\xE2\x80\x93", no_break_space}) {
    if (text.ends_with(before)) return true;
  }
  return false;
}

// An apostrophe that starts a word stands for left-out letters: Dutch ’s,
// ’t, ’n, ’k (’s avonds, ’s-Hertogenbosch) and years (’80).
bool elision(std::string_view rest) {
  if (rest.empty()) return false;
  if (is_digit(rest[0])) return true;
  // Upper case too: styles with `uppercase: true` are set in capitals (’S AVONDS).
  const char c = static_cast<char>(rest[0] | 0x20);
  if (c != 's' && c != 't' && c != 'n' && c != 'k') return false;
  return rest.size() == 1 || !is_word_char(rest[1]);
}

// Whether the digit at `at` ends a number of its own ("18", "1.250",
// "3,5"), not a digit inside a word ("A1", "CO2").
bool ends_number(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == ',')) --i;
  return i == 0 || !is_word_char(text[i - 1]);
}

struct Formula {
  std::string_view plain;
  std::string_view set;
  char32_t needs;  // the sub- or superscript character the font must have
};

// Subscripts ₂ ₄ (U+2082, U+2084), superscripts ² ³ (U+00B2, U+00B3).
constexpr std::array<Formula, 14> formulas = {{
    {"CO2", "CO\u2082", U'\u2082'},
    {"CO2e", "CO\u2082e", U'\u2082'},
    {"CH4", "CH\u2084", U'\u2084'},
    {"N2O", "N\u2082O", U'\u2082'},
    {"NO2", "NO\u2082", U'\u2082'},
    {"SO2", "SO\u2082", U'\u2082'},
    {"H2O", "H\u2082O", U'\u2082'},
    {"m2", "m\u00B2", U'\u00B2'},
    {"m3", "m\u00B3", U'\u00B3'},
    {"km2", "km\u00B2", U'\u00B2'},
    {"cm2", "cm\u00B2", U'\u00B2'},
    {"cm3", "cm\u00B3", U'\u00B3'},
    {"dm3", "dm\u00B3", U'\u00B3'},
    {"mm2", "mm\u00B2", U'\u00B2'},
}};

// The formula that the word at `at` (a word start) is, if any.
const Formula* formula_at(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && is_word_char(text[end])) ++end;
  const std::string_view word = text.substr(at, end - at);
  for (const Formula& f : formulas) {
    if (word == f.plain) return &f;
  }
  return nullptr;
}

}  // namespace

std::string typographic(std::string_view text, std::string_view language, const HasGlyph& has_glyph) {
  const bool quotes = language == "nl" || language == "en";
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool word_start = i == 0 || !is_word_char(text[i - 1]);
    if (quotes && c == '"') {
      out += opens(out) ? "\u201C" : "\u201D";
    } else if (quotes && c == '\'') {
      const bool opening = opens(out) && !elision(text.substr(i + 1));
      out += opening ? "\u2018" : "\u2019";
    } else if (const Formula* f = word_start && is_word_char(c) ? formula_at(text, i) : nullptr;
               f && has_glyph(f->needs)) {
      out += f->set;
      i += f->plain.size() - 1;
    } else if (c == ' ' && i > 0 && i + 1 < text.size() && !is_space(text[i + 1])) {
      // A number keeps the word after it ("18 %", "85 miljard", "**18** %").
      std::size_t d = i;
      while (d > 0 && text[d - 1] == '*') --d;
      const bool after_number = d > 0 && is_digit(text[d - 1]) && ends_number(text, d - 1);
      out += after_number ? no_break_space : " ";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace impactkit::text
