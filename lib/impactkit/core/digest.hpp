#pragma once
// The one digest of impactkit: every key of a build (a poster, the deck, a
// laser sheet, a page's preview) and every checksum of a file the build
// keeps for the next is a Digest. It is the same on every machine and run
// (std::hash is not promised to be), quick on megabytes, and certain to
// change when one byte does; it does not guard against tampering.

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

namespace impactkit {

// FNV-1a, 64 bits, over whole 64-bit words where it can.
class Digest {
 public:
  // Bytes: whole words first, then the rest byte by byte. Prefixed with
  // their length, so that ("ab", "c") and ("a", "bc") differ.
  Digest& add(std::string_view bytes);
  Digest& add(const char* bytes) { return add(std::string_view(bytes)); }
  Digest& add(const std::string& bytes) { return add(std::string_view(bytes)); }
  // A number by its bits: exact, and much quicker than formatting it.
  Digest& add(double value) { return word(std::bit_cast<std::uint64_t>(value)); }
  Digest& add(std::uint64_t value) { return word(value); }
  Digest& add(int value) { return word(static_cast<std::uint64_t>(static_cast<std::int64_t>(value))); }
  Digest& add(bool value) { return word(value ? 1 : 0); }

  std::uint64_t value() const { return state_; }
  std::string hex() const;  // 16 lower-case hexadecimal digits

 private:
  Digest& word(std::uint64_t w) {
    state_ = (state_ ^ w) * prime;
    return *this;
  }
  static constexpr std::uint64_t prime = 1099511628211ULL;
  std::uint64_t state_ = 14695981039346656037ULL;
};

// The digest of `bytes` alone, without a length: the checksum that seals
// the files a build keeps (core/bytes.hpp).
std::uint64_t checksum(std::string_view bytes);

}  // namespace impactkit
