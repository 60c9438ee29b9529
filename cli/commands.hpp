#pragma once
// The commands of the impactkit CLI: each wires options to the library and
// turns its results into output and an exit code.

#include <impactkit/content/init_roadshow.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::cli {

struct Output {
  bool color = false;     // colour diagnostics (stderr is a terminal and NO_COLOR is unset)
  bool quiet = false;     // only diagnostics
  bool json = false;      // `build --json`: one JSON report on stdout instead of the summary
  bool progress = false;  // a progress line (stdout is a terminal)
};

struct BuildOptions {
  std::vector<std::string> only;  // posters, cards, laser, wheel; empty: all
  std::vector<std::string> sizes;
  std::vector<std::string> languages;
  std::vector<std::string> cases;
  std::vector<std::string> posters;  // poster kinds
  std::string output_dir;            // empty: ROOT/output
  bool allow_overflow = false;
  bool rebuild = false;  // make everything again, whatever the last build made
  unsigned jobs = 0;     // threads; 0: one per core
  bool crop_marks = false;
  bool pdfx = false;
  double preview_dpi = 20;
};

int validate(const std::filesystem::path& root, const Output& out);
int build(const std::filesystem::path& root, const BuildOptions& options, const Output& out);
// Builds, then builds again after every save in the content root; stops
// after `max_builds` builds (0: never, until Ctrl-C).
int watch(const std::filesystem::path& root, const BuildOptions& options, const Output& out, unsigned max_builds);
// Builds with previews, then writes OUTPUT/preview/contact-sheet.png.
int preview(const std::filesystem::path& root, BuildOptions options, const Output& out);
int list(const std::filesystem::path& root, const Output& out);
int new_case(const std::filesystem::path& root, const std::string& id, const Output& out);
int preflight(const std::filesystem::path& output_dir, const Output& out);
int init(const std::filesystem::path& dir, const content::InitOptions& options, const Output& out);

}  // namespace impactkit::cli
