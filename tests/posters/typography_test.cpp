// Typography of the repository's own posters and cards, read back from the
// PDFs with Poppler: no display-role text ends a line on a hyphen, a number
// never ends a line away from its word, quotes and apostrophes are
// typographic, and CO2 in a content text comes out as CO₂.
//
// How display-role text is told apart: the test builds a copy of the
// repository's content whose theme sets the body role in DejaVu Sans and
// leaves heading and figures in Inter (`fonts:` in theme.yaml), so every
// line that pdftohtml reports in an Inter face is text of a style of role
// heading or figures, and every line in DejaVu Sans is body text. Layout
// changes with the wider body face (overflowing texts are cut short with
// --allow-overflow), but the display styles are set as they always are.

#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

// The posters (Dutch, A1) and the card deck (Dutch) of the content in `root`.
std::vector<fs::path> build_pdfs(const fs::path& root, const fs::path& out) {
  for (const std::string only : {"posters", "cards"}) {
    std::vector<std::string> args = {"build",
                                     "-q",
                                     "-C",
                                     root.string(),
                                     "-o",
                                     out.string(),
                                     "--only",
                                     only,
                                     "--lang",
                                     "nl",
                                     "--allow-overflow",
                                     "--preview-dpi",
                                     "0"};
    if (only == "posters") args.insert(args.end(), {"--size", "A1"});
    const auto built = test::run_impactkit(args);
    BOOST_TEST_REQUIRE(built.exit_code == 0, only << ": " << built.err);
  }
  std::vector<fs::path> pdfs;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
  }
  std::sort(pdfs.begin(), pdfs.end());
  BOOST_TEST_REQUIRE(pdfs.size() >= 20u);  // 19 posters and the overview, and the decks
  return pdfs;
}

fs::path copy_content(const fs::path& root) {
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(test::source_dir() / item, root / item, fs::copy_options::recursive);
  }
  return root;
}

