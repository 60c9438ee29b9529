#include <impactkit/fab/nest.hpp>

// libnest2d 5.0 is header-only; its Debian package declares none of the
// packages it needs: Clipper (polyclipping), NLopt (the optimiser of its
// placer) and Boost.Geometry. Its Radians type compares ambiguously under
// C++20's rewritten comparisons (Radians and Degrees convert into each
// other); an exact overload, declared before the library uses it, resolves
// that without touching the library.
#include <libnest2d/common.hpp>
namespace libnest2d {
inline bool operator==(const Radians& a, const Radians& b) {
  return static_cast<double>(a) == static_cast<double>(b);
}
inline bool operator!=(const Radians& a, const Radians& b) {
  return !(a == b);
}
}  // namespace libnest2d
#include <libnest2d/libnest2d.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numbers>
#include <numeric>
#include <system_error>

#include <fmt/format.h>

namespace impactkit::fab {

namespace {

constexpr double units_per_mm = 1000.0;  // libnest2d works in integers: 1 µm

using Placer = libnest2d::NfpPlacer;

// The polygon that stands for a part while nesting: the convex hull of its
// outline (libnest2d's no-fit polygons are exact only for convex shapes),
// a circle by a polygon around it.
Polygon nesting_shape(const Part& part) {
  if (part.outline.is_circle()) {
    // A regular 48-gon whose edges touch the circle from outside: flatten's
    // corners lie on its circle, and with its own corner count the grown
    // radius fell short (the geometry check found a disc 0.1 mm inside
    // the sheet's margin).
    const int n = 48;
    const Circle& c = *part.outline.circle;
    return regular_polygon({c.centre, c.radius_mm / std::cos(std::numbers::pi / n)}, n);
  }
  return convex_hull(part.outline.polygon);
}

ClipperLib::Path to_nest_path(const Polygon& p) {
  ClipperLib::Path path;
  for (const Point& q : p) path.emplace_back(std::llround(q.x * units_per_mm), std::llround(q.y * units_per_mm));
  // libnest2d wants clockwise (in its y-up sense) and closed contours.
  if (ClipperLib::Orientation(path)) std::reverse(path.begin(), path.end());
  path.push_back(path.front());
  return path;
}

std::vector<int> allowed_turns(Grain g) {
  switch (g) {
    case Grain::along_x:
      return {0, 2};
    case Grain::along_y:
      return {1, 3};
    case Grain::any:
      break;
  }
  return {0, 1, 2, 3};
}

bool fits(const Bounds& b, double width_mm, double height_mm) {
  return b.width_mm() <= width_mm && b.height_mm() <= height_mm;
}

// Shelf packing of the parts' bounding boxes (first fit by decreasing
// height, each part lying as flat as its grain allows). It is no match for
// no-fit polygons on irregular parts, but rectangular parts (box sides,
// panel tiles) it packs well, fast, and it never overlaps. Returns the
// placements per sheet, in sheet order.
struct ShelfItem {
  std::size_t part;
  Polygon shape;  // as nested (not turned)
  std::vector<int> turns;
};

std::vector<std::vector<PlacedPart>> shelf_pack(const std::vector<ShelfItem>& items, double usable_w, double usable_h,
                                                double edge, double spacing) {
  struct Oriented {
    std::size_t item;
    int turns;
    Bounds box;
  };
  std::vector<Oriented> order;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::optional<Oriented> best;
    for (int t : items[i].turns) {
      const Bounds b = bounds(place(Placement{t, {}}, items[i].shape));
      if (b.width_mm() > usable_w || b.height_mm() > usable_h) continue;
      if (!best || b.height_mm() < best->box.height_mm()) best = Oriented{i, t, b};
    }
    if (best) order.push_back(*best);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const Oriented& a, const Oriented& b) { return a.box.height_mm() > b.box.height_mm(); });
  struct Shelf {
    std::size_t sheet;
    double y, height, x;
  };
  std::vector<Shelf> shelves;
  std::vector<double> sheet_top;  // where the next shelf of each sheet starts
  std::vector<std::vector<PlacedPart>> sheets;
  for (const Oriented& o : order) {
    const double w = o.box.width_mm() + spacing;
    const double h = o.box.height_mm() + spacing;
    Shelf* shelf = nullptr;
    for (Shelf& candidate : shelves) {
      if (h <= candidate.height + 1e-9 && candidate.x + w <= usable_w + spacing + 1e-9) {
        shelf = &candidate;
        break;
      }
    }
    if (!shelf) {
      std::size_t sheet = 0;
      while (sheet < sheet_top.size() && sheet_top[sheet] + h > usable_h + spacing + 1e-9) ++sheet;
      if (sheet == sheet_top.size()) {
        sheet_top.push_back(0);
        sheets.emplace_back();
      }
      shelves.push_back({sheet, sheet_top[sheet], h, 0});
      sheet_top[sheet] += h;
      shelf = &shelves.back();
    }
    const Point at{edge + spacing / 2 + shelf->x, edge + spacing / 2 + shelf->y};
    sheets[shelf->sheet].push_back({items[o.item].part, Placement{o.turns, {at.x - o.box.min_x, at.y - o.box.min_y}}});
    shelf->x += w;
  }
  return sheets;
}

