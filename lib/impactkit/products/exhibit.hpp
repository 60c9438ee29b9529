#pragma once
// The flat-pack exhibit: a free-standing panel per case and one for the
// intro, each standing on two feet slotted on with cross-lap joints, cut in
// tiles joined by bolted splice plates when the panel is larger than the
// sheet; the intro panel carries a shelf held by T-slot joints with captive
// M4 nuts, for the card-deck box (finger-jointed, sized from the deck) and
// the collection box for the visitors' question forms (its slot sized from
// the folded form, its back a door with a cam lock), and between poster and
// shelf the wall of questions, a row of pockets for forms left to be read. The
// panels' backs carry engraved content laid out by the same templates and
// text engine as print; their fronts have mounting holes for the case's
// poster. Everything is nested onto the roadshow's sheets and written for
// the laser (SVG, DXF), with a cut report and an assembly sheet (PDF).

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/products/assembly.hpp>
#include <impactkit/products/context.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::products {

struct ExhibitOptions {
  std::filesystem::path output_dir = "output";  // laser files go to output_dir/laser/
  bool allow_overflow = false;
  bool with_dxf = true;
  // The sizes the posters are made at in this build (none: the roadshow's
  // posters.size). The assembly sheet names the panels' poster size only
  // when it is one of them.
  std::vector<std::string> poster_sizes;
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

// The parts of every panel, of the deck box, the collection box and the fit-test coupon, at
// their finished size, each with its views and steps for the assembly
// sheet. Problems (a panel or poster that does not fit, text that does not
// fit the engraving) go to `diagnostics`.
std::vector<Assembly> exhibit_parts(const content::Roadshow& roadshow, bool allow_overflow, Diagnostics& diagnostics);

// Builds the exhibit's laser files. Nothing is written when there are
// errors. Throws std::runtime_error when a file cannot be written. With
// the context's record of the last build, the nesting is kept while no
// part's shape changes, and only the sheets whose parts changed are
// written again.
ExhibitReport build_exhibit(const content::Roadshow& roadshow, const ExhibitOptions& options, Diagnostics& diagnostics,
                            const Context& context = {});

}  // namespace impactkit::products
