// `impactkit init --lang`: a starter entirely in one language that validates
// and builds at once, and that names nothing of the Province of Overijssel's
// roadshow. Every product's text is read back with independent tools
// (pdftotext, pdfinfo) or from the files themselves, and checked against
// the word lists in tests/data/.

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <impactkit/content/init_roadshow.hpp>
#include <impactkit/core/file_io.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace fs = std::filesystem;
using impactkit::test::run_impactkit;
using impactkit::test::TempDir;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The entries of a word list in tests/data/, without comments and blank lines.
std::vector<std::string> word_list(const std::string& name) {
  std::vector<std::string> words;
  for (const auto& line : impactkit::test::read_lines(impactkit::test::source_dir() / "tests/data" / name)) {
    if (!line.empty() && line[0] != '#') words.push_back(line);
  }
  return words;
}

// What a product says, as text: of one file, or of the build's own report.
struct Said {
  std::string where;
  std::string text;
  bool report = false;  // a report (or a YAML file) names a language by its code: "en" is no word there
};

// pdftotext -raw puts each glyph of turned text (the wheel's face) on a line
// of its own; those runs are joined into words again, and a word broken at
// a line end ("materi-\nals") is made whole.
std::string pdf_text(const fs::path& pdf) {
  const std::string raw = impactkit::test::run_shell("pdftotext -raw -enc UTF-8 '" + pdf.string() + "' -");
  std::string joined;
  std::size_t at = 0;
  while (at < raw.size()) {
    const auto end = std::min(raw.find('\n', at), raw.size());
    const std::string line = raw.substr(at, end - at);
    const bool glyph = line.size() == 1 || (line.size() <= 4 && static_cast<unsigned char>(line[0]) >= 0xC0);
    joined += line + (glyph ? "" : "\n");
    at = end + 1;
  }
  std::string text;
  for (std::size_t i = 0; i < joined.size(); ++i) {
    if (joined[i] == '-' && i + 1 < joined.size() && joined[i + 1] == '\n') {
      ++i;
      continue;
    }
    const bool blank = std::isspace(static_cast<unsigned char>(joined[i])) != 0;
    if (!blank || (!text.empty() && text.back() != ' ')) text += blank ? ' ' : joined[i];
  }
  const std::string info = impactkit::test::run_shell("pdfinfo '" + pdf.string() + "'");
  for (const char* field : {"Title:", "Subject:", "Author:", "Keywords:"}) {
    if (const auto f = info.find(field); f != std::string::npos) text += "\n" + info.substr(f, info.find('\n', f) - f);
  }
  return text;
}

// The text of an SVG: <text>, <title> and <desc> contents, comments and labels.
std::string svg_text(const std::string& svg) {
  std::string text;
  const auto between = [&](const std::string& open, const std::string& close) {
    for (auto at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
      const auto from =
          open.back() == '>' || open.back() == '"' || open.back() == '-' ? at + open.size() : svg.find('>', at) + 1;
      const auto to = svg.find(close, from);
      if (from == 0 || to == std::string::npos) break;
      text += svg.substr(from, to - from) + "\n";
    }
  };
  between("<text", "</text>");
  between("<tspan", "</tspan>");
  between("<title", "</title>");
  between("<desc", "</desc>");
  between("<!--", "-->");
  between("label=\"", "\"");
  return text;
}

// The strings of a DXF: the values of group codes 1 and 3 (the text of
// TEXT and MTEXT entities, and names) and 8 (layers).
std::string dxf_text(const fs::path& dxf) {
  const auto lines = impactkit::test::read_lines(dxf);
  std::string text;
  for (std::size_t i = 0; i + 1 < lines.size(); i += 2) {
    std::string code = lines[i];
    code.erase(0, code.find_first_not_of(' '));
    if (code == "1" || code == "3" || code == "8") text += lines[i + 1] + "\n";
  }
  return text;
}

// Everything the build wrote that carries words, with the root's own path
// taken out (a temporary folder's random name is no word of the roadshow).
std::vector<Said> output_texts(const fs::path& root) {
  std::vector<Said> said;
  const auto without_root = [&](std::string text) {
    for (auto at = text.find(root.string()); at != std::string::npos; at = text.find(root.string(), at)) {
      text.replace(at, root.string().size(), "ROOT");
    }
    return text;
  };
  for (const auto& entry : fs::recursive_directory_iterator(root / "output")) {
    if (!entry.is_regular_file()) continue;
    const fs::path& file = entry.path();
    const std::string ext = file.extension().string();
    const std::string where = file.lexically_relative(root).string();
    // The build's own bookkeeping (hex digests, whose letter runs can spell
    // "de") is read by no person.
    if (where.starts_with("output/.impactkit/")) continue;
    if (ext == ".pdf") said.push_back({where, pdf_text(file)});
    if (ext == ".svg") said.push_back({where, svg_text(impactkit::read_file(file).value_or(""))});
    if (ext == ".dxf") said.push_back({where, dxf_text(file)});
    if (ext == ".txt" || ext == ".json")
      said.push_back({where, without_root(impactkit::read_file(file).value_or("")), true});
  }
  return said;
}

