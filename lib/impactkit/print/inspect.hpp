#pragma once
// Reading a produced PDF back for preflight: each page's boxes and every
// font the document uses, with whether its program is embedded. Through
// qpdf, the same library that wrote the boxes.

#include <impactkit/print/pdf.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::print {

struct PageBoxes {
  PdfBox media;
  std::optional<PdfBox> bleed;
  std::optional<PdfBox> trim;
};

struct FontFacts {
  std::string name;  // /BaseFont, e.g. "ABCDEF+Inter-Bold"
  bool embedded = false;
};

struct PdfFacts {
  std::vector<PageBoxes> pages;
  std::vector<FontFacts> fonts;  // each font object once, from pages and the forms they use
};

// Throws PrintError when the file cannot be read as a PDF.
PdfFacts inspect_pdf(const std::filesystem::path& pdf);

}  // namespace impactkit::print
