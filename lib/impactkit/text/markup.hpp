#pragma once
// The little markup that content texts may use: paragraphs separated by an
// empty line, bullet items as lines starting with "- ", inline **bold** and
// *italic*, and {kept together}: words in braces are a name, never
// hyphenated nor broken across lines. Everything else is text as written.

#include <string>
#include <string_view>
#include <vector>

namespace impactkit::text {

struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool keep = false;  // in braces: no line break or hyphen inside; its spaces are no-break spaces
  bool operator==(const Span&) const = default;
};

// A paragraph or a bullet item.
struct Block {
  std::vector<Span> spans;
  bool bullet = false;
  bool operator==(const Block&) const = default;
};

// Splits text into blocks. Line breaks inside a paragraph become spaces;
// runs of spaces collapse to one. A '*' or '{' that opens no pair stays as
// written; "\*", "\{" and "\}" are a literal '*', '{' and '}'; "****" (bold
// around an empty field) is nothing.
std::vector<Block> parse_markup(std::string_view text);

}  // namespace impactkit::text
