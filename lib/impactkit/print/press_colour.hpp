#pragma once
// Colours for the press: what the colours of a PDF become in the printing
// condition of a CMYK profile, for PDF/X (print/pdf.hpp, make_pdfx). A
// colour with a print value of its own (a theme colour with `cmyk:`) keeps
// that value exactly; a neutral grey of text and drawing becomes black ink
// alone; every other colour is taken as sRGB and converted through the
// profile by LittleCMS, with the total ink limited.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::print {

// Ink from 0 to 1 each.
struct Cmyk {
  double c = 0;
  double m = 0;
  double y = 0;
  double k = 0;
  double ink() const { return c + m + y + k; }
};

// A colour whose print value is given rather than converted.
struct PressInk {
  std::uint32_t rgb = 0;  // 0xRRGGBB, as drawn on screen
  Cmyk cmyk;
};

// The printing condition a PDF/X file is made for.
struct PressCondition {
  // A CMYK output profile (ICC) of the condition; empty for
  // default_cmyk_profile().
  std::filesystem::path profile;
  // Its registered name (www.color.org), e.g. "FOGRA39"; empty for
  // "Custom", which the embedded profile and its description then define.
  std::string identifier;
  // Total ink at most, 3 = 300 % (ISO 12647-2 for coated paper, and what
  // most shops ask for).
  double max_ink = 3.0;
  std::vector<PressInk> inks;
};

// Ghostscript's CMYK profile ("Artifex CMYK SWOP Profile", from the Debian
// package libgs-common, which ghostscript depends on).
std::filesystem::path default_cmyk_profile();

class PressColours {
 public:
  // Throws PrintError when the profile cannot be read, is not a CMYK
  // output profile, or a given ink is over the limit.
  explicit PressColours(const PressCondition& condition);
  ~PressColours();
  PressColours(const PressColours&) = delete;
  PressColours& operator=(const PressColours&) = delete;

  // A colour of text or drawing given as sRGB, each 0–1.
  Cmyk cmyk(double r, double g, double b) const;
  // RGB pixels (photos), 3 bytes each, as CMYK pixels, 4 bytes each,
  // greys included: a photo's dark greys keep their four inks.
  std::string cmyk_pixels(std::string_view rgb) const;

  const std::string& profile_bytes() const;
  // The profile's own description, e.g. "Artifex CMYK SWOP Profile".
  const std::string& description() const;
  // The condition's registered name, or "Custom".
  const std::string& identifier() const;

 private:
  Cmyk black_only(const Cmyk& four_inks) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace impactkit::print
