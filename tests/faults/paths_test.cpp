// Paths: content refers only to files inside its root (links that lead out
// are refused, links that stay in are fine); a build writes only into an
// output folder of its own; a build removes only files it made itself, and
// never a file a hand-edited manifest names outside the output folder.

#include "fault_support.hpp"
#include "support.hpp"

#include <impactkit/core/file_io.hpp>

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

const std::string through_a_link = "leaves the content root through a link";

// A content root (the minimal fixture) in root/, beside a folder outside/
// holding copies of its files, which links in root/ can point to.
struct RootWithOutside {
  test::TempDir dir;
  fs::path root = dir.path() / "root";
  fs::path outside = dir.path() / "outside";
  RootWithOutside() {
    fs::create_directories(root);
    test::compose_fixture(root);
    fs::copy(root, outside, fs::copy_options::recursive);
    fs::create_directories(outside / "locales");
    fs::copy(test::source_dir() / "locales", outside / "locales",
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
  // Replaces root/RELATIVE by a link to `target`.
  void link(const fs::path& relative, const fs::path& target) const {
    std::error_code ignored;
    fs::remove_all(root / relative, ignored);
    fs::create_directories((root / relative).parent_path());
    fs::create_symlink(target, root / relative);
  }
};

test::Result validate(const fs::path& root) {
  return test::run_impactkit({"validate", "-C", root.string()});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(paths)

BOOST_AUTO_TEST_CASE(a_link_out_of_the_root_is_refused_for_every_file_the_build_reads) {
  // What each link replaces, and where it points: files the YAML names
  // (checked by the loader's file_in_root) and files found by convention.
  struct Escape {
    std::string relative;
    std::string target;  // relative to outside/
    std::string expected;
  };
  const std::vector<Escape> escapes = {
      {"roadshow.yaml", "roadshow.yaml", "'roadshow.yaml' " + through_a_link},
      {"theme.yaml", "theme.yaml", "'theme' " + through_a_link},
      {"cases/alpha.yaml", "cases/alpha.yaml", "'cases/alpha.yaml' " + through_a_link},
      {"cases", "cases", "'cases' " + through_a_link},
      {"locales/nl.yaml", "locales/nl.yaml", "'locales/nl.yaml' " + through_a_link},
      {"locales", "locales", "'locales' " + through_a_link},
      {"templates/poster-route.yaml", "theme.yaml", "'templates/poster-route.yaml' " + through_a_link},
      {"templates", "cases", "'templates' " + through_a_link},
      {"fonts/Body.ttf", "theme.yaml", "'fonts/Body.ttf' " + through_a_link},
      {"fonts", "cases", "'fonts' " + through_a_link},
      {"assets/sdg/07.svg", "theme.yaml", "'assets/sdg/07.svg' " + through_a_link},
      {"assets/deep/er/photo.png", "nowhere.png", "'assets/deep/er/photo.png' " + through_a_link},  // dangling
  };
  for (const auto& escape : escapes) {
    const RootWithOutside fixture;
    fixture.link(escape.relative, fixture.outside / escape.target);
    const auto r = validate(fixture.root);
    BOOST_TEST(r.exit_code == 2, escape.relative << ": " << r.err);
    BOOST_TEST(r.err.find(escape.expected) != std::string::npos, escape.relative << ": " << r.err);
  }
}

BOOST_AUTO_TEST_CASE(a_relative_link_that_climbs_out_is_refused_and_one_that_stays_in_is_fine) {
  {
    const RootWithOutside fixture;
    fixture.link("cases/alpha.yaml", "../../outside/cases/alpha.yaml");
    const auto r = validate(fixture.root);
    BOOST_TEST(r.exit_code == 2, r.err);
    BOOST_TEST(r.err.find("'cases/alpha.yaml' " + through_a_link) != std::string::npos, r.err);
  }
  {
    // Links inside the root are how some people organise their files: allowed.
    const RootWithOutside fixture;
    fs::create_directories(fixture.root / "shared");
    fs::rename(fixture.root / "cases/alpha.yaml", fixture.root / "shared/alpha.yaml");
    fixture.link("cases/alpha.yaml", "../shared/alpha.yaml");
    for (const char* locale : {"nl.yaml", "en.yaml"})
      fs::copy(fixture.root / "locales" / locale, fixture.root / "shared");
    fixture.link("locales", fixture.root / "shared");
    const auto r = validate(fixture.root);
    BOOST_TEST(r.exit_code == 0, r.err);
  }
}

BOOST_AUTO_TEST_CASE(a_template_image_that_leaves_the_root_is_refused) {
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  fs::create_directories(root / "templates");
  test::copy_repository_roadshow(root);
  write_file_atomically(dir.path() / "secret.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n");
  const std::string original = read_file(test::source_dir() / "templates/poster-intro.yaml").value();
  const auto build_with_image = [&](const std::string& file) {
    write_file_atomically(root / "templates/poster-intro.yaml", original);
    test::replace_in(root / "templates/poster-intro.yaml", "file: theme.logo, when: theme.logo", "file: " + file);
    return test::run_impactkit(
        {"build", "-C", root.string(), "--only", "posters", "--poster", "intro", "--preview-dpi", "4"});
  };
  for (const std::string& file : {std::string("../secret.svg"), (dir.path() / "secret.svg").string()}) {
    const auto r = build_with_image(file);
    BOOST_TEST(r.exit_code == 2, r.err);
    BOOST_TEST(r.err.find("image '" + file + "' leaves the content root") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(root / "output/posters"));
  }
  // The same template with an image inside the root builds: the check is not too broad.
  fs::create_directories(root / "assets");
  fs::copy_file(dir.path() / "secret.svg", root / "assets/mine.svg");
  const auto r = build_with_image("assets/mine.svg");
  BOOST_TEST(r.exit_code == 0, r.err);
}

BOOST_AUTO_TEST_CASE(the_output_folder_may_not_be_the_root_hold_it_or_lie_in_its_content) {
  const RootWithOutside fixture;
  const fs::path& root = fixture.root;
  fs::create_directories(root / "assets");
  fs::create_symlink(root, fixture.dir.path() / "root-again");
  const std::vector<std::pair<fs::path, std::string>> refused = {
      {root, "is the content root"},
      {root / ".", "is the content root"},
      {fixture.dir.path(), "is the content root"},                 // holds it
      {fixture.dir.path() / "root-again", "is the content root"},  // the root, through a link
      {root / "cases", "lies inside the content folder"},
      {root / "assets" / "out", "lies inside the content folder"},
  };
  const auto before = test::snapshot(fixture.dir.path());
  for (const auto& [output, expected] : refused) {
    const auto r = test::run_impactkit(
        {"build", "-C", root.string(), "-o", output.string(), "--only", "posters", "--preview-dpi", "4"});
    BOOST_TEST(r.exit_code == 3, output << ": " << r.err);
    BOOST_TEST(r.err.find(expected) != std::string::npos, output << ": " << r.err);
    BOOST_TEST(r.err.find(output.lexically_normal().string()) != std::string::npos, output << ": " << r.err);
  }
  // Nothing was written anywhere: not even the lock.
  BOOST_TEST((test::snapshot(fixture.dir.path()) == before));
  BOOST_TEST(!fs::exists(root / ".impactkit"));
  BOOST_TEST(!fs::exists(root / "assets/out"));
}

BOOST_AUTO_TEST_CASE(a_hand_edited_manifest_cannot_make_a_build_remove_files_outside_the_output_folder) {
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  fs::create_directories(root);
  test::copy_repository_roadshow(root);
  const fs::path output = root / "output";
  const auto build = [&] {
    return test::run_impactkit({"build", "-q", "-C", root.string(), "--only", "posters", "--preview-dpi", "4"});
  };
  const auto first = build();
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);

  // Victims: a content file, a file beside the root, a file the output
  // reaches only through a link, and the manifest itself.
  const fs::path victim = dir.path() / "victim.txt";
  write_file_atomically(victim, "not impactkit's");
  const fs::path victim_dir = dir.path() / "victims";
  fs::create_directories(victim_dir);
  write_file_atomically(victim_dir / "linked.txt", "not impactkit's either");
  fs::create_symlink(victim_dir, output / "posters" / "linked");
  // A real poster of an earlier build, which a full build does remove: so
  // that this test fails if removal does not happen at all.
  write_file_atomically(output / "posters/old-poster.pdf", "an output of a case since removed");

  const fs::path manifest_file = output / ".impactkit/manifest.json";
  auto manifest = nlohmann::json::parse(read_file(manifest_file).value());
  auto& units = manifest.at("units");
  units["posters/gone.pdf"] = {{"key", "x"}, {"files", {"posters/old-poster.pdf"}}};
  units["posters/up"] = {{"key", "x"}, {"files", {"../roadshow.yaml"}}};
  units["posters/up-inside"] = {{"key", "x"}, {"files", {"posters/../../cases/regionale-catering.yaml"}}};
  units["posters/absolute"] = {{"key", "x"}, {"files", {victim.string()}}};
  units["posters/via-link"] = {{"key", "x"}, {"files", {"posters/linked/linked.txt"}}};
  units["posters/bookkeeping"] = {{"key", "x"}, {"files", {".impactkit/lock"}}};
  write_file_atomically(manifest_file, manifest.dump(1));

  const auto second = build();
  BOOST_TEST_REQUIRE(second.exit_code == 0, second.err);
  BOOST_TEST(!fs::exists(output / "posters/old-poster.pdf"));  // made by impactkit, listed plainly: removed
  BOOST_TEST(fs::exists(root / "roadshow.yaml"));
  BOOST_TEST(fs::exists(root / "cases/regionale-catering.yaml"));
  BOOST_TEST(read_file(victim).value_or("") == "not impactkit's");
  BOOST_TEST(fs::exists(victim_dir / "linked.txt"));
  BOOST_TEST(fs::exists(output / ".impactkit/lock"));
  // And the manifest forgets what it should never have named.
  const std::string saved = read_file(manifest_file).value();
  for (const char* unit : {"posters/gone.pdf", "posters/up", "posters/absolute", "posters/via-link"}) {
    BOOST_TEST(saved.find(std::string("\"") + unit + "\"") == std::string::npos, unit);
  }
}

BOOST_AUTO_TEST_SUITE_END()
