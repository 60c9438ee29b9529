#pragma once
// Helpers shared by the tests: paths, temporary folders, fixtures, and
// running the impactkit binary as a user would.

#include <impactkit/content/model.hpp>

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace impactkit::content {
// So that Boost.Test can print them when a check fails.
inline std::ostream& operator<<(std::ostream& os, CaseStatus s) {
  return os << name(s);
}
}  // namespace impactkit::content

namespace impactkit::test {

std::filesystem::path source_dir();
std::filesystem::path binary();

// A fresh folder under the system's temp folder, removed with its contents
// when the object goes.
class TempDir {
 public:
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Copies tests/fixtures/minimal into `dir`, lays tests/fixtures/bad/NAME over
// it (if NAME is not empty), removes the files its remove.txt names and pads
// the files its pad.txt names (see tests/fixtures/bad/README.md).
void compose_fixture(const std::filesystem::path& dir, const std::string& bad_name = {});
std::vector<std::string> bad_fixture_names();
// The lines of a file, without their newlines.
std::vector<std::string> read_lines(const std::filesystem::path& file);

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs `command` through the shell and returns what it printed on stdout
// (for the Poppler tools: pdfinfo, pdffonts, pdftotext).
std::string run_shell(const std::string& command);
// Runs of white space as one space: pdftotext breaks lines where the page does.
std::string squash(const std::string& text);

// Replaces the first `from` in `file` by `to`; fails the test when `from` is not there.
void replace_in(const std::filesystem::path& file, const std::string& from, const std::string& to);
// The 1-based line of the first occurrence of `needle` in `file`; 0 when there is none.
int line_of(const std::filesystem::path& file, const std::string& needle);

// The damaged copies of `file` that `reads` still accepts, each named: one
// with the bits of `flip` flipped at every byte of the first `dense`, then
// at every `step`-th; the file cut short (to 0, 10 and 20 bytes, half, one
// byte short); one byte too many. Empty when `reads` refuses them all.
std::vector<std::string> accepted_damage(const std::string& file, std::size_t dense, std::size_t step, char flip,
                                         const std::function<bool(const std::string&)>& reads);

// Runs the impactkit binary with `args` (each one argument, no shell) as a
// test::Child (child.hpp) and waits for it; exit code -1 when a signal ended it.
Result run_impactkit(const std::vector<std::string>& args, const std::filesystem::path& cwd = {});

}  // namespace impactkit::test
