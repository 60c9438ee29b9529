#pragma once
// The repository's content root copied into `dir`, with the first `from` of
// its roadshow.yaml replaced by `to`: a roadshow one setting away from ours.

#include <impactkit/core/file_io.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>

namespace impactkit::test {

inline std::filesystem::path root_with(const TempDir& dir, const std::string& from, const std::string& to) {
  namespace fs = std::filesystem;
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(source_dir() / item, dir.path() / item, fs::copy_options::recursive);
  }
  std::string text = read_file(dir.path() / "roadshow.yaml").value();
  const auto at = text.find(from);
  BOOST_TEST_REQUIRE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
  write_file_atomically(dir.path() / "roadshow.yaml", text);
  return dir.path();
}

}  // namespace impactkit::test
