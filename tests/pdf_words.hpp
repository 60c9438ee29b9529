#pragma once
// The words of a PDF as Poppler's pdftotext reads them (-bbox-layout), with
// their page and box: tests read what impactkit drew with a tool that did
// not draw it.

#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::test {

struct PdfWord {
  int page = 0;                                       // from 1
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // points, y down
  std::string text;                                   // UTF-8, XML entities undone

  double height() const { return y_max - y_min; }
};

// Every word of `pdf`, page by page in reading order.
std::vector<PdfWord> pdf_words(const std::filesystem::path& pdf);

// The text of `pdf` as one line for finding content words in what was
// printed: hyphenated line ends joined, hyphens dropped (so that a compound
// broken at its own hyphen is found too), typographic quotes, non-breaking
// spaces and subscripts made plain, runs of space made one.
std::string plain_text_of(const std::filesystem::path& pdf);

// `text` made plain the same way, to look it up in plain_text_of.
std::string plain(const std::string& text);

}  // namespace impactkit::test
