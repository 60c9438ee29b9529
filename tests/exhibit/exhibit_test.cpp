// The flat-pack exhibit as the laser shop and the people who assemble it
// get it: the sheets' SVG and DXF, the cut report, the assembly sheet; and
// errors for panels, posters and materials that do not fit, at their line.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/products/exhibit.hpp>

#include "exhibit/roadshow_copy.hpp"
#include "support.hpp"

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

struct Built {
  test::TempDir out;
  fs::path dir;
  nlohmann::json report;
  content::Roadshow roadshow;

  Built() {
    const auto r = test::run_impactkit(
        {"build", "-q", "--only", "laser", "-o", out.path().string(), "-C", test::source_dir().string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    dir = out.path() / "laser";
    report = nlohmann::json::parse(read_file(dir / "exhibit-report.json").value());
    Diagnostics d;
    roadshow = content::load_roadshow(test::source_dir(), d);
  }
};

const Built& built() {
  static const Built b;
  return b;
}

// The radii of the circles in one layer (<g id="LAYER">) of an SVG.
std::vector<double> circle_radii(const std::string& svg, const std::string& layer) {
  const auto start = svg.find("<g id=\"" + layer + "\"");
  if (start == std::string::npos) return {};
  const auto end = svg.find("</g>", start);
  const std::string group = svg.substr(start, end - start);
  std::vector<double> radii;
  const std::regex circle(R"re(<circle [^>]*r="([\d.]+)")re");
  for (auto it = std::sregex_iterator(group.begin(), group.end(), circle); it != std::sregex_iterator(); ++it) {
    radii.push_back(std::stod((*it)[1]));
  }
  return radii;
}

std::size_t count_near(const std::vector<double>& values, double target) {
  return static_cast<std::size_t>(
      std::count_if(values.begin(), values.end(), [&](double v) { return std::abs(v - target) < 0.0005; }));
}

}  // namespace

BOOST_AUTO_TEST_CASE(laser_build_writes_sheets_dxfs_report_and_assembly_sheet) {
  const auto& b = built();
  const std::size_t sheets = b.report["sheets"].size();
  BOOST_TEST(sheets >= 2u);
  for (std::size_t i = 1; i <= sheets; ++i) {
    BOOST_TEST(fs::exists(b.dir / fmt::format("exhibit-{}.svg", i)));
    BOOST_TEST(fs::exists(b.dir / fmt::format("exhibit-{}.dxf", i)));
  }
  BOOST_TEST(!fs::exists(b.dir / fmt::format("exhibit-{}.svg", sheets + 1)));
  BOOST_TEST(fs::exists(b.dir / "exhibit-report.txt"));
  BOOST_TEST(b.report["unplaced"].empty());
  BOOST_TEST(b.report["laser_s"].get<double>() > 0);  // the material has speeds in the shop profile
}

// The fit-test coupon is cut by default, first: a shop checks the kerf,
// the clearance and the bearing's fit on it before it cuts the rest.
BOOST_AUTO_TEST_CASE(the_fit_test_coupon_is_on_the_first_sheet) {
  const auto& b = built();
  BOOST_TEST_REQUIRE(!b.report["sheets"].empty());
  std::size_t coupons = 0;
  for (const auto& sheet : b.report["sheets"])
    for (const auto& part : sheet["parts"]) coupons += part.get<std::string>() == "proefstrook" ? 1 : 0;
  BOOST_TEST(coupons == 1U);
  const auto& first = b.report["sheets"][0]["parts"];
  BOOST_TEST(std::any_of(first.begin(), first.end(),
                         [](const auto& p) { return p.template get<std::string>() == "proefstrook"; }),
             first.dump());
}

BOOST_AUTO_TEST_CASE(every_panel_has_poster_holes_at_their_drawn_size_after_kerf) {
  const auto& b = built();
  const double kerf = b.roadshow.exhibit.kerf_mm;
  std::vector<double> radii;
  std::size_t engraved_sheets = 0;
  for (std::size_t i = 1; i <= b.report["sheets"].size(); ++i) {
    const std::string svg = read_file(b.dir / fmt::format("exhibit-{}.svg", i)).value();
    const auto r = circle_radii(svg, "cut");
    radii.insert(radii.end(), r.begin(), r.end());
    const auto engrave = svg.find("<g id=\"engrave\"");
    if (engrave != std::string::npos && svg.find("<path", engrave) < svg.find("</g>", engrave)) ++engraved_sheets;
  }
  const std::size_t panels = b.roadshow.cases.size() + 1;
  // 5 mm poster holes, four per panel; M4 bolt holes (4.5 mm) for the splices and the shelf.
  BOOST_TEST(count_near(radii, (5 - kerf) / 2) == 4 * panels);
  BOOST_TEST(count_near(radii, (4.5 - kerf) / 2) >= 6 * panels);
  // Every panel's back is engraved, on the sheets that carry its top tile.
  BOOST_TEST(engraved_sheets >= 1u);
}

BOOST_AUTO_TEST_CASE(assembly_sheet_has_a_page_per_panel_with_its_title) {
  const auto& b = built();
  const fs::path pdf = b.dir / "assembly.pdf";
  const std::string info = test::run_shell("pdfinfo '" + pdf.string() + "'");
  std::smatch pages;
  BOOST_TEST_REQUIRE(std::regex_search(info, pages, std::regex(R"(Pages:\s+(\d+))")));
  // What you need; the panels, the deck box, the collection box and the fit-test coupon.
  BOOST_TEST(std::stoul(pages[1]) == 1 + b.roadshow.cases.size() + 4);
  std::string text = test::run_shell("pdftotext '" + pdf.string() + "' -");
  text.erase(
      std::remove_if(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
      text.end());
  for (const auto& c : b.roadshow.cases) {
    std::string title = c.title.get();
    title.erase(std::remove_if(title.begin(), title.end(),
                               [](char ch) { return std::isspace(static_cast<unsigned char>(ch)); }),
                title.end());
    BOOST_TEST(text.find(title) != std::string::npos, title);
  }
  // The steps come from the roadshow's locale (Dutch here).
  BOOST_TEST(text.find("T-sleuven") != std::string::npos);
  BOOST_TEST(text.find("voet1envoet2") != std::string::npos);
  BOOST_TEST(text.find("Kaartendoos") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(parts_of_a_panel_in_tiles_when_it_is_longer_than_the_sheet) {
  Diagnostics d;
  auto roadshow = content::load_roadshow(test::source_dir(), d);
  const auto panels = products::exhibit_parts(roadshow, false, d);
  BOOST_TEST_REQUIRE(!d.has_errors());
  const auto& intro = panels.front();
  // 1780 mm on a 1200 mm sheet: two tiles and one splice plate; two feet, a shelf and its two gussets.
  std::vector<std::string> labels;
  for (const auto& p : intro.parts) labels.push_back(p.label);
  // Named by the roadshow's locale (Dutch).
  BOOST_TEST((labels == std::vector<std::string>{"intro 1/2", "intro verbindingsplaat 1", "intro 2/2", "intro voet 1",
                                                 "intro voet 2", "intro plank", "intro steun 1", "intro steun 2",
                                                 "intro vragenmuur kam", "intro vragenmuur lat"}));
  double height = 0;
  for (const auto& p : intro.parts) {
    if (p.label.find('/') != std::string::npos) height += fab::bounds(p).height_mm();
  }
  BOOST_TEST(std::abs(height - roadshow.exhibit.panel_height_mm) < 0.01);
  // A panel that fits the sheet is one tile without splice. (A shorter
  // panel no longer has room for the wall of questions between poster and
  // shelf: collection_box_test.cpp.)
  auto large_sheets = roadshow;
  large_sheets.exhibit.sheet_width_mm = 2500;
  large_sheets.exhibit.sheet_height_mm = 1250;
  const auto one_tile = products::exhibit_parts(large_sheets, false, d);
  BOOST_TEST_REQUIRE(!one_tile.empty());
  BOOST_TEST(one_tile.front().parts.front().label == "intro");
  // The deck box holds the deck: inner size = card + clearance.
  const auto box = std::find_if(panels.begin(), panels.end(), [](const auto& p) { return p.id == "deck-box"; });
  BOOST_TEST_REQUIRE((box != panels.end()));
  BOOST_TEST(box->parts.size() == 5u);         // open at the top
  BOOST_TEST(panels.back().id == "fit-test");  // on by default
}

namespace {

test::Result build_laser(const fs::path& root, const test::TempDir& out) {
  return test::run_impactkit({"build", "--only", "laser", "-o", out.path().string(), "-C", root.string()});
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_panel_wider_than_the_sheet_is_an_error_at_its_line) {
  test::TempDir dir;
  const auto root =
      test::root_with(dir, "  kerf_mm: 0.2\n", "  kerf_mm: 0.2\n  panel: {width_mm: 1300, height_mm: 1800}\n");
  test::TempDir out;
  const auto r = build_laser(root, out);
  BOOST_TEST(r.exit_code == 2, r.err);
  const int line = test::line_of(root / "roadshow.yaml", "panel: {width_mm: 1300");
  BOOST_TEST(r.err.find(fmt::format("roadshow.yaml:{}:", line)) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("a panel 1300 mm wide does not fit the 1200 x 600 mm sheet") != std::string::npos, r.err);
  BOOST_TEST(!fs::exists(out.path() / "laser"));
}

BOOST_AUTO_TEST_CASE(a_poster_larger_than_its_panel_is_an_error) {
  test::TempDir dir;
  const auto root = test::root_with(dir, "  kerf_mm: 0.2\n", "  kerf_mm: 0.2\n  poster_size: A1\n");
  test::TempDir out;
  const auto r = build_laser(root, out);
  BOOST_TEST(r.exit_code == 2, r.err);
  BOOST_TEST(r.err.find("an A1 poster (594 x 841 mm) with its mounting holes does not fit a 580 x 1780 mm panel") !=
                 std::string::npos,
             r.err);
}

BOOST_AUTO_TEST_CASE(an_unknown_laser_material_is_an_error_with_a_suggestion) {
  test::TempDir dir;
  const auto root = test::root_with(dir, "    laser: birch-plywood-6\n", "    laser: birch-plywod-6\n");
  test::TempDir out;
  const auto r = build_laser(root, out);
  BOOST_TEST(r.exit_code == 2, r.err);
  const int line = test::line_of(root / "roadshow.yaml", "laser: birch-plywod-6");
  BOOST_TEST(r.err.find(fmt::format("roadshow.yaml:{}:", line)) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("did you mean 'birch-plywood-6'?") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(a_kerf_of_half_the_thickness_is_an_error) {
  test::TempDir dir;
  const auto root = test::root_with(dir, "  kerf_mm: 0.2\n", "  kerf_mm: 1.9\n  clearance_mm: 0.1\n");
  // 1.9 mm is within the loader's range, but not below half of a 3 mm sheet.
  std::string text = read_file(root / "roadshow.yaml").value();
  text.replace(text.find("    thickness_mm: 6\n    measured_thickness_mm: 6\n"),
               std::string("    thickness_mm: 6\n    measured_thickness_mm: 6\n").size(),
               "    thickness_mm: 3\n    measured_thickness_mm: 3\n");
  write_file_atomically(root / "roadshow.yaml", text);
  test::TempDir out;
  const auto r = build_laser(root, out);
  BOOST_TEST(r.exit_code == 2, r.err);
  const int line = test::line_of(root / "roadshow.yaml", "kerf_mm: 1.9");
  BOOST_TEST(r.err.find(fmt::format("roadshow.yaml:{}:", line)) != std::string::npos, r.err);
  BOOST_TEST(!fs::exists(out.path() / "laser"));
}
