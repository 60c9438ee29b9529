// Preflight's contrast row: words measured on the rendered pages of the
// output folder's PDFs. A build whose template sets white on SDG 7's yellow
// is warned at the template element, and preflight names the file, page,
// word and both colours; the repository's intro poster passes.

#include <impactkit/core/file_io.hpp>
#include <impactkit/pipeline/preflight.hpp>
#include <impactkit/pipeline/preflight_contrast.hpp>

#include "support.hpp"

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

const pipeline::PreflightRow* contrast_row(const pipeline::PreflightReport& r, const std::string& file) {
  const auto it = std::find_if(r.rows.begin(), r.rows.end(), [&](const pipeline::PreflightRow& x) {
    return x.file == file && x.check == "contrast";
  });
  return it == r.rows.end() ? nullptr : &*it;
}

// The minimal content root with an intro poster of the roadshow's title in
// white on `fill`; its build's warnings.
std::string build_intro_on(const fs::path& root, const fs::path& out, const std::string& fill) {
  test::compose_fixture(root);
  fs::create_directories(root / "templates");
  write_file_atomically(root / "templates/poster-intro.yaml",
                        "page: {size: A1}\ngrid: {columns: 4, rows: 4}\nelements:\n"
                        "  - rect: {area: bleed, fill: \"" +
                            fill +
                            "\"}\n"
                            "  - text: {area: [1, 1, 4, 1], field: roadshow.title, style: heading, color: white}\n");
  const auto r = test::run_impactkit({"build", "-C", root.string(), "-o", out.string(), "--only", "posters", "--poster",
                                      "intro", "--lang", "nl", "--preview-dpi", "0"});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  return r.err;
}

}  // namespace

BOOST_AUTO_TEST_CASE(word_boxes_and_rendered_pixels_are_read) {
  const auto pages = pipeline::parse_word_boxes(
      "<doc><page width=\"595\" height=\"842\"><word xMin=\"10\" yMin=\"20\" xMax=\"40\" yMax=\"32\">R&amp;D</word>"
      "<word xMin=\"nan\" yMin=\"1\" xMax=\"2\" yMax=\"3\">x</word><word xMin=\"5\" yMin=\"5\" xMax=\"4\" "
      "yMax=\"9\">inverted</word></page><page width=\"100\" height=\"50\"></page><page width=\"-1\"></doc>");
  BOOST_TEST_REQUIRE(pages.size() == 2u);
  BOOST_TEST_REQUIRE(pages[0].words.size() == 1u);
  BOOST_TEST(pages[0].words[0].text == "R&D");
  BOOST_TEST(pages[0].words[0].y1 == 32.0);
  BOOST_TEST(!pipeline::parse_ppm("P5\n2 2\n255\n....").has_value());
  BOOST_TEST(!pipeline::parse_ppm("P6\n2 2\n255\nshort").has_value());
  BOOST_TEST(!pipeline::parse_ppm("P6\n99999999999 2\n255\n").has_value());

  // A 20 x 10 box of yellow with a 4 x 4 block of white ink and a blend at its edge.
  std::string rgb;
  for (int y = 0; y < 10; ++y) {
    for (int x = 0; x < 20; ++x) {
      const bool ink = x >= 8 && x < 12 && y >= 3 && y < 7;
      const bool edge = x == 12 && y >= 3 && y < 7;
      rgb += ink ? "\xFF\xFF\xFF" : edge ? "\xFD\xD0\x50" : "\xFC\xC3\x0B";
    }
  }
  const std::string file = "P6\n20 10\n255\n" + rgb;  // the pixels are a view of it
  const auto ppm = pipeline::parse_ppm(file);
  BOOST_TEST_REQUIRE(ppm.has_value());
  const auto c = pipeline::measure_word(*ppm, 0, 0, 20, 10);
  BOOST_TEST(c.background == 0xFCC30Bu);
  BOOST_TEST(c.ink == 0xFFFFFFu);
  // Outside the page: clamped; without ink, both are the background.
  BOOST_TEST(pipeline::measure_word(*ppm, 0, 0, 5, 50).ink == 0xFCC30Bu);
}

