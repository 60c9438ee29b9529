#pragma once
// Internal to lib/impactkit/print. The colours of an open PDF made CMYK in
// place for PDF/X (see make_pdfx in print/pdf.hpp): every colour operator,
// colour space, shading, image and transparency group in RGB becomes CMYK
// through PressColours. Grey and CMYK stay as they are.

#include <impactkit/print/detail/qpdf_document.hpp>
#include <impactkit/print/press_colour.hpp>

namespace impactkit::print::detail {

// Throws PrintError naming what it cannot convert (a PostScript function in
// an RGB shading, an RGB image with other than 8 bits a sample, ...).
void convert_to_cmyk(const QpdfDocument& pdf, const PressColours& press);

// "0", "0.9", "0.7207": a colour component as a content stream has it.
std::string component(double value);

}  // namespace impactkit::print::detail
