#include <impactkit/core/digest.hpp>

#include <cstring>

namespace impactkit {
namespace {

std::uint64_t fold(std::uint64_t state, std::string_view bytes) {
  constexpr std::uint64_t prime = 1099511628211ULL;
  std::size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + at, 8);
    state = (state ^ word) * prime;
  }
  for (; at < bytes.size(); ++at) state = (state ^ static_cast<unsigned char>(bytes[at])) * prime;
  return state;
}

}  // namespace

Digest& Digest::add(std::string_view bytes) {
  word(bytes.size());
  state_ = fold(state_, bytes);
  return *this;
}

std::string Digest::hex() const {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 0; i < 16; ++i) out[static_cast<std::size_t>(15 - i)] = digits[(state_ >> (4 * i)) & 0xf];
  return out;
}

std::uint64_t checksum(std::string_view bytes) {
  return fold(14695981039346656037ULL, bytes);
}

}  // namespace impactkit
