#include <impactkit/core/diagnostics.hpp>

#include <boost/test/unit_test.hpp>

using namespace impactkit;

BOOST_AUTO_TEST_SUITE(diagnostics)

BOOST_AUTO_TEST_CASE(formats_like_a_compiler) {
  Diagnostics d;
  d.error({"cases/x.yaml", 14, 3}, "unknown theme 'energie'", "one of a or b", "did you mean 'a'?");
  d.warning({"cases/y.yaml", 0, 0}, "not listed");
  BOOST_TEST(d.error_count() == 1u);
  BOOST_TEST(d.warning_count() == 1u);
  BOOST_TEST(format(d.all()[0]) ==
             "cases/x.yaml:14:3: error: unknown theme 'energie'\n  expected: one of a or b\n  fix: did you mean 'a'?");
  BOOST_TEST(format(d.all()[1]) == "cases/y.yaml: warning: not listed");
}

BOOST_AUTO_TEST_CASE(colours_only_the_label) {
  const Diagnostic d{Severity::error, {"a.yaml", 1, 2}, "bad", {}, {}};
  BOOST_TEST(format(d, true) == "a.yaml:1:2: \033[1;31merror\033[0m: bad");
}

BOOST_AUTO_TEST_CASE(keeps_each_problem_once) {
  // The same check made for several products, languages or sizes finds the
  // same problem: the user reads it once, and it is counted once.
  Diagnostics d;
  d.error({"theme.yaml", 11, 3}, "style 'kicker' needs the font X Bold", "a font", "install it");
  d.error({"theme.yaml", 11, 3}, "style 'kicker' needs the font X Bold", "other words", "other fix");
  d.error({"theme.yaml", 12, 3}, "style 'kicker' needs the font X Bold");    // elsewhere: another problem
  d.warning({"theme.yaml", 11, 3}, "style 'kicker' needs the font X Bold");  // a warning is not the error
  BOOST_TEST(d.error_count() == 2u);
  BOOST_TEST(d.warning_count() == 1u);
  BOOST_TEST(d.all()[0].expected == "a font");  // the first is kept
  Diagnostics other;
  other.error({"theme.yaml", 11, 3}, "style 'kicker' needs the font X Bold");
  other.error({"cases/a.yaml", 2, 1}, "unknown key");
  d.append(other);
  d.append(other);
  BOOST_TEST(d.error_count() == 3u);
  BOOST_TEST(d.all().back().message == "unknown key");
}

BOOST_AUTO_TEST_SUITE_END()
