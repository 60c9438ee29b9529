// The confrontation wheel in roadshow.yaml: its disc, hub and sectors.

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

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

// After the cases are loaded: a sector's case must be one of them; a sector
// without a colour takes its case's or theme's, else the theme's primary.
void resolve_wheel(Roadshow& roadshow, Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  for (const auto& c : roadshow.cases) ids.push_back(c.id);
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
    if (sector.color.empty()) {
      const CaseTheme* own = roadshow.find_theme(sector.theme);
      sector.color = own && !own->color.empty() ? own->color : roadshow.theme.color("primary").value_or("1D4F91");
    }
  }
}

}  // namespace impactkit::content::detail
