// The confrontation wheel as the laser shop and the printer get it: the
// disc is measured in the written SVG (sector angles from the scored lines,
// peg and hub holes, labels inside their wedges), the printed face in its
// PDF (page boxes, and the hub and peg marks drawn in it), and wheels of
// other sizes are built from roadshows written for the test.

#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <numbers>
#include <regex>  // page boxes and word boxes only: short lines
#include <sstream>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

constexpr double kerf_mm = 0.2;  // the repository's exhibit.kerf_mm
constexpr double pi = std::numbers::pi;

struct Pt {
  double x = 0, y = 0;
};
struct Circ {
  Pt c;
  double r = 0;
};

std::string layer(const std::string& svg, const std::string& id) {
  const auto start = svg.find("<g id=\"" + id + "\"");
  if (start == std::string::npos) return {};
  return svg.substr(start, svg.find("</g>", start) - start);
}

// The value of attribute `name` in the element starting at `at` (std::regex
// recurses per character and overflows the stack on long path data).
std::string attribute(const std::string& text, std::size_t at, const std::string& name) {
  const auto close = text.find('>', at);
  const auto found = text.find(" " + name + "=\"", at);
  if (found == std::string::npos || found > close) return {};
  const auto begin = found + name.size() + 3;
  return text.substr(begin, text.find('"', begin) - begin);
}

std::vector<Circ> circles(const std::string& group) {
  std::vector<Circ> out;
  for (auto at = group.find("<circle "); at != std::string::npos; at = group.find("<circle ", at + 1)) {
    out.push_back({{std::stod(attribute(group, at, "cx")), std::stod(attribute(group, at, "cy"))},
                   std::stod(attribute(group, at, "r"))});
  }
  return out;
}

// Every subpath of every <path d="..."> (M, L, C and Z, absolute) as its points.
std::vector<std::vector<Pt>> subpaths(const std::string& group) {
  std::vector<std::vector<Pt>> out;
  for (auto at = group.find("<path "); at != std::string::npos; at = group.find("<path ", at + 1)) {
    const std::string d = attribute(group, at, "d");
    std::vector<double> numbers;
    const auto flush = [&] {
      if (!out.empty()) {
        for (std::size_t i = 0; i + 1 < numbers.size(); i += 2) out.back().push_back({numbers[i], numbers[i + 1]});
      }
      numbers.clear();
    };
    std::size_t i = 0;
    while (i < d.size()) {
      const char c = d[i];
      if (c == 'M') {
        flush();
        out.emplace_back();
        ++i;
      } else if (c == 'L' || c == 'C' || c == 'Z') {
        flush();
        ++i;
      } else if (c == ' ' || c == ',' || c == '\n') {
        ++i;
      } else {
        std::size_t used = 0;
        numbers.push_back(std::stod(d.substr(i, 32), &used));
        i += std::max<std::size_t>(used, 1);
      }
    }
    flush();
  }
  return out;
}

// Degrees clockwise from 12 o'clock of `p` seen from `c` (y down), 0..360.
double bearing_deg(Pt c, Pt p) {
  double a = std::atan2(p.x - c.x, -(p.y - c.y)) * 180 / pi;
  if (a < 0) a += 360;
  return a;
}
double distance(Pt a, Pt b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}
// The smallest difference of two bearings, in degrees.
double angle_between(double a, double b) {
  const double d = std::fmod(std::abs(a - b), 360.0);
  return std::min(d, 360 - d);
}

// What one SVG sheet says about the disc on it.
struct Disc {
  bool found = false;
  Circ outline;
  std::vector<Circ> holes;                // inside the disc
  std::vector<std::vector<Pt>> scores;    // inside the disc
  std::vector<std::vector<Pt>> engraved;  // inside the disc
};

Disc find_disc(const std::string& svg, double radius_mm) {
  Disc d;
  const auto cut = circles(layer(svg, "cut"));
  for (const auto& c : cut) {
    if (std::abs(c.r - (radius_mm + kerf_mm / 2)) < 0.001) {
      d.found = true;
      d.outline = c;
    }
  }
  if (!d.found) return d;
  const auto inside = [&](Pt p) { return distance(p, d.outline.c) < d.outline.r; };
  for (const auto& c : cut) {
    if (c.r < d.outline.r - 1 && inside(c.c)) d.holes.push_back(c);
  }
  for (auto& s : subpaths(layer(svg, "score"))) {
    if (std::all_of(s.begin(), s.end(), inside)) d.scores.push_back(std::move(s));
  }
  for (auto& e : subpaths(layer(svg, "engrave"))) {
    if (std::all_of(e.begin(), e.end(), inside)) d.engraved.push_back(std::move(e));
  }
  return d;
}

