#pragma once
// Reading back what a PDF page draws, for tests that measure imposition:
// where each form XObject (a card face) is placed and which straight lines
// (crop marks, outlines) are stroked, in mm from the page's top-left corner
// with y growing downwards. Reads the page's content stream with qpdf and
// interprets its graphics-state operators (q, Q, cm, m, l, S, Do).

#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::test {

struct PlacedForm {
  std::string name;  // the resource name, e.g. "/x6"
  int object = 0;    // the form's object number: the same face has the same number everywhere
  double x_mm = 0;   // where the form's origin lands (a card face's origin is its trim box's top-left)
  double y_mm = 0;
  // The clip rectangle in force where it is drawn (the part of the page it may print on).
  double clip_left_mm = 0, clip_top_mm = 0, clip_right_mm = 0, clip_bottom_mm = 0;
};

struct StrokedLine {
  double x1_mm = 0, y1_mm = 0, x2_mm = 0, y2_mm = 0;
};

struct PageDrawing {
  double width_mm = 0;
  double height_mm = 0;
  std::vector<PlacedForm> forms;
  std::vector<StrokedLine> lines;
};

// Every page of `pdf`.
std::vector<PageDrawing> read_drawings(const std::filesystem::path& pdf);

}  // namespace impactkit::test
