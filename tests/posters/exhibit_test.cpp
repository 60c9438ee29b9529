// Issue 20, across the whole exhibit: every fact of a case reaches paper,
// a national figure is never set as a case's hero, and every poster and
// card meets the contrast rule. Read back with Poppler (pdftotext) and
// impactkit's own preflight, as a reviewer of the printed exhibit would.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>

#include "pdf_words.hpp"
#include "support.hpp"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

// The repository's roadshow, as loaded: what the exhibit must show.
content::Roadshow repository_roadshow() {
  Diagnostics diagnostics;
  auto roadshow = content::load_roadshow(test::source_dir(), diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.has_errors());
  return roadshow;
}

// The repository's whole exhibit in `language`, built into `out`.
void build_exhibit(const fs::path& out, const std::string& language, const fs::path& root = test::source_dir()) {
  const auto built = test::run_impactkit(
      {"build", "--lang", language, "--size", "A3", "--preview-dpi", "0", "-o", out.string()}, root);
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
}

std::vector<fs::path> pdfs_under(const fs::path& dir) {
  std::vector<fs::path> pdfs;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".pdf" && entry.path().string().find("/.impactkit/") == std::string::npos) {
      pdfs.push_back(entry.path());
    }
  }
  std::sort(pdfs.begin(), pdfs.end());
  return pdfs;
}

void copy_repository_root(const fs::path& root) {
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(test::source_dir() / item, root / item, fs::copy_options::recursive);
  }
}

// Makes `value` the first figure of the case: a national figure (scope:
// context) of an existing source, so that a poster that takes "the first
// figure" as its hero would show it.
void put_context_figure_first(const fs::path& case_file, const std::string& value) {
  std::string yaml = read_file(case_file).value();
  const std::string figure = "  - value: \"" + value +
                             "\"\n    label: {nl: van iets landelijks}\n    scope: context\n"
                             "    about: {nl: Nederland}\n    source: hero-test\n";
  const auto at = yaml.find("\nfigures:\n");
  if (at == std::string::npos) {
    yaml = std::regex_replace(yaml, std::regex("\nconfrontation:\n"), "\nfigures:\n" + figure + "\nconfrontation:\n");
  } else {
    yaml.insert(at + std::string("\nfigures:\n").size(), figure);
  }
  yaml = std::regex_replace(yaml, std::regex("\nsources:\n"),
                            "\nsources:\n  - id: hero-test\n    title: Landelijke cijfers\n"
                            "    publisher: CBS\n    year: 2021\n");
  write_file_atomically(case_file, yaml);
}

// The tallest of `words` on `page` that read `text`; 0 when none does.
double tallest(const std::vector<test::PdfWord>& words, int page, const std::string& text) {
  double height = 0;
  for (const auto& w : words) {
    if (w.page == page && test::plain(w.text) == test::plain(text)) height = std::max(height, w.height());
  }
  return height;
}

// The case card's front page in the card-printer PDF (two pages a card,
// each card as often as its quantity), from the deck's manifest.
int case_card_page(const fs::path& deck_dir, const std::string& case_id) {
  const auto manifest = nlohmann::json::parse(read_file(deck_dir / "deck.json").value());
  int page = 1;
  for (const auto& card : manifest["cards"]) {
    if (card["kind"] == "case" && card["case"] == case_id) return page;
    page += 2 * card["quantity"].get<int>();
  }
  BOOST_FAIL("no case card for " << case_id);
  return 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exhibit)

BOOST_AUTO_TEST_CASE(every_figure_partner_and_source_of_every_case_reaches_paper) {
  test::TempDir out;
  build_exhibit(out.path(), "nl");
  std::string printed;
  for (const auto& pdf : pdfs_under(out.path())) printed += test::plain_text_of(pdf) + "\n";

  const auto found = [&](const std::string& text) { return printed.find(test::plain(text)) != std::string::npos; };
  const auto roadshow = repository_roadshow();
  int facts = 0;
  for (const auto& c : roadshow.cases) {
    for (const auto& figure : c.figures) {
      BOOST_TEST(found(figure.value), c.id << ": figure value " << figure.value);
      BOOST_TEST(found(figure.label.get("nl")), c.id << ": figure label " << figure.label.get("nl"));
      facts += 2;
    }
    for (const auto& partner : c.partners) {
      BOOST_TEST(found(partner.name), c.id << ": partner " << partner.name);
      ++facts;
    }
    for (const auto& source : c.sources) {
      BOOST_TEST(found(source.title), c.id << ": source " << source.title);
      ++facts;
    }
  }
  // The repository's cases have figures, partners and sources to show.
  BOOST_TEST(facts > 30);
}

