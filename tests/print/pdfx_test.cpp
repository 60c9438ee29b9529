// PDF/X-4 for print shops (`build --pdfx`), read back with programs that
// did not write it: the qpdf program (QDF text, every stream decoded),
// Poppler's pdfinfo and pdftotext, and Ghostscript, which draws each page
// in CMYK to measure the ink.

#include <impactkit/core/file_io.hpp>
#include <impactkit/print/detail/content_stream.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/press_colour.hpp>

#include "print_support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::test;

namespace {

// The repository's roadshow with what PDF/X must convert besides flat
// colours: a PNG and a JPEG photo on a case, and a logo with a gradient
// that fades out (a shading under a soft mask), built with --pdfx.
struct PdfxBuild {
  TempDir root;
  TempDir out;
  Result result;
};

const PdfxBuild& pdfx_build() {
  static const auto built = [] {
    auto b = std::make_unique<PdfxBuild>();
    const fs::path root = b->root.path();
    for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
      fs::copy(source_dir() / item, root / item, fs::copy_options::recursive);
    }
    fs::create_directories(root / "assets");
    fs::copy_file(print_fixture("photo.png"), root / "assets/veld.png");
    fs::copy_file(print_fixture("photo.jpg"), root / "assets/veld.jpg");
    write_file_atomically(root / "assets/logo.svg",
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
                          "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#1D4F91\"/>"
                          "<stop offset=\"1\" stop-color=\"#E07B00\" stop-opacity=\"0.5\"/></linearGradient></defs>"
                          "<rect width=\"200\" height=\"100\" fill=\"url(#g)\"/>"
                          "<circle cx=\"50\" cy=\"50\" r=\"30\" fill=\"#000\"/></svg>");
    replace_in(root / "theme.yaml", "\nfonts:", "\nlogo: assets/logo.svg\nfonts:");
    replace_in(root / "cases/natura2000-onderhoud.yaml", "\nsources:\n",
               "\nimages:\n  - file: assets/veld.png\n    caption: Maaien langs de Vecht\n    credit: Test\n"
               "sources:\n");
    replace_in(root / "cases/regionale-catering.yaml", "\nsources:\n",
               "\nimages:\n  - file: assets/veld.jpg\n    caption: Koken in de regio\n    credit: Test\n"
               "sources:\n");
    b->result = run_impactkit(
        {"build", "--lang", "nl", "--size", "A3", "--preview-dpi", "0", "--pdfx", "-o", b->out.path().string()}, root);
    return b;
  }();
  return *built;
}

// The five kinds of PDF sent to print shops, as their PDF/X files.
std::vector<fs::path> print_files() {
  const fs::path out = pdfx_build().out.path();
  return {out / "posters/nl/A3/pdfx/natura2000-onderhoud-route.pdf",
          out / "posters/nl/A3/pdfx/intro.pdf",
          out / "posters/nl/A3/pdfx/regionale-catering-route.pdf",
          out / "cards/nl/pdfx/deck-office-A4.pdf",
          out / "cards/nl/pdfx/deck-cardprinter.pdf",
          out / "wheel/pdfx/face.pdf",
          out / "wheel/pdfx/volvelle-A4.pdf"};
}

// The file as qpdf's QDF: every object as text, every stream decoded.
std::string qdf(const fs::path& pdf) {
  TempDir dir;
  const fs::path text = dir.path() / "qdf.pdf";
  const auto run = run_command("qpdf --qdf --object-streams=disable " + quote(pdf) + " " + quote(text));
  BOOST_TEST_REQUIRE(run.exit_code == 0, run.out);
  return read_file(text).value_or("");
}

// The most ink anywhere on any page, in percent, as Ghostscript draws the
// pages in CMYK (8 bits an ink, no anti-aliasing: every pixel a colour of
// the file, or a blend of them).
double max_ink_percent(const fs::path& pdf) {
  TempDir dir;
  const fs::path raw = dir.path() / "page%d.cmyk";
  const auto run = run_command("gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=bitcmyk -dGrayValues=256 -r30 -o " +
                               quote(raw) + " " + quote(pdf));
  BOOST_TEST_REQUIRE(run.exit_code == 0, run.out);
  int most = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    const std::string bytes = read_file(entry.path()).value_or("");
    for (std::size_t i = 0; i + 3 < bytes.size(); i += 4) {
      int sum = 0;
      for (std::size_t j = 0; j < 4; ++j) sum += static_cast<unsigned char>(bytes[i + j]);
      most = std::max(most, sum);
    }
  }
  return most * 100.0 / 255.0;
}

