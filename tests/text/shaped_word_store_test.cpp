// Shaped words kept between processes: read back they are the glyphs
// HarfBuzz gave; an entry from another HarfBuzz, or damaged in any byte, is
// refused rather than used.

#include <impactkit/core/bytes.hpp>
#include <impactkit/core/cache.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/text/cache.hpp>
#include <impactkit/text/detail/shaped_word_store.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/typesetter.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

using namespace impactkit::text;
using namespace impactkit::text::detail;
namespace fs = std::filesystem;

namespace {

using Words = std::unordered_map<std::string, std::vector<ShapedGlyph>>;

bool same(const std::vector<ShapedGlyph>& a, const std::vector<ShapedGlyph>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].id != b[i].id || a[i].cluster != b[i].cluster || a[i].x_advance != b[i].x_advance ||
        a[i].x_offset != b[i].x_offset || a[i].y_offset != b[i].y_offset) {
      return false;
    }
  }
  return true;
}

// Words of a Dutch text shaped with Inter, as a typesetter would keep them.
Words shaped_words() {
  const impactkit::Cache none;
  ShapedWordStore store(none);
  FontLibrary fonts;
  const auto font = fonts.get({"Inter", 400, false});
  const auto bold = fonts.get({"Inter", 700, false});
  hb_language_t nl = hb_language_from_string("nl", -1);
  Words words;
  for (const char* text :
       {"Inkopen", "met", "impact:", "zero-emissiebussen", "ffi", "Één", "AV", "To", "auto's", " "}) {
    for (const auto& f : {font, bold}) {
      words.emplace(store.key(*f, "nl", "", text), shape(*f, text, nl, {}));
      words.emplace(store.key(*f, "nl", "tnum,", text), shape(*f, text, nl, parse_features({"tnum"})));
    }
  }
  return words;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shaped_word_store)

BOOST_AUTO_TEST_CASE(read_back_they_are_harfbuzz_s_glyphs) {
  const Words words = shaped_words();
  BOOST_TEST(words.size() == 40u);
  Words read;
  BOOST_TEST_REQUIRE(ShapedWordStore::from_bytes(ShapedWordStore::to_bytes(words), read));
  BOOST_TEST(read.size() == words.size());
  for (const auto& [key, glyphs] : words) {
    const auto it = read.find(key);
    BOOST_TEST_REQUIRE((it != read.end()), key);
    BOOST_TEST(same(it->second, glyphs), key);
  }
}

BOOST_AUTO_TEST_CASE(the_key_holds_what_the_glyphs_depend_on) {
  const impactkit::Cache none;
  ShapedWordStore store(none);
  FontLibrary fonts;
  const auto regular = fonts.get({"Inter", 400, false});
  const auto bold = fonts.get({"Inter", 700, false});
  const std::string key = store.key(*regular, "nl", "", "Inkopen");
  BOOST_TEST(key != store.key(*bold, "nl", "", "Inkopen"));          // another font file
  BOOST_TEST(key != store.key(*regular, "en", "", "Inkopen"));       // another language
  BOOST_TEST(key != store.key(*regular, "nl", "tnum,", "Inkopen"));  // other features
  BOOST_TEST(key != store.key(*regular, "nl", "", "inkopen"));       // other text
  BOOST_TEST(key == store.key(*regular, "nl", "", "Inkopen"));
  BOOST_TEST(key.find(regular->file().string()) != std::string::npos);
}

// The entry as the cache keeps it (core/cache.hpp): the bytes sealed with
// what they were made from.
BOOST_AUTO_TEST_CASE(a_damaged_entry_is_refused) {
  const std::string made_from = ShapedWordStore::made_from();
  const std::string file = impactkit::seal(made_from, ShapedWordStore::to_bytes(shaped_words()));
  Words read;
  const auto reads = [&](const std::string& entry, const std::string& from) {
    const auto bytes = impactkit::unseal(entry, from);
    return bytes && ShapedWordStore::from_bytes(*bytes, read);
  };
  BOOST_TEST_REQUIRE(reads(file, made_from));
  const auto accepted = impactkit::test::accepted_damage(
      file, 120, 37, 0x08, [&](const std::string& damaged) { return reads(damaged, made_from); });
  BOOST_TEST(accepted.empty(),
             accepted.size() << " damaged entries were read, e.g. " << (accepted.empty() ? "" : accepted.front()));
  // Written by another HarfBuzz: the version is in what the entry is made from.
  std::string other = made_from;
  const auto version = other.find(hb_version_string());
  BOOST_TEST_REQUIRE(version != std::string::npos);
  other[version] = other[version] == '9' ? '8' : '9';
  BOOST_TEST(!reads(file, other));
}

// Through a TextCache: a typesetter keeps the words it shaped, and one of a
// later build takes them from there and sets the same glyphs; without a
// folder nothing is written.
BOOST_AUTO_TEST_CASE(a_later_typesetter_sets_the_cached_words_alike) {
  impactkit::test::TempDir dir;
  FontLibrary fonts;
  TextStyle style;
  style.family = "Inter";
  style.language = "nl";
  const TextBox box{300, 400, 1, 0};
  const std::string text = "Inkopen met impact: zero-emissiebussen en ideeën voor de roadshow.";
  const auto glyphs_of = [&](TextCache* cache) {
    Typesetter typesetter(fonts, {}, cache);
    std::vector<unsigned> ids;
    for (const auto& run : typesetter.set(text, style, box, 14).runs) {
      for (const auto& g : run.glyphs) ids.push_back(g.id);
    }
    return ids;
  };
  const auto without = glyphs_of(nullptr);
  {
    TextCache first{impactkit::Cache(dir.path())};
    BOOST_TEST((glyphs_of(&first) == without));
    first.save();
  }
  BOOST_TEST_REQUIRE(fs::exists(dir.path() / "shaped-words.bin"));
  BOOST_TEST(fs::exists(dir.path() / "hyphenation-hyph_nl_NL.bin"));
  TextCache second{impactkit::Cache(dir.path())};
  second.load();
  const auto before = fs::last_write_time(dir.path() / "shaped-words.bin");
  BOOST_TEST((glyphs_of(&second) == without));
  second.save();  // nothing new: not written again
  BOOST_TEST((fs::last_write_time(dir.path() / "shaped-words.bin") == before));

  TextCache none;
  BOOST_TEST((glyphs_of(&none) == without));
  none.save();
}

BOOST_AUTO_TEST_CASE(beyond_the_limit_only_the_words_used_or_added_stay) {
  const std::vector<ShapedGlyph> glyph{{7, 0, 500, 0, 0}};
  const auto words = [&](std::initializer_list<const char*> keys) {
    ShapedWordStore::Words out;
    for (const char* k : keys) out.emplace(k, glyph);
    return out;
  };
  const auto keys = [](const ShapedWordStore::Words& w) {
    std::set<std::string> out;
    for (const auto& [k, g] : w) out.insert(k);
    return out;
  };
  // Within the limit: everything cached stays, the added words join it.
  ShapedWordStore::Words cached = words({"a", "b", "c"});
  ShapedWordStore::merge(cached, words({"d"}), {"a"}, 4);
  BOOST_TEST((keys(cached) == std::set<std::string>{"a", "b", "c", "d"}));
  // Beyond it: of the cached words only those used in this process.
  ShapedWordStore::merge(cached, words({"e", "f"}), {"a", "d"}, 4);
  BOOST_TEST((keys(cached) == std::set<std::string>{"a", "d", "e", "f"}));
}

BOOST_AUTO_TEST_SUITE_END()
