// In-process benchmarks of the fabrication engine: the benchmark box by
// stage (parts, kerf, nesting, SVG), and the whole flat-pack exhibit nested
// onto sheets, with its utilisation.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/box.hpp>
#include <impactkit/fab/job.hpp>
#include <impactkit/fab/joint.hpp>
#include <impactkit/fab/kerf.hpp>
#include <impactkit/fab/nest.hpp>
#include <impactkit/fab/svg_writer.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include <fmt/format.h>

using namespace impactkit::fab;

namespace {

double median_ms(int runs, const std::function<void()>& work) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

// The exhibit as issue 6 sketches it: 8 double-sided panels of 580 × 1780 mm,
// each cut in two tiles (1180 and 600 mm long) joined by a splice, two feet
// per panel with cross-lap slots, bolted T-slot braces, the card-deck box and
// the wheel's disc — on 1200 × 600 mm sheets of 6 mm birch plywood.
std::vector<Part> exhibit(const JointSettings& s) {
  std::vector<Part> parts;
  for (int panel = 1; panel <= 8; ++panel) {
    const std::string p = fmt::format("P{} ", panel);
    for (const auto& [name, length] : {std::pair{"tile A", 1180.0}, std::pair{"tile B", 600.0}}) {
      Part tile{p + name, walk({straight(length), straight(580), straight(length), straight(580)}),
                {},       {},
                {},       Grain::along_x,
                {}};
      for (double x : {40.0, length - 40})
        for (double y : {40.0, 540.0}) tile.holes.push_back(through_hole({x, y}, 5));
      parts.push_back(std::move(tile));
    }
    for (int foot = 1; foot <= 2; ++foot) {
      parts.push_back(Part{fmt::format("{}foot {}", p, foot),
                           walk({cross_laps(400, {200}, 40, s), straight(80), straight(400), straight(80)}),
                           {},
                           {},
                           {},
                           Grain::any,
                           {}});
    }
    Part brace{p + "brace", walk({straight(200), straight(60), t_slots(200, {50, 150}, s), straight(60)}),
               {},          {},
               {},          Grain::any,
               {}};
    parts.push_back(std::move(brace));
  }
  auto box = finger_box({110, 80, 70}, s, "deck box ");
  parts.insert(parts.end(), box.begin(), box.end());
  Part disc{"wheel", through_hole({290, 290}, 580), {through_hole({290, 290}, 8)}, {}, {}, Grain::any, {}};
  parts.push_back(std::move(disc));
  return parts;
}

}  // namespace

// With a FOLDER argument, also writes the exhibit's sheets there, to look at.
int main(int argc, char** argv) {
  JointSettings s;
  s.thickness_mm = 6;
  const double kerf = 0.2;
  impactkit::Diagnostics diags;
  const Sheet sheet{1200, 600, "birch-plywood-6"};
  NestSettings settings;
  settings.kerf_mm = kerf;

  std::vector<Part> box;
  const double parts_ms = median_ms(50, [&] { box = finger_box({400, 300, 200}, s); });
  std::vector<Part> cut;
  const double kerf_ms = median_ms(50, [&] {
    cut.clear();
    for (const Part& p : box) cut.push_back(*compensate(p, kerf, diags));
  });
  Nesting nesting;
  const double nest_ms = median_ms(20, [&] { nesting = nest(cut, sheet, settings, diags); });
  std::size_t bytes = 0;
  const double svg_ms = median_ms(50, [&] {
    bytes = 0;
    for (std::size_t i = 0; i < nesting.sheets.size(); ++i)
      bytes += sheet_svg(parts_on(nesting, i, cut), sheet, default_shop()).size();
  });
  std::printf(
      "box-400x300x200 by stage (median): parts %.3f ms, kerf %.3f ms, nest %.2f ms (%zu sheets), svg %.3f ms (%zu "
      "bytes)\n",
      parts_ms, kerf_ms, nest_ms, nesting.sheets.size(), svg_ms, bytes);

  const auto designed = exhibit(s);
  std::vector<Part> exhibit_cut;
  exhibit_cut.reserve(designed.size());
  for (const Part& p : designed) exhibit_cut.push_back(*compensate(p, kerf, diags));
  const double exhibit_ms = median_ms(3, [&] { nesting = nest(exhibit_cut, sheet, settings, diags); });
  double used = 0;
  for (const auto& l : nesting.sheets) used += l.utilisation;
  std::printf("exhibit-nest: %zu parts on %zu sheets in %.0f ms (median of 3), utilisation %.1f %% overall, per sheet:",
              exhibit_cut.size(), nesting.sheets.size(), exhibit_ms,
              100 * used / static_cast<double>(nesting.sheets.size()));
  for (const auto& l : nesting.sheets) std::printf(" %.0f", 100 * l.utilisation);
  std::printf(" %%\n");
  if (argc > 1) {
    Job job;
    job.name = "exhibit";
    job.sheet = sheet;
    CutPlan layout{exhibit_cut, nesting, {}, std::nullopt};
    write_laser_files(job, layout, default_shop(), argv[1]);
  }
  for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", impactkit::format(d).c_str());
  return diags.has_errors() ? 1 : 0;
}
