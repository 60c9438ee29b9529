// A sample A3 page: Dutch text in two balanced, justified columns. Rendered
// to PDF and PNG in the build folder (tests/output/) for looking at, and
// compared with a reference image, tolerating small differences of
// antialiasing.
//
// After an intended change of the layout, look at the new PNG and, when it is
// right, make it the reference:
//   IMPACTKIT_UPDATE_REFERENCE=1 build/tests/text_tests -t sample_page

#include <impactkit/core/file_io.hpp>
#include <impactkit/text/typesetter.hpp>

#include "cairo_support.hpp"
#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::text;

namespace {

constexpr double a3_width_pt = 841.89;
constexpr double a3_height_pt = 1190.55;
constexpr double margin_pt = 56.7;  // 20 mm
constexpr double reference_dpi = 30;

struct Page {
  TypesetText title;
  TypesetText body;
};

Page set_page(Typesetter& typesetter) {
  TextStyle heading;
  heading.weight = 700;
  heading.color = {0.11, 0.31, 0.57};
  const double width = a3_width_pt - 2 * margin_pt;
  Page page;
  page.title = typesetter.set("Opdrachtgeven en inkopen met Impact", heading, {width, 60, 1, 0}, 30);
  TextStyle body;
  body.align = Align::justify;
  body.line_height = 1.35;
  page.body = typesetter.set(read_file(test::source_dir() / "tests/text/dutch-sample.txt").value(), body,
                             {width, a3_height_pt - 2 * margin_pt - 70, 2, 18}, 11);
  return page;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sample_page)

BOOST_AUTO_TEST_CASE(a3_two_balanced_justified_columns_match_the_reference) {
  FontLibrary fonts;
  Typesetter typesetter(fonts);
  const Page page = set_page(typesetter);
  BOOST_TEST_REQUIRE(page.title.fits());
  BOOST_TEST_REQUIRE(page.body.fits(), page.body.overflow.describe());
  const std::vector<test::Placed> items = {{&page.title, margin_pt, margin_pt},
                                           {&page.body, margin_pt, margin_pt + 70}};

  const fs::path out = fs::current_path() / "output";
  fs::create_directories(out);
  test::write_pdf(out / "a3-two-columns.pdf", a3_width_pt, a3_height_pt, items);
  const auto rendered = test::render_png(out / "a3-two-columns.png", a3_width_pt, a3_height_pt, reference_dpi, items);

  const fs::path reference_file = test::source_dir() / "tests/text/reference/a3-two-columns.png";
  if (std::getenv("IMPACTKIT_UPDATE_REFERENCE")) {
    fs::create_directories(reference_file.parent_path());
    fs::copy_file(out / "a3-two-columns.png", reference_file, fs::copy_options::overwrite_existing);
  }
  test::Surface reference(cairo_image_surface_create_from_png(reference_file.c_str()));
  BOOST_TEST_REQUIRE(cairo_surface_status(reference.get()) == CAIRO_STATUS_SUCCESS,
                     "no reference image " << reference_file);
  BOOST_TEST_REQUIRE(cairo_image_surface_get_width(reference.get()) == cairo_image_surface_get_width(rendered.get()));
  BOOST_TEST_REQUIRE(cairo_image_surface_get_height(reference.get()) == cairo_image_surface_get_height(rendered.get()));
  const auto [mean, far] = test::image_difference(rendered.get(), reference.get());
  BOOST_TEST(mean < 1.5, "mean difference " << mean);
  BOOST_TEST(far < 0.005, "share of pixels far off " << far);
}

BOOST_AUTO_TEST_SUITE_END()
