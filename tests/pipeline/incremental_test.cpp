// Incremental builds: a second build changes nothing; an edited case
// rebuilds its own posters and those that list every case, nothing else;
// a removed case's posters disappear, and nothing else does.

#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <map>
#include <thread>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

// The repository's content without its wheel (whose sectors name cases).
void copy_root(const fs::path& to) {
  for (const char* f : {"theme.yaml", "sdgs.yaml"}) fs::copy_file(test::source_dir() / f, to / f);
  for (const char* d : {"cases", "locales"}) fs::copy(test::source_dir() / d, to / d, fs::copy_options::recursive);
  const std::string yaml = read_file(test::source_dir() / "roadshow.yaml").value();
  write_file_atomically(to / "roadshow.yaml", yaml.substr(0, yaml.find("\nwheel:")) + "\n");
}

std::map<std::string, fs::file_time_type> mtimes(const fs::path& dir) {
  std::map<std::string, fs::file_time_type> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().string().find("/.impactkit/") == std::string::npos) {
      out[e.path().lexically_relative(dir).string()] = e.last_write_time();
    }
  }
  return out;
}

test::Result build(const fs::path& root) {
  return test::run_impactkit({"build", "-C", root.string(), "--only", "posters", "--preview-dpi", "4"});
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_unchanged_build_makes_nothing_and_an_edit_only_what_depends_on_it) {
  test::TempDir root;
  copy_root(root.path());
  const auto first = build(root.path());
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
  const fs::path out = root.path() / "output";
  const auto before = mtimes(out);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // so that a rewritten file gets a later time

  const auto second = build(root.path());
  BOOST_TEST_REQUIRE(second.exit_code == 0, second.err);
  BOOST_TEST(second.out.find("(all unchanged)") != std::string::npos, second.out);
  BOOST_TEST((mtimes(out) == before));

  test::replace_in(root.path() / "cases/zero-emissie-bussen.yaml", "title:\n  nl: ", "title:\n  nl: Nieuw - ");
  const auto third = build(root.path());
  BOOST_TEST_REQUIRE(third.exit_code == 0, third.err);
  const auto after = mtimes(out);
  for (const auto& [file, time] : before) {
    const bool edited_case = file.find("zero-emissie-bussen") != std::string::npos;
    // The overview and the intro (its row of cases) list the case titles.
    const bool lists_cases = (file.find("overview") != std::string::npos || file.find("intro") != std::string::npos) &&
                             file.find("/nl/") != std::string::npos;
    BOOST_TEST((after.at(file) != time) == (edited_case || lists_cases), file);
  }
}

BOOST_AUTO_TEST_CASE(a_removed_case_loses_its_outputs_and_nothing_else) {
  test::TempDir root;
  copy_root(root.path());
  BOOST_TEST_REQUIRE(build(root.path()).exit_code == 0);
  const fs::path out = root.path() / "output";
  write_file_atomically(out / "notes-of-the-designer.txt", "mine");  // not made by impactkit
  test::replace_in(root.path() / "roadshow.yaml", "  - regionale-catering\n", "");
  fs::remove(root.path() / "cases/regionale-catering.yaml");
  const auto r = build(root.path());
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  BOOST_TEST(!fs::exists(out / "posters/nl/A1/regionale-catering-route.pdf"));
  BOOST_TEST(!fs::exists(out / "posters/nl/A1/regionale-catering-route.png"));
  BOOST_TEST(fs::exists(out / "posters/nl/A1/zero-emissie-bussen-route.pdf"));
  BOOST_TEST(fs::exists(out / "notes-of-the-designer.txt"));
}

BOOST_AUTO_TEST_CASE(one_thread_and_two_give_byte_identical_files) {
  test::TempDir one;
  test::TempDir two;
  for (const auto& [dir, jobs] : {std::pair{one.path(), "1"}, std::pair{two.path(), "2"}}) {
    const auto r = test::run_impactkit(
        {"build", "-q", "-j", jobs, "--preview-dpi", "4", "-o", dir.string(), "-C", test::source_dir().string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  }
  std::size_t compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(one.path())) {
    if (!e.is_regular_file() || e.path().string().find("/.impactkit/") != std::string::npos) continue;
    const fs::path relative = e.path().lexically_relative(one.path());
    BOOST_TEST((read_file(e.path()) == read_file(two.path() / relative)), relative.string());
    ++compared;
  }
  BOOST_TEST(compared > 100u);  // posters, cards, laser sheets, wheel
}

// The wheel shows no case text: a case's title edit remakes the deck (its
// case card) but not the wheel; a case's theme, which a sector takes, does.
BOOST_AUTO_TEST_CASE(a_case_title_edit_leaves_the_wheel_and_a_sector_s_case_theme_does_not) {
  test::TempDir root;
  copy_root(root.path());
  fs::copy_file(test::source_dir() / "roadshow.yaml", root.path() / "roadshow.yaml",
                fs::copy_options::overwrite_existing);
  const auto wheel_and_cards = [&] {
    return test::run_impactkit({"build", "-C", root.path().string(), "--only", "wheel,cards", "--preview-dpi", "0"});
  };
  const auto first = wheel_and_cards();
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
  const fs::path face = root.path() / "output/wheel/face.pdf";
  const auto made = fs::last_write_time(face);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));

  test::replace_in(root.path() / "cases/zero-emissie-bussen.yaml", "title:\n  nl: ", "title:\n  nl: Nieuw - ");
  const auto titled = wheel_and_cards();
  BOOST_TEST_REQUIRE(titled.exit_code == 0, titled.err);
  BOOST_TEST(titled.out.find("wheel    unchanged") != std::string::npos, titled.out);
  BOOST_TEST(titled.out.find("cards    unchanged") == std::string::npos, titled.out);
  BOOST_TEST((fs::last_write_time(face) == made));

  test::replace_in(root.path() / "cases/zero-emissie-bussen.yaml", "theme: energietransitie", "theme: circulariteit");
  const auto themed = wheel_and_cards();
  BOOST_TEST_REQUIRE(themed.exit_code == 0, themed.err);
  BOOST_TEST(themed.out.find("wheel    unchanged") == std::string::npos, themed.out);
  BOOST_TEST((fs::last_write_time(face) != made));
}

