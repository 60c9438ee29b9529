// The case themes' palette against the official SDG colours they stand
// beside (theme.yaml's rule): CIEDE2000 ΔE ≥ 15 from each of the 17, and a
// contrast of at least 4.5:1 with white, for the repository's theme and the
// starters'. The library's ΔE2000 is checked against Sharma, Wu and Dalal's
// published test data (2005); sRGB to Lab is computed here, independently.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/colour.hpp>
#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <fmt/format.h>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

using namespace impactkit;
namespace fs = std::filesystem;

namespace {

constexpr double min_delta_e = 15;
constexpr double min_contrast = 4.5;

struct Lab {
  double l = 0, a = 0, b = 0;
};

// CIEDE2000 is the library's (core/colour.hpp), held to Sharma et al.'s
// published pairs below; the colours' conversion to Lab is this test's own.
double delta_e2000(const Lab& x, const Lab& y) {
  return colour::delta_e2000_lab(x.l, x.a, x.b, y.l, y.a, y.b);
}

std::array<double, 3> linear_rgb(const std::string& hex) {
  std::array<double, 3> out{};
  for (std::size_t i = 0; i < 3; ++i) {
    const double c = std::stoi(hex.substr(2 * i, 2), nullptr, 16) / 255.0;
    out[i] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  }
  return out;
}

// sRGB (IEC 61966-2-1) to CIELAB under D65.
Lab lab(const std::string& hex) {
  const auto [r, g, b] = linear_rgb(hex);
  const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const auto f = [](double v) { return v > 216.0 / 24389 ? std::cbrt(v) : (24389.0 / 27 * v + 16) / 116; };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

// WCAG 2.1's contrast ratio with white.
double contrast_with_white(const std::string& hex) {
  const auto [r, g, b] = linear_rgb(hex);
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

const content::Roadshow& repository() {
  static Diagnostics diagnostics;
  static const content::Roadshow loaded = content::load_roadshow(test::source_dir(), diagnostics);
  return loaded;
}

// The colours under `colors:` in a theme.yaml, as name and hex (the
// starters are templates with placeholders, not loadable roots).
std::vector<std::pair<std::string, std::string>> colours_in(const fs::path& theme) {
  std::vector<std::pair<std::string, std::string>> out;
  bool inside = false;
  for (const auto& line : test::read_lines(theme)) {
    if (line.rfind("colors:", 0) == 0) {
      inside = true;
    } else if (inside && line.rfind("  ", 0) == 0) {
      const auto colon = line.find(':');
      const auto quote = line.find('"');
      if (colon != std::string::npos && quote != std::string::npos) {
        out.emplace_back(line.substr(2, colon - 2), line.substr(quote + 1, 6));
      }
    } else if (inside && !line.empty() && line[0] != '#') {
      break;
    }
  }
  return out;
}

void check_against_sdgs(const std::string& where, const std::string& name, const std::string& hex) {
  BOOST_TEST_REQUIRE(repository().sdgs.size() == 17u);
  BOOST_TEST(contrast_with_white(hex) >= min_contrast,
             where << ": " << name << " #" << hex << " has " << contrast_with_white(hex) << ":1 with white");
  for (const auto& sdg : repository().sdgs) {
    const double d = delta_e2000(lab(hex), lab(sdg.color));
    BOOST_TEST(d >= min_delta_e,
               where << ": " << name << " #" << hex << " is ΔE2000 " << d << " from SDG " << sdg.number);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(palette)

// Sharma, Wu, Dalal, "The CIEDE2000 color-difference formula", Color Res.
// Appl. 30 (2005), table 1: pairs 1, 7, 13, 17, 20, 25 and 34 (hue wrap,
// achromatic, the blue region's rotation term, large differences).
BOOST_AUTO_TEST_CASE(delta_e2000_matches_sharmas_test_data) {
  struct Row {
    Lab x, y;
    double expected;
  };
  const Row rows[] = {
      {{50.0000, 2.6772, -79.7751}, {50.0000, 0.0000, -82.7485}, 2.0425},
      {{50.0000, 0.0000, 0.0000}, {50.0000, -1.0000, 2.0000}, 2.3669},
      {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0011}, 7.2195},
      {{50.0000, 2.5000, 0.0000}, {73.0000, 25.0000, -18.0000}, 27.1492},
      {{50.0000, 2.5000, 0.0000}, {50.0000, 3.1736, 0.5854}, 1.0000},
      {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
      {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
  };
  for (const auto& r : rows) {
    BOOST_TEST(std::abs(delta_e2000(r.x, r.y) - r.expected) < 1e-4, delta_e2000(r.x, r.y) << " != " << r.expected);
    BOOST_TEST(std::abs(delta_e2000(r.y, r.x) - r.expected) < 1e-4);  // symmetric
    // The library's, which `validate` warns with.
    const double lib = colour::delta_e2000_lab(r.x.l, r.x.a, r.x.b, r.y.l, r.y.a, r.y.b);
    BOOST_TEST(std::abs(lib - r.expected) < 1e-4, lib << " != " << r.expected);
  }
  BOOST_TEST(std::abs(colour::delta_e2000("E07B00", "FD9D24").value() - delta_e2000(lab("E07B00"), lab("FD9D24"))) <
             1e-9);
  BOOST_TEST(std::abs(colour::contrast("E07B00", "FFFFFF").value() - contrast_with_white("E07B00")) < 1e-9);
  BOOST_TEST(!colour::delta_e2000("E07B0", "FFFFFF").has_value());
  BOOST_TEST(!colour::contrast("GGGGGG", "FFFFFF").has_value());
}

// The old energietransitie orange read as SDG 11's: the check must say so.
BOOST_AUTO_TEST_CASE(the_old_orange_fails_both_rules) {
  BOOST_TEST(contrast_with_white("E07B00") < min_contrast);
  BOOST_TEST(delta_e2000(lab("E07B00"), lab("FD9D24")) < min_delta_e);
  BOOST_TEST(std::abs(contrast_with_white("FFFFFF") - 1) < 1e-9);
  BOOST_TEST(std::abs(contrast_with_white("000000") - 21) < 1e-9);
}

BOOST_AUTO_TEST_CASE(repository_theme_colours_stand_apart_from_every_sdg) {
  const auto& r = repository();
  BOOST_TEST_REQUIRE(r.themes.size() == 4u);
  for (const auto& t : r.themes) {
    BOOST_TEST_REQUIRE(!t.color.empty(), t.id);
    check_against_sdgs("theme.yaml", t.id, t.color);
  }
  const auto accent = r.theme.color("accent");
  BOOST_TEST_REQUIRE(accent.has_value());
  check_against_sdgs("theme.yaml", "accent", *accent);
  // And from each other: four themes a visitor can tell apart.
  for (std::size_t i = 0; i < r.themes.size(); ++i) {
    for (std::size_t j = i + 1; j < r.themes.size(); ++j) {
      BOOST_TEST(delta_e2000(lab(r.themes[i].color), lab(r.themes[j].color)) >= min_delta_e,
                 r.themes[i].id << " and " << r.themes[j].id);
    }
  }
}

BOOST_AUTO_TEST_CASE(starter_theme_colours_stand_apart_from_every_sdg) {
  for (const char* lang : {"nl", "en"}) {
    const fs::path theme = test::source_dir() / "starter" / lang / "theme.yaml";
    const auto colours = colours_in(theme);
    BOOST_TEST_REQUIRE(colours.size() == 9u, theme);
    for (const auto& [name, hex] : colours) {
      if (name == "primary" || name == "text" || name == "background" || name == "muted") continue;
      check_against_sdgs(theme.string(), name, hex);
    }
  }
}

// `impactkit validate` warns at the colour in theme.yaml, naming the SDG,
// and only for the colour that breaks the rule.
BOOST_AUTO_TEST_CASE(validate_warns_at_a_theme_colour_that_reads_as_an_sdg) {
  test::TempDir root;
  const fs::path src = test::source_dir();
  for (const char* f : {"theme.yaml", "sdgs.yaml", "roadshow.yaml"}) fs::copy_file(src / f, root.path() / f);
  for (const char* d : {"cases", "locales"}) fs::copy(src / d, root.path() / d, fs::copy_options::recursive);
  const fs::path theme = root.path() / "theme.yaml";
  test::replace_in(theme, "energietransitie: {rgb: \"B04E00\"", "energietransitie: {rgb: \"E07B00\"");
  const int line = test::line_of(theme, "energietransitie: {rgb: \"E07B00\"");
  const auto result = test::run_impactkit({"validate", "-C", root.path().string()});
  BOOST_TEST(result.exit_code == 0, result.err);
  // At the hex digits: `  energietransitie: {rgb: "E07B00"`, column 27.
  BOOST_TEST(result.err.find(fmt::format("theme.yaml:{}:27: warning: theme colour 'energietransitie' #E07B00 is "
                                         "ΔE2000 9.7 from SDG 11's #FD9D24",
                                         line)) != std::string::npos,
             result.err);
  BOOST_TEST(result.err.find("ΔE2000", result.err.find("ΔE2000") + 1) != std::string::npos);  // expected: names it too
  BOOST_TEST(result.err.find("'circulariteit'") == std::string::npos);
  const auto clean = test::run_impactkit({"validate", "-C", src.string()});
  BOOST_TEST(clean.err.find("from SDG") == std::string::npos, clean.err);
}

BOOST_AUTO_TEST_SUITE_END()
