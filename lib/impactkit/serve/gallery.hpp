#pragma once
// What the live preview shows (`impactkit serve`): every product's
// previews in the output folder, grouped as the exhibit is (posters per
// language and size, card faces per language, laser sheets, the wheel),
// and the last build's news: its number, whether it succeeded and its
// errors, word for word as the terminal prints them. The page reads it as
// JSON; an item's `version` changes exactly when its file does, so that
// the page loads again only what a build changed.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::serve {

struct GalleryItem {
  std::string title;    // "intro", "003-case-zero-emissie-bussen"
  std::string alt;      // "Poster intro, nl, A1": the image's text alternative
  std::string image;    // the preview, relative to the output folder: "posters/nl/A1/intro.png"
  std::string pdf;      // the PDF beside it, if any, for a sharp full view
  std::string map;      // its source map beside it (products/source_map.hpp), if any
  std::string version;  // changes when the preview's file does
};

struct GalleryGroup {
  std::string title;  // "Posters · nl · A1"
  std::vector<GalleryItem> items;
};

struct BuildNews {
  std::uint64_t build = 0;          // 1 for the first build, counting up
  bool ok = true;                   // false: the outputs are the last good build's
  std::string title;                // the roadshow's
  std::vector<std::string> errors;  // as the terminal prints them, "cases/a.yaml:3:7: error: …\n  fix: …"
  std::vector<std::string> notes;
  double build_ms = 0;
};

// The groups of previews under `output_dir`, in the exhibit's order, each
// sorted by file name. Missing folders are left out.
std::vector<GalleryGroup> gallery(const std::filesystem::path& output_dir);

// The page's state: the news and the gallery, as one JSON object.
std::string state_json(const BuildNews& news, const std::vector<GalleryGroup>& groups);

}  // namespace impactkit::serve
