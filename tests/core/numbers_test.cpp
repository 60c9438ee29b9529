#include <impactkit/core/numbers.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace {

std::string to_chars_fixed(double v, int decimals) {
  std::array<char, 400> buffer{};
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v, std::chars_format::fixed, decimals);
  return {buffer.data(), end.ptr};
}

std::string fixed(double v, int decimals) {
  std::string out;
  impactkit::append_fixed(out, v, decimals);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(numbers)

// Digit for digit what std::to_chars (and printf) write, which the laser
// files wrote before: coordinates on a sheet, tiny and huge numbers, exact
// ties (dyadic fractions), negative zero, and what is left to to_chars.
BOOST_AUTO_TEST_CASE(append_fixed_writes_what_to_chars_writes) {
  std::mt19937_64 random(20261124);
  std::uniform_real_distribution<double> sheet(-2500, 2500);
  std::uniform_real_distribution<double> small(-1e-3, 1e-3);
  std::uniform_int_distribution<int> exponent(-80, 60);
  std::uniform_int_distribution<long long> dyadic(-(1LL << 40), 1LL << 40);
  std::vector<double> values = {0.0,    -0.0,    0.5,    -0.5,  1.5,    2.5,      0.125,  1e-17,
                                -1e-17, 5e-17,   1e-16,  0.1,   0.2,    0.3,      123.45, 1199.9999999,
                                0x1p52, -0x1p52, 0x1p60, 1e300, -1e300, 0x1p-1074};
  for (int i = 0; i < 200000; ++i) {
    values.push_back(sheet(random));
    values.push_back(small(random));
    values.push_back(std::ldexp(static_cast<double>(dyadic(random)), exponent(random)));
  }
  values.push_back(std::numeric_limits<double>::infinity());
  values.push_back(std::numeric_limits<double>::quiet_NaN());
  int compared = 0;
  for (const double v : values) {
    for (const int decimals : {0, 3, 6, 16}) {
      const std::string want = to_chars_fixed(v, decimals);
      const std::string got = fixed(v, decimals);
      if (got != want) BOOST_ERROR(std::to_string(v) << " at " << decimals << ": " << got << " != " << want);
      ++compared;
    }
  }
  BOOST_TEST(compared > 2400000);
}

BOOST_AUTO_TEST_CASE(append_thousandths_writes_three_decimals) {
  const auto text = [](long long n) {
    std::string out;
    impactkit::append_thousandths(out, n);
    return out;
  };
  BOOST_TEST(text(0) == "0.000");
  BOOST_TEST(text(7) == "0.007");
  BOOST_TEST(text(-1250) == "-1.250");
  BOOST_TEST(text(1200000) == "1200.000");
  BOOST_TEST(text(-999) == "-0.999");
  BOOST_TEST(text(std::numeric_limits<long long>::min()) == "-9223372036854775.808");
}

BOOST_AUTO_TEST_SUITE_END()