struct Build {
  test::TempDir out;
  fs::path dir;
  test::Result result;
  Disc disc;
  std::vector<std::string> sheets;  // SVG text of every sheet
  nlohmann::json report;
};

void run_build(Build& b, const fs::path& root, double radius_mm) {
  b.result = test::run_impactkit(
      {"build", "-q", "--only", "wheel", "--preview-dpi", "0", "-o", b.out.path().string(), "-C", root.string()});
  b.dir = b.out.path() / "wheel";
  if (b.result.exit_code != 0) return;
  b.report = nlohmann::json::parse(read_file(b.dir / "wheel-report.json").value());
  for (std::size_t i = 1; fs::exists(b.dir / fmt::format("wheel-{}.svg", i)); ++i) {
    b.sheets.push_back(read_file(b.dir / fmt::format("wheel-{}.svg", i)).value());
    Disc d = find_disc(b.sheets.back(), radius_mm);
    if (d.found) b.disc = std::move(d);
  }
}

const Build& repository_wheel() {
  static Build b;
  static bool done = false;
  if (!done) {
    run_build(b, test::source_dir(), 280);
    done = true;
  }
  return b;
}

// A copy of the repository's content root whose wheel has `n` sectors (the
// repository's six, repeated), at `diameter_mm`, its volvelle on `volvelle`.
void write_root(const fs::path& root, int n, double diameter_mm = 560, const std::string& volvelle = "A4") {
  const fs::path src = test::source_dir();
  for (const char* f : {"theme.yaml", "sdgs.yaml"}) fs::copy_file(src / f, root / f);
  for (const char* d : {"cases", "locales"}) fs::copy(src / d, root / d, fs::copy_options::recursive);
  const std::string yaml = read_file(src / "roadshow.yaml").value();
  const auto at = yaml.find("\nwheel:");
  std::string wheel = fmt::format("\nwheel:\n  diameter_mm: {}\n  volvelle: {}\n  sectors:\n", diameter_mm, volvelle);
  const char* ids[] = {"warmtepomp-staphorst", "koele-velden-warme-douches", "zero-emissie-bussen",
                       "regionale-catering",   "natura2000-onderhoud",       "hergebruik-brugonderdelen"};
  const char* colours[] = {"energietransitie", "primary", "inclusiviteit", "circulariteit", "accent", "biodiversiteit"};
  for (int i = 0; i < n; ++i) {
    wheel += fmt::format(
        "    - {{label: Sector {}, case: {}, colour: {}, too_little: Te weinig gedaan., with_impact: Meer bereikt.}}\n",
        i + 1, ids[i % 6], colours[i % 6]);
  }
  std::ofstream(root / "roadshow.yaml") << yaml.substr(0, at) << wheel;
}

// The line (1-based) of the first line of `file` that starts with `prefix`.
int line_of(const fs::path& file, const std::string& prefix) {
  // Not test::read_lines: it leaves out empty lines.
  std::ifstream in(file);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.rfind(prefix, 0) == 0) return n;
  }
  return 0;
}

