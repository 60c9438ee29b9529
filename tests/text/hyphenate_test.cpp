// Hyphenation: Dutch words break where the Woordenlijst Nederlandse Taal
// breaks them (within the style's limits), compounds at their own hyphen,
// tremas are dropped at the break, and the author's soft hyphens and the
// theme's exceptions win over the patterns.

#include <impactkit/text/hyphenate.hpp>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <thread>

namespace data = boost::unit_test::data;
using namespace impactkit::text;

namespace {

const Hyphenator& dutch() {
  static const Hyphenator hyphenator("nl");
  return hyphenator;
}

// The word with '-' at every break it may take ("duur-zaam-heid"); the word's
// own hyphens stand as they are, soft hyphens are left out.
std::string hyphenated(const Hyphenator& h, std::string_view word, const HyphenationSettings& settings = {}) {
  std::string out;
  std::size_t at = 0;
  for (const BreakPoint& point : h.breaks(word, settings)) {
    out.append(word.substr(at, point.offset - at));
    if (!point.explicit_hyphen) out += '-';
    at = point.offset;
  }
  out.append(word.substr(at));
  return Hyphenator::unbroken(out);
}

// The positions of the added breaks in a hyphenated word, counted in bytes of
// the word without them.
std::vector<std::size_t> added_breaks(std::string_view word, std::string_view hyphenated_word) {
  std::vector<std::size_t> out;
  for (std::size_t w = 0, h = 0; h < hyphenated_word.size(); ++h) {
    if (w < word.size() && word[w] == hyphenated_word[h]) {
      ++w;
    } else {
      out.push_back(w);
    }
  }
  return out;
}

// A Dutch word, its hyphenation per the Woordenlijst restricted to the default
// style (2 letters before a break, 3 after, words of 6 letters or more), and,
// where the patterns miss points of it, what we give instead.
struct DutchWord {
  const char* word;
  const char* correct;
  const char* given = nullptr;  // null: as `correct`
};

std::ostream& operator<<(std::ostream& out, const DutchWord& w) {
  return out << w.word;
}

const std::vector<DutchWord> dutch_words = {
    {"duurzaamheidsrapportage", "duur-zaam-heids-rap-por-tage"},  // ta-ge: "ge" is too short
    {"aanbestedingstrajecten", "aan-be-ste-dings-tra-jec-ten", "aan-be-ste-dingstra-jec-ten"},
    {"hoogrendementswarmtepomp", "hoog-ren-de-ments-warm-te-pomp"},
    {"ketensamenwerking", "ke-ten-sa-men-wer-king"},
    {"opdrachtgeverschap", "op-dracht-ge-ver-schap"},
    {"klimaatvoetafdruk", "kli-maat-voet-af-druk"},
    {"arbeidsparticipatie", "ar-beids-par-ti-ci-pa-tie"},
    {"ideeën", "ideeën"},  // i-dee-en: "i" and "en" are too short
    {"categorieën", "ca-te-go-rieën"},
    {"zero-emissiebussen", "zero-emis-sie-bus-sen"},  // "zero" is too short, e-mis: "e" too
    {"inkooptraject", "in-koop-tra-ject"},
    {"circulariteit", "cir-cu-la-ri-teit"},
    {"biodiversiteit", "bi-o-di-ver-si-teit"},
    {"inclusiviteit", "in-clu-si-vi-teit"},
    {"energietransitie", "ener-gie-tran-si-tie"},
    {"provinciehuis", "pro-vin-cie-huis"},
    {"grondstoffengebruik", "grond-stof-fen-ge-bruik"},
    {"vraageigenaar", "vraag-ei-ge-naar"},
    {"leerwerkbedrijven", "leer-werk-be-drij-ven"},
    {"mkb-bedrijven", "mkb-be-drij-ven"},
    {"natuurgebieden", "na-tuur-ge-bie-den"},
    {"warmtepomp", "warm-te-pomp"},
    {"laadinfrastructuur", "laad-in-fra-struc-tuur", "laadin-fra-struc-tuur"},
    {"warmtecollector", "warm-te-col-lec-tor", "warmte-col-lec-tor"},
    {"brugonderdelen", "brug-on-der-de-len", "brugon-der-de-len"},
    {"maatschappelijk", "maat-schap-pe-lijk"},
    {"innovatiegerichte", "in-no-va-tie-ge-richte"},
    {"beleidsdoelstellingen", "be-leids-doel-stel-lin-gen"},
    {"concessiehouder", "con-ces-sie-hou-der"},
    {"aanbestedingswet", "aan-be-ste-dings-wet"},
    {"kringlooplandbouw", "kring-loop-land-bouw"},
    {"verduurzaming", "ver-duur-za-ming"},
    {"milieubewust", "mi-li-eu-be-wust"},
    {"overeenkomst", "over-een-komst"},
    {"tentoonstelling", "ten-toon-stel-ling"},
    {"Overijssel", "Over-ijs-sel"},
    {"geïntensiveerd", "ge-ïn-ten-si-veerd"},
    {"casuïstiek", "ca-su-ïs-tiek"},
    {"coëfficiënt", "co-ëf-fi-ci-ënt"},
    {"financiële", "fi-nan-ci-ële"},
    {"Kanaäniet", "Ka-na-ä-niet"},  // the patterns miss na-ä: the trema gives it
};

// At least 600 words of running Dutch text: the sample, topped up with the
// table's words.
std::vector<std::string> sample_words() {
  std::ifstream in(std::string(IMPACTKIT_SOURCE_DIR) + "/tests/text/dutch-sample.txt");
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.emplace_back(word);
  for (std::size_t i = 0; words.size() < 600; ++i) words.emplace_back(dutch_words[i % dutch_words.size()].word);
  return words;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hyphenate)

BOOST_DATA_TEST_CASE(dutch_word_breaks_as_in_the_woordenlijst, data::make(dutch_words), w) {
  const std::string given = w.given != nullptr ? w.given : w.correct;
  BOOST_TEST(hyphenated(dutch(), w.word) == given);
  // A point the patterns miss costs a little raggedness; a wrong one would
  // print a misspelt word. Only the first is accepted.
  const auto correct = added_breaks(w.word, w.correct);
  for (std::size_t at : added_breaks(w.word, given)) {
    BOOST_TEST((std::find(correct.begin(), correct.end(), at) != correct.end()), w.word << " breaks wrongly at " << at);
  }
}

BOOST_AUTO_TEST_CASE(halves_are_the_word_as_printed_on_either_side) {
  const auto points = dutch().breaks("duurzaamheid", {});
  BOOST_TEST_REQUIRE(points.size() == 2u);
  BOOST_TEST(points[0].offset == 4u);
  BOOST_TEST(points[0].line_end == "duur-");
  BOOST_TEST(points[0].line_start == "zaamheid");
  BOOST_TEST(!points[0].explicit_hyphen);
  BOOST_TEST(points[1].offset == 8u);
  BOOST_TEST(points[1].line_end == "duurzaam-");
  BOOST_TEST(points[1].line_start == "heid");
}

BOOST_AUTO_TEST_CASE(compound_breaks_at_its_own_hyphen_without_adding_one) {
  const auto points = dutch().breaks("zero-emissiebussen", {});
  BOOST_TEST_REQUIRE(points.size() == 4u);
  BOOST_TEST(points[0].offset == 5u);
  BOOST_TEST(points[0].line_end == "zero-");
  BOOST_TEST(points[0].line_start == "emissiebussen");
  BOOST_TEST(points[0].explicit_hyphen);
  BOOST_TEST(points[1].line_end == "zero-emis-");
  BOOST_TEST(points[1].line_start == "siebussen");
  BOOST_TEST(!points[1].explicit_hyphen);
  // Each part is a word of its own for min_word: "zonne" is too short.
  BOOST_TEST(hyphenated(dutch(), "zonne-energie") == "zonne-ener-gie");
  BOOST_TEST(hyphenated(dutch(), "CO2-uitstoot") == "CO2-uit-stoot");
  // A hyphen at the edge of a word is no compound ("zonne- en windenergie").
  BOOST_TEST(dutch().breaks("zonne-", {}).empty());
  BOOST_TEST(hyphenated(dutch(), "-achtig") == "-ach-tig");
  const auto achtig = dutch().breaks("-achtig", {});
  BOOST_TEST_REQUIRE(achtig.size() == 1u);
  BOOST_TEST(!achtig[0].explicit_hyphen);
  BOOST_TEST(hyphenated(dutch(), "a--b") == "a--b");
  BOOST_TEST(dutch().breaks("a--b", {}).empty());
}

BOOST_AUTO_TEST_CASE(settings_limit_where_words_break) {
  HyphenationSettings s;
  BOOST_TEST(hyphenated(dutch(), "duurzaamheid", s) == "duur-zaam-heid");
  s.min_before = 5;
  BOOST_TEST(hyphenated(dutch(), "duurzaamheid", s) == "duurzaam-heid");
  s = {};
  s.min_after = 5;
  BOOST_TEST(hyphenated(dutch(), "duurzaamheid", s) == "duur-zaamheid");
  s = {};
  s.min_word = 13;  // "duurzaamheid" has 12 letters
  BOOST_TEST(hyphenated(dutch(), "duurzaamheid", s) == "duurzaamheid");
  s.min_word = 12;
  BOOST_TEST(hyphenated(dutch(), "duurzaamheid", s) == "duur-zaam-heid");
  s = {};
  s.min_after = 2;
  BOOST_TEST(hyphenated(dutch(), "duurzaamheidsrapportage", s) == "duur-zaam-heids-rap-por-ta-ge");
}

BOOST_AUTO_TEST_CASE(limits_count_letters_not_bytes) {
  // "co" before and "ënt" after are 2 and 3 letters, but 2 and 4 bytes.
  BOOST_TEST(hyphenated(dutch(), "coëfficiënt") == "co-ëf-fi-ci-ënt");
  HyphenationSettings s;
  s.min_after = 4;
  BOOST_TEST(hyphenated(dutch(), "coëfficiënt", s) == "co-ëf-fi-ciënt");
  s = {};
  s.min_before = 3;
  BOOST_TEST(hyphenated(dutch(), "coëfficiënt", s) == "coëf-fi-ci-ënt");
  s = {};
  s.min_word = 11;  // 11 letters, 13 bytes
  BOOST_TEST(hyphenated(dutch(), "coëfficiënt", s) == "co-ëf-fi-ci-ënt");
  s.min_word = 12;
  BOOST_TEST(hyphenated(dutch(), "coëfficiënt", s) == "coëfficiënt");
}

BOOST_AUTO_TEST_CASE(disabled_hyphenation_keeps_only_the_words_own_hyphens) {
  HyphenationSettings off;
  off.enabled = false;
  BOOST_TEST(dutch().breaks("duurzaamheidsrapportage", off).empty());
  BOOST_TEST(dutch().breaks("duur\u00ADzaam\u00ADheid", off).empty());
  const auto points = dutch().breaks("zero-emissiebussen", off);
  BOOST_TEST_REQUIRE(points.size() == 1u);
  BOOST_TEST(points[0].explicit_hyphen);
  BOOST_TEST(points[0].line_end == "zero-");
  BOOST_TEST(points[0].line_start == "emissiebussen");
}

BOOST_AUTO_TEST_CASE(soft_hyphens_are_the_only_points_of_their_word) {
  const auto points = dutch().breaks("klimaat\u00ADvoetafdruk", {});
  BOOST_TEST_REQUIRE(points.size() == 1u);
  BOOST_TEST(points[0].offset == 9u);  // after the soft hyphen's two bytes
  BOOST_TEST(points[0].line_end == "klimaat-");
  BOOST_TEST(points[0].line_start == "voetafdruk");
  BOOST_TEST(!points[0].explicit_hyphen);
  // Soft hyphens never print, wherever the word breaks.
  const auto two = dutch().breaks("duur\u00ADzaam\u00ADheid", {});
  BOOST_TEST_REQUIRE(two.size() == 2u);
  BOOST_TEST(two[0].line_start == "zaamheid");
  BOOST_TEST(two[1].line_end == "duurzaam-");
  // The author's choice wins over the style's limits and the word's length...
  BOOST_TEST(hyphenated(dutch(), "o\u00ADver") == "o-ver");
  // ...but leaves no empty fragment.
  BOOST_TEST(dutch().breaks("\u00ADduurzaam", {}).empty());
  BOOST_TEST(dutch().breaks("duurzaam\u00AD", {}).empty());
  BOOST_TEST(hyphenated(dutch(), "duur\u00AD\u00ADzaam") == "duur-zaam");
  // With the word's own hyphens.
  BOOST_TEST(hyphenated(dutch(), "zero-emissie\u00ADbussen") == "zero-emissie-bussen");
}

BOOST_AUTO_TEST_CASE(unbroken_removes_soft_hyphens) {
  BOOST_TEST(Hyphenator::unbroken("duur\u00ADzaam\u00ADheid") == "duurzaamheid");
  BOOST_TEST(Hyphenator::unbroken("zero-emissie") == "zero-emissie");
  BOOST_TEST(Hyphenator::unbroken("") == "");
}

BOOST_AUTO_TEST_CASE(trema_is_dropped_where_the_word_breaks) {
  HyphenationSettings s;
  s.min_after = 2;
  const auto idee = dutch().breaks("ideeën", s);
  BOOST_TEST_REQUIRE(idee.size() == 1u);
  BOOST_TEST(idee[0].offset == 4u);
  BOOST_TEST(idee[0].line_end == "idee-");
  BOOST_TEST(idee[0].line_start == "en");
  const auto categorie = dutch().breaks("categorieën", s);
  BOOST_TEST_REQUIRE(!categorie.empty());
  BOOST_TEST(categorie.back().line_end == "categorie-");
  BOOST_TEST(categorie.back().line_start == "en");
  const auto upper = dutch().breaks("IDEEËN", s);
  BOOST_TEST_REQUIRE(upper.size() == 1u);
  BOOST_TEST(upper[0].line_end == "IDEE-");
  BOOST_TEST(upper[0].line_start == "EN");
  // Written with a combining diaeresis (U+0308).
  const auto decomposed = dutch().breaks("ideee\u0308n", s);
  BOOST_TEST_REQUIRE(decomposed.size() == 1u);
  BOOST_TEST(decomposed[0].line_end == "idee-");
  BOOST_TEST(decomposed[0].line_start == "en");
}

BOOST_AUTO_TEST_CASE(trema_is_kept_away_from_the_break) {
  const auto points = dutch().breaks("ideeënbus", {});
  BOOST_TEST_REQUIRE(points.size() == 2u);
  BOOST_TEST(points[0].line_end == "idee-");
  BOOST_TEST(points[0].line_start == "enbus");
  BOOST_TEST(points[1].line_end == "ideeën-");
  BOOST_TEST(points[1].line_start == "bus");
  const auto coefficient = dutch().breaks("coëfficiënt", {});
  BOOST_TEST_REQUIRE(!coefficient.empty());
  BOOST_TEST(coefficient[0].line_end == "co-");
  BOOST_TEST(coefficient[0].line_start == "efficiënt");
  BOOST_TEST(coefficient.back().line_end == "coëffici-");
  BOOST_TEST(coefficient.back().line_start == "ent");
  const auto geinteresseerd = dutch().breaks("geïnteresseerd", {});
  BOOST_TEST_REQUIRE(!geinteresseerd.empty());
  BOOST_TEST(geinteresseerd[0].line_start == "interesseerd");
}

BOOST_AUTO_TEST_CASE(trema_breaks_short_words_only_when_the_style_allows) {
  BOOST_TEST(dutch().breaks("zeeën", {}).empty());  // 5 letters
  HyphenationSettings s;
  s.min_word = 5;
  s.min_after = 2;
  const auto points = dutch().breaks("zeeën", s);
  BOOST_TEST_REQUIRE(points.size() == 1u);
  BOOST_TEST(points[0].line_end == "zee-");
  BOOST_TEST(points[0].line_start == "en");
}

BOOST_AUTO_TEST_CASE(trema_after_a_soft_hyphen_is_dropped_too) {
  HyphenationSettings s;
  s.min_after = 2;
  const auto points = dutch().breaks("idee\u00ADën", s);
  BOOST_TEST_REQUIRE(points.size() == 1u);
  BOOST_TEST(points[0].line_end == "idee-");
  BOOST_TEST(points[0].line_start == "en");
}

BOOST_AUTO_TEST_CASE(umlaut_after_a_consonant_is_no_trema) {
  HyphenationSettings s;
  s.min_before = 1;
  BOOST_TEST(hyphenated(dutch(), "Müllers", s) == "Mül-lers");
}

BOOST_AUTO_TEST_CASE(exceptions_give_the_only_points_of_their_word) {
  const Hyphenator h("nl", {"Over-ijs-sel", "Staphorst", "road-show", "OVER-HEID"});
  BOOST_TEST(hyphenated(dutch(), "Staphorst") == "Stap-horst");
  BOOST_TEST(hyphenated(h, "Staphorst") == "Staphorst");
  BOOST_TEST(hyphenated(h, "Overijssel") == "Over-ijs-sel");
  BOOST_TEST(hyphenated(h, "OVERIJSSEL") == "OVER-IJS-SEL");
  BOOST_TEST(hyphenated(h, "overijssel") == "over-ijs-sel");
  BOOST_TEST(hyphenated(h, "Overheid") == "Over-heid");
  // Per part of a compound, and for the plural in -s.
  BOOST_TEST(hyphenated(h, "Staphorst-Overijssel") == "Staphorst-Over-ijs-sel");
  BOOST_TEST(hyphenated(h, "roadshows") == "road-shows");
  // Still within the style's limits.
  HyphenationSettings s;
  s.min_after = 4;
  BOOST_TEST(hyphenated(h, "Overijssel", s) == "Over-ijssel");
  // The break point's halves as for any other point.
  const auto points = h.breaks("(Overijssel)", {});
  BOOST_TEST_REQUIRE(points.size() == 2u);
  BOOST_TEST(points[0].line_end == "(Over-");
  BOOST_TEST(points[1].line_start == "sel)");
}

BOOST_AUTO_TEST_CASE(misread_loan_words_stay_whole_rather_than_break_wrongly) {
  // The Dutch patterns give "road-s-how"; a syllable without a vowel is a
  // misreading, so neither point is taken.
  BOOST_TEST(hyphenated(dutch(), "roadshow") == "roadshow");
  BOOST_TEST(hyphenated(dutch(), "workshop") == "work-shop");
  BOOST_TEST(hyphenated(dutch(), "dorpshuis") == "dorps-huis");
}

BOOST_AUTO_TEST_CASE(punctuation_around_a_word_never_counts) {
  const auto points = dutch().breaks("duurzaamheid,", {});
  BOOST_TEST_REQUIRE(points.size() == 2u);
  BOOST_TEST(points[0].line_end == "duur-");
  BOOST_TEST(points[1].line_start == "heid,");
  BOOST_TEST(hyphenated(dutch(), "(klimaatvoetafdruk)") == "(kli-maat-voet-af-druk)");
  BOOST_TEST(hyphenated(dutch(), "\u2018duurzaamheid\u2019.") == "\u2018duur-zaam-heid\u2019.");
  // "heid" is 4 letters: the comma does not make it 5.
  HyphenationSettings s;
  s.min_after = 5;
  BOOST_TEST(hyphenated(dutch(), "duurzaamheid,", s) == "duur-zaamheid,");
  // Nor do quotes make a short word long enough.
  BOOST_TEST(dutch().breaks("\"\"inkoop\"\"", {}).size() == 1u);
  BOOST_TEST(dutch().breaks("(bussen)", {}).size() == 1u);
  BOOST_TEST(dutch().breaks("(fiets).", {}).empty());  // 5 letters
}

BOOST_AUTO_TEST_CASE(apostrophes_and_digits_are_not_letters) {
  HyphenationSettings s;
  s.min_word = 5;
  BOOST_TEST(hyphenated(dutch(), "foto's", s) == "fo-to's");
  BOOST_TEST(hyphenated(dutch(), "auto's") == "auto's");  // 5 letters
  BOOST_TEST(dutch().breaks("2030", {}).empty());
  BOOST_TEST(dutch().breaks("", {}).empty());
  BOOST_TEST(dutch().breaks("...", {}).empty());
  BOOST_TEST(dutch().breaks("\xFF\xFE", {}).empty());  // not UTF-8: no points, no crash
}

BOOST_AUTO_TEST_CASE(english_patterns_work) {
  const Hyphenator english("en");
  BOOST_TEST(hyphenated(english, "sustainability") == "sus-tain-abil-ity");
  BOOST_TEST(hyphenated(english, "procurement") == "pro-cure-ment");
  // No Dutch trema rule in English.
  HyphenationSettings s;
  s.min_before = 1;
  BOOST_TEST(hyphenated(english, "naïve", s) == "naïve");
}

BOOST_AUTO_TEST_CASE(language_code_spellings_are_accepted) {
  BOOST_TEST(hyphenated(Hyphenator("nl-NL"), "duurzaamheid") == "duur-zaam-heid");
  BOOST_TEST(hyphenated(Hyphenator("NL"), "duurzaamheid") == "duur-zaam-heid");
}

BOOST_AUTO_TEST_CASE(missing_language_names_the_file_it_looked_for) {
  BOOST_CHECK_EXCEPTION(Hyphenator("xx"), HyphenationError, [](const HyphenationError& e) {
    const std::string message = e.what();
    BOOST_TEST_MESSAGE(message);
    return message.find("'xx'") != std::string::npos &&
           message.find("/usr/share/hyphen/hyph_xx.dic") != std::string::npos;
  });
  BOOST_CHECK_THROW(Hyphenator("../../etc/passwd"), HyphenationError);
}

BOOST_AUTO_TEST_CASE(moved_hyphenator_keeps_working) {
  Hyphenator a("nl", {"Staphorst"});
  Hyphenator b(std::move(a));
  BOOST_TEST(hyphenated(b, "Staphorst") == "Staphorst");
  Hyphenator c("en");
  c = std::move(b);
  BOOST_TEST(hyphenated(c, "duurzaamheid") == "duur-zaam-heid");
}

BOOST_AUTO_TEST_CASE(halves_always_make_up_the_printed_word) {
  // The text before the offset as printed, with a hyphen unless the word has
  // its own; the text after it, but for a trema dropped at its start.
  for (const std::string& word : sample_words()) {
    for (const BreakPoint& p : dutch().breaks(word, {})) {
      BOOST_TEST_REQUIRE(p.offset > 0u);
      BOOST_TEST_REQUIRE(p.offset < word.size());
      const std::string before = Hyphenator::unbroken(word.substr(0, p.offset));
      const std::string after = Hyphenator::unbroken(word.substr(p.offset));
      BOOST_TEST(p.line_end == (p.explicit_hyphen ? before : before + "-"));
      if (p.line_start != after) {  // "ë" (2 bytes) printed as "e"
        BOOST_TEST(after.substr(2) == p.line_start.substr(1));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(threads_can_share_a_hyphenator) {
  const auto words = sample_words();
  std::vector<std::string> expected;
  expected.reserve(words.size());
  for (const std::string& word : words) expected.push_back(hyphenated(dutch(), word));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  threads.reserve(mismatches.size());
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < words.size(); ++i) mismatches[t] += hyphenated(dutch(), words[i]) != expected[i];
    });
  }
  for (std::thread& thread : threads) thread.join();
  BOOST_TEST(std::count(mismatches.begin(), mismatches.end(), 0) == 4);
}

BOOST_AUTO_TEST_SUITE_END()