// The files init wrote (all but output/), comments included; a YAML file
// names languages by their codes.
std::vector<Said> written_texts(const fs::path& root) {
  std::vector<Said> said;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const fs::path file = entry.path().lexically_relative(root);
    if (!entry.is_regular_file() || *file.begin() == "output") continue;
    said.push_back({file.string(), impactkit::read_file(entry.path()).value_or(""), true});
  }
  BOOST_TEST(said.size() >= 8u);
  return said;
}

// The words of `text` (letters; any byte of a UTF-8 letter) that the list has.
std::set<std::string> dutch_words_in(const std::string& text, const std::set<std::string>& dutch, bool report) {
  std::set<std::string> found;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalpha(c) != 0 || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
      continue;
    }
    if (dutch.contains(word) && !(report && word == "en")) found.insert(word);
    word.clear();
  }
  return found;
}

// The names of the list that `text` has anywhere, without regard to case or spaces.
std::set<std::string> names_in(const std::string& text, const std::vector<std::string>& names) {
  const auto squeezed = [](const std::string& s) {
    std::string out;
    for (const char c : lower(s)) {
      if (std::isspace(static_cast<unsigned char>(c)) == 0) out += c;
    }
    return out;
  };
  const std::string haystack = squeezed(text);
  std::set<std::string> found;
  for (const auto& name : names) {
    if (contains(haystack, squeezed(name))) found.insert(name);
  }
  return found;
}

