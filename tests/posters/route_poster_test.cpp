// Issue 20: the route poster is a path. It starts at the case's SDG tiles,
// walks six numbered stations (the tender's procurement route by name),
// shows the status, the case's own figure as the largest number (never a
// context figure), and every partner, source and image of the case. Read
// back from the PDFs with pdftotext -bbox-layout and pdfimages, which did
// not write them.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

struct Word {
  double x = 0, top = 0, bottom = 0;
  std::string text;
  double height() const { return bottom - top; }
  double middle() const { return (top + bottom) / 2; }
};

std::vector<Word> words_of(const fs::path& pdf) {
  const std::string xml = test::run_shell("pdftotext -bbox-layout '" + pdf.string() + "' -");
  const std::regex word(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<Word> words;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), word); it != std::sregex_iterator(); ++it) {
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), (*it)[4]});
  }
  return words;
}

// Letters and digits only, lower case: a text as the page shows it, whatever
// its line breaks, hyphens, typographic quotes and upper-case styles.
std::string letters(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u)) out += static_cast<char>(std::tolower(u));
  }
  return out;
}

std::string letters(const std::vector<Word>& words) {
  std::string all;
  for (const auto& w : words) all += w.text + " ";
  return letters(all);
}

// A number as the page sets it: digits, perhaps with a sign ("23%").
bool is_number(const std::string& s) {
  return !s.empty() && std::isdigit(static_cast<unsigned char>(s.front())) &&
         std::none_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

const Word* find_word(const std::vector<Word>& words, const std::string& text) {
  const auto it = std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.text == text; });
  return it == words.end() ? nullptr : &*it;
}

// The figure `value` as the page sets it, alone or with its sign.
const Word* find_number(const std::vector<Word>& words, const std::string& value) {
  const auto it = std::find_if(words.begin(), words.end(), [&](const Word& w) {
    return is_number(w.text) && w.text.starts_with(value) &&
           (w.text.size() == value.size() || !std::isdigit(static_cast<unsigned char>(w.text[value.size()])));
  });
  return it == words.end() ? nullptr : &*it;
}

// A copy of the repository's content in which Koele velden has a context
// figure (8518) before its own, Natura 2000 an image, and the cases'
// goals cover all 17; its route posters built at A1 and A3 in Dutch.
struct Built {
  test::TempDir root, out;
  content::Roadshow roadshow;
  test::Result result;
};

const Built& built() {
  static const auto b = [] {
    auto b = std::make_unique<Built>();
    const fs::path root = b->root.path();
    for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
      fs::copy(test::source_dir() / item, root / item, fs::copy_options::recursive);
    }
    test::replace_in(root / "cases/koele-velden-warme-douches.yaml", "\nfigures:\n",
                     "\nfigures:\n  - value: \"8518\"\n    unit: miljard euro\n"
                     "    label: inkoopvolume van alle overheden samen\n    scope: context\n"
                     "    about: {nl: Nederland, en: the Netherlands}\n    source: metabolic-2021\n");
    test::replace_in(root / "cases/koele-velden-warme-douches.yaml", "\nsources:\n",
                     "\nsources:\n  - id: metabolic-2021\n    title: Impact van overheidsinkoop\n"
                     "    publisher: Metabolic\n    year: 2021\n    url: https://example.org/metabolic\n");
    fs::create_directories(root / "assets");
    fs::copy_file(test::source_dir() / "tests/print/fixtures/photo.png", root / "assets/veld.png");
    test::replace_in(root / "cases/natura2000-onderhoud.yaml", "\nsources:\n",
                     "\nimages:\n  - file: assets/veld.png\n    caption: Maaien langs de Vecht\n"
                     "    credit: Fotograaf Test\nsources:\n");
    // Every goal on some tile: the seven that no case names go to two cases.
    test::replace_in(root / "cases/hergebruik-brugonderdelen.yaml", "\nsdgs: [9, 11, 12, 13]\n",
                     "\nsdgs: [1, 3, 4, 5]\n");
    test::replace_in(root / "cases/regionale-catering.yaml", "\nsdgs: [2, 8, 12]\n", "\nsdgs: [6, 14, 16]\n");
    Diagnostics diagnostics;
    b->roadshow = content::load_roadshow(root, diagnostics);
    BOOST_TEST_REQUIRE(!diagnostics.has_errors());
    b->result = test::run_impactkit({"build", "--only", "posters", "--poster", "route", "--lang", "nl", "--size",
                                     "A1,A3", "--preview-dpi", "0", "-o", b->out.path().string()},
                                    root);
    return b;
  }();
  return *b;
}

