// roadshow.yaml, and from it everything else of a content root.

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/content/detail/root_links.hpp>
#include <impactkit/content/loader.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

namespace impactkit::content {
namespace fs = std::filesystem;
using detail::MapReader;
using detail::Reader;

namespace {

void read_languages(Reader& reader, const YAML::Node& node, Languages& languages) {
  MapReader map(reader, node, "languages", {"default", "available"});
  if (auto v = map.get("default")) languages.default_language = reader.string(*v, "default").value_or("nl");
  languages.available = {languages.default_language};
  if (auto v = map.get("available")) {
    std::vector<std::string> available;
    reader.list(*v, "available", [&](const YAML::Node& item) {
      auto code = reader.string(item, "language");
      if (!code) return;
      const bool ok =
          code->size() == 2 && std::all_of(code->begin(), code->end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (!ok) {
        reader.error(item, fmt::format("'{}' is not a language code", *code), "a two-letter code such as nl or en");
      } else if (std::find(available.begin(), available.end(), *code) != available.end()) {
        reader.error(item, fmt::format("language '{}' is listed twice", *code), "each language once");
      } else {
        available.push_back(*code);
      }
    });
    if (std::find(available.begin(), available.end(), languages.default_language) == available.end()) {
      reader.error(
          *v, fmt::format("the default language '{}' is not among the available languages", languages.default_language),
          "`available` to include the default language", "add it to `available`");
      available.insert(available.begin(), languages.default_language);
    }
    languages.available = available;
  }
}

void read_contact(Reader& reader, const YAML::Node& node, Contact& contact) {
  MapReader map(reader, node, "contact", {"team", "email", "phone", "url", "location"});
  if (auto v = map.required("team", "the team's name")) contact.team = reader.text(*v, "team");
  const auto optional = [&](const char* key, std::string& out) {
    if (auto v = map.get(key)) out = reader.string(*v, key).value_or("");
  };
  optional("email", contact.email);
  optional("phone", contact.phone);
  optional("url", contact.url);
  optional("location", contact.location);
}

void read_intro(Reader& reader, const YAML::Node& node, Intro& intro) {
  MapReader map(reader, node, "intro", {"headline", "text", "figures", "sources"});
  if (!map.is_map()) return;
  if (auto v = map.required("headline", "a text")) intro.headline = reader.text(*v, "headline");
  if (auto v = map.required("text", "a text")) intro.text = reader.text(*v, "text");
  if (auto v = map.required("sources", "a list of sources")) intro.sources = detail::read_sources(reader, *v);
  if (auto v = map.required("figures", "a list of key figures")) {
    intro.figures = detail::read_figures(reader, *v, intro.sources);
  }
}

void read_roles(Reader& reader, const YAML::Node& node, std::vector<Role>& roles) {
  reader.list(node, "roles", [&](const YAML::Node& item) {
    MapReader map(reader, item, "role", {"id", "name", "description"});
    if (!map.is_map()) return;
    Role role;
    if (auto v = map.required("id", "a short id, e.g. inkoper")) {
      role.id = reader.id(*v, "role id").value_or("");
      const bool dup = std::any_of(roles.begin(), roles.end(), [&](const Role& r) { return r.id == role.id; });
      if (dup && !role.id.empty()) {
        reader.error(*v, fmt::format("duplicate role id '{}'", role.id), "each role once", "remove the repeat");
      }
    }
    if (auto v = map.required("name", "a text")) role.name = reader.text(*v, "name");
    if (auto v = map.required("description", "a text: what this role can do for impact")) {
      role.description = reader.text(*v, "description");
    }
    roles.push_back(std::move(role));
  });
}

void read_posters(Reader& reader, const YAML::Node& node, PosterSettings& posters) {
  MapReader map(reader, node, "posters", {"size", "orientation", "bleed_mm"});
  if (auto v = map.get("size"))
    posters.size = reader.choice(*v, "poster size", {"A0", "A1", "A2", "A3", "A4"}).value_or(posters.size);
  if (auto v = map.get("orientation")) {
    posters.orientation = reader.choice(*v, "orientation", {"portrait", "landscape"}).value_or(posters.orientation);
  }
  if (auto v = map.get("bleed_mm"))
    posters.bleed_mm = reader.number_mm(*v, "bleed_mm", 0, 20).value_or(posters.bleed_mm);
}

// A card size by name, or "WxH" in mm.
std::optional<std::pair<double, double>> card_size_mm(std::string_view name) {
  if (name == "poker") return std::pair{63.0, 88.0};
  if (name == "bridge") return std::pair{57.0, 89.0};
  if (name == "tarot") return std::pair{70.0, 120.0};
  if (name == "a7") return std::pair{74.0, 105.0};
  const auto x = name.find('x');
  if (x == std::string_view::npos) return std::nullopt;
  try {
    std::size_t used_w = 0;
    std::size_t used_h = 0;
    const std::string w(name.substr(0, x));
    const std::string h(name.substr(x + 1));
    const double width = std::stod(w, &used_w);
    const double height = std::stod(h, &used_h);
    if (used_w != w.size() || used_h != h.size()) return std::nullopt;
    return std::pair{width, height};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void read_deck_cards(Reader& reader, const YAML::Node& node, DeckSettings& deck) {
  const std::vector<std::string> kinds(card_kind_names.begin(), card_kind_names.end());
  reader.list(node, "cards", [&](const YAML::Node& item) {
    MapReader map(reader, item, "card kind", {"kind", "quantity", "goals"});
    if (!map.is_map()) return;
    DeckEntry entry;
    entry.pos = map.pos();
    if (auto v = map.required("kind", "one of " + fmt::format("{}", fmt::join(kinds, ", ")))) {
      const auto kind = reader.choice(*v, "card kind", kinds);
      if (!kind) return;
      entry.kind = static_cast<CardKind>(std::find(kinds.begin(), kinds.end(), *kind) - kinds.begin());
      const bool twice =
          std::any_of(deck.cards.begin(), deck.cards.end(), [&](const DeckEntry& e) { return e.kind == entry.kind; });
      if (twice) {
        reader.error(*v, fmt::format("card kind '{}' is listed twice", *kind), "each kind once",
                     "remove the repeat, or raise the first one's quantity");
        return;
      }
    }
    if (auto v = map.get("quantity")) {
      entry.quantity = static_cast<int>(reader.integer(*v, "quantity", 0, 100).value_or(1));
    }
    if (auto v = map.get("goals")) {
      if (entry.kind != CardKind::sdg) {
        reader.error(*v, "only sdg cards have `goals`", "`goals` under `kind: sdg`", "remove `goals` here");
      } else {
        entry.all_goals = reader.choice(*v, "goals", {"used", "all"}).value_or("used") == "all";
      }
    }
    deck.cards.push_back(entry);
  });
}

void read_deck(Reader& reader, const YAML::Node& node, DeckSettings& deck) {
  MapReader map(reader, node, "deck",
                {"card_size", "bleed_mm", "sheet", "duplex", "back_offset_mm", "crop_marks", "cards", "questions"});
  deck.pos = map.pos();
  if (auto v = map.get("card_size")) {
    const auto text = reader.string(*v, "card size");
    const auto size = text ? card_size_mm(*text) : std::nullopt;
    if (text && (!size || size->first < 30 || size->second < 30 || size->first > 200 || size->second > 300)) {
      reader.error(*v, fmt::format("'{}' is not a card size", *text),
                   "poker (63x88), bridge (57x89), tarot (70x120), a7 (74x105), or WxH in mm from 30x30 to 200x300",
                   "write e.g. card_size: poker or card_size: 60x90");
    } else if (size) {
      deck.card_size = *text;
      deck.card_width_mm = size->first;
      deck.card_height_mm = size->second;
    }
  }
  if (auto v = map.get("bleed_mm")) deck.bleed_mm = reader.number_mm(*v, "bleed_mm", 0, 10).value_or(deck.bleed_mm);
  if (auto v = map.get("sheet")) deck.sheet = reader.choice(*v, "sheet", {"A4", "A3", "letter"}).value_or(deck.sheet);
  if (auto v = map.get("duplex")) {
    deck.short_edge = reader.choice(*v, "duplex", {"long-edge", "short-edge"}).value_or("long-edge") == "short-edge";
  }
  if (auto v = map.get("back_offset_mm")) {
    MapReader offset(reader, *v, "back_offset_mm", {"x", "y"});
    if (auto n = offset.get("x")) deck.back_offset_x_mm = reader.number_mm(*n, "x", -10, 10).value_or(0);
    if (auto n = offset.get("y")) deck.back_offset_y_mm = reader.number_mm(*n, "y", -10, 10).value_or(0);
  }
  if (auto v = map.get("crop_marks")) {
    deck.crop_marks = reader.choice(*v, "crop_marks", {"true", "false"}).value_or("true") == "true";
  }
  if (auto v = map.get("cards")) read_deck_cards(reader, *v, deck);
  if (auto v = map.get("questions")) {
    reader.list(*v, "questions",
                [&](const YAML::Node& item) { deck.questions.push_back(reader.text(item, "question")); });
  }
}

void read_material(Reader& reader, const YAML::Node& node, Material& m) {
  MapReader material(reader, node, "material", {"name", "laser", "thickness_mm", "measured_thickness_mm"});
  if (auto n = material.get("name")) m.name = reader.string(*n, "name").value_or(m.name);
  if (auto n = material.get("laser")) {
    m.laser_pos = reader.pos(*n);
    m.laser = reader.string(*n, "laser").value_or(m.laser);
  }
  if (auto n = material.get("thickness_mm"))
    m.thickness_mm = reader.number_mm(*n, "thickness_mm", 0.5, 50).value_or(m.thickness_mm);
  m.measured_thickness_mm = m.thickness_mm;
  if (auto n = material.get("measured_thickness_mm")) {
    m.measured_thickness_mm = reader.number_mm(*n, "measured_thickness_mm", 0.5, 50).value_or(m.thickness_mm);
  }
}

void read_exhibit(Reader& reader, const YAML::Node& node, ExhibitSettings& exhibit) {
  MapReader map(reader, node, "exhibit",
                {"material", "kerf_mm", "clearance_mm", "sheet", "panel", "foot", "poster_size", "shop", "fit_test"});
  exhibit.pos = map.pos();
  exhibit.kerf_pos = exhibit.pos;
  exhibit.panel_pos = exhibit.pos;
  exhibit.sheet_pos = exhibit.pos;
  exhibit.foot_pos = exhibit.pos;
  if (auto v = map.get("material")) read_material(reader, *v, exhibit.material);
  if (auto v = map.get("kerf_mm")) {
    exhibit.kerf_pos = reader.pos(*v);
    exhibit.kerf_mm = reader.number_mm(*v, "kerf_mm", 0, 2).value_or(exhibit.kerf_mm);
  }
  if (auto v = map.get("clearance_mm")) {
    exhibit.clearance_mm = reader.number_mm(*v, "clearance_mm", -0.5, 2).value_or(exhibit.clearance_mm);
  }
  if (auto v = map.get("sheet")) {
    exhibit.sheet_pos = reader.pos(*v);
    MapReader sheet(reader, *v, "sheet", {"width_mm", "height_mm"});
    if (auto n = sheet.required("width_mm", "the sheet's width in mm")) {
      exhibit.sheet_width_mm = reader.number_mm(*n, "width_mm", 50, 5000).value_or(exhibit.sheet_width_mm);
    }
    if (auto n = sheet.required("height_mm", "the sheet's height in mm")) {
      exhibit.sheet_height_mm = reader.number_mm(*n, "height_mm", 50, 5000).value_or(exhibit.sheet_height_mm);
    }
  }
  if (auto v = map.get("panel")) {
    exhibit.panel_pos = reader.pos(*v);
    MapReader panel(reader, *v, "panel", {"width_mm", "height_mm"});
    if (auto n = panel.get("width_mm"))
      exhibit.panel_width_mm = reader.number_mm(*n, "width_mm", 200, 3000).value_or(exhibit.panel_width_mm);
    if (auto n = panel.get("height_mm"))
      exhibit.panel_height_mm = reader.number_mm(*n, "height_mm", 300, 3000).value_or(exhibit.panel_height_mm);
  }
  if (auto v = map.get("foot")) {
    exhibit.foot_pos = reader.pos(*v);
    MapReader foot(reader, *v, "foot", {"length_mm", "height_mm"});
    if (auto n = foot.get("length_mm"))
      exhibit.foot_length_mm = reader.number_mm(*n, "length_mm", 100, 2000).value_or(exhibit.foot_length_mm);
    if (auto n = foot.get("height_mm"))
      exhibit.foot_height_mm = reader.number_mm(*n, "height_mm", 40, 500).value_or(exhibit.foot_height_mm);
  }
  if (auto v = map.get("poster_size")) {
    exhibit.poster_size = reader.choice(*v, "poster size", {"A1", "A2", "A3", "A4"}).value_or(exhibit.poster_size);
  }
  if (auto v = map.get("shop")) exhibit.shop = reader.choice(*v, "shop", {"default", "blue-cut"}).value_or("default");
  if (auto v = map.get("fit_test")) {
    exhibit.fit_test = reader.choice(*v, "fit_test", {"true", "false"}).value_or("false") == "true";
  }
}

using limits::max_wheel_sectors;
using limits::min_wheel_sectors;

void read_wheel_sector(Reader& reader, const YAML::Node& item, const Theme& theme, WheelSettings& wheel) {
  MapReader map(reader, item, "wheel sector", {"label", "colour", "case", "theme", "te_weinig", "met_impact"});
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
    const std::vector<std::string> themes(case_theme_names.begin(), case_theme_names.end());
    if (auto t = reader.choice(*v, "theme", themes)) {
      sector.theme = static_cast<CaseTheme>(std::find(themes.begin(), themes.end(), *t) - themes.begin());
    }
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
  if (auto v = map.required("te_weinig", "a short text: what happens if we do too little")) {
    sector.te_weinig = reader.text(*v, "te_weinig");
  }
  if (auto v = map.required("met_impact", "a short text: what doing more achieved")) {
    sector.met_impact = reader.text(*v, "met_impact");
  }
  wheel.sectors.push_back(std::move(sector));
}

void read_wheel(Reader& reader, const YAML::Node& node, const Theme& theme, WheelSettings& wheel) {
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
        reader.list(*v, "sectors", [&](const YAML::Node& item) { read_wheel_sector(reader, item, theme, wheel); });
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
    if (c && !sector.theme) sector.theme = c->theme;
    if (sector.color.empty()) {
      const auto own = sector.theme ? roadshow.theme.color(name(*sector.theme)) : std::nullopt;
      sector.color = own.value_or(roadshow.theme.color("primary").value_or("1D4F91"));
    }
  }
}

struct Listed {
  std::string id;
  SourcePos pos;
};

// Loads the listed cases on all cores: parsing YAML is most of a load's
// time, and cases are independent. Each keeps its own diagnostics, merged in
// list order, so the report is the same however the threads ran.
void load_cases(Roadshow& roadshow, const std::vector<Listed>& listed, Diagnostics& diagnostics) {
  std::vector<std::optional<Case>> cases(listed.size());
  std::vector<Diagnostics> found(listed.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < listed.size(); i = next++) {
      cases[i] = detail::load_case(roadshow.root, listed[i].id, listed[i].pos, found[i], roadshow.languages);
    }
  };
  const unsigned threads =
      std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), static_cast<unsigned>(listed.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (std::size_t i = 0; i < listed.size(); ++i) {
    diagnostics.append(found[i]);
    if (cases[i]) roadshow.cases.push_back(std::move(*cases[i]));
  }
}

// Reads `cases:` and loads every case it lists, in order.
void read_cases(Reader& reader, const YAML::Node& node, Roadshow& roadshow) {
  std::vector<std::pair<std::string, int>> listed;  // id, line
  std::vector<Listed> to_load;
  if (node.IsSequence() && node.size() > limits::max_cases) {
    // Reported at the first case too many; none is loaded, the roadshow is not usable as it is.
    reader.error(node[limits::max_cases], fmt::format("more than {} cases", limits::max_cases),
                 fmt::format("at most {} cases in one roadshow", limits::max_cases),
                 "make a roadshow per theme or region, each with its own cases");
    return;
  }
  reader.list(node, "cases", [&](const YAML::Node& item) {
    auto id = reader.id(item, "case id");
    if (!id) return;
    const auto dup = std::find_if(listed.begin(), listed.end(), [&](const auto& l) { return l.first == *id; });
    if (dup != listed.end()) {
      reader.error(item, fmt::format("duplicate case id '{}'; first listed at line {}", *id, dup->second),
                   "each case once", "remove the repeat, or give the other case its own id");
      return;
    }
    listed.emplace_back(*id, reader.pos(item).line);
    to_load.push_back({*id, reader.pos(item)});
  });
  load_cases(roadshow, to_load, reader.diagnostics());
  if (node.IsSequence() && node.size() == 0) {
    reader.warning(node, "the roadshow has no cases", "a list of case ids", "add one with `impactkit new case ID`");
  }
  // A case file that is not listed is easy to forget: say so.
  std::error_code ec;
  const fs::path folder = roadshow.root / "cases";
  if (!fs::is_directory(folder, ec)) return;
  std::set<fs::path> unlisted;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string stem = entry.path().stem().string();
    if (std::none_of(listed.begin(), listed.end(), [&](const auto& l) { return l.first == stem; })) {
      unlisted.insert(entry.path().filename());
    }
  }
  for (const auto& file : unlisted) {
    reader.diagnostics().warning({detail::display_name(roadshow.root, fs::path("cases") / file), 0, 0},
                                 "this case is not listed in roadshow.yaml, so the roadshow leaves it out", {},
                                 fmt::format("add '- {}' to `cases:` in roadshow.yaml", file.stem().string()));
  }
}

}  // namespace

Roadshow load_roadshow(const fs::path& root, Diagnostics& diagnostics) {
  return load_roadshow(root, diagnostics, {});
}

Roadshow load_roadshow(const fs::path& root, Diagnostics& diagnostics,
                       const std::function<void(const Languages&)>& languages_read) {
  Roadshow roadshow;
  roadshow.root = root;
  const std::string shown = detail::display_name(root, roadshow_file_name);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    diagnostics.error({root.string(), 0, 0}, fmt::format("the content root '{}' is not a folder", root.string()), {},
                      "give the folder that holds roadshow.yaml, e.g. `-C path/to/roadshow`");
    return roadshow;
  }
  if (!fs::exists(root / roadshow_file_name, ec)) {
    diagnostics.error({shown, 0, 0}, "no roadshow.yaml: this folder is not a content root", {},
                      "run impactkit in a content root, or point at one with `-C DIR`");
    return roadshow;
  }
  detail::check_links_stay_in_root(root, diagnostics);
  const auto doc = detail::parse_yaml_file(root / roadshow_file_name, shown, {shown, 0, 0}, diagnostics);
  if (!doc) return roadshow;

