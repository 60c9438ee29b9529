#pragma once
// What the fault tests share besides test::Child: snapshots of an output
// folder, a copy of the repository's roadshow, another user to run as.

#include "child.hpp"

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::test {

// Every regular file under `dir` (relative path → its bytes' FNV hash),
// leaving out the build's bookkeeping in .impactkit/.
std::map<std::string, std::string> snapshot(const std::filesystem::path& dir);
// The paths (relative to `dir`) of the temporaries under `dir`.
std::vector<std::string> temporaries(const std::filesystem::path& dir);

// A copy of this repository's own roadshow (roadshow.yaml with its wheel,
// theme, SDGs, locales, cases) in `to`.
void copy_repository_roadshow(const std::filesystem::path& to);

// The unprivileged user to drop to when the tests run as root ("nobody"),
// or nothing when they do not run as root.
std::optional<uid_t> unprivileged_user();
// Gives `path` and everything under it to `user`, and makes the temporary
// folders above it (up to the system's temp folder) enterable by anyone.
void hand_over(const std::filesystem::path& path, uid_t user);

}  // namespace impactkit::test
