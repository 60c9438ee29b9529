#include <impactkit/core/colour.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numbers>

namespace impactkit::colour {

namespace {

constexpr double pi = std::numbers::pi;

double rad(double deg) {
  return deg * pi / 180;
}

double hue_deg(double b, double a) {
  const double d = std::atan2(b, a) * 180 / pi;
  return d < 0 ? d + 360 : d;
}

std::optional<std::array<double, 3>> linear_rgb(std::string_view hex) {
  if (hex.size() != 6 ||
      !std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
    return std::nullopt;
  }
  std::array<double, 3> out{};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto digit = [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10;
    };
    const double c = (digit(hex[2 * i]) * 16 + digit(hex[2 * i + 1])) / 255.0;
    out[i] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  }
  return out;
}

std::array<double, 3> lab(const std::array<double, 3>& rgb) {
  const auto [r, g, b] = rgb;
  const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const auto f = [](double v) { return v > 216.0 / 24389 ? std::cbrt(v) : (24389.0 / 27 * v + 16) / 116; };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double luminance(const std::array<double, 3>& rgb) {
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

// The mean hue of two, the shorter way round (CIEDE2000's h-bar').
double mean_hue(double h1, double h2, bool achromatic) {
  if (achromatic) return h1 + h2;
  if (std::abs(h1 - h2) <= 180) return (h1 + h2) / 2;
  return h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
}

}  // namespace

double delta_e2000_lab(double l1, double a1, double b1, double l2, double a2, double b2) {
  const double c_mean = (std::hypot(a1, b1) + std::hypot(a2, b2)) / 2;
  const double c7 = std::pow(c_mean, 7);
  const double g = 0.5 * (1 - std::sqrt(c7 / (c7 + std::pow(25.0, 7))));
  const double ap1 = (1 + g) * a1, ap2 = (1 + g) * a2;
  const double c1 = std::hypot(ap1, b1), c2 = std::hypot(ap2, b2);
  const double h1 = c1 == 0 ? 0 : hue_deg(b1, ap1);
  const double h2 = c2 == 0 ? 0 : hue_deg(b2, ap2);
  const bool achromatic = c1 * c2 == 0;
  double dh = achromatic ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  if (dh < -180) dh += 360;
  const double d_l = l2 - l1;
  const double d_c = c2 - c1;
  const double d_h = 2 * std::sqrt(c1 * c2) * std::sin(rad(dh / 2));
  const double l_mean = (l1 + l2) / 2;
  const double cp_mean = (c1 + c2) / 2;
  const double h_mean = mean_hue(h1, h2, achromatic);
  const double t = 1 - 0.17 * std::cos(rad(h_mean - 30)) + 0.24 * std::cos(rad(2 * h_mean)) +
                   0.32 * std::cos(rad(3 * h_mean + 6)) - 0.20 * std::cos(rad(4 * h_mean - 63));
  const double d_theta = 30 * std::exp(-std::pow((h_mean - 275) / 25, 2));
  const double cp7 = std::pow(cp_mean, 7);
  const double r_c = 2 * std::sqrt(cp7 / (cp7 + std::pow(25.0, 7)));
  const double s_l = 1 + 0.015 * std::pow(l_mean - 50, 2) / std::sqrt(20 + std::pow(l_mean - 50, 2));
  const double s_c = 1 + 0.045 * cp_mean;
  const double s_h = 1 + 0.015 * cp_mean * t;
  const double r_t = -std::sin(rad(2 * d_theta)) * r_c;
  return std::sqrt(std::pow(d_l / s_l, 2) + std::pow(d_c / s_c, 2) + std::pow(d_h / s_h, 2) +
                   r_t * (d_c / s_c) * (d_h / s_h));
}

std::optional<double> delta_e2000(std::string_view hex_a, std::string_view hex_b) {
  const auto a = linear_rgb(hex_a);
  const auto b = linear_rgb(hex_b);
  if (!a || !b) return std::nullopt;
  const auto x = lab(*a);
  const auto y = lab(*b);
  return delta_e2000_lab(x[0], x[1], x[2], y[0], y[1], y[2]);
}

std::optional<double> contrast(std::string_view hex_a, std::string_view hex_b) {
  const auto a = linear_rgb(hex_a);
  const auto b = linear_rgb(hex_b);
  if (!a || !b) return std::nullopt;
  const double la = luminance(*a), lb = luminance(*b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace impactkit::colour
