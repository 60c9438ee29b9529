#pragma once
// The poster sets: per case a route, a confrontation and a your-turn poster,
// and for the exhibit an intro and an overview poster; at every chosen size
// and language, as print-ready PDF with PNG previews.

#include <impactkit/pipeline/manifest.hpp>
#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/text/cache.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::products {

struct PosterOptions {
  std::filesystem::path output_dir = "output";  // posters go to output_dir/posters/
  std::vector<std::string> sizes;               // empty: the roadshow's posters.size
  std::vector<std::string> languages;           // empty: every language of the roadshow
  std::vector<std::string> case_ids;            // empty: every case
  std::vector<std::string> kinds;               // empty: every kind (route, confrontation, yourturn, intro, overview)
  bool allow_overflow = false;
  bool crop_marks = false;
  bool pdfx = false;
  double preview_dpi = 20;  // 0: no previews
  // What the last build made (see pipeline/manifest.hpp): posters whose inputs
  // have not changed are not made again. Null: make every poster.
  pipeline::Manifest* manifest = nullptr;
  // Where compiled patterns and shaped words are kept between builds
  // (text/cache.hpp). Null: nothing is kept.
  text::TextCache* text_cache = nullptr;
};

struct PosterFile {
  std::string kind;     // route, confrontation, yourturn, intro, overview
  std::string case_id;  // empty for intro and overview
  std::string language;
  std::string size;
  std::filesystem::path pdf;
  std::filesystem::path preview;  // may be empty
};

struct PosterReport {
  std::vector<PosterFile> files;   // made or, with a manifest, already up to date
  std::size_t unchanged = 0;       // of those, not made again
  std::vector<std::string> notes;  // what was left out and why
};

// Builds the poster sets. Nothing is written when the content, a template
// or a text that does not fit gives an error; every problem is in
// `diagnostics`. Throws std::runtime_error when a file cannot be written.
PosterReport build_posters(const content::Roadshow& roadshow, const PosterOptions& options, Diagnostics& diagnostics);

// The poster kinds of a case, and of the exhibit as a whole.
inline const std::vector<std::string> case_poster_kinds = {"route", "confrontation", "yourturn"};
inline const std::vector<std::string> exhibit_poster_kinds = {"intro", "overview"};

}  // namespace impactkit::products
