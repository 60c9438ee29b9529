#pragma once
// The flat-pack exhibit: a free-standing panel per case and one for the
// intro, each standing on two feet slotted on with cross-lap joints, cut in
// tiles joined by bolted splice plates when the panel is larger than the
// sheet; the intro panel carries a shelf held by T-slot joints with captive
// M4 nuts, for the card-deck box (finger-jointed, sized from the deck). The
// panels' backs carry engraved content laid out by the same templates and
// text engine as print; their fronts have mounting holes for the case's
// poster. Everything is nested onto the roadshow's sheets and written for
// the laser (SVG, DXF), with a cut report and an assembly sheet (PDF).

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/part.hpp>
#include <impactkit/products/context.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::products {

struct ExhibitOptions {
  std::filesystem::path output_dir = "output";  // laser files go to output_dir/laser/
  bool allow_overflow = false;
  bool with_dxf = true;
};

struct ExhibitReport {
  std::filesystem::path folder;
  std::vector<std::filesystem::path> files;  // sheets (SVG, DXF), report, assembly sheet
  std::size_t panels = 0;
  std::size_t parts = 0;
  std::size_t sheets = 0;
  double utilisation = 0;  // over all sheets, 0..1
  double laser_minutes = 0;
  double material_eur = 0;
  std::vector<std::string> notes;
};

// One panel of the exhibit, before nesting: its parts in assembly order.
// The assembled panel seen from the front, for the assembly sheet: parts in
// their place (in the panel's frame, mm), and what is seen edge-on (feet,
// shelf) or mounted (the poster) as labelled rectangles.
struct FrontView {
  struct Placed {
    std::size_t part = 0;  // index into the panel's parts
    fab::Point at;         // where the part's frame origin goes
    bool behind = false;   // drawn light: on the back (splice plates)
  };
  struct Box {
    std::string label;
    fab::Bounds box;
  };
  std::vector<Placed> parts;
  std::vector<Box> boxes;
};

struct PanelParts {
  std::string id;     // "intro" or the case id
  std::string title;  // what the panel shows
  std::vector<fab::Part> parts;
  std::vector<std::string> steps;  // how two people put it together
  std::optional<FrontView> view;   // none for flat things (the deck box)
};

// The parts of every panel, and of the deck box, at their finished size.
// Problems (a panel or poster that does not fit, text that does not fit the
// engraving) go to `diagnostics`.
std::vector<PanelParts> exhibit_parts(const content::Roadshow& roadshow, bool allow_overflow, Diagnostics& diagnostics);

// Builds the exhibit's laser files. Nothing is written when there are
// errors. Throws std::runtime_error when a file cannot be written. With
// the context's record of the last build, the nesting is kept while no
// part's shape changes, and only the sheets whose parts changed are
// written again.
ExhibitReport build_exhibit(const content::Roadshow& roadshow, const ExhibitOptions& options, Diagnostics& diagnostics,
                            const Context& context = {});

}  // namespace impactkit::products
