// Shaped words kept between processes: read back they are the glyphs
// HarfBuzz gave; a file from another HarfBuzz, or damaged in any byte, is
// refused rather than used.

#include <impactkit/text/detail/kept_shapes.hpp>
#include <impactkit/text/font.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

using namespace impactkit::text;
using namespace impactkit::text::detail;

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
  FontLibrary fonts;
  const auto font = fonts.get({"Inter", 400, false});
  const auto bold = fonts.get({"Inter", 700, false});
  hb_language_t nl = hb_language_from_string("nl", -1);
  Words words;
  for (const char* text :
       {"Inkopen", "met", "impact:", "zero-emissiebussen", "ffi", "Één", "AV", "To", "auto's", " "}) {
    for (const auto& f : {font, bold}) {
      words.emplace(KeptShapes::key(*f, "nl", "", text), shape(*f, text, nl, {}));
      words.emplace(KeptShapes::key(*f, "nl", "tnum,", text), shape(*f, text, nl, parse_features({"tnum"})));
    }
  }
  return words;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kept_shapes)

BOOST_AUTO_TEST_CASE(read_back_they_are_harfbuzz_s_glyphs) {
  const Words words = shaped_words();
  BOOST_TEST(words.size() == 40u);
  Words read;
  BOOST_TEST_REQUIRE(KeptShapes::from_file(KeptShapes::to_file(words), read));
  BOOST_TEST(read.size() == words.size());
  for (const auto& [key, glyphs] : words) {
    const auto it = read.find(key);
    BOOST_TEST_REQUIRE((it != read.end()), key);
    BOOST_TEST(same(it->second, glyphs), key);
  }
}

BOOST_AUTO_TEST_CASE(the_key_holds_what_the_glyphs_depend_on) {
  FontLibrary fonts;
  const auto regular = fonts.get({"Inter", 400, false});
  const auto bold = fonts.get({"Inter", 700, false});
  const std::string key = KeptShapes::key(*regular, "nl", "", "Inkopen");
  BOOST_TEST(key != KeptShapes::key(*bold, "nl", "", "Inkopen"));          // another font file
  BOOST_TEST(key != KeptShapes::key(*regular, "en", "", "Inkopen"));       // another language
  BOOST_TEST(key != KeptShapes::key(*regular, "nl", "tnum,", "Inkopen"));  // other features
  BOOST_TEST(key != KeptShapes::key(*regular, "nl", "", "inkopen"));       // other text
  BOOST_TEST(key == KeptShapes::key(*regular, "nl", "", "Inkopen"));
  BOOST_TEST(key.find(regular->file().string()) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_damaged_file_is_refused) {
  const std::string file = KeptShapes::to_file(shaped_words());
  Words read;
  const auto accepted = impactkit::test::accepted_damage(
      file, 120, 37, 0x08, [&](const std::string& damaged) { return KeptShapes::from_file(damaged, read); });
  BOOST_TEST(accepted.empty(), accepted.size()
                                   << " damaged files were read, e.g. " << (accepted.empty() ? "" : accepted.front()));
  // Written by another HarfBuzz: the version is in the first line.
  std::string other = file;
  const auto version = other.find(hb_version_string());
  BOOST_TEST_REQUIRE(version != std::string::npos);
  other[version] = other[version] == '9' ? '8' : '9';
  BOOST_TEST(!KeptShapes::from_file(other, read));
}

BOOST_AUTO_TEST_CASE(beyond_the_limit_only_the_words_used_or_added_stay) {
  const std::vector<ShapedGlyph> glyph{{7, 0, 500, 0, 0}};
  const auto words = [&](std::initializer_list<const char*> keys) {
    KeptShapes::Words out;
    for (const char* k : keys) out.emplace(k, glyph);
    return out;
  };
  const auto keys = [](const KeptShapes::Words& w) {
    std::set<std::string> out;
    for (const auto& [k, g] : w) out.insert(k);
    return out;
  };
  // Within the limit: everything kept stays, the added words join it.
  KeptShapes::Words kept = words({"a", "b", "c"});
  KeptShapes::merge(kept, words({"d"}), {"a"}, 4);
  BOOST_TEST((keys(kept) == std::set<std::string>{"a", "b", "c", "d"}));
  // Beyond it: of the kept words only those used in this process.
  KeptShapes::merge(kept, words({"e", "f"}), {"a", "d"}, 4);
  BOOST_TEST((keys(kept) == std::set<std::string>{"a", "d", "e", "f"}));
}

BOOST_AUTO_TEST_SUITE_END()
