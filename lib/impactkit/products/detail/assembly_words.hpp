#pragma once
// Internal to lib/impactkit/products: the words of the assembly sheets
// (steps, part names, hardware) from the locale, and the bolts they name.

#include <impactkit/content/labels.hpp>
#include <impactkit/products/assembly.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace impactkit::products::detail {

using Values = std::vector<std::pair<std::string, std::string>>;

// The locale's label `key` with its {name} placeholders filled in from
// `values`; the key itself when the locale lacks it, so that the gap shows.
std::string locale_text(const content::Labels& labels, std::string_view key, const Values& values = {});

// The shortest stock length (ISO 4017 series) of a bolt of `diameter_mm`
// through `grip_mm` of wood, with a washer and a nut on it and a thread
// or two beyond the nut.
int bolt_length_mm(double diameter_mm, double grip_mm);

// Bought parts, named by the locale (assembly.hardware.*).
struct HardwareNames {
  const content::Labels& labels;

  Hardware bolt(int count, double diameter_mm, double grip_mm) const;
  Hardware nut(int count, double diameter_mm) const;
  Hardware washer(int count, double diameter_mm) const;
  // Anything else the locale names: a bearing, dowels, glue.
  Hardware item(int count, std::string_view key, const Values& values = {}) const;
};

}  // namespace impactkit::products::detail
