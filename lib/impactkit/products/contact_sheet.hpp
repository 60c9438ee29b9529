#pragma once
// The exhibit at a glance: one contact sheet (OUTPUT/preview/contact-sheet.png)
// of what a build made — every poster, a sample of the cards (one face of
// each kind and the backs), every laser sheet and the wheel — from the
// previews and sheets already in the output folder.

#include <impactkit/content/model.hpp>

#include <filesystem>

namespace impactkit::products {

struct ContactSheetReport {
  std::filesystem::path file;
  int width_px = 0;
  int height_px = 0;
  std::size_t posters = 0;
  std::size_t cards = 0;
  std::size_t forms = 0;  // fronts and backs of the question form
  std::size_t laser_sheets = 0;
  std::size_t wheel = 0;  // previews and sheets of the wheel
};

// Writes the contact sheet of `output_dir`. Throws print::PrintError when
// an image cannot be read or the sheet cannot be written, and
// std::filesystem::filesystem_error when its folder cannot be made.
ContactSheetReport write_contact_sheet(const content::Roadshow& roadshow, const std::filesystem::path& output_dir);

}  // namespace impactkit::products
