// The cache of work kept between builds: an entry reads back as written,
// only when made from the same thing and undamaged; without a folder
// nothing touches the disk; a write that cannot be done is only a lost
// saving.

#include <impactkit/core/bytes.hpp>
#include <impactkit/core/cache.hpp>
#include <impactkit/core/file_io.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <string>

namespace fs = std::filesystem;
using impactkit::Cache;

namespace {

// The contents of an entry; "(none)" when it is not read.
std::string contents_of(const Cache& cache, std::string_view name, std::string_view made_from) {
  const auto entry = cache.read(name, made_from);
  return entry ? std::string(entry->contents()) : "(none)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cache)

BOOST_AUTO_TEST_CASE(an_entry_reads_back_when_made_from_the_same) {
  impactkit::test::TempDir dir;
  const Cache cache(dir.path());
  BOOST_TEST(cache.keeps());
  std::string contents = "compiled";
  contents += '\0';
  contents += "patterns";
  BOOST_TEST(cache.write("entry.bin", "format 1\nfrom A", contents));
  BOOST_TEST(contents_of(cache, "entry.bin", "format 1\nfrom A") == contents);
  BOOST_TEST(!cache.read("entry.bin", "format 1\nfrom B"));  // made from something else
  BOOST_TEST(!cache.read("entry.bin", "format 2\nfrom A"));  // another format
  BOOST_TEST(!cache.read("other.bin", "format 1\nfrom A"));  // none
  // The entry is the contents sealed with what they were made from.
  BOOST_TEST(impactkit::read_file(dir.path() / "entry.bin").value() == impactkit::seal("format 1\nfrom A", contents));
  // Written again: replaced.
  BOOST_TEST(cache.write("entry.bin", "format 1\nfrom B", "other"));
  BOOST_TEST(contents_of(cache, "entry.bin", "format 1\nfrom B") == "other");
  BOOST_TEST(!cache.read("entry.bin", "format 1\nfrom A"));
}

BOOST_AUTO_TEST_CASE(a_damaged_entry_is_refused) {
  impactkit::test::TempDir dir;
  const Cache cache(dir.path());
  std::string contents;
  for (int i = 0; i < 300; ++i) contents += static_cast<char>(i * 7);
  BOOST_TEST_REQUIRE(cache.write("entry.bin", "made from", contents));
  const std::string file = impactkit::read_file(dir.path() / "entry.bin").value();
  const auto accepted = impactkit::test::accepted_damage(file, 400, 1, 0x04, [&](const std::string& damaged) {
    impactkit::write_file_atomically(dir.path() / "entry.bin", damaged);
    return cache.read("entry.bin", "made from").has_value();
  });
  BOOST_TEST(accepted.empty(),
             accepted.size() << " damaged entries were read, e.g. " << (accepted.empty() ? "" : accepted.front()));
}

BOOST_AUTO_TEST_CASE(without_a_folder_nothing_is_kept) {
  const Cache none;
  BOOST_TEST(!none.keeps());
  BOOST_TEST(!none.write("entry.bin", "made from", "contents"));
  BOOST_TEST(!none.read("entry.bin", "made from"));
  BOOST_TEST(!fs::exists("entry.bin"));  // not in the working folder either
}

BOOST_AUTO_TEST_CASE(a_write_that_cannot_be_done_is_only_a_lost_saving) {
  impactkit::test::TempDir dir;
  // The folder is not made.
  const Cache missing(dir.path() / "missing");
  BOOST_TEST(!missing.write("entry.bin", "made from", "contents"));
  BOOST_TEST(!fs::exists(dir.path() / "missing"));
  // An entry's name taken by a folder: not written, nothing thrown.
  fs::create_directory(dir.path() / "entry.bin");
  const Cache cache(dir.path());
  BOOST_TEST(!cache.write("entry.bin", "made from", "contents"));
  BOOST_TEST(!cache.read("entry.bin", "made from"));
}

BOOST_AUTO_TEST_SUITE_END()
