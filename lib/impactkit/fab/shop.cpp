#include <impactkit/fab/shop.hpp>

namespace impactkit::fab {

const std::string& ShopProfile::colour(Operation op) const {
  switch (op) {
    case Operation::engrave:
      return engrave_colour;
    case Operation::score:
      return score_colour;
    case Operation::cut:
      break;
  }
  return cut_colour;
}

const Material* ShopProfile::material(std::string_view name) const {
  for (const Material& m : materials)
    if (m.name == name) return &m;
  return nullptr;
}

ShopProfile default_shop() {
  ShopProfile p;
  p.name = "default";
  p.materials = {
      {"birch-plywood-6", 12, 60, 1200, 0.15, 24},
      {"birch-plywood-4", 18, 80, 1200, 0.1, 18},
      {"mdf-3", 25, 100, 1500, 0.08, 8},
  };
  return p;
}

ShopProfile blue_cut_shop() {
  ShopProfile p = default_shop();
  p.name = "blue-cut";
  p.cut_colour = "#0000FF";
  p.score_colour = "#FF0000";
  return p;
}

}  // namespace impactkit::fab
