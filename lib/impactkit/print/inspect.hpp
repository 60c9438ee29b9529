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
  std::string pdfx_version;      // the document information's GTS_PDFXVersion, if any
};

// Throws PrintError when the file cannot be read as a PDF.
PdfFacts inspect_pdf(const std::filesystem::path& pdf);

// What a print shop's preflight asks of a PDF/X file beyond boxes and
// fonts. Read from the file's objects and content streams: the colours it
// sets, not a rendering of them.
struct PdfxFacts {
  std::string version;            // GTS_PDFXVersion of the document information; empty: none
  std::string xmp_version;        // pdfxid:GTS_PDFXVersion of the XMP metadata; empty: none
  bool output_intent = false;     // a GTS_PDFX output intent
  bool profile_embedded = false;  // with its DestOutputProfile stream
  std::string condition;          // its OutputConditionIdentifier
  std::vector<std::string> rgb;   // where RGB is used: "page 1: rg", "image (object 12)"
  double max_ink = 0;             // the most ink of any colour set or image pixel, 1 = 100 %
  std::string max_ink_at;         // where: "page 2", "image (object 7)"
  // Where text is filled in a rich black (K at least 50 % with C, M and Y):
  // "page 3: C70 M67 Y66 K78".
  std::vector<std::string> rich_black_text;
};

// Throws PrintError when the file cannot be read as a PDF.
PdfxFacts inspect_pdfx(const std::filesystem::path& pdf);

}  // namespace impactkit::print
