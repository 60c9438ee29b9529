#pragma once
// Budgets for an untrusted SVG (a logo, a template's or a card's image),
// checked before librsvg sees it: a 1.2 KB logo of nested <use> of a
// blurred group took librsvg 175 s of CPU per poster. The SVG is read with
// libxml2 (no network, no entity substitution, no DTD loaded) and its
// elements, filters and references counted, each reference (`href="#id"`,
// `url(#id)`) expanded as librsvg would draw it. A pure function: no file
// is read, nothing is drawn.

#include <impactkit/core/svg_links.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace impactkit::print {

// The budgets (docs/limits.md lists them).
namespace svg_limits {
inline constexpr std::uint64_t max_elements = 20'000;            // elements in the file
inline constexpr std::uint64_t max_expanded_elements = 100'000;  // drawn, every reference expanded
inline constexpr int max_reference_depth = 8;                    // <use> of a <use> of ...
inline constexpr std::uint64_t max_filters = 50;                 // <filter> elements in the file
inline constexpr std::uint64_t max_expanded_filtered = 500;      // elements drawn through a filter, expanded
inline constexpr int max_nesting = 256;                          // elements inside elements
// The render-time budget: drawn once at this width, an SVG must be done in
// this time (see check_svg_render_time).
inline constexpr int render_probe_width_px = 1000;
inline constexpr int max_render_seconds = 10;
}  // namespace svg_limits

// What is wrong with an SVG, as a sentence without the file's name, and
// what to do about it.
struct SvgProblem {
  std::string what;
  std::string expected;
  std::string fix;
};

// Nothing when the SVG `bytes` is within every budget.
std::optional<SvgProblem> check_svg_budget(std::string_view bytes);

// The render-time budget, for what counting cannot see: one <feTurbulence
// numOctaves="400"> passes every count above and takes librsvg two minutes.
// The SVG (within check_svg_budget) is drawn once by rsvg-convert, the same
// librsvg in a child process, ended at the budget of CPU time: a render in
// this process could not be stopped. Each SVG (by its bytes) is tried once per
// process. Nothing when it draws in time; a problem when it does not,
// when librsvg crashes on it, or when rsvg-convert is not installed.
std::optional<SvgProblem> check_svg_render_time(std::string_view bytes);

// check_svg_budget for each SVG another SVG links (core/svg_links.hpp),
// its problems marked `budget`.
SvgCheck svg_budget_check();

}  // namespace impactkit::print
