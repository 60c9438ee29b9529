#include "support.hpp"

#include "child.hpp"

#include <impactkit/core/file_io.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace impactkit::test {
namespace fs = std::filesystem;

fs::path source_dir() {
  return IMPACTKIT_SOURCE_DIR;
}
fs::path binary() {
  return IMPACTKIT_BINARY;
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "impactkit-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

void compose_fixture(const fs::path& dir, const std::string& bad_name) {
  const fs::path fixtures = source_dir() / "tests" / "fixtures";
  fs::copy(fixtures / "minimal", dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  if (bad_name.empty()) return;
  const fs::path bad = fixtures / "bad" / bad_name;
  fs::copy(bad, dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  for (const auto& rel : read_lines(bad / "remove.txt")) fs::remove(dir / rel);
  // "FILE BYTES": FILE grows with comment lines to at least BYTES, so that a
  // fixture for the file size limit need not keep a megabyte in git.
  for (const auto& line : read_lines(bad / "pad.txt")) {
    const auto space = line.rfind(' ');
    const fs::path file = dir / line.substr(0, space);
    const auto bytes = std::stoul(line.substr(space + 1));
    std::string text = read_file(file).value_or("");
    const std::string comment = "# " + std::string(77, '.') + "\n";
    while (text.size() < bytes) text += comment;
    write_file_atomically(file, text);
  }
  for (const char* own : {"remove.txt", "pad.txt", "expected.txt", "command.txt", "exit.txt"}) fs::remove(dir / own);
}

std::vector<std::string> bad_fixture_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests" / "fixtures" / "bad")) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> read_lines(const fs::path& file) {
  std::vector<std::string> lines;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string squash(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space) out += c;
    if (space && !out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

std::string run_shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::array<char, 4096> buffer{};
  while (const std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

Result run_impactkit(const std::vector<std::string>& args, const fs::path& cwd) {
  ChildOptions options;
  options.cwd = cwd;
  Child child(args, options);
  const int code = child.wait();
  Result r;
  r.exit_code = code >= 0 ? code : -1;  // ended by a signal
  r.out = child.out();
  r.err = child.err();
  return r;
}

void replace_in(const std::filesystem::path& file, const std::string& from, const std::string& to) {
  std::string text = read_file(file).value();
  const auto at = text.find(from);
  BOOST_TEST_REQUIRE(at != std::string::npos, "'" << from << "' not in " << file);
  text.replace(at, from.size(), to);
  write_file_atomically(file, text);
}

int line_of(const std::filesystem::path& file, const std::string& needle) {
  const std::string text = read_file(file).value();
  const auto at = text.find(needle);
  if (at == std::string::npos) return 0;
  return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
}

std::vector<std::string> accepted_damage(const std::string& file, std::size_t dense, std::size_t step, char flip,
                                         const std::function<bool(const std::string&)>& reads) {
  std::vector<std::string> accepted;
  for (std::size_t at = 0; at < file.size(); at += at < dense ? 1 : step) {
    std::string damaged = file;
    damaged[at] = static_cast<char>(damaged[at] ^ flip);
    if (reads(damaged)) accepted.push_back("a flipped byte at " + std::to_string(at));
  }
  for (const std::size_t keep : {std::size_t{0}, std::size_t{10}, std::size_t{20}, file.size() / 2, file.size() - 1}) {
    if (keep < file.size() && reads(file.substr(0, keep))) accepted.push_back("cut to " + std::to_string(keep));
  }
  if (reads(file + "x")) accepted.emplace_back("one byte too many");
  return accepted;
}

}  // namespace impactkit::test
