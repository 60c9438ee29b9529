// PDF/X through Ghostscript. Ghostscript is optional, so only the path
// without it is tested: a clear message saying what to install.

#include <impactkit/core/file_io.hpp>
#include <impactkit/print/pdf.hpp>

#include "print_support.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::test;

namespace {

// PATH pointing at an empty folder for one test: no programs at all.
class NoPrograms {
 public:
  explicit NoPrograms(const fs::path& empty) {
    if (const char* old = std::getenv("PATH")) old_ = old;
    ::setenv("PATH", empty.c_str(), 1);
  }
  ~NoPrograms() { ::setenv("PATH", old_.c_str(), 1); }
  NoPrograms(const NoPrograms&) = delete;
  NoPrograms& operator=(const NoPrograms&) = delete;

 private:
  std::string old_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(print_pdfx)

BOOST_AUTO_TEST_CASE(without_ghostscript_the_message_says_what_to_install) {
  TempDir dir;
  fs::create_directory(dir.path() / "bin");
  const fs::path in = dir.path() / "in.pdf";
  Diagnostics warnings;
  print::write_pdf(in, {{100, 100, 3, {}}}, {"t", "a", "s", "nl"}, {}, warnings);
  const NoPrograms no_programs(dir.path() / "bin");
  BOOST_TEST(!print::find_ghostscript().has_value());
  try {
    print::make_pdfx(in, dir.path() / "out.pdf");
    BOOST_FAIL("no error");
  } catch (const print::PrintError& e) {
    BOOST_TEST(std::string(e.what()) ==
               "PDF/X needs Ghostscript: install the Debian package ghostscript (apt-get install ghostscript)");
  }
  BOOST_TEST(!fs::exists(dir.path() / "out.pdf"));
}

BOOST_AUTO_TEST_CASE(ghostscript_is_looked_up_on_path) {
  TempDir dir;
  const fs::path bin = dir.path() / "bin";
  fs::create_directory(bin);
  write_file_atomically(bin / "gs", "#!/bin/sh\nexit 1\n");
  const NoPrograms only_bin(bin);
  BOOST_TEST(!print::find_ghostscript().has_value());  // not executable
  fs::permissions(bin / "gs", fs::perms::owner_all);
  BOOST_TEST(print::find_ghostscript().value_or("") == bin / "gs");
}

// A stand-in `gs` that fails: its messages reach the error, and no output
// file is left behind.
BOOST_AUTO_TEST_CASE(a_failing_ghostscript_is_reported_with_its_messages) {
  TempDir dir;
  const fs::path bin = dir.path() / "bin";
  fs::create_directory(bin);
  write_file_atomically(bin / "gs",
                        "#!/bin/sh\necho \"GPL Ghostscript: Unrecoverable error, exit code 1\" >&2\nexit 1\n");
  fs::permissions(bin / "gs", fs::perms::owner_all);
  const fs::path in = dir.path() / "in.pdf";
  Diagnostics warnings;
  print::write_pdf(in, {{100, 100, 3, {}}}, {"t", "a", "s", "nl"}, {}, warnings);
  const NoPrograms only_bin(bin);
  try {
    print::make_pdfx(in, dir.path() / "out.pdf");
    BOOST_FAIL("no error");
  } catch (const print::PrintError& e) {
    BOOST_TEST(std::string(e.what()).find("Unrecoverable error") != std::string::npos, e.what());
  }
  BOOST_TEST(!fs::exists(dir.path() / "out.pdf"));
  BOOST_TEST(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 2);  // bin, in.pdf
}

BOOST_AUTO_TEST_SUITE_END()
