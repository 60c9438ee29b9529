// The shape of the code that docs/architecture.md promises, read from the
// sources themselves: the folders of lib/impactkit include each other
// without cycles, layout stays pure, products never reach up into the
// build session, and no file grows past 500 lines.

#include "support.hpp"

#include <impactkit/core/file_io.hpp>

#include <boost/test/unit_test.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using impactkit::read_file;
using impactkit::test::source_dir;

namespace {

struct Include {
  fs::path file;  // relative to the repository
  std::string target;  // what is between < > or " "
};

std::vector<fs::path> sources(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(source_dir() / dir)) {
    const auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) out.push_back(e.path());
  }
  return out;
}

std::vector<Include> includes_of(const fs::path& folder) {
  static const std::regex line(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  std::vector<Include> out;
  for (const auto& file : sources(folder)) {
    std::istringstream text(read_file(file).value());
    std::smatch m;
    for (std::string l; std::getline(text, l);) {
      if (std::regex_search(l, m, line)) out.push_back({file.lexically_relative(source_dir()), m[1].str()});
    }
  }
  return out;
}

// The stage an include of <impactkit/STAGE/...> names; empty for others.
std::string stage_of(const std::string& target) {
  static const std::regex stage(R"(^impactkit/([a-z_]+)/)");
  std::smatch m;
  return std::regex_search(target, m, stage) ? m[1].str() : std::string();
}

std::map<std::string, std::set<std::string>> stage_graph() {
  std::map<std::string, std::set<std::string>> graph;
  for (const auto& dir : fs::directory_iterator(source_dir() / "lib" / "impactkit")) {
    if (!dir.is_directory()) continue;
    const std::string from = dir.path().filename().string();
    auto& edges = graph[from];
    for (const auto& inc : includes_of(dir.path().lexically_relative(source_dir()))) {
      const std::string to = stage_of(inc.target);
      if (!to.empty() && to != from) edges.insert(to);
    }
  }
  return graph;
}

// A cycle through `at`, as "a -> b -> a"; empty when there is none.
std::string cycle_from(const std::map<std::string, std::set<std::string>>& graph, const std::string& at,
                       std::vector<std::string>& path, std::set<std::string>& done) {
  if (std::find(path.begin(), path.end(), at) != path.end()) {
    std::string out;
    for (auto it = std::find(path.begin(), path.end(), at); it != path.end(); ++it) out += *it + " -> ";
    return out + at;
  }
  if (done.count(at)) return {};
  path.push_back(at);
  if (const auto it = graph.find(at); it != graph.end()) {
    for (const auto& next : it->second) {
      if (auto cycle = cycle_from(graph, next, path, done); !cycle.empty()) return cycle;
    }
  }
  path.pop_back();
  done.insert(at);
  return {};
}

}  // namespace

BOOST_AUTO_TEST_CASE(stages_include_each_other_without_cycles) {
  const auto graph = stage_graph();
  BOOST_TEST(graph.size() >= 8u);  // core, content, text, layout, print, fab, products, pipeline
  std::set<std::string> done;
  for (const auto& [stage, edges] : graph) {
    std::vector<std::string> path;
    BOOST_TEST(cycle_from(graph, stage, path, done).empty(), "include cycle: " << cycle_from(graph, stage, path, done));
  }
}

BOOST_AUTO_TEST_CASE(the_build_session_sits_above_the_products) {
  const auto graph = stage_graph();
  for (const char* below : {"core", "content", "text", "layout", "print", "fab", "products"}) {
    BOOST_TEST(graph.at(below).count("pipeline") == 0u, below << " includes pipeline");
  }
  BOOST_TEST(graph.at("core").empty());
  BOOST_TEST(graph.at("content") == std::set<std::string>{"core"});
}

BOOST_AUTO_TEST_CASE(layout_is_pure) {
  for (const auto& inc : includes_of("lib/impactkit/layout")) {
    const std::string stage = stage_of(inc.target);
    BOOST_TEST(stage != "print", inc.file << " includes " << inc.target);
    BOOST_TEST(inc.target.find("content/detail") == std::string::npos, inc.file << " includes " << inc.target);
    for (const char* io : {"filesystem", "fstream", "cstdio", "stdio.h", "unistd.h", "fcntl.h"}) {
      BOOST_TEST(inc.target != io, inc.file << " includes <" << inc.target << ">: layout does no I/O");
    }
  }
}

BOOST_AUTO_TEST_CASE(no_source_file_is_longer_than_500_lines) {
  for (const char* dir : {"lib", "cli"}) {
    for (const auto& file : sources(dir)) {
      const std::string text = read_file(file).value();
      const auto lines = std::count(text.begin(), text.end(), '\n');
      BOOST_TEST(lines <= 500, file.lexically_relative(source_dir()) << " has " << lines << " lines");
    }
  }
}