BOOST_AUTO_TEST_CASE(white_on_sdg_7_yellow_is_warned_at_build_and_by_preflight) {
  test::TempDir root;
  test::TempDir out;
  const auto warnings = build_intro_on(root.path(), out.path(), "FCC30B");
  BOOST_TEST(warnings.find("templates/poster-intro.yaml:5:5: warning: text in #FFFFFF on #FCC30B has a contrast of "
                           "1.6:1, less than the 3:1 that WCAG 2.1 asks for large text") != std::string::npos,
             warnings);
  const auto report = pipeline::preflight(out.path());
  const auto* row = contrast_row(report, "posters/nl/A1/intro.pdf");
  BOOST_TEST_REQUIRE(row);
  BOOST_TEST((row->ok && row->warn), row->detail);
  BOOST_TEST(row->detail.find("page 1 'Testroadshow' #FFFFFF on #FCC30B 1.6:1, needs") != std::string::npos,
             row->detail);
  const auto r = test::run_impactkit({"preflight", "-o", out.path().string()});
  BOOST_TEST(r.exit_code == 0, r.out << r.err);  // a warning, not a failure
  BOOST_TEST(r.out.find("WARN  1 word below WCAG 2.1's contrast: page 1 'Testroadshow'") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("all checks pass, 1 warning") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(white_on_blue_and_the_repositorys_intro_poster_pass) {
  test::TempDir root;
  test::TempDir blue;
  const auto warnings = build_intro_on(root.path(), blue.path(), "1D4F91");
  BOOST_TEST(warnings.find("contrast") == std::string::npos, warnings);
  const auto blue_report = pipeline::preflight(blue.path());
  const auto* on_blue = contrast_row(blue_report, "posters/nl/A1/intro.pdf");
  BOOST_TEST_REQUIRE(on_blue);
  BOOST_TEST((on_blue->ok && !on_blue->warn), on_blue->detail);
  BOOST_TEST(on_blue->detail.find("the lowest 8.1:1") != std::string::npos, on_blue->detail);

  test::TempDir out;
  const auto r = test::run_impactkit({"build", "-C", test::source_dir().string(), "-o", out.path().string(), "--only",
                                      "posters", "--poster", "intro", "--preview-dpi", "0"});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  const auto report = pipeline::preflight(out.path());
  for (const char* file : {"posters/nl/A1/intro.pdf", "posters/en/A1/intro.pdf"}) {
    const auto* row = contrast_row(report, file);
    BOOST_TEST_REQUIRE(row, file);
    BOOST_TEST((row->ok && !row->warn), file << ": " << row->detail);
    BOOST_TEST(row->detail.find(" words on 1 page") != std::string::npos, row->detail);
  }
}

// The output folder is untrusted: a word placed a hundred billion pt off
// the page (which pdftotext may list, with a box measured clamped to the
// page) is neither measured nor a crash; the word on the page is.
BOOST_AUTO_TEST_CASE(words_off_the_page_are_left_out_and_the_rest_measured) {
  test::TempDir out;
  const std::string content =
      "BT /F1 24 Tf 1 0 0 1 99999999999 -99999999999 Tm (far) Tj ET 0.3 g BT /F1 24 Tf 72 720 Td (near) Tj ET";
  write_file_atomically(out.path() / "hostile.pdf",
                        fmt::format("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                                    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                                    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
                                    "/Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj\n"
                                    "4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
                                    "5 0 obj << /Length {} >> stream\n{}\nendstream endobj\n"
                                    "trailer << /Root 1 0 R >>\n%%EOF\n",
                                    content.size(), content));
  const auto report = pipeline::preflight(out.path());
  const auto* row = contrast_row(report, "hostile.pdf");
  BOOST_TEST_REQUIRE(row);
  // 0.3 grey (#4C4C4C or #4D4D4D as rendered) on white: about 8.5:1.
  BOOST_TEST((row->ok && !row->warn), row->detail);
  BOOST_TEST(row->detail.find("1 word on 1 page, the lowest 8.") != std::string::npos, row->detail);
}
