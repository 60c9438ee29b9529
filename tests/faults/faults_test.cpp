// Faults: a build killed at any moment leaves every earlier output intact
// (each file the old bytes or a complete new file, never a part of one), and
// the build after it is right; two builds of one output folder run one after
// the other; an unwritable output folder and a full disk end a build with
// exit code 3 and a message naming the path, and leave earlier outputs intact.

#include "fault_support.hpp"
#include "support.hpp"

#include <impactkit/core/file_io.hpp>
#include <impactkit/pipeline/output_guard.hpp>

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sched.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <thread>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> build_args(const fs::path& root, std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"build", "-q", "-C", root.string(), "--preview-dpi", "4"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// A copy of this repository's roadshow in `root`, and the arguments of a
// quick build of it (posters and cards, under a second), where a test needs
// many builds rather than every product.
void copy_root(const fs::path& root) {
  fs::create_directories(root);
  test::copy_repository_roadshow(root);
}
std::vector<std::string> quick(const fs::path& root, std::vector<std::string> more = {}) {
  more.insert(more.begin(), {"--only", "posters,cards"});
  return build_args(root, more);
}

// What makes a build SIGKILL itself (kill_in_write.cpp): at the `n`th write
// of a file under `output`, or at the `n`th move of an output into place
// (`what` is IMPACTKIT_KILL_AT_WRITE or IMPACTKIT_KILL_AT_RENAME).
test::ChildOptions killed_at(const fs::path& output, const char* what, int n) {
  test::ChildOptions kill;
  const char* asan = std::getenv("ASAN_OPTIONS");
  // verify_asan_link_order: under AddressSanitizer the preloaded library
  // comes before its runtime, which it otherwise refuses.
  kill.env = {std::string("LD_PRELOAD=") + IMPACTKIT_KILL_IN_WRITE, fmt::format("{}={}", what, n),
              "IMPACTKIT_KILL_UNDER=" + output.string() + "/",
              std::string("ASAN_OPTIONS=") + (asan ? std::string(asan) + ":" : "") + "verify_asan_link_order=0"};
  return kill;
}

// A build that must succeed, and how long it took: the tests kill later
// builds at parts of it, whatever this machine's speed.
Clock::duration timed_build(const std::vector<std::string>& args) {
  const auto started = Clock::now();
  test::Child build(args);
  BOOST_TEST_REQUIRE(build.wait() == 0, build.err());
  return Clock::now() - started;
}

// Owns a file descriptor (here: a lock file the test holds).
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// Every folder under `dir`, and `dir`, made read-only (or writable again).
void set_writable(const fs::path& dir, bool writable) {
  const auto perms = writable ? fs::perms(0755) : fs::perms(0555);
  fs::permissions(dir, perms);
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_directory() && !e.is_symlink()) fs::permissions(e.path(), perms);
  }
}

// Runs `body` in a child process that has a mount namespace of its own,
// with a tmpfs of `size` at `where`: a disk that fills up, without root
// powers over the real one. Nothing when the system does not allow it.
std::optional<int> with_small_disk(const fs::path& where, const std::string& size, const std::function<int()>& body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::unshare(CLONE_NEWNS) != 0 || ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        ::mount("tmpfs", where.c_str(), "tmpfs", 0, ("size=" + size).c_str()) != 0) {
      ::_exit(200);
    }
    int code = 199;
    try {
      code = body();
    } catch (...) {
      code = 198;
    }
    ::_exit(code);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status)) return -1;
  if (WEXITSTATUS(status) == 200) return std::nullopt;
  return WEXITSTATUS(status);
}