// Where nesting may put parts on a sheet. libnest2d grows every item by
// half the spacing and keeps it in the bin: the edge is the margin less
// that half.
struct SheetRoom {
  double spacing;
  double edge;
  double usable_w;
  double usable_h;

  SheetRoom(const Sheet& sheet, const NestSettings& settings)
      : spacing(settings.spacing_mm()),
        edge(std::max(settings.edge_margin_mm - spacing / 2, 0.0)),
        usable_w(sheet.width_mm - 2 * edge - spacing),
        usable_h(sheet.height_mm - 2 * edge - spacing) {}
};

struct Candidate {
  std::size_t part;
  int base_turns;  // turned before nesting, so that it fits an empty sheet
  Polygon shape;   // turned
  double area_mm2;
};

// The parts that fit an empty sheet, each turned (as its grain allows) so
// that it does. Each part that does not fit is an error and goes to `unplaced`.
std::vector<Candidate> fitting_parts(const std::vector<Part>& parts, const Sheet& sheet, const SheetRoom& room,
                                     Diagnostics& diags, std::vector<std::size_t>& unplaced) {
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Polygon shape = nesting_shape(parts[i]);
    std::optional<int> base;
    for (int t : allowed_turns(parts[i].grain)) {
      if (fits(bounds(place(Placement{t, {}}, shape)), room.usable_w, room.usable_h)) {
        base = t;
        break;
      }
    }
    if (!base) {
      const Bounds b = bounds(shape);
      diags.error(parts[i].source,
                  fmt::format("part '{}' ({:.1f} × {:.1f} mm) does not fit on a {:.0f} × {:.0f} mm sheet{} "
                              "(room for {:.1f} × {:.1f} mm inside the margins)",
                              parts[i].label, b.width_mm(), b.height_mm(), sheet.width_mm, sheet.height_mm,
                              parts[i].grain == Grain::any ? "" : " along the grain", room.usable_w, room.usable_h),
                  "parts that fit the sheet", "split the part into tiles, or use larger sheets");
      unplaced.push_back(i);
      continue;
    }
    candidates.push_back({i, *base, place(Placement{*base, {}}, shape), area_mm2(parts[i])});
  }
  return candidates;
}

void sort_by_part(SheetLayout& layout) {
  std::sort(layout.parts.begin(), layout.parts.end(),
            [](const PlacedPart& a, const PlacedPart& b) { return a.part < b.part; });
}

