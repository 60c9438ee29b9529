// The wheel's sector colours as printed: the face PDF is rasterised by
// Poppler (pdftoppm) and each sector's pixel, on its bisector between the
// hub mark and the label, is compared with its case theme's colour from
// theme.yaml, or the documented shade where a neighbour shares the theme
// (roadshow.yaml: every second sector of a run, 30 % black).

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

constexpr double dpi = 20;
constexpr double sample_fraction = 0.22;  // of the radius: past the hub mark, short of the labels (0.32)

using Rgb = std::array<int, 3>;

Rgb hex_rgb(const std::string& hex) {
  return {std::stoi(hex.substr(0, 2), nullptr, 16), std::stoi(hex.substr(2, 2), nullptr, 16),
          std::stoi(hex.substr(4, 2), nullptr, 16)};
}

Rgb shaded(const Rgb& c, double black) {
  Rgb out{};
  for (std::size_t i = 0; i < 3; ++i) out[i] = static_cast<int>(std::lround(c[i] * (1 - black)));
  return out;
}

// A binary PPM (P6, maxval 255) as pdftoppm writes it.
struct Image {
  int width = 0, height = 0;
  std::string pixels;
  Rgb at(int x, int y) const {
    const auto i = 3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x));
    return {static_cast<unsigned char>(pixels[i]), static_cast<unsigned char>(pixels[i + 1]),
            static_cast<unsigned char>(pixels[i + 2])};
  }
};

Image rasterise(const fs::path& pdf, const fs::path& dir) {
  const fs::path stem = dir / "face";
  test::run_shell(fmt::format("timeout 60 pdftoppm -r {} -singlefile '{}' '{}'", dpi, pdf.string(), stem.string()));
  std::ifstream in(stem.string() + ".ppm", std::ios::binary);
  std::string magic;
  int maxval = 0;
  Image image;
  in >> magic >> image.width >> image.height >> maxval;
  in.get();  // the single whitespace before the pixels
  BOOST_TEST_REQUIRE(magic == "P6");
  BOOST_TEST_REQUIRE(maxval == 255);
  image.pixels.assign(std::istreambuf_iterator<char>(in), {});
  BOOST_TEST_REQUIRE(image.pixels.size() == 3u * static_cast<std::size_t>(image.width * image.height));
  return image;
}

// Each sector's colour in `image`, sampled on its bisector at `r_px` from
// (cx, cy), sector 1 first (clockwise from 12 o'clock).
std::vector<Rgb> sector_pixels(const Image& image, double cx, double cy, double r_px, std::size_t sectors) {
  std::vector<Rgb> colours;
  for (std::size_t k = 0; k < sectors; ++k) {
    const double a = (k + 0.5) * 360.0 / static_cast<double>(sectors) * std::numbers::pi / 180;
    colours.push_back(image.at(static_cast<int>(cx + r_px * std::sin(a)), static_cast<int>(cy - r_px * std::cos(a))));
  }
  return colours;
}

// Builds the wheel of the content root `root` into `out` and returns each
// sector's printed colour on the face, sector 1 first.
std::vector<Rgb> printed_sector_colours(const fs::path& root, std::size_t sectors, const fs::path& out) {
  const auto result = test::run_impactkit(
      {"build", "-q", "--only", "wheel", "--preview-dpi", "0", "-o", out.string(), "-C", root.string()});
  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  const Image image = rasterise(out / "wheel" / "face.pdf", out);
  // The page is the disc with an even bleed all round: its centre is the disc's.
  const double radius_px = (image.width - 2 * 3 / 25.4 * dpi) / 2;
  return sector_pixels(image, image.width / 2.0, image.height / 2.0, sample_fraction * radius_px, sectors);
}

std::vector<Rgb> printed_sector_colours(const fs::path& root, std::size_t sectors) {
  test::TempDir out;
  return printed_sector_colours(root, sectors, out.path());
}

bool near(const Rgb& a, const Rgb& b) {
  for (std::size_t i = 0; i < 3; ++i) {
    if (std::abs(a[i] - b[i]) > 2) return false;
  }
  return true;
}

std::string show(const Rgb& c) {
  return fmt::format("#{:02X}{:02X}{:02X}", c[0], c[1], c[2]);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wheel_colours)

