#pragma once
// Internal to lib/impactkit/products: the exhibit's assembly sheet
// (exhibit_assembly.cpp).

#include <impactkit/layout/page.hpp>
#include <impactkit/products/exhibit.hpp>
#include <impactkit/text/typesetter.hpp>

#include <string>
#include <vector>

namespace impactkit::products::detail {

// The assembly sheet: one A4 landscape page per panel, its parts drawn to
// scale with their labels, and the steps to put it together, set in `family`.
std::vector<layout::Page> assembly_pages(const std::vector<PanelParts>& panels, text::Typesetter& typesetter,
                                         const std::string& family);

}  // namespace impactkit::products::detail
