#pragma once
// Internal to lib/impactkit/products: the assembly sheet of a flat-pack
// product (assembly_sheet.cpp), as the exhibit and the wheel write it.

#include <impactkit/content/labels.hpp>
#include <impactkit/layout/page.hpp>
#include <impactkit/products/assembly.hpp>
#include <impactkit/text/typesetter.hpp>

#include <string>
#include <vector>

namespace impactkit::products::detail {

struct AssemblySheetStyle {
  std::string family;    // the theme's body family
  std::string language;  // of the locale, for hyphenation
};

// The assembly sheet, A4 landscape: a first page with all the hardware
// the assemblies need, then a page per assembly with its views to scale
// (overall dimensions, a scale bar, every part labelled, no two labels
// over each other) beside its numbered steps and the hardware of each.
// Every word comes from `labels` (assembly.*).
std::vector<layout::Page> assembly_pages(const std::vector<Assembly>& assemblies, const std::string& title,
                                         text::Typesetter& typesetter, const AssemblySheetStyle& style,
                                         const content::Labels& labels);

}  // namespace impactkit::products::detail
