// libFuzzer target: the inline markup of content texts (text/markup).
// Besides not crashing, hanging or reading out of bounds, the result keeps
// the header's promises: no empty block, no empty span, no line break left
// inside a span, and two neighbouring spans never share both styles.

#include <impactkit/text/markup.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto blocks = impactkit::text::parse_markup(text);
  for (const auto& block : blocks) {
    if (block.spans.empty()) std::abort();
    for (std::size_t i = 0; i < block.spans.size(); ++i) {
      const auto& span = block.spans[i];
      if (span.text.empty() || span.text.find('\n') != std::string::npos) std::abort();
      if (i > 0 && block.spans[i - 1].bold == span.bold && block.spans[i - 1].italic == span.italic) std::abort();
    }
  }
  return 0;
}
