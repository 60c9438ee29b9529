#pragma once
// Imposition: many small pages (cards) on one printer sheet, with crop marks
// and with back sheets placed so that, printed duplex, every back lands
// behind its front. Pure geometry in mm, from the sheet's top-left corner
// with y growing downwards; drawing is pdf.hpp's render_sheets.

#include <optional>
#include <string>
#include <vector>

namespace impactkit::print {

struct ImpositionSettings {
  double sheet_width_mm = 210;  // the sheet as the printer takes it, portrait
  double sheet_height_mm = 297;
  double card_width_mm = 63;
  double card_height_mm = 88;
  double bleed_mm = 3;
  bool crop_marks = true;
  double mark_length_mm = 6;  // at most: shortened to keep clear of the sheet's edge
  // Office printers leave the outer 4 to 5 mm of a sheet blank: no crop
  // mark comes nearer the edge than this.
  double edge_clearance_mm = 5;
  // The space between neighbouring cards. None: full bleed with a gutter of
  // twice the bleed when that costs no cards per sheet, else shared cut
  // lines. Given: always this gutter, so no two cards share a cut line,
  // each card's bleed printed up to the gutter's middle.
  std::optional<double> gutter_mm;
  bool short_edge = false;      // duplex flip about the short edge instead of the long one
  double back_offset_x_mm = 0;  // shifts every back, for printers whose backs land off
  double back_offset_y_mm = 0;
};

// A rectangle on the sheet, in mm.
struct RectMm {
  double x = 0, y = 0, width = 0, height = 0;
};

// Where one card goes: its trim box on the sheet, and the part of its bleed
// box that is printed (all of it when cards have gutters between them; only
// the outer sides when they share their cut lines).
struct Slot {
  RectMm trim;
  RectMm printed;
};

struct CropMark {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

struct Imposition {
  int columns = 0;
  int rows = 0;
  bool landscape = false;     // the sheet turned: columns run along its long side
  bool shared_cuts = false;   // cards butt against each other: one cut between two cards
  double sheet_width_mm = 0;  // as placed (landscape: the long side)
  double sheet_height_mm = 0;
  std::vector<Slot> fronts;  // row by row, left to right
  std::vector<Slot> backs;   // backs[i] is behind fronts[i] once the sheet is turned over
  std::vector<CropMark> front_marks;
  std::vector<CropMark> back_marks;

  int per_sheet() const { return columns * rows; }
};

// The arrangement with the most cards per sheet, all crop marks outside
// every card's bleed box and at least edge_clearance_mm inside the sheet
// (shortened to fit; a mark with no room for 2 mm is left out). Without a
// gutter_mm, cards keep their full bleed with a gutter of twice the bleed
// between them when that costs no cards per sheet; otherwise they share
// their cut lines and keep the bleed only on the outside of the block.
// Nothing when not even one card fits.
std::optional<Imposition> impose(const ImpositionSettings& settings);

// The printer sheet sizes by name (A4, A3, letter), portrait, in mm.
std::optional<std::pair<double, double>> sheet_size_mm(const std::string& name);

}  // namespace impactkit::print
