// `impactkit watch` and `impactkit preview`: both are a build and then
// something more — waiting for the next save, or one contact sheet.

#include "commands.hpp"
#include "exit_codes.hpp"
#include "report.hpp"

#include <impactkit/pipeline/watch.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <system_error>

namespace impactkit::cli {
namespace fs = std::filesystem;

namespace {

std::string shown(const fs::path& file, const fs::path& root) {
  const auto relative = file.lexically_relative(root);
  return (relative.empty() || *relative.begin() == "..") ? file.lexically_normal().string() : relative.string();
}

}  // namespace

int watch(const fs::path& root, const BuildOptions& options, const Output& out, unsigned max_builds) {
  std::optional<pipeline::Watcher> watcher;
  try {
    watcher.emplace(root);
  } catch (const std::system_error& e) {
    fmt::print(stderr, "error: {}\n  fix: raise fs.inotify.max_user_watches, or run `impactkit build` by hand\n",
               e.what());
    return exit_files;
  }
  fmt::print("watching {} folders of {} for saves; Ctrl-C stops\n", watcher->folders().size(),
             root.lexically_normal().string());
  std::fflush(stdout);
  int code = build(root, options, out);
  // No save mends the command line (`--lang de` on a roadshow without it).
  if (code == exit_usage) return code;
  // Only the first build may be a --rebuild: after a save only what changed is made.
  BuildOptions incremental = options;
  incremental.rebuild = false;
  for (unsigned builds = 1; max_builds == 0 || builds < max_builds; ++builds) {
    std::fflush(stdout);
    const auto changed = watcher->wait(std::chrono::milliseconds(80));
    std::string names;
    for (const auto& f : changed) names += (names.empty() ? "" : ", ") + shown(f, root);
    fmt::print("\nchanged: {}\n", names);
    code = build(root, incremental, out);
    if (code != exit_ok) {
      fmt::print(
          "the build failed (exit code {}) and wrote nothing: the outputs are the last good build's; the next "
          "save builds again\n",
          code);
    }
  }
  return code;
}

int preview(const fs::path& root, BuildOptions options, const Output& out) {
  if (options.preview_dpi <= 0) options.preview_dpi = 20;
  options.contact_sheet = true;
  return build(root, options, out);
}

}  // namespace impactkit::cli