// The candidates packed on shelves, when that reaches the fewest sheets
// the parts' area allows: no search can do better, and the small jobs (a
// box, a wheel) end here. Nothing when it does not.
std::optional<std::vector<SheetLayout>> shelves_if_fewest(const std::vector<Part>& parts,
                                                          const std::vector<Candidate>& candidates, const Sheet& sheet,
                                                          const SheetRoom& room) {
  std::vector<ShelfItem> shelf_items;
  double area = 0;
  for (const Candidate& c : candidates) {
    shelf_items.push_back({c.part, nesting_shape(parts[c.part]), allowed_turns(parts[c.part].grain)});
    area += c.area_mm2;
  }
  auto shelves = shelf_pack(shelf_items, room.usable_w, room.usable_h, room.edge, room.spacing);
  const auto fewest = static_cast<std::size_t>(std::ceil(area / (sheet.width_mm * sheet.height_mm) - 1e-9));
  std::size_t packed = 0;
  for (const auto& s : shelves) packed += s.size();
  if (packed != candidates.size() || shelves.size() > std::max<std::size_t>(fewest, 1)) return std::nullopt;
  std::vector<SheetLayout> sheets;
  for (auto& placed : shelves) {
    SheetLayout layout;
    for (const PlacedPart& p : placed)
      layout.utilisation += area_mm2(parts[p.part]) / (sheet.width_mm * sheet.height_mm);
    layout.parts = std::move(placed);
    sort_by_part(layout);
    sheets.push_back(std::move(layout));
  }
  return sheets;
}

Placer::Config placer_config() {
  Placer::Config config;
  config.alignment = Placer::Config::Alignment::BOTTOM_LEFT;
  config.starting_point = Placer::Config::Alignment::BOTTOM_LEFT;
  config.accuracy = 0.5F;
  // Its threads cost more than they save on a job of a few dozen parts.
  config.parallel = false;
  return config;
}

// Whether `shape` is itself when turned half a turn (the hull of a box's
// wall, a rectangle): turning it by 180° then only repeats the no-fit
// search of the turn before, the dearest part of nesting a small part.
bool half_turn_symmetric(const Polygon& shape) {
  const Bounds b = bounds(shape);
  const auto key = [](Point p) { return std::pair(std::lround(p.x * 1000), std::lround(p.y * 1000)); };
  std::vector<std::pair<long, long>> as_is;
  std::vector<std::pair<long, long>> turned;
  for (const Point& p : shape) {
    as_is.push_back(key(p));
    turned.push_back(key({b.min_x + b.max_x - p.x, b.min_y + b.max_y - p.y}));
  }
  std::sort(as_is.begin(), as_is.end());
  std::sort(turned.begin(), turned.end());
  return as_is == turned;
}

// Which sheet each item went on, and how many sheets there are.
struct SheetsOfItems {
  std::vector<std::size_t> sheet_of;
  std::size_t sheets = 0;
};

// Places each item (candidate k's shape, grown by half the spacing) on a
// sheet of `bin`, in order. The items are where they go when this
// returns: the placers align their piles when they go.
SheetsOfItems place_items(std::vector<libnest2d::Item>& items, const std::vector<Candidate>& candidates,
                          const std::vector<Part>& parts, const libnest2d::Box& bin, double sheet_area) {
  Placer::Config config = placer_config();
  std::vector<std::size_t> sheet_of(items.size());
  std::vector<Placer> placers;
  std::vector<double> free_area;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Candidate& c = candidates[k];
    const bool free_turn = parts[c.part].grain == Grain::any;
    const bool symmetric = half_turn_symmetric(c.shape);
    config.rotations = {0.0};
    if (free_turn) config.rotations.push_back(std::numbers::pi / 2);
    if (!symmetric) config.rotations.push_back(std::numbers::pi);
    if (free_turn && !symmetric) config.rotations.push_back(3 * std::numbers::pi / 2);
    bool placed = false;
    // The sheets with the most room left first, and sheets without the
    // room for this part not at all. A failed try costs a full
    // no-fit-polygon search, so each part tries a few sheets at most: a
    // roadshow of a hundred cases nests in seconds, not minutes.
    constexpr std::size_t tries_per_part = 6;
    std::vector<std::size_t> order;
    for (std::size_t j = 0; j < placers.size(); ++j) {
      if (free_area[j] >= c.area_mm2) order.push_back(j);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return free_area[a] > free_area[b]; });
    if (order.size() > tries_per_part) order.resize(tries_per_part);
    for (const std::size_t j : order) {
      placers[j].configure(config);
      if (placers[j].pack(items[k])) {
        placed = true;
        sheet_of[k] = j;
        free_area[j] -= c.area_mm2;
        break;
      }
    }
    if (!placed) {
      placers.emplace_back(bin);
      placers.back().configure(config);
      free_area.push_back(sheet_area - c.area_mm2);
      placers.back().pack(items[k]);  // fits: checked above
      sheet_of[k] = placers.size() - 1;
    }
  }
  return {std::move(sheet_of), placers.size()};
}

