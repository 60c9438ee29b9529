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

#include <filesystem>
#include <mutex>
#include <set>
#include <vector>

namespace impactkit {

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

  // The outputs this build wrote, in path order.
  std::vector<std::filesystem::path> written() const;

  // Moves every staged file onto its output and removes the files noted
  // for removal. First makes every folder the outputs need and checks that
  // each can be written, so that a folder that cannot be (read-only, not a
  // folder) stops the commit before any output changed. Throws
  // std::filesystem::filesystem_error, with the path, when something
  // cannot be made, moved or removed; a failure after the checks (or a
  // kill) leaves each output whole, old or new.
  void commit();

 private:
  std::filesystem::path output_dir_;
  std::filesystem::path folder_;
  mutable std::mutex mutex_;                 // guards the sets: products write from several threads
  std::set<std::filesystem::path> written_;  // outputs, by their path under output_dir_
  std::set<std::filesystem::path> removed_;
};

// Where a product writes the output `target`: through `staging` when there
// is one, else `target` itself. Either way its folder exists.
std::filesystem::path staged(Staging* staging, const std::filesystem::path& target);

// Removes the output `target` (a regular file; a link or a folder is left
// alone) when `staging` commits, or at once without one. Returns whether
// there was such a file.
bool remove_output(Staging* staging, const std::filesystem::path& target);

}  // namespace impactkit
