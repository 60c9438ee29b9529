// Issue 18, failures 4 and 7d: a build writes only into real folders inside
// its output folder (a link there, which a forked repository can carry, is
// refused with exit code 3 before anything is written through it), and
// never overwrites a file that no build made, unless --force.

#include "fault_support.hpp"
#include "support.hpp"

#include <impactkit/core/file_io.hpp>

#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <map>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

// Everything under `dir`, links not followed: per path its type, size,
// time of last change and bytes, so that any change at all shows.
std::map<std::string, std::string> listing(const fs::path& dir) {
  std::map<std::string, std::string> entries;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    struct stat st {};
    BOOST_TEST_REQUIRE(::lstat(e.path().c_str(), &st) == 0);
    std::string line = std::to_string(st.st_mode) + " " + std::to_string(st.st_size) + " " +
                       std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    if (S_ISREG(st.st_mode)) line += " " + read_file(e.path()).value_or("?");
    entries[e.path().lexically_relative(dir).string()] = line;
  }
  return entries;
}

struct Fork {
  test::TempDir dir;
  fs::path root = dir.path() / "root";
  fs::path outside = dir.path() / "outside";
  Fork() {
    fs::create_directories(root);
    test::copy_repository_roadshow(root);
    fs::create_directories(outside);
    write_file_atomically(outside / "precious.txt", "not impactkit's");
  }
  test::Result build(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"build",   "-q",       "-C",    root.string(),   "--only",
                                     "posters", "--poster", "intro", "--preview-dpi", "4"};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_impactkit(args);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(output_links)

BOOST_AUTO_TEST_CASE(an_output_folder_that_is_a_link_is_refused_and_nothing_is_written_through_it) {
  const Fork fork;
  fs::create_directories(fork.root / "output");
  fs::create_directory_symlink(fork.outside, fork.root / "output/posters");
  const auto before = listing(fork.outside);
  const auto r = fork.build();
  BOOST_TEST(r.exit_code == 3, r.err);
  BOOST_TEST(r.err.find((fork.root / "output/posters").string() + " is a link") != std::string::npos, r.err);
  BOOST_TEST((listing(fork.outside) == before));
}

BOOST_AUTO_TEST_CASE(a_link_in_place_of_a_built_folder_is_refused_though_its_files_look_up_to_date) {
  const Fork fork;
  const auto first = fork.build();
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
  // The fork's posters folder now leads elsewhere, to copies of the posters.
  fs::copy(fork.root / "output/posters", fork.outside / "posters", fs::copy_options::recursive);
  fs::remove_all(fork.root / "output/posters");
  fs::create_directory_symlink(fork.outside / "posters", fork.root / "output/posters");
  const auto before = listing(fork.outside);
  const auto manifest = read_file(fork.root / "output/.impactkit/manifest.json");
  const auto r = fork.build();
  BOOST_TEST(r.exit_code == 3, r.err);
  BOOST_TEST(r.err.find((fork.root / "output/posters").string() + " is a link") != std::string::npos, r.err);
  BOOST_TEST((listing(fork.outside) == before));
  BOOST_TEST((read_file(fork.root / "output/.impactkit/manifest.json") == manifest));  // as it was
}

BOOST_AUTO_TEST_CASE(a_bookkeeping_folder_that_is_a_link_is_refused_and_nothing_is_written_through_it) {
  const Fork fork;
  fs::create_directories(fork.root / "output");
  fs::create_directory_symlink(fork.outside, fork.root / "output/.impactkit");
  const auto before = listing(fork.outside);
  const auto r = fork.build();
  BOOST_TEST(r.exit_code == 3, r.err);
  BOOST_TEST(r.err.find((fork.root / "output/.impactkit").string() + " is a link") != std::string::npos, r.err);
  BOOST_TEST((listing(fork.outside) == before));  // no lock, manifest, cache or staged file there
  BOOST_TEST(!fs::exists(fork.root / "output/posters"));
}

BOOST_AUTO_TEST_CASE(a_preview_folder_that_is_a_link_gets_no_contact_sheet) {
  const Fork fork;
  fs::create_directories(fork.root / "output");
  fs::create_directory_symlink(fork.outside, fork.root / "output/preview");
  const auto before = listing(fork.outside);
  const auto r = test::run_impactkit(
      {"preview", "-q", "-C", fork.root.string(), "--only", "posters", "--poster", "intro", "--preview-dpi", "4"});
  BOOST_TEST(r.exit_code == 3, r.err);
  BOOST_TEST(r.err.find((fork.root / "output/preview").string() + " is a link") != std::string::npos, r.err);
  BOOST_TEST((listing(fork.outside) == before));
}

// The contact sheet is made by the build (impactkit preview), under the same
// rule as every output: a user's own file at its path is kept, nothing is
// built, until --force; the sheet a build made is replaced by the next.
BOOST_AUTO_TEST_CASE(a_users_file_at_the_contact_sheet_path_is_kept_unless_forced) {
  const Fork fork;
  const fs::path sheet = fork.root / "output/preview/contact-sheet.png";
  fs::create_directories(sheet.parent_path());
  write_file_atomically(sheet, "the user's own");
  const std::vector<std::string> preview = {"preview", "-q",       "-C",    fork.root.string(), "--only",
                                            "posters", "--poster", "intro", "--preview-dpi",    "4"};
  const auto refused = test::run_impactkit(preview);
  BOOST_TEST(refused.exit_code == 3, refused.err);
  BOOST_TEST(refused.err.find(sheet.string() + " is there, but no build") != std::string::npos, refused.err);
  BOOST_TEST(read_file(sheet).value_or("") == "the user's own");
  BOOST_TEST(!fs::exists(fork.root / "output/posters"));  // refused before anything was made

  std::vector<std::string> forced = preview;
  forced.emplace_back("--force");
  const auto built = test::run_impactkit(forced);
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  BOOST_TEST(read_file(sheet).value_or("").starts_with("\x89PNG"));
  const auto again = test::run_impactkit(preview);  // the sheet is the build's own now
  BOOST_TEST(again.exit_code == 0, again.err);
}

BOOST_AUTO_TEST_CASE(a_users_file_at_an_output_path_is_kept_unless_forced) {
  const Fork fork;
  const auto first = fork.build();
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
  fs::path poster;
  for (const auto& e : fs::recursive_directory_iterator(fork.root / "output/posters")) {
    if (e.path().extension() == ".pdf") poster = e.path().lexically_relative(fork.root / "output");
  }
  BOOST_TEST_REQUIRE(!poster.empty());
  // A fresh -o folder with a file of the user's own where a poster goes.
  const fs::path fresh = fork.dir.path() / "fresh";
  fs::create_directories((fresh / poster).parent_path());
  write_file_atomically(fresh / poster, "the user's own");
  const std::vector<std::string> into_fresh = {"-o", fresh.string()};
  const auto before = listing(fresh);
  const auto refused = fork.build(into_fresh);
  BOOST_TEST(refused.exit_code == 3, refused.err);
  BOOST_TEST(refused.err.find((fresh / poster).string()) != std::string::npos, refused.err);
  BOOST_TEST(refused.err.find("--force") != std::string::npos, refused.err);
  BOOST_TEST(read_file(fresh / poster).value_or("") == "the user's own");
  auto after = listing(fresh);
  std::erase_if(after, [](const auto& entry) { return entry.first.starts_with(".impactkit"); });
  BOOST_TEST((after == before));  // no other output either

  std::vector<std::string> forced = into_fresh;
  forced.emplace_back("--force");
  const auto built = fork.build(forced);
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  BOOST_TEST(read_file(fresh / poster).value_or("").starts_with("%PDF"));

  // Its own outputs, the replaced file among them, a later build rewrites
  // without --force.
  std::vector<std::string> again = into_fresh;
  again.emplace_back("--rebuild");
  const auto rebuilt = fork.build(again);
  BOOST_TEST(rebuilt.exit_code == 0, rebuilt.err);
  const auto incremental = fork.build();
  BOOST_TEST(incremental.exit_code == 0, incremental.err);
}

BOOST_AUTO_TEST_SUITE_END()
