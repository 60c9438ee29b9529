#pragma once
// Internal to lib/impactkit/print. What Cairo cannot write into a PDF, added
// by qpdf: the trim and bleed boxes, the language, the metadata with fixed
// dates, a /Decode for inverted CMYK JPEGs, and an /ID that is a digest of
// the content, so that the same pages give the same file.

#include <impactkit/layout/page.hpp>
#include <impactkit/print/pdf.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace impactkit::print::detail {

// `drawn`, Cairo's PDF, finished: page i gets the boxes of geometries[i],
// the document `info` and the date `epoch`. Throws PrintError when qpdf
// cannot read or write it, or libqpdf cannot be loaded.
std::string finish_pdf(const std::string& drawn, const std::vector<PageGeometry>& geometries,
                       const layout::DocumentInfo& info, std::int64_t epoch);

}  // namespace impactkit::print::detail
