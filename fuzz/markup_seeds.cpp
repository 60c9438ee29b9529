// Writes the seed corpus of fuzz_markup: every text of the repository's
// content (roadshow.yaml, cases/*.yaml, the starter's and the locales'
// YAML) that is long enough to carry markup, one file per text.
//
//   impactkit-fuzz-markup-seeds OUT_DIR FILE.yaml...

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUT_DIR FILE.yaml...\n", argv[0]);
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out);
  std::set<std::string> texts;
  const std::function<void(const YAML::Node&)> walk = [&](const YAML::Node& node) {
    if (node.IsScalar()) {
      if (node.Scalar().size() >= 12) texts.insert(node.Scalar());
    } else if (node.IsSequence()) {
      for (const auto& item : node) walk(item);
    } else if (node.IsMap()) {
      for (const auto& entry : node) walk(entry.second);
    }
  };
  for (int i = 2; i < argc; ++i) {
    try {
      walk(YAML::LoadFile(argv[i]));
    } catch (const YAML::Exception& e) {
      std::fprintf(stderr, "%s: %s\n", argv[i], e.what());
      return 1;
    }
  }
  int n = 0;
  for (const auto& text : texts) {
    std::ofstream(out / ("text-" + std::to_string(n++))) << text;
  }
  std::printf("%d texts\n", n);
  return 0;
}
