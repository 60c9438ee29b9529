#pragma once
// Internal to lib/impactkit/products: the wheel's printed artwork, the
// face on the disc and the paper volvelle (wheel_artwork.cpp).

#include <impactkit/content/model.hpp>
#include <impactkit/layout/page.hpp>
#include <impactkit/products/detail/wheel_parts.hpp>

#include <vector>

namespace impactkit::products::detail {

// The printed face: the disc's sectors in their colours, its labels (the
// very outlines the laser engraves), peg marks and a hub mark, on a square
// page of the disc's diameter (its trim) with bleed: the page's frame is
// the disc's frame, so print and disc share centre and radius.
layout::Page face_page(const content::Roadshow& r, const WheelBuild& w);

// The volvelle: a base disc with every sector's label, "te weinig" and "met
// impact" texts, and a top disc with a window that shows one sector's texts
// at a time. Two pages of the chosen sheet (base, top), cut out along the
// printed lines and held together at their centres with a split pin.
std::vector<layout::Page> volvelle_pages(const content::Roadshow& r, WheelKit& kit);

}  // namespace impactkit::products::detail
