#pragma once
// Internal to lib/impactkit/print. A PDF content stream read as operators
// with their operands, for PDF/X: its colours are rewritten (pdfx.cpp) and
// read back (inspect_colour.cpp). Written here because qpdf's tokenizer is
// in its C++ API only, and impactkit loads qpdf's C API when the first PDF
// is made (detail/qpdf_api.hpp). It knows the syntax of ISO 32000-1 7.8.2:
// numbers, names, strings, arrays, dictionaries, comments and inline images.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::print::detail {

struct ContentOperator {
  std::string_view name;  // "rg", "TJ", "BI" (an inline image: up to and with its EI)
  // Each operand as written: "0.1", "/DeviceRGB", "(Hallo)", "[(A) 20 (B)]";
  // for an inline image, its dictionary's keys and values.
  std::vector<std::string_view> operands;
};

// What replaces an operator with its operands (the text after the
// whitespace before them), or nothing to keep them as written.
using ContentRewrite = std::function<std::optional<std::string>(const ContentOperator&)>;

// Throws PrintError on a stream that ends inside a string, array,
// dictionary or inline image.
std::string rewrite_content(std::string_view content, const ContentRewrite& rewrite);
void scan_content(std::string_view content, const std::function<void(const ContentOperator&)>& visit);

// An operand as a number, if it is one.
std::optional<double> number(std::string_view operand);

}  // namespace impactkit::print::detail
