// libFuzzer target: the template loader on one templates/NAME.yaml.
// It must report problems as diagnostics, and return a template only when
// there are none: it must not crash, leak, hang or throw.

#include "scratch_root.hpp"

#include <impactkit/content/loader.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const impactkit::fuzz::ScratchRoot scratch;
  static const impactkit::content::Languages languages;
  impactkit::fuzz::put(scratch.path() / "fuzz.yaml", {reinterpret_cast<const char*>(data), size});

  impactkit::Diagnostics diagnostics;
  const auto t = impactkit::content::load_template("fuzz", {scratch.path()}, languages, diagnostics);
  if (t.has_value() == diagnostics.has_errors()) std::abort();
  return 0;
}
