// The confrontation wheel in roadshow.yaml: its disc, hub and sectors.

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

namespace impactkit::content::detail {

namespace {

using limits::max_wheel_sectors;
using limits::min_wheel_sectors;

void read_wheel_sector(Reader& reader, const yaml::Node& item, const Theme& theme, WheelSettings& wheel) {
  MapReader map(reader, item, "wheel sector", {"label", "colour", "case", "theme", "too_little", "with_impact"});
  if (!map.is_map()) return;
  WheelSector sector;
  sector.pos = map.pos();
  if (auto v = map.required("label", "a short text, e.g. Gas blijft")) {
    sector.label_pos = reader.pos(*v);
    sector.label = reader.text(*v, "label");
  }
  if (auto v = map.get("case")) {
    sector.case_pos = reader.pos(*v);
    sector.case_id = reader.id(*v, "case id").value_or("");
  }
  if (auto v = map.get("theme")) {
    sector.theme_pos = reader.pos(*v);
    sector.theme = reader.id(*v, "theme").value_or("");  // checked against `themes:` after loading
    if (!sector.case_id.empty()) {
      reader.error(*v, "a sector refers to a case or to a theme, not both", "`case:` or `theme:`",
                   "remove `theme:` (the case has its own)");
    }
  }
  if (auto v = map.get("colour")) {
    const auto name = reader.string(*v, "colour");
    if (name) {
      if (auto hex = theme.color(*name)) {
        sector.color = *hex;
      } else {
        std::vector<std::string> names;
        for (const auto& [n, hex_value] : theme.colors) names.push_back(n);
        const auto near = closest(*name, names);
        reader.error(*v, fmt::format("'{}' is neither a colour of the theme nor six hex digits", *name),
                     fmt::format("one of {}, or six hex digits such as \"E07B00\"", fmt::join(names, ", ")),
                     near ? fmt::format("did you mean '{}'?", *near) : "add the colour to the theme's `colors:`");
      }
    }
  }
  if (auto v = map.required("too_little", "a short text: what happens if we do too little")) {
    sector.too_little = reader.text(*v, "too_little");
  }
  if (auto v = map.required("with_impact", "a short text: what doing more achieves")) {
    sector.with_impact = reader.text(*v, "with_impact");
  }
  wheel.sectors.push_back(std::move(sector));
}

}  // namespace

void read_wheel(Reader& reader, const yaml::Node& node, const Theme& theme, WheelSettings& wheel) {
  MapReader map(reader, node, "wheel", {"diameter_mm", "sectors", "hub", "material", "peg_diameter_mm", "volvelle"});
  wheel.pos = map.pos();
  wheel.diameter_pos = wheel.pos;
  wheel.sectors_pos = wheel.pos;
  if (auto v = map.get("diameter_mm")) {
    wheel.diameter_pos = reader.pos(*v);
    wheel.diameter_mm = reader.number_mm(*v, "diameter_mm", 100, 2000).value_or(wheel.diameter_mm);
  }
  if (auto v = map.get("sectors")) {
    wheel.sectors_pos = reader.pos(*v);
    const bool is_list =
        reader.list(*v, "sectors", [&](const yaml::Node& item) { read_wheel_sector(reader, item, theme, wheel); });
    if (is_list && (v->size() < min_wheel_sectors || v->size() > max_wheel_sectors)) {
      reader.error(*v, fmt::format("a wheel of {} sector{} cannot be made", v->size(), v->size() == 1 ? "" : "s"),
                   fmt::format("from {} to {} sectors (5 to 12 read best)", min_wheel_sectors, max_wheel_sectors),
                   v->size() < min_wheel_sectors ? "add sectors: one per case, or per theme"
                                                 : "keep the sectors that confront most, or make a second wheel");
    }
  }
  if (auto v = map.get("hub")) {
    wheel.hub = reader.choice(*v, "hub", {"608", "two-bearings"}).value_or("608") == "two-bearings"
                    ? WheelHub::two_bearings
                    : WheelHub::bearing_608;
  }
  if (auto v = map.get("material")) {
    Material m;
    read_material(reader, *v, m);
    wheel.material = m;
  }
  if (auto v = map.get("peg_diameter_mm")) {
    wheel.peg_diameter_mm = reader.number_mm(*v, "peg_diameter_mm", 3, 12).value_or(wheel.peg_diameter_mm);
  }
  if (auto v = map.get("volvelle")) {
    wheel.volvelle_sheet = reader.choice(*v, "volvelle", {"A4", "A3"}).value_or(wheel.volvelle_sheet);
  }
}

namespace {

// Sector colours by default: neighbours of the same theme would merge into
// one wedge, so along a run of them every second sector takes a shade of the
// theme colour (mixed with 30 % black: about ΔE2000 11-13 from the theme
// colour, and darker, so that white labels keep their contrast). A wheel all
// of one colour with an odd number of sectors would close its run on two
// neighbours alike: its last sector takes a deeper shade (55 % black).
constexpr double neighbour_shade = 0.30;
constexpr double closing_shade = 0.55;

std::string shade(const std::string& hex, double black) {
  if (hex.size() != 6) return hex;
  std::string out;
  for (std::size_t i = 0; i < 6; i += 2) {
    const int c = std::stoi(hex.substr(i, 2), nullptr, 16);
    out += fmt::format("{:02X}", static_cast<int>(std::lround(c * (1 - black))));
  }
  return out;
}

// `given[k]`: sector k names its own colour, which is kept as it is.
void shade_neighbours(std::vector<WheelSector>& sectors, const std::vector<bool>& given) {
  const std::size_t n = sectors.size();
  if (n < 2) return;
  const std::vector<std::string> base = [&] {
    std::vector<std::string> b;
    for (const auto& s : sectors) b.push_back(s.color);
    return b;
  }();
  const auto joins = [&](std::size_t k) {  // sector k continues the run of sector k - 1
    const std::size_t prev = (k + n - 1) % n;
    return !given[k] && !given[prev] && base[k] == base[prev];
  };
  std::size_t start = 0;
  while (start < n && joins(start)) ++start;
  const bool one_run = start == n;
  if (one_run) start = 0;
  std::size_t index = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t k = (start + i) % n;
    index = i > 0 && joins(k) ? index + 1 : 0;
    if (given[k]) continue;
    if (one_run && n % 2 == 1 && i == n - 1) {
      sectors[k].color = shade(base[k], closing_shade);
    } else if (index % 2 == 1) {
      sectors[k].color = shade(base[k], neighbour_shade);
    }
  }
}

}  // namespace