  Reader reader(shown, diagnostics, roadshow.languages);
  MapReader map(reader, *doc, "roadshow",
                {"title", "subtitle", "organisation", "contact", "languages", "theme", "sdgs", "cases", "intro",
                 "roles", "posters", "deck", "exhibit", "wheel"});
  if (!map.is_map()) return roadshow;
  // Languages first: every text depends on them.
  if (auto v = map.get("languages")) read_languages(reader, *v, roadshow.languages);
  if (languages_read) languages_read(roadshow.languages);
  if (auto v = map.required("title", "a text")) roadshow.title = reader.text(*v, "title");
  if (auto v = map.get("subtitle")) roadshow.subtitle = reader.text(*v, "subtitle");
  if (auto v = map.required("organisation", "who runs the roadshow")) {
    roadshow.organisation = reader.string(*v, "organisation").value_or("");
  }
  if (auto v = map.required("contact", "a map with at least `team`")) read_contact(reader, *v, roadshow.contact);
  if (auto v = map.required("theme", "the path of the theme file, e.g. theme.yaml")) {
    if (auto path = reader.file_in_root(*v, "theme", root)) {
      if (auto theme = detail::load_theme(root, *path, reader.pos(*v), diagnostics, roadshow.languages)) {
        roadshow.theme = std::move(*theme);
      }
    }
  }
  fs::path sdg_file = "sdgs.yaml";
  SourcePos sdg_from{shown, 0, 0};
  if (auto v = map.get("sdgs")) {
    sdg_from = reader.pos(*v);
    sdg_file = reader.file_in_root(*v, "sdgs", root).value_or(fs::path());
  }
  if (!sdg_file.empty()) roadshow.sdgs = detail::load_sdgs(root, sdg_file, sdg_from, diagnostics, roadshow.languages);
  if (auto v = map.required("intro", "a map with headline, text, figures and sources")) {
    read_intro(reader, *v, roadshow.intro);
  }
  if (auto v = map.required("roles", "a list of workshop roles")) read_roles(reader, *v, roadshow.roles);
  if (auto v = map.get("posters")) read_posters(reader, *v, roadshow.posters);
  if (auto v = map.get("deck")) read_deck(reader, *v, roadshow.deck);
  if (auto v = map.get("exhibit")) read_exhibit(reader, *v, roadshow.exhibit);
  if (auto v = map.get("wheel")) read_wheel(reader, *v, roadshow.theme, roadshow.wheel);
  if (auto v = map.required("cases", "a list of case ids")) read_cases(reader, *v, roadshow);
  resolve_wheel(roadshow, diagnostics);
  return roadshow;
}

}  // namespace impactkit::content