BOOST_AUTO_TEST_CASE(each_sector_prints_its_case_themes_colour_or_its_shade) {
  Diagnostics diagnostics;
  const auto r = content::load_roadshow(test::source_dir(), diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.has_errors());
  const auto& sectors = r.wheel.sectors;
  BOOST_TEST_REQUIRE(sectors.size() >= 3u);
  // What each sector should be, from the cases and theme.yaml alone.
  std::vector<std::string> themes;
  for (const auto& s : sectors) themes.push_back(r.find_case(s.case_id)->theme);
  BOOST_TEST_REQUIRE(themes.front() != themes.back());  // the runs do not wrap round (true of the repository)
  std::vector<Rgb> expected;
  std::size_t in_run = 0;
  for (std::size_t k = 0; k < sectors.size(); ++k) {
    in_run = k > 0 && themes[k] == themes[k - 1] ? in_run + 1 : 0;
    const Rgb theme = hex_rgb(r.find_theme(themes[k])->color);
    expected.push_back(in_run % 2 == 1 ? shaded(theme, 0.30) : theme);
  }
  // The repository's wheel has neighbours of one theme: the shade is tested.
  BOOST_TEST(std::count_if(expected.begin(), expected.end(), [&](const Rgb& c) {
               return std::find_if(themes.begin(), themes.end(), [&](const std::string& t) {
                        return hex_rgb(r.find_theme(t)->color) == c;
                      }) == themes.end();
             }) >= 1);
  const auto printed = printed_sector_colours(test::source_dir(), sectors.size());
  for (std::size_t k = 0; k < sectors.size(); ++k) {
    BOOST_TEST(near(printed[k], expected[k]), "sector " << k + 1 << " (" << themes[k] << ") prints " << show(printed[k])
                                                        << ", not " << show(expected[k]));
    BOOST_TEST(!near(printed[k], printed[(k + 1) % sectors.size()]), "sectors " << k + 1 << " and its neighbour");
  }
}

BOOST_AUTO_TEST_CASE(a_sectors_own_colour_overrides_its_theme) {
  test::TempDir root;
  const fs::path src = test::source_dir();
  for (const char* f : {"theme.yaml", "sdgs.yaml", "roadshow.yaml"}) fs::copy_file(src / f, root.path() / f);
  for (const char* d : {"cases", "locales"}) fs::copy(src / d, root.path() / d, fs::copy_options::recursive);
  // The second sector, by default a shade of energietransitie.
  test::replace_in(root.path() / "roadshow.yaml", "      case: koele-velden-warme-douches\n",
                   "      case: koele-velden-warme-douches\n      colour: \"19486A\"\n");
  Diagnostics diagnostics;
  const auto r = content::load_roadshow(root.path(), diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.has_errors());
  const auto printed = printed_sector_colours(root.path(), r.wheel.sectors.size());
  BOOST_TEST(near(printed[1], hex_rgb("19486A")), show(printed[1]));
  // Its neighbours keep the theme's own colour: no run of one theme is left.
  const Rgb energy = hex_rgb(r.find_theme("energietransitie")->color);
  BOOST_TEST(near(printed[0], energy), show(printed[0]));
  BOOST_TEST(near(printed[2], energy), show(printed[2]));
}

// The paper volvelle's coloured rim (page 1, the base) shows each sector in
// the face's colour: one colour per case in the whole exhibit.
BOOST_AUTO_TEST_CASE(the_volvelles_rim_prints_the_faces_colours) {
  Diagnostics diagnostics;
  const auto r = content::load_roadshow(test::source_dir(), diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.has_errors());
  const std::size_t n = r.wheel.sectors.size();
  test::TempDir out;
  const auto face = printed_sector_colours(test::source_dir(), n, out.path());
  fs::create_directory(out.path() / "volvelle");
  const Image base = rasterise(out.path() / "wheel" / "volvelle-A4.pdf", out.path() / "volvelle");
  // The base disc is centred on the A4 page, 12 mm inside its short side;
  // its rim is the outer 9 % of the radius. Sampled half-way into the rim.
  const double px_per_mm = dpi / 25.4;
  const double base_r = 210.0 / 2 - 12;
  const auto rim = sector_pixels(base, base.width / 2.0, base.height / 2.0, 0.955 * base_r * px_per_mm, n);
  for (std::size_t k = 0; k < n; ++k) {
    BOOST_TEST(near(rim[k], face[k]),
               "sector " << k + 1 << ": the volvelle prints " << show(rim[k]) << ", the face " << show(face[k]));
  }
}

BOOST_AUTO_TEST_SUITE_END()
