// libFuzzer target: an untrusted SVG (a logo, a template's or a card's
// image) through its budgets (print/svg_budget) and, when within them,
// loaded by librsvg as the image loader does (print::Image). Besides not
// crashing, the budget check must agree with itself, and an SVG it passes
// must load, or be refused with a PrintError, in bounded time.

#include "scratch_root.hpp"

#include <impactkit/print/image.hpp>
#include <impactkit/print/svg_budget.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const impactkit::fuzz::ScratchRoot root;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto problem = impactkit::print::check_svg_budget(bytes);
  if (problem && problem->what.empty()) std::abort();  // a refusal always says why
  if (problem || size > 64 * 1024) return 0;
  const auto file = root.path() / "logo.svg";
  impactkit::fuzz::put(file, bytes);
  try {
    const impactkit::print::Image image(file, impactkit::print::ImageTarget::pdf);
  } catch (const impactkit::print::PrintError&) {
    // refused with a message: what a build reports
  }
  return 0;
}
