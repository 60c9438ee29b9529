#include <impactkit/core/suggest.hpp>

#include <boost/test/unit_test.hpp>

using impactkit::closest;

BOOST_AUTO_TEST_SUITE(suggest)

BOOST_AUTO_TEST_CASE(finds_a_typo) {
  const std::vector<std::string> keys = {"title", "subtitle", "theme", "sdgs"};
  BOOST_TEST(closest("titel", keys).value_or("") == "title");  // swapped letters
  BOOST_TEST(closest("subtitel", keys).value_or("") == "subtitle");
  BOOST_TEST(closest("Theme", keys).value_or("") == "theme");  // case
  BOOST_TEST(closest("sdg", keys).value_or("") == "sdgs");     // missing letter
}

BOOST_AUTO_TEST_CASE(offers_nothing_for_an_unrelated_word) {
  const std::vector<std::string> keys = {"title", "subtitle", "theme"};
  BOOST_TEST(!closest("partners", keys).has_value());
  BOOST_TEST(!closest("x", keys).has_value());
  BOOST_TEST(!closest("title", {}).has_value());
}

BOOST_AUTO_TEST_CASE(joins_words) {
  BOOST_TEST(impactkit::join_or({"a", "b", "c"}) == "a, b or c");
  BOOST_TEST(impactkit::join_and({"a", "b"}) == "a and b");
  BOOST_TEST(impactkit::join_or({"a"}) == "a");
}

BOOST_AUTO_TEST_SUITE_END()
