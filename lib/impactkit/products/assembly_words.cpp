// The assembly sheets' words from the locale, and the bolts they name.

#include <impactkit/products/detail/assembly_words.hpp>

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace impactkit::products::detail {

std::string locale_text(const content::Labels& labels, std::string_view key, const Values& values) {
  const std::string* text = labels.find(key);
  std::string out = text ? *text : std::string(key);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = out.find(placeholder); at != std::string::npos; at = out.find(placeholder, at + value.size())) {
      out.replace(at, placeholder.size(), value);
    }
  }
  return out;
}

int bolt_length_mm(double diameter_mm, double grip_mm) {
  // ISO 7089 washer and ISO 4032 nut heights, about 0.2 and 0.8 of the
  // diameter, and two threads' worth (half the diameter) beyond the nut.
  const double needed = grip_mm + 1.5 * diameter_mm;
  constexpr std::array<int, 16> stock = {10, 12, 16, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 80, 90};
  for (const int length : stock) {
    if (length >= needed - 1e-9) return length;
  }
  return static_cast<int>(std::ceil(needed / 10) * 10);
}

namespace {

std::string metric(double diameter_mm) {
  return fmt::format("{:g}", diameter_mm);
}

}  // namespace

Hardware HardwareNames::bolt(int count, double diameter_mm, double grip_mm) const {
  return item(count, "bolt",
              {{"d", metric(diameter_mm)}, {"length", std::to_string(bolt_length_mm(diameter_mm, grip_mm))}});
}

Hardware HardwareNames::nut(int count, double diameter_mm) const {
  return item(count, "nut", {{"d", metric(diameter_mm)}});
}

Hardware HardwareNames::washer(int count, double diameter_mm) const {
  return item(count, "washer", {{"d", metric(diameter_mm)}});
}

Hardware HardwareNames::item(int count, std::string_view key, const Values& values) const {
  return {count, locale_text(labels, fmt::format("assembly.hardware.{}", key), values)};
}

}  // namespace impactkit::products::detail
