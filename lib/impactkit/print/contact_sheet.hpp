#pragma once
// A contact sheet: many images (PNG previews, SVG laser sheets) in titled
// sections on one PNG, each scaled to its section's row height and
// captioned — the first picture a designer or a manager looks at.

#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::print {

struct ContactTile {
  std::filesystem::path image;  // PNG, JPEG or SVG
  std::string caption;
  // For an SVG: its lines drawn at least this wide, in px of the sheet —
  // a laser sheet's hairline cuts would vanish at a contact sheet's scale.
  double min_line_px = 0;
};

struct ContactSection {
  std::string title;
  double row_height_px = 240;  // every tile of the section this high
  std::vector<ContactTile> tiles;
};

struct ContactSheetStats {
  int width_px = 0;
  int height_px = 0;
  std::size_t tiles = 0;
};

// Draws `sections` under `title` on a sheet `width_px` wide (as high as
// they need) and writes it as PNG to `file`, atomically. Throws PrintError
// naming the image that cannot be read or the file that cannot be written.
ContactSheetStats write_contact_sheet(const std::filesystem::path& file, const std::string& title,
                                      const std::vector<ContactSection>& sections, int width_px = 2000);

}  // namespace impactkit::print
