// impactkit preflight on produced files, and on broken ones made here: a
// font that is not embedded, a TrimBox outside the MediaBox, a laser sheet
// with text, a transform, an open cut and a cut off the sheet.

#include <impactkit/core/file_io.hpp>
#include <impactkit/pipeline/preflight.hpp>

#include "support.hpp"

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace impactkit;

namespace {

// A one-page PDF with `boxes` in its page dictionary and a text in
// Helvetica, a font the file does not embed. qpdf reconstructs the cross-
// reference table, so offsets need not be exact.
std::string hand_made_pdf(const std::string& boxes) {
  const std::string content = "BT /F1 24 Tf 72 720 Td (Inkopen met Impact) Tj ET";
  return fmt::format(
      "%PDF-1.4\n"
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
      "3 0 obj << /Type /Page /Parent 2 0 R {} /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj\n"
      "4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
      "5 0 obj << /Length {} >> stream\n{}\nendstream endobj\n"
      "trailer << /Root 1 0 R >>\n%%EOF\n",
      boxes, content.size(), content);
}

const pipeline::PreflightRow* row(const pipeline::PreflightReport& r, const std::string& file,
                                  const std::string& check) {
  const auto it = std::find_if(r.rows.begin(), r.rows.end(),
                               [&](const pipeline::PreflightRow& x) { return x.file == file && x.check == check; });
  return it == r.rows.end() ? nullptr : &*it;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_built_exhibit_passes_preflight) {
  test::TempDir out;
  const auto built = test::run_impactkit({"build", "-q", "--only", "cards,laser", "--preview-dpi", "0", "-o",
                                          out.path().string(), "-C", test::source_dir().string()});
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  const auto r = test::run_impactkit({"preflight", "-o", out.path().string()});
  BOOST_TEST(r.exit_code == 0, r.out << r.err);
  BOOST_TEST(r.out.find("cards/nl/deck-office-A4.pdf") != std::string::npos);
  BOOST_TEST(r.out.find("laser/exhibit-1.svg") != std::string::npos);
  BOOST_TEST(r.out.find("all checks pass") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("FAIL") == std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(broken_pdfs_fail_their_checks) {
  test::TempDir out;
  write_file_atomically(out.path() / "fonts.pdf", hand_made_pdf("/MediaBox [0 0 595 842]"));
  write_file_atomically(out.path() / "boxes.pdf",
                        hand_made_pdf("/MediaBox [0 0 595 842] /BleedBox [0 0 595 842] /TrimBox [-5 0 600 842]"));
  write_file_atomically(out.path() / "broken.pdf", "this is not a PDF");
  const auto report = pipeline::preflight(out.path());
  const auto* unreadable = row(report, "broken.pdf", "readable");
  BOOST_TEST_REQUIRE(unreadable != nullptr);
  BOOST_TEST(!unreadable->ok);
  const auto* fonts = row(report, "fonts.pdf", "fonts embedded");
  BOOST_TEST_REQUIRE(fonts != nullptr);
  BOOST_TEST(!fonts->ok);
  BOOST_TEST(fonts->detail.find("Helvetica") != std::string::npos, fonts->detail);
  const auto* boxes = row(report, "boxes.pdf", "page boxes");
  BOOST_TEST_REQUIRE(boxes != nullptr);
  BOOST_TEST(!boxes->ok);
  BOOST_TEST(boxes->detail.find("TrimBox reaches outside the BleedBox") != std::string::npos, boxes->detail);
  BOOST_TEST(row(report, "fonts.pdf", "page boxes")->ok);

  const auto r = test::run_impactkit({"preflight", "-o", out.path().string()});
  BOOST_TEST(r.exit_code == 4);
  BOOST_TEST(r.err.find("checks fail") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(broken_laser_sheets_fail_their_checks) {
  test::TempDir out;
  write_file_atomically(
      out.path() / "good.svg",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100.000mm\" height=\"50.000mm\" viewBox=\"0 0 "
      "100.000 50.000\">\n  <g id=\"cut\">\n    <path d=\"M10.000 10.000 L20.000 10.000 L20.000 20.000 "
      "Z\"/>\n    <circle cx=\"50.000\" cy=\"25.000\" r=\"5.000\"/>\n  </g>\n</svg>\n");
  write_file_atomically(out.path() / "bad.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100mm\" height=\"50mm\" viewBox=\"0 0 200 "
                        "100\">\n  <text x=\"1\" y=\"1\">label</text>\n  <g id=\"cut\" transform=\"scale(2)\">\n    "
                        "<path d=\"M10.000 10.000 L20.000 10.000 L20.000 20.000\"/>\n    <circle cx=\"199.000\" "
                        "cy=\"25.000\" r=\"5.000\"/>\n  </g>\n</svg>\n");
  const auto report = pipeline::preflight(out.path());
  for (const char* check :
       {"1 unit = 1 mm", "paths and circles only", "cut contours closed", "parts inside the sheet"}) {
    const auto* good = row(report, "good.svg", check);
    const auto* bad = row(report, "bad.svg", check);
    BOOST_TEST_REQUIRE((good && bad), check);
    BOOST_TEST(good->ok, check << ": " << good->detail);
    BOOST_TEST(!bad->ok, check << ": " << bad->detail);
  }
  BOOST_TEST(row(report, "bad.svg", "paths and circles only")->detail.find("text") != std::string::npos);
  BOOST_TEST(row(report, "bad.svg", "cut contours closed")->detail == "1 of 2 open");
}

BOOST_AUTO_TEST_CASE(a_missing_output_folder_is_a_file_error) {
  test::TempDir dir;
  const auto r = test::run_impactkit({"preflight", "-o", (dir.path() / "nothing-here").string()});
  BOOST_TEST(r.exit_code == 3);
  BOOST_TEST(r.err.find("run `impactkit build` first") != std::string::npos, r.err);
}

// Issue 18: files in the output folder are untrusted (a fork can carry
// them). A width of 100,000 digits overflowed std::regex's recursion.
BOOST_AUTO_TEST_CASE(a_sheet_with_a_100000_digit_width_fails_readable_without_a_crash) {
  test::TempDir out;
  std::filesystem::create_directory(out.path() / "laser");
  write_file_atomically(out.path() / "laser" / "huge.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::string(100000, '9') +
                            "mm\" height=\"50mm\" viewBox=\"0 0 100 50\">\n  <g id=\"cut\"/>\n</svg>\n");
  const auto r = test::run_impactkit({"preflight", "-o", out.path().string()});
  BOOST_TEST(r.exit_code == 4, r.out << r.err);
  BOOST_TEST(r.out.find("laser/huge.svg") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("readable  FAIL  width is not a number of a size a sheet can have") != std::string::npos,
             r.out);
}

BOOST_AUTO_TEST_CASE(preflight_neither_expands_entities_nor_reads_external_ones) {
  test::TempDir out;
  // A billion laughs: libxml2 refuses it without expanding it.
  std::string laughs = "<!DOCTYPE svg [<!ENTITY a0 \"lol\">";
  for (int i = 1; i < 10; ++i) {
    laughs += fmt::format("<!ENTITY a{} \"", i);
    for (int j = 0; j < 10; ++j) laughs += fmt::format("&a{};", i - 1);
    laughs += "\">";
  }
  const std::string svg_start =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100mm\" height=\"50mm\" viewBox=\"0 0 100 50\">";
  write_file_atomically(out.path() / "bomb.svg",
                        "<?xml version=\"1.0\"?>" + laughs + "]>" + svg_start + "<g id=\"cut\">&a9;</g></svg>\n");
  // An external entity naming a file outside the output folder: not read.
  test::TempDir outside;
  write_file_atomically(outside.path() / "secret.xml", "<path d=\"M 0 0 L 9999 9999\"/><text>secret</text>");
  write_file_atomically(out.path() / "external.svg", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"" +
                                                         (outside.path() / "secret.xml").string() + "\">]>" +
                                                         svg_start + "<g id=\"cut\">&x;</g></svg>\n");
  const auto report = pipeline::preflight(out.path());
  const auto* bomb = row(report, "bomb.svg", "readable");
  BOOST_TEST_REQUIRE(bomb);
  BOOST_TEST(!bomb->ok);
  BOOST_TEST(bomb->detail.find("entity") != std::string::npos, bomb->detail);
  BOOST_TEST_REQUIRE(row(report, "external.svg", "paths and circles only"));
  BOOST_TEST(row(report, "external.svg", "paths and circles only")->ok);
  BOOST_TEST(row(report, "external.svg", "parts inside the sheet")->detail == "no cuts");
}

BOOST_AUTO_TEST_CASE(a_sheet_that_is_not_xml_fails_readable) {
  test::TempDir out;
  write_file_atomically(out.path() / "cut.svg", "<svg width=\"1mm\"><g></svg>");
  const auto report = pipeline::preflight(out.path());
  const auto* readable = row(report, "cut.svg", "readable");
  BOOST_TEST_REQUIRE(readable);
  BOOST_TEST(!readable->ok);
  BOOST_TEST(readable->detail.find("not well-formed XML") != std::string::npos, readable->detail);
}
