#include <impactkit/text/markup.hpp>

#include <boost/test/unit_test.hpp>

using namespace impactkit::text;

namespace {
std::string show(const std::vector<Block>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    out += b.bullet ? "[- " : "[";
    for (const auto& s : b.spans) out += (s.bold ? "B(" : s.italic ? "I(" : "(") + s.text + ")";
    out += "]";
  }
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(markup)

BOOST_AUTO_TEST_CASE(paragraphs_are_split_at_empty_lines_and_lines_joined) {
  BOOST_TEST(show(parse_markup("Een\ntwee  drie\n\n\nvier")) == "[(Een twee drie)][(vier)]");
  BOOST_TEST(parse_markup("   \n\n").empty());
}

BOOST_AUTO_TEST_CASE(bullets) {
  BOOST_TEST(show(parse_markup("Intro:\n- een\n- twee\n  vervolg\n• drie")) ==
             "[(Intro:)][- (een)][- (twee vervolg)][- (drie)]");
}

BOOST_AUTO_TEST_CASE(bold_and_italic) {
  BOOST_TEST(show(parse_markup("Dit is **vet** en *schuin*, **vet met *schuin* erin**.")) ==
             "[(Dit is )B(vet)( en )I(schuin)(, )B(vet met )B(schuin)B( erin)(.)]");
}

BOOST_AUTO_TEST_CASE(stray_stars_stay_text) {
  BOOST_TEST(show(parse_markup("5 * 3 = 15 en *niet gesloten")) == "[(5 * 3 = 15 en *niet gesloten)]");
  BOOST_TEST(show(parse_markup("een \\*ster\\*")) == "[(een *ster*)]");
}

BOOST_AUTO_TEST_SUITE_END()
