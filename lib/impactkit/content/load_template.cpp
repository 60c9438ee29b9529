// A template: templates/NAME.yaml, read with the content's YAML reader, so
// that its errors look exactly like content errors.

#include <impactkit/content/detail/yaml_reader.hpp>
#include <impactkit/content/loader.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace impactkit::content {
namespace fs = std::filesystem;
namespace yaml = detail::yaml;
using detail::MapReader;
using detail::Reader;

std::optional<PaperSize> paper_size(std::string_view name) {
  static const std::vector<PaperSize> iso = {
      {"A0", 841, 1189}, {"A1", 594, 841}, {"A2", 420, 594}, {"A3", 297, 420}, {"A4", 210, 297}};
  for (const auto& p : iso) {
    if (name.size() == 2 && std::toupper(static_cast<unsigned char>(name[0])) == 'A' && name[1] == p.name[1]) return p;
  }
  const auto x = name.find('x');
  if (x == std::string_view::npos) return std::nullopt;
  double w = 0;
  double h = 0;
  const auto a = std::from_chars(name.data(), name.data() + x, w);
  const auto b = std::from_chars(name.data() + x + 1, name.data() + name.size(), h);
  if (a.ec != std::errc() || b.ec != std::errc() || a.ptr != name.data() + x || b.ptr != name.data() + name.size() ||
      !(w >= 20 && h >= 20 && w <= 5000 && h <= 5000))  // written so that NaN fails too
    return std::nullopt;
  return PaperSize{"", std::min(w, h), std::max(w, h)};
}

std::vector<fs::path> template_dirs(const fs::path& content_root) {
  std::vector<fs::path> dirs = {content_root / "templates"};
  std::error_code ec;
  const fs::path project = IMPACTKIT_SOURCE_TEMPLATES_DIR;
  if (fs::is_directory(project, ec) && fs::absolute(project, ec) != fs::absolute(dirs.front(), ec)) {
    dirs.push_back(project);
  }
  return dirs;
}

std::vector<std::string> template_names(const Roadshow& roadshow) {
  std::vector<std::string> names = {"poster-route",  "poster-confrontation", "poster-yourturn",
                                    "poster-intro",  "poster-overview",      "card-back",
                                    "card-alignment"};
  std::set<CardKind> kinds;
  for (const auto& entry : roadshow.deck.cards) kinds.insert(entry.kind);
  for (std::size_t k = 0; k < card_kind_names.size(); ++k) {
    if (roadshow.deck.cards.empty() || kinds.contains(static_cast<CardKind>(k)))
      names.push_back(fmt::format("card-{}", card_kind_names[k]));
  }
  names.insert(names.end(), {"panel-case", "panel-intro"});
  if (!roadshow.wheel.sectors.empty()) {
    names.insert(names.end(), {"wheel-label", "wheel-volvelle-sector", "wheel-volvelle-top"});
  }
  return names;
}

