#pragma once
// Reading and writing whole files. Writes are atomic: the content goes to a
// temporary file beside the target, which is then renamed over it, so a
// reader (or a crash) never sees half a file.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit {

// The file's bytes, or nothing if it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// What a file's contents are assumed unchanged by while these stay the
// same: its full path, size and time of last change, as one line of text.
// Empty when the file cannot be looked at. For files impactkit keeps made
// from a system file (compiled patterns, shaped words of a font).
std::string file_stamp(const std::filesystem::path& file);

// The regular files in `folder` whose extension is `extension` (".png"),
// sorted by name; none when the folder cannot be read.
std::vector<std::filesystem::path> files_with_extension(const std::filesystem::path& folder,
                                                        std::string_view extension);

// Writes `content` to `path` atomically. Throws std::filesystem::filesystem_error
// (with the path and the system's reason) when it cannot.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// The temporary name that write_file_atomically (and any other writer of
// outputs) uses beside `target`, without its random suffix:
// ".NAME.impactkit-tmp-". A build killed at the wrong moment leaves such
// files behind; the next build recognises them by this name and removes them.
std::string temporary_prefix(const std::filesystem::path& target);
// Whether `filename` (a name, not a path) is such a temporary: ".NAME.impactkit-tmp-XXXXXX".
bool is_temporary_name(std::string_view filename);

// Whether `path`, once every link in it is followed, lies inside `folder`
// (or is `folder` itself), also followed. Parts of `path` that do not
// exist yet are taken as written. For the checks that content refers only
// to files inside its root, and that a build removes only files inside its
// output folder: a link inside the folder may lead anywhere.
bool stays_within(const std::filesystem::path& folder, const std::filesystem::path& path);

}  // namespace impactkit
