#pragma once
// The confrontation wheel: a disc that passers-by spin, with a sector per
// confrontation (what happens if we do too little, beside what doing more
// achieved), on a stand with a flapper that ticks against pegs on the
// sector boundaries and points at the winning sector.
//
//  - laser parts (fab): the disc (sector boundaries scored, labels engraved
//    as glyph outlines fitted inside their wedges, a peg hole on every
//    boundary, a hub hole for a 608 bearing), counter-discs, a stand of two
//    uprights cross-lapped into each other and onto two feet, a holder and
//    a flapper with its spacers; nested onto the exhibit's sheets;
//  - print: the disc's face (round, full colour, the same centre, radius,
//    sectors and labels as the laser disc) on a square page with bleed and
//    crop marks, and a paper volvelle for workshops (a base disc and a top
//    disc with a window), with PNG previews.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/part.hpp>
#include <impactkit/products/context.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::products {

struct WheelOptions {
  std::filesystem::path output_dir = "output";  // files go to output_dir/wheel/
  bool allow_overflow = false;
  double preview_dpi = 100;  // PNG previews of the face and the volvelle; 0: none
  bool with_dxf = true;
  bool pdfx = false;  // the face and the volvelle also as PDF/X-4, in pdfx/
};

// The disc's geometry, shared by the laser disc and the printed face: both
// are drawn in this frame (mm, the disc's centre at (radius, radius), y down).
struct WheelGeometry {
  double radius_mm = 0;
  int sectors = 0;
  double sector_deg = 0;     // 360 / sectors
  double peg_circle_mm = 0;  // radius of the circle the peg holes sit on
  double peg_diameter_mm = 6;
  double hub_diameter_mm = 22;  // a 608 bearing's outer ring, as a press fit
  double score_from_mm = 0;     // the boundary score lines run radially from here
  double score_to_mm = 0;       // to here (short of the peg holes)
  double label_margin_mm = 6;   // from a label to its wedge's sides

  fab::Point centre() const { return {radius_mm, radius_mm}; }
  // A point at `r_mm` from the centre in the direction `deg` (clockwise from 12 o'clock).
  fab::Point at(double r_mm, double deg) const;
  // Sector k spans [k × sector_deg, (k + 1) × sector_deg), clockwise from 12 o'clock.
  double boundary_deg(int k) const { return k * sector_deg; }
};

WheelGeometry wheel_geometry(const content::WheelSettings& wheel);

struct WheelReport {
  std::filesystem::path folder;
  std::vector<std::filesystem::path> files;  // sheets (SVG, DXF), cut report, face, volvelle, previews
  std::size_t sectors = 0;
  std::size_t parts = 0;
  std::size_t sheets = 0;
  double utilisation = 0;  // over all sheets, 0..1
  double laser_minutes = 0;
  double material_eur = 0;
  double axle_height_mm = 0;  // the disc's centre above the floor
  std::string volvelle_sheet;
  std::vector<std::string> notes;
};

// The laser parts at their finished size, the disc first. Problems (a disc
// larger than the sheet, a label that does not fit its wedge) go to
// `diagnostics`; `axle_height_mm` receives the stand's axle height.
std::vector<fab::Part> wheel_parts(const content::Roadshow& roadshow, bool allow_overflow, Diagnostics& diagnostics,
                                   double* axle_height_mm = nullptr);

// What the wheel takes from the cases, as text for its build key: each
// sector's case and the theme and colour it takes from it, and every case
// file should a wheel template list the cases. With it, the wheel is not
// made again after an edit to a case text it does not show.
std::string wheel_case_inputs(const content::Roadshow& roadshow);

// Builds the wheel's laser files, face and volvelle into output_dir/wheel/.
// A roadshow without wheel sectors builds nothing (and says so in a note).
// Nothing is written when there are errors. Throws std::runtime_error when
// a file cannot be written.
// With the context's record of the last build, as build_exhibit.
WheelReport build_wheel(const content::Roadshow& roadshow, const WheelOptions& options, Diagnostics& diagnostics,
                        const Context& context = {});

}  // namespace impactkit::products
