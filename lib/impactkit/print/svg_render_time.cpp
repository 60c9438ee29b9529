// The render-time budget of an untrusted SVG (declared in svg_budget.hpp).

#include <impactkit/core/child_process.hpp>
#include <impactkit/core/digest.hpp>
#include <impactkit/print/svg_budget.hpp>

#include <fmt/format.h>

#include <map>
#include <mutex>

namespace impactkit::print {
namespace {

std::optional<SvgProblem> try_render(std::string_view bytes) {
  const auto program = find_program("rsvg-convert");
  if (!program) {
    return SvgProblem{"the SVG cannot be checked: rsvg-convert is not installed", "rsvg-convert (librsvg2-bin)",
                      "install the Debian package librsvg2-bin (scripts/setup does)"};
  }
  ProgramOptions options;
  // CPU time, not time on the clock: on a busy machine (a CI runner, a
  // fuzzer beside it) a logo that draws in 0.3 s can take 10 s to finish.
  options.cpu_limit = std::chrono::seconds(svg_limits::max_render_seconds);
  options.timeout = std::chrono::seconds(svg_limits::max_render_seconds * 6);
  options.input = bytes;
  options.max_output = 0;  // the PNG is drawn to be timed, not kept
  // From standard input: no base file, so it loads no other file either.
  const ProgramRun run = run_program(
      *program,
      {"--width", std::to_string(svg_limits::render_probe_width_px), "--keep-aspect-ratio", "--format", "png"},
      options);
  if (run.end == ProgramRun::End::over_cpu_limit || run.end == ProgramRun::End::timed_out) {
    return SvgProblem{fmt::format("the SVG takes more than {} s to draw at {} px wide", svg_limits::max_render_seconds,
                                  svg_limits::render_probe_width_px),
                      fmt::format("an SVG drawn in under {} s", svg_limits::max_render_seconds),
                      "simplify its filters (turbulence octaves, blurs, lighting) in the program that made it, or "
                      "export it as a PNG"};
  }
  if (run.end == ProgramRun::End::signalled) {
    return SvgProblem{"librsvg crashes on the SVG", "an SVG librsvg can draw",
                      "export it again, or export it as a PNG"};
  }
  // A broken SVG (a nonzero exit) is the image loader's to report.
  return std::nullopt;
}

}  // namespace

std::optional<SvgProblem> check_svg_render_time(std::string_view bytes) {
  const std::string key = Digest().add(bytes).hex();
  static std::mutex mutex;
  static std::map<std::string, std::optional<SvgProblem>> tried;
  {
    const std::lock_guard lock(mutex);
    if (auto it = tried.find(key); it != tried.end()) return it->second;
  }
  auto result = try_render(bytes);
  const std::lock_guard lock(mutex);
  tried.emplace(key, result);
  return result;
}

}  // namespace impactkit::print
