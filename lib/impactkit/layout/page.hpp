#pragma once
// The display list: what layout produces and every backend draws. A page is
// its trim size, its bleed and a list of positioned items, in pt, measured
// from the trim box's top-left corner with y growing downwards. Items may
// reach into the bleed (negative coordinates, or beyond the trim size).
// Nothing here knows about Cairo, PDF or lasers.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/text/style.hpp>
#include <impactkit/text/typeset_text.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace impactkit::layout {

using text::Rgb;

inline constexpr double pt_per_mm = 72.0 / 25.4;
inline constexpr double mm_to_pt(double mm) {
  return mm * pt_per_mm;
}
inline constexpr double pt_to_mm(double pt) {
  return pt / pt_per_mm;
}

struct RectItem {
  double x_pt = 0, y_pt = 0, width_pt = 0, height_pt = 0;
  std::optional<Rgb> fill;
  std::optional<Rgb> stroke;
  double stroke_pt = 0;
  double corner_radius_pt = 0;
};

struct LineItem {
  double x1_pt = 0, y1_pt = 0, x2_pt = 0, y2_pt = 0;
  Rgb color;
  double width_pt = 0.5;
};

struct CircleItem {
  double cx_pt = 0, cy_pt = 0, radius_pt = 0;
  std::optional<Rgb> fill;
  std::optional<Rgb> stroke;
  double stroke_pt = 0;
};

// Set text; the layout's origin (its box's top-left) at (x_pt, y_pt),
// turned clockwise by angle_deg about that origin (the volvelle's texts,
// one per wedge).
struct TextItem {
  text::TypesetText text;
  double x_pt = 0, y_pt = 0;
  double angle_deg = 0;
};

// A PNG or JPEG photo, or an SVG logo, scaled to fit the box (keeping its
// proportions) and centred in it.
struct ImageItem {
  std::string file;  // a path: absolute, or relative to the current folder
  double x_pt = 0, y_pt = 0, width_pt = 0, height_pt = 0;
};

// A filled area of straight-edged contours (non-zero rule), in pt: wedges,
// and the wheel's labels as the very glyph outlines that the laser engraves.
struct PathItem {
  struct Point {
    double x_pt = 0, y_pt = 0;
  };
  std::vector<std::vector<Point>> contours;  // each closed
  std::optional<Rgb> fill;                   // filled by the non-zero rule
  std::optional<Rgb> stroke;                 // outlined, stroke_pt wide
  double stroke_pt = 0;
};

using Item = std::variant<RectItem, LineItem, CircleItem, TextItem, ImageItem, PathItem>;

// Where a text on the page comes from: the box of its template element,
// the content it shows and the element that placed it. Not drawn; the
// live preview shows it when the pointer is over the box.
struct SourceSpot {
  double x_pt = 0, y_pt = 0, width_pt = 0, height_pt = 0;  // from the trim's top left
  std::string field;                                       // "case.title", "label poster.kicker"
  std::string text;                                        // what it shows (its start)
  SourcePos value;    // where the text is written in the content (line 0: not from a content file)
  SourcePos element;  // the template element
};

// A place on a form to fill in (a template's `write` or `tick`): drawn as
// ruled lines or a box like any other item, and noted here so that the
// fillable PDF puts a form field of its own over it.
struct FormField {
  enum class Kind { text, tick };
  Kind kind = Kind::text;
  std::string name;   // "ambition"; a dot makes a group: "route.circulair"
  std::string label;  // what it asks, its accessible name
  double x_pt = 0, y_pt = 0, width_pt = 0, height_pt = 0;  // from the trim's top left
  int lines = 1;                                           // text: the ruled lines it covers
};

struct Page {
  double trim_width_pt = 0;
  double trim_height_pt = 0;
  double bleed_pt = 0;
  std::vector<Item> items;               // drawn in order
  double safe_area_pt = mm_to_pt(5);     // a margin inside the trim that text keeps clear of
  std::vector<SourceSpot> sources = {};  // not drawn
  std::vector<FormField> form_fields = {};
};

// What a PDF says about itself.
struct DocumentInfo {
  std::string title;
  std::string author;  // the organisation
  std::string subject;
  std::string language;  // BCP 47: "nl", "en"
};

}  // namespace impactkit::layout
