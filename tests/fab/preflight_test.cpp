// `impactkit preflight` re-checks the geometry in the laser files it finds,
// however they were made: a produced sheet passes; the same sheet with an
// injected cut circle across a part fails (exit code 4), in its SVG and in
// its DXF, naming the file, where the part lies, and the defect.

#include <impactkit/core/file_io.hpp>
#include <impactkit/fab/job.hpp>
#include <impactkit/fab/joint.hpp>
#include <impactkit/pipeline/preflight.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <string>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::fab;

namespace {

// Two plates with bolt holes, nested and written as a shop gets them.
fs::path write_sheets(const fs::path& dir) {
  Job job;
  job.name = "plates";
  job.joints.thickness_mm = 6;
  job.sheet = {600, 400, "birch-plywood-6"};
  for (int i = 0; i < 2; ++i) {
    Part p;
    p.label = fmt::format("plate {}", i + 1);
    p.outline = Contour::of(rectangle(0, 0, 200, 100));
    p.holes = {bolt_hole({30, 50}), bolt_hole({170, 50})};
    job.parts.push_back(p);
  }
  Diagnostics d;
  const auto plan = plan_cuts(job, d);
  BOOST_TEST_REQUIRE(plan.has_value());
  write_laser_files(job, *plan, default_shop(), dir / "laser");
  return dir / "laser" / "plates-1.svg";
}

// The first corner of the first cut path of `svg`: a corner of a part's outline.
Point first_cut_corner(const std::string& svg) {
  const auto cut = svg.find("<g id=\"cut\"");
  const auto outline = svg.find("<path d=\"M", cut);
  BOOST_TEST_REQUIRE(outline != std::string::npos);
  const auto start = outline + 10;
  const auto space = svg.find(' ', start);
  return {std::stod(svg.substr(start, space - start)), std::stod(svg.substr(space + 1, 12))};
}

const pipeline::PreflightRow* row(const pipeline::PreflightReport& r, const std::string& file, const std::string& c) {
  for (const auto& x : r.rows)
    if (x.file == file && x.check == c) return &x;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(preflight_geometry)

BOOST_AUTO_TEST_CASE(a_produced_sheet_passes_and_an_injected_circle_across_a_part_fails_with_exit_4) {
  test::TempDir dir;
  const fs::path svg = write_sheets(dir.path());
  const auto clean = pipeline::preflight(dir.path());
  BOOST_TEST(clean.failures() == 0u, pipeline::to_table(clean));
  const auto* ok = row(clean, "laser/plates-1.svg", "parts cuttable");
  BOOST_TEST_REQUIRE(ok);
  BOOST_TEST(ok->detail.find("2 parts") != std::string::npos, ok->detail);
  BOOST_TEST(row(clean, "laser/plates-1.dxf", "parts cuttable")->ok);

  // A cut circle of Ø2 (clear of the other plate) on the corner of a plate's outline.
  std::string text = read_file(svg).value();
  const Point corner = first_cut_corner(text);
  const std::string circle = fmt::format("    <circle cx=\"{}\" cy=\"{}\" r=\"1\"/>\n", corner.x, corner.y);
  text.insert(text.find("\n", text.find("<g id=\"cut\"")) + 1, circle);
  write_file_atomically(svg, text);
  const auto bad = pipeline::preflight(dir.path());
  const auto* failed = row(bad, "laser/plates-1.svg", "parts cuttable");
  BOOST_TEST_REQUIRE(failed);
  BOOST_TEST(!failed->ok);
  const std::string expected =
      fmt::format("(Ø2.0 at {:.1f}, {:.1f}) reaches 1.0 mm outside the outline of 'part at", corner.x, corner.y);
  BOOST_TEST(failed->detail.find(expected) != std::string::npos, failed->detail);

  const auto cli = test::run_impactkit({"preflight", "-o", dir.path().string()});
  BOOST_TEST(cli.exit_code == 4);
  BOOST_TEST(cli.out.find("laser/plates-1.svg  parts cuttable") != std::string::npos, cli.out);
  BOOST_TEST(cli.out.find(expected) != std::string::npos, cli.out);
  BOOST_TEST(cli.err.find("1 check fails") != std::string::npos, cli.err);
}

BOOST_AUTO_TEST_CASE(an_injected_circle_in_the_dxf_fails_it_too) {
  test::TempDir dir;
  const fs::path svg = write_sheets(dir.path());
  const Point corner = first_cut_corner(read_file(svg).value());
  const fs::path dxf = dir.path() / "laser" / "plates-1.dxf";
  std::string text = read_file(dxf).value();
  // The DXF's y runs up from the sheet's bottom edge (400 mm).
  const std::string circle =
      fmt::format("  0\nCIRCLE\n  8\nCUT\n 10\n{}\n 20\n{}\n 30\n0.0\n 40\n1.0\n", corner.x, 400 - corner.y);
  const auto entities = text.find("ENTITIES\n");
  BOOST_TEST_REQUIRE(entities != std::string::npos);
  text.insert(entities + 9, circle);
  write_file_atomically(dxf, text);
  const auto report = pipeline::preflight(dir.path());
  BOOST_TEST(row(report, "laser/plates-1.svg", "parts cuttable")->ok);
  const auto* failed = row(report, "laser/plates-1.dxf", "parts cuttable");
  BOOST_TEST_REQUIRE(failed);
  BOOST_TEST(!failed->ok);
  BOOST_TEST(failed->detail.find("reaches 1.0 mm outside the outline of 'part at") != std::string::npos,
             failed->detail);
}

BOOST_AUTO_TEST_SUITE_END()
