#pragma once
// Numbers written as text into the laser files, fast: a laser sheet holds
// hundreds of thousands of coordinates, and formatting them was most of the
// laser job's time (std::to_chars at 16 decimals costs about a thousand
// instructions a number).

#include <string>

namespace impactkit {

// Appends `value` with exactly `decimals` digits after the point (0-16),
// rounded to nearest, ties to even, from the exact binary value: the text
// std::to_chars(…, std::chars_format::fixed, decimals) and printf("%.*f")
// give, "-0.000" included. Exact integer arithmetic where |value| < 2^52;
// std::to_chars beyond that, and for infinities and NaN.
void append_fixed(std::string& out, double value, int decimals);

// Appends the integer `thousandths` / 1000 with three decimals: "-1.250",
// "0.007". For numbers already rounded to a thousandth.
void append_thousandths(std::string& out, long long thousandths);

}  // namespace impactkit
