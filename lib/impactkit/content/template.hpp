#pragma once
// Layout templates: declarative YAML that places content on a page grid.
// A designer edits them without C++; see docs/templates.md. Content loads
// and checks them with the roadshow (content/loader.hpp); layout draws them.

#include <impactkit/core/diagnostics.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::content {

// A paper size in mm, portrait.
struct PaperSize {
  std::string name;  // "A1", or "" for a custom size
  double width_mm = 0;
  double height_mm = 0;
};

// "A0".."A4" (case-insensitive) or "WxH" in mm ("500x700").
std::optional<PaperSize> paper_size(std::string_view name);

// Where an element goes: cells of the grid (1-based column and row, and how
// many of each it spans), the page's trim box, or the bleed box.
struct Area {
  enum class Kind { cells, page, bleed, cell };  // `cell`: the whole cell of a repeat
  Kind kind = Kind::cells;
  int column = 1, row = 1, columns = 1, rows = 1;
};

struct Element {
  // stack, box and fill flow (docs/templates.md): a stack's children take
  // their natural size one after the other, a box is a stack on a rect
  // sized to its content, a fill takes what a stack leaves.
  // write and tick are a form's places to fill in: ruled lines to write on
  // and a box to tick, each a named field of the fillable PDF.
  enum class Kind { rect, line, text, image, figure, sdg, qr, repeat, stack, box, fill, write, tick };
  Kind kind = Kind::rect;
  SourcePos pos;
  Area area;
  std::string when;                 // a field that must be non-empty for the element to be drawn
  std::string unless;               // a field that must be empty for the element to be drawn
  std::vector<std::string> extend;  // sides (top, bottom, left, right) taken out to the bleed

  // rect, line
  std::string fill, stroke;  // colour references
  double stroke_pt = 0, radius_mm = 0;
  std::string edge = "top";  // line: which edge of the area

  // text: exactly one of field, label, text
  std::string field, label, literal;
  SourcePos field_pos;  // of the field reference in the template
  std::string style;
  std::string color;  // overrides the style's colour
  std::string valign = "top";
  int columns = 1;
  double gutter_mm = 0;
  double padding_mm = 0;  // inset of the text from its area (text on a coloured box)

  // write, tick: the form field's name (`{item.id}` placeholders allowed;
  // a dot makes a group: `route.{item.id}`); its accessible name is the
  // element's `label` or `text`
  std::string name;
  int lines = 1;         // write: how many ruled lines
  double pitch_mm = 10;  // write: from one line to the next, at the reference size

  // figure
  std::string value_style, unit_style, label_style;
  // figure: a sign unit ("%") in this style, beside the number and as tall as
  // the number's box allows, instead of in unit_style at the unit's height
  std::string sign_style;

  // image
  std::string file;             // `theme.logo`, or a path inside the content root
  std::filesystem::path image;  // a path's file, root joined, checked when loaded

  // flow: a child of a stack, a box or a repeat inside one has no area; the
  // flow places it, at width_mm/height_mm when given (0: its natural size,
  // or the stack's width)
  bool in_flow = false;
  double width_mm = 0, height_mm = 0;
  // stack, box, and a repeat in a flow
  double gap_mm = 0;
  bool has_gap = false;         // a repeat in a flow without one takes its stack's
  std::string align = "start";  // along the flow: start, center, end
  std::string cross = "start";  // across it, for children narrower or shorter than the stack
  // stack going down: `rail`, a line joining its elements (a route's
  // stations), rail_x_mm from its left edge, from the first element's top
  // to the last one's, beneath them; no rail without a colour
  std::string rail;
  double rail_pt = 0, rail_x_mm = 0;
  // box: its height, content and padding_mm, kept between these (0: no bound)
  double min_mm = 0, max_mm = 0;
  int min_rows = 0, max_rows = 0;

  // repeat (and a fill's `grid`: cell_columns x cell_rows)
  std::string over;
  std::string direction = "down";
  int max_items = 0;  // 0: all
  int wrap = 0;       // a grid repeat's items per line before the next line (0: all on one line)
  int cell_columns = 1, cell_rows = 1;
  std::vector<Element> children;
};

// Budgets of a template (docs/limits.md), checked when it is loaded: a
// template is content, and a fork's can be hostile. Each repeat multiplies
// the cells of the ones around it: eight nested repeats over six cases made
// 6^8 cells and ran out of memory. Two levels are all the project's
// templates use (a figure list inside a list of cases would be the deepest).
inline constexpr int max_repeat_depth = 2;
// Elements of one template, those inside repeats counted once each (the
// largest of the project's has about 40).
inline constexpr std::size_t max_template_elements = 500;
// Cells that the repeats of one page draw, nested ones included (checked
// when the page is composed, where the lists' lengths are known).
inline constexpr std::size_t max_repeat_cells_per_page = 10'000;
// Stacks and boxes inside one another, each measured once per size tried:
// four levels hold a page of groups of label and text with room to spare.
inline constexpr int max_flow_depth = 4;
// Handwriting, standing at an exhibit with a pen: ruled lines closer than
// this at the size a form is printed are refused.
inline constexpr double min_writing_pitch_mm = 8;
// And a box to tick with a pen: no smaller than this.
inline constexpr double min_tick_mm = 4;

struct Template {
  std::string name;
  std::filesystem::path file;  // as shown in diagnostics
  std::string source;          // the text it was loaded from (what a build key hashes)
  PaperSize reference;         // the size the template's lengths are given at
  bool landscape = false;
  double bleed_mm = 3;
  int grid_columns = 12, grid_rows = 12;
  double margin_mm = 20, gutter_mm = 5;
  std::vector<Element> elements;
};

}  // namespace impactkit::content
