#include <impactkit/core/checksum.hpp>

#include <cstring>

namespace impactkit {

std::uint64_t checksum(std::string_view bytes) {
  constexpr std::uint64_t prime = 1099511628211ULL;
  std::uint64_t state = 14695981039346656037ULL;
  std::size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + at, 8);
    state = (state ^ word) * prime;
  }
  for (; at < bytes.size(); ++at) state = (state ^ static_cast<unsigned char>(bytes[at])) * prime;
  return state;
}

}  // namespace impactkit
