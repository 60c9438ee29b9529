#pragma once
// The poster sets: per case a route, a confrontation and a your-turn poster,
// and for the exhibit an intro and an overview poster; at every chosen size
// and language, as print-ready PDF with PNG previews.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/products/context.hpp>
#include <impactkit/products/unit.hpp>

#include <filesystem>
#include <memory>
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
  bool source_maps = false;  // NAME.map.json beside each preview (products/source_map.hpp), for impactkit serve

  // Whether the options select every poster there is (no size, language,
  // case or kind chosen): the posters of removed cases may then go.
  bool whole_set() const { return sizes.empty() && languages.empty() && case_ids.empty() && kinds.empty(); }
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
  std::vector<PosterFile> files;   // made or already up to date
  std::size_t unchanged = 0;       // of those, not made again
  std::vector<std::string> notes;  // what was left out and why
};

// The posters of a build, planned: each poster's template, fields, size,
// files and key. A build session asks for their units and has the stale
// ones made.
class PosterSet {
 public:
  // Checks the options and plans every poster they select; problems (an
  // unknown size, case or language, a missing font) go to `diagnostics`.
  // `cache`: the build's text cache, if any (text::Typesetter).
  PosterSet(const content::Roadshow& roadshow, const PosterOptions& options, Diagnostics& diagnostics,
            text::TextCache* cache = nullptr);
  PosterSet(const PosterSet&) = delete;
  PosterSet& operator=(const PosterSet&) = delete;
  ~PosterSet();

  // One unit per poster, in the order of the report's files.
  const std::vector<Unit>& units() const;

  // Makes the posters whose unit is stale: lays them all out, then writes
  // them on the context's workers. Nothing is written when any has an
  // error (every problem is in `diagnostics`). Throws std::runtime_error
  // when a file cannot be written.
  PosterReport make(const std::vector<bool>& stale, const Context& context, Diagnostics& diagnostics);

 private:
  struct Plan;
  std::unique_ptr<Plan> plan_;
};

// Builds every poster the options select, keeping nothing from earlier
// builds (a library user's and the tests' way in).
PosterReport build_posters(const content::Roadshow& roadshow, const PosterOptions& options, Diagnostics& diagnostics,
                           const Context& context = {});

// The poster kinds of a case, and of the exhibit as a whole.
inline const std::vector<std::string> case_poster_kinds = {"route", "confrontation", "yourturn"};
inline const std::vector<std::string> exhibit_poster_kinds = {"intro", "overview"};

}  // namespace impactkit::products