// The hero of a route poster or case card is the largest thing on it
// beside the title. A national figure may be printed there too (every
// figure is shown), but smaller than half the title, never as the hero;
// and a case's own figure is set as large as the title.
BOOST_AUTO_TEST_CASE(no_route_poster_case_card_or_overview_sets_a_national_figure_as_hero) {
  test::TempDir root;
  copy_repository_root(root.path());
  put_context_figure_first(root.path() / "cases/zero-emissie-bussen.yaml", "8517");   // has figures of its own
  put_context_figure_first(root.path() / "cases/natura2000-onderhoud.yaml", "8518");  // has none
  test::TempDir out;
  const auto built = test::run_impactkit({"build", "--only", "posters,cards", "--lang", "nl", "--size", "A3",
                                          "--preview-dpi", "0", "-o", out.path().string()},
                                         root.path());
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);

  const fs::path posters = out.path() / "posters/nl/A3";
  const fs::path deck = out.path() / "cards/nl";
  const auto card_words = test::pdf_words(deck / "deck-cardprinter.pdf");
  struct Look {
    std::string case_id, title_word, national, own;
  };
  for (const Look& look : {Look{"zero-emissie-bussen", "bussen", "8517", "2025"},
                           Look{"natura2000-onderhoud", "Natuuronderhoud", "8518", ""}}) {
    const auto route_words = test::pdf_words(posters / (look.case_id + "-route.pdf"));
    const int card_page = case_card_page(deck, look.case_id);
    for (const auto& [words, page, what] :
         {std::tuple{&route_words, 1, "route poster"}, std::tuple{&card_words, card_page, "case card"}}) {
      const double title = tallest(*words, page, look.title_word);
      BOOST_TEST_REQUIRE(title > 0, look.case_id << " " << what << ": title word " << look.title_word);
      BOOST_TEST(tallest(*words, page, look.national) < title / 2, look.case_id << " " << what);
      if (!look.own.empty()) BOOST_TEST(tallest(*words, page, look.own) >= title, look.case_id << " " << what);
    }
  }
  // The overview shows each case's own result: no national number at all.
  const std::string overview = test::plain_text_of(posters / "overview.pdf");
  BOOST_TEST(overview.find("8517") == std::string::npos);
  BOOST_TEST(overview.find("8518") == std::string::npos);
  BOOST_TEST(overview.find("2025") != std::string::npos);
}

// The contrast rule (docs/templates.md, Contrast) on every poster and card
// of both languages: no warning from the build, which checks the template's
// colours, and none from preflight, which reads the drawn pages back.
BOOST_AUTO_TEST_CASE(every_poster_and_card_meets_the_contrast_rule) {
  test::TempDir root;
  copy_repository_root(root.path());
  test::TempDir out;
  const auto built = test::run_impactkit(
      {"build", "--only", "posters,cards,wheel", "--size", "A1,A3", "--preview-dpi", "0", "-o", out.path().string()},
      root.path());
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  BOOST_TEST(built.err.find("has a contrast of") == std::string::npos, built.err);

  const auto preflight = test::run_impactkit({"preflight", "-o", out.path().string()}, root.path());
  int checked = 0;
  std::istringstream rows(preflight.out + preflight.err);
  for (std::string row; std::getline(rows, row);) {
    if (row.find(" contrast ") == std::string::npos) continue;
    ++checked;
    BOOST_TEST(row.find("WARN") == std::string::npos, row);
  }
  BOOST_TEST(checked > 40);
}

BOOST_AUTO_TEST_SUITE_END()
