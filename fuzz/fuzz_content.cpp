// libFuzzer target: the content loader on a case file or a roadshow.yaml.
//
// The input's first byte chooses the file: even, the bytes after it are
// cases/alpha.yaml; odd, they are roadshow.yaml. The other files come from
// tests/fixtures/minimal, copied once into a scratch root, so that a case is
// loaded through a valid roadshow and a roadshow finds a theme, SDGs and a
// case. The loader must report problems as diagnostics: it must not crash,
// leak, hang or throw.

#include "scratch_root.hpp"

#include <impactkit/content/loader.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>

namespace fs = std::filesystem;

namespace {

struct Root {
  impactkit::fuzz::ScratchRoot scratch;
  std::string roadshow, alpha;  // the fixture's own files, to put back
  fs::path written;             // the file the last input replaced

  Root() {
    const fs::path fixture = fs::path(IMPACTKIT_SOURCE_DIR) / "tests/fixtures/minimal";
    fs::copy(fixture, scratch.path(), fs::copy_options::recursive);
    roadshow = read(scratch.path() / "roadshow.yaml");
    alpha = read(scratch.path() / "cases/alpha.yaml");
  }
  static std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Root root;
  if (size == 0) return -1;  // not kept in the corpus
  const bool is_roadshow = (data[0] & 1) != 0;
  const fs::path file = root.scratch.path() / (is_roadshow ? "roadshow.yaml" : "cases/alpha.yaml");
  // Put back the file the previous input replaced, if it was the other one.
  if (!root.written.empty() && root.written != file) {
    impactkit::fuzz::put(root.written, root.written.filename() == "roadshow.yaml" ? root.roadshow : root.alpha);
  }
  impactkit::fuzz::put(file, {reinterpret_cast<const char*>(data) + 1, size - 1});
  root.written = file;

  impactkit::Diagnostics diagnostics;
  const auto roadshow = impactkit::content::load_roadshow(root.scratch.path(), diagnostics);
  // Every diagnostic has a file to point at.
  for (const auto& d : diagnostics.all()) {
    if (d.pos.file.empty()) std::abort();
  }
  return 0;
}
