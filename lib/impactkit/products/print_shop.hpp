#pragma once
// What the products hand a print shop besides their PDFs: the PDF/X-4
// version of each (`--pdfx`), beside it in a folder `pdfx/`, made for the
// roadshow's printing condition (`print:` in roadshow.yaml) with the
// theme's print values.

#include <impactkit/content/model.hpp>
#include <impactkit/core/digest.hpp>
#include <impactkit/print/pdf.hpp>

#include <filesystem>

namespace impactkit::products {

// The roadshow's printing condition with the theme colours' print values.
print::PdfxOptions pdfx_options(const content::Roadshow& roadshow);

// Where the PDF/X version of `pdf` goes: `pdfx/` beside it, same name.
std::filesystem::path pdfx_path(const std::filesystem::path& pdf);

// What a PDF/X file is made from besides its PDF, for a unit's key.
void add_pdfx_inputs(Digest& digest, const content::Roadshow& roadshow);

}  // namespace impactkit::products
