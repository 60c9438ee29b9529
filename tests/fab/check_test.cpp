// The geometry check (fab/check.hpp): every part of the repository's
// exhibit and wheel passes it, and each fixture that injects one defect
// fails it with the part and the feature named.

#include <impactkit/content/loader.hpp>
#include <impactkit/fab/check.hpp>
#include <impactkit/fab/job.hpp>
#include <impactkit/fab/joint.hpp>
#include <impactkit/fab/notes.hpp>
#include <impactkit/fab/svg_writer.hpp>
#include <impactkit/products/detail/wheel_parts.hpp>
#include <impactkit/products/exhibit.hpp>
#include <impactkit/products/laser_job.hpp>
#include <impactkit/products/wheel.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace impactkit;
using namespace impactkit::fab;

namespace {

const SourcePos at{"fixture.yaml", 3, 5};

GeometryRules rules() {
  GeometryRules r;
  r.min_web_mm = 6;
  r.edge_margin_mm = 5;
  return r;
}

Part plate(const std::string& label, double x, double y, double w, double h) {
  Part p;
  p.label = label;
  p.outline = Contour::of(rectangle(x, y, w, h));
  p.source = at;
  return p;
}

// The one message of `defects`, which must be one.
std::string only(const std::vector<GeometryDefect>& defects) {
  BOOST_TEST_REQUIRE(defects.size() == 1u);
  return defects.front().message;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Every part of a product, checked, then planned (which checks each sheet
// and throws on a defect), and each sheet checked again here.
void check_product(const std::string& name, const std::vector<Part>& parts, const content::Material& material,
                   const content::ExhibitSettings& exhibit) {
  BOOST_TEST_REQUIRE(!parts.empty());
  products::LaserJob laser(name, parts, material, exhibit);
  const Job& job = laser.job();
  GeometryRules r{job.joints.thickness_mm, 0, job.nesting.edge_margin_mm};
  for (const Part& p : job.parts) {
    const auto defects = check_part(p, r);
    BOOST_TEST(defects.empty(), p.label << ": " << (defects.empty() ? "" : defects.front().message));
  }
  Diagnostics d;
  const auto plan = plan_cuts(job, d);
  BOOST_TEST_REQUIRE(plan.has_value());
  r.kerf_mm = job.nesting.kerf_mm;
  for (std::size_t i = 0; i < plan->nesting.sheets.size(); ++i) {
    const auto defects = check_sheet(parts_on(plan->nesting, i, plan->parts), job.sheet, r);
    BOOST_TEST(defects.empty(), name << " sheet " << i + 1 << ": " << (defects.empty() ? "" : defects[0].message));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(geometry_check)

BOOST_AUTO_TEST_CASE(every_part_of_the_repositorys_exhibit_and_wheel_passes) {
  Diagnostics d;
  const auto roadshow = content::load_roadshow(test::source_dir(), d);
  BOOST_TEST_REQUIRE(!d.has_errors());
  std::vector<Part> exhibit;
  for (const auto& panel : products::exhibit_parts(roadshow, false, d))
    exhibit.insert(exhibit.end(), panel.parts.begin(), panel.parts.end());
  const auto wheel = products::wheel_parts(roadshow, false, d);
  BOOST_TEST_REQUIRE(!d.has_errors());
  BOOST_TEST(exhibit.size() > 40u);
  BOOST_TEST(wheel.size() > 10u);
  check_product("exhibit", exhibit, roadshow.exhibit.material, roadshow.exhibit);
  check_product("wheel", wheel, products::detail::wheel_material(roadshow), roadshow.exhibit);
}

BOOST_AUTO_TEST_CASE(a_hole_outside_the_outline_names_the_hole_and_the_part) {
  Part p = plate("wheel flapper", 0, 0, 100, 50);
  p.holes.push_back(through_hole({30, 25}, 10));
  p.holes.push_back(through_hole({110, 25}, 4.8));
  const std::string m = only(check_part(p, rules()));
  BOOST_TEST(has(m,
                 "hole 2 (Ø4.8 at 110.0, 25.0) lies wholly outside, reaching 12.4 mm outside the outline of "
                 "'wheel flapper' (fixture.yaml:3:5)"),
             m);
  Part across = plate("brace", 0, 0, 100, 50);
  across.holes.push_back(through_hole({99, 25}, 4));
  BOOST_TEST(has(only(check_part(across, rules())), "hole 1 (Ø4.0 at 99.0, 25.0) reaches 1.0 mm outside"));
}

BOOST_AUTO_TEST_CASE(a_hole_nearer_the_edge_than_the_material_is_thick_is_a_thin_web) {
  Part p = plate("foot", 0, 0, 100, 50);
  p.holes.push_back(through_hole({7, 25}, 4));  // 5 mm of material to the left edge
  const std::string m = only(check_part(p, rules()));
  BOOST_TEST(has(m, "hole 1 (Ø4.0 at 7.0, 25.0) leaves 5.0 mm of material to the edge of 'foot'"), m);
  BOOST_TEST(has(m, "less than the web of 6.0 mm (the material's thickness)"), m);
  p.holes[0] = through_hole({8.1, 25}, 4);
  BOOST_TEST(check_part(p, rules()).empty());
  // Kerf-compensated paths: the material is the paths' distance less the kerf.
  GeometryRules cut = rules();
  cut.kerf_mm = 0.2;
  p.holes[0] = through_hole({8.1, 25}, 4);
  BOOST_TEST(check_part(p, cut).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_washer_is_held_to_a_rings_wall_not_the_thickness) {
  Part washer;
  washer.label = "washer";
  washer.outline = Contour::of(Circle{{7, 7}, 7});
  washer.holes.push_back(through_hole({7, 7}, 8.5));
  BOOST_TEST(check_part(washer, rules()).empty());
  washer.holes[0] = through_hole({7, 7}, 11);  // a 1.5 mm wall
  BOOST_TEST(has(only(check_part(washer, rules())), "less than the web of 2.0 mm (a ring's least wall)"));
}

BOOST_AUTO_TEST_CASE(a_self_intersecting_outline_names_where_it_crosses) {
  Part bow = plate("bow tie", 0, 0, 0, 0);
  bow.outline = Contour::of(Polygon{{0, 0}, {100, 50}, {100, 0}, {0, 50}});
  const std::string m = only(check_part(bow, rules()));
  BOOST_TEST(has(m, "the outline of 'bow tie' (fixture.yaml:3:5) crosses itself at (50.0, 25.0)"), m);
}

BOOST_AUTO_TEST_CASE(a_spike_and_a_flat_outline_are_not_simple_polygons) {
  Part spike = plate("spike", 0, 0, 0, 0);
  spike.outline = Contour::of(Polygon{{0, 0}, {0, 10}, {10, 10}, {10, 0}, {5, 0}, {5, 5}, {5, 0}});
  BOOST_TEST(has(only(check_part(spike, rules())), "the outline of 'spike' (fixture.yaml:3:5) crosses itself at"));
  Part flat = plate("flat", 0, 0, 0, 0);
  flat.outline = Contour::of(Polygon{{0, 0}, {10, 0}, {20, 0}});
  BOOST_TEST(has(only(check_part(flat, rules())), "the outline of 'flat' (fixture.yaml:3:5)"));
}

BOOST_AUTO_TEST_CASE(two_overlapping_holes_are_named) {
  Part p = plate("tile", 0, 0, 100, 50);
  p.holes.push_back(through_hole({40, 25}, 10));
  p.holes.push_back(Contour::of(rectangle(43, 20, 10, 10)));
  BOOST_TEST(has(only(check_part(p, rules())),
                 "hole 1 (Ø10.0 at 40.0, 25.0) overlaps hole 2 (10.0 × 10.0 mm at "
                 "48.0, 25.0) of 'tile'"));
}

BOOST_AUTO_TEST_CASE(two_overlapping_placed_parts_and_a_part_in_the_margin) {
  const Sheet sheet{300, 200, ""};
  const std::vector<Part> placed = {plate("left", 10, 10, 100, 50), plate("right", 100, 20, 100, 50)};
  const std::string m = only(check_sheet(placed, sheet, rules()));
  BOOST_TEST(has(m,
                 "'left' (fixture.yaml:3:5) and 'right' (fixture.yaml:3:5) overlap by 400.0 mm² around "
                 "(105.0, 40.0)"),
             m);
  const std::string margin = only(check_sheet({plate("edge", 2, 50, 50, 50)}, sheet, rules()));
  BOOST_TEST(has(margin,
                 "'edge' (fixture.yaml:3:5) lies 2.0 mm from the sheet's left edge, inside its margin of "
                 "5.0 mm"),
             margin);
}

// A reference square over a part, or inside the sheet's margin, is named.
// The writers never put it there (notes.hpp): with no free place, a sheet
// has none.
BOOST_AUTO_TEST_CASE(a_reference_square_over_a_part_or_in_the_margin_is_named) {
  const Sheet sheet{300, 300, ""};
  const std::vector<Part> placed = {plate("panel", 5, 5, 290, 290)};
  const SheetNote square{"the reference square", std::nullopt, Bounds{3, 3, 103, 103}, true};
  std::vector<std::string> messages;
  for (const auto& d : check_notes(placed, {square}, sheet, rules())) messages.push_back(d.message);
  BOOST_TEST(
      std::count(messages.begin(), messages.end(), "the reference square lies over 'panel' (fixture.yaml:3:5)") == 1);
  BOOST_TEST(std::count(messages.begin(), messages.end(),
                        "the reference square lies 3.0 mm from the sheet's left edge, inside its margin of 5.0 mm") ==
             1);
  const auto notes = sheet_notes(placed, sheet);
  BOOST_TEST(std::none_of(notes.begin(), notes.end(), [](const SheetNote& n) { return !n.part; }));
  BOOST_TEST(check_notes(placed, notes, sheet, rules()).empty());
}

BOOST_AUTO_TEST_CASE(a_label_over_engraving_or_across_a_cut_is_named) {
  const Sheet sheet{300, 300, ""};
  Part p = plate("panel", 10, 10, 200, 200);
  p.engravings.push_back(rectangle(80, 100, 60, 20));
  p.holes.push_back(through_hole({110, 60}, 8));
  const std::vector<Part> placed = {p};
  const auto found = [&](const Bounds& area) {
    return check_notes(placed, {SheetNote{"the label of 'panel'", 0, area, false}}, sheet, rules());
  };
  BOOST_TEST(found({20, 20, 60, 30}).empty());    // on the panel, clear of everything
  BOOST_TEST(found({220, 20, 260, 30}).empty());  // beside it
  BOOST_TEST(only(found({90, 105, 130, 115})) ==
             "the label of 'panel' lies over the engraving of 'panel' "
             "(fixture.yaml:3:5)");
  BOOST_TEST(only(found({100, 55, 120, 65})) == "the label of 'panel' lies across a cut of 'panel' (fixture.yaml:3:5)");
  BOOST_TEST(only(found({200, 20, 220, 30})) == "the label of 'panel' lies across a cut of 'panel' (fixture.yaml:3:5)");
}

BOOST_AUTO_TEST_CASE(a_defect_in_a_job_is_an_internal_error_naming_the_part) {
  Job job;
  job.name = "fixture";
  job.joints.thickness_mm = 6;
  job.sheet = {600, 400, ""};
  Part p = plate("wheel flapper", 0, 0, 100, 50);
  p.holes.push_back(through_hole({110, 25}, 4.8));
  job.parts = {plate("fine", 0, 0, 50, 50), p};
  Diagnostics d;
  BOOST_CHECK_EXCEPTION(plan_cuts(job, d), GeometryError, [](const GeometryError& e) {
    const std::string m = e.what();
    BOOST_TEST_MESSAGE(m);
    return has(m, "1 defect in the parts of 'fixture'") && has(m, "hole 1 (Ø4.8 at 110.0, 25.0)") &&
           has(m, "'wheel flapper' (fixture.yaml:3:5)") && !has(m, "'fine'");
  });
}

BOOST_AUTO_TEST_SUITE_END()