namespace {

const std::vector<std::string> element_kinds = {"rect", "line",   "text",  "image", "figure", "sdg",
                                                "qr",   "repeat", "stack", "box",   "fill"};

// Where an element is: on a grid (the page's, a repeat cell's or a fill's),
// where its area places it, or in a flow, which places it.
struct Where {
  bool in_cell = false;  // a repeat's cell or a fill's grid: `cell` is an area
  int columns = 1, rows = 1;
  bool flow = false;
  bool down = true;  // the flow's direction
};

Area read_area(Reader& reader, const yaml::Node& node, const Template& t, const Where& where) {
  Area area;
  const bool in_cell = where.in_cell;
  if (node.IsScalar()) {
    const std::string& word = node.Scalar();
    if (word == "page") return {Area::Kind::page};
    if (word == "bleed") return {Area::Kind::bleed};
    if (word == "cell" && in_cell) return {Area::Kind::cell};
  }
  const int cols = in_cell ? where.columns : t.grid_columns;
  const int rows = in_cell ? where.rows : t.grid_rows;
  const std::string expected = fmt::format("[column, row, columns, rows] within the {}x{} grid, or {}", cols, rows,
                                           in_cell ? "cell" : "page or bleed");
  if (!node.IsSequence() || node.size() != 4) {
    reader.error(node, "an area must be four numbers or a keyword", expected);
    return area;
  }
  std::array<long long, 4> v{};
  for (std::size_t i = 0; i < 4; ++i) v[i] = reader.integer(node[i], "area", 1, 100).value_or(1);
  area = {Area::Kind::cells, static_cast<int>(v[0]), static_cast<int>(v[1]), static_cast<int>(v[2]),
          static_cast<int>(v[3])};
  if (area.column + area.columns - 1 > cols || area.row + area.rows - 1 > rows) {
    reader.error(node,
                 fmt::format("area [{}, {}, {}, {}] leaves the {}x{} grid", area.column, area.row, area.columns,
                             area.rows, cols, rows),
                 expected, "make it smaller, or move it");
  }
  return area;
}

Element read_element(Reader& reader, const yaml::Node& node, const Template& t, const Where& where);

void read_children(Reader& reader, const yaml::Node& node, const Template& t, Element& parent, const Where& where) {
  reader.list(node, "elements",
              [&](const yaml::Node& item) { parent.children.push_back(read_element(reader, item, t, where)); });
}

// The keys an element of `kind` may have.
std::vector<std::string> element_keys(Element::Kind kind, const Where& where) {
  // `area` in a flow is read to be reported as such, not as unknown.
  std::vector<std::string> keys = {"area", "when", "unless", "extend"};
  if (where.flow) keys.insert(keys.end(), {"width_mm", "height_mm"});
  switch (kind) {
    case Element::Kind::rect:
      keys.insert(keys.end(), {"fill", "stroke", "stroke_pt", "radius_mm"});
      break;
    case Element::Kind::line:
      keys.insert(keys.end(), {"stroke", "stroke_pt", "edge"});
      break;
    case Element::Kind::text:
      keys.insert(keys.end(), {"field", "label", "text", "style", "color"});
      // In a flow a text is as tall as its lines: nothing to place it in,
      // nor columns to balance.
      if (!where.flow) keys.insert(keys.end(), {"valign", "columns", "gutter_mm", "padding_mm"});
      break;
    case Element::Kind::image:
      keys.insert(keys.end(), {"file", "field"});
      break;
    case Element::Kind::figure:
      keys.insert(keys.end(), {"field", "value_style", "unit_style", "label_style", "sign_style", "color"});
      break;
    case Element::Kind::sdg:
      keys.insert(keys.end(), {"field", "style"});
      break;
    case Element::Kind::qr:
      keys.insert(keys.end(), {"field", "text", "color"});
      break;
    case Element::Kind::repeat:
      keys.insert(keys.end(), {"over", "direction", "max", "elements"});
      keys.emplace_back(where.flow ? "gap_mm" : "cell_grid");
      if (!where.flow) keys.emplace_back("wrap");
      break;
    case Element::Kind::stack:
      keys.insert(keys.end(), {"direction", "gap_mm", "align", "cross", "rail", "elements"});
      break;
    case Element::Kind::box:
      keys.insert(keys.end(), {"fill", "stroke", "stroke_pt", "radius_mm", "padding_mm", "gap_mm", "align", "cross",
                               "min_mm", "max_mm", "min_rows", "max_rows", "elements"});
      break;
    case Element::Kind::fill:
      keys.insert(keys.end(), {"grid", "elements"});
      break;
  }
  return keys;
}

// The element's words and numbers, each where its kind allows it (the map
// reader has reported the keys it does not).
void read_values(Reader& reader, const MapReader& map, Element& e) {
  const auto word = [&](const char* key, std::string& out) {
    if (auto v = map.get(key)) out = reader.string(*v, key).value_or("");
  };
  word("when", e.when);
  word("unless", e.unless);
  if (auto v = map.get("extend")) {
    reader.list(*v, "extend", [&](const yaml::Node& item) {
      if (auto side = reader.choice(item, "side", {"top", "bottom", "left", "right"})) e.extend.push_back(*side);
    });
  }
  for (const auto& [key, out] :
       std::initializer_list<std::pair<const char*, std::string*>>{{"fill", &e.fill},
                                                                   {"stroke", &e.stroke},
                                                                   {"edge", &e.edge},
                                                                   {"label", &e.label},
                                                                   {"text", &e.literal},
                                                                   {"style", &e.style},
                                                                   {"color", &e.color},
                                                                   {"valign", &e.valign},
                                                                   {"value_style", &e.value_style},
                                                                   {"unit_style", &e.unit_style},
                                                                   {"label_style", &e.label_style},
                                                                   {"sign_style", &e.sign_style},
                                                                   {"file", &e.file},
                                                                   {"over", &e.over},
                                                                   {"direction", &e.direction}}) {
    word(key, *out);
  }
  if (auto v = map.get("field")) {
    e.field = reader.string(*v, "field").value_or("");
    e.field_pos = reader.pos(*v);
  }
  for (const auto& [key, out, most] :
       std::initializer_list<std::tuple<const char*, double*, double>>{{"stroke_pt", &e.stroke_pt, 100},
                                                                       {"radius_mm", &e.radius_mm, 500},
                                                                       {"padding_mm", &e.padding_mm, 200},
                                                                       {"gutter_mm", &e.gutter_mm, 200},
                                                                       {"width_mm", &e.width_mm, 5000},
                                                                       {"height_mm", &e.height_mm, 5000},
                                                                       {"min_mm", &e.min_mm, 5000},
                                                                       {"max_mm", &e.max_mm, 5000}}) {
    if (auto v = map.get(key)) *out = reader.number_mm(*v, key, 0, most).value_or(0);
  }
  if (auto v = map.get("gap_mm")) {
    e.gap_mm = reader.number_mm(*v, "gap_mm", 0, 500).value_or(0);
    e.has_gap = true;
  }
  if (auto v = map.get("columns")) e.columns = static_cast<int>(reader.integer(*v, "columns", 1, 6).value_or(1));
  if (auto v = map.get("max")) e.max_items = static_cast<int>(reader.integer(*v, "max", 1, 100).value_or(0));
  if (auto v = map.get("wrap")) e.wrap = static_cast<int>(reader.integer(*v, "wrap", 1, 100).value_or(0));
  if (auto v = map.get("min_rows")) e.min_rows = static_cast<int>(reader.integer(*v, "min_rows", 1, 96).value_or(0));
  if (auto v = map.get("max_rows")) e.max_rows = static_cast<int>(reader.integer(*v, "max_rows", 1, 96).value_or(0));
  if (auto v = map.get("align")) e.align = reader.choice(*v, "align", {"start", "center", "end"}).value_or("start");
  if (auto v = map.get("cross"))
    e.cross = reader.choice(*v, "cross", {"start", "center", "end", "baseline"}).value_or("start");
}

// What an element of its kind must have.
void check_needs(Reader& reader, const yaml::Node& body, const Element& e, const Where& where) {
  if (e.kind == Element::Kind::image && e.file.empty() == e.field.empty()) {
    reader.error(body, "an image element needs either `file` or `field`", "one of them",
                 "add `file: assets/photo.jpg` (the same on every page) or `field: card.image` (the page's own)");
  }
  if (e.kind == Element::Kind::text && e.field.empty() && e.label.empty() && e.literal.empty()) {
    reader.error(body, "a text element needs `field`, `label` or `text`", "one of them",
                 "add `field: case.title`, `label: route.title` or `text: \"…\"`");
  }
  if (e.kind == Element::Kind::text && e.style.empty()) {
    reader.error(body, "a text element needs a `style`", "a style of the theme", "add `style: body`");
  }
  if (e.kind == Element::Kind::repeat && e.over.empty()) {
    reader.error(body, "a repeat needs `over`: the list to repeat", "e.g. over: case.figures");
  }
  if (e.kind == Element::Kind::fill && !where.flow) {
    reader.error(body, "a fill takes the room a stack leaves, and is only a stack's child",
                 "a fill among the `elements` of a stack or a box", "put it in a stack, or use a rect");
  }
  // What has no size of its own needs one along a flow going down (across
  // a flow going right, it shares the room with the texts).
  const bool sized = e.kind == Element::Kind::text || e.kind == Element::Kind::repeat ||
                     e.kind == Element::Kind::stack || e.kind == Element::Kind::box || e.kind == Element::Kind::fill;
  if (where.flow && where.down && !sized && e.height_mm <= 0) {
    reader.error(body, "in a stack going down, this element needs a height", "height_mm: the height at the page's size",
                 "add e.g. `height_mm: 20`, or put it in a fill");
  }
  if (e.kind == Element::Kind::box && ((e.min_mm > 0 && e.min_rows > 0) || (e.max_mm > 0 && e.max_rows > 0))) {
    reader.error(body, "a box's bound is in mm or in rows, not both", "min_mm or min_rows, max_mm or max_rows",
                 "drop one of them");
  }
}

void check_words(Reader& reader, const MapReader& map, const Element& e) {
  if (e.valign != "top" && e.valign != "middle" && e.valign != "bottom") {
    reader.error(*map.get("valign"), fmt::format("unknown valign '{}'", e.valign), "top, middle or bottom");
  }
  if (e.direction != "down" && e.direction != "right") {
    reader.error(*map.get("direction"), fmt::format("unknown direction '{}'", e.direction), "down or right");
  }
}

// A stack's rail: {stroke: COLOUR, stroke_pt: N, x_mm: N}, a line joining
// the stack's elements (docs/templates.md, Flow).
void read_rail(Reader& reader, const MapReader& map, Element& e) {
  const auto v = map.get("rail");
  if (!v) return;
  MapReader rail(reader, *v, "rail", {"stroke", "stroke_pt", "x_mm"});
  if (!rail.is_map()) return;
  if (auto s = rail.required("stroke", "the rail's colour, e.g. case.theme")) {
    e.rail = reader.string(*s, "stroke").value_or("");
  }
  if (auto w = rail.get("stroke_pt")) e.rail_pt = reader.number_mm(*w, "stroke_pt", 0, 100).value_or(0);
  if (auto x = rail.get("x_mm")) e.rail_x_mm = reader.number_mm(*x, "x_mm", 0, 5000).value_or(0);
  if (e.direction != "down") {
    reader.error(*v, "a rail joins the elements of a stack going down", "direction: down (the default)",
                 "remove `rail`, or the stack's `direction: right`");
  }
}

void read_cell_grid(Reader& reader, const yaml::Node& node, const char* key, Element& e) {
  MapReader grid(reader, node, key, {"columns", "rows"});
  if (auto c = grid.get("columns")) e.cell_columns = static_cast<int>(reader.integer(*c, "columns", 1, 50).value_or(1));
  if (auto r = grid.get("rows")) e.cell_rows = static_cast<int>(reader.integer(*r, "rows", 1, 50).value_or(1));
}

// The children of a repeat, a stack, a box or a fill: on a cell's grid, or
// in a flow.
void read_nested(Reader& reader, const MapReader& map, const Template& t, Element& e, const Where& where) {
  const bool grid = e.kind == Element::Kind::fill || (e.kind == Element::Kind::repeat && !where.flow);
  if (auto v = map.get(e.kind == Element::Kind::fill ? "grid" : "cell_grid")) {
    read_cell_grid(reader, *v, e.kind == Element::Kind::fill ? "grid" : "cell_grid", e);
  }
  Where inner;
  if (grid) {
    inner = {true, e.cell_columns, e.cell_rows, false, true};
  } else {
    inner = {false, 1, 1, true,
             e.kind == Element::Kind::box || e.kind == Element::Kind::repeat || e.direction == "down"};
  }
  const bool required = e.kind != Element::Kind::fill;
  if (auto v = required ? map.required("elements", "the elements of each item") : map.get("elements")) {
    read_children(reader, *v, t, e, inner);
  }
}

Element read_element(Reader& reader, const yaml::Node& node, const Template& t, const Where& where) {
  Element e;
  e.pos = reader.pos(node);
  e.in_flow = where.flow;
  if (!node.IsMap() || node.size() != 1) {
    reader.error(node, "an element is a map with one key, its kind", "one of " + join_or(element_kinds),
                 "write e.g. `- text: {area: [1, 1, 12, 2], field: case.title, style: title}`");
    return e;
  }
  const auto entry = *node.begin();
  const std::string kind = entry.first.Scalar();
  const auto found = std::find(element_kinds.begin(), element_kinds.end(), kind);
  if (found == element_kinds.end()) {
    const auto near = closest(kind, element_kinds);
    reader.error(entry.first, fmt::format("unknown element '{}'", kind), "one of " + join_or(element_kinds),
                 near ? fmt::format("did you mean '{}'?", *near) : "see docs/templates.md");
    return e;
  }
  e.kind = static_cast<Element::Kind>(found - element_kinds.begin());
  MapReader map(reader, entry.second, fmt::format("{} element", kind), element_keys(e.kind, where));
  if (!map.is_map()) return e;
  if (auto v = map.get("area"); v && where.flow) {
    reader.error(*v, "an element in a stack has no area: the stack places it",
                 "width_mm or height_mm, or nothing for its natural size", "remove `area`");
  } else if (!where.flow) {
    if (auto v = map.required("area", "[column, row, columns, rows]")) e.area = read_area(reader, *v, t, where);
  }
  read_values(reader, map, e);
  check_needs(reader, entry.second, e, where);
  const bool nests = e.kind == Element::Kind::repeat || e.kind == Element::Kind::stack ||
                     e.kind == Element::Kind::box || e.kind == Element::Kind::fill;
  if (nests) read_nested(reader, map, t, e, where);
  if (e.kind == Element::Kind::stack) read_rail(reader, map, e);
  check_words(reader, map, e);
  return e;
}

}  // namespace

