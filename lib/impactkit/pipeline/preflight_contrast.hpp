#pragma once
// Preflight's contrast check of a produced PDF, read as untrusted with
// tools independent of the ones that wrote it: Poppler's pdftotext
// (-bbox-layout) finds every word's box, pdftoppm renders the page, and
// the word's ink is compared with its background by WCAG 2.1's contrast
// ratio. Each tool runs as a child process under a timeout.
//
// Why rendered pixels, not the content stream's colours: the page as it
// prints is what a reader sees, whatever drew it (a filled path, a
// clipped group, a photo, a transparency); reading fill colours from the
// content stream would need a PDF interpreter of our own (graphics state,
// clipping, forms, images), which is what Poppler is. The build measures
// the exact colours of the display list (lib/impactkit/layout/contrast);
// preflight is the approximation an outside reader can make, and its
// limits are docs/templates.md's (Contrast).

#include <impactkit/pipeline/preflight.hpp>
#include <impactkit/print/inspect.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::pipeline {

// A word of `pdftotext -bbox-layout`, in pt from its page's top-left.
struct PdfWord {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;
};

struct PdfWordPage {
  double width_pt = 0, height_pt = 0;
  std::vector<PdfWord> words;
};

// The pages and words of pdftotext's XHTML; what it cannot read is left out.
std::vector<PdfWordPage> parse_word_boxes(std::string_view xhtml);

// A rendered page: 8-bit RGB, row by row.
struct Pixels {
  int width = 0, height = 0;
  std::string_view rgb;  // width * height * 3 bytes
};

// A binary PPM (P6, maxval 255) as pdftoppm writes it; nothing when it is not one.
std::optional<Pixels> parse_ppm(std::string_view ppm);

// A word's ink and background colours (0xRRGGBB), measured in the pixels of
// its box (x0, y0)-(x1, y1): the background is the commonest colour, the
// ink the commonest of those far from it. Without ink (text in the colour
// of its background), both are the background.
struct WordColors {
  std::uint32_t ink = 0, background = 0;
};
WordColors measure_word(const Pixels& page, int x0, int y0, int x1, int y1);

// The "contrast" row of the PDF `file` (shown as `shown`), whose boxes are `facts`.
PreflightRow check_pdf_contrast(const std::filesystem::path& file, const std::string& shown,
                                const print::PdfFacts& facts);

}  // namespace impactkit::pipeline