// Where libnest2d put each item, as a placement of its part.
void read_placements(std::vector<libnest2d::Item>& items, libnest2d::Coord infl,
                     const std::vector<Candidate>& candidates, const std::vector<Part>& parts,
                     const std::vector<std::size_t>& sheet_of, double sheet_area, std::vector<SheetLayout>& sheets) {
  for (std::size_t k = 0; k < items.size(); ++k) {
    auto& item = items[k];
    item.inflate(-infl);
    const Candidate& c = candidates[k];
    // libnest2d turns counter-clockwise in its y-up sense, which is a
    // clockwise turn on screen.
    const int nest_turns = static_cast<int>(std::lround(item.rotation() / (std::numbers::pi / 2)));
    const int turns = ((c.base_turns - nest_turns) % 4 + 4) % 4;
    // The shift follows from where libnest2d put the turned shape's corner.
    const Bounds turned = bounds(place(Placement{turns, {}}, nesting_shape(parts[c.part])));
    const auto bb = item.boundingBox();
    const Point offset{static_cast<double>(bb.minCorner().X) / units_per_mm - turned.min_x,
                       static_cast<double>(bb.minCorner().Y) / units_per_mm - turned.min_y};
    SheetLayout& layout = sheets[sheet_of[k]];
    layout.parts.push_back({c.part, Placement{turns, offset}});
    layout.utilisation += c.area_mm2 / sheet_area;
  }
}

// No-fit-polygon nesting (libnest2d) of the candidates: largest first;
// parts with a grain before others of the same size, as they have fewer
// ways to fit.
std::vector<SheetLayout> nfp_nest(const std::vector<Part>& parts, std::vector<Candidate> candidates, const Sheet& sheet,
                                  const SheetRoom& room) {
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.area_mm2 > b.area_mm2; });

  std::vector<libnest2d::Item> items;
  items.reserve(candidates.size());  // the placers keep references
  for (const Candidate& c : candidates) items.emplace_back(to_nest_path(c.shape));
  const auto infl = static_cast<libnest2d::Coord>(std::ceil(room.spacing * units_per_mm / 2));
  for (auto& item : items) item.inflate(infl);

  const double edge = room.edge;
  const libnest2d::Box bin(
      {std::llround(edge * units_per_mm), std::llround(edge * units_per_mm)},
      {std::llround((sheet.width_mm - edge) * units_per_mm), std::llround((sheet.height_mm - edge) * units_per_mm)});
  const double sheet_area = sheet.width_mm * sheet.height_mm;
  const SheetsOfItems placed = place_items(items, candidates, parts, bin, sheet_area);
  std::vector<SheetLayout> sheets(placed.sheets);
  read_placements(items, infl, candidates, parts, placed.sheet_of, sheet_area, sheets);
  for (SheetLayout& layout : sheets) sort_by_part(layout);
  return sheets;
}

// Sheets are interchangeable: the one with a part to cut first goes first.
void put_first_cut_first(std::vector<SheetLayout>& sheets, const std::vector<Part>& parts) {
  const auto first = std::find_if(sheets.begin(), sheets.end(), [&](const SheetLayout& s) {
    return std::any_of(s.parts.begin(), s.parts.end(), [&](const PlacedPart& p) { return parts[p.part].cut_first; });
  });
  if (first != sheets.end()) std::rotate(sheets.begin(), first, first + 1);
}

}  // namespace

