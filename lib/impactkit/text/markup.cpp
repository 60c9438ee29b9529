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

void add(std::vector<Span>& spans, std::string text, bool bold, bool italic) {
  if (text.empty()) return;
  if (!spans.empty() && spans.back().bold == bold && spans.back().italic == italic) {
    spans.back().text += text;
  } else {
    spans.push_back({std::move(text), bold, italic});
  }
}

void parse_inline(std::string_view text, bool bold, bool italic, std::vector<Span>& spans) {
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '*') {
      plain += '*';
      ++i;
      continue;
    }
    const std::string_view marker = text.substr(i, 2) == "**" ? "**" : text.substr(i, 1) == "*" ? "*" : "";
    const bool opens = !marker.empty() && i + marker.size() < text.size() && !is_space(text[i + marker.size()]);
    if (opens) {
      if (auto end = closing(text, i + marker.size(), marker)) {
        add(spans, std::exchange(plain, {}), bold, italic);
        const std::string_view inner = text.substr(i + marker.size(), *end - i - marker.size());
        parse_inline(inner, bold || marker == "**", italic || marker == "*", spans);
        i = *end + marker.size() - 1;
        continue;
      }
    }
    plain += text[i];
  }
  add(spans, std::move(plain), bold, italic);
}

void add_block(std::vector<Block>& blocks, std::string_view text, bool bullet) {
  const std::string collapsed = collapse(text);
  if (collapsed.empty()) return;
  Block block;
  block.bullet = bullet;
  parse_inline(collapsed, false, false, block.spans);
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
