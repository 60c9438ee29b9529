#pragma once
// The commands of the impactkit CLI: each wires options to the library and
// turns its results into output and an exit code.

#include <impactkit/content/init_roadshow.hpp>
#include <impactkit/pipeline/session.hpp>

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

// The options of build, watch and preview: a build session's settings.
using BuildOptions = pipeline::BuildSettings;

int validate(const std::filesystem::path& root, const Output& out);
int build(const std::filesystem::path& root, const BuildOptions& options, const Output& out);
// Builds, then builds again after every save in the content root; stops
// after `max_builds` builds (0: never, until Ctrl-C).
int watch(const std::filesystem::path& root, const BuildOptions& options, const Output& out, unsigned max_builds);
// Builds with previews and OUTPUT/preview/contact-sheet.png of them all.
int preview(const std::filesystem::path& root, BuildOptions options, const Output& out);
// Serves a live preview on 127.0.0.1:`port` (0: any free port): builds,
// then builds again on every save and tells the open pages; until Ctrl-C or
// SIGTERM. In the impactkit program it runs impactkit-serve, which has the
// web server (cli/serve_command.cpp), with the same arguments.
int serve(const std::filesystem::path& root, const BuildOptions& options, const Output& out, int port);
int list(const std::filesystem::path& root, const Output& out);
int new_case(const std::filesystem::path& root, const std::string& id, const Output& out);
int preflight(const std::filesystem::path& output_dir, const Output& out);
int init(const std::filesystem::path& dir, const content::InitOptions& options, const Output& out);

}  // namespace impactkit::cli
