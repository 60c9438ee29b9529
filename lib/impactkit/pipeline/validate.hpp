#pragma once
// What `impactkit validate` checks, and a build before it lays anything
// out: the content (content::load_roadshow), and what the content stage
// cannot see on its own, the theme's fonts.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>

#include <filesystem>

namespace impactkit::pipeline {

// The checks of a loaded roadshow beyond the content stage's: every
// style's font (products::check_fonts). A build runs them once, so that
// each of their diagnostics is printed once, not once per product.
void check_loaded(const content::Roadshow& roadshow, Diagnostics& diagnostics);

// Loads `root` and checks it as a build would before laying out.
content::Roadshow validate(const std::filesystem::path& root, Diagnostics& diagnostics);

}  // namespace impactkit::pipeline
