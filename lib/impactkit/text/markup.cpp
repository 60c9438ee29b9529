#include <impactkit/text/markup.hpp>

#include <optional>
#include <utility>

namespace impactkit::text {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The lines of a paragraph joined by single spaces.
std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Where the marker `marker` ("**" or "*") that closes one opened at `from`
// is: not escaped, not followed by a space-only content.
std::optional<std::size_t> closing(std::string_view text, std::size_t from, std::string_view marker) {
  for (std::size_t i = from; i + marker.size() <= text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
      continue;
    }
    if (text.substr(i, marker.size()) == marker) {
      // "*" must not be the first half of a "**".
      if (marker == "*" && i + 1 < text.size() && text[i + 1] == '*') {
        ++i;
        continue;
      }
      if (i > from) return i;
    }
  }
  return std::nullopt;
}

// The style a span of text is set in.
struct Emphasis {
  bool bold = false;
  bool italic = false;
  bool keep = false;
};

constexpr std::string_view no_break_space = "\xC2\xA0";

void add(std::vector<Span>& spans, std::string text, Emphasis e) {
  if (text.empty()) return;
  if (e.keep) {
    // A name's spaces do not break: "{Provincie Overijssel}" is one word to the line breaker.
    std::string kept;
    for (char c : text) c == ' ' ? kept += no_break_space : kept += c;
    text = std::move(kept);
  }
  if (!spans.empty() && spans.back().bold == e.bold && spans.back().italic == e.italic && spans.back().keep == e.keep) {
    spans.back().text += text;
  } else {
    spans.push_back({std::move(text), e.bold, e.italic, e.keep});
  }
}

// Where the '}' that closes a '{' at `from` - 1 is: not escaped, not
// nested, with something inside.
std::optional<std::size_t> closing_brace(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '{') {
      return std::nullopt;
    } else if (text[i] == '}') {
      return i > from ? std::optional(i) : std::nullopt;
    }
  }
  return std::nullopt;
}

bool escaped_literal(char c) {
  return c == '*' || c == '{' || c == '}';
}

void parse_inline(std::string_view text, Emphasis e, std::vector<Span>& spans) {
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && escaped_literal(text[i + 1])) {
      plain += text[i + 1];
      ++i;
      continue;
    }
    // Bold around nothing (a template's "**{field}**" with the field empty)
    // prints nothing, not four stars.
    if (text.substr(i, 4) == "****") {
      i += 3;
      continue;
    }
    if (text[i] == '{' && !e.keep) {
      if (auto end = closing_brace(text, i + 1)) {
        add(spans, std::exchange(plain, {}), e);
        parse_inline(text.substr(i + 1, *end - i - 1), {e.bold, e.italic, true}, spans);
        i = *end;
        continue;
      }
    }
    const std::string_view marker = text.substr(i, 2) == "**" ? "**" : text.substr(i, 1) == "*" ? "*" : "";
    const bool opens = !marker.empty() && i + marker.size() < text.size() && !is_space(text[i + marker.size()]);
    if (opens) {
      if (auto end = closing(text, i + marker.size(), marker)) {
        add(spans, std::exchange(plain, {}), e);
        const std::string_view inner = text.substr(i + marker.size(), *end - i - marker.size());
        parse_inline(inner, {e.bold || marker == "**", e.italic || marker == "*", e.keep}, spans);
        i = *end + marker.size() - 1;
        continue;
      }
    }
    plain += text[i];
  }
  add(spans, std::move(plain), e);
}

void add_block(std::vector<Block>& blocks, std::string_view text, bool bullet) {
  const std::string collapsed = collapse(text);
  if (collapsed.empty()) return;
  Block block;
  block.bullet = bullet;
  parse_inline(collapsed, {}, block.spans);
  blocks.push_back(std::move(block));
}

}  // namespace

std::vector<Block> parse_markup(std::string_view text) {
  std::vector<Block> blocks;
  std::string current;
  bool bullet = false;
  const auto flush = [&] {
    add_block(blocks, current, bullet);
    current.clear();
    bullet = false;
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    const std::size_t indent = line.find_first_not_of(" \t");
    const std::string_view body = indent == std::string_view::npos ? std::string_view() : line.substr(indent);
    if (body.empty()) {
      flush();  // an empty line ends a paragraph
    } else if (body.starts_with("- ") || body.starts_with("• ")) {
      flush();
      bullet = true;
      current = body.substr(body.starts_with("- ") ? 2 : 4);
    } else {
      current += ' ';
      current += body;
    }
    start = end + 1;
  }
  flush();
  return blocks;
}

}  // namespace impactkit::text