std::string joined(const std::set<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// init, then validate and build every product; returns what the build said.
std::vector<Said> init_and_build(const fs::path& root, const std::string& language, const std::string& organisation) {
  const auto made = run_impactkit({"init", root.string(), "--lang", language, "--organisation", organisation});
  BOOST_TEST_REQUIRE(made.exit_code == 0, made.err);
  const auto valid = run_impactkit({"validate", "-C", root.string()});
  BOOST_TEST(valid.exit_code == 0, valid.err);
  BOOST_TEST(contains(valid.out, "0 errors, 0 warnings"), valid.out << valid.err);
  const auto built = run_impactkit({"build", "-C", root.string(), "--preview-dpi", "0"});
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  for (const char* product : {"posters", "cards", "laser", "wheel"})
    BOOST_TEST(contains(built.out, product), built.out);
  const auto json = run_impactkit({"build", "-C", root.string(), "--preview-dpi", "0", "--json"});
  BOOST_TEST(json.exit_code == 0, json.err);
  auto said = output_texts(root);
  said.push_back({"the build's summary", built.out + built.err, true});
  said.push_back({"the build's JSON report", json.out + json.err, true});
  for (auto& s : said) {
    for (auto at = s.text.find(root.string()); at != std::string::npos; at = s.text.find(root.string(), at)) {
      s.text.replace(at, root.string().size(), "ROOT");
    }
  }
  return said;
}

std::size_t count_of(const std::vector<Said>& said, const std::string& suffix) {
  return static_cast<std::size_t>(
      std::count_if(said.begin(), said.end(), [&](const Said& s) { return s.where.ends_with(suffix); }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(init)

BOOST_AUTO_TEST_CASE(english_starter_builds_every_product_without_a_dutch_word_or_an_overijssel_name) {
  const TempDir dir;
  const fs::path root = dir.path() / "northfield";
  const auto said = init_and_build(root, "en", "Northfield Council");
  // Every product was made and read back: 3 cases x 3 posters + intro and
  // overview, the card decks, the laser sheets and the wheel, their reports.
  BOOST_TEST(count_of(said, "-route.pdf") == 3u);
  BOOST_TEST(count_of(said, ".pdf") >= 11u + 3u + 1u + 2u);
  BOOST_TEST(count_of(said, ".dxf") >= 2u);
  BOOST_TEST(count_of(said, ".svg") >= 2u);
  BOOST_TEST(count_of(said, "exhibit-report.txt") == 1u);
  BOOST_TEST(count_of(said, "wheel-report.json") == 1u);
  BOOST_TEST(count_of(said, "deck.json") == 1u);
  // The texts were really read: the English ones are there.
  const auto text_of = [&](const std::string& suffix) {
    const auto s = std::find_if(said.begin(), said.end(), [&](const Said& x) { return x.where.ends_with(suffix); });
    return s == said.end() ? std::string() : s->text;
  };
  BOOST_TEST(contains(text_of("posters/en/A1/intro.pdf"), "Buying for Impact"));
  BOOST_TEST(contains(text_of("posters/en/A1/intro.pdf"), "Northfield Council"));
  BOOST_TEST(contains(text_of("posters/en/A1/example-heat-pump-route.pdf"), "innovation-oriented tender"));
  BOOST_TEST(contains(text_of("cards/en/deck-cardprinter.pdf"), "Question owner"));
  // The wheel's face has its text as outlines; the volvelle says the same,
  // its turned labels glyph by glyph.
  BOOST_TEST(contains(text_of("wheel/volvelle-A4.pdf"), "second life"));
  BOOST_TEST(contains(lower(text_of("wheel/volvelle-A4.pdf")), "ongas"));
  BOOST_TEST(contains(text_of("laser/exhibit-report.txt"), "example-heat-pump"));

  const auto dutch_list = word_list("dutch-words.txt");
  const std::set<std::string> dutch(dutch_list.begin(), dutch_list.end());
  const auto names = word_list("overijssel-names.txt");
  for (const auto& s : said) {
    BOOST_TEST(dutch_words_in(s.text, dutch, s.report).empty(),
               s.where << " has Dutch words: " << joined(dutch_words_in(s.text, dutch, s.report)));
    BOOST_TEST(names_in(s.text, names).empty(), s.where << " names " << joined(names_in(s.text, names)));
  }
  // The files init wrote, comments included, name nothing of Overijssel;
  // all but the SDGs' names (a name per language) have no Dutch word ("en"
  // is the language's code there).
  for (const auto& [file, text, report] : written_texts(root)) {
    BOOST_TEST(names_in(text, names).empty(), file << " names " << joined(names_in(text, names)));
    if (file != "sdgs.yaml") {
      BOOST_TEST(dutch_words_in(text, dutch, report).empty(),
                 file << " has Dutch words: " << joined(dutch_words_in(text, dutch, report)));
    }
  }
}

BOOST_AUTO_TEST_CASE(dutch_starter_builds_every_product_and_names_nothing_of_overijssel) {
  const TempDir dir;
  const fs::path root = dir.path() / "voorbeeld";
  const auto said = init_and_build(root, "nl", "Gemeente Voorbeeld");
  BOOST_TEST(count_of(said, "-route.pdf") == 3u);
  const auto dutch_list = word_list("dutch-words.txt");
  const std::set<std::string> dutch(dutch_list.begin(), dutch_list.end());
  const auto names = word_list("overijssel-names.txt");
  std::set<std::string> found;
  for (const auto& s : said) {
    BOOST_TEST(names_in(s.text, names).empty(), s.where << " names " << joined(names_in(s.text, names)));
    const auto words = dutch_words_in(s.text, dutch, s.report);
    found.insert(words.begin(), words.end());
  }
  for (const auto& [file, text, report] : written_texts(root)) {
    BOOST_TEST(names_in(text, names).empty(), file << " names " << joined(names_in(text, names)));
  }
  // The same reading finds the Dutch in a Dutch build: the English test's
  // check is not blind.
  for (const char* word : {"de", "het", "een", "en", "uitvraag", "vraagstuk", "voorbeeld", "berken"}) {
    BOOST_TEST(found.contains(word), word);
  }
}

BOOST_AUTO_TEST_CASE(an_unknown_language_or_no_organisation_is_a_usage_error) {
  const TempDir dir;
  const auto german = run_impactkit({"init", (dir.path() / "x").string(), "--lang", "de", "--organisation", "Stadt"});
  BOOST_TEST(german.exit_code == 64);
  BOOST_TEST(contains(german.err, "en"), german.err);
  BOOST_TEST(contains(german.err, "nl"), german.err);
  BOOST_TEST(!fs::exists(dir.path() / "x"));
  const auto nameless = run_impactkit({"init", (dir.path() / "y").string()});
  BOOST_TEST(nameless.exit_code == 64);
  BOOST_TEST(contains(nameless.err, "--organisation"), nameless.err);
  BOOST_TEST(!fs::exists(dir.path() / "y"));
  const auto blank = run_impactkit({"init", (dir.path() / "z").string(), "--organisation", " "});
  BOOST_TEST(blank.exit_code == 64);
  BOOST_TEST(!fs::exists(dir.path() / "z"));
  // The library refuses the same, for a caller other than the command line.
  impactkit::content::InitOptions options;
  options.language = "fr";
  options.organisation = "Ville";
  BOOST_CHECK_THROW(impactkit::content::init_roadshow(dir.path() / "w", options), impactkit::content::InitUsageError);
  BOOST_TEST(!fs::exists(dir.path() / "w"));
}

BOOST_AUTO_TEST_CASE(init_never_overwrites_a_file_of_the_starter) {
  const TempDir dir;
  const fs::path root = dir.path() / "r";
  fs::create_directories(root / "cases");
  impactkit::write_file_atomically(root / "cases/example-heat-pump.yaml", "mine\n");
  const auto r = run_impactkit({"init", root.string(), "--organisation", "X"});
  BOOST_TEST(r.exit_code == 3);
  BOOST_TEST(contains(r.err, "cases/example-heat-pump.yaml"), r.err);
  BOOST_TEST(contains(r.err, "init never overwrites"), r.err);
  BOOST_TEST(impactkit::read_file(root / "cases/example-heat-pump.yaml").value_or("") == "mine\n");
  BOOST_TEST(!fs::exists(root / "roadshow.yaml"));
}

BOOST_AUTO_TEST_CASE(the_starter_theme_has_the_projects_styles_and_its_own_comments) {
  const TempDir dir;
  for (const char* language : {"en", "nl"}) {
    const fs::path root = dir.path() / language;
    BOOST_TEST_REQUIRE(run_impactkit({"init", root.string(), "--lang", language, "--organisation", "O"}).exit_code ==
                       0);
    const std::string theme = impactkit::read_file(root / "theme.yaml").value_or("");
    // Every style line of the project's theme is in the starter's, as it is.
    const auto project = impactkit::test::read_lines(impactkit::test::source_dir() / "theme.yaml");
    const auto styles = std::find(project.begin(), project.end(), "styles:");
    BOOST_TEST_REQUIRE((styles != project.end()));
    std::size_t copied = 0;
    for (auto line = styles; line != project.end(); ++line) {
      if (line->find_first_not_of(' ') == std::string::npos || line->find('#') != std::string::npos) continue;
      BOOST_TEST(contains(theme, *line + "\n"), language << ": " << *line);
      ++copied;
    }
    BOOST_TEST(copied > 20u);
    // The project's own name and exceptions are not.
    BOOST_TEST(contains(theme, "name: \"O\"\n"));
    BOOST_TEST(!contains(theme, "Overijssel"));
    BOOST_TEST(contains(theme, "exceptions: []"));
    BOOST_TEST(!contains(theme, "#@project"));
    // The locale is that language's only.
    BOOST_TEST(fs::exists(root / "locales" / (std::string(language) + ".yaml")));
    BOOST_TEST(std::distance(fs::directory_iterator(root / "locales"), fs::directory_iterator()) == 1);
  }
}

BOOST_AUTO_TEST_CASE(a_title_and_a_name_with_yaml_characters_are_taken_as_they_are) {
  const TempDir dir;
  const fs::path root = dir.path() / "r";
  const auto made = run_impactkit({"init", root.string(), "--lang", "nl", "--organisation",
                                   "Gemeente \"Oost\" \\ West: #1", "--title", "Slim: #2"});
  BOOST_TEST_REQUIRE(made.exit_code == 0, made.err);
  const auto valid = run_impactkit({"validate", "-C", root.string()});
  BOOST_TEST(valid.exit_code == 0, valid.err);
  BOOST_TEST(contains(valid.out, "valid: 'Slim: #2', 3 cases"), valid.out);
  BOOST_TEST(contains(impactkit::read_file(root / "roadshow.yaml").value_or(""),
                      "\norganisation: \"Gemeente \\\"Oost\\\" \\\\ West: #1\"\n"));
}

BOOST_AUTO_TEST_CASE(composing_takes_the_projects_sections_without_their_comments) {
  const std::string starter =
      "# starter comment\nname: X\n# about the fonts\n#@project fonts\n#@project gone\nstyles_note: 1\n";
  const std::string project =
      "# project comment\nname: Project\nfonts:   # de lettertypen\n  body: Inter\n\n  # kop\n  heading: Inter\n"
      "extra:\n  colour: \"#not a comment\"  # een opmerking\n";
  const std::string composed = impactkit::content::compose_with_project(starter, project);
  BOOST_TEST(composed ==
             "# starter comment\nname: X\n# about the fonts\nfonts:\n  body: Inter\n  heading: Inter\nstyles_note: "
             "1\n\nextra:\n  colour: \"#not a comment\"\n");
}

BOOST_AUTO_TEST_SUITE_END()
