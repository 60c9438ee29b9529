#pragma once
// Colour measures the content checks use: CIEDE2000 colour difference and
// WCAG 2.1 contrast, on six-hex-digit sRGB colours ("1D4F91").

#include <optional>
#include <string_view>

namespace impactkit::colour {

// CIEDE2000 ΔE (CIE 142-2001, kL = kC = kH = 1) between two sRGB colours,
// through CIELAB under D65. nullopt when either is not six hex digits.
std::optional<double> delta_e2000(std::string_view hex_a, std::string_view hex_b);

// The same on CIELAB values directly (for Sharma et al.'s test data).
double delta_e2000_lab(double l1, double a1, double b1, double l2, double a2, double b2);

// WCAG 2.1's contrast ratio (1 to 21); nullopt when either is not six hex digits.
std::optional<double> contrast(std::string_view hex_a, std::string_view hex_b);

}  // namespace impactkit::colour
