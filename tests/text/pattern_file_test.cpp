// Compiled hyphenation patterns kept in a cache entry: read back, they
// hyphenate exactly as libhyphen's own; an entry made from another pattern
// file, or damaged in any byte, is refused rather than used.

#include <impactkit/core/bytes.hpp>
#include <impactkit/core/cache.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/text/detail/pattern_file.hpp>
#include <impactkit/text/detail/pattern_store.hpp>

#include <boost/test/unit_test.hpp>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

using namespace impactkit::text::detail;
namespace fs = std::filesystem;

namespace {

using Compiled = std::unique_ptr<HyphenDict, void (*)(HyphenDict*)>;

Compiled compile(const std::string& dic) {
  Compiled dict(hnj_hyphen_load(dic.c_str()), hnj_hyphen_free);
  BOOST_TEST_REQUIRE(dict != nullptr, "libhyphen cannot read " << dic);
  return dict;
}

// The words of the Dutch sample text, and a few with hyphens, apostrophes and
// digits, as bytes: both dictionaries are fed the same bytes.
std::vector<std::string> sample_words() {
  std::ifstream in(impactkit::test::source_dir() / "tests/text/dutch-sample.txt");
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> words{"zero-emissiebussen", "auto's", "co2-uitstoot", "hyphenation", "roadshow"};
  std::string word;
  for (const char c : text.str() + " ") {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == '.' || c == ':') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return words;
}

// libhyphen's break marks for `word`, with its non-standard replacements.
std::string marks(HyphenDict* dict, const std::string& word) {
  std::vector<char> hyphens(word.size() + 5, '\0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate2(dict, word.c_str(), static_cast<int>(word.size()), hyphens.data(), nullptr, &rep, &pos, &cut);
  std::string out(hyphens.data());
  if (rep != nullptr) {
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (rep[i] != nullptr) out += std::string(" ") + rep[i];
      std::free(rep[i]);  // NOLINT(cppcoreguidelines-no-malloc,cppcoreguidelines-owning-memory): libhyphen's malloc()
    }
  }
  std::free(static_cast<void*>(rep));  // NOLINT(cppcoreguidelines-no-malloc,cppcoreguidelines-owning-memory)
  std::free(pos);                      // NOLINT(cppcoreguidelines-no-malloc,cppcoreguidelines-owning-memory)
  std::free(cut);                      // NOLINT(cppcoreguidelines-no-malloc,cppcoreguidelines-owning-memory)
  return out;
}

void check_same_dictionary(const HyphenDict* a, const HyphenDict* b) {
  int levels = 0;
  for (; a != nullptr && b != nullptr; a = a->nextlevel, b = b->nextlevel, ++levels) {
    BOOST_TEST(a->lhmin == b->lhmin);
    BOOST_TEST(a->rhmin == b->rhmin);
    BOOST_TEST(a->clhmin == b->clhmin);
    BOOST_TEST(a->crhmin == b->crhmin);
    BOOST_TEST(std::string(a->cset) == std::string(b->cset));
    BOOST_TEST(a->utf8 == b->utf8);
    BOOST_TEST(a->nohyphenl == b->nohyphenl);
    BOOST_TEST((a->nohyphen == nullptr) == (b->nohyphen == nullptr));
    if (a->nohyphen != nullptr && b->nohyphen != nullptr) {
      const char* x = a->nohyphen;
      const char* y = b->nohyphen;
      for (int i = 0; i <= a->nohyphenl; ++i, x += std::strlen(x) + 1, y += std::strlen(y) + 1) {
        BOOST_TEST(std::string(x) == std::string(y));
      }
    }
    BOOST_TEST_REQUIRE(a->num_states == b->num_states);
    int differing = 0;
    for (int s = 0; s < a->num_states; ++s) {
      const HyphenState& x = a->states[s];
      const HyphenState& y = b->states[s];
      bool same = x.fallback_state == y.fallback_state && x.num_trans == y.num_trans &&
                  (x.match == nullptr) == (y.match == nullptr) && (x.repl == nullptr) == (y.repl == nullptr);
      same = same && (x.match == nullptr || std::strcmp(x.match, y.match) == 0);
      same = same && (x.repl == nullptr ||
                      (std::strcmp(x.repl, y.repl) == 0 && x.replindex == y.replindex && x.replcut == y.replcut));
      for (int t = 0; same && t < x.num_trans; ++t) {
        same = x.trans[t].ch == y.trans[t].ch && x.trans[t].new_state == y.trans[t].new_state;
      }
      if (!same) ++differing;
    }
    BOOST_TEST(differing == 0, differing << " of " << a->num_states << " states differ");
  }
  BOOST_TEST((a == nullptr && b == nullptr), "one dictionary has more levels than the other");
  BOOST_TEST(levels >= 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compiled_patterns)

BOOST_AUTO_TEST_CASE(read_back_they_are_libhyphens_own) {
  for (const std::string dic : {"/usr/share/hyphen/hyph_nl_NL.dic", "/usr/share/hyphen/hyph_en_US.dic"}) {
    BOOST_TEST_CONTEXT(dic) {
      const Compiled original = compile(dic);
      const auto kept = read_patterns(save_patterns(*original));
      BOOST_TEST_REQUIRE(kept != nullptr);
      check_same_dictionary(original.get(), kept.get());
      const auto words = sample_words();
      BOOST_TEST(words.size() > 500u);
      int differing = 0;
      for (const auto& word : words) {
        if (marks(original.get(), word) != marks(kept.get(), word)) ++differing;
      }
      BOOST_TEST(differing == 0, differing << " of " << words.size() << " words hyphenate differently");
    }
  }
}

// Through the cache, as a build keeps them: written when first compiled,
// then read back while the pattern file is unchanged.
BOOST_AUTO_TEST_CASE(an_entry_made_from_other_patterns_is_refused) {
  impactkit::test::TempDir dir;
  const impactkit::Cache cache(dir.path());
  const std::string dic = "/usr/share/hyphen/hyph_nl_NL.dic";
  const auto compiled = load_dictionary(dic, cache);
  BOOST_TEST_REQUIRE(compiled != nullptr);
  const fs::path entry = dir.path() / "hyphenation-hyph_nl_NL.bin";
  BOOST_TEST_REQUIRE(fs::exists(entry));
  const std::string stamp = impactkit::file_stamp(dic);
  BOOST_TEST(!stamp.empty());
  const auto kept = cache.read(entry.filename().string(), patterns_made_from(stamp));
  BOOST_TEST_REQUIRE(kept.has_value());
  BOOST_TEST((kept->contents() == save_patterns(*compiled)));
  const auto written = fs::last_write_time(entry);
  BOOST_TEST(load_dictionary(dic, cache) != nullptr);
  BOOST_TEST((fs::last_write_time(entry) == written));  // read, not written again
  // Changed since: another stamp.
  BOOST_TEST(!cache.read(entry.filename().string(), patterns_made_from(stamp + "1")));
  BOOST_TEST(impactkit::file_stamp("/usr/share/hyphen/none.dic").empty());
  // Without a folder: compiled, nothing written.
  BOOST_TEST(load_dictionary(dic, impactkit::Cache()) != nullptr);
}

// The entry as the cache keeps it (core/cache.hpp): the bytes sealed with
// what they were made from.
BOOST_AUTO_TEST_CASE(a_damaged_entry_is_refused) {
  const Compiled original = compile("/usr/share/hyphen/hyph_nl_NL.dic");
  const std::string made_from = patterns_made_from("stamp");
  const std::string saved = impactkit::seal(made_from, save_patterns(*original));
  const auto reads = [&](const std::string& entry) {
    const auto bytes = impactkit::unseal(entry, made_from);
    return bytes && read_patterns(*bytes) != nullptr;
  };
  BOOST_TEST_REQUIRE(reads(saved));
  // One flipped bit anywhere (in the name of the format, the stamp, the
  // checksum, the counts, the states), an entry cut short, one too long.
  const auto accepted = impactkit::test::accepted_damage(saved, 200, 997, 0x10, reads);
  BOOST_TEST(accepted.empty(),
             accepted.size() << " damaged entries were read, e.g. " << (accepted.empty() ? "" : accepted.front()));
}

BOOST_AUTO_TEST_SUITE_END()
