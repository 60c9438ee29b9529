#pragma once
// The one door through which impactkit reads a file of a content root (or
// of its installed data folders). A content root may come from anyone (a
// fork, a tarball), so each of its files is untrusted: a link may lead out
// of it, a FIFO or a device never ends, a file may be huge. The door
// resolves the real path, following every link, and refuses one that leaves
// the allowed folders; it opens only regular files, without blocking, and
// reads only up to a limit, from the descriptor it checked.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace impactkit {

// Why the door refused a file.
struct RootFileError {
  enum class Kind {
    missing,      // no such file
    outside,      // its real path (links followed) leaves the allowed folders
    unreachable,  // a folder on the way cannot be entered or read (named in `at`)
    not_regular,  // a folder, a FIFO, a device or a socket
    too_large,    // more than the limit
    unreadable,   // the system refused to open or read it
  };
  Kind kind = Kind::missing;
  std::filesystem::path at;  // the file, or the folder that stopped the way to it
  std::string reason;        // for a message: "is a FIFO, not a regular file", ...
};

struct RootFile {
  std::string bytes;
  std::optional<RootFileError> error;
  explicit operator bool() const { return !error; }
};

// Where `file`'s real path is, all links followed, or an error: missing,
// unreachable (naming the first folder on the way that cannot be entered),
// or outside every one of `within` (empty `within`: anywhere). Does not
// open the file.
std::optional<RootFileError> check_root_path(const std::filesystem::path& file,
                                             const std::vector<std::filesystem::path>& within);

// Reads `file` through the door: check_root_path, then open with O_NONBLOCK
// (a FIFO does not block the open), fstat the descriptor (only a regular
// file is read) and read at most `max_bytes` from that descriptor.
RootFile read_root_file(const std::filesystem::path& file, const std::vector<std::filesystem::path>& within,
                        std::uint64_t max_bytes);

// check_root_path and the open and fstat of read_root_file, without
// reading: for files a library opens by name after the door (fonts for
// FreeType). Nothing when the file passes.
std::optional<RootFileError> check_root_file(const std::filesystem::path& file,
                                             const std::vector<std::filesystem::path>& within, std::uint64_t max_bytes);

// "is a FIFO, not a regular file", "leaves the content root: ..." as one
// line for a message, with the path it names.
std::string describe(const RootFileError& error);

}  // namespace impactkit
