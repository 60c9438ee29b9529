#include <impactkit/text/detail/prepared_text.hpp>

namespace impactkit::text::detail {

std::string segment_text(const Chunk& c, int from, int to) {
  std::string text = from < 0 ? c.printed : c.points[from].line_start;
  if (to >= 0) {
    const std::size_t rest = c.printed.size() - printed_offset(c.text, c.points[to].offset);
    text.resize(text.size() - rest);
    if (!c.points[to].explicit_hyphen) text += '-';
  }
  return text;
}

}  // namespace impactkit::text::detail
