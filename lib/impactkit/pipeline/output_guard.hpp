#pragma once
// What a build does to its output folder before it writes anything:
//
// - it checks that the folder is one a build may write into: not the content
//   root, not a folder that holds the root, not inside a folder the content
//   is read from (a build there would write among the content);
// - it refuses a link in place of OUTPUT/.impactkit or anywhere inside it
//   (OutputError): the lock, manifest, caches and staging are never written
//   through one;
// - it takes the folder's lock, OUTPUT/.impactkit/lock (flock), so that two
//   builds of one folder run one after the other, never interleaved; a
//   second build waits for the first;
// - it removes the temporaries and the staging folder that a killed build
//   left (named by temporary_prefix() in core/file_io.hpp; staging_folder())
//   and notes whether the last build finished, so that a build after one
//   killed while it moved its files into place makes everything again
//   instead of trusting a manifest that no longer matches the files;
// - it gives the build an empty staging folder (core/staging.hpp), and takes
//   it away again when the build ends, whatever its end.

#include <filesystem>
#include <functional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace impactkit::pipeline {

// The output folder cannot be used: the message names it and says why.
// The command ends with exit code 3.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws OutputError when `output_dir` is the content root `root`, holds it,
// lies inside one of its content folders (cases, locales, assets, templates,
// fonts), or is not a folder.
void check_output_dir(const std::filesystem::path& root, const std::filesystem::path& output_dir);

// OUTPUT/.impactkit/unfinished: present from the moment a build starts to
// move its files into place until its manifest is saved. Found by the next
// build, it means that the last one did not finish (killed, or stopped by
// a file that could not be moved), so the manifest may name files that
// were since replaced.
std::filesystem::path unfinished_marker(const std::filesystem::path& output_dir);

// OUTPUT/.impactkit/staging: where a build's files wait until it succeeded.
std::filesystem::path staging_folder(const std::filesystem::path& output_dir);

// The temporaries under `output_dir` (files and folders named as
// is_temporary_name() says), which only a build that did not finish leaves.
// Removes them and returns how many. Never follows a link out of the folder.
std::size_t remove_temporaries(const std::filesystem::path& output_dir);

// Holds the output folder for one build: checked, locked, cleaned, with an
// empty staging folder. The lock goes with the object (RAII; also when the
// process dies, since the kernel drops a dead process's flock).
class OutputGuard {
 public:
  // Called once, with a description of the build that holds the lock
  // (e.g. "pid 1234"), when this build has to wait for it.
  using Waiting = std::function<void(const std::string& holder)>;

  // Throws OutputError (with the path and the reason) when the folder
  // cannot be used or the lock cannot be made.
  OutputGuard(const std::filesystem::path& root, const std::filesystem::path& output_dir, const Waiting& waiting);
  OutputGuard(const OutputGuard&) = delete;
  OutputGuard& operator=(const OutputGuard&) = delete;
  // Removes the staging folder and releases the lock (by closing the lock
  // file). A build that did not succeed in a folder it found empty (a new
  // output folder) leaves it empty: its bookkeeping (.impactkit/, lock and
  // all) goes, and the folder too when this build made it.
  ~OutputGuard();

  // Whether the build before this one did not finish (see unfinished_marker).
  bool last_build_unfinished() const { return last_build_unfinished_; }
  // How many temporaries of an unfinished build were removed.
  std::size_t temporaries_removed() const { return temporaries_removed_; }

  // The outputs (relative, generic form) that the unfinished build before
  // this one was moving into place: its own files, which this build may
  // replace though no manifest names them.
  const std::set<std::string>& unfinished_outputs() const { return unfinished_outputs_; }

  // Marks the folder unfinished: the build starts to move `outputs` (paths
  // under the output folder) into place; the marker lists them. Throws
  // std::filesystem::filesystem_error when it cannot.
  void mark_unfinished(const std::vector<std::filesystem::path>& outputs) const;
  // The build is complete and its manifest saved.
  void succeeded() { succeeded_ = true; }

 private:
  // Owns the lock file's descriptor.
  class Fd {
   public:
    Fd() = default;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return fd_; }
    void reset(int fd = -1);

   private:
    int fd_ = -1;
  };

  void take_lock(const std::filesystem::path& root, const Waiting& waiting);
  void leave_as_found() const;

  std::filesystem::path output_dir_;
  Fd lock_;
  bool last_build_unfinished_ = false;
  std::size_t temporaries_removed_ = 0;
  std::set<std::string> unfinished_outputs_;
  bool made_folder_ = false;  // the output folder did not exist: this build made it
  bool found_empty_ = false;  // nothing in the folder but a lock file
  bool succeeded_ = false;
};

}  // namespace impactkit::pipeline
