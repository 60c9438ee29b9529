// The PDF backend, read back with Poppler's tools and qpdf: page boxes,
// crop marks outside the bleed, byte-identical output, embedded fonts,
// searchable text, metadata and language.

#include <impactkit/core/file_io.hpp>
#include <impactkit/print/pdf.hpp>

#include "print_support.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <iterator>
#include <thread>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::test;
using layout::mm_to_pt;

namespace {

constexpr double box_tolerance_pt = 0.01;  // pdfinfo prints boxes to 0.01 pt

layout::Page empty_page(double width_mm, double height_mm, double bleed_mm) {
  return {mm_to_pt(width_mm), mm_to_pt(height_mm), mm_to_pt(bleed_mm), {}};
}

layout::DocumentInfo sample_info() {
  return {"Warmtepomp uit Staphorst", "Provincie Overijssel", "Inkopen met Impact: posters", "nl"};
}

std::string sample_text() {
  return read_file(source_dir() / "tests/text/dutch-sample.txt").value();
}

// An A3 poster: a full-bleed band, a title, ~650 words of body text in two
// columns, shapes, a photo and a logo.
layout::Page poster() {
  const double width = mm_to_pt(297);
  const double height = mm_to_pt(420);
  const double bleed = mm_to_pt(3);
  const double margin = mm_to_pt(20);
  layout::Page page{width, height, bleed, {}};
  page.items.emplace_back(layout::RectItem{-bleed, -bleed, width + 2 * bleed, mm_to_pt(60) + bleed,
                                           text::Rgb{0.11, 0.31, 0.57}, std::nullopt, 0, 0});
  text::TextStyle heading;
  heading.weight = 700;
  heading.color = {1, 1, 1};
  page.items.emplace_back(layout::TextItem{
      print_typesetter().set("Opdrachtgeven en inkopen met Impact", heading, {width - 2 * margin, 60, 1, 0}, 30),
      margin, mm_to_pt(25)});
  text::TextStyle body;
  body.align = text::Align::justify;
  page.items.emplace_back(
      layout::TextItem{print_typesetter().set(sample_text(), body, {width - 2 * margin, mm_to_pt(260), 2, 18}, 10),
                       margin, mm_to_pt(75)});
  page.items.emplace_back(layout::RectItem{margin, mm_to_pt(345), mm_to_pt(80), mm_to_pt(40), text::Rgb{1, 0.9, 0.6},
                                           text::Rgb{0.5, 0.3, 0}, 1, mm_to_pt(4)});
  page.items.emplace_back(layout::LineItem{margin, mm_to_pt(340), width - margin, mm_to_pt(340), {}, 0.5});
  page.items.emplace_back(
      layout::CircleItem{mm_to_pt(150), mm_to_pt(365), mm_to_pt(15), text::Rgb{0.2, 0.6, 0.3}, std::nullopt, 0});
  page.items.emplace_back(
      layout::ImageItem{print_fixture("photo.jpg"), mm_to_pt(180), mm_to_pt(345), mm_to_pt(8), mm_to_pt(8)});
  page.items.emplace_back(
      layout::ImageItem{print_fixture("photo.png"), mm_to_pt(190), mm_to_pt(345), mm_to_pt(8), mm_to_pt(8)});
  page.items.emplace_back(
      layout::ImageItem{print_fixture("logo.svg"), mm_to_pt(220), mm_to_pt(345), mm_to_pt(57), mm_to_pt(30)});
  return page;
}

std::vector<layout::Page> sample_document() {
  return {poster(), empty_page(105, 148, 3)};
}

print::PdfOptions with_marks() {
  print::PdfOptions options;
  options.crop_marks = true;
  return options;
}

void check_box(const PdfInfo& info, const std::string& name, const print::PdfBox& expected) {
  BOOST_TEST_REQUIRE(info.boxes.count(name) == 1, name << " missing");
  const auto& box = info.boxes.at(name);
  const std::array<double, 4> want{expected.left, expected.bottom, expected.right, expected.top};
  for (std::size_t i = 0; i < 4; ++i) {
    BOOST_TEST(std::abs(box[i] - want[i]) <= box_tolerance_pt, name << "[" << i << "] " << box[i] << " != " << want[i]);
  }
}

// `outer` holds `inner`.
bool contains(const std::array<double, 4>& outer, const std::array<double, 4>& inner) {
  constexpr double e = 0.005;
  return outer[0] <= inner[0] + e && outer[1] <= inner[1] + e && outer[2] >= inner[2] - e && outer[3] >= inner[3] - e;
}

// An environment variable set for one test, restored afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    set(value);
  }
  ~ScopedEnv() { set(old_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void set(const std::optional<std::string>& value) {
    if (value) {
      ::setenv(name_, value->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(print_pdf)

BOOST_AUTO_TEST_CASE(page_is_trim_plus_bleed_and_boxes_are_set) {
  TempDir dir;
  const fs::path file = dir.path() / "a4.pdf";
  const auto page = empty_page(210, 297, 3);
  Diagnostics warnings;
  print::write_pdf(file, {page}, sample_info(), {}, warnings);
  const PdfInfo info = pdfinfo(file);
  BOOST_TEST(std::abs(info.page_width_pt - (mm_to_pt(210) + 2 * mm_to_pt(3))) < 0.01);
  BOOST_TEST(std::abs(info.page_height_pt - (mm_to_pt(297) + 2 * mm_to_pt(3))) < 0.01);
  const auto geometry = print::page_geometry(page, {});
  check_box(info, "TrimBox", {mm_to_pt(3), mm_to_pt(3), mm_to_pt(213), mm_to_pt(300)});
  check_box(info, "BleedBox", {0, 0, mm_to_pt(216), mm_to_pt(303)});
  check_box(info, "MediaBox", geometry.bleed);
  BOOST_TEST(info.boxes.at("MediaBox") == info.boxes.at("BleedBox"));
  BOOST_TEST(warnings.all().empty());
}

BOOST_AUTO_TEST_CASE(crop_marks_make_the_media_box_larger) {
  TempDir dir;
  for (const double bleed_mm : {0.0, 3.0, 5.0}) {
    BOOST_TEST_CONTEXT("bleed " << bleed_mm << " mm") {
      const fs::path file = dir.path() / "marks.pdf";
      const auto page = empty_page(148, 210, bleed_mm);
      Diagnostics warnings;
      print::write_pdf(file, {page}, sample_info(), with_marks(), warnings);
      const PdfInfo info = pdfinfo(file);
      // Marks start max(bleed, 3 mm) from the trim edge and are 6 mm long.
      const double margin_mm = std::max(bleed_mm, 3.0) + 6;
      BOOST_TEST(std::abs(info.page_width_pt - mm_to_pt(148 + 2 * margin_mm)) < 0.01);
      BOOST_TEST(std::abs(info.page_height_pt - mm_to_pt(210 + 2 * margin_mm)) < 0.01);
      const double m = mm_to_pt(margin_mm);
      const double b = mm_to_pt(bleed_mm);
      check_box(info, "TrimBox", {m, m, m + mm_to_pt(148), m + mm_to_pt(210)});
      check_box(info, "BleedBox", {m - b, m - b, m + mm_to_pt(148) + b, m + mm_to_pt(210) + b});
      check_box(info, "MediaBox", {0, 0, 2 * m + mm_to_pt(148), 2 * m + mm_to_pt(210)});
      BOOST_TEST(contains(info.boxes.at("MediaBox"), info.boxes.at("BleedBox")));
      BOOST_TEST(contains(info.boxes.at("BleedBox"), info.boxes.at("TrimBox")));
    }
  }
}

BOOST_AUTO_TEST_CASE(pages_keep_their_own_sizes) {
  TempDir dir;
  const fs::path file = dir.path() / "two.pdf";
  Diagnostics warnings;
  print::write_pdf(file, {empty_page(297, 420, 3), empty_page(63, 88, 2)}, sample_info(), {}, warnings);
  BOOST_TEST(pdfinfo(file).fields["Pages"] == "2");
  const PdfInfo second = pdfinfo(file, 2);
  BOOST_TEST(std::abs(second.page_width_pt - mm_to_pt(67)) < 0.01);
  check_box(second, "TrimBox", {mm_to_pt(2), mm_to_pt(2), mm_to_pt(65), mm_to_pt(90)});
}

// Rendered at 144 dpi: inside the bleed box only the page's own (clipped)
// background; outside it nothing but the eight marks, each on a trim line
// and from the marks' offset to its end.
BOOST_AUTO_TEST_CASE(crop_marks_lie_outside_the_bleed_on_the_trim_lines) {
  TempDir dir;
  const fs::path file = dir.path() / "marks.pdf";
  auto page = empty_page(100, 80, 3);
  // A background reaching far beyond the bleed: it must be cut at the bleed.
  page.items.emplace_back(layout::RectItem{-mm_to_pt(20), -mm_to_pt(20), mm_to_pt(140), mm_to_pt(120),
                                           text::Rgb{0.8, 0.9, 1.0}, std::nullopt, 0, 0});
  Diagnostics warnings;
  const auto options = with_marks();
  print::write_pdf(file, {page}, sample_info(), options, warnings);
  const auto render =
      run_command("pdftoppm -r 144 -png -singlefile " + quote(file) + " " + quote(dir.path() / "marks"));
  BOOST_TEST_REQUIRE(render.exit_code == 0, render.out);
  const Surface png = read_png(dir.path() / "marks.png");
  BOOST_TEST_REQUIRE(cairo_surface_status(png.get()) == CAIRO_STATUS_SUCCESS);

  const double px = 2;  // pixels per pt at 144 dpi
  const auto g = print::page_geometry(page, options);
  const double trim_left = g.margin_pt * px, trim_right = (g.margin_pt + page.trim_width_pt) * px;
  const double trim_top = g.margin_pt * px, trim_bottom = (g.margin_pt + page.trim_height_pt) * px;
  const double bleed = page.bleed_pt * px;
  const double start = g.crop_mark_offset_pt * px, end = (g.crop_mark_offset_pt + g.crop_mark_length_pt) * px;
  const auto near_line = [](double v, double line) { return std::abs(v + 0.5 - line) <= 1.5; };
  const auto along_mark = [&](double v, double edge, double direction) {
    const double d = (v + 0.5 - edge) * direction;  // distance outwards from the trim edge
    return d >= start - 1.5 && d <= end + 1.5;
  };

  std::array<int, 8> mark_pixels{};
  int stray_pixels = 0;
  int wrong_inside = 0;
  const int width = cairo_image_surface_get_width(png.get());
  const int height = cairo_image_surface_get_height(png.get());
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const Pixel p = pixel(png.get(), x, y);
      const bool inside_bleed = x + 0.5 > trim_left - bleed && x + 0.5 < trim_right + bleed &&
                                y + 0.5 > trim_top - bleed && y + 0.5 < trim_bottom + bleed;
      if (inside_bleed) {
        const bool at_edge = x + 0.5 < trim_left - bleed + 2 || x + 0.5 > trim_right + bleed - 2 ||
                             y + 0.5 < trim_top - bleed + 2 || y + 0.5 > trim_bottom + bleed - 2;
        if (!at_edge && !near(p, 204, 230, 255, 3)) ++wrong_inside;
        continue;
      }
      if (near(p, 255, 255, 255, 5)) continue;
      int mark = -1;
      for (int corner = 0; corner < 4; ++corner) {
        const double cx = corner % 2 ? trim_right : trim_left;
        const double cy = corner / 2 ? trim_bottom : trim_top;
        const double dx = corner % 2 ? 1 : -1;
        const double dy = corner / 2 ? 1 : -1;
        if (near_line(y, cy) && along_mark(x, cx, dx)) mark = corner * 2;
        if (near_line(x, cx) && along_mark(y, cy, dy)) mark = corner * 2 + 1;
      }
      if (mark < 0) {
        ++stray_pixels;
      } else {
        ++mark_pixels[static_cast<std::size_t>(mark)];
      }
    }
  }
  BOOST_TEST(wrong_inside == 0);
  BOOST_TEST(stray_pixels == 0);
  for (std::size_t i = 0; i < mark_pixels.size(); ++i) {
    // A mark of 6 mm at 144 dpi is 34 px long.
    BOOST_TEST(mark_pixels[i] >= 30, "mark " << i << " has " << mark_pixels[i] << " pixels");
  }
}

BOOST_AUTO_TEST_CASE(no_crop_marks_unless_asked) {
  TempDir dir;
  const fs::path file = dir.path() / "plain.pdf";
  Diagnostics warnings;
  print::write_pdf(file, {empty_page(50, 50, 3)}, sample_info(), {}, warnings);
  BOOST_TEST_REQUIRE(
      run_command("pdftoppm -r 72 -png -singlefile " + quote(file) + " " + quote(dir.path() / "p")).exit_code == 0);
  const Surface png = read_png(dir.path() / "p.png");
  int ink = 0;
  for (int y = 0; y < cairo_image_surface_get_height(png.get()); ++y) {
    for (int x = 0; x < cairo_image_surface_get_width(png.get()); ++x)
      ink += !near(pixel(png.get(), x, y), 255, 255, 255, 2);
  }
  BOOST_TEST(ink == 0);
}

BOOST_AUTO_TEST_CASE(same_pages_give_the_same_bytes) {
  TempDir dir;
  const auto pages = sample_document();
  Diagnostics warnings;
  const fs::path first = dir.path() / "first.pdf";
  const fs::path second = dir.path() / "second.pdf";
  print::write_pdf(first, pages, sample_info(), with_marks(), warnings);
  // A second later, so that anything taken from the clock would differ.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  print::write_pdf(second, pages, sample_info(), with_marks(), warnings);
  const auto a = read_file(first).value();
  BOOST_TEST(a == read_file(second).value());

  // And from another process (other addresses, other start-up): this test
  // program, running only the case below.
  const fs::path third = dir.path() / "third.pdf";
  const auto child =
      run_command("IMPACTKIT_PRINT_CHILD_PDF=" + quote(third) + " " + quote(fs::read_symlink("/proc/self/exe")) +
                  " --run_test=print_pdf/write_for_another_process --log_level=error");
  // Not its exit code: under a leak checker, libraries' own leaks make it fail.
  BOOST_TEST(a == read_file(third).value_or(""), child.out);
}

// Run by same_pages_give_the_same_bytes in a child process.
BOOST_AUTO_TEST_CASE(write_for_another_process, *boost::unit_test::disabled()) {
  const char* out = std::getenv("IMPACTKIT_PRINT_CHILD_PDF");
  BOOST_TEST_REQUIRE(out != nullptr);
  Diagnostics warnings;
  print::write_pdf(out, sample_document(), sample_info(), with_marks(), warnings);
}

BOOST_AUTO_TEST_CASE(every_font_is_embedded_as_a_subset) {
  TempDir dir;
  const fs::path file = dir.path() / "poster.pdf";
  Diagnostics warnings;
  print::write_pdf(file, {poster()}, sample_info(), {}, warnings);
  const auto fonts = run_command("pdffonts " + quote(file));
  BOOST_TEST_REQUIRE(fonts.exit_code == 0, fonts.out);
  // name type [encoding] emb sub uni object ID: the last five columns.
  std::istringstream lines(fonts.out);
  std::string line;
  std::getline(lines, line);  // header
  std::getline(lines, line);  // ----
  int count = 0;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::vector<std::string> columns{std::istream_iterator<std::string>(words), {}};
    BOOST_TEST_REQUIRE(columns.size() >= 6, line);
    const auto n = columns.size();
    BOOST_TEST(columns[n - 5] == "yes", "not embedded: " << line);
    BOOST_TEST(columns[n - 4] == "yes", "not a subset: " << line);
    BOOST_TEST(columns[0].size() > 7);
    BOOST_TEST(columns[0][6] == '+', "subset names start with a tag: " << line);
    ++count;
  }
  BOOST_TEST(count >= 2, fonts.out);  // Inter regular and bold
}

BOOST_AUTO_TEST_CASE(text_can_be_found) {
  TempDir dir;
  const fs::path file = dir.path() / "poster.pdf";
  Diagnostics warnings;
  print::write_pdf(file, {poster()}, sample_info(), {}, warnings);
  const auto text = run_command("pdftotext " + quote(file) + " -");
  BOOST_TEST_REQUIRE(text.exit_code == 0, text.out);
  BOOST_TEST(text.out.find("Opdrachtgeven en inkopen met Impact") != std::string::npos, text.out);
  // The body's first words.
  const std::string body = sample_text();
  const std::string first_words = body.substr(0, body.find(' ', body.find(' ') + 1));
  BOOST_TEST(text.out.find(first_words) != std::string::npos, first_words);
}

BOOST_AUTO_TEST_CASE(metadata_and_language) {
  TempDir dir;
  const fs::path file = dir.path() / "meta.pdf";
  Diagnostics warnings;
  {
    const ScopedEnv no_epoch("SOURCE_DATE_EPOCH", std::nullopt);
    print::write_pdf(file, {empty_page(100, 100, 0)}, sample_info(), {}, warnings);
  }
  auto info = pdfinfo(file);
  BOOST_TEST(info.fields["Title"] == "Warmtepomp uit Staphorst");
  BOOST_TEST(info.fields["Author"] == "Provincie Overijssel");
  BOOST_TEST(info.fields["Subject"] == "Inkopen met Impact: posters");
  BOOST_TEST(info.fields["Creator"] == "impactkit");
  BOOST_TEST(info.fields["Producer"].starts_with("impactkit"));
  // No clock: without SOURCE_DATE_EPOCH, 2000-01-01.
  BOOST_TEST(info.fields["CreationDate"].starts_with("2000-01-01T00:00:00"), info.fields["CreationDate"]);
  BOOST_TEST(info.fields["ModDate"].starts_with("2000-01-01T00:00:00"), info.fields["ModDate"]);
  const PdfObjects pdf(file);
  BOOST_TEST_REQUIRE(pdf.has_key(pdf.root(), "/Lang"));
  BOOST_TEST(pdf.utf8(pdf.key(pdf.root(), "/Lang")) == "nl");
  BOOST_TEST(warnings.all().empty());
}

BOOST_AUTO_TEST_CASE(dates_come_from_the_options_or_source_date_epoch) {
  TempDir dir;
  const fs::path file = dir.path() / "dated.pdf";
  Diagnostics warnings;
  print::PdfOptions options;
  options.source_date_epoch = 1700000000;  // 2023-11-14T22:13:20Z
  print::write_pdf(file, {empty_page(100, 100, 0)}, sample_info(), options, warnings);
  BOOST_TEST(pdfinfo(file).fields["CreationDate"].starts_with("2023-11-14T22:13:20"));
  {
    const ScopedEnv epoch("SOURCE_DATE_EPOCH", "1600000000");  // 2020-09-13T12:26:40Z
    print::write_pdf(file, {empty_page(100, 100, 0)}, sample_info(), {}, warnings);
  }
  BOOST_TEST(pdfinfo(file).fields["CreationDate"].starts_with("2020-09-13T12:26:40"));
  BOOST_TEST(warnings.all().empty());
  {
    const ScopedEnv epoch("SOURCE_DATE_EPOCH", "yesterday");
    print::write_pdf(file, {empty_page(100, 100, 0)}, sample_info(), {}, warnings);
  }
  BOOST_TEST(pdfinfo(file).fields["CreationDate"].starts_with("2000-01-01T00:00:00"));
  BOOST_TEST_REQUIRE(warnings.warning_count() == 1U);
  BOOST_TEST(warnings.all()[0].message.find("yesterday") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(pages_that_cannot_be_printed_are_errors) {
  Diagnostics warnings;
  BOOST_CHECK_THROW(print::render_pdf({}, sample_info(), {}, warnings), print::PrintError);
  BOOST_CHECK_THROW(print::render_pdf({empty_page(0, 100, 3)}, sample_info(), {}, warnings), print::PrintError);
  BOOST_CHECK_THROW(print::render_pdf({empty_page(100, 100, -1)}, sample_info(), {}, warnings), print::PrintError);
}

BOOST_AUTO_TEST_CASE(a_failed_write_leaves_no_file) {
  TempDir dir;
  auto page = empty_page(100, 100, 3);
  page.items.emplace_back(layout::ImageItem{dir.path() / "missing.jpg", 0, 0, 50, 50});
  Diagnostics warnings;
  BOOST_CHECK_THROW(print::write_pdf(dir.path() / "out.pdf", {page}, sample_info(), {}, warnings), print::PrintError);
  BOOST_TEST(fs::is_empty(dir.path()));
}

BOOST_AUTO_TEST_SUITE_END()