Nesting nest(const std::vector<Part>& parts, const Sheet& sheet, const NestSettings& settings, Diagnostics& diags) {
  Nesting result{sheet, {}, {}};
  const SheetRoom room(sheet, settings);
  std::vector<Candidate> candidates = fitting_parts(parts, sheet, room, diags, result.unplaced);
  if (auto shelves = shelves_if_fewest(parts, candidates, sheet, room)) {
    result.sheets = std::move(*shelves);
  } else {
    result.sheets = nfp_nest(parts, std::move(candidates), sheet, room);
  }
  put_first_cut_first(result.sheets, parts);
  return result;
}

namespace {

void append_hex(std::string& out, double v) {
  std::array<char, 40> buffer{};
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v, std::chars_format::hex).ptr;
  out.append(buffer.data(), end);
}

}  // namespace

// "sheet UTILISATION" lines, each followed by its "part INDEX TURNS X Y"
// lines, then "unplaced INDEX" lines and "end".
std::string to_text(const Nesting& nesting) {
  std::string out;
  for (const SheetLayout& s : nesting.sheets) {
    out += "sheet ";
    append_hex(out, s.utilisation);
    out += '\n';
    for (const PlacedPart& p : s.parts) {
      out += fmt::format("part {} {} ", p.part, p.placement.quarter_turns);
      append_hex(out, p.placement.offset.x);
      out += ' ';
      append_hex(out, p.placement.offset.y);
      out += '\n';
    }
  }
  for (const std::size_t u : nesting.unplaced) out += fmt::format("unplaced {}\n", u);
  return out + "end\n";
}

std::optional<Nesting> nesting_from_text(std::string_view text, const Sheet& sheet, std::size_t part_count) {
  Nesting nesting;
  nesting.sheet = sheet;
  std::vector<bool> seen(part_count, false);
  const auto number = [](std::string_view word, double& v) {
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), v, std::chars_format::hex);
    return ec == std::errc() && end == word.data() + word.size();
  };
  const auto index = [&](std::string_view word, std::size_t& i) {
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), i);
    if (ec != std::errc() || end != word.data() + word.size() || i >= part_count || seen[i]) return false;
    seen[i] = true;
    return true;
  };
  bool ended = false;
  while (!text.empty() && !ended) {
    const auto eol = text.find('\n');
    if (eol == std::string_view::npos) return std::nullopt;
    std::vector<std::string_view> words;
    for (std::string_view line = text.substr(0, eol); !line.empty();) {
      const auto space = line.find(' ');
      words.push_back(line.substr(0, space));
      line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    }
    text.remove_prefix(eol + 1);
    if (words.size() == 1 && words[0] == "end") {
      ended = true;
    } else if (words.size() == 2 && words[0] == "sheet") {
      SheetLayout s;
      if (!number(words[1], s.utilisation)) return std::nullopt;
      nesting.sheets.push_back(s);
    } else if (words.size() == 5 && words[0] == "part" && !nesting.sheets.empty()) {
      PlacedPart p;
      int turns = -1;
      const auto [end, ec] = std::from_chars(words[2].data(), words[2].data() + words[2].size(), turns);
      if (!index(words[1], p.part) || ec != std::errc() || end != words[2].data() + words[2].size() || turns < 0 ||
          turns > 3 || !number(words[3], p.placement.offset.x) || !number(words[4], p.placement.offset.y)) {
        return std::nullopt;
      }
      p.placement.quarter_turns = turns;
      nesting.sheets.back().parts.push_back(p);
    } else if (words.size() == 2 && words[0] == "unplaced") {
      std::size_t u = 0;
      if (!index(words[1], u)) return std::nullopt;
      nesting.unplaced.push_back(u);
    } else {
      return std::nullopt;
    }
  }
  // Whole: ended, and every part on a sheet or unplaced.
  if (!ended || !text.empty() || std::find(seen.begin(), seen.end(), false) != seen.end()) return std::nullopt;
  return nesting;
}

std::vector<Part> parts_on(const Nesting& nesting, std::size_t index, const std::vector<Part>& parts) {
  std::vector<Part> placed;
  for (const PlacedPart& p : nesting.sheets.at(index).parts) placed.push_back(place(p.placement, parts.at(p.part)));
  return placed;
}

}  // namespace impactkit::fab
