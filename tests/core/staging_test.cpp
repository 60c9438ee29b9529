// Staging: a build's files wait beside the outputs until the build commits;
// then they are moved (not copied) into place, and the files noted for
// removal go; before that, no output changes.

#include <impactkit/core/file_io.hpp>
#include <impactkit/core/staging.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

namespace fs = std::filesystem;
using namespace impactkit;
using impactkit::test::TempDir;

namespace {

ino_t inode(const fs::path& file) {
  struct stat st {};
  BOOST_TEST_REQUIRE(::stat(file.c_str(), &st) == 0, file);
  return st.st_ino;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(staging)

BOOST_AUTO_TEST_CASE(files_wait_until_the_commit_moves_them_into_place) {
  TempDir dir;
  const fs::path out = dir.path() / "output";
  fs::create_directories(out);
  write_file_atomically(out / "a.txt", "old a");
  write_file_atomically(out / "gone.txt", "old");
  write_file_atomically(out / "kept.txt", "kept");
  const auto kept_time = fs::last_write_time(out / "kept.txt");
  Staging staging(out, out / ".impactkit/staging");

  const fs::path new_b = staged(&staging, out / "sub/deeper/b.txt");
  write_file_atomically(new_b, "new b");
  write_file_atomically(staged(&staging, out / "a.txt"), "new a");
  BOOST_TEST(remove_output(&staging, out / "gone.txt"));
  BOOST_TEST(!remove_output(&staging, out / "never-was.txt"));
  // Nothing in the output folder has changed yet.
  BOOST_TEST(read_file(out / "a.txt").value_or("") == "old a");
  BOOST_TEST(fs::exists(out / "gone.txt"));
  BOOST_TEST(!fs::exists(out / "sub"));
  BOOST_TEST(new_b == out / ".impactkit/staging/sub/deeper/b.txt");
  BOOST_TEST((staging.written() == std::vector<fs::path>{out / "a.txt", out / "sub/deeper/b.txt"}));

  const auto staged_inode = inode(new_b);
  staging.commit();
  BOOST_TEST(read_file(out / "a.txt").value_or("") == "new a");
  BOOST_TEST(read_file(out / "sub/deeper/b.txt").value_or("") == "new b");
  BOOST_TEST(inode(out / "sub/deeper/b.txt") == staged_inode);  // moved, not copied
  BOOST_TEST(!fs::exists(out / "gone.txt"));
  BOOST_TEST((fs::last_write_time(out / "kept.txt") == kept_time));
  BOOST_TEST(!fs::exists(new_b));
}

BOOST_AUTO_TEST_CASE(without_staging_files_are_written_and_removed_in_place) {
  TempDir dir;
  const fs::path file = dir.path() / "a/b/c.txt";
  BOOST_TEST(staged(nullptr, file) == file);
  BOOST_TEST(fs::is_directory(dir.path() / "a/b"));
  write_file_atomically(file, "x");
  BOOST_TEST(remove_output(nullptr, file));
  BOOST_TEST(!fs::exists(file));
}

BOOST_AUTO_TEST_CASE(nothing_outside_the_output_folder_is_written_or_removed) {
  TempDir dir;
  const fs::path out = dir.path() / "output";
  const fs::path elsewhere = dir.path() / "elsewhere";
  fs::create_directories(elsewhere);
  write_file_atomically(elsewhere / "precious.txt", "mine");
  fs::create_directories(out);
  fs::create_directory_symlink(elsewhere, out / "linked");
  fs::create_symlink(elsewhere / "precious.txt", out / "link.txt");
  Staging staging(out, out / ".impactkit/staging");
  BOOST_CHECK_THROW(staging.path_for(elsewhere / "x.txt"), std::logic_error);
  BOOST_CHECK_THROW(staging.path_for(out / "../elsewhere/x.txt"), std::logic_error);
  staging.remove_at_commit(elsewhere / "precious.txt");
  BOOST_TEST(!remove_output(&staging, out / "link.txt"));  // a link, not a file
  remove_output(&staging, out / "linked/precious.txt");    // a file, through a link that leads out
  staging.commit();
  BOOST_TEST(read_file(elsewhere / "precious.txt").value_or("") == "mine");
  BOOST_TEST(fs::is_symlink(out / "link.txt"));
}

// Issue 18: this used to copy across file systems into a folder of the
// output that is a link (a big disk for the posters). A forked repository
// can carry such a link, to anywhere: a link inside the output folder is now
// refused before anything moves (the output folder itself may be a link).
BOOST_AUTO_TEST_CASE(a_folder_of_the_output_that_is_a_link_is_refused_before_anything_moves) {
  TempDir dir;
  const fs::path disk = dir.path() / "elsewhere";
  fs::create_directories(disk);
  const fs::path out = dir.path() / "output";
  fs::create_directories(out);
  fs::create_directory_symlink(disk, out / "posters");
  write_file_atomically(disk / "a.pdf", "old");
  write_file_atomically(out / "a.txt", "old a");
  Staging staging(out, out / ".impactkit/staging");
  write_file_atomically(staged(&staging, out / "a.txt"), "new a");
  write_file_atomically(staged(&staging, out / "posters/a.pdf"), "new");
  write_file_atomically(staged(&staging, out / "posters/b.pdf"), "new b");
  try {
    staging.commit();
    BOOST_FAIL("the commit wrote through a link");
  } catch (const OutputRefused& e) {
    BOOST_TEST(std::string(e.what()).find((out / "posters").string() + " is a link") != std::string::npos, e.what());
  }
  BOOST_TEST(read_file(disk / "a.pdf").value_or("") == "old");
  BOOST_TEST(!fs::exists(disk / "b.pdf"));
  BOOST_TEST(read_file(out / "a.txt").value_or("") == "old a");  // nothing moved, not even outside the link
}

BOOST_AUTO_TEST_CASE(the_output_folder_itself_may_be_a_link) {
  TempDir dir;
  fs::create_directories(dir.path() / "real");
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "output");
  const fs::path out = dir.path() / "output";
  Staging staging(out, out / ".impactkit/staging");
  write_file_atomically(staged(&staging, out / "posters/a.pdf"), "new");
  staging.commit();
  BOOST_TEST(read_file(dir.path() / "real/posters/a.pdf").value_or("") == "new");
}

BOOST_AUTO_TEST_CASE(a_file_no_build_made_is_replaced_only_when_forced) {
  TempDir dir;
  const fs::path out = dir.path() / "output";
  fs::create_directories(out);
  write_file_atomically(out / "mine.pdf", "the user's own");
  write_file_atomically(out / "made.pdf", "an earlier build's");
  const auto made_before = [](const fs::path& relative) { return relative == "made.pdf"; };
  for (const bool force : {false, true}) {
    Staging staging(out, out / ".impactkit/staging");
    staging.replace_only(made_before, force);
    write_file_atomically(staged(&staging, out / "made.pdf"), "new made");
    write_file_atomically(staged(&staging, out / "mine.pdf"), "new mine");
    if (force) {
      staging.commit();
      BOOST_TEST(read_file(out / "mine.pdf").value_or("") == "new mine");
      BOOST_TEST(read_file(out / "made.pdf").value_or("") == "new made");
    } else {
      BOOST_CHECK_EXCEPTION(staging.commit(), OutputRefused, [&](const OutputRefused& e) {
        return std::string(e.what()).find((out / "mine.pdf").string()) != std::string::npos;
      });
      BOOST_TEST(read_file(out / "mine.pdf").value_or("") == "the user's own");
      BOOST_TEST(read_file(out / "made.pdf").value_or("") == "an earlier build's");  // nothing moved
    }
  }
}

// Stages a.txt, new/deep/c.txt and z-locked/b.txt over the outputs a.txt
// and z-locked/b.txt, lets `block` make z-locked unusable, and checks that
// the commit stops at it with `error` before any output changed.
void check_commit_stops(void (*block)(const fs::path& folder), std::errc error) {
  TempDir dir;
  const fs::path out = dir.path() / "output";
  fs::create_directories(out / "z-locked");
  write_file_atomically(out / "a.txt", "old a");
  write_file_atomically(out / "z-locked/b.txt", "old b");
  Staging staging(out, out / ".impactkit/staging");
  write_file_atomically(staged(&staging, out / "a.txt"), "new a");
  write_file_atomically(staged(&staging, out / "new/deep/c.txt"), "new c");
  write_file_atomically(staged(&staging, out / "z-locked/b.txt"), "new b");
  block(out / "z-locked");
  try {
    staging.commit();
    BOOST_TEST(false, "the commit went through z-locked");
  } catch (const fs::filesystem_error& e) {
    BOOST_TEST(e.path1() == out / "z-locked");
    BOOST_TEST((e.code() == error), e.what());
  }
  BOOST_TEST(read_file(out / "a.txt").value_or("") == "old a");
  BOOST_TEST(!fs::exists(out / "new"));  // made for the commit (before z-locked was found): gone again
}

BOOST_AUTO_TEST_CASE(a_folder_that_cannot_be_written_stops_the_commit_before_any_output_changes) {
  // A file where the outputs need a folder.
  check_commit_stops(
      [](const fs::path& folder) {
        fs::remove_all(folder);
        write_file_atomically(folder, "a file");
      },
      std::errc::not_a_directory);
  if (::geteuid() == 0) {
    BOOST_TEST_MESSAGE("skipped the read-only folder: as root, it can be written");
    return;
  }
  check_commit_stops([](const fs::path& folder) { fs::permissions(folder, fs::perms(0555)); },
                     std::errc::permission_denied);
}

BOOST_AUTO_TEST_SUITE_END()
