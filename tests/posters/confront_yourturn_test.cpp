// Issue 20: the confrontation poster confronts (dark to the bleed, the
// context figure largest with its source at it, "too little" larger than
// the answer, a footer with the sources), and the your-turn poster's contact
// block shows exactly the roadshow's contact fields that are set, with a QR
// code only when there is a URL. Read back with pdftotext -bbox-layout and
// pdftoppm, which did not write the files.

#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

struct Word {
  std::string text;
  double y_min = 0;
  double height = 0;  // about 1.2 times the size it was set at
};

std::vector<Word> words_of(const fs::path& pdf) {
  const std::string xml = test::run_shell("timeout 60 pdftotext -bbox-layout -enc UTF-8 '" + pdf.string() + "' -");
  static const std::regex word(
      R"re(<word xMin="[-0-9.]+" yMin="([-0-9.]+)" xMax="[-0-9.]+" yMax="([-0-9.]+)">([^<]*)</word>)re");
  std::vector<Word> out;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), word); it != std::sregex_iterator(); ++it) {
    const double y_min = std::stod((*it)[1]);
    out.push_back({(*it)[3], y_min, std::stod((*it)[2]) - y_min});
  }
  return out;
}

// The height of the first word that is `text`; 0 when there is none.
double height_of(const std::vector<Word>& words, const std::string& text) {
  const auto it = std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.text == text; });
  return it == words.end() ? 0 : it->height;
}

std::string text_of(const fs::path& pdf) {
  return test::squash(test::run_shell("timeout 60 pdftotext -enc UTF-8 '" + pdf.string() + "' -"));
}

// The page, bleed and all (pdftoppm renders the media box, which is the
// bleed box), as 8-bit RGB.
struct Raster {
  int width = 0;
  int height = 0;
  std::string rgb;
  const unsigned char* at(int x, int y) const {
    return reinterpret_cast<const unsigned char*>(rgb.data()) + 3 * (static_cast<std::size_t>(y) * width + x);
  }
};

Raster render(const fs::path& pdf, int dpi) {
  const std::string ppm = test::run_shell("timeout 60 pdftoppm -r " + std::to_string(dpi) + " '" + pdf.string() + "'");
  Raster r;
  int max = 0;
  int consumed = 0;
  if (std::sscanf(ppm.c_str(), "P6 %d %d %d%n", &r.width, &r.height, &max, &consumed) != 3 || max != 255) return {};
  r.rgb = ppm.substr(static_cast<std::size_t>(consumed) + 1);
  if (r.rgb.size() != 3u * static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height)) return {};
  return r;
}

bool dark(const unsigned char* p) {
  return p[0] < 0x40 && p[1] < 0x40 && p[2] < 0x40;
}

// Pixels of pure black: the QR code's modules (text is the theme's #1A1A1A,
// and its anti-aliased edges are lighter still).
int black_pixels(const Raster& r) {
  int n = 0;
  for (int y = 0; y < r.height; ++y) {
    for (int x = 0; x < r.width; ++x) n += r.at(x, y)[0] == 0 && r.at(x, y)[1] == 0 && r.at(x, y)[2] == 0;
  }
  return n;
}

void copy_repository_root(const fs::path& root) {
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(test::source_dir() / item, root / item, fs::copy_options::recursive);
  }
}

// Builds one poster kind of one case at A3 in `root`; the PDF's path.
fs::path build_poster(const fs::path& root, const fs::path& out, const std::string& poster, const std::string& id,
                      std::string* err = nullptr) {
  const auto built = test::run_impactkit({"build", "--only", "posters", "--poster", poster, "--case", id, "--lang",
                                          "nl", "--size", "A3", "--preview-dpi", "0", "-o", out.string()},
                                         root);
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  if (err) *err = built.err;
  return out / "posters/nl/A3" / (id + "-" + poster + ".pdf");
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(confrontation_and_your_turn)

BOOST_AUTO_TEST_CASE(the_confrontation_poster_is_dark_to_the_bleed_and_too_little_dominates) {
  test::TempDir out;
  std::string err;
  // Warmtepomp Staphorst has a national figure (18 %, Metabolic 2021).
  const fs::path pdf = build_poster(test::source_dir(), out.path(), "confrontation", "warmtepomp-staphorst", &err);
  BOOST_TEST(!has(err, "has a contrast of"), err);

  const Raster page = render(pdf, 20);
  BOOST_TEST_REQUIRE(page.width > 100);
  // Corners and edges in the bleed (3 mm, 2 pixels at this resolution; the
  // last pixel is only partly on the page and blends with nothing).
  for (const auto& [x, y] : std::vector<std::pair<int, int>>{{0, 0},
                                                             {page.width - 2, 0},
                                                             {0, page.height - 2},
                                                             {page.width - 2, page.height - 2},
                                                             {0, page.height / 2},
                                                             {page.width - 2, page.height / 2},
                                                             {page.width / 2, page.height - 2}}) {
    BOOST_TEST(dark(page.at(x, y)), "pixel " << x << "," << y << " is not dark");
  }

  const auto words = words_of(pdf);
  const std::string text = text_of(pdf);
  // The figure is the largest text on the page, and its source and scope are
  // at it.
  const double figure = height_of(words, "18");
  const auto tallest =
      std::max_element(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.height < b.height; });
  BOOST_TEST_REQUIRE(figure > 0.0);
  BOOST_TEST(tallest->text == "18");
  BOOST_TEST(has(text, "Nederland · van de klimaatvoetafdruk"), text);
  BOOST_TEST(has(text, "Bron: Metabolic (2021)"), text);
  // "Too little" (its words "koelmiddelen", "stoken") is set larger than the
  // answer ("rendement", "aanbesteding").
  BOOST_TEST(height_of(words, "stoken") > 1.3 * height_of(words, "rendement"));
  BOOST_TEST(height_of(words, "rendement") > 0.0);
  // A footer with the case's sources, at the foot of the page.
  BOOST_TEST(has(text, "Bronnen: Provincie Overijssel (z.j.); Metabolic (2021)"), text);
  const auto footer = std::find_if(words.begin(), words.end(), [](const Word& w) { return w.text == "Bronnen:"; });
  BOOST_TEST_REQUIRE((footer != words.end()));
  BOOST_TEST(footer->y_min > 0.9 * page.height * 72 / 20);
}

