// Where a sheet's notes go (fab/notes.hpp): a label inside its part clear
// of engraving and holes, the reference square in free space or nowhere.

#include <impactkit/fab/job.hpp>
#include <impactkit/fab/label_font.hpp>
#include <impactkit/fab/notes.hpp>

#include <boost/test/unit_test.hpp>

#include <vector>

using namespace impactkit::fab;

namespace {

bool meet(const Bounds& a, const Bounds& b) {
  return a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y;
}

Bounds label_box(const Part& p, const LabelPlace& at) {
  const double w = label_width_mm(p.label, at.height_mm);
  return {at.centre.x - w / 2, at.centre.y - at.height_mm / 2, at.centre.x + w / 2, at.centre.y + at.height_mm / 2};
}

Part plate(double x, double y, double w, double h) {
  Part p;
  p.label = "plate";
  p.outline = Contour::of(rectangle(x, y, w, h));
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(notes)

// A panel engraved across its middle, with a bolt hole where the label
// would go: the label moves off both and stays inside the outline.
BOOST_AUTO_TEST_CASE(a_label_sits_inside_its_part_clear_of_engraving_and_holes) {
  Part panel;
  panel.label = "panel 1/2";
  panel.outline = Contour::of(rectangle(0, 0, 400, 600));
  panel.engravings.push_back(rectangle(20, 250, 360, 100));  // the text across the middle
  panel.holes.push_back(Contour::of(Circle{{200, 200}, 2.4}));
  const LabelPlace at = label_place(panel);
  const Bounds box = label_box(panel, at);
  BOOST_TEST(!meet(box, bounds(panel.engravings.front())));
  BOOST_TEST(!meet(box, bounds(panel.holes.front())));
  BOOST_TEST(box.min_x >= 0);
  BOOST_TEST(box.max_x <= 400);
  BOOST_TEST(box.min_y >= 0);
  BOOST_TEST(box.max_y <= 600);
}

// A part engraved all over has no room: its label goes under it.
BOOST_AUTO_TEST_CASE(a_label_without_room_inside_goes_beside_its_part) {
  Part plate;
  plate.label = "plate";
  plate.outline = Contour::of(rectangle(0, 0, 100, 50));
  plate.engravings.push_back(rectangle(1, 1, 98, 48));
  const Bounds box = label_box(plate, label_place(plate));
  BOOST_TEST(box.min_y >= 50);
}

BOOST_AUTO_TEST_CASE(the_reference_square_keeps_the_margin_and_clear_of_parts_or_is_left_out) {
  const Sheet sheet{1200, 600, ""};
  Part big;
  big.outline = Contour::of(rectangle(5, 5, 1000, 590));
  const auto corner = reference_square_corner({big}, sheet);
  BOOST_TEST_REQUIRE(corner.has_value());
  const Bounds square{corner->x, corner->y, corner->x + reference_square_mm, corner->y + reference_square_mm};
  BOOST_TEST(!meet(square, bounds(big)));
  BOOST_TEST(square.min_x >= 5);
  BOOST_TEST(square.max_x <= 1200 - 5);
  BOOST_TEST(square.min_y >= 5);
  BOOST_TEST(square.max_y <= 600 - 5);
  Part full;
  full.outline = Contour::of(rectangle(5, 5, 1190, 590));
  BOOST_TEST(!reference_square_corner({full}, sheet).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

// The square is nested like a part, so a job always has one where the
// nesting found room for it, off every part; it is never cut, and never
// makes a sheet of its own.
BOOST_AUTO_TEST_CASE(the_reference_square_is_nested_like_a_part) {
  Job job;
  job.name = "fixture";
  job.joints.thickness_mm = 6;
  job.sheet = {600, 400, ""};
  job.parts = {plate(0, 0, 200, 150), plate(0, 0, 150, 120)};
  impactkit::Diagnostics d;
  const auto plan = plan_cuts(job, d);
  BOOST_TEST_REQUIRE(plan.has_value());
  BOOST_TEST(plan->parts.size() == 2u);
  BOOST_TEST(plan->nesting.sheets.size() == 1u);
  BOOST_TEST_REQUIRE(plan->nested_square.has_value());
  const auto [sheet, corner] = *plan->nested_square;
  BOOST_TEST(sheet == 0u);
  BOOST_TEST_REQUIRE(plan->notes.at(0).square.has_value());
  BOOST_TEST(plan->notes[0].square->x == corner.x);
  BOOST_TEST(plan->notes[0].square->y == corner.y);
  BOOST_TEST(plan->nesting.sheets[0].parts.size() == 2u);

  // A part that fills the sheet leaves the square no room: no sheet of its own.
  job.parts = {plate(0, 0, 585, 385)};
  const auto full = plan_cuts(job, d);
  BOOST_TEST_REQUIRE(full.has_value());
  BOOST_TEST(full->nesting.sheets.size() == 1u);
  BOOST_TEST(!full->nested_square.has_value());
  BOOST_TEST(!full->notes.at(0).square.has_value());
  BOOST_TEST(!d.has_errors());
}