// Fills the file system of `dir` up to its last byte.
void fill(const fs::path& dir) {
  const int fd = ::open((dir / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const std::string block(4096, 'x');
  while (::write(fd, block.data(), block.size()) > 0) {
  }
  const char byte = 'x';
  while (::write(fd, &byte, 1) > 0) {
  }
  ::close(fd);
}

// Checks that every file of `state` (an output folder after a build that
// failed or was killed) is the bytes of the build `before` it or of the
// complete build `after` it, never a part of either; and that no output of
// `before` is gone.
void check_old_or_new(const std::map<std::string, std::string>& state, const std::map<std::string, std::string>& before,
                      const std::map<std::string, std::string>& after, const std::string& when) {
  for (const auto& [file, hash] : before) BOOST_TEST(state.contains(file), when << ": " << file << " is gone");
  for (const auto& [file, hash] : state) {
    if (is_temporary_name(fs::path(file).filename().string())) continue;  // the next build removes it
    const bool old_bytes = before.contains(file) && before.at(file) == hash;
    const bool new_bytes = after.contains(file) && after.at(file) == hash;
    BOOST_TEST((old_bytes || new_bytes), when << ": " << file << " is a partial file");
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(faults)

// ---- a build killed -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_build_killed_at_any_moment_leaves_every_earlier_output_intact) {
  test::TempDir dir;
  const fs::path& root = dir.path();
  test::copy_repository_roadshow(root);
  const fs::path output = root / "output";
  const auto args = build_args(root);

  timed_build(args);
  // Timed again with the text work kept, as the builds below have it.
  const auto full_build = timed_build(build_args(root, {"--rebuild"}));
  const auto before = test::snapshot(output);
  BOOST_TEST_REQUIRE(before.size() > 100u);  // posters, cards, laser sheets, wheel

  // An edit that every product shows: each output may now be made again.
  test::replace_in(root / "theme.yaml", "primary: {rgb: \"1D4F91\"", "primary: {rgb: \"1D4F92\"");
  test::replace_in(root / "roadshow.yaml", "title:\n  nl: ", "title:\n  nl: Nieuw - ");
  struct Killed {
    std::chrono::milliseconds at;
    bool while_running;  // else the build had ended before the kill
    std::map<std::string, std::string> files;
  };
  std::vector<Killed> killed;
  // While the build moves its files into place, the only moment it
  // changes outputs (they wait in .impactkit/staging until every product
  // is made): after the first and after the 40th. That lasts a millisecond
  // or two, so the build kills itself there (kill_in_write.cpp). First,
  // while every output is still to be made again.
  for (const int n : {1, 40}) {
    const auto start = Clock::now();
    test::Child build(args, killed_at(output, "IMPACTKIT_KILL_AT_RENAME", n));
    const bool while_running = build.wait() == -SIGKILL;
    killed.push_back({std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start), while_running,
                      test::snapshot(output)});
  }
  // And early, half-way and late (while the laser sheets and the wheel are
  // written), in parts of a full build on this machine, whatever its speed;
  // more moments would make the test slower, not better: each kill is a
  // build's worth of time.
  std::vector<std::chrono::milliseconds> moments;
  for (const double part : {0.02, 0.1, 0.3, 0.6, 0.9}) {
    moments.push_back(std::max(5ms, std::chrono::duration_cast<std::chrono::milliseconds>(full_build * part)));
  }
  for (const auto at : moments) {
    test::Child build(args);
    std::this_thread::sleep_for(at);
    build.kill();
    killed.push_back({at, build.wait() == -SIGKILL, test::snapshot(output)});
  }
  // The next build cleans up after the killed ones and is complete.
  test::Child next(args);
  BOOST_TEST_REQUIRE(next.wait() == 0, next.err());
  const auto after = test::snapshot(output);
  BOOST_TEST(test::temporaries(output).empty());
  BOOST_TEST(!fs::exists(pipeline::unfinished_marker(output)));
  std::size_t changed = 0;
  for (const auto& [file, hash] : after) changed += before.contains(file) && before.at(file) != hash ? 1 : 0;
  BOOST_TEST_REQUIRE(changed > 50u);  // the edit did change most files

  std::size_t while_running = 0;
  bool while_replacing = false;
  for (const auto& k : killed) {
    check_old_or_new(k.files, before, after, fmt::format("killed at {} ms", k.at.count()));
    std::size_t rewritten = 0;
    for (const auto& [file, hash] : k.files) {
      rewritten += before.contains(file) && before.at(file) != hash && after.contains(file) && after.at(file) == hash;
    }
    BOOST_TEST_MESSAGE("killed at " << k.at.count() << " ms (a full build takes "
                                    << std::chrono::duration_cast<std::chrono::milliseconds>(full_build).count()
                                    << " ms): " << rewritten << " of " << changed << " files already new"
                                    << (k.while_running ? "" : ", but the build had ended"));
    while_running += k.while_running ? 1 : 0;
    while_replacing = while_replacing || (k.while_running && rewritten > 0);
  }
  // Else the kills fell after the builds, or before they replaced any
  // output, and the test proved little. (Outputs are written in bursts, so
  // a kill between two of them is luck; the test below kills inside one.)
  BOOST_TEST(while_running >= 4u);
  BOOST_TEST(while_replacing);
}

BOOST_AUTO_TEST_CASE(a_build_killed_half_way_through_writing_a_file_leaves_the_old_output_and_a_temporary) {
  // The kills above land between writes nearly always: a write takes
  // microseconds. This one kills in the middle of the Nth write (see
  // kill_in_write.cpp), where writing in place would leave half a file.
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  copy_root(root);
  const fs::path output = root / "output";
  const auto args = quick(root);
  BOOST_TEST_REQUIRE(test::run_impactkit(args).exit_code == 0);
  const auto before = test::snapshot(output);
  test::replace_in(root / "theme.yaml", "primary: {rgb: \"1D4F91\"", "primary: {rgb: \"1D4F92\"");
  std::vector<std::map<std::string, std::string>> states;
  for (const int n : {1, 2, 9, 30, 50}) {
    test::Child build(args, killed_at(output, "IMPACTKIT_KILL_AT_WRITE", n));
    BOOST_TEST_REQUIRE(build.wait() == -SIGKILL, "write " << n << ": " << build.err());
    // The half-written file is a temporary, not an output (other threads
    // may have been writing theirs at that moment too), and never among
    // the outputs: the products write into .impactkit/staging, the build
    // its bookkeeping into .impactkit. Killed while the products wrote, the
    // build has touched no output at all.
    const auto left = test::temporaries(output);
    BOOST_TEST(!left.empty(), "write " << n);
    bool in_staging = true;
    for (const auto& t : left) {
      BOOST_TEST(t.starts_with(".impactkit/"), t);
      in_staging = in_staging && t.starts_with(".impactkit/staging/");
    }
    if (in_staging) BOOST_TEST((test::snapshot(output) == before), "write " << n);
    states.push_back(test::snapshot(output));
  }
  test::Child next(args);
  BOOST_TEST_REQUIRE(next.wait() == 0, next.err());
  const auto after = test::snapshot(output);
  BOOST_TEST(test::temporaries(output).empty());
  for (const auto& state : states) check_old_or_new(state, before, after, "killed in a write");
}

BOOST_AUTO_TEST_CASE(after_a_killed_build_the_next_one_trusts_no_output_the_killed_one_may_have_touched) {
  // The killed build rewrote some files from other content; the manifest
  // still says they were made from the content as it is again now.
  // Trusting it would keep those files: the next build must remake them.
  test::TempDir dir;
  const fs::path& root = dir.path();
  test::copy_repository_roadshow(root);
  const fs::path output = root / "output";
  const auto args = quick(root);
  BOOST_TEST_REQUIRE(test::run_impactkit(args).exit_code == 0);
  const auto made = test::snapshot(output);

  const std::string theme = read_file(root / "theme.yaml").value();
  test::replace_in(root / "theme.yaml", "primary: {rgb: \"1D4F91\"", "primary: {rgb: \"000000\"");
  {
    // Killed when it has moved 20 of its files into place.
    test::Child build(args, killed_at(output, "IMPACTKIT_KILL_AT_RENAME", 20));
    BOOST_TEST_REQUIRE(build.wait() == -SIGKILL, build.err());
  }
  BOOST_TEST_REQUIRE((test::snapshot(output) != made), "the killed build moved no file into place");
  BOOST_TEST(fs::exists(pipeline::unfinished_marker(output)));

  write_file_atomically(root / "theme.yaml", theme);  // back to what the manifest knows
  test::Child again(args);
  BOOST_TEST_REQUIRE(again.wait() == 0, again.err());
  BOOST_TEST((test::snapshot(output) == made));
  BOOST_TEST(!fs::exists(pipeline::unfinished_marker(output)));
}

BOOST_AUTO_TEST_CASE(a_build_removes_the_temporaries_a_killed_build_left_and_nothing_else) {
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  copy_root(root);
  const fs::path output = root / "output";
  BOOST_TEST_REQUIRE(test::run_impactkit(quick(root)).exit_code == 0);
  const fs::path folder = output / "posters/nl/A1";
  BOOST_TEST_REQUIRE(fs::is_directory(folder));
  // What write_file_atomically and a PDF/X working folder leave when killed...
  const fs::path left_file = folder / (temporary_prefix(folder / "warmtepomp-staphorst-route.pdf") + "Ab3xYz");
  const fs::path left_folder = folder / (temporary_prefix(folder / "warmtepomp-staphorst-route.pdf") + "Q1w2E3");
  write_file_atomically(left_file, "half a PDF");
  fs::create_directories(left_folder);
  write_file_atomically(left_folder / "gs.log", "log");
  // ... and files of the designer's that only look alike.
  const std::vector<fs::path> mine = {folder / ".warmtepomp-staphorst-route.pdf.tmp-Ab3xYz",
                                      folder / "notes.impactkit-tmp-123456.txt", folder / ".x.impactkit-tmp-1234567",
                                      output / "impactkit-tmp-ABCDEF"};
  for (const auto& f : mine) write_file_atomically(f, "mine");

  const auto r = test::run_impactkit(quick(root));
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  BOOST_TEST(!fs::exists(left_file));
  BOOST_TEST(!fs::exists(left_folder));
  for (const auto& f : mine) BOOST_TEST(fs::exists(f), f);
  BOOST_TEST(test::temporaries(output).empty());
}

// ---- two builds at once ------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_build_waits_while_another_holds_the_lock_and_says_so) {
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  copy_root(root);
  const fs::path output = root / "output";
  fs::create_directories(output / ".impactkit");
  // O_CLOEXEC: else the build would inherit the lock it waits for.
  Fd lock(::open((output / ".impactkit/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  BOOST_TEST_REQUIRE(lock.get() >= 0);
  BOOST_TEST_REQUIRE(::flock(lock.get(), LOCK_EX) == 0);
  const std::string pid = fmt::format("{}\n", ::getpid());
  BOOST_TEST_REQUIRE(::write(lock.get(), pid.data(), pid.size()) == static_cast<ssize_t>(pid.size()));

  test::Child build(quick(root));
  const auto deadline = Clock::now() + 20s;
  while (build.err().find("waiting for another build") == std::string::npos && build.running() &&
         Clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  BOOST_TEST_REQUIRE(build.running(), build.err());
  BOOST_TEST(build.err().find(fmt::format("waiting for another build of {} (pid {}) to finish",
                                          output.lexically_normal().string(), ::getpid())) != std::string::npos,
             build.err());
  std::this_thread::sleep_for(300ms);
  BOOST_TEST(build.running());                  // still waiting, ...
  BOOST_TEST(!fs::exists(output / "posters"));  // ... and nothing written meanwhile
  lock.reset();                                 // the other build is done
  BOOST_TEST(build.wait() == 0, build.err());
  BOOST_TEST(fs::exists(output / "posters/nl/A1/warmtepomp-staphorst-route.pdf"));
}

BOOST_AUTO_TEST_CASE(two_builds_at_once_both_succeed_and_make_what_one_build_makes) {
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  copy_root(root);
  const fs::path output = root / "output";
  const fs::path alone = dir.path() / "alone";
  const auto reference = test::run_impactkit(quick(root, {"-o", alone.string()}));
  BOOST_TEST_REQUIRE(reference.exit_code == 0, reference.err);

  test::Child a(quick(root));
  test::Child b(quick(root));
  BOOST_TEST(a.wait() == 0, a.err());
  BOOST_TEST(b.wait() == 0, b.err());
  // Both load the content first, then one waits for the other.
  BOOST_TEST((a.err() + b.err()).find("waiting for another build of") != std::string::npos, a.err() + b.err());
  const auto together = test::snapshot(output);
  BOOST_TEST(together.size() > 10u);
  BOOST_TEST((together == test::snapshot(alone)));
  BOOST_TEST((read_file(output / ".impactkit/manifest.json") == read_file(alone / ".impactkit/manifest.json")));
  BOOST_TEST(test::temporaries(output).empty());
}

// ---- an unwritable output folder, a full disk -------------------------------

BOOST_AUTO_TEST_CASE(an_unwritable_output_folder_gives_exit_code_3_with_the_path_and_keeps_earlier_outputs) {
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  copy_root(root);
  const fs::path output = root / "output";
  // As root, permissions do not stop a write: the builds run as nobody.
  test::ChildOptions as;
  as.user = test::unprivileged_user();
  if (as.user) test::hand_over(root, *as.user);
  {
    test::Child first(quick(root), as);
    const int code = first.wait();
    if (code == 124) {
      BOOST_TEST_MESSAGE("skipped: running as root and cannot become an unprivileged user to test permissions");
      return;
    }
    BOOST_TEST_REQUIRE(code == 0, first.err());
  }
  const auto before = test::snapshot(output);
  test::replace_in(root / "roadshow.yaml", "title:\n  nl: ", "title:\n  nl: Nieuw - ");
  if (as.user) test::hand_over(root / "roadshow.yaml", *as.user);

  // The whole output folder read-only: the build stops before it writes.
  set_writable(output, false);
  {
    test::Child build(quick(root), as);
    BOOST_TEST(build.wait() == 3, build.err());
    BOOST_TEST(build.err().find("error: cannot write into the output folder " + output.lexically_normal().string()) !=
                   std::string::npos,
               build.err());
    BOOST_TEST(build.err().find("Permission denied") != std::string::npos, build.err());
  }
  set_writable(output, true);
  BOOST_TEST((test::snapshot(output) == before));
  // Only the posters' folders read-only: the posters fail at their first
  // file; the cards, made at the same time, may be written whole.
  set_writable(output / "posters", false);
  {
    test::Child build(quick(root), as);
    BOOST_TEST(build.wait() == 3, build.err());
    BOOST_TEST(build.err().find(output.lexically_normal().string() + "/posters/") != std::string::npos, build.err());
    BOOST_TEST(build.err().find("Permission denied") != std::string::npos, build.err());
  }
  set_writable(output, true);
  const auto failed = test::snapshot(output);
  for (const auto& [file, hash] : before) {
    if (file.starts_with("posters/")) BOOST_TEST((failed.contains(file) && failed.at(file) == hash), file);
  }
  BOOST_TEST(test::temporaries(output).empty());
  // And once it can write, the next build is whole.
  test::Child last(quick(root), as);
  BOOST_TEST(last.wait() == 0, last.err());
  BOOST_TEST(!fs::exists(pipeline::unfinished_marker(output)));
  check_old_or_new(failed, before, test::snapshot(output), "posters read-only");
}

BOOST_AUTO_TEST_CASE(an_output_folder_that_cannot_be_made_gives_exit_code_3_with_the_path) {
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  copy_root(root);
  write_file_atomically(dir.path() / "a-file", "not a folder");
  for (const fs::path& output : {dir.path() / "a-file", dir.path() / "a-file" / "output"}) {
    const auto r = test::run_impactkit(quick(root, {"-o", output.string()}));
    BOOST_TEST(r.exit_code == 3, r.err);
    BOOST_TEST(r.err.find(output.string()) != std::string::npos, r.err);
  }
  BOOST_TEST(read_file(dir.path() / "a-file").value_or("") == "not a folder");
}

BOOST_AUTO_TEST_CASE(a_write_that_fails_half_way_gives_exit_code_3_with_the_path_and_keeps_earlier_outputs) {
  // RLIMIT_FSIZE makes write() fail part-way through a file, as a disk that
  // fills up does (EFBIG instead of ENOSPC); it works without privileges.
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  copy_root(root);
  const fs::path output = root / "output";
  BOOST_TEST_REQUIRE(test::run_impactkit(quick(root)).exit_code == 0);
  const auto before = test::snapshot(output);
  test::replace_in(root / "roadshow.yaml", "title:\n  nl: ", "title:\n  nl: Nieuw - ");
  test::ChildOptions limited;
  limited.file_size = 16 * 1024;  // less than a poster PDF
  test::Child build(quick(root), limited);
  BOOST_TEST(build.wait() == 3, build.err());
  BOOST_TEST(build.err().find("File too large") != std::string::npos, build.err());
  BOOST_TEST(build.err().find(output.lexically_normal().string() + "/") != std::string::npos, build.err());
  // The file that failed was a temporary: removed. Smaller files made
  // meanwhile may be whole and new; none is a part of one.
  BOOST_TEST(test::temporaries(output).empty());
  const auto failed = test::snapshot(output);
  const auto last = test::run_impactkit(quick(root));
  BOOST_TEST_REQUIRE(last.exit_code == 0, last.err);
  const auto after = test::snapshot(output);
  check_old_or_new(failed, before, after, "file size limit");
  // Files the edit changed that are still the old ones: those the limit stopped.
  std::size_t kept = 0;
  for (const auto& [file, hash] : before) kept += failed.at(file) == hash && after.at(file) != hash ? 1 : 0;
  BOOST_TEST(kept > 0u);
}

BOOST_AUTO_TEST_CASE(a_full_disk_fails_an_atomic_write_with_the_path_and_keeps_the_old_file) {
  test::TempDir dir;
  const fs::path disk = dir.path() / "disk";
  fs::create_directories(disk);
  const auto code = with_small_disk(disk, "64k", [&] {
    const fs::path file = disk / "a.txt";
    write_file_atomically(file, "old");
    try {
      write_file_atomically(file, std::string(1 << 20, 'n'));
      return 1;  // a megabyte on a 64 KiB disk
    } catch (const fs::filesystem_error& e) {
      if (e.code() != std::errc::no_space_on_device) return 2;
      if (e.path1() != file || std::string(e.what()).find(file.string()) == std::string::npos) return 3;
    }
    if (read_file(file) != "old") return 4;
    if (std::distance(fs::directory_iterator(disk), fs::directory_iterator()) != 1) return 5;  // no temporary
    return 0;
  });
  if (!code) {
    BOOST_TEST_MESSAGE("skipped: cannot mount a small tmpfs here (needs a mount namespace)");
    return;
  }
  // 1: no error; 2: another error than ENOSPC; 3: without the path; 4: old file changed; 5: temporary left.
  BOOST_TEST(*code == 0);
}

BOOST_AUTO_TEST_CASE(a_full_disk_during_a_build_gives_exit_code_3_with_the_path_and_keeps_earlier_outputs) {
  test::TempDir dir;
  const fs::path root = dir.path() / "root";
  copy_root(root);
  const fs::path output = root / "output";
  fs::create_directories(output);
  const fs::path report = dir.path() / "report.txt";
  const auto code = with_small_disk(output, "24m", [&] {
    const auto first = test::run_impactkit(quick(root));
    if (first.exit_code != 0) {
      write_file_atomically(report, first.err);
      return 1;
    }
    const auto before = test::snapshot(output);
    test::replace_in(root / "roadshow.yaml", "title:\n  nl: ", "title:\n  nl: Nieuw - ");
    fill(output);
    const auto second = test::run_impactkit(quick(root));
    write_file_atomically(report, second.err);
    fs::remove(output / "filler");
    if (second.exit_code != 3) return 2;
    if (second.err.find("No space left on device") == std::string::npos) return 3;
    if (second.err.find(output.lexically_normal().string()) == std::string::npos) return 4;
    if (test::snapshot(output) != before) return 5;
    if (!test::temporaries(output).empty()) return 6;
    return 0;
  });
  if (!code) {
    BOOST_TEST_MESSAGE("skipped: cannot mount a small tmpfs here (needs a mount namespace)");
    return;
  }
  // 1: the first build failed; 2: not exit code 3; 3: not ENOSPC; 4: without the path; 5: an output changed; 6: a
  // temporary left.
  BOOST_TEST(*code == 0, read_file(report).value_or(""));
}

BOOST_AUTO_TEST_SUITE_END()