struct FillCmyk {
  double c, m, y, k;
};

// Every CMYK colour set for filling or stroking (`c m y k k`, `K`) in the QDF text.
std::vector<FillCmyk> cmyk_fills(const std::string& text) {
  static const std::regex fill(R"((?:^|[\s])([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) [kK](?=[\s]))");
  std::vector<FillCmyk> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), fill); it != std::sregex_iterator(); ++it) {
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  }
  return out;
}

// The CMYK fill each text is shown in (Tj, TJ), read from the QDF text by
// its words: `k` after four numbers sets it, q and Q save and restore it.
std::vector<FillCmyk> text_fills(const std::string& text) {
  std::istringstream words(text);
  std::vector<std::string> last;
  std::optional<FillCmyk> now;
  std::vector<std::optional<FillCmyk>> saved;
  std::vector<FillCmyk> out;
  const auto numeric = [](const std::string& w) {
    return !w.empty() && w.find_first_not_of("0123456789.") == std::string::npos;
  };
  for (std::string w; words >> w;) {
    if (w == "k" && last.size() >= 4 && std::all_of(last.end() - 4, last.end(), numeric)) {
      now = FillCmyk{std::stod(last[last.size() - 4]), std::stod(last[last.size() - 3]),
                     std::stod(last[last.size() - 2]), std::stod(last[last.size() - 1])};
    } else if (w == "q") {
      saved.push_back(now);
    } else if (w == "Q" && !saved.empty()) {
      now = saved.back();
      saved.pop_back();
    } else if ((w.ends_with("Tj") || w.ends_with("TJ")) && now) {  // "(85)Tj", "[(A)20(B)]TJ"
      out.push_back(*now);
    }
    last.push_back(w);
    if (last.size() > 8) last.erase(last.begin());
  }
  return out;
}

bool has_fill(const std::vector<FillCmyk>& fills, double c, double m, double y, double k) {
  return std::any_of(fills.begin(), fills.end(), [&](const FillCmyk& f) {
    return std::abs(f.c - c) < 1e-4 && std::abs(f.m - m) < 1e-4 && std::abs(f.y - y) < 1e-4 && std::abs(f.k - k) < 1e-4;
  });
}

