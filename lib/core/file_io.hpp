#pragma once
// Reading and writing whole files. Writes are atomic: the content goes to a
// temporary file beside the target, which is then renamed over it, so a
// reader (or a crash) never sees half a file.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace impactkit {

// The file's bytes, or nothing if it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// Writes `content` to `path` atomically. Throws std::filesystem::filesystem_error
// (with the path and the system's reason) when it cannot.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace impactkit
