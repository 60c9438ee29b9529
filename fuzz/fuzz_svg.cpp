// libFuzzer target: an untrusted SVG (a logo, a template's or a card's
// image) through its budgets (print/svg_budget) and, when within them,
// loaded as the image loader does (print::Image): its linked images put in
// (core/svg_links; the scratch folder holds a PNG and an SVG to link), its
// render time tried by rsvg-convert (a child process), then librsvg. Besides not
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
  // A 1x1 PNG and an SVG that links it, for inputs that link them.
  static const bool linked_files = [] {
    impactkit::fuzz::put(
        root.path() / "photo.png",
        std::string_view(
            "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
            "\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\xf0\x1f\x00\x05\x00"
            "\x01\xff\x89\x99\x3d\x1d\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
            70));
    impactkit::fuzz::put(root.path() / "other.svg",
                         "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'>"
                         "<image href='photo.png' width='4' height='4'/></svg>");
    return true;
  }();
  (void)linked_files;
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
