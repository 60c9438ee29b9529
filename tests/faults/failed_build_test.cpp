// A build with errors writes nothing: its products' files wait in
// OUTPUT/.impactkit/staging and are moved into place only when every
// product succeeded. Text that does not fit a poster stops the build after
// the cards, the laser job and the wheel were made: none of their files
// may appear, a new output folder stays empty (or is not made), and an
// earlier build's outputs keep their bytes and their times — also under
// `impactkit watch`.

#include "fault_support.hpp"
#include "support.hpp"

#include <impactkit/core/digest.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/pipeline/output_guard.hpp>

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <sys/stat.h>

#include <chrono>
#include <regex>
#include <thread>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace std::chrono_literals;

namespace {

// Everything under `dir`, and `dir` itself: per path its kind, size, time
// of last change to the nanosecond and, for a file, its bytes' digest. Of
// the build's bookkeeping in .impactkit/ only the manifest, the record of
// the outputs: the lock file holds the pid of the last build that took it,
// and the kept text work (shaped words, patterns) may grow at any build.
std::map<std::string, std::string> listing(const fs::path& dir) {
  std::map<std::string, std::string> out;
  const auto add = [&](const fs::path& path) {
    struct stat st {};
    BOOST_TEST_REQUIRE(::lstat(path.c_str(), &st) == 0, path);
    std::string line = fmt::format("{} {} bytes, changed {}.{:09}", S_ISDIR(st.st_mode) ? "folder" : "file", st.st_size,
                                   st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    if (S_ISREG(st.st_mode)) line += " " + Digest().add(read_file(path).value_or("<unreadable>")).hex();
    out[path == dir ? std::string(".") : path.lexically_relative(dir).generic_string()] = line;
  };
  add(dir);
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    if (it->path().filename() == ".impactkit" && it->path().parent_path() == dir) {
      it.disable_recursion_pending();
      if (fs::exists(it->path() / "manifest.json")) add(it->path() / "manifest.json");
      continue;
    }
    add(it->path());
  }
  return out;
}

// Makes the subtitle of the case in `file` far too long for its box on the
// posters, yet under the 2000 characters a text may have. The cards do
// not show it: they are made whole, and only the posters fail.
void overflow_subtitle(const fs::path& file) {
  std::string yaml = read_file(file).value();
  std::string too_long;
  for (int i = 0; i < 25; ++i) too_long += "Van het gas af en afscheid nemen van chemische koelmiddelen. ";
  const std::regex subtitle(R"((subtitle:\n  nl: ).*)");
  BOOST_TEST_REQUIRE(std::regex_search(yaml, subtitle), file << " has no `subtitle: nl:` to lengthen");
  yaml = std::regex_replace(yaml, subtitle, "$1\"" + too_long + "\"", std::regex_constants::format_first_only);
  write_file_atomically(file, yaml);
}

const char* const staphorst = "cases/warmtepomp-staphorst.yaml";

std::vector<std::string> build_args(const fs::path& root, std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"build", "-q", "-C", root.string(), "--preview-dpi", "4"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// A failed build's exit code and message: text that does not fit, found
// on the posters.
void check_failed(const test::Result& r) {
  BOOST_TEST(r.exit_code == 2, r.err);
  BOOST_TEST(r.err.find("does not fit its stack on the poster-route poster") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("nothing built") != std::string::npos, r.err);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(failed_build)

BOOST_AUTO_TEST_CASE(a_build_with_errors_makes_no_output_folder_and_leaves_an_empty_one_empty) {
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  fs::create_directories(root);
  test::copy_repository_roadshow(root);
  overflow_subtitle(root / staphorst);

  // The default ROOT/output, which does not exist yet: not made at all.
  check_failed(test::run_impactkit(build_args(root)));
  BOOST_TEST(!fs::exists(root / "output"));
  // A folder made for it by hand: left empty, without even the build's
  // bookkeeping (.impactkit/) or its lock file.
  const fs::path empty = dir.path() / "empty";
  fs::create_directories(empty);
  check_failed(test::run_impactkit(build_args(root, {"-o", empty.string()})));
  BOOST_TEST(fs::is_empty(empty), [&] {
    std::string names;
    for (const auto& e : fs::recursive_directory_iterator(empty))
      names += " " + e.path().lexically_relative(empty).string();
    return "left:" + names;
  }());

  // The same content without the error builds every product there.
  write_file_atomically(root / staphorst, read_file(test::source_dir() / staphorst).value());
  const auto built = test::run_impactkit(build_args(root, {"-o", empty.string()}));
  BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
  for (const char* product : {"posters", "cards", "laser", "wheel"}) BOOST_TEST(fs::is_directory(empty / product));
  BOOST_TEST(!fs::exists(pipeline::staging_folder(empty)));
}

BOOST_AUTO_TEST_CASE(a_build_with_errors_leaves_an_earlier_build_s_outputs_as_they_were) {
  test::TempDir dir;
  const fs::path& root = dir.path();
  test::copy_repository_roadshow(root);
  const fs::path output = root / "output";
  BOOST_TEST_REQUIRE(test::run_impactkit(build_args(root)).exit_code == 0);
  const auto before = listing(output);
  BOOST_TEST_REQUIRE(before.size() > 150u);  // posters, cards, laser sheets, wheel, their folders
  BOOST_TEST_REQUIRE(before.contains(".impactkit/manifest.json"));

  // The edit makes every product again (the cards, the laser job's panels
  // and the wheel are made from the whole content): they are made, then
  // the posters fail.
  const std::string original = read_file(root / staphorst).value();
  overflow_subtitle(root / staphorst);
  check_failed(test::run_impactkit(build_args(root)));
  BOOST_TEST((listing(output) == before));
  BOOST_TEST(!fs::exists(pipeline::staging_folder(output)));
  BOOST_TEST(!fs::exists(pipeline::unfinished_marker(output)));
  BOOST_TEST(test::temporaries(output).empty());

  // With the content as it was, the next build knows every output is up to
  // date: nothing is written again, not even with a new time.
  write_file_atomically(root / staphorst, original);
  BOOST_TEST_REQUIRE(test::run_impactkit(build_args(root)).exit_code == 0);
  auto again = listing(output);
  again.erase(".impactkit/manifest.json");  // saved again by every build that succeeds
  auto outputs = before;
  outputs.erase(".impactkit/manifest.json");
  BOOST_TEST((again == outputs));
}

BOOST_AUTO_TEST_CASE(a_build_waiting_for_one_that_fails_in_a_new_folder_builds_there) {
  // The failing build takes the new folder away with its lock file: a
  // build that waited on that lock (or came meanwhile) must lock anew and
  // still build there, whole, whichever of the two takes the lock first.
  test::TempDir dir;
  const fs::path good = dir.path() / "good";
  const fs::path bad = dir.path() / "bad";
  for (const auto& root : {good, bad}) {
    fs::create_directories(root);
    test::copy_repository_roadshow(root);
  }
  overflow_subtitle(bad / staphorst);
  const fs::path output = dir.path() / "output";
  const fs::path alone = dir.path() / "alone";
  BOOST_TEST_REQUIRE(
      test::run_impactkit(build_args(good, {"--only", "posters,cards", "-o", alone.string()})).exit_code == 0);
  for (int round = 0; round < 3; ++round) {
    fs::remove_all(output);
    test::Child failing(build_args(bad, {"--only", "posters,cards", "-o", output.string()}));
    test::Child succeeding(build_args(good, {"--only", "posters,cards", "-o", output.string()}));
    BOOST_TEST(failing.wait() == 2, failing.err());
    BOOST_TEST(succeeding.wait() == 0, succeeding.err());
    BOOST_TEST((test::snapshot(output) == test::snapshot(alone)), "round " << round);
    BOOST_TEST(fs::exists(output / ".impactkit/manifest.json"), "round " << round);
  }
}

BOOST_AUTO_TEST_CASE(watch_keeps_the_last_good_outputs_when_a_rebuild_fails) {
  test::TempDir dir;
  const fs::path& root = dir.path();
  test::copy_repository_roadshow(root);
  const fs::path output = root / "output";
  test::Child watch({"watch", "-C", root.string(), "--preview-dpi", "4", "--max-builds", "2"});
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (watch.out().find("built '") == std::string::npos && watch.running() &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  BOOST_TEST_REQUIRE(watch.out().find("built '") != std::string::npos, watch.out() << watch.err());
  const auto before = listing(output);
  BOOST_TEST_REQUIRE(before.size() > 150u);

  overflow_subtitle(root / staphorst);  // saved as an editor does: a new file renamed over the old
  BOOST_TEST(watch.wait() == 2, watch.err());
  BOOST_TEST(watch.out().find("changed: " + std::string(staphorst)) != std::string::npos, watch.out());
  BOOST_TEST(watch.out().find("wrote nothing: the outputs are the last good build's") != std::string::npos,
             watch.out());
  BOOST_TEST(watch.err().find("does not fit its") != std::string::npos, watch.err());
  BOOST_TEST((listing(output) == before));
  BOOST_TEST(!fs::exists(pipeline::staging_folder(output)));
}

BOOST_AUTO_TEST_SUITE_END()
