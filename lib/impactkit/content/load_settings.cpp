// The products' settings in roadshow.yaml: posters, deck and exhibit.

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace impactkit::content::detail {
namespace fs = std::filesystem;

namespace {
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

void read_deck_cards(Reader& reader, const yaml::Node& node, DeckSettings& deck) {
  const std::vector<std::string> kinds(card_kind_names.begin(), card_kind_names.end());
  reader.list(node, "cards", [&](const yaml::Node& item) {
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

}  // namespace

namespace {

// Whether `bytes` begin as an ICC profile of a printer in CMYK (ICC.1
// 7.2: the profile class at byte 12, the colour space at 16, the
// signature at 36): the header alone, so that `validate` need not load a
// colour engine.
bool is_cmyk_printer_profile(std::string_view bytes) {
  return bytes.size() >= 128 && bytes.substr(36, 4) == "acsp" && bytes.substr(12, 4) == "prtr" &&
         bytes.substr(16, 4) == "CMYK";
}

}  // namespace

void read_print(Reader& reader, const yaml::Node& node, const fs::path& root, PrintSettings& print) {
  MapReader map(reader, node, "print", {"profile", "condition"});
  if (auto v = map.get("profile")) {
    if (auto path = reader.file_in_root(*v, "profile", root)) {
      const auto bytes = read_file(root / *path);
      if (bytes && is_cmyk_printer_profile(*bytes)) {
        print.profile = *path;
      } else {
        reader.error(*v, fmt::format("'{}' is not a CMYK printer profile", path->string()),
                     "an ICC profile of the print shop's printing condition (class prtr, colour space CMYK)",
                     "ask the print shop for its profile (e.g. ISOcoated_v2_eci.icc for FOGRA39), or leave "
                     "`profile` out for Ghostscript's default CMYK profile");
      }
    }
  }
  if (auto v = map.get("condition")) print.condition = reader.string(*v, "condition").value_or("");
}

void read_posters(Reader& reader, const yaml::Node& node, PosterSettings& posters) {
  MapReader map(reader, node, "posters", {"size", "orientation", "bleed_mm"});
  if (auto v = map.get("size"))
    posters.size = reader.choice(*v, "poster size", {"A0", "A1", "A2", "A3", "A4"}).value_or(posters.size);
  if (auto v = map.get("orientation")) {
    posters.orientation = reader.choice(*v, "orientation", {"portrait", "landscape"}).value_or(posters.orientation);
  }
  if (auto v = map.get("bleed_mm"))
    posters.bleed_mm = reader.number_mm(*v, "bleed_mm", 0, 20).value_or(posters.bleed_mm);
}

void read_deck(Reader& reader, const yaml::Node& node, DeckSettings& deck) {
  MapReader map(
      reader, node, "deck",
      {"card_size", "bleed_mm", "sheet", "duplex", "back_offset_mm", "crop_marks", "gutter_mm", "cards", "questions"});
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
  if (auto v = map.get("gutter_mm")) deck.gutter_mm = reader.number_mm(*v, "gutter_mm", 0, 20);
  if (auto v = map.get("cards")) read_deck_cards(reader, *v, deck);
  if (auto v = map.get("questions")) {
    reader.list(*v, "questions",
                [&](const yaml::Node& item) { deck.questions.push_back(reader.text(item, "question")); });
  }
}

void read_forms(Reader& reader, const yaml::Node& node, FormSettings& forms) {
  MapReader map(reader, node, "forms", {"sizes", "sheet", "bleed_mm", "next"});
  forms.pos = map.pos();
  forms.sizes_pos = forms.pos;
  if (auto v = map.get("sizes")) {
    forms.sizes_pos = reader.pos(*v);
    std::vector<std::string> sizes;
    reader.list(*v, "sizes", [&](const yaml::Node& item) {
      const auto size = reader.choice(item, "form size", {"A5", "A6"});
      if (size && std::find(sizes.begin(), sizes.end(), *size) == sizes.end()) sizes.push_back(*size);
    });
    if (!sizes.empty()) forms.sizes = std::move(sizes);
  }
  if (auto v = map.get("sheet")) forms.sheet = reader.choice(*v, "sheet", {"A4", "A3", "letter"}).value_or(forms.sheet);
  if (auto v = map.get("bleed_mm")) forms.bleed_mm = reader.number_mm(*v, "bleed_mm", 0, 5).value_or(forms.bleed_mm);
  if (auto v = map.get("next")) forms.next = reader.text(*v, "next");
}

void read_material(Reader& reader, const yaml::Node& node, Material& m) {
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

void read_exhibit(Reader& reader, const yaml::Node& node, ExhibitSettings& exhibit) {
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
    exhibit.fit_test = reader.choice(*v, "fit_test", {"true", "false"}).value_or("true") == "true";
  }
}

}  // namespace impactkit::content::detail