fs::path route_pdf(const std::string& id, const std::string& size = "A1") {
  return built().out.path() / "posters/nl" / size / (id + "-route.pdf");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(route_poster)

BOOST_AUTO_TEST_CASE(every_case_builds_at_a1_and_a3_without_a_warning) {
  const auto& b = built();
  BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
  // No overflow, and no text below the contrast rule (the SDG tiles' ink);
  // the test's small photo is warned about as such, and only it.
  std::size_t warnings = 0;
  std::size_t photo = 0;
  for (auto at = b.result.err.find("warning: "); at != std::string::npos; at = b.result.err.find("warning: ", at + 1)) {
    ++warnings;
    const std::string small = "warning: photo of 60×40 px";
    if (b.result.err.compare(at, small.size(), small) == 0) ++photo;
  }
  BOOST_TEST(warnings == photo, b.result.err);
  BOOST_TEST(b.result.err.find("does not fit") == std::string::npos);
  for (const auto& c : b.roadshow.cases) {
    BOOST_TEST(fs::exists(route_pdf(c.id, "A1")), c.id);
    BOOST_TEST(fs::exists(route_pdf(c.id, "A3")), c.id);
  }
}

// As an outside reader measures it (impactkit preflight: pdftotext and
// pdftoppm), which cannot tell bold from regular: every word readable.
BOOST_AUTO_TEST_CASE(preflight_finds_every_word_readable) {
  const auto& b = built();
  BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
  const auto r = test::run_impactkit({"preflight", "-o", b.out.path().string()}, b.root.path());
  std::size_t rows = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("-route.pdf") == std::string::npos || line.find(" contrast ") == std::string::npos) continue;
    ++rows;
    BOOST_TEST(line.find(" ok ") != std::string::npos, line);
  }
  BOOST_TEST(rows == 2 * b.roadshow.cases.size(), r.out << r.err);
}

BOOST_AUTO_TEST_CASE(it_starts_at_the_sdg_tiles_and_walks_six_numbered_stations) {
  const auto& b = built();
  BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
  const std::vector<std::string> stations = {"AMBITIE",  "VRAAGSTUK", "VRAAGEIGENAAR",
                                             "UITVRAAG", "OPLOSSING", "IMPACT"};
  for (const auto& c : b.roadshow.cases) {
    const auto words = words_of(route_pdf(c.id));
    BOOST_TEST_REQUIRE(!words.empty(), c.id);
    double above = 0;
    for (std::size_t i = 0; i < stations.size(); ++i) {
      const Word* label = find_word(words, stations[i]);
      BOOST_TEST_REQUIRE(label != nullptr, c.id << ": " << stations[i]);
      BOOST_TEST(label->top > above, c.id << ": " << stations[i] << " below the station before it");
      above = label->top;
      // Its number left of it, on its line.
      const std::string n = std::to_string(i + 1);
      const bool numbered = std::any_of(words.begin(), words.end(), [&](const Word& w) {
        return w.text == n && w.x < label->x && std::abs(w.middle() - label->middle()) < label->height();
      });
      BOOST_TEST(numbered, c.id << ": station " << n << " " << stations[i]);
    }
    // The route starts at the goals: each tile's number above the first station.
    const Word* first = find_word(words, stations.front());
    for (int goal : c.sdgs) {
      const bool tile = std::any_of(words.begin(), words.end(), [&](const Word& w) {
        return w.text == std::to_string(goal) && w.bottom < first->top;
      });
      BOOST_TEST(tile, c.id << ": SDG " << goal << " above the stations");
    }
    const std::string text = letters(words);
    const auto* kind = b.roadshow.find_tender_kind(c.route.tender.kind);
    BOOST_TEST_REQUIRE(kind != nullptr);
    BOOST_TEST(text.find(letters(kind->name.get("nl"))) != std::string::npos, c.id << ": " << kind->name.get("nl"));
    const std::map<content::CaseStatus, std::string> status = {{content::CaseStatus::achieved, "gerealiseerd"},
                                                               {content::CaseStatus::in_progress, "inuitvoering"},
                                                               {content::CaseStatus::idea, "idee"}};
    BOOST_TEST(text.find(status.at(c.status)) != std::string::npos, c.id);
  }
}

