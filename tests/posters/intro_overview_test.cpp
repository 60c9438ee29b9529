// Issue 20: the intro poster shows every intro figure with whose figure it
// is (its scope) and its source beside it, and every source in full; the
// overview shows every case with its theme, status and own result, never a
// national number, its titles set larger than their subtitles. Read back
// with pdftotext -bbox-layout, which did not write the files.

#include <impactkit/content/loader.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <cctype>
#include <cmath>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

struct Word {
  double x0, y0, x1, y1;
  std::string text;
  double height() const { return y1 - y0; }
};

struct Line {
  std::vector<Word> words;
  std::string text() const {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w.text;
    return out;
  }
  double height() const {
    double h = 0;
    for (const auto& w : words) h = std::max(h, w.height());
    return h;
  }
};

std::string unescaped(std::string s) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"&amp;", "&"},
                                 {"&quot;", "\""},
                                 {"&apos;", "'"},
                                 {"&lt;", "<"},
                                 {"&gt;", ">"}}) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  }
  return s;
}

// The lines of a PDF's first page, as pdftotext finds them.
std::vector<Line> lines_of(const fs::path& pdf) {
  const std::string xml = test::run_shell("pdftotext -enc UTF-8 -bbox-layout '" + pdf.string() + "' -");
  const std::regex line_re(R"(<line [^>]*>([\s\S]*?)</line>)");
  const std::regex word_re(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<Line> lines;
  for (std::sregex_iterator l(xml.begin(), xml.end(), line_re), end; l != end; ++l) {
    const std::string body = (*l)[1];
    Line line;
    for (std::sregex_iterator w(body.begin(), body.end(), word_re); w != end; ++w) {
      line.words.push_back(
          {std::stod((*w)[1]), std::stod((*w)[2]), std::stod((*w)[3]), std::stod((*w)[4]), unescaped((*w)[5])});
    }
    if (!line.words.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

// Letters and digits only, in lower case: text compared across line breaks,
// hyphenation, capitals and typographic quotes.
std::string norm(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string all_text(const std::vector<Line>& lines) {
  std::string out;
  for (const auto& l : lines) out += l.text() + '\n';
  return out;
}

bool has_word(const std::vector<Line>& lines, const std::string& word) {
  for (const auto& l : lines)
    for (const auto& w : l.words)
      if (w.text == word) return true;
  return false;
}

const content::Roadshow& roadshow() {
  static const content::Roadshow r = [] {
    Diagnostics diagnostics;
    auto loaded = content::load_roadshow(test::source_dir(), diagnostics);
    BOOST_TEST_REQUIRE(!diagnostics.has_errors());
    return loaded;
  }();
  return r;
}

// The intro and overview of the repository, in one language and size; the
// build's messages too, for the contrast check.
struct Built {
  test::TempDir dir;
  std::string err;
  fs::path pdf(const std::string& lang, const std::string& size, const std::string& kind) const {
    return dir.path() / "posters" / lang / size / (kind + ".pdf");
  }
};

const Built& built() {
  static Built b;
  static const bool done = [] {
    const auto r = test::run_impactkit({"build", "--only", "posters", "--poster", "intro,overview", "--size", "A1,A3",
                                        "--preview-dpi", "0", "-o", b.dir.path().string()},
                                       test::source_dir());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    b.err = r.err;
    return true;
  }();
  (void)done;
  return b;
}

std::string source_text(const content::Source& s) {
  return s.publisher + (s.year ? " (" + std::to_string(*s.year) + ")" : "");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intro_and_overview)

// Every intro figure: its number (set large), its label, a tag with its
// scope over it (Nederland, Europa, or this roadshow's own) and its source
// and year under it, in the same column.
BOOST_AUTO_TEST_CASE(every_intro_figure_shows_its_scope_and_source_beside_it) {
  const auto& r = roadshow();
  for (const char* size : {"A1", "A3"}) {
    for (const std::string lang : {"nl", "en"}) {
      const auto lines = lines_of(built().pdf(lang, size, "intro"));
      const std::string text = norm(all_text(lines));
      const double page_scale = std::string(size) == "A1" ? 1.0 : 0.5;
      BOOST_TEST_REQUIRE(!r.intro.figures.empty());
      for (const auto& f : r.intro.figures) {
        BOOST_TEST(text.find(norm(f.label.get(lang))) != std::string::npos, lang << ": " << f.label.get(lang));
        const Word* number = nullptr;
        for (const auto& l : lines)
          for (const auto& w : l.words)
            if (w.text == f.value && w.height() > 60 * page_scale) number = &w;
        BOOST_TEST_REQUIRE(number, size << " " << lang << ": no large " << f.value);
        // Whose figure: the `about` of a context figure; the roadshow's own otherwise.
        const std::string scope =
            f.about.empty() ? (lang == "nl" ? "Deze roadshow" : "This roadshow") : f.about.get(lang);
        const content::Source* source = nullptr;
        for (const auto& s : r.intro.sources)
          if (s.id == f.source_id) source = &s;
        BOOST_TEST_REQUIRE(source);
        // In the number's column: the tag just above it, the source below.
        std::string above, below;
        for (const auto& l : lines) {
          const Word& first = l.words.front();
          if (std::abs(first.x0 - number->x0) > 25 * page_scale) continue;
          if (first.y1 <= number->y0 + 5 && first.y0 > number->y0 - 200 * page_scale) above += l.text() + ' ';
          if (first.y0 >= number->y1 - 5 && first.y0 < number->y1 + 250 * page_scale) below += l.text() + ' ';
        }
        BOOST_TEST(norm(above).find(norm(scope)) != std::string::npos,
                   size << " " << lang << " " << f.value << ": " << above);
        BOOST_TEST(norm(below).find(norm(source_text(*source))) != std::string::npos,
                   size << " " << lang << " " << f.value << ": " << below);
      }
      // Every source in full: title, publisher, year (and URL when given).
      for (const auto& s : r.intro.sources) {
        BOOST_TEST(text.find(norm(s.title)) != std::string::npos, lang << ": " << s.title);
        BOOST_TEST(text.find(norm(source_text(s))) != std::string::npos, lang << ": " << s.publisher);
        if (!s.url.empty()) BOOST_TEST(text.find(norm(s.url)) != std::string::npos, s.url);
      }
    }
  }
}

// Every case: its title, theme name and status; its own figure when it has
// one, and no context figure of its own nor any national number of the
// intro; its title larger than its subtitle.
BOOST_AUTO_TEST_CASE(every_case_on_the_overview_with_its_theme_status_and_own_result) {
  const auto& r = roadshow();
  const std::map<content::CaseStatus, std::string> status = {{content::CaseStatus::achieved, "Gerealiseerd"},
                                                             {content::CaseStatus::in_progress, "In uitvoering"},
                                                             {content::CaseStatus::idea, "Idee"}};
  for (const char* size : {"A1", "A3"}) {
    const auto lines = lines_of(built().pdf("nl", size, "overview"));
    const std::string text = norm(all_text(lines));
    for (const auto& c : r.cases) {
      BOOST_TEST(text.find(norm(c.title.get("nl"))) != std::string::npos, c.id);
      BOOST_TEST(text.find(norm(r.find_theme(c.theme)->name.get("nl"))) != std::string::npos, c.id);
      BOOST_TEST(text.find(norm(status.at(c.status))) != std::string::npos, c.id);
      const auto* hero = c.hero_figure();
      for (const auto& f : c.figures) {
        if (&f == hero) {
          BOOST_TEST(has_word(lines, f.value), c.id << ": its figure " << f.value);
        } else if (f.scope == content::FigureScope::context) {
          BOOST_TEST(!has_word(lines, f.value), c.id << ": the context figure " << f.value);
        }
      }
      if (!hero) BOOST_TEST(text.find(norm(c.headline.get("nl"))) != std::string::npos, c.id);
      // Titles over subtitles: the line that begins each, by the height of
      // its words.
      const auto first_line_height = [&](const std::string& of) {
        const std::string start = norm(of).substr(0, 12);
        for (const auto& l : lines)
          if (norm(l.text()).rfind(start, 0) == 0) return l.height();
        return 0.0;
      };
      const double title = first_line_height(c.title.get("nl"));
      const double subtitle = first_line_height(c.subtitle.get("nl"));
      BOOST_TEST_REQUIRE(subtitle > 0, c.id);
      BOOST_TEST_REQUIRE(title > 0, c.id);
      BOOST_TEST(title > 1.5 * subtitle, c.id << ": title " << title << " pt, subtitle " << subtitle << " pt");
    }
    // No national number of the intro beside a case (but a case's own
    // figure may be the same number: "2" consortia, "2" trillion euros).
    for (const auto& f : r.intro.figures) {
      bool a_hero = false;
      for (const auto& c : r.cases) a_hero = a_hero || (c.hero_figure() && c.hero_figure()->value == f.value);
      if (f.scope == content::FigureScope::context && !a_hero) BOOST_TEST(!has_word(lines, f.value), f.value);
    }
    // One overview: no page count.
    BOOST_TEST(!std::regex_search(all_text(lines), std::regex(R"(\d+ ?/ ?\d+)")), all_text(lines));
  }
}

// The organisation and team at the foot of both, on one baseline (the
// bottom of the last row of the page grid, as on the other posters).
BOOST_AUTO_TEST_CASE(the_footers_share_a_baseline) {
  const std::string team = roadshow().contact.team.get("nl");
  for (const char* size : {"A1", "A3"}) {
    std::vector<double> bottoms;
    for (const char* kind : {"intro", "overview"}) {
      double bottom = 0;
      for (const auto& l : lines_of(built().pdf("nl", size, kind))) {
        if (norm(l.text()).find(norm(team)) != std::string::npos) bottom = std::max(bottom, l.words.back().y1);
      }
      BOOST_TEST_REQUIRE(bottom > 0, size << " " << kind << ": no footer with " << team);
      bottoms.push_back(bottom);
    }
    BOOST_TEST(std::abs(bottoms[0] - bottoms[1]) < 0.5, size << ": " << bottoms[0] << " and " << bottoms[1]);
  }
}

BOOST_AUTO_TEST_CASE(neither_poster_sets_text_below_the_contrast_rule) {
  BOOST_TEST(built().err.find("has a contrast of") == std::string::npos, built().err);
}

BOOST_AUTO_TEST_SUITE_END()