// A content operator as written, between whitespace.
bool has_operator(const std::string& text, const std::string& op) {
  const std::regex pattern("[\\s]" + op + "[\\s]");
  return std::regex_search(text, pattern);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(print_pdfx)

BOOST_AUTO_TEST_CASE(every_print_file_has_a_pdfx4_version) {
  const auto& b = pdfx_build();
  BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
  for (const auto& file : print_files()) {
    BOOST_TEST_CONTEXT(file.lexically_relative(b.out.path())) {
      BOOST_TEST_REQUIRE(fs::exists(file));
      const std::string info = run_shell("pdfinfo " + quote(file));
      BOOST_TEST(info.find("PDF subtype:    PDF/X-4") != std::string::npos, info);
      BOOST_TEST(info.find("PDF version:     1.6") != std::string::npos, info);
      const std::string text = qdf(file);
      BOOST_TEST(text.find("/GTS_PDFXVersion (PDF/X-4)") != std::string::npos);
      BOOST_TEST(text.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") != std::string::npos);
      BOOST_TEST(text.find("/Trapped /False") != std::string::npos);
      BOOST_TEST(text.find("/Title (") != std::string::npos);
      // The output intent names its profile, and the profile is a stream of four components.
      static const std::regex intent(R"(/DestOutputProfile (\d+) 0 R)");
      std::smatch m;
      BOOST_TEST_REQUIRE(std::regex_search(text, m, intent));
      const std::string object = m[1].str() + " 0 obj\n<<";
      const auto at = text.find("\n" + object);
      BOOST_TEST_REQUIRE(at != std::string::npos);
      const std::string dict = text.substr(at, text.find(">>", at) - at);
      BOOST_TEST(dict.find("/N 4") != std::string::npos, dict);
      BOOST_TEST(text.find("stream", at) < text.find("endobj", at));
      BOOST_TEST(text.find("/OutputConditionIdentifier (Custom)") != std::string::npos);
      BOOST_TEST(text.find("/OutputCondition (Artifex CMYK SWOP Profile)") != std::string::npos);
      // No RGB is left: no RGB colour space, no RGB colour operator.
      BOOST_TEST(text.find("/DeviceRGB") == std::string::npos);
      BOOST_TEST(!has_operator(text, "rg"));
      BOOST_TEST(!has_operator(text, "RG"));
      BOOST_TEST(max_ink_percent(file) <= 300.0);
    }
  }
}

BOOST_AUTO_TEST_CASE(text_in_the_text_colour_is_black_ink_only) {
  // theme.yaml: text {rgb: 1A1A1A, cmyk: [0, 0, 0, 100]}. Converted through
  // the profile it would be C72 M67 Y67 K89: a rich black for small text.
  for (const auto& file : print_files()) {
    BOOST_TEST_CONTEXT(file.filename()) {
      const std::string text = qdf(file);
      const auto fills = text_fills(text);
      if (file.filename() != "face.pdf") {  // the face's words are outlines, in white
        BOOST_TEST(!fills.empty());
        BOOST_TEST(has_fill(fills, 0, 0, 0, 1));  // the body text
      }
      // Nothing drawn is a rich black, text, rules or the logo's black
      // circle: neutral greys are black ink alone.
      for (const auto& f : cmyk_fills(text)) {
        if (f.k >= 0.5) BOOST_TEST(f.c * f.m * f.y == 0.0, f.c << " " << f.m << " " << f.y << " " << f.k);
      }
    }
  }
  // The PDF before conversion drew it as #1A1A1A.
  const auto before = qdf(pdfx_build().out.path() / "posters/nl/A3/natura2000-onderhoud-route.pdf");
  BOOST_TEST(before.find("0.101961 0.101961 0.101961 rg") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(theme_colours_keep_their_print_values) {
  // primary {rgb: 1D4F91, cmyk: [100, 72, 0, 18]}: the intro's band, exactly.
  const auto fills = cmyk_fills(qdf(print_files()[1]));
  BOOST_TEST(has_fill(fills, 1, 0.72, 0, 0.18));
}

BOOST_AUTO_TEST_CASE(photos_and_gradients_are_converted_through_the_profile) {
  const std::string png_poster = qdf(print_files()[0]);
  const std::string jpeg_poster = qdf(print_files()[2]);
  for (const std::string* text : {&png_poster, &jpeg_poster}) {
    BOOST_TEST(text->find("/Subtype /Image") != std::string::npos);
    BOOST_TEST(text->find("/ColorSpace /DeviceCMYK") != std::string::npos);
  }
  // The logo's gradient: a shading in CMYK, faded by a soft mask in grey.
  const std::string intro = qdf(print_files()[1]);
  BOOST_TEST(intro.find("/ShadingType 2") != std::string::npos);
  // Its first stop is the theme's primary colour: its print value, exactly.
  static const std::regex cmyk_c0(R"(/C0 \[\s+1\s+0\.72\s+0\s+0\.18\s+\])");
  BOOST_TEST(std::regex_search(intro, cmyk_c0));
  BOOST_TEST(intro.find("/SMask") != std::string::npos);
  // The photo looks the same: Poppler draws the route poster's photo
  // from CMYK much as it drew it from RGB (the test photo is green).
  const auto out = pdfx_build().out.path();
  const std::string words_before =
      squash(run_shell("pdftotext " + quote(out / "posters/nl/A3/natura2000-onderhoud-route.pdf") + " -"));
  const std::string words_after = squash(run_shell("pdftotext " + quote(print_files()[0]) + " -"));
  BOOST_TEST(words_before == words_after);
}

BOOST_AUTO_TEST_CASE(the_alignment_test_and_assembly_sheets_are_not_for_print_shops) {
  const auto out = pdfx_build().out.path();
  BOOST_TEST(!fs::exists(out / "cards/nl/pdfx/deck-alignment-A4.pdf"));
  BOOST_TEST(!fs::exists(out / "wheel/pdfx/assembly.pdf"));
  BOOST_TEST(!fs::exists(out / "laser/pdfx"));
}

BOOST_AUTO_TEST_CASE(preflight_passes_the_pdfx_files) {
  const auto& b = pdfx_build();
  const auto run = run_impactkit({"preflight", "-o", b.out.path().string()}, b.root.path());
  BOOST_TEST(run.exit_code == 0, run.out << run.err);
  BOOST_TEST(run.out.find("posters/nl/A3/pdfx/intro.pdf") != std::string::npos);
  BOOST_TEST(run.out.find("PDF/X version") != std::string::npos);
  BOOST_TEST(run.out.find("ink coverage") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(preflight_fails_an_rgb_pdf_submitted_as_pdfx) {
  const auto& b = pdfx_build();
  TempDir out;
  fs::create_directories(out.path() / "posters/pdfx");
  fs::copy_file(b.out.path() / "posters/nl/A3/intro.pdf", out.path() / "posters/pdfx/intro.pdf");
  const auto run = run_impactkit({"preflight", "-o", out.path().string()}, b.root.path());
  BOOST_TEST(run.exit_code == 4, run.out << run.err);
  BOOST_TEST(run.out.find("no GTS_PDFXVersion") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("RGB") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("no output intent") != std::string::npos, run.out);
}

BOOST_AUTO_TEST_CASE(the_shops_profile_and_condition_go_into_the_output_intent) {
  TempDir root;
  TempDir out;
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(source_dir() / item, root.path() / item, fs::copy_options::recursive);
  }
  // Ghostscript's PostScript CMYK profile stands in for a shop's (a printer profile, CMYK).
  const fs::path shop_profile = "/usr/share/color/icc/ghostscript/ps_cmyk.icc";
  fs::create_directories(root.path() / "profiles");
  fs::copy_file(shop_profile, root.path() / "profiles/shop.icc");
  replace_in(root.path() / "roadshow.yaml", "\nposters:\n",
             "\nprint:\n  profile: profiles/shop.icc\n  condition: FOGRA39\nposters:\n");
  const auto run = run_impactkit({"build", "--only", "posters", "--poster", "intro", "--lang", "nl", "--size", "A4",
                                  "--preview-dpi", "0", "--pdfx", "-o", out.path().string()},
                                 root.path());
  BOOST_TEST_REQUIRE(run.exit_code == 0, run.err);
  const std::string text = qdf(out.path() / "posters/nl/A4/pdfx/intro.pdf");
  BOOST_TEST(text.find("/OutputConditionIdentifier (FOGRA39)") != std::string::npos);
  BOOST_TEST(text.find("/OutputCondition (Artifex CMYK SWOP Profile)") == std::string::npos);
  // The embedded profile is the shop's, byte for byte (QDF leaves an ICC stream's bytes as they are).
  const std::string profile = read_file(shop_profile).value_or("");
  BOOST_TEST_REQUIRE(!profile.empty());
  BOOST_TEST(text.find(profile) != std::string::npos);
  BOOST_TEST(max_ink_percent(out.path() / "posters/nl/A4/pdfx/intro.pdf") <= 300.0);
}

// A build without --pdfx takes away the PDF/X files an earlier build made:
// none may be older than the PDF beside it, to be sent to a shop by mistake.
BOOST_AUTO_TEST_CASE(a_build_without_pdfx_removes_the_pdfx_files_of_an_earlier_one) {
  TempDir root;
  TempDir out;
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(source_dir() / item, root.path() / item, fs::copy_options::recursive);
  }
  const auto pdfx_files = [&] {
    std::vector<fs::path> found;
    for (const auto& e : fs::recursive_directory_iterator(out.path())) {
      if (e.path().parent_path().filename() == "pdfx" && e.path().extension() == ".pdf") found.push_back(e.path());
    }
    return found;
  };
  const std::vector<std::string> args = {
      "build",  "--only", "posters,cards,wheel", "--poster", "intro", "--lang",           "nl",
      "--size", "A4",     "--preview-dpi",       "0",        "-o",    out.path().string()};
  auto with_pdfx = args;
  with_pdfx.emplace_back("--pdfx");
  BOOST_TEST_REQUIRE(run_impactkit(with_pdfx, root.path()).exit_code == 0);
  BOOST_TEST(pdfx_files().size() == 5u);  // intro, office sheets, card printer, face, volvelle
  const auto run = run_impactkit(args, root.path());
  BOOST_TEST_REQUIRE(run.exit_code == 0, run.err);
  BOOST_TEST(pdfx_files().empty());
  BOOST_TEST(fs::exists(out.path() / "posters/nl/A4/intro.pdf"));
}

// ---- the parts ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(content_streams_are_read_as_operators_with_their_operands) {
  const std::string content =
      "q 0.1 0.2 0.3 rg BT /F1 12 Tf [(a rg \\) b) -20 (c)] TJ ET % 1 1 1 rg\n"
      "BI /W 2 /H 1 /CS /G /BPC 8 ID \x01\x02 EI Q";
  std::vector<std::string> names;
  std::size_t tj_operands = 0;
  print::detail::scan_content(content, [&](const print::detail::ContentOperator& op) {
    names.emplace_back(op.name);
    if (op.name == "TJ") tj_operands = op.operands.size();
  });
  const std::vector<std::string> expected = {"q", "rg", "BT", "Tf", "TJ", "ET", "BI", "Q"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
  BOOST_TEST(tj_operands == 1u);
  const std::string rewritten = print::detail::rewrite_content(
      content, [](const print::detail::ContentOperator& op) -> std::optional<std::string> {
        if (op.name == "rg") return std::string("0 0 0 1 k");
        return std::nullopt;
      });
  BOOST_TEST(rewritten ==
             "q 0 0 0 1 k BT /F1 12 Tf [(a rg \\) b) -20 (c)] TJ ET % 1 1 1 rg\n"
             "BI /W 2 /H 1 /CS /G /BPC 8 ID \x01\x02 EI Q");
  BOOST_CHECK_THROW(print::detail::scan_content("(open", [](const auto&) {}), print::PrintError);
}

BOOST_AUTO_TEST_CASE(press_colours_keep_given_inks_and_limit_the_rest) {
  print::PressCondition condition;
  condition.inks.push_back({0x1A1A1A, {0, 0, 0, 0.9}});
  const print::PressColours press(condition);
  const auto text = press.cmyk(26 / 255.0, 26 / 255.0, 26 / 255.0);
  BOOST_TEST(text.c == 0.0);
  BOOST_TEST(text.k == 0.9);
  const auto black = press.cmyk(0, 0, 0);  // not given: a neutral, in black ink alone
  BOOST_TEST(black.c + black.m + black.y == 0.0);
  BOOST_TEST(black.k == 1.0);
  const auto grey = press.cmyk(0.5, 0.5, 0.5);
  BOOST_TEST(grey.c + grey.m + grey.y == 0.0);
  BOOST_TEST(grey.k > 0.3);
  BOOST_TEST(grey.k < 0.8);
  const auto red = press.cmyk(1, 0, 0);  // not given: through the profile
  BOOST_TEST(red.m > 0.8);
  BOOST_TEST(red.y > 0.8);
  const auto navy = press.cmyk(0, 0, 0.2);
  BOOST_TEST(navy.ink() <= 3.0);
  BOOST_TEST(navy.ink() > 2.0);
  const auto white = press.cmyk(1, 1, 1);
  BOOST_TEST(white.ink() < 0.01);
  const std::string pixels = press.cmyk_pixels(std::string("\0\0\0\xff\xff\xff", 6));
  BOOST_TEST_REQUIRE(pixels.size() == 8u);
  int dark = 0;
  for (int i = 0; i < 4; ++i) dark += static_cast<unsigned char>(pixels[i]);
  BOOST_TEST(dark <= 765);  // 300 % of 255
  BOOST_TEST(press.description() == "Artifex CMYK SWOP Profile");
  BOOST_TEST(press.identifier() == "Custom");
}

BOOST_AUTO_TEST_CASE(a_profile_that_is_not_cmyk_is_refused_with_its_name) {
  print::PressCondition condition;
  condition.profile = "/usr/share/color/icc/ghostscript/srgb.icc";
  try {
    const print::PressColours press(condition);
    BOOST_FAIL("no error");
  } catch (const print::PrintError& e) {
    BOOST_TEST(std::string(e.what()).find("srgb.icc' is not a CMYK output profile") != std::string::npos, e.what());
  }
  condition.profile = "/nonexistent/shop.icc";
  BOOST_CHECK_THROW(print::PressColours{condition}, print::PrintError);
}

BOOST_AUTO_TEST_SUITE_END()
