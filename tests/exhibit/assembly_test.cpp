// The assembly sheets as the two people who set up the exhibit and the
// wheel read them, read back from the PDFs with pdftotext: one language,
// labels clear of each other, sizes and scale, front and back, the
// hardware of every step, and only the poster sizes the build made.

#include "support.hpp"

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

struct Sheets {
  test::TempDir out;
  fs::path exhibit;
  fs::path wheel;

  explicit Sheets(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"build",
                                     "-q",
                                     "--only",
                                     "laser,wheel",
                                     "--preview-dpi",
                                     "0",
                                     "-o",
                                     out.path().string(),
                                     "-C",
                                     test::source_dir().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = test::run_impactkit(args);
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    exhibit = out.path() / "laser" / "assembly.pdf";
    wheel = out.path() / "wheel" / "assembly.pdf";
  }
};

const Sheets& sheets() {
  static const Sheets s;
  return s;
}

struct Word {
  double x0, y0, x1, y1;
  std::string text;
};

// Every page's words with their boxes, as pdftotext -bbox-layout reads them.
std::vector<std::vector<Word>> words_by_page(const fs::path& pdf) {
  const std::string html = test::run_shell("pdftotext -bbox-layout '" + pdf.string() + "' -");
  std::vector<std::vector<Word>> pages;
  const std::regex word(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  std::size_t at = 0;
  for (std::size_t start; (start = html.find("<page ", at)) != std::string::npos;) {
    const std::size_t end = html.find("</page>", start);
    const std::string page = html.substr(start, end - start);
    auto& words = pages.emplace_back();
    for (auto it = std::sregex_iterator(page.begin(), page.end(), word); it != std::sregex_iterator(); ++it) {
      words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
    }
    at = end;
  }
  return pages;
}

std::string page_text(const fs::path& pdf, int page) {
  return test::squash(test::run_shell(fmt::format("pdftotext -f {0} -l {0} '{1}' -", page, pdf.string())));
}

std::string all_text(const fs::path& pdf) {
  return test::squash(test::run_shell("pdftotext '" + pdf.string() + "' -"));
}

int page_count(const fs::path& pdf) {
  return static_cast<int>(words_by_page(pdf).size());
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(no_label_of_an_assembly_sheet_lies_over_another) {
  for (const auto& pdf : {sheets().exhibit, sheets().wheel}) {
    const auto pages = words_by_page(pdf);
    BOOST_TEST_REQUIRE(!pages.empty(), pdf);
    for (std::size_t p = 0; p < pages.size(); ++p) {
      const auto& words = pages[p];
      for (std::size_t i = 0; i < words.size(); ++i) {
        for (std::size_t j = i + 1; j < words.size(); ++j) {
          const Word& a = words[i];
          const Word& b = words[j];
          // Neighbouring lines' boxes may touch by a fraction of a point
          // (the font's ascent and descent): more than 1 pt either way is
          // one label printed over another.
          const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
          const double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
          BOOST_TEST(!(w > 1 && h > 1), pdf.filename()
                                            << " page " << p + 1 << ": '" << a.text << "' over '" << b.text << "'");
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_dutch_roadshows_assembly_sheets_hold_no_english_words) {
  for (const auto& pdf : {sheets().exhibit, sheets().wheel}) {
    const std::string text = all_text(pdf);
    for (const char* english : {"foot", "splice", "gusset", "shelf", "deck box", "upright", "flapper", "washer",
                                "spacer", "fit test", "Front", "Back", "Scale", "bolt", "nut ", "Needed"}) {
      BOOST_TEST(!contains(text, english), pdf.filename() << ": " << english);
    }
    BOOST_TEST(contains(text, "Nodig:"), pdf.filename());
  }
  const std::string exhibit = all_text(sheets().exhibit);
  for (const char* dutch : {"intro voet 1", "intro verbindingsplaat 1", "intro steun 2", "intro plank",
                            "kaartendoos bodem", "proefstrook"}) {
    BOOST_TEST(contains(exhibit, dutch), dutch);
  }
}

BOOST_AUTO_TEST_CASE(every_panel_page_shows_front_and_back_its_overall_size_and_a_scale) {
  const auto& pdf = sheets().exhibit;
  // What you need, the intro and six case panels, the deck box, the
  // collection box, the coupon.
  BOOST_TEST_REQUIRE(page_count(pdf) == 11);
  for (int page = 2; page <= 8; ++page) {
    const std::string text = page_text(pdf, page);
    BOOST_TEST(contains(text, "Voorkant (poster)"), page);
    BOOST_TEST(contains(text, "Achterkant (gravure)"), page);
    BOOST_TEST(contains(text, "580 mm"), page);   // the panel's width
    BOOST_TEST(contains(text, "1780 mm"), page);  // and its height, with its feet
    BOOST_TEST(std::regex_search(text, std::regex(R"(Schaal 1:[\d.]+ op A4)")), page);
  }
  BOOST_TEST(contains(page_text(pdf, 9), "Uitgeklapt, van boven"));
  BOOST_TEST(contains(page_text(pdf, 10), "Uitgeklapt, van voren"));
}

BOOST_AUTO_TEST_CASE(every_step_names_the_hardware_it_takes_and_the_first_page_adds_it_up) {
  const auto& pdf = sheets().exhibit;
  const std::string intro = page_text(pdf, 2);
  // Two tiles, one seam: a splice plate with six M4 bolts through 12 mm of
  // plywood, a washer under each head and nut; the shelf's two T-slot bolts.
  // The seam's middle upper bolt lies behind the wall of questions' rail
  // (two pockets, as wide as a folded A5): it goes through its comb and lip
  // too (24 mm), beside the wall's own three through a tooth, the comb and
  // the panel (18 mm).
  BOOST_TEST(contains(intro, "Nodig: 5 × bout M4 x 20 · 10 × ring M4 · 5 × moer M4"), intro);
  BOOST_TEST(contains(intro, "Nodig: 3 × bout M4 x 25 · 1 × bout M4 x 30 · 8 × ring M4 · 4 × moer M4"), intro);
  BOOST_TEST(contains(intro, "2 × bout M4 x 16"), intro);
  BOOST_TEST(contains(intro, "4 × vleugelmoer M4"), intro);
  const std::string needs = page_text(pdf, 1);
  BOOST_TEST(contains(needs, "Wat je nodig hebt"));
  BOOST_TEST(contains(needs, "41 × bout M4 x 20"), needs);   // seven panels, one seam each, less the wall's
  BOOST_TEST(contains(needs, "1 × kastslot"), needs);        // the collection box's lock
  BOOST_TEST(contains(needs, "30 × bout M4 x 16"), needs);   // 4 per poster, 2 for the shelf
  BOOST_TEST(contains(needs, "1 × kogellager 608"), needs);  // for the coupon's fit test
}

BOOST_AUTO_TEST_CASE(the_wheel_has_a_page_for_its_stand_and_one_for_its_disc_axle_and_flapper) {
  const auto& pdf = sheets().wheel;
  BOOST_TEST_REQUIRE(page_count(pdf) == 3);
  const std::string stand = page_text(pdf, 2);
  for (const char* part : {"rad staander", "rad dwarsstaander", "rad voet 1", "rad voet 2", "Zijkant, van rechts"}) {
    BOOST_TEST(contains(stand, part), part);
  }
  const std::string disc = page_text(pdf, 3);
  for (const char* part : {"rad schijf", "rad tegenschijf 1", "rad klepelhouder", "rad klepel"}) {
    BOOST_TEST(contains(disc, part), part);
  }
  // Upright, holder, two washers, counter-disc and disc: 36 mm on the axle.
  for (const char* hardware : {"1 × kogellager 608", "1 × bout M8 x 50", "1 × borgmoer M8", "6 × houten deuvel Ø6"}) {
    BOOST_TEST(contains(disc, hardware), hardware);
  }
}

BOOST_AUTO_TEST_CASE(the_sheet_names_the_panels_poster_size_only_when_the_build_makes_posters_at_it) {
  // The repository's posters are A1; the panels hold A2.
  const std::string plain = all_text(sheets().exhibit);
  for (const char* size : {"A1", "A2", "A3"}) BOOST_TEST(!contains(plain, size), size);
  BOOST_TEST(contains(plain, "Hang de poster van deze case"));
  const Sheets with_a2({"--size", "A1,A2"});
  const std::string named = all_text(with_a2.exhibit);
  BOOST_TEST(contains(named, "Hang de A2-poster"));
  BOOST_TEST(contains(named, "Poster A2"));
}