// After the cases are loaded: a sector's case must be one of them; a sector
// without a colour takes its case's or theme's (shaded where its neighbour
// has the same, see shade_neighbours), else the theme's primary.
void resolve_wheel(Roadshow& roadshow, Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  for (const auto& c : roadshow.cases) ids.push_back(c.id);
  std::vector<bool> given;
  for (auto& sector : roadshow.wheel.sectors) {
    const Case* c = sector.case_id.empty() ? nullptr : roadshow.find_case(sector.case_id);
    if (!sector.case_id.empty() && !c) {
      const auto near = closest(sector.case_id, ids);
      diagnostics.error(
          sector.case_pos,
          fmt::format("the wheel refers to case '{}', which the roadshow does not list", sector.case_id),
          fmt::format("one of {}", fmt::join(ids, ", ")),
          near ? fmt::format("did you mean '{}'?", *near) : "list the case under `cases:`, or remove `case:`");
    }
    if (c && sector.theme.empty()) sector.theme = c->theme;
    given.push_back(!sector.color.empty());
    if (sector.color.empty()) {
      const CaseTheme* own = roadshow.find_theme(sector.theme);
      sector.color = own && !own->color.empty() ? own->color : roadshow.theme.color("primary").value_or("1D4F91");
    }
  }
  shade_neighbours(roadshow.wheel.sectors, given);
}

}  // namespace impactkit::content::detail
