// The laser step the exhibit and the wheel share: a job on the exhibit's
// sheets, its files named after it, the shop's materials checked, and a
// summary that agrees with its cut report.

#include <impactkit/products/laser_job.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

std::vector<fab::Part> plates(int count) {
  std::vector<fab::Part> parts;
  for (int i = 0; i < count; ++i) {
    fab::Part p;
    p.label = "plate " + std::to_string(i + 1);
    p.outline = fab::Contour::of(fab::rectangle(0, 0, 300, 200));
    parts.push_back(std::move(p));
  }
  return parts;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_laser_job_is_cut_from_its_material_on_the_exhibits_sheets) {
  content::ExhibitSettings exhibit;
  exhibit.sheet_width_mm = 1000;
  exhibit.sheet_height_mm = 500;
  exhibit.kerf_mm = 0.3;
  content::Material material;
  material.laser = "mdf-3";
  material.measured_thickness_mm = 3;
  const products::LaserJob job("sign", plates(2), material, exhibit);
  const fab::Job& j = job.job();
  BOOST_TEST(j.name == "sign");
  BOOST_TEST(j.parts.size() == 2u);
  BOOST_TEST(j.sheet.width_mm == 1000);
  BOOST_TEST(j.sheet.height_mm == 500);
  BOOST_TEST(j.sheet.material == "mdf-3");
  BOOST_TEST(j.nesting.kerf_mm == 0.3);
  BOOST_TEST(j.nesting.edge_margin_mm == products::sheet_edge_margin_mm);
  BOOST_TEST(j.joints.thickness_mm == 3);
}

BOOST_AUTO_TEST_CASE(a_laid_out_job_writes_its_sheets_and_report_and_sums_them_up) {
  products::LaserJob job("sign", plates(8), content::Material{}, content::ExhibitSettings{});
  Diagnostics d;
  BOOST_TEST_REQUIRE(job.plan_cuts(d));
  BOOST_TEST(!d.has_errors());
  BOOST_TEST(job.check_shop(d, {}, "unused"));
  test::TempDir out;
  const auto files = job.write(out.path() / "laser", false);
  const products::LaserSummary s = job.summary();
  BOOST_TEST(s.parts == 8u);
  BOOST_TEST(s.sheets >= 1u);
  BOOST_TEST(s.utilisation > 0);
  BOOST_TEST(s.utilisation <= 1);
  BOOST_TEST(s.laser_minutes > 0);
  BOOST_TEST(s.material_eur > 0);
  BOOST_TEST_REQUIRE(files.size() == s.sheets + 2);  // no DXF: a SVG per sheet, the report's text and JSON
  BOOST_TEST(files.front() == out.path() / "laser" / "sign-1.svg");
  BOOST_TEST(files.back() == out.path() / "laser" / "sign-report.json");
  for (const auto& f : files) BOOST_TEST(fs::exists(f), f);
}

BOOST_AUTO_TEST_CASE(a_material_the_shop_does_not_have_is_an_error_at_its_line_or_the_fallback) {
  content::Material material;
  material.laser = "polycarbonate-10";
  products::LaserJob job("sign", plates(1), material, content::ExhibitSettings{});
  Diagnostics d;
  BOOST_TEST(!job.check_shop(d, {"roadshow.yaml", 7, 1}, "set the material's `laser` to one of them"));
  BOOST_TEST_REQUIRE(d.all().size() == 1u);
  const Diagnostic& e = d.all().front();
  BOOST_TEST(e.pos.line == 7);
  BOOST_TEST(e.message == "the laser shop profile 'default' has no material 'polycarbonate-10'");
  BOOST_TEST(e.fix == "set the material's `laser` to one of them");

  material.laser = "mdf-4";
  material.laser_pos = {"roadshow.yaml", 12, 5};
  content::ExhibitSettings blue;
  blue.shop = "blue-cut";
  products::LaserJob near("sign", plates(1), material, blue);
  Diagnostics n;
  BOOST_TEST(!near.check_shop(n, {"roadshow.yaml", 7, 1}, "unused"));
  BOOST_TEST_REQUIRE(n.all().size() == 1u);
  BOOST_TEST(n.all().front().pos.line == 12);
  BOOST_TEST(n.all().front().message == "the laser shop profile 'blue-cut' has no material 'mdf-4'");
  BOOST_TEST(n.all().front().fix == "did you mean 'mdf-3'?");
}