namespace {

void read_page(Reader& reader, const yaml::Node& node, Template& t) {
  MapReader page(reader, node, "page", {"size", "orientation", "bleed_mm"});
  if (auto s = page.get("size")) {
    if (auto word = reader.string(*s, "size")) {
      if (auto size = paper_size(*word)) {
        t.reference = *size;
      } else {
        reader.error(*s, fmt::format("unknown paper size '{}'", *word),
                     "A0, A1, A2, A3, A4 or WxH in mm, e.g. 500x700");
      }
    }
  }
  if (auto o = page.get("orientation")) {
    t.landscape = reader.choice(*o, "orientation", {"portrait", "landscape"}).value_or("portrait") == "landscape";
  }
  if (auto b = page.get("bleed_mm")) t.bleed_mm = reader.number_mm(*b, "bleed_mm", 0, 20).value_or(3);
}

void read_grid(Reader& reader, const yaml::Node& node, Template& t) {
  MapReader grid(reader, node, "grid", {"columns", "rows", "margin_mm", "gutter_mm"});
  if (auto c = grid.get("columns"))
    t.grid_columns = static_cast<int>(reader.integer(*c, "columns", 1, 48).value_or(12));
  if (auto r = grid.get("rows")) t.grid_rows = static_cast<int>(reader.integer(*r, "rows", 1, 96).value_or(12));
  if (auto m = grid.get("margin_mm")) t.margin_mm = reader.number_mm(*m, "margin_mm", 0, 300).value_or(20);
  if (auto g = grid.get("gutter_mm")) t.gutter_mm = reader.number_mm(*g, "gutter_mm", 0, 100).value_or(5);
  // Margins and gutters that take the whole page leave cells of no size
  // or less: every text would "not fit", and shapes would turn inside out.
  const double width = t.landscape ? t.reference.height_mm : t.reference.width_mm;
  const double height = t.landscape ? t.reference.width_mm : t.reference.height_mm;
  const double cell_width = (width - 2 * t.margin_mm - (t.grid_columns - 1) * t.gutter_mm) / t.grid_columns;
  const double cell_height = (height - 2 * t.margin_mm - (t.grid_rows - 1) * t.gutter_mm) / t.grid_rows;
  if (cell_width <= 0 || cell_height <= 0) {
    const auto at = grid.get("margin_mm").value_or(node);
    reader.error(at,
                 fmt::format("the grid's margins and gutters leave no room on the {:g} x {:g} mm page: its cells "
                             "would be {:.1f} x {:.1f} mm",
                             width, height, cell_width, cell_height),
                 "2 x margin_mm + (columns - 1) x gutter_mm less than the page's width, and likewise for rows",
                 "make margin_mm or gutter_mm smaller, or use fewer columns or rows");
  }
}

// The budgets of template.hpp: repeats nested at most max_repeat_depth
// deep, stacks and boxes max_flow_depth deep, at most
// max_template_elements elements. Each excess is reported once, at the
// element that passes the limit.
struct Depths {
  int repeats = 0, flows = 0;
};

void check_budgets(const std::vector<Element>& elements, Depths depth, std::size_t& count, Diagnostics& diagnostics) {
  for (const Element& e : elements) {
    if (++count == max_template_elements + 1) {
      diagnostics.error(
          e.pos, fmt::format("the template has more than {} elements", max_template_elements),
          fmt::format("at most {} elements, those inside repeats counted once each", max_template_elements),
          "split it into two templates, or draw a list with one repeat");
    }
    Depths inner = depth;
    if (e.kind == Element::Kind::repeat && depth.repeats == max_repeat_depth) {
      diagnostics.error(
          e.pos,
          fmt::format("a repeat inside {} repeats: repeats nest at most {} deep", depth.repeats, max_repeat_depth),
          "a repeat, or a repeat inside one repeat",
          "move this repeat out of the repeat around it: each level multiplies the cells of the "
          "others (docs/limits.md)");
      continue;  // its children would report the same again
    }
    if ((e.kind == Element::Kind::stack || e.kind == Element::Kind::box) && depth.flows == max_flow_depth) {
      diagnostics.error(
          e.pos,
          fmt::format("a stack inside {} stacks or boxes: they nest at most {} deep", depth.flows, max_flow_depth),
          "a stack or box inside at most three others", "flatten the stacks: a stack's children may be groups of two");
      continue;
    }
    if (e.kind == Element::Kind::repeat) ++inner.repeats;
    if (e.kind == Element::Kind::stack || e.kind == Element::Kind::box) ++inner.flows;
    // A fill's elements sit on a grid of their own, each stack there a flow
    // measured on its own (as on the page): their depth counts afresh.
    if (e.kind == Element::Kind::fill) inner.flows = 0;
    check_budgets(e.children, inner, count, diagnostics);
  }
}

}  // namespace

