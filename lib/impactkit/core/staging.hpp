#pragma once
// Where a build's files wait until the whole build is known to have
// succeeded. A build with errors must leave its output folder as it was —
// every earlier file with its bytes and its time — yet its products run
// side by side, and one may be writing while another finds text that does
// not fit. So every product writes into a staging folder inside the output
// folder (OUTPUT/.impactkit/staging/, the same tree), files that are to go
// are only noted, and the build session moves everything into place at the
// end, file by file with rename(2): no file is copied, and an output that
// was not made again is not touched.
//
//   Staging staging(output_dir, output_dir / ".impactkit/staging");
//   write_file_atomically(staged(&staging, output_dir / "cards/nl/deck.json"), text);
//   remove_output(&staging, output_dir / "laser/exhibit-9.svg");
//   ... every product succeeded:
//   staging.commit();
//
// Without a Staging (a library user's build), files are written in place.
//
// The commit writes only into real folders inside the output folder: a
// link anywhere below it on the way to an output (a forked repository can
// carry `output/posters -> /elsewhere`) is refused before anything moves.
// The output folder itself may be a link: it is the folder the user named.

#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <vector>

namespace impactkit {

// The commit would write through a link inside the output folder, or over a
// file that no build made: the message names the path and says what to do.
// Thrown before any output changed.
class OutputRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Staging {
 public:
  // Files under `output_dir` are written to the same path under `folder`,
  // which must lie inside `output_dir`, on the same file system.
  Staging(std::filesystem::path output_dir, std::filesystem::path folder);
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  const std::filesystem::path& output_dir() const { return output_dir_; }
  const std::filesystem::path& folder() const { return folder_; }

  // Where to write the output `target` (a path under output_dir()): its
  // place in the staging folder, whose folder is made. Throws
  // std::filesystem::filesystem_error when that folder cannot be made, and
  // std::logic_error when `target` is not under output_dir().
  std::filesystem::path path_for(const std::filesystem::path& target);
  // `target` goes when the build commits (unless this build made it again).
  void remove_at_commit(const std::filesystem::path& target);

  // Which existing files the commit may replace: `made_before` says, for a
  // path relative to output_dir(), whether an earlier build made it. Any
  // other file at an output's path stops the commit (OutputRefused), unless
  // `force`. Without a call, every regular file may be replaced.
  void replace_only(std::function<bool(const std::filesystem::path&)> made_before, bool force);

  // The outputs this build wrote, in path order.
  std::vector<std::filesystem::path> written() const;

  // Moves every staged file onto its output and removes the files noted
  // for removal. First checks every output's path, component by component
  // below output_dir(), and throws OutputRefused at a link or at a file it
  // may not replace (replace_only); then makes every folder the outputs
  // need and checks that each can be written, so that a folder that cannot
  // be (read-only, not a folder) stops the commit before any output
  // changed. Throws std::filesystem::filesystem_error, with the path, when
  // something cannot be made, moved or removed; a failure after the checks
  // (or a kill) leaves each output whole, old or new.
  void commit();

 private:
  void check_paths() const;

  std::filesystem::path output_dir_;
  std::filesystem::path folder_;
  mutable std::mutex mutex_;                 // guards the sets: products write from several threads
  std::set<std::filesystem::path> written_;  // outputs, by their path under output_dir_
  std::set<std::filesystem::path> removed_;
  std::function<bool(const std::filesystem::path&)> made_before_;  // empty: every file may be replaced
  bool force_ = false;
};

// The first component of `path` below `folder` (not `folder` itself) that
// is a link, or nothing. Parts that do not exist yet end the search.
std::optional<std::filesystem::path> link_below(const std::filesystem::path& folder, const std::filesystem::path& path);

// Throws OutputRefused when a component of `path` below `folder` (not
// `folder` itself) is a link. Parts that do not exist yet end the check.
void refuse_links_below(const std::filesystem::path& folder, const std::filesystem::path& path);

// Where a product writes the output `target`: through `staging` when there
// is one, else `target` itself. Either way its folder exists.
std::filesystem::path staged(Staging* staging, const std::filesystem::path& target);

// Removes the output `target` (a regular file; a link or a folder is left
// alone) when `staging` commits, or at once without one. Returns whether
// there was such a file.
bool remove_output(Staging* staging, const std::filesystem::path& target);

}  // namespace impactkit
