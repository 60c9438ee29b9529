// Writes the seed corpus of fuzz_markup: every text of the repository's
// content (roadshow.yaml, cases/*.yaml, the starter's and the locales'
// YAML) that is long enough to carry markup, one file per text.
//
//   impactkit-fuzz-markup-seeds OUT_DIR FILE.yaml...
//
// Reads libyaml's events directly: the library's YAML tree is internal to
// lib/impactkit/content. A text is a scalar that is not a key of a map.

#include <yaml.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Parser {
  yaml_parser_t parser;
  Parser() { yaml_parser_initialize(&parser); }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t event{};
  Event() = default;
  ~Event() { yaml_event_delete(&event); }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
};

// Adds the texts of one file; false (with a message) if it is not YAML.
bool collect(const char* file, std::set<std::string>& texts) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();
  Parser p;
  yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  // For each open collection: whether it is a map, and whether its next node is a key.
  std::vector<std::pair<bool, bool>> open;
  auto value_done = [&] {
    if (!open.empty() && open.back().first) open.back().second = !open.back().second;
  };
  for (;;) {
    Event e;
    if (!yaml_parser_parse(&p.parser, &e.event)) {
      std::fprintf(stderr, "%s:%zu:%zu: %s\n", file, p.parser.problem_mark.line + 1, p.parser.problem_mark.column + 1,
                   p.parser.problem ? p.parser.problem : "not YAML");
      return false;
    }
    switch (e.event.type) {
      case YAML_SCALAR_EVENT: {
        const bool key = !open.empty() && open.back().first && open.back().second;
        const auto& s = e.event.data.scalar;
        if (!key && s.length >= 12) texts.emplace(reinterpret_cast<const char*>(s.value), s.length);
        value_done();
        break;
      }
      case YAML_ALIAS_EVENT:  // its texts were taken where it is anchored
        value_done();
        break;
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT:
        open.emplace_back(e.event.type == YAML_MAPPING_START_EVENT, true);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        open.pop_back();
        value_done();
        break;
      case YAML_STREAM_END_EVENT:
        return true;
      default:
        break;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUT_DIR FILE.yaml...\n", argv[0]);
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out);
  std::set<std::string> texts;
  for (int i = 2; i < argc; ++i) {
    if (!collect(argv[i], texts)) return 1;
  }
  int n = 0;
  for (const auto& text : texts) {
    std::ofstream(out / ("text-" + std::to_string(n++))) << text;
  }
  std::printf("%d texts\n", n);
  return 0;
}
