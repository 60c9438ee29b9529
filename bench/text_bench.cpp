// In-process benchmarks of the typesetter: the work it does per text box,
// without the process start and font loading that bench/run's process
// benchmarks include. Prints a table like impactkit-bench's.
//
//   impactkit-text-bench SOURCE_DIR [--runs N]

#include <impactkit/core/file_io.hpp>
#include <impactkit/text/typesetter.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

using namespace impactkit::text;

namespace {

void measure(const std::string& name, int runs, const std::function<bool()>& work) {
  work();  // warm caches: fonts, shaping plans, hyphenation patterns
  std::vector<double> ms;
  bool ok = true;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    ok = work() && ok;
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  fmt::print("{:<24} {:>6} {:>11.3f} {:>11.3f} {:>11.3f}{}\n", name, runs, ms[ms.size() / 2], ms.front(), ms.back(),
             ok ? "" : "  (did not fit)");
}

std::string first_words(const std::string& text, int count) {
  std::istringstream in(text);
  std::string out;
  std::string word;
  for (int i = 0; i < count && in >> word; ++i) out += (out.empty() ? "" : " ") + word;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: impactkit-text-bench SOURCE_DIR [--runs N]\n");
    return 64;
  }
  const int runs = argc >= 4 && std::string(argv[2]) == "--runs" ? std::max(1, std::atoi(argv[3])) : 200;
  const auto sample = impactkit::read_file(std::string(argv[1]) + "/tests/text/dutch-sample.txt");
  if (!sample) {
    fmt::print(stderr, "cannot read tests/text/dutch-sample.txt under {}\n", argv[1]);
    return 1;
  }
  const std::string words600 = first_words(*sample, 600);
  const std::string words60 = first_words(*sample, 60);

  FontLibrary fonts;
  Typesetter typesetter(fonts);
  TextStyle justified;
  justified.align = Align::justify;

  fmt::print("{:<24} {:>6} {:>11} {:>11} {:>11}\n", "in-process benchmark", "runs", "median ms", "min ms", "max ms");
  // 600 words in two justified columns on an A4-wide box.
  measure("text-600-words-columns", runs, [&] {
    return typesetter.set(words600, justified, {480, 2000, 2, 18}, 10).fits();
  });
  // 60 words fitted into the text box of a poker card (63 x 88 mm less margins).
  measure("text-fit-60-words-card", runs, [&] {
    return typesetter.fit(words60, justified, {145, 200, 1, 0}, 5, 14).fits();
  });
  return 0;
}
