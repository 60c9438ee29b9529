#pragma once
// Kerf compensation: the laser burns away a kerf-wide line centred on the
// path it follows, so the path must lie kerf/2 outside every outline and
// kerf/2 inside every hole. Polygons are offset as a whole with Clipper
// (mitred, so square corners stay square); circles keep being circles, with
// their radius changed by kerf/2. A slot drawn thickness + clearance wide is
// thus written thickness + clearance − kerf wide and cut thickness + clearance.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/joint.hpp>
#include <impactkit/fab/part.hpp>

#include <optional>

namespace impactkit::fab {

// Clipper works in integers: 1 unit = 0.1 µm.
inline constexpr double clipper_units_per_mm = 10000.0;

// Checks the kerf against the joints of a job: it must be smaller than half
// the thickness and than every slot. Reports at `pos` (the kerf's place in
// the job's source).
bool check_kerf(double kerf_mm, const JointSettings& s, Diagnostics& diags, const SourcePos& pos = {});

// The part as the laser must follow it. A hole that is no wider than the
// kerf would vanish: it is reported (with the part's source) and the result
// is empty.
std::optional<Part> compensate(const Part& part, double kerf_mm, Diagnostics& diags);

// Offsets a closed polygon outwards (`delta_mm` > 0) or inwards (< 0). An
// inward offset may leave nothing, or split the polygon.
std::vector<Polygon> offset(const Polygon& p, double delta_mm);

}  // namespace impactkit::fab
