// PNG previews: the trim box at the chosen resolution, on white, drawn by
// the same code as the PDF; images decoded (JPEG, CMYK JPEG, PNG, SVG).

#include <impactkit/core/file_io.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/preview.hpp>

#include "print_support.hpp"

#include <boost/test/unit_test.hpp>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::test;
using layout::mm_to_pt;

namespace {

constexpr text::Rgb grey{0.9, 0.9, 0.9};

// 100×100 pt with 10 pt bleed: at 72 dpi one pixel is one pt.
layout::Page shapes_page() {
  layout::Page page{100, 100, 10, {}};
  page.items.emplace_back(layout::RectItem{-10, -10, 120, 120, grey, std::nullopt, 0, 0});
  page.items.emplace_back(layout::RectItem{-10, 40, 10, 20, text::Rgb{}, std::nullopt, 0, 0});  // bleed only
  page.items.emplace_back(layout::RectItem{10, 10, 30, 30, text::Rgb{1, 0, 0}, std::nullopt, 0, 10});
  page.items.emplace_back(layout::LineItem{50, 5, 90, 5, text::Rgb{}, 2});
  page.items.emplace_back(layout::CircleItem{70, 30, 10, text::Rgb{0, 0, 1}, std::nullopt, 0});
  page.items.emplace_back(layout::RectItem{10, 60, 30, 30, std::nullopt, text::Rgb{0, 0.5, 0}, 4, 0});
  return page;
}

Surface preview(const layout::Page& page, double dpi, Diagnostics& warnings) {
  TempDir dir;
  const fs::path file = dir.path() / "preview.png";
  print::write_png(file, page, dpi, warnings);
  return read_png(file);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(print_previews)

BOOST_AUTO_TEST_CASE(a_preview_is_the_trim_size_at_its_dpi) {
  TempDir dir;
  const layout::Page a6{mm_to_pt(105), mm_to_pt(148), mm_to_pt(3), {}};
  Diagnostics warnings;
  for (const double dpi : {72.0, 150.0, 300.0}) {
    const fs::path file = dir.path() / "a6.png";
    print::write_png(file, a6, dpi, warnings);
    const Surface png = read_png(file);
    BOOST_TEST_REQUIRE(cairo_surface_status(png.get()) == CAIRO_STATUS_SUCCESS);
    BOOST_TEST(cairo_image_surface_get_width(png.get()) == std::lround(105 / 25.4 * dpi));
    BOOST_TEST(cairo_image_surface_get_height(png.get()) == std::lround(148 / 25.4 * dpi));
    BOOST_TEST(near(pixel(png.get(), 10, 10), 255, 255, 255, 0));  // paper
  }
  BOOST_TEST((print::preview_size(a6, 150).width == 620 && print::preview_size(a6, 150).height == 874));
  BOOST_TEST(fs::is_regular_file(dir.path() / "a6.png"));
  BOOST_TEST(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);  // no temp files left
}

BOOST_AUTO_TEST_CASE(shapes_are_drawn_where_the_display_list_says) {
  Diagnostics warnings;
  const Surface png = preview(shapes_page(), 72, warnings);
  cairo_surface_t* s = png.get();
  BOOST_TEST(near(pixel(s, 0, 0), 230, 230, 230, 2), pixel(s, 0, 0));    // the background reaches the edge
  BOOST_TEST(near(pixel(s, 0, 50), 230, 230, 230, 2), pixel(s, 0, 50));  // what is only in the bleed is not shown
  BOOST_TEST(near(pixel(s, 25, 25), 255, 0, 0, 2), pixel(s, 25, 25));
  BOOST_TEST(near(pixel(s, 11, 11), 230, 230, 230, 2), pixel(s, 11, 11));  // a rounded corner
  BOOST_TEST(near(pixel(s, 70, 4), 0, 0, 0, 2), pixel(s, 70, 4));
  BOOST_TEST(near(pixel(s, 70, 8), 230, 230, 230, 2), pixel(s, 70, 8));
  BOOST_TEST(near(pixel(s, 70, 30), 0, 0, 255, 2), pixel(s, 70, 30));
  BOOST_TEST(near(pixel(s, 61, 21), 230, 230, 230, 2), pixel(s, 61, 21));  // outside the circle
  BOOST_TEST(near(pixel(s, 10, 75), 0, 128, 0, 2), pixel(s, 10, 75));      // the stroke, centred on the edge
  BOOST_TEST(near(pixel(s, 25, 75), 230, 230, 230, 2), pixel(s, 25, 75));  // not filled
}

BOOST_AUTO_TEST_CASE(images_are_decoded_and_fitted) {
  layout::Page page{100, 100, 0, {}};
  page.items.emplace_back(layout::ImageItem{print_fixture("photo.png"), 0, 0, 30, 20});
  page.items.emplace_back(layout::ImageItem{print_fixture("photo.jpg"), 35, 0, 30, 20});
  page.items.emplace_back(layout::ImageItem{print_fixture("cyan-cmyk.jpg"), 70, 0, 30, 20});
  page.items.emplace_back(layout::ImageItem{print_fixture("logo.svg"), 0, 30, 60, 60});  // 60×30, centred
  page.items.emplace_back(layout::ImageItem{print_fixture("grey.jpg"), 70, 70, 30, 20});
  Diagnostics warnings;
  const Surface png = preview(page, 72, warnings);
  cairo_surface_t* s = png.get();
  BOOST_TEST(near(pixel(s, 15, 10), 0, 160, 80), pixel(s, 15, 10));
  BOOST_TEST(near(pixel(s, 50, 10), 200, 40, 40), pixel(s, 50, 10));
  BOOST_TEST(near(pixel(s, 85, 10), 0, 255, 255), pixel(s, 85, 10));
  BOOST_TEST(near(pixel(s, 30, 60), 0x1c, 0x4f, 0x92), pixel(s, 30, 60));
  BOOST_TEST(near(pixel(s, 30, 40), 255, 255, 255, 0), pixel(s, 30, 40));  // above the logo
  BOOST_TEST(near(pixel(s, 30, 80), 255, 255, 255, 0), pixel(s, 30, 80));  // below it
  BOOST_TEST(near(pixel(s, 85, 80), 100, 100, 100), pixel(s, 85, 80));
  // The resolution warning is about print, whatever the preview's dpi: each
  // photo's 60 px over 30 pt is 144 ppi, one warning each; none for the logo.
  BOOST_TEST(warnings.warning_count() == 4U);
}

// What is previewed is what is printed: the PDF's trim area, rendered by
// Poppler, looks like the preview.
BOOST_AUTO_TEST_CASE(the_preview_matches_the_pdf) {
  TempDir dir;
  const auto page = shapes_page();
  Diagnostics warnings;
  print::write_pdf(dir.path() / "page.pdf", {page}, {"t", "a", "s", "nl"}, {}, warnings);
  // The trim box starts 10 pt (the bleed) from the media box's corner.
  const auto render = run_command("pdftoppm -r 72 -x 10 -y 10 -W 100 -H 100 -png -singlefile " +
                                  quote(dir.path() / "page.pdf") + " " + quote(dir.path() / "pdf"));
  BOOST_TEST_REQUIRE(render.exit_code == 0, render.out);
  const Surface from_pdf = read_png(dir.path() / "pdf.png");
  const Surface from_preview = preview(page, 72, warnings);
  BOOST_TEST_REQUIRE(cairo_image_surface_get_width(from_pdf.get()) == 100);
  double difference = 0;
  for (int y = 0; y < 100; ++y) {
    for (int x = 0; x < 100; ++x) {
      const Pixel a = pixel(from_pdf.get(), x, y);
      const Pixel b = pixel(from_preview.get(), x, y);
      difference += std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
    }
  }
  const double mean = difference / (100 * 100 * 3);
  BOOST_TEST(mean < 2.0, "mean difference per channel: " << mean);
}

BOOST_AUTO_TEST_CASE(previews_that_cannot_be_made_are_errors) {
  TempDir dir;
  Diagnostics warnings;
  const layout::Page page{100, 100, 0, {}};
  BOOST_CHECK_THROW(print::write_png(dir.path() / "a.png", page, 0, warnings), print::PrintError);
  BOOST_CHECK_THROW(print::write_png(dir.path() / "a.png", page, 1e6, warnings), print::PrintError);
  print::ImageCache pdf_images(print::ImageTarget::pdf);
  BOOST_CHECK_THROW(print::render_png(page, 72, pdf_images, warnings), std::invalid_argument);
  layout::Page missing = page;
  missing.items.emplace_back(layout::ImageItem{dir.path() / "gone.png", 0, 0, 10, 10});
  BOOST_CHECK_THROW(print::write_png(dir.path() / "a.png", missing, 72, warnings), print::PrintError);
  BOOST_TEST(fs::is_empty(dir.path()));
}

BOOST_AUTO_TEST_SUITE_END()
