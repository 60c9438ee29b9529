// The repository's own roadshow loads without a problem and holds what the
// exhibit needs.

#include <impactkit/content/loader.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>

using namespace impactkit;

namespace {

const content::Roadshow& roadshow() {
  static Diagnostics diagnostics;
  static const content::Roadshow loaded = [] {
    auto r = content::load_roadshow(test::source_dir(), diagnostics);
    for (const auto& d : diagnostics.all()) BOOST_TEST_MESSAGE(format(d));
    BOOST_TEST_REQUIRE(diagnostics.all().empty());
    return r;
  }();
  return loaded;
}

bool has_figure(const std::vector<content::KeyFigure>& figures, const std::string& value) {
  return std::any_of(figures.begin(), figures.end(), [&](const auto& f) { return f.value == value; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(real_content)

BOOST_AUTO_TEST_CASE(has_the_six_cases_in_order) {
  std::vector<std::string> ids;
  for (const auto& c : roadshow().cases) ids.push_back(c.id);
  const std::vector<std::string> expected = {"warmtepomp-staphorst", "koele-velden-warme-douches",
                                             "zero-emissie-bussen",  "regionale-catering",
                                             "natura2000-onderhoud", "hergebruik-brugonderdelen"};
  BOOST_TEST(ids == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_case_is_complete_and_traceable) {
  for (const auto& c : roadshow().cases) {
    BOOST_TEST_CONTEXT(c.id) {
      BOOST_TEST(!c.title.empty());
      BOOST_TEST(c.title.has("en"));
      BOOST_TEST(!c.sdgs.empty());
      BOOST_TEST(!c.route.ambition.empty());
      BOOST_TEST(!c.route.impact.empty());
      BOOST_TEST(!c.confrontation.too_little.empty());
      BOOST_TEST(!c.questions.empty());
      for (const auto& f : c.figures) {
        const auto* source = c.find_source(f.source_id);
        BOOST_TEST_REQUIRE(source != nullptr, f.value);
        BOOST_TEST((source->year || source->undated), f.value);
        // A context figure says what it is about, in every language.
        if (f.scope == content::FigureScope::context) BOOST_TEST(f.about.has("en"), f.value);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(cases_carry_the_facts_of_the_seeds) {
  const auto& r = roadshow();
  const auto* warmtepomp = r.find_case("warmtepomp-staphorst");
  BOOST_TEST_REQUIRE(warmtepomp);
  BOOST_TEST(warmtepomp->route.tender.kind == "innovatiegericht");
  BOOST_TEST(warmtepomp->headline.get().find("Staphorst helpt Overijssel van het gas af") != std::string::npos);
  const auto* velden = r.find_case("koele-velden-warme-douches");
  BOOST_TEST_REQUIRE(velden);
  BOOST_TEST(has_figure(velden->figures, "150"));
  const auto* bussen = r.find_case("zero-emissie-bussen");
  BOOST_TEST_REQUIRE(bussen);
  BOOST_TEST(has_figure(bussen->figures, "2025"));
  BOOST_TEST(has_figure(bussen->figures, "2030"));
  BOOST_TEST(r.find_case("regionale-catering")->route.tender.kind == "dynamisch-aankoopsysteem");
  BOOST_TEST(r.find_case("natura2000-onderhoud")->route.tender.kind == "voorbehouden-opdracht");
  BOOST_TEST(r.find_case("hergebruik-brugonderdelen")->route.tender.kind == "samenwerking-gebaseerd");
}

// The sources present the bridge re-use only as an example: the exhibit
// must not claim it was done.
BOOST_AUTO_TEST_CASE(only_what_the_sources_report_as_done_is_achieved) {
  const auto& r = roadshow();
  BOOST_TEST(r.find_case("hergebruik-brugonderdelen")->status == content::CaseStatus::idea);
  BOOST_TEST(r.find_case("warmtepomp-staphorst")->status == content::CaseStatus::achieved);
}

// National statistics frame a case; they are never its result.
BOOST_AUTO_TEST_CASE(national_statistics_are_context_not_case_results) {
  for (const auto& c : roadshow().cases) {
    for (const auto& f : c.figures) {
      const std::string label = f.label.get("nl");
      if (label.find("overheden") != std::string::npos || label.find("Nederland") != std::string::npos) {
        BOOST_TEST((f.scope == content::FigureScope::context), c.id + ": " + f.value);
      }
    }
    if (const auto* hero = c.hero_figure()) BOOST_TEST((hero->scope == content::FigureScope::case_result), c.id);
  }
  for (const auto& f : roadshow().intro.figures) {
    if (f.value == "85" || f.value == "2") BOOST_TEST((f.scope == content::FigureScope::context), f.value);
  }
}

// The case themes and tender kinds are the roadshow's own data, each with a
// name in every language and (themes) a colour.
BOOST_AUTO_TEST_CASE(themes_and_tender_kinds_are_declared_data) {
  const auto& r = roadshow();
  BOOST_TEST(r.themes.size() == 4u);
  for (const auto& t : r.themes) {
    BOOST_TEST(t.color.size() == 6u, t.id);
    BOOST_TEST(t.name.has("en"), t.id);
  }
  for (const auto& c : r.cases) {
    BOOST_TEST(r.find_theme(c.theme) != nullptr, c.id);
    BOOST_TEST(r.find_tender_kind(c.route.tender.kind) != nullptr, c.id);
  }
}

BOOST_AUTO_TEST_CASE(intro_has_the_headline_figures) {
  const auto& figures = roadshow().intro.figures;
  for (const char* value : {"85", "18", "23"}) BOOST_TEST(has_figure(figures, value), value);
}

BOOST_AUTO_TEST_CASE(has_the_workshop_roles) {
  std::set<std::string> ids;
  for (const auto& role : roadshow().roles) ids.insert(role.id);
  for (const char* id : {"vraageigenaar", "inkoper", "beleidsmedewerker", "jurist", "controller", "projectleider",
                         "bestuurder", "gebruiker"}) {
    BOOST_TEST(ids.count(id) == 1u, id);
  }
}

BOOST_AUTO_TEST_CASE(sdgs_have_their_official_colours_and_two_languages) {
  const std::vector<std::string> official = {"E5243B", "DDA63A", "4C9F38", "C5192D", "FF3A21", "26BDE2",
                                             "FCC30B", "A21942", "FD6925", "DD1367", "FD9D24", "BF8B2E",
                                             "3F7E44", "0A97D9", "56C02B", "00689D", "19486A"};
  const auto& sdgs = roadshow().sdgs;
  BOOST_TEST_REQUIRE(sdgs.size() == 17u);
  for (int n = 1; n <= 17; ++n) {
    BOOST_TEST(sdgs[n - 1].number == n);
    BOOST_TEST(sdgs[n - 1].color == official[n - 1]);
    BOOST_TEST(sdgs[n - 1].name.has("nl"));
    BOOST_TEST(sdgs[n - 1].name.has("en"));
  }
  BOOST_TEST(roadshow().find_sdg(7)->name.get("nl") == "Betaalbare en duurzame energie");
}

BOOST_AUTO_TEST_SUITE_END()
