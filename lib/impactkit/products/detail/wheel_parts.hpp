#pragma once
// Internal to lib/impactkit/products: what the wheel's laser parts
// (wheel_parts.cpp), its printed artwork (wheel_artwork.cpp) and its build
// (wheel.cpp) share: the disc's frame, the text composer, and the parts of
// one build with the labels the face prints.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/part.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/layout/page.hpp>
#include <impactkit/products/assembly.hpp>
#include <impactkit/products/compose_kit.hpp>
#include <impactkit/products/wheel.hpp>
#include <impactkit/text/outline.hpp>

#include <numbers>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::products::detail {

inline constexpr double deg_to_rad = std::numbers::pi / 180;
inline constexpr double box_safe_mm = 5;  // the composer's safe area, kept around a wedge's box

// A point relative to the wheel's centre, turned clockwise (on screen, y
// down) by `deg`.
fab::Point turn(fab::Point p, double deg);

// The arc of radius `r` about `centre` from `from_deg` to `to_deg`
// (clockwise from 12 o'clock), a point every `step_deg` or closer.
fab::Polygon ring_polygon(fab::Point centre, double r, double from_deg, double to_deg, double step_deg = 0.5);

// A wedge from the centre (or from `inner_r`) to `outer_r`.
fab::Polygon wedge(fab::Point centre, double inner_r, double outer_r, double from_deg, double to_deg);

// The largest box that is upright when its sector is at 12 o'clock and lies
// inside a wedge of half-angle `half_deg` (less `margin` from both sides),
// no nearer the centre than `min_r` and within `outer_r`. The face's labels
// and the volvelle's texts are set in it, so both read horizontally at the
// top, where the flapper points.
struct WedgeBox {
  double inner_r = 0;  // of the box's lower edge
  double width = 0;
  double height = 0;
};
WedgeBox wedge_box(double half_deg, double outer_r, double margin, double min_r = 0);

struct Stand {
  double axle_mm = 0;        // the disc's centre above the floor
  double upright_mm = 0;     // height of the front upright
  double brace_mm = 0;       // height of the second upright (below the disc)
  double foot_inset_mm = 0;  // from each end of the second upright to its foot
};

// The wheel's text: the labels engraved on the disc and the volvelle's
// texts, composed from the wheel's templates in the roadshow's language.
struct WheelKit {
  const content::Roadshow& roadshow;
  bool allow_overflow;
  Diagnostics& diagnostics;
  std::string lang;
  ComposeKit kit;
  text::OutlineCache glyphs;  // after kit: the fonts outlive it

  WheelKit(const content::Roadshow& r, bool overflow, Diagnostics& d, text::TextCache* cache = nullptr);

  // A template composed into a box of exactly `width_mm` × `height_mm`: the
  // template's reference size is the box, so the theme's text sizes are
  // used as they are (a wedge's box is not a scaled page). The box's
  // corner is at (box_safe_mm, box_safe_mm) of the page.
  std::optional<layout::Page> compose_box(const std::string& name, const layout::Fields& fields, double width_mm,
                                          double height_mm);

  // The glyph outlines of a composed box, in the box's frame (mm).
  std::vector<fab::Polygon> outlines_of(const layout::Page& page, int curve_segments = 8);

  // Every sector's label as glyph outlines in the disc's frame: each in its
  // wedge's box, all at one size (the largest at which every label fits).
  std::vector<std::vector<fab::Polygon>> sector_labels(const WheelGeometry& g);
};

// Everything of one build: the parts, and the disc's labels for the face.
struct WheelBuild {
  WheelGeometry geometry;
  std::vector<std::vector<fab::Polygon>> labels;  // per sector, in the disc's frame
  std::vector<fab::Part> parts;
  Stand stand;
  int counter_discs = 1;
  int flapper_spacers = 0;
  double thickness_mm = 0;   // measured
  double peg_length_mm = 0;  // how far a peg stands out of the disc's face
  double axle_mm = 0;        // the axle bolt's diameter
  double flapper_bolt_mm = 0;

  // The parts in make_wheel_parts' order: the disc, its counter-discs, the
  // upright, the second upright, two feet, the holder, the flapper, two
  // axle washers, the flapper's spacers.
  std::size_t counter_disc(int i) const { return 1 + static_cast<std::size_t>(i); }
  std::size_t upright() const { return 1 + static_cast<std::size_t>(counter_discs); }
  std::size_t brace() const { return upright() + 1; }
  std::size_t foot(int i) const { return brace() + 1 + static_cast<std::size_t>(i); }
  std::size_t holder() const { return foot(2); }
  std::size_t flapper() const { return holder() + 1; }
  std::size_t washer(int i) const { return flapper() + 1 + static_cast<std::size_t>(i); }
  std::size_t spacer(int i) const { return washer(2) + static_cast<std::size_t>(i); }
};

// The wheel's own material, else the exhibit's.
const content::Material& wheel_material(const content::Roadshow& r);

// Whether the disc and a stand under it fit the exhibit's sheets; errors
// to `diagnostics` when not.
bool check_wheel(const content::Roadshow& r, Diagnostics& diagnostics);

// The laser parts of a checked wheel, the disc first, named by the locale.
WheelBuild make_wheel_parts(const content::Roadshow& r, WheelKit& kit);

// The wheel's assembly sheet: its stand, then its disc, axle and flapper
// (wheel_assembly.cpp).
std::vector<Assembly> wheel_assemblies(const WheelBuild& w, const content::Labels& labels);

}  // namespace impactkit::products::detail
