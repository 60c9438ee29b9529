#pragma once
// Reading a laser sheet's SVG back for preflight: its size, the elements it
// uses, whether every cut contour is closed, where the cuts reach, and the
// drawing itself (cuts, engraving, notes) for the geometry check (check.hpp);
// and a sheet's DXF, read with dxflib, for the same check.

#include <impactkit/fab/geometry.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::fab {

// What a sheet's file draws, as read back: every closed cut contour (a
// circle as a circle), every engraved contour, and each path of the notes
// layer (a label, or the reference square) as its contours.
struct DrawnSheet {
  double width_mm = 0;
  double height_mm = 0;
  std::vector<Contour> cuts;
  std::vector<Polygon> engravings;
  std::vector<std::vector<Polygon>> notes;
};

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
  DrawnSheet drawn;
};

// Throws std::runtime_error when the file cannot be read.
SheetFacts inspect_sheet_svg(const std::filesystem::path& svg);

// A sheet's DXF: the closed polylines and circles of its CUT layer and the
// closed polylines of its ENGRAVE layer. Its size is not in the file: with
// `sheet_height_mm` (from the sheet's SVG) the contours are turned into the
// SVG's frame (y down from the sheet's top), else they keep the DXF's.
// Throws std::runtime_error when dxflib cannot read it.
DrawnSheet inspect_sheet_dxf(const std::filesystem::path& dxf, double sheet_height_mm = 0);

}  // namespace impactkit::fab
