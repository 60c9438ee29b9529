#pragma once
// The visitor's question form ("vraagstukkaart"): the route's stations to
// walk with an ambition of one's own, from templates/form-front.yaml and
// form-back.yaml, in every language of the roadshow and at each of its
// form sizes (A5, A6), as
//  - a print shop's PDF: front and back, with bleed and page boxes;
//  - office sheets: the forms edge to edge on the office sheet (two A5 or
//    four A6 on A4), fronts then backs for duplex, with cut marks;
//  - a fillable PDF at the largest size, with a labelled form field for
//    every line and box, for those who prefer to type;
//  - a PNG of the front and of the back, at the first size.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/print/impose.hpp>
#include <impactkit/products/context.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::products {

struct FormOptions {
  std::filesystem::path output_dir = "output";  // forms go to output_dir/forms/LANG/
  std::vector<std::string> languages;           // empty: every language of the roadshow
  bool allow_overflow = false;
  bool crop_marks = false;   // on the print shop's PDF
  double preview_dpi = 100;  // PNG of the front and the back; 0: none
  bool pdfx = false;         // the print shop's PDF and the office sheets also as PDF/X-4, in pdfx/
};

struct FormFile {
  std::string language;
  std::string size;                    // A5, A6
  std::filesystem::path print_pdf;     // front and back with bleed, for a print shop
  std::filesystem::path office_pdf;    // on the office sheet, duplex
  std::filesystem::path fillable_pdf;  // empty: made at another size
  std::vector<std::filesystem::path> previews;
  int per_sheet = 0;       // forms on an office sheet
  std::string sheet;       // A4, A3, letter
  std::size_t fields = 0;  // places to fill in, on both sides
};

struct FormReport {
  std::vector<FormFile> files;
  std::vector<std::string> notes;
};

// Where the forms of `size` go on the office sheet: edge to edge, as many
// as fit, so that the sheet is cut along the forms' edges only. Nothing
// when not one fits.
std::optional<print::Imposition> form_imposition(const content::FormSettings& forms, const std::string& size);

// Builds the forms. Nothing is written when a page has an error (such as
// text that does not fit); every problem is in `diagnostics`. Throws
// std::runtime_error when a file cannot be written.
FormReport build_forms(const content::Roadshow& roadshow, const FormOptions& options, Diagnostics& diagnostics,
                       const Context& context = {});

}  // namespace impactkit::products
