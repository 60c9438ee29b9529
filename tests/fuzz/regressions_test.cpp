// The fuzz targets' findings (fuzz/, docs/fuzzing.md), kept as tests: every
// input under fuzz/regressions/TARGET/ and every hand-written seed under
// fuzz/corpus/TARGET/ is run through the same code as the target, in the
// normal build and under the sanitizers (the `asan` preset). A finding also
// gets a test of its own here for the error it now gives.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/text/markup.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>

namespace fs = std::filesystem;
using namespace impactkit;
using test::TempDir;

namespace {

// The findings of `target` (fuzz/regressions/TARGET) and its hand-written
// seeds (fuzz/corpus/TARGET: nesting far too deep, alias bombs, markup
// corner cases).
std::vector<fs::path> inputs(const std::string& target) {
  std::vector<fs::path> files;
  for (const char* folder : {"regressions", "corpus"}) {
    const fs::path dir = test::source_dir() / "fuzz" / folder / target;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void put(const fs::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// As fuzz/fuzz_content.cpp: the first byte chooses the file (even: the
// case, odd: roadshow.yaml) of the minimal fixture that the rest replaces.
Diagnostics load_content(std::string_view input) {
  TempDir dir;
  test::compose_fixture(dir.path());
  Diagnostics diagnostics;
  if (input.empty()) return diagnostics;
  const bool is_roadshow = (static_cast<unsigned char>(input[0]) & 1) != 0;
  put(dir.path() / (is_roadshow ? "roadshow.yaml" : "cases/alpha.yaml"), input.substr(1));
  content::load_roadshow(dir.path(), diagnostics);
  return diagnostics;
}

// As fuzz/fuzz_template.cpp.
Diagnostics load_template(std::string_view input, std::optional<layout::Template>* loaded = nullptr) {
  TempDir dir;
  put(dir.path() / "fuzz.yaml", input);
  Diagnostics diagnostics;
  auto t = content::load_template("fuzz", {dir.path()}, content::Languages{}, diagnostics);
  if (loaded) *loaded = std::move(t);
  return diagnostics;
}

std::string read(const fs::path& file) {
  return read_file(file).value_or("");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fuzz_regressions)

BOOST_AUTO_TEST_CASE(every_content_input_loads_with_errors_and_without_crashing) {
  const auto files = inputs("content");
  BOOST_TEST(!files.empty());
  for (const auto& file : files) {
    BOOST_TEST_MESSAGE(file.filename().string());
    const auto diagnostics = load_content(read(file));
    // Each of them is broken content, and says so.
    BOOST_TEST(diagnostics.has_errors(), file.filename().string());
  }
}

BOOST_AUTO_TEST_CASE(every_template_input_loads_without_crashing) {
  const auto files = inputs("template");
  BOOST_TEST(!files.empty());
  for (const auto& file : files) {
    BOOST_TEST_MESSAGE(file.filename().string());
    std::optional<layout::Template> t;
    const auto diagnostics = load_template(read(file), &t);
    BOOST_TEST(t.has_value() != diagnostics.has_errors());
  }
}

BOOST_AUTO_TEST_CASE(every_markup_input_parses) {
  const auto files = inputs("markup");
  BOOST_TEST(!files.empty());
  for (const auto& file : files) {
    BOOST_TEST_MESSAGE(file.filename().string());
    for (const auto& block : text::parse_markup(read(file))) {
      for (const auto& span : block.spans) BOOST_TEST(!span.text.empty());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
