#pragma once
// The little markup that content texts may use: paragraphs separated by an
// empty line, bullet items as lines starting with "- ", and inline
// **bold** and *italic*. Everything else is text as written.

#include <string>
#include <string_view>
#include <vector>

namespace impactkit::text {

struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool operator==(const Span&) const = default;
};

// A paragraph or a bullet item.
struct Block {
  std::vector<Span> spans;
  bool bullet = false;
  bool operator==(const Block&) const = default;
};

// Splits text into blocks. Line breaks inside a paragraph become spaces;
// runs of spaces collapse to one. A '*' that opens no pair stays a '*';
// "\*" is a literal '*'.
std::vector<Block> parse_markup(std::string_view text);

}  // namespace impactkit::text
