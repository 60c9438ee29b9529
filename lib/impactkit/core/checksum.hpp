#pragma once
// A checksum of files that impactkit writes for itself and reads back
// (what a build keeps for the next, core/cache.hpp): the same on every
// machine and run, quick on megabytes, and certain to change when one byte
// does. Not a guard against tampering.

#include <cstdint>
#include <string_view>

namespace impactkit {

// FNV-1a over whole 64-bit words, then the remaining bytes.
std::uint64_t checksum(std::string_view bytes);

}  // namespace impactkit