// After a case's text edit the laser job writes again only the sheets whose
// parts changed (that case's panel), and the files are those a full
// rebuild makes.
BOOST_AUTO_TEST_CASE(a_case_edit_writes_only_the_laser_sheets_that_changed) {
  test::TempDir root;
  copy_root(root.path());
  const auto laser = [&](const std::vector<std::string>& more) {
    std::vector<std::string> args = {"build", "-q", "-C", root.path().string(), "--only", "laser"};
    args.insert(args.end(), more.begin(), more.end());
    return test::run_impactkit(args);
  };
  const auto first = laser({});
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
  const fs::path out = root.path() / "output";
  const auto before = mtimes(out / "laser");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));

  test::replace_in(root.path() / "cases/zero-emissie-bussen.yaml", "title:\n  nl: ", "title:\n  nl: Nieuw - ");
  const auto edited = laser({});
  BOOST_TEST_REQUIRE(edited.exit_code == 0, edited.err);
  const auto after = mtimes(out / "laser");
  std::size_t sheets = 0;
  std::size_t rewritten = 0;
  for (const auto& [file, time] : before) {
    if (!file.ends_with(".svg") && !file.ends_with(".dxf")) continue;
    ++sheets;
    rewritten += after.at(file) != time ? 1 : 0;
  }
  BOOST_TEST(sheets > 10u);
  BOOST_TEST(rewritten >= 2u);  // the panel's sheet, SVG and DXF
  BOOST_TEST(rewritten < sheets / 2);

  test::TempDir full;
  const auto rebuilt = laser({"--rebuild", "-o", full.path().string()});
  BOOST_TEST_REQUIRE(rebuilt.exit_code == 0, rebuilt.err);
  for (const auto& [file, time] : after) {
    if (!file.ends_with(".svg") && !file.ends_with(".dxf")) continue;
    BOOST_TEST((read_file(out / "laser" / file) == read_file(full.path() / "laser" / file)), file);
  }
}

// After a case's text edit the deck makes again the PNGs of the faces that
// show it, and keeps the others.
BOOST_AUTO_TEST_CASE(a_case_edit_makes_again_only_the_card_previews_that_show_it) {
  test::TempDir root;
  copy_root(root.path());
  const auto cards = [&] {
    return test::run_impactkit({"build", "-q", "-C", root.path().string(), "--only", "cards", "--preview-dpi", "4"});
  };
  const auto first = cards();
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
  const fs::path faces = root.path() / "output/cards/nl/faces";
  const auto before = mtimes(faces);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));

  test::replace_in(root.path() / "cases/zero-emissie-bussen.yaml", "title:\n  nl: ", "title:\n  nl: Nieuw - ");
  const auto edited = cards();
  BOOST_TEST_REQUIRE(edited.exit_code == 0, edited.err);
  const auto after = mtimes(faces);
  BOOST_TEST_REQUIRE(before.size() > 50u);
  std::size_t remade = 0;
  for (const auto& [file, time] : before) {
    const bool changed = after.at(file) != time;
    remade += changed ? 1 : 0;
    if (file.find("case-zero-emissie-bussen") != std::string::npos) BOOST_TEST(changed, file);
    if (file.find("role-") != std::string::npos) BOOST_TEST(!changed, file);  // roles show no case
  }
  BOOST_TEST(remade < before.size() / 2);
}

// text/kept.hpp: what a build keeps for the next (compiled hyphenation
// patterns, shaped words) gives the same posters, is read rather than made
// again, and when damaged is made again.
BOOST_AUTO_TEST_CASE(kept_patterns_and_shaped_words_are_used_and_a_damaged_file_is_made_again) {
  test::TempDir root;
  copy_root(root.path());
  const fs::path out = root.path() / "output";
  const auto rebuild = [&] {
    const auto r = test::run_impactkit(
        {"build", "-C", root.path().string(), "--only", "posters", "--preview-dpi", "0", "--lang", "nl", "--rebuild"});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    return read_file(out / "posters/nl/A1/zero-emissie-bussen-route.pdf").value();
  };
  // The first build may have no output folder yet when the patterns load
  // (then it keeps none); the second has one.
  const std::string made = rebuild();
  for (const char* name : {"hyphenation-hyph_nl_NL.bin", "shaped-words.bin"}) {
    BOOST_TEST_CONTEXT(name) {
      const fs::path kept = out / ".impactkit" / name;
      fs::remove(kept);
      BOOST_TEST(rebuild() == made);
      BOOST_TEST_REQUIRE(fs::exists(kept));
      const auto size = fs::file_size(kept);
      BOOST_TEST(size > 10000u);

      // Read, not made and written again: the file stays as it was.
      const auto written = fs::last_write_time(kept);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      BOOST_TEST(rebuild() == made, "made with what was kept");
      BOOST_TEST((fs::last_write_time(kept) == written));

      // Damaged in its middle: made again, the same poster, the file anew.
      std::string damaged = read_file(kept).value();
      damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x55);
      write_file_atomically(kept, damaged);
      BOOST_TEST(rebuild() == made, "made after the kept file was damaged");
      BOOST_TEST(read_file(kept).value() != damaged);
      BOOST_TEST(fs::file_size(kept) == size);
    }
  }
}