BOOST_AUTO_TEST_CASE(without_a_context_figure_the_consequence_carries_the_page) {
  test::TempDir out;
  std::string err;
  const fs::path pdf = build_poster(test::source_dir(), out.path(), "confrontation", "natura2000-onderhoud", &err);
  BOOST_TEST(!has(err, "has a contrast of"), err);
  const auto words = words_of(pdf);
  const std::string text = text_of(pdf);
  BOOST_TEST(!has(text, "Bron:"), text);  // no figure, so no figure's source
  BOOST_TEST(height_of(words, "onbenut.") > 1.5 * height_of(words, "arbeidsparticipatie"));
  BOOST_TEST(height_of(words, "arbeidsparticipatie") > 0.0);
  BOOST_TEST(has(text, "WAT DEZE CASE BEREIKTE"), text);  // achieved
  BOOST_TEST(has(text, "Bronnen: Provincie Overijssel (z.j.)"), text);
}

BOOST_AUTO_TEST_CASE(the_your_turn_poster_shows_the_questions_the_steps_and_the_contact_that_is_set) {
  test::TempDir out;
  std::string err;
  const fs::path pdf = build_poster(test::source_dir(), out.path(), "yourturn", "zero-emissie-bussen", &err);
  BOOST_TEST(!has(err, "has a contrast of"), err);
  const std::string text = text_of(pdf);
  for (const char* part :
       {"Welke van jouw opdrachten heeft een grote omvang", "Welke ambitie kun je vastleggen met een jaartal",
        "Hoe volg je in het contractmanagement op", "Maak van je ambitie een concreet vraagstuk",
        "Kom ermee naar Team Inkopen met Impact.", "Zoek met ons bondgenoten", "De eerste drie stappen"}) {
    BOOST_TEST(has(text, part), part);
  }
  // The repository's roadshow: a team and a location, no URL.
  BOOST_TEST(has(text, "KOM LANGS Team Inkopen met Impact Provinciehuis Zwolle, de brug bij de koffiehoek"), text);
  BOOST_TEST(black_pixels(render(pdf, 20)) == 0);
}

BOOST_AUTO_TEST_CASE(an_empty_location_leaves_no_line_and_a_url_brings_a_qr_code) {
  test::TempDir root;
  copy_repository_root(root.path());
  test::replace_in(root.path() / "roadshow.yaml", "  location: Provinciehuis Zwolle, de brug bij de koffiehoek\n",
                   "  location: \"\"\n  email:\n  url: https://example.org/inkopen-met-impact\n");
  test::TempDir out;
  const fs::path pdf = build_poster(root.path(), out.path(), "yourturn", "zero-emissie-bussen");
  const std::string text = text_of(pdf);
  BOOST_TEST(!has(text, "Provinciehuis"), text);
  BOOST_TEST(!has(text, "KOM LANGS"), text);  // no invitation to a place that is not given
  BOOST_TEST(has(text, "NEEM CONTACT OP Team Inkopen met Impact https://example.org/inkopen-met-impact"), text);
  BOOST_TEST(!has(text, "@"), text);
  // The QR code: dark modules, many of them.
  BOOST_TEST(black_pixels(render(pdf, 20)) > 300);

  // An e-mail address and no URL: the address, and no QR code.
  test::replace_in(root.path() / "roadshow.yaml", "  email:\n  url: https://example.org/inkopen-met-impact\n",
                   "  email: team@example.org\n");
  test::TempDir out2;
  const fs::path mail = build_poster(root.path(), out2.path(), "yourturn", "zero-emissie-bussen");
  const std::string mail_text = text_of(mail);
  BOOST_TEST(has(mail_text, "NEEM CONTACT OP Team Inkopen met Impact team@example.org"), mail_text);
  BOOST_TEST(!has(mail_text, "https://"), mail_text);
  BOOST_TEST(black_pixels(render(mail, 20)) == 0);
}

BOOST_AUTO_TEST_CASE(the_two_posters_footers_share_a_baseline) {
  test::TempDir out;
  const auto built = test::run_impactkit(
      {"build", "--only", "posters", "--poster", "confrontation,yourturn", "--case", "warmtepomp-staphorst", "--lang",
       "nl", "--size", "A3", "--preview-dpi", "0", "-o", out.path().string()},
      test::source_dir());
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  // The lowest word of each page is its footer's; one baseline, so one
  // bottom for words of one style.
  std::vector<double> bottoms;
  for (const char* poster : {"confrontation", "yourturn"}) {
    const auto words =
        words_of(out.path() / "posters/nl/A3" / (std::string("warmtepomp-staphorst-") + poster + ".pdf"));
    BOOST_TEST_REQUIRE(!words.empty());
    double bottom = 0;
    for (const auto& w : words) bottom = std::max(bottom, w.y_min + w.height);
    bottoms.push_back(bottom);
  }
  BOOST_TEST(bottoms[0] == bottoms[1], boost::test_tools::tolerance(0.001));
}

BOOST_AUTO_TEST_SUITE_END()
