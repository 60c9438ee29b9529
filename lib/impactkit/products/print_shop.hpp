#pragma once
// What the products hand a print shop besides their PDFs: the PDF/X-4
// version of each (`--pdfx`), beside it in a folder `pdfx/`, made for the
// roadshow's printing condition (`print:` in roadshow.yaml) with the
// theme's print values.

#include <impactkit/content/model.hpp>
#include <impactkit/core/digest.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/print/pdf.hpp>

#include <filesystem>

namespace impactkit::products {

// The roadshow's printing condition with the theme colours' print values.
print::PdfxOptions pdfx_options(const content::Roadshow& roadshow);

// Where the PDF/X version of `pdf` goes: `pdfx/` beside it, same name.
std::filesystem::path pdfx_path(const std::filesystem::path& pdf);

// Makes the PDF/X version of `pdf` (already written through `staging`)
// when `pdfx`; otherwise removes one an earlier build left, so that no
// PDF/X file is older than the PDF beside it.
void make_or_remove_pdfx(bool pdfx, const std::filesystem::path& pdf, const content::Roadshow& roadshow,
                         Staging* staging);

// What a PDF/X file is made from besides its PDF, for a unit's key.
void add_pdfx_inputs(Digest& digest, const content::Roadshow& roadshow);

}  // namespace impactkit::products
