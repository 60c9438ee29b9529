#include <impactkit/pipeline/validate.hpp>

#include <impactkit/content/loader.hpp>
#include <impactkit/core/colour.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/core/root_file.hpp>
#include <impactkit/core/svg_links.hpp>
#include <impactkit/print/svg_budget.hpp>
#include <impactkit/products/theme_fonts.hpp>
#include <impactkit/text/font.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <thread>

namespace impactkit::pipeline {
namespace {

// An SVG of the content (the theme's logo, a case's image) within the
// budgets librsvg is given (print/svg_budget.hpp), its render time too:
// `validate` says so before a build spends minutes on it. `at` is where the content names it,
// or the file itself.
void check_svg(const std::filesystem::path& root, const std::filesystem::path& file, SourcePos at,
               Diagnostics& diagnostics) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext != ".svg" && ext != ".svgz") return;
  // Through the door, as the loader read it; it reports a file it refused.
  auto read = read_root_file(root / file, {root}, limits::max_image_file_bytes);
  if (read.error) return;
  std::optional<print::SvgProblem> problem = print::check_svg_budget(read.bytes);
  if (!problem) {
    // The SVGs it links (core/svg_links.hpp), each within the budgets; the
    // loader reported any other problem of its links.
    auto linked = resolve_svg_links(root / file, std::move(read.bytes), {root}, print::svg_budget_check());
    if (linked.problem && !linked.problem->budget) return;
    if (linked.problem) {
      problem = print::SvgProblem{std::move(linked.problem->what), std::move(linked.problem->expected),
                                  std::move(linked.problem->fix)};
    } else {
      // Drawn as librsvg will get it, its linked images in it.
      problem = print::check_svg_render_time(linked.bytes);
      if (!problem) return;
    }
  }
  std::string what = "'" + file.string() + "': " + problem->what;
  if (at.file.empty()) {
    at = SourcePos{file.string(), 0, 0};
    what = problem->what;  // the position names the file
  }
  diagnostics.error(at, what, problem->expected, problem->fix);
}

}  // namespace

namespace {

// theme.yaml's rule for the case themes' colours: at least CIEDE2000 ΔE 15
// from every official SDG colour, or a theme beside an SDG tile reads as
// that SDG (docs/templates.md, The theme palette). A warning: a house style
// may have its reasons.
void check_palette(const content::Roadshow& roadshow, Diagnostics& diagnostics) {
  constexpr double min_delta_e = 15;
  const auto& theme = roadshow.theme;
  for (std::size_t i = 0; i < theme.colors.size() && i < theme.color_pos.size(); ++i) {
    const auto& [name, hex] = theme.colors[i];
    const bool is_theme = std::any_of(roadshow.themes.begin(), roadshow.themes.end(),
                                      [&](const content::CaseTheme& t) { return t.id == name; });
    if (!is_theme) continue;
    const content::Sdg* closest = nullptr;
    double least = 0;
    for (const auto& sdg : roadshow.sdgs) {
      const auto d = colour::delta_e2000(hex, sdg.color);
      if (d && (!closest || *d < least)) {
        closest = &sdg;
        least = *d;
      }
    }
    if (!closest || least >= min_delta_e) continue;
    diagnostics.warning(
        theme.color_pos[i],
        fmt::format("theme colour '{}' #{} is ΔE2000 {:.1f} from SDG {}'s #{}: beside its tile, the theme reads as "
                    "that SDG",
                    name, hex, least, closest->number, closest->color),
        fmt::format("at least ΔE2000 {:.0f} from each of the {} SDG colours (see docs/templates.md, The theme palette)",
                    min_delta_e, roadshow.sdgs.size()),
        "choose another hue or a clearly darker colour; keep 4.5:1 with white as well");
  }
}

}  // namespace

void check_loaded(const content::Roadshow& roadshow, Diagnostics& diagnostics) {
  check_palette(roadshow, diagnostics);
  products::check_fonts(roadshow, diagnostics);
  if (!roadshow.theme.logo.empty()) check_svg(roadshow.root, roadshow.theme.logo, {}, diagnostics);
  for (const auto& c : roadshow.cases) {
    for (const auto& image : c.images) check_svg(roadshow.root, image.file, image.pos, diagnostics);
  }
}

content::Roadshow validate(const std::filesystem::path& root, Diagnostics& diagnostics) {
  // fontconfig reads its caches while the content loads, as in a build.
  std::jthread system_fonts(text::load_system_fonts);
  content::Roadshow roadshow = content::load_roadshow(root, diagnostics);
  system_fonts.join();
  check_loaded(roadshow, diagnostics);
  return roadshow;
}

}  // namespace impactkit::pipeline
