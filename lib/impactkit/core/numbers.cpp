#include <impactkit/core/numbers.hpp>

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace impactkit {
namespace {

// GCC and Clang have 128-bit integers on 64-bit targets; __extension__ says so to -Wpedantic.
__extension__ typedef unsigned __int128 u128;  // NOLINT(modernize-use-using): __extension__ needs a typedef

constexpr std::array<std::uint64_t, 17> powers_of_ten = {1ULL,
                                                         10ULL,
                                                         100ULL,
                                                         1000ULL,
                                                         10000ULL,
                                                         100000ULL,
                                                         1000000ULL,
                                                         10000000ULL,
                                                         100000000ULL,
                                                         1000000000ULL,
                                                         10000000000ULL,
                                                         100000000000ULL,
                                                         1000000000000ULL,
                                                         10000000000000ULL,
                                                         100000000000000ULL,
                                                         1000000000000000ULL,
                                                         10000000000000000ULL};

// Two digits at a time: "00" to "99".
constexpr std::array<char, 200> digit_pairs = [] {
  std::array<char, 200> pairs{};
  for (std::size_t i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

// Writes `whole`, then a point and `decimals` digits of `fraction` when
// decimals > 0, backwards from `end`; returns where the text starts.
char* write_backwards(char* end, std::uint64_t whole, std::uint64_t fraction, int decimals) {
  char* p = end;
  int i = 0;
  for (; i + 1 < decimals; i += 2) {
    const std::size_t pair = 2 * static_cast<std::size_t>(fraction % 100);
    fraction /= 100;
    *--p = digit_pairs[pair + 1];
    *--p = digit_pairs[pair];
  }
  if (i < decimals) {
    *--p = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  if (decimals > 0) *--p = '.';
  do {
    *--p = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole != 0);
  return p;
}

}  // namespace

void append_fixed(std::string& out, double value, int decimals) {
  if (decimals < 0 || decimals > 16 || !std::isfinite(value) || std::abs(value) >= 0x1p52) {
    std::array<char, 400> buffer{};
    const auto end =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed, decimals).ptr;
    out.append(buffer.data(), end);
    return;
  }
  // |value| = m * 2^-shift exactly, m < 2^53 (read off the bits: frexp
  // and ldexp are library calls); the digits wanted are m * 10^decimals *
  // 2^-shift, rounded half to even: at most 2^107 before the shift, which
  // 128 bits hold.
  const auto bits = std::bit_cast<std::uint64_t>(value);
  const auto biased = static_cast<int>((bits >> 52) & 0x7FF);
  const std::uint64_t mantissa = bits & ((1ULL << 52) - 1);
  const std::uint64_t m = biased == 0 ? mantissa : mantissa | (1ULL << 52);
  const int shift = biased == 0 ? 1074 : 1075 - biased;  // > 0, as |value| < 2^52
  const std::uint64_t unit = powers_of_ten[static_cast<std::size_t>(decimals)];
  const u128 scaled = static_cast<u128>(m) * unit;
  u128 digits = 0;
  if (shift < 128) {
    digits = scaled >> shift;
    const u128 rest = scaled & ((static_cast<u128>(1) << shift) - 1);
    const u128 half = static_cast<u128>(1) << (shift - 1);
    if (rest > half || (rest == half && (digits & 1) != 0)) ++digits;
  }
  std::array<char, 48> buffer;  // NOLINT(cppcoreguidelines-pro-type-member-init): written before it is read
  char* const end = buffer.data() + buffer.size();
  // The whole part is below 2^52: one 128-bit division, then 64 bits.
  const auto whole = static_cast<std::uint64_t>(digits / unit);
  const auto fraction = static_cast<std::uint64_t>(digits) - whole * unit;
  char* start = write_backwards(end, whole, fraction, decimals);
  if ((bits >> 63) != 0) *--start = '-';
  out.append(start, static_cast<std::size_t>(end - start));
}

void append_thousandths(std::string& out, long long thousandths) {
  const std::uint64_t n =
      thousandths < 0 ? static_cast<std::uint64_t>(-(thousandths + 1)) + 1 : static_cast<std::uint64_t>(thousandths);
  std::array<char, 32> buffer{};
  char* const end = buffer.data() + buffer.size();
  char* start = write_backwards(end, n / 1000, n % 1000, 3);
  if (thousandths < 0) *--start = '-';
  out.append(start, static_cast<std::size_t>(end - start));
}

}  // namespace impactkit