std::string unescaped(std::string s) {
  s = std::regex_replace(s, std::regex("<[^>]*>"), "");  // <b>, <i>
  for (const auto& [entity, c] : std::map<std::string, std::string>{
           {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (std::size_t at; (at = s.find(entity)) != std::string::npos;) s.replace(at, entity.size(), c);
  }
  return s;
}

struct TextLine {
  std::string family;  // as the PDF names the font, without the subset tag
  std::string text;
};

// Every line of text of a PDF with its font, as pdftohtml reads them.
std::vector<TextLine> lines_with_fonts(const fs::path& pdf) {
  const std::string xml = test::run_shell("pdftohtml -xml -i -q -stdout " + pdf.string());
  std::map<std::string, std::string> family;
  const std::regex spec(R"re(<fontspec id="(\d+)"[^>]* family="(?:[A-Z]{6}\+)?([^"]*)")re");
  for (std::sregex_iterator it(xml.begin(), xml.end(), spec), end; it != end; ++it) family[(*it)[1]] = (*it)[2];
  std::vector<TextLine> out;
  const std::regex text(R"re(<text [^>]*font="(\d+)"[^>]*>(.*)</text>)re");
  for (std::sregex_iterator it(xml.begin(), xml.end(), text), end; it != end; ++it) {
    out.push_back({family[(*it)[1]], unescaped((*it)[2])});
  }
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Every start of a word that ends on one of its own hyphens, lower-case
// ("zero-", "leer-", "samenwerking-"), from the content's texts: a line may
// break there, at the word's own hyphen, in any style.
std::set<std::string> own_hyphen_prefixes(const fs::path& root) {
  std::set<std::string> out;
  std::vector<fs::path> files = {root / "roadshow.yaml", root / "sdgs.yaml"};
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  const std::regex word(R"([^\s"'(),:;]+-[^\s"'(),:;]+)");
  for (const auto& file : files) {
    const std::string text = read_file(file).value_or("");
    for (std::sregex_iterator it(text.begin(), text.end(), word), end; it != end; ++it) {
      const std::string w = lower(it->str());
      for (std::size_t at = w.find('-'); at != std::string::npos; at = w.find('-', at + 1))
        out.insert(w.substr(0, at + 1));
    }
  }
  return out;
}

// The last word of a line, without what may stand before it ("(hele-").
std::string last_word(const std::string& line) {
  std::string s = line;
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::string w = s.substr(s.find_last_of(' ') == std::string::npos ? 0 : s.find_last_of(' ') + 1);
  while (!w.empty() && !std::isalnum(static_cast<unsigned char>(w.front()))) w.erase(0, 1);
  return w;
}

bool is_number(const std::string& w) {
  return !w.empty() &&
         std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(typography)

BOOST_AUTO_TEST_CASE(no_display_role_text_of_the_posters_and_cards_ends_a_line_on_a_hyphen) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "root");
  const fs::path root = copy_content(dir.path() / "root");
  test::replace_in(root / "theme.yaml", "  body: Inter\n", "  body: DejaVu Sans\n");
  // A formula in a content text: it comes out with a real subscript.
  test::replace_in(root / "cases/zero-emissie-bussen.yaml", "Schoner openbaar vervoer", "Openbaar vervoer zonder CO2");
  const auto own = own_hyphen_prefixes(root);
  int display_lines = 0;
  int body_hyphens = 0;
  std::string all_text;  // pdftohtml gives the ₂ of CO₂, in its own size, a text of its own
  for (const fs::path& pdf : build_pdfs(root, dir.path() / "out")) {
    for (const TextLine& line : lines_with_fonts(pdf)) {
      const bool display = line.family.starts_with("Inter");
      BOOST_TEST_REQUIRE((display || line.family.starts_with("DejaVuSans")), pdf.filename() << ": " << line.family);
      all_text += line.text;
      const std::string w = last_word(line.text);
      const bool hyphen = w.size() > 1 && w.back() == '-';
      if (!display) {
        body_hyphens += hyphen && !own.contains(lower(w));
        continue;
      }
      ++display_lines;
      BOOST_TEST(!(hyphen && !own.contains(lower(w))), pdf.filename() << ": '" << line.text << "'");
    }
  }
  BOOST_TEST(display_lines > 500);
  // The reading sees hyphens where they are made: body text does break.
  BOOST_TEST(body_hyphens > 10);
  BOOST_TEST(all_text.find("zonder CO\u2082") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(numbers_keep_their_word_and_quotes_are_typographic_on_the_posters_and_cards) {
  test::TempDir dir;
  int kept = 0;
  std::string all_text;
  for (const fs::path& pdf : build_pdfs(test::source_dir(), dir.path() / "out")) {
    const std::string xml = test::run_shell("pdftotext -enc UTF-8 -bbox-layout " + pdf.string() + " -");
    const std::regex block_re(R"(<block [^>]*>([\s\S]*?)</block>)");
    const std::regex line_re(R"(<line [^>]*>([\s\S]*?)</line>)");
    const std::regex word_re(R"(<word [^>]*>([^<]*)</word>)");
    for (std::sregex_iterator b(xml.begin(), xml.end(), block_re), end; b != end; ++b) {
      const std::string block = (*b)[1];
      std::vector<std::vector<std::string>> lines;
      for (std::sregex_iterator l(block.begin(), block.end(), line_re); l != end; ++l) {
        const std::string line = (*l)[1];
        lines.emplace_back();
        for (std::sregex_iterator w(line.begin(), line.end(), word_re); w != end; ++w) {
          lines.back().push_back(unescaped((*w)[1]));
        }
      }
      for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& words = lines[i];
        for (std::size_t k = 0; k + 1 < words.size(); ++k)
          kept += is_number(words[k]) && std::islower(static_cast<unsigned char>(words[k + 1][0]));
        // A line of several words that ends on a bare number, with the
        // paragraph going on below: the number has lost its word ("18" | "%").
        if (words.size() < 2 || !is_number(words.back()) || i + 1 == lines.size() || lines[i + 1].empty()) continue;
        const std::string& next = lines[i + 1].front();
        const bool goes_on = next == "%" || std::islower(static_cast<unsigned char>(next[0]));
        BOOST_TEST(!goes_on, pdf.filename() << ": '" << words.back() << "' | '" << next << "'");
      }
      for (const auto& words : lines)
        for (const auto& w : words) all_text += w + ' ';
    }
  }
  BOOST_TEST(kept > 3);  // "150 woningen", "2030 alle bussen": numbers the check saw kept with their word
  // Quotes and apostrophes as a typesetter sets them, none straight.
  BOOST_TEST(all_text.find("\u201CStaphorst") != std::string::npos);
  BOOST_TEST(all_text.find("risico\u2019s") != std::string::npos);
  BOOST_TEST(all_text.find('"') == std::string::npos);
  BOOST_TEST(all_text.find('\'') == std::string::npos);
}

// A key figure's sign ("15 %") stays on its number's line, at its right,
// instead of on a line of its own below it; the eight figures of the intro
// keep one size.
BOOST_AUTO_TEST_CASE(a_figures_percent_sign_sits_beside_its_number) {
  test::TempDir dir;
  const auto built = test::run_impactkit({"build", "-q", "-C", test::source_dir().string(), "-o",
                                          (dir.path() / "out").string(), "--only", "posters", "--poster", "intro",
                                          "--lang", "nl", "--size", "A1", "--preview-dpi", "0"});
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  const std::string xml = test::run_shell("pdftotext -enc UTF-8 -bbox-layout " +
                                          (dir.path() / "out/posters/nl/A1/intro.pdf").string() + " -");
  struct Word {
    double x0, y0, x1, y1;
    std::string text;
  };
  std::vector<Word> words;
  const std::regex word_re(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  for (std::sregex_iterator w(xml.begin(), xml.end(), word_re), end; w != end; ++w) {
    words.push_back({std::stod((*w)[1]), std::stod((*w)[2]), std::stod((*w)[3]), std::stod((*w)[4]), (*w)[5]});
  }
  std::vector<const Word*> numbers;
  for (const auto& w : words) {
    if (is_number(w.text) && w.y1 - w.y0 > 100) numbers.push_back(&w);  // the key figures, not body text
  }
  BOOST_TEST_REQUIRE(numbers.size() == 8u);
  for (const auto* n : numbers) BOOST_TEST(n->y1 - n->y0 == numbers.front()->y1 - numbers.front()->y0);
  int signs = 0;
  for (const auto& w : words) {
    if (w.text != "%") continue;
    ++signs;
    const auto beside = std::find_if(numbers.begin(), numbers.end(), [&](const Word* n) {
      return w.x0 >= n->x1 && w.x0 - n->x1 < 60 && w.y1 <= n->y1 + 5 && w.y1 >= n->y0;
    });
    BOOST_TEST((beside != numbers.end()), "a '%' at (" << w.x0 << ", " << w.y0 << ") is not beside a number");
  }
  BOOST_TEST(signs == 4);  // 15, 18, 23 and 9 %
}

BOOST_AUTO_TEST_SUITE_END()