// The sector angles of a disc: the bearing of each scored boundary, sorted.
std::vector<double> boundary_bearings(const Disc& d) {
  std::vector<double> out;
  for (const auto& s : d.scores) {
    // A radial line: its far end gives its bearing from the centre.
    const Pt far = distance(s.front(), d.outline.c) > distance(s.back(), d.outline.c) ? s.front() : s.back();
    out.push_back(bearing_deg(d.outline.c, far));
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_sector_angles(const Disc& d, int n) {
  BOOST_TEST_REQUIRE(d.found);
  const auto bearings = boundary_bearings(d);
  BOOST_TEST_REQUIRE(bearings.size() == static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < bearings.size(); ++i) {
    const double next = i + 1 < bearings.size() ? bearings[i + 1] : bearings[0] + 360;
    BOOST_TEST(std::abs(next - bearings[i] - 360.0 / n) < 0.01, "sector " << i + 1 << " spans " << next - bearings[i]);
  }
  // Every score line is radial: both its ends lie on the same bearing.
  for (const auto& s : d.scores) {
    BOOST_TEST(angle_between(bearing_deg(d.outline.c, s.front()), bearing_deg(d.outline.c, s.back())) < 0.01);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(wheel_build_writes_sheets_report_face_and_volvelle) {
  const auto& b = repository_wheel();
  BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
  BOOST_TEST(!b.sheets.empty());
  for (const char* f : {"wheel-1.dxf", "wheel-report.txt", "face.pdf", "volvelle-A4.pdf"}) {
    BOOST_TEST(fs::exists(b.dir / f), f);
  }
  BOOST_TEST(
      test::run_shell(fmt::format("pdfinfo '{}' | grep Pages", (b.dir / "volvelle-A4.pdf").string())).find('2') !=
      std::string::npos);
}

BOOST_AUTO_TEST_CASE(sector_angles_are_equal_in_the_scored_lines) {
  check_sector_angles(repository_wheel().disc, 6);
}

BOOST_AUTO_TEST_CASE(one_peg_hole_per_boundary_all_at_one_radius) {
  const Disc& d = repository_wheel().disc;
  BOOST_TEST_REQUIRE(d.found);
  const auto bearings = boundary_bearings(d);
  std::vector<Circ> pegs;
  for (const auto& h : d.holes) {
    if (distance(h.c, d.outline.c) > 20) pegs.push_back(h);
  }
  BOOST_TEST_REQUIRE(pegs.size() == bearings.size());
  const double radius = distance(pegs.front().c, d.outline.c);
  BOOST_TEST(radius > d.outline.r - 30);  // near the rim
  for (const auto& p : pegs) {
    BOOST_TEST(std::abs(distance(p.c, d.outline.c) - radius) < 0.01);
    BOOST_TEST(std::abs(2 * p.r - (6 - kerf_mm)) < 0.001);  // a 6 mm dowel
    // On a boundary, and one per boundary.
    const auto on = std::count_if(bearings.begin(), bearings.end(),
                                  [&](double a) { return angle_between(a, bearing_deg(d.outline.c, p.c)) < 0.01; });
    BOOST_TEST(on == 1);
  }
}

BOOST_AUTO_TEST_CASE(hub_hole_is_a_608_press_fit_after_kerf) {
  const Disc& d = repository_wheel().disc;
  BOOST_TEST_REQUIRE(d.found);
  const auto hub =
      std::find_if(d.holes.begin(), d.holes.end(), [&](const Circ& h) { return distance(h.c, d.outline.c) < 0.001; });
  BOOST_TEST_REQUIRE((hub != d.holes.end()));
  BOOST_TEST(std::abs(2 * hub->r - (22 - kerf_mm)) < 0.001);
}

BOOST_AUTO_TEST_CASE(every_label_lies_inside_its_wedge) {
  const Disc& d = repository_wheel().disc;
  BOOST_TEST_REQUIRE(d.found);
  const auto bearings = boundary_bearings(d);
  BOOST_TEST_REQUIRE(!d.engraved.empty());
  std::vector<int> glyphs_per_sector(bearings.size(), 0);
  for (const auto& contour : d.engraved) {
    // The wedge of its first point; every point must be in the same wedge,
    // clear of both its boundaries (a polygon inside a convex wedge).
    const auto wedge_of = [&](Pt p) {
      const double a = bearing_deg(d.outline.c, p);
      for (std::size_t k = 0; k < bearings.size(); ++k) {
        const double from = bearings[k];
        const double to = k + 1 < bearings.size() ? bearings[k + 1] : bearings[0] + 360;
        if ((a >= from && a < to) || (a + 360 >= from && a + 360 < to)) return static_cast<int>(k);
      }
      return -1;
    };
    const int k = wedge_of(contour.front());
    BOOST_TEST_REQUIRE(k >= 0);
    ++glyphs_per_sector[static_cast<std::size_t>(k)];
    const double from = bearings[static_cast<std::size_t>(k)] * pi / 180;
    const double to = bearings[(static_cast<std::size_t>(k) + 1) % bearings.size()] * pi / 180;
    for (const auto& p : contour) {
      BOOST_TEST(wedge_of(p) == k);
      // Perpendicular distance from each boundary line, on the inner side.
      const double dx = p.x - d.outline.c.x;
      const double dy = p.y - d.outline.c.y;
      const double from_side = dx * std::cos(from) + dy * std::sin(from);
      const double to_side = -(dx * std::cos(to) + dy * std::sin(to));
      BOOST_TEST(from_side > 1.0);
      BOOST_TEST(to_side > 1.0);
    }
  }
  for (const int n : glyphs_per_sector) BOOST_TEST(n > 0);  // every sector has its label
}

BOOST_AUTO_TEST_CASE(every_part_lies_on_its_sheet) {
  const auto& b = repository_wheel();
  BOOST_TEST(b.report["unplaced"].empty());
  for (const auto& svg : b.sheets) {
    for (const char* id : {"engrave", "score", "cut"}) {
      for (const auto& s : subpaths(layer(svg, id))) {
        for (const auto& p : s) BOOST_TEST((p.x >= 0 && p.x <= 1200 && p.y >= 0 && p.y <= 600));
      }
      for (const auto& c : circles(layer(svg, id))) {
        BOOST_TEST((c.c.x - c.r >= 0 && c.c.x + c.r <= 1200 && c.c.y - c.r >= 0 && c.c.y + c.r <= 600));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(printed_face_and_disc_share_centre_and_radius) {
  const auto& b = repository_wheel();
  const Disc& d = b.disc;
  BOOST_TEST_REQUIRE(d.found);
  const fs::path pdf = b.dir / "face.pdf";
  // Page boxes in pt (PDF: y up).
  const std::string boxes = test::run_shell(fmt::format("pdfinfo -box '{}'", pdf.string()));
  const auto box = [&](const std::string& name) {
    std::smatch m;
    const std::regex re(name + R"re(:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+))re");
    BOOST_TEST_REQUIRE(std::regex_search(boxes, m, re));
    return std::array<double, 4>{std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
  };
  const auto media = box("MediaBox");
  const auto trim = box("TrimBox");
  const double mm = 25.4 / 72;
  const double trim_w = (trim[2] - trim[0]) * mm;
  const double trim_h = (trim[3] - trim[1]) * mm;
  // The face is round on a square trim: its radius is half the trim.
  BOOST_TEST(std::abs(trim_w - trim_h) < 0.01);
  BOOST_TEST(std::abs(trim_w / 2 - (d.outline.r - kerf_mm / 2)) < 0.1);
  // The marks drawn on the face: Poppler's SVG keeps the PDF's path data in
  // its user space (pt, y down from the media box's top); it adds a
  // per-path scale to round the page to whole points, which is ignored.
  const fs::path svg = b.out.path() / "face.svg";
  test::run_shell(fmt::format("pdftocairo -svg '{}' '{}'", pdf.string(), svg.string()));
  const std::string drawn = read_file(svg).value();
  std::vector<Circ> marks;  // closed curves: bounding box centre and half its width, in mm from the trim's corner
  for (const auto& s : subpaths(drawn)) {
    if (s.size() < 8) continue;
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const auto& p : s) {
      x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    }
    if (std::abs((x1 - x0) - (y1 - y0)) > 0.05) continue;  // not a circle
    const double trim_top = media[3] - trim[3];
    marks.push_back({{((x0 + x1) / 2 - trim[0]) * mm, ((y0 + y1) / 2 - trim_top) * mm}, (x1 - x0) / 2 * mm});
  }
  // Centre: the hub mark, the bearing's circle (22 mm).
  const auto hub = std::find_if(marks.begin(), marks.end(), [](const Circ& c) { return std::abs(c.r - 11) < 0.05; });
  BOOST_TEST_REQUIRE((hub != marks.end()));
  BOOST_TEST(std::abs(hub->c.x - trim_w / 2) < 0.1);
  BOOST_TEST(std::abs(hub->c.y - trim_h / 2) < 0.1);
  // The peg marks lie where the disc's peg holes are.
  double peg_radius = 0;
  for (const auto& h : d.holes) {
    if (distance(h.c, d.outline.c) > 20) peg_radius = distance(h.c, d.outline.c);
  }
  int pegs = 0;
  for (const auto& m : marks) {
    if (std::abs(m.r - 3) < 0.3) {
      ++pegs;
      BOOST_TEST(std::abs(distance(m.c, hub->c) - peg_radius) < 0.1);
    }
  }
  BOOST_TEST(pegs == 6);
}

BOOST_AUTO_TEST_CASE(wheels_of_5_8_and_12_sectors_build) {
  for (const int n : {5, 8, 12}) {
    BOOST_TEST_CONTEXT(n << " sectors") {
      test::TempDir root;
      write_root(root.path(), n, 560, n > 8 ? "A3" : "A4");
      Build b;
      run_build(b, root.path(), 280);
      BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
      check_sector_angles(b.disc, n);
    }
  }
}

// The volvelle's base sets each sector's texts as text (searchable, its
// fonts embedded), turned into the sector's own wedge.
BOOST_AUTO_TEST_CASE(volvelle_texts_are_text_turned_into_their_wedges) {
  constexpr int n = 5;
  test::TempDir root;
  write_root(root.path(), n);
  Build b;
  run_build(b, root.path(), 280);
  BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
  const std::string pdf = (b.dir / "volvelle-A4.pdf").string();
  // Poppler breaks turned lines apart; the letters keep their order.
  std::string raw = test::run_shell(fmt::format("pdftotext -raw -f 1 -l 1 '{}' -", pdf));
  std::erase_if(raw, [](unsigned char c) { return std::isspace(c) != 0; });
  const auto count = [&](const std::string& what) {
    std::size_t found = 0;
    for (auto at = raw.find(what); at != std::string::npos; at = raw.find(what, at + 1)) ++found;
    return found;
  };
  BOOST_TEST(count("Teweiniggedaan.") == static_cast<std::size_t>(n), raw);
  BOOST_TEST(count("Meerbereikt.") == static_cast<std::size_t>(n), raw);
  const std::string fonts = test::run_shell(fmt::format("pdffonts '{}'", pdf));
  BOOST_TEST(fonts.find("Inter") != std::string::npos, fonts);
  BOOST_TEST(fonts.find(" no ") == std::string::npos, fonts);  // every font embedded and subset
  // The number of label "Sector k" lies in wedge k (clockwise from 12
  // o'clock), seen from the page's centre.
  const std::string words = test::run_shell(fmt::format("pdftotext -bbox -f 1 -l 1 '{}' -", pdf));
  const std::regex word(R"re(xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(\d)</word>)re");
  const double cx = 595.276 / 2;
  const double cy = 841.89 / 2;
  int numbers = 0;
  for (auto it = std::sregex_iterator(words.begin(), words.end(), word); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    const double x = (std::stod(m[1]) + std::stod(m[3])) / 2 - cx;
    const double y = (std::stod(m[2]) + std::stod(m[4])) / 2 - cy;
    const double bearing = std::fmod(std::atan2(x, -y) * 180 / std::numbers::pi + 360, 360);
    const int k = std::stoi(m[5]);
    BOOST_TEST(bearing > (k - 1) * 360.0 / n, "Sector " << k << " at " << bearing);
    BOOST_TEST(bearing < k * 360.0 / n, "Sector " << k << " at " << bearing);
    ++numbers;
  }
  BOOST_TEST(numbers == n, words);
}

BOOST_AUTO_TEST_CASE(one_sector_and_a_hundred_are_errors_at_their_line) {
  for (const int n : {1, 100}) {
    BOOST_TEST_CONTEXT(n << " sectors") {
      test::TempDir root;
      write_root(root.path(), n);
      const auto r = test::run_impactkit({"validate", "-C", root.path().string()});
      BOOST_TEST(r.exit_code == 2);
      const int line = line_of(root.path() / "roadshow.yaml", "    - {label: Sector 1,");
      BOOST_TEST(r.err.find(fmt::format("roadshow.yaml:{}:", line)) != std::string::npos, r.err);
      BOOST_TEST(r.err.find(fmt::format("a wheel of {} sector", n)) != std::string::npos, r.err);
      BOOST_TEST(r.err.find("from 2 to 24 sectors") != std::string::npos, r.err);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_disc_larger_than_the_sheet_is_an_error_at_its_diameter) {
  test::TempDir root;
  write_root(root.path(), 6, 600);
  Build b;
  run_build(b, root.path(), 300);
  BOOST_TEST(b.result.exit_code == 2);
  const int line = line_of(root.path() / "roadshow.yaml", "  diameter_mm:");
  BOOST_TEST(b.result.err.find(fmt::format("roadshow.yaml:{}:", line)) != std::string::npos, b.result.err);
  BOOST_TEST(b.result.err.find("does not fit the 1200 x 600 mm sheet") != std::string::npos, b.result.err);
  BOOST_TEST(!fs::exists(b.dir));  // nothing written
}

BOOST_AUTO_TEST_CASE(an_unknown_case_in_a_sector_gets_a_suggestion) {
  test::TempDir root;
  write_root(root.path(), 5);
  std::string yaml = read_file(root.path() / "roadshow.yaml").value();
  yaml.replace(yaml.find("case: zero-emissie-bussen"), 25, "case: zero-emisie-bussen");
  std::ofstream(root.path() / "roadshow.yaml") << yaml;
  const auto r = test::run_impactkit({"validate", "-C", root.path().string()});
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("did you mean 'zero-emissie-bussen'?") != std::string::npos, r.err);
}
