#pragma once
// Nesting: all parts of a job onto as few sheets as possible, with libnest2d
// (no-fit-polygon placement). Parts turn in quarter turns, or only in half
// turns when their grain is set (the sheet's grain runs along its x axis).

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/part.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::fab {

struct Sheet {
  double width_mm = 1200;  // along the grain
  double height_mm = 600;
  std::string material;  // a key of the shop profile's materials
};

struct NestSettings {
  double kerf_mm = 0.2;
  double gap_mm = 2;          // between two parts' burns, on top of the kerf
  double edge_margin_mm = 5;  // from the sheet's edge to a part's path
  double spacing_mm() const { return kerf_mm + gap_mm; }
};

struct PlacedPart {
  std::size_t part = 0;  // index into the nested parts
  Placement placement;
};

struct SheetLayout {
  std::vector<PlacedPart> parts;
  double utilisation = 0;  // area of the parts / area of the sheet, 0..1
};

struct Nesting {
  Sheet sheet;
  std::vector<SheetLayout> sheets;
  std::vector<std::size_t> unplaced;  // parts larger than the sheet (reported)
};

// Nests kerf-compensated parts. Parts that do not fit on an empty sheet in
// any allowed turn are reported with their size and the sheet's.
Nesting nest(const std::vector<Part>& parts, const Sheet& sheet, const NestSettings& settings, Diagnostics& diags);

// A nesting as text, exact (hexadecimal floating point), to be kept for the
// next build; read back only when it is whole and fits `part_count` parts.
std::string to_text(const Nesting& nesting);
std::optional<Nesting> nesting_from_text(std::string_view text, const Sheet& sheet, std::size_t part_count);

// The parts of sheet `index`, moved into place (sheet coordinates).
std::vector<Part> parts_on(const Nesting& nesting, std::size_t index, const std::vector<Part>& parts);

}  // namespace impactkit::fab
