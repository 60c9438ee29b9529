#pragma once
// A shop profile: how a laser shop wants its files (a colour per operation,
// the stroke width it reads as a hairline) and what its machine does with a
// material (speeds, sheet price), for the cut report.

#include <impactkit/fab/part.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace impactkit::fab {

struct Material {
  std::string name;          // as in the job's sheet
  double cut_mm_per_s = 10;  // cutting through
  double score_mm_per_s = 50;
  double engrave_mm2_per_s = 1000;  // filled areas, raster
  double pierce_s = 0.1;            // per contour cut or scored
  double sheet_price_eur = 0;       // one sheet of the job's size
};

struct ShopProfile {
  std::string name;
  std::string cut_colour = "#FF0000";
  std::string score_colour = "#0000FF";
  std::string engrave_colour = "#000000";
  std::string notes_colour = "#00A000";  // labels and the reference square: not cut
  double hairline_mm = 0.01;
  std::vector<Material> materials;

  const std::string& colour(Operation op) const;
  // The material of that name, or nullptr.
  const Material* material(std::string_view name) const;
};

// Red cuts, blue scores, black engraving; speeds of a 60 W CO₂ laser in
// birch plywood and MDF as a starting point, to be replaced by the shop's own.
ShopProfile default_shop();
// For shops (as some Dutch laser services) that cut in blue and score in red.
ShopProfile blue_cut_shop();

}  // namespace impactkit::fab