// Read from 1.5 to 2 m: the title the largest words (numbers aside: the
// hero figure is larger), and the footer's two ends on one baseline.
BOOST_AUTO_TEST_CASE(the_title_is_the_largest_text_and_the_footer_one_line) {
  const auto& b = built();
  BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
  for (const auto& c : b.roadshow.cases) {
    const auto words = words_of(route_pdf(c.id));
    BOOST_TEST_REQUIRE(!words.empty());
    const std::string title = c.title.get("nl");
    const std::string first = title.substr(0, title.find(' '));
    const Word* title_word = find_word(words, first);
    BOOST_TEST_REQUIRE(title_word != nullptr, c.id << ": " << first);
    for (const auto& w : words) {
      if (is_number(w.text) || title.find(w.text) != std::string::npos) continue;
      BOOST_TEST(w.height() < 0.8 * title_word->height(), c.id << ": '" << w.text << "' as large as the title");
    }
    double lowest = 0;
    for (const auto& w : words) lowest = std::max(lowest, w.bottom);
    double left = 1e9;
    double right = 0;
    for (const auto& w : words) {
      if (w.bottom < lowest - 3) continue;
      BOOST_TEST(w.bottom > lowest - 1, c.id << ": '" << w.text << "' off the footer's baseline");
      left = std::min(left, w.x);
      right = std::max(right, w.x);
    }
    // Organisation at the left margin (40 mm), the roadshow's title far right.
    BOOST_TEST(left < 45 * 72 / 25.4, c.id);
    BOOST_TEST(right > 400 * 72 / 25.4, c.id);
  }
}

BOOST_AUTO_TEST_CASE(it_names_every_partner_source_figure_and_the_quote) {
  const auto& b = built();
  BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
  for (const auto& c : b.roadshow.cases) {
    const std::string text = letters(words_of(route_pdf(c.id)));
    for (const auto& p : c.partners)
      BOOST_TEST(text.find(letters(p.name)) != std::string::npos, c.id << ": " << p.name);
    for (const auto& s : c.sources) {
      BOOST_TEST(text.find(letters(s.title)) != std::string::npos, c.id << ": " << s.title);
      BOOST_TEST(text.find(letters(s.publisher)) != std::string::npos, c.id << ": " << s.publisher);
      if (s.year) BOOST_TEST(text.find(std::to_string(*s.year)) != std::string::npos, c.id);
      if (!s.url.empty()) BOOST_TEST(text.find(letters(s.url)) != std::string::npos, c.id << ": " << s.url);
    }
    for (const auto& f : c.figures) {
      BOOST_TEST(text.find(letters(f.label.get("nl"))) != std::string::npos, c.id << ": " << f.label.get("nl"));
      BOOST_TEST(text.find(letters(f.value)) != std::string::npos, c.id << ": " << f.value);
    }
    if (c.quote) BOOST_TEST(text.find(letters(c.quote->text.get("nl"))) != std::string::npos, c.id);
    if (!c.headline.empty()) BOOST_TEST(text.find(letters(c.headline.get("nl"))) != std::string::npos, c.id);
  }
}

BOOST_AUTO_TEST_CASE(the_hero_is_the_largest_number_and_the_cases_own) {
  const auto& b = built();
  BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
  for (const auto& c : b.roadshow.cases) {
    const auto words = words_of(route_pdf(c.id));
    const Word* largest = nullptr;
    for (const auto& w : words) {
      if (is_number(w.text) && (!largest || w.height() > largest->height())) largest = &w;
    }
    BOOST_TEST_REQUIRE(largest != nullptr, c.id);
    for (const auto& f : c.figures) {
      if (f.scope != content::FigureScope::context) continue;
      // Shown (every figure is), labelled, and smaller than the largest number.
      const Word* shown = find_number(words, f.value);
      BOOST_TEST_REQUIRE(shown != nullptr, c.id << ": " << f.value);
      BOOST_TEST(shown->height() < largest->height() * 0.8, c.id << ": context figure " << f.value);
      BOOST_TEST(letters(words).find("contextgeenresultaatvandezecase") != std::string::npos, c.id);
    }
    if (const auto* hero = c.hero_figure()) {
      BOOST_TEST(largest == find_number(words, hero->value), c.id << ": the largest number is " << largest->text);
    }
  }
  // The case that has a context figure before its own shows its own as the hero.
  const auto velden = words_of(route_pdf("koele-velden-warme-douches"));
  const Word* context = find_number(velden, "8518");
  const Word* own = find_number(velden, "2");
  BOOST_TEST_REQUIRE((context && own));
  BOOST_TEST(own->height() > 1.5 * context->height());
}

