#pragma once
// The images an SVG links (`<image href="photo.png">`), put into the SVG
// before librsvg sees it. librsvg is given an SVG's bytes without a base
// file, so that it reads nothing around the content root's door; a logo
// that links the bitmap next to it was then silently printed without it.
// Here each linked file is read through the door (core/root_file.hpp), with
// the folders and limit the SVG was read with, and its href replaced by a
// data: URL. A linked SVG is resolved the same way first. Anything else is
// refused: a URL, an absolute path, a file that is not a PNG, JPEG or SVG,
// an SVG that links itself or leads back to one that links it, nesting too
// deep, and more bytes in all than a budget (docs/limits.md).
//
// In core, not print, because the content loader (`validate`) resolves
// with the content root as the allowed folder, where it can name the YAML
// line; the print backend resolves again when it draws.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit {

namespace svg_link_limits {
// An SVG linking an SVG linking ...: as deep as references inside one SVG
// (print::svg_limits::max_reference_depth).
inline constexpr int max_depth = 8;
// The data: URLs put into one SVG, in all (base64: about 6 MiB of files).
// Below libxml2's limit of 10,000,000 bytes for one attribute, which
// librsvg parses with (no XML_PARSE_HUGE): a larger data: URL would make
// the SVG unreadable to it.
inline constexpr std::uint64_t max_data_bytes = std::uint64_t{8} * 1024 * 1024;
}  // namespace svg_link_limits

// What is wrong, as a sentence without the SVG's name, what was expected
// and what to do about it. `budget`: a linked SVG is over a budget of the
// check given to resolve_svg_links (the others are the resolver's own).
struct SvgLinkProblem {
  std::string what;
  std::string expected;
  std::string fix;
  bool budget = false;
};

// A check of each linked SVG's own bytes before it is resolved (the print
// backend's budgets); nothing when it passes.
using SvgCheck = std::function<std::optional<SvgLinkProblem>(std::string_view svg)>;

struct LinkedSvg {
  std::string bytes;  // the SVG with its links inlined; unchanged when it links no file
  std::optional<SvgLinkProblem> problem;
};

// Resolves the `<image>` links of the SVG `bytes`, read from `file`:
// relative references against `file`'s folder, read through the door with
// `within` (empty: anywhere). An SVG that is not well-formed is returned
// as it is (its budget check says why). An SVG without an external
// `<image>` is not written again.
LinkedSvg resolve_svg_links(const std::filesystem::path& file, std::string bytes,
                            const std::vector<std::filesystem::path>& within, const SvgCheck& check = {});

// `bytes` in base64 (RFC 4648, with padding).
std::string base64(std::string_view bytes);

}  // namespace impactkit