std::optional<Template> load_template(const std::string& name, const std::vector<fs::path>& folders,
                                      const Languages& languages, Diagnostics& diagnostics) {
  fs::path file;
  for (const auto& folder : folders) {
    if (fs::exists(folder / (name + ".yaml"))) {
      file = folder / (name + ".yaml");
      break;
    }
  }
  if (file.empty()) {
    std::string looked;
    for (const auto& folder : folders) looked += (looked.empty() ? "" : ", ") + (folder / (name + ".yaml")).string();
    diagnostics.error({name + ".yaml", 0, 0}, fmt::format("no template '{}'; looked for {}", name, looked), {},
                      "copy one of the project's templates/ into the content root's templates/");
    return std::nullopt;
  }
  Template t;
  const std::string shown = file.lexically_normal().string();
  const auto doc = detail::parse_yaml_file(file, shown, {shown, 0, 0}, diagnostics, &t.source);
  if (!doc) return std::nullopt;
  const std::size_t errors_before = diagnostics.error_count();
  Reader reader(shown, diagnostics, languages);
  MapReader top(reader, *doc, "template", {"name", "page", "grid", "elements"});
  if (!top.is_map()) return std::nullopt;
  t.name = name;
  t.file = shown;
  t.reference = *paper_size("A1");
  if (auto v = top.get("page")) read_page(reader, *v, t);
  if (auto v = top.get("grid")) read_grid(reader, *v, t);
  if (auto v = top.required("elements", "the list of elements")) {
    reader.list(*v, "elements",
                [&](const yaml::Node& item) { t.elements.push_back(read_element(reader, item, t, Where{})); });
  }
  std::size_t count = 0;
  check_budgets(t.elements, Depths{}, count, diagnostics);
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return t;
}

}  // namespace impactkit::content