BOOST_AUTO_TEST_CASE(the_cases_image_is_on_its_route_poster_with_its_caption) {
  const auto& b = built();
  BOOST_TEST_REQUIRE(b.result.exit_code == 0, b.result.err);
  const auto list = [](const fs::path& pdf) { return test::run_shell("pdfimages -list '" + pdf.string() + "'"); };
  // pdfimages lists a header of two lines, then a row per image: 60 x 40 px.
  const std::regex photo(R"(\n\s*1\s+\d+\s+image\s+60\s+40\s)");
  BOOST_TEST(std::regex_search(list(route_pdf("natura2000-onderhoud")), photo),
             list(route_pdf("natura2000-onderhoud")));
  BOOST_TEST(!std::regex_search(list(route_pdf("regionale-catering")), photo));
  const std::string text = letters(words_of(route_pdf("natura2000-onderhoud")));
  BOOST_TEST(text.find("maaienlangsdevecht") != std::string::npos);
  BOOST_TEST(text.find("fotograaftest") != std::string::npos);
}

// The rail: a line beneath a stack's elements, from the first one's top to
// the last one's, at x_mm; here red, 100 mm in, past the texts' ends.
BOOST_AUTO_TEST_CASE(a_rail_joins_the_first_element_to_the_last) {
  test::TempDir root;
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(test::source_dir() / item, root.path() / item, fs::copy_options::recursive);
  }
  write_file_atomically(root.path() / "templates/poster-route.yaml",
                        R"(page: {size: A1, orientation: portrait, bleed_mm: 3}
grid: {columns: 12, rows: 24, margin_mm: 40, gutter_mm: 8}
elements:
  - stack:
      area: [1, 1, 12, 24]
      gap_mm: 40
      rail: {stroke: "FF0000", stroke_pt: 14, x_mm: 100}
      elements:
        - text: {text: "Een", style: heading}
        - text: {text: "Twee", style: heading}
        - text: {text: "Drie", style: heading}
)");
  test::TempDir out;
  const auto r =
      test::run_impactkit({"build", "--only", "posters", "--poster", "route", "--case", "warmtepomp-staphorst",
                           "--lang", "nl", "--size", "A1", "--preview-dpi", "0", "-o", out.path().string()},
                          root.path());
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  const fs::path pdf = out.path() / "posters/nl/A1/warmtepomp-staphorst-route.pdf";
  // The texts' tops, from the trim's top: 40 mm, then each 40 mm below the
  // one before's line (48 pt at 1.1: 18.6 mm).
  const auto pixel = [&](double x_mm, double y_mm) {
    const int dpi = 20;
    const auto px = [&](double mm) { return std::to_string(static_cast<int>((mm + 3) / 25.4 * dpi)); };
    std::string rgb = test::run_shell("pdftoppm -r " + std::to_string(dpi) + " -x " + px(x_mm) + " -y " + px(y_mm) +
                                      " -W 1 -H 1 '" + pdf.string() + "' | tail -c 3");
    BOOST_TEST_REQUIRE(rgb.size() == 3u);
    return rgb;
  };
  const auto red = [](const std::string& rgb) {
    return static_cast<unsigned char>(rgb[0]) > 200 && static_cast<unsigned char>(rgb[1]) < 80;
  };
  BOOST_TEST(red(pixel(140, 60)));    // between the first and the second
  BOOST_TEST(red(pixel(140, 150)));   // between the second and the third
  BOOST_TEST(!red(pixel(140, 30)));   // above the first
  BOOST_TEST(!red(pixel(140, 200)));  // below the last one's top
  BOOST_TEST(!red(pixel(160, 100)));  // beside it
}

BOOST_AUTO_TEST_SUITE_END()
