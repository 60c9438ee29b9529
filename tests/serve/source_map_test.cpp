// The source maps beside the previews (products/source_map.hpp): each
// text of a poster and a card found at its place in the content and the
// template, read back from the file the build wrote.

#include <impactkit/core/file_io.hpp>

#include "serve_support.hpp"
#include "support.hpp"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::test;

namespace {

const nlohmann::json* spot_of(const nlohmann::json& map, const std::string& field) {
  for (const auto& s : map["spots"]) {
    if (s["field"] == field) return &s;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_source_maps)

BOOST_AUTO_TEST_CASE(a_poster_and_a_card_say_where_their_texts_come_from) {
  TempDir root;
  TempDir out;
  compose_fixture(root.path());
  // serve's builds write the maps; `build` alone does not.
  RunningServe serve(root.path(), {"--only", "posters,cards", "--poster", "route", "--lang", "nl", "--size", "A3", "-o",
                                   out.path().string()});
  BOOST_TEST_REQUIRE(serve.stop() == 0);
  BOOST_TEST(run_impactkit(
                 {"build", "--only", "posters", "--lang", "nl", "--size", "A3", "-o", (out.path() / "plain").string()},
                 root.path())
                 .exit_code == 0);
  BOOST_TEST(!fs::exists(out.path() / "plain/posters/nl/A3/alpha-route.map.json"));
  const int title_line = line_of(root.path() / "cases/alpha.yaml", "title:") + 1;  // the nl line under it
  BOOST_TEST_REQUIRE(title_line > 1);
  for (const fs::path& map_file :
       {out.path() / "posters/nl/A3/alpha-route.map.json", out.path() / "cards/nl/faces/002-case-alpha.map.json"}) {
    BOOST_TEST_CONTEXT(map_file.filename()) {
      BOOST_TEST_REQUIRE(fs::exists(map_file));
      BOOST_TEST(fs::exists(fs::path(map_file).replace_extension("").replace_extension(".png")));
      const auto map = nlohmann::json::parse(read_file(map_file).value());
      BOOST_TEST(map["aspect"].get<double>() > 0.5);
      const auto* title = spot_of(map, "case.title");
      BOOST_TEST_REQUIRE(title != nullptr);
      // As the terminal names it: under the root serve was given.
      BOOST_TEST((*title)["source"].get<std::string>().starts_with((root.path() / "cases/alpha.yaml").string() + ":" +
                                                                   std::to_string(title_line) + ":"),
                 (*title)["source"]);
      // The tool's own template, as the fixture has none: its path as the build names it.
      const std::string element = (*title)["element"];
      BOOST_TEST((element.find("templates/poster-route.yaml:") != std::string::npos ||
                  element.find("templates/card-case.yaml:") != std::string::npos),
                 element);
      BOOST_TEST(!(*title)["text"].get<std::string>().empty());
      for (const auto& s : map["spots"]) {
        const double x = s["x"], y = s["y"], w = s["w"], h = s["h"];
        BOOST_TEST((x >= -0.01 && y >= -0.01 && x + w <= 1.01 && y + h <= 1.01), s.dump());
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
