// Issue 18: a font in a content root's fonts/ with one corrupted byte
// crashed the build inside cairo's font subsetter (about 1 in 6 fuzzed
// font sets). Fonts from a content root now go through the OpenType
// Sanitizer first. The corpus: 50 copies of real fonts (Inter, CFF; DejaVu
// Sans, TrueType), each with one seeded-random byte changed, each the
// theme's body family in a root of its own; every poster build ends with
// exit 0, 2 or 3 and never a signal or a hang.

#include "child.hpp"
#include "support.hpp"

#include <impactkit/core/file_io.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

struct Corpus {
  fs::path file;
  std::string family;
};

const std::vector<Corpus>& corpus_fonts() {
  static const std::vector<Corpus> fonts = {{"/usr/share/fonts/opentype/inter/Inter-Regular.otf", "Inter"},
                                            {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVu Sans"}};
  return fonts;
}

void write_bytes(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Root `n` of the corpus: the minimal fixture whose body and heading are
// set in a copy of a real font with byte `at` changed to `value`.
void corrupted_root(const fs::path& root, const Corpus& font, const std::string& bytes) {
  test::compose_fixture(root);
  fs::create_directories(root / "fonts");
  write_bytes(root / "fonts" / font.file.filename(), bytes);
  test::replace_in(root / "theme.yaml", "fonts:\n  body: Inter\n  heading: Inter\n",
                   "fonts:\n  body: " + font.family + "\n  heading: " + font.family + "\n");
}

std::vector<std::string> poster_build(const fs::path& root) {
  return {"build",
          root.string(),
          "-o",
          (root / "out").string(),
          "--only",
          "posters",
          "--poster",
          "route",
          "--case",
          "alpha",
          "--lang",
          "nl",
          "--size",
          "A4",
          "--preview-dpi",
          "0",
          "--jobs",
          "1"};
}

// Waits for `child` at most until `deadline`; nothing when it had to be killed.
std::optional<int> wait_until(test::Child& child, std::chrono::steady_clock::time_point deadline) {
  while (child.running()) {
    if (std::chrono::steady_clock::now() > deadline) {
      child.kill();
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return child.wait();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corrupt_fonts)

BOOST_AUTO_TEST_CASE(fifty_fonts_with_one_byte_changed_end_in_an_exit_code_never_a_signal) {
  for (const auto& font : corpus_fonts()) {
    if (!fs::exists(font.file)) {
      BOOST_TEST_MESSAGE("skipped: " << font.file << " is not installed");
      return;
    }
  }
  const test::TempDir dir;
  std::mt19937 random(18);  // seeded: the same corpus on every run
  constexpr int count = 50;
  constexpr std::size_t at_once = 4;
  std::vector<std::string> seen;
  int refused = 0;
  for (int first = 0; first < count; first += static_cast<int>(at_once)) {
    std::vector<std::unique_ptr<test::Child>> running;
    std::vector<std::string> names;
    for (int n = first; n < std::min(count, first + static_cast<int>(at_once)); ++n) {
      const Corpus& font = corpus_fonts()[static_cast<std::size_t>(n) % corpus_fonts().size()];
      std::string bytes = read_file(font.file).value();
      const std::size_t at = std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(random);
      const auto value = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(random));
      bytes[at] = bytes[at] == value ? static_cast<char>(~value) : value;
      const fs::path root = dir.path() / ("root" + std::to_string(n));
      corrupted_root(root, font, bytes);
      names.push_back(font.file.filename().string() + " with byte " + std::to_string(at) + " changed");
      running.push_back(std::make_unique<test::Child>(poster_build(root)));
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (std::size_t i = 0; i < running.size(); ++i) {
      const auto code = wait_until(*running[i], deadline);
      BOOST_TEST_REQUIRE(code.has_value(), names[i] << ": the build did not end within 60 s");
      BOOST_TEST((*code == 0 || *code == 2 || *code == 3), names[i] << ": exit " << *code
                                                                    << " (a negative code is a signal)\n"
                                                                    << running[i]->err());
      if (*code == 2) {
        ++refused;
        // A refused font is named, with the sanitiser's reason.
        BOOST_TEST(running[i]->err().find("fonts/") != std::string::npos, names[i] << ": " << running[i]->err());
      }
    }
  }
  BOOST_TEST_MESSAGE(refused << " of " << count << " damaged fonts refused");
}

// The very file, damaged where the sanitiser must refuse it (its first
// bytes, the sfnt version): `validate` reports it too, naming the file.
BOOST_AUTO_TEST_CASE(a_font_the_sanitiser_refuses_is_a_validate_error_naming_the_file) {
  const Corpus& font = corpus_fonts().front();
  if (!fs::exists(font.file)) return;
  const test::TempDir dir;
  std::string bytes = read_file(font.file).value();
  bytes[0] = 'X';
  corrupted_root(dir.path(), font, bytes);
  const auto validate = test::run_impactkit({"validate", dir.path().string()});
  BOOST_TEST(validate.exit_code == 2, validate.err);
  BOOST_TEST(validate.err.find("fonts/Inter-Regular.otf: error: font file '") != std::string::npos, validate.err);
  BOOST_TEST(validate.err.find("OpenType Sanitizer") != std::string::npos, validate.err);
  test::Child build(poster_build(dir.path()));
  const auto code = wait_until(build, std::chrono::steady_clock::now() + std::chrono::seconds(60));
  BOOST_TEST(code.value_or(-999) == 2, build.err());
  BOOST_TEST(!fs::exists(dir.path() / "out" / "posters"));
}

// A sound font in fonts/ still builds, and is the one set.
BOOST_AUTO_TEST_CASE(a_sound_font_in_fonts_still_builds) {
  const Corpus& font = corpus_fonts().back();
  if (!fs::exists(font.file)) return;
  const test::TempDir dir;
  corrupted_root(dir.path(), font, read_file(font.file).value());
  test::Child build(poster_build(dir.path()));
  const auto code = wait_until(build, std::chrono::steady_clock::now() + std::chrono::seconds(60));
  BOOST_TEST(code.value_or(-999) == 0, build.err());
}

BOOST_AUTO_TEST_SUITE_END()
