#pragma once
// Reading a laser sheet's SVG back for preflight: its size, the elements it
// uses, whether every cut contour is closed, and where the cuts reach.

#include <impactkit/fab/geometry.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::fab {

struct SheetFacts {
  double width_mm = 0;  // the width and height attributes, in mm
  double height_mm = 0;
  double view_width = 0;  // the viewBox's size: equal to the above when 1 unit = 1 mm
  double view_height = 0;
  std::vector<std::string> forbidden;  // elements other than svg, g, path, circle (and the XML declaration)
  bool transforms = false;             // any transform attribute
  std::size_t cut_contours = 0;
  std::size_t open_cut_contours = 0;  // subpaths of the cut layer without a closing Z
  std::optional<Bounds> cut_extent;   // of every cut path and circle
};

// Throws std::runtime_error when the file cannot be read.
SheetFacts inspect_sheet_svg(const std::filesystem::path& svg);

}  // namespace impactkit::fab
