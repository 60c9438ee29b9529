// Images in print: fitting, JPEG passed through into the PDF unchanged, SVG
// kept as vectors, the resolution warning, and errors naming the file.

#include <impactkit/core/file_io.hpp>
#include <impactkit/print/pdf.hpp>

#include "print_support.hpp"

#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::test;
using layout::mm_to_pt;

namespace {

layout::Page page_with(const fs::path& image, double width_mm, double height_mm) {
  layout::Page page{mm_to_pt(120), mm_to_pt(120), mm_to_pt(3), {}};
  page.items.emplace_back(
      layout::ImageItem{image, mm_to_pt(10), mm_to_pt(10), mm_to_pt(width_mm), mm_to_pt(height_mm)});
  return page;
}

std::string render(const std::vector<layout::Page>& pages, Diagnostics& warnings) {
  return print::render_pdf(pages, {"t", "a", "s", "nl"}, {}, warnings);
}

std::string filter_of(const PdfObjects& pdf, qpdf_oh image) {
  return pdf.name(pdf.key(image, "/Filter"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(print_images)

BOOST_AUTO_TEST_CASE(images_fit_their_box_centred) {
  const print::Rect box{10, 20, 100, 100};
  const auto wide = print::fit_centered(200, 100, box);
  BOOST_TEST(wide.x == 10);
  BOOST_TEST(wide.width == 100);
  BOOST_TEST(wide.height == 50);
  BOOST_TEST(wide.y == 45);
  const auto tall = print::fit_centered(30, 60, box);
  BOOST_TEST(tall.height == 100);
  BOOST_TEST(tall.width == 50);
  BOOST_TEST(tall.x == 35);
  const auto unknown = print::fit_centered(0, 0, box);  // an SVG without size or viewBox
  BOOST_TEST(unknown.width == 100);
}

BOOST_AUTO_TEST_CASE(images_know_their_kind_and_size) {
  print::ImageCache cache(print::ImageTarget::raster);
  const auto& jpeg = cache.get(print_fixture("photo.jpg"));
  BOOST_TEST((jpeg.kind() == print::ImageKind::jpeg));
  BOOST_TEST(jpeg.width() == 60);
  BOOST_TEST(jpeg.height() == 40);
  const auto& png = cache.get(print_fixture("photo.png"));
  BOOST_TEST((png.kind() == print::ImageKind::png));
  BOOST_TEST(png.width() == 60);
  const auto& svg = cache.get(print_fixture("logo.svg"));
  BOOST_TEST((svg.kind() == print::ImageKind::svg));
  BOOST_TEST(!svg.is_photo());
  BOOST_TEST(svg.width() == 100);  // its viewBox
  BOOST_TEST(svg.height() == 50);
  // Loaded once per file.
  BOOST_TEST(&cache.get(print_fixture("photo.jpg")) == &jpeg);
}

BOOST_AUTO_TEST_CASE(a_jpeg_goes_into_the_pdf_unchanged) {
  TempDir dir;
  const fs::path file = dir.path() / "jpeg.pdf";
  Diagnostics warnings;
  // Twice, on two pages: stored once.
  print::write_pdf(file, {page_with(print_fixture("photo.jpg"), 8, 8), page_with(print_fixture("photo.jpg"), 8, 8)},
                   {"t", "a", "s", "nl"}, {}, warnings);
  const PdfObjects pdf(file);
  const auto images = pdf.images();
  BOOST_TEST_REQUIRE(images.size() == 1U);
  const qpdf_oh image = images[0];
  BOOST_TEST(filter_of(pdf, image) == "/DCTDecode");
  BOOST_TEST(pdf.integer(pdf.key(image, "/Width")) == 60);
  BOOST_TEST(pdf.integer(pdf.key(image, "/Height")) == 40);
  BOOST_TEST((pdf.raw_stream(image) == read_file(print_fixture("photo.jpg")).value()), "the JPEG's bytes, as supplied");
}

// Photoshop's CMYK JPEGs store inverted inks (with an Adobe marker): passed
// through, they need a /Decode array, or they print as a negative.
BOOST_AUTO_TEST_CASE(an_inverted_cmyk_jpeg_keeps_its_colours) {
  TempDir dir;
  const fs::path file = dir.path() / "cmyk.pdf";
  layout::Page page{100, 100, 0, {}};
  page.items.emplace_back(layout::ImageItem{print_fixture("cyan-cmyk.jpg"), 0, 0, 100, 100});
  Diagnostics warnings;
  print::write_pdf(file, {page}, {"t", "a", "s", "nl"}, {}, warnings);
  const PdfObjects pdf(file);
  const auto images = pdf.images();
  BOOST_TEST_REQUIRE(images.size() == 1U);
  BOOST_TEST(pdf.name(pdf.key(images[0], "/ColorSpace")) == "/DeviceCMYK");
  BOOST_TEST(pdf.has_key(images[0], "/Decode"));
  BOOST_TEST((pdf.raw_stream(images[0]) == read_file(print_fixture("cyan-cmyk.jpg")).value()));
  const auto render = run_command("pdftoppm -r 72 -png -singlefile " + quote(file) + " " + quote(dir.path() / "p"));
  BOOST_TEST_REQUIRE(render.exit_code == 0, render.out);
  const Surface png = read_png(dir.path() / "p.png");
  const Pixel centre = pixel(png.get(), 50, 50);
  BOOST_TEST((centre.r < 60 && centre.g > 150 && centre.b > 150), "cyan, not its negative: " << centre);
}

BOOST_AUTO_TEST_CASE(a_png_is_embedded_and_an_svg_stays_vectors) {
  Diagnostics warnings;
  const std::string png_pdf = render({page_with(print_fixture("photo.png"), 8, 8)}, warnings);
  const PdfObjects png(png_pdf);
  const auto images = png.images();
  BOOST_TEST_REQUIRE(images.size() == 1U);
  BOOST_TEST(png.integer(png.key(images[0], "/Width")) == 60);
  BOOST_TEST(filter_of(png, images[0]) == "/FlateDecode");

  const std::string svg_pdf = render({page_with(print_fixture("logo.svg"), 100, 50)}, warnings);
  BOOST_TEST(PdfObjects(svg_pdf).images().empty());
  BOOST_TEST(warnings.all().empty());
}

BOOST_AUTO_TEST_CASE(a_photo_below_150_ppi_is_a_warning) {
  Diagnostics warnings;
  // 60×40 px over 100 mm: 15 ppi. On two pages at the same size: one warning.
  const auto page = page_with(print_fixture("photo.jpg"), 100, 100);
  render({page, page}, warnings);
  BOOST_TEST_REQUIRE(warnings.warning_count() == 1U);
  const Diagnostic& d = warnings.all()[0];
  BOOST_TEST((d.severity == Severity::warning));
  BOOST_TEST(d.pos.file == print_fixture("photo.jpg").string());
  BOOST_TEST(d.message.find("60×40 px") != std::string::npos, d.message);
  BOOST_TEST(d.message.find("100.0×66.7 mm") != std::string::npos, d.message);
  BOOST_TEST(d.message.find("15 ppi") != std::string::npos, d.message);
  BOOST_TEST(d.expected.find("591×394 px") != std::string::npos, d.expected);
  BOOST_TEST(d.fix.find("10.2×6.8 mm") != std::string::npos, d.fix);  // 60×40 px at 150 ppi
  BOOST_TEST_MESSAGE(format(d));
  // Another size of the same photo is another warning.
  render({page_with(print_fixture("photo.jpg"), 50, 50)}, warnings);
  BOOST_TEST(warnings.warning_count() == 2U);
}

BOOST_AUTO_TEST_CASE(photos_sharp_enough_and_logos_give_no_warning) {
  Diagnostics warnings;
  render({page_with(print_fixture("photo.jpg"), 10, 10),  // 152 ppi
          page_with(print_fixture("photo.png"), 5, 5), page_with(print_fixture("logo.svg"), 110, 110)},
         warnings);
  BOOST_TEST(warnings.all().empty());
}

BOOST_AUTO_TEST_CASE(a_missing_image_is_an_error_naming_it) {
  TempDir dir;
  Diagnostics warnings;
  const fs::path missing = dir.path() / "gone.jpg";
  try {
    render({page_with(missing, 10, 10)}, warnings);
    BOOST_FAIL("no error");
  } catch (const print::PrintError& e) {
    BOOST_TEST(std::string(e.what()).find(missing.string()) != std::string::npos, e.what());
    BOOST_TEST(std::string(e.what()).find("no such file") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(a_file_that_is_no_image_is_an_error_naming_it) {
  TempDir dir;
  Diagnostics warnings;
  const fs::path broken = dir.path() / "broken.jpg";
  write_file_atomically(broken, std::string("\xFF\xD8\xFF\xE0") + "and then nothing useful");
  for (const fs::path& file : {print_fixture("not-an-image.png"), broken}) {
    BOOST_TEST_CONTEXT(file) {
      try {
        print::ImageCache cache(print::ImageTarget::raster);
        cache.get(file);
        BOOST_FAIL("no error");
      } catch (const print::PrintError& e) {
        BOOST_TEST(std::string(e.what()).find(file.string()) != std::string::npos, e.what());
        BOOST_TEST_MESSAGE(e.what());
      }
    }
  }
  BOOST_CHECK_THROW(print::ImageCache(print::ImageTarget::pdf).get(broken), print::PrintError);
}

// The print backend reads through the content root's door as well: an
// image that is a FIFO, or an SVG that includes itself (which overflowed
// librsvg's stack), is an error naming the file, not a hang or a crash.
BOOST_AUTO_TEST_CASE(a_fifo_or_an_svg_that_includes_itself_is_an_error_naming_it) {
  TempDir dir;
  const fs::path pipe = dir.path() / "pipe.png";
  BOOST_TEST_REQUIRE(::mkfifo(pipe.c_str(), 0644) == 0);
  const fs::path self = dir.path() / "self.svg";
  write_file_atomically(self, R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xi="http://www.w3.org/2001/XInclude" )"
                              R"(width="10" height="10"><xi:include href="self.svg"/></svg>)");
  const std::vector<std::pair<fs::path, std::string>> refused = {{pipe, "is a FIFO (named pipe), not a regular file"},
                                                                 {self, "includes other files (XInclude)"}};
  for (const auto& [file, why] : refused) {
    try {
      print::ImageCache(print::ImageTarget::pdf).get(file);
      BOOST_ERROR("no error for " << file);
    } catch (const print::PrintError& e) {
      BOOST_TEST(std::string(e.what()).find(file.string()) != std::string::npos, e.what());
      BOOST_TEST(std::string(e.what()).find(why) != std::string::npos, e.what());
    }
  }
}

// Issue 18: libjpeg only warned of a file cut short, filled the rest with
// grey, and the build printed it with exit 0. For a PDF the JPEG was not
// decoded at all. A warning is now an error naming the file, for both.
BOOST_AUTO_TEST_CASE(a_truncated_or_corrupt_jpeg_is_an_error_naming_it) {
  TempDir dir;
  const std::string photo = read_file(print_fixture("photo.jpg")).value();
  const fs::path truncated = dir.path() / "truncated.jpg";
  write_file_atomically(truncated, photo.substr(0, photo.size() * 2 / 3));
  std::string flipped = photo;
  flipped[flipped.size() - 40] = '\xFF';  // a marker in the middle of the entropy-coded data
  flipped[flipped.size() - 39] = '\xD0';
  const fs::path corrupt = dir.path() / "corrupt.jpg";
  write_file_atomically(corrupt, flipped);
  for (const auto target : {print::ImageTarget::raster, print::ImageTarget::pdf}) {
    for (const fs::path& file : {truncated, corrupt}) {
      try {
        print::ImageCache(target).get(file);
        BOOST_ERROR("no error for " << file);
      } catch (const print::PrintError& e) {
        BOOST_TEST(std::string(e.what()).find(file.string()) != std::string::npos, e.what());
        BOOST_TEST(std::string(e.what()).find("broken JPEG") != std::string::npos, e.what());
      }
    }
  }
  BOOST_CHECK_NO_THROW(print::ImageCache(print::ImageTarget::pdf).get(print_fixture("photo.jpg")));
}

// Issue 18: the print backend puts the images an SVG links into it
// (core/svg_links.hpp) before librsvg, which is given no base file, draws
// it; a link it refuses is an error naming the SVG and the link (exit 3).
BOOST_AUTO_TEST_CASE(an_svg_is_drawn_with_the_png_it_links_and_a_bad_link_is_an_error) {
  TempDir dir;
  fs::copy_file(print_fixture("photo.png"), dir.path() / "photo.png");
  const auto svg = [&](const std::string& name, const std::string& href) {
    write_file_atomically(dir.path() / name,
                          R"(<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><image href=")" + href +
                              R"(" width="60" height="40"/></svg>)");
    return dir.path() / name;
  };
  // The PNG linked directly, and through an SVG that links it.
  for (const fs::path& logo : {svg("logo.svg", "photo.png"), svg("outer.svg", "logo.svg")}) {
    Diagnostics warnings;
    const fs::path pdf = dir.path() / "logo.pdf";
    write_file_atomically(pdf, render({page_with(logo, 60, 40)}, warnings));
    const std::string images = squash(run_shell("timeout 60 pdfimages -list '" + pdf.string() + "'"));
    BOOST_TEST(images.find(" image 60 40 rgb ") != std::string::npos, logo << ": " << images);
  }

  svg("b.svg", "a.svg");
  const std::vector<std::pair<fs::path, std::string>> refused = {
      {svg("self.svg", "self.svg"), R"(<image href="self.svg"> links the SVG itself)"},
      {svg("a.svg", "b.svg"), "leads back to 'a.svg', which links it (a cycle)"},
      {svg("url.svg", "https://example.org/x.png"), "links a URL (https:)"}};
  for (const auto& [file, why] : refused) {
    try {
      print::ImageCache(print::ImageTarget::pdf).get(file);
      BOOST_ERROR("no error for " << file);
    } catch (const print::PrintError& e) {
      BOOST_TEST(std::string(e.what()).find(file.string()) != std::string::npos, e.what());
      BOOST_TEST(std::string(e.what()).find(why) != std::string::npos, e.what());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
