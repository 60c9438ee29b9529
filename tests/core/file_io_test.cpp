#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using impactkit::read_file;
using impactkit::write_file_atomically;
using impactkit::test::TempDir;

namespace {
std::size_t entries_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(file_io)

BOOST_AUTO_TEST_CASE(writes_and_replaces_without_leaving_temporary_files) {
  TempDir dir;
  const fs::path file = dir.path() / "a.txt";
  write_file_atomically(file, "first");
  BOOST_TEST(read_file(file).value_or("") == "first");
  write_file_atomically(file, "second, longer");
  BOOST_TEST(read_file(file).value_or("") == "second, longer");
  BOOST_TEST(entries_in(dir.path()) == 1u);
}

BOOST_AUTO_TEST_CASE(a_failed_write_throws_with_the_path_and_leaves_nothing) {
  TempDir dir;
  const fs::path file = dir.path() / "missing-folder" / "a.txt";
  BOOST_CHECK_EXCEPTION(write_file_atomically(file, "x"), fs::filesystem_error, [&](const fs::filesystem_error& e) {
    return e.path1() == file && std::string(e.what()).find("temporary") != std::string::npos;
  });
  BOOST_TEST(entries_in(dir.path()) == 0u);
}

BOOST_AUTO_TEST_CASE(reading_a_missing_file_gives_nothing) {
  TempDir dir;
  BOOST_TEST(!read_file(dir.path() / "nope").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
