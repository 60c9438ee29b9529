// Parts shared by the roadshow and its cases (sources, key figures), and the
// roadshow-wide files: sdgs.yaml and the theme.

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/core/image_header.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/core/root_file.hpp>
#include <impactkit/core/suggest.hpp>
#include <impactkit/core/svg_links.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace impactkit::content::detail {
namespace fs = std::filesystem;

std::string display_name(const fs::path& root, const fs::path& relative) {
  return (root / relative).lexically_normal().string();
}

namespace {

// An SVG is read through the content root's door, and one that includes
// other files (XInclude) is refused here, where `validate` sees it: the
// print backend hands librsvg the bytes alone, which load nothing from
// outside the SVG (an SVG including itself overflowed librsvg's stack, one
// including a FIFO hung the build). The images it links are resolved here
// as the print backend will, so that `validate` names a bad link.
bool check_svg(Diagnostics& diagnostics, const SourcePos& at, const fs::path& root, const fs::path& file) {
  const auto read = read_root_file(root / file, {root}, limits::max_image_file_bytes);
  if (read.error) {
    diagnostics.error(at, fmt::format("SVG '{}' cannot be read: {}", file.string(), describe(*read.error)),
                      "an SVG file inside the content root",
                      "replace it by a regular SVG file inside the content root");
    return false;
  }
  if (read.bytes.find("http://www.w3.org/2001/XInclude") != std::string::npos ||
      read.bytes.find("xi:include") != std::string::npos) {
    diagnostics.error(at, fmt::format("SVG '{}' includes other files (XInclude)", file.string()),
                      "a self-contained SVG", "paste the included part into the SVG, or export it again as one file");
    return false;
  }
  // The images it links (<image href="photo.png">), through the same door
  // (core/svg_links.hpp). Budgets of linked SVGs: pipeline/validate.cpp.
  const auto linked = resolve_svg_links(root / file, read.bytes, {root});
  if (linked.problem) {
    diagnostics.error(at, fmt::format("SVG '{}': {}", file.string(), linked.problem->what), linked.problem->expected,
                      linked.problem->fix);
    return false;
  }
  return true;
}

}  // namespace

bool check_image(Diagnostics& diagnostics, const SourcePos& at, const fs::path& root, const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool png = ext == ".png";
  if (ext == ".svg") return check_svg(diagnostics, at, root, file);
  if (!png && ext != ".jpg" && ext != ".jpeg") return true;
  const std::string kind = png ? "PNG" : "JPEG";
  const auto size = image_pixel_size(root / file);
  if (!size) {
    diagnostics.error(at, fmt::format("'{}' is not a readable {} image", file.string(), kind),
                      fmt::format("a {} file, as its name says", kind),
                      "export the image again as PNG or JPEG, or give it the name of its kind");
    return false;
  }
  const std::uint64_t pixels = std::uint64_t{size->width} * size->height;
  if (size->width > limits::max_image_side_px || size->height > limits::max_image_side_px ||
      pixels > limits::max_image_pixels) {
    diagnostics.error(at,
                      fmt::format("image '{}' is {} x {} pixels, more than impactkit decodes", file.string(),
                                  size->width, size->height),
                      fmt::format("at most {} pixels on a side and {} megapixels in all", limits::max_image_side_px,
                                  limits::max_image_pixels / 1'000'000),
                      "scale it down: 5000 x 7000 pixels print an A0 poster at 150 ppi");
    return false;
  }
  return true;
}

void check_image(Reader& reader, const yaml::Node& node, const fs::path& root, const fs::path& file) {
  check_image(reader.diagnostics(), reader.pos(node), root, file);
}

std::vector<Source> read_sources(Reader& reader, const yaml::Node& node) {
  std::vector<Source> sources;
  reader.list(node, "sources", [&](const yaml::Node& item) {
    MapReader map(reader, item, "source", {"id", "title", "publisher", "year", "url"});
    if (!map.is_map()) return;
    Source source;
    source.pos = reader.pos(item);
    if (auto v = map.required("id", "a short id for the source, e.g. position-paper-2021")) {
      if (auto id = reader.id(*v, "source id")) {
        const auto dup = std::find_if(sources.begin(), sources.end(), [&](const Source& s) { return s.id == *id; });
        if (dup != sources.end()) {
          reader.error(*v, fmt::format("duplicate source id '{}'; first given at line {}", *id, dup->pos.line),
                       "each source id once", "give one of them another id");
        }
        source.id = *id;
      }
    }
    if (auto v = map.required("title", "the document's title")) source.title = reader.string(*v, "title").value_or("");
    if (auto v = map.required("publisher", "who published it")) {
      source.publisher = reader.string(*v, "publisher").value_or("");
    }
    if (auto v = map.get("year")) {
      source.year_given = true;
      // A document without a date says so, rather than being given a guessed year.
      if (v->IsScalar() && v->Scalar() == "undated") {
        source.undated = true;
      } else if (auto year = reader.integer(*v, "year", 1900, 2100)) {
        source.year = static_cast<int>(*year);
      }
    }
    if (auto v = map.get("url")) source.url = reader.string(*v, "url").value_or("");
    sources.push_back(std::move(source));
  });
  return sources;
}

namespace {

// `scope:` and, for context, `about:`.
void read_scope(Reader& reader, const MapReader& map, KeyFigure& figure) {
  const auto v =
      map.required("scope", "case (this case's own result or fact) or context (a national or general figure)");
  if (!v) return;
  const std::vector<std::string> names(figure_scope_names.begin(), figure_scope_names.end());
  const auto scope = reader.choice(*v, "scope", names);
  if (!scope) return;
  figure.scope = *scope == "context" ? FigureScope::context : FigureScope::case_result;
  const auto about = map.get("about");
  if (figure.scope == FigureScope::context && !about) {
    reader.error(*v, "a context figure does not say what it is about",
                 "`about:` with the country, region or field it describes, e.g. {nl: Nederland, en: the Netherlands}",
                 "add `about:`; it is printed with the figure so that nobody reads it as the case's own result");
  } else if (figure.scope == FigureScope::case_result && about) {
    reader.error(*about, "`about:` belongs to context figures only", "no `about:` on a case figure",
                 "remove `about:`, or set `scope: context` if the figure is not this case's own");
  }
  if (about) figure.about = reader.text(*about, "about");
}

// `source:`: one of `sources`, with the title, publisher and year that a
// printed number needs to be traced.
void read_figure_source(Reader& reader, const yaml::Node& v, const std::vector<Source>& sources, KeyFigure& figure) {
  const auto id = reader.string(v, "source");
  if (!id) return;
  figure.source_id = *id;
  const auto it = std::find_if(sources.begin(), sources.end(), [&](const Source& s) { return s.id == *id; });
  if (it == sources.end()) {
    std::vector<std::string> source_ids;
    source_ids.reserve(sources.size());
    for (const auto& s : sources) source_ids.push_back(s.id);
    const auto near = closest(*id, source_ids);
    reader.error(v, fmt::format("key figure refers to unknown source '{}'", *id),
                 source_ids.empty() ? "an id from `sources`" : "one of " + join_or(source_ids),
                 near ? fmt::format("did you mean '{}'?", *near)
                      : "add the source to `sources`, so that the number can be traced");
  } else if (!it->year_given) {
    reader.error(v, fmt::format("key figure cites source '{}', which has no year", *id),
                 "a source with `title`, `publisher` and `year`, so that the printed number can be traced",
                 fmt::format("add `year:` to source '{}' (line {}), or `year: undated` if the document has no date",
                             *id, it->pos.line));
  }
}

}  // namespace

std::vector<KeyFigure> read_figures(Reader& reader, const yaml::Node& node, const std::vector<Source>& sources) {
  std::vector<KeyFigure> figures;
  reader.list(node, "figures", [&](const yaml::Node& item) {
    MapReader map(reader, item, "key figure", {"value", "unit", "label", "scope", "about", "source"});
    if (!map.is_map()) return;
    KeyFigure figure;
    figure.pos = reader.pos(item);
    if (auto v = map.required("value", "the number as printed, e.g. \"150\"")) {
      figure.value = reader.string(*v, "value").value_or("");
    }
    if (auto v = map.get("unit")) figure.unit = reader.text(*v, "unit");
    if (auto v = map.required("label", "what the number means")) figure.label = reader.text(*v, "label");
    read_scope(reader, map, figure);
    if (auto v = map.required("source", "the id of an entry in `sources`")) {
      read_figure_source(reader, *v, sources, figure);
    }
    figures.push_back(std::move(figure));
  });
  return figures;
}

std::vector<Sdg> load_sdgs(const fs::path& root, const fs::path& file, const SourcePos& from, Diagnostics& diagnostics,
                           const Languages& languages) {
  const std::string shown = display_name(root, file);
  const auto doc = parse_yaml_file(root / file, shown, from, diagnostics);
  if (!doc) return {};
  Reader reader(shown, diagnostics, languages);
  MapReader top(reader, *doc, "the SDG file", {"goals"});
  const auto goals = top.required("goals", "a list of the 17 goals");
  if (!goals) return {};
  std::vector<Sdg> sdgs;
  std::vector<int> first_line(18, 0);  // per goal, where it was listed
  reader.list(*goals, "goals", [&](const yaml::Node& item) {
    MapReader map(reader, item, "goal", {"number", "color", "name"});
    if (!map.is_map()) return;
    Sdg sdg;
    if (auto v = map.required("number", "1 to 17")) {
      if (auto n = reader.integer(*v, "number", 1, 17)) {
        if (first_line[*n] != 0) {
          reader.error(*v, fmt::format("goal {} is listed twice; first at line {}", *n, first_line[*n]),
                       "each goal once", "remove one of the two");
        }
        first_line[*n] = reader.pos(*v).line;
        sdg.number = static_cast<int>(*n);
      }
    }
    if (auto v = map.required("color", "the official colour, six hex digits")) {
      sdg.color = reader.color(*v, "color").value_or("");
    }
    if (auto v = map.required("name", "the goal's name")) sdg.name = reader.text(*v, "name", true);
    sdgs.push_back(std::move(sdg));
  });
  std::vector<std::string> missing;
  for (int n = 1; n <= 17; ++n) {
    if (first_line[n] == 0) missing.push_back(std::to_string(n));
  }
  if (goals->IsSequence() && !missing.empty()) {
    reader.error(
        *goals,
        std::string(missing.size() == 1 ? "the SDG file lacks goal " : "the SDG file lacks goals ") + join_and(missing),
        "all 17 goals, numbered 1 to 17", "add the missing goals with their official colours and names");
  }
  std::sort(sdgs.begin(), sdgs.end(), [](const Sdg& a, const Sdg& b) { return a.number < b.number; });
  return sdgs;
}

namespace {

// `role:` names the family through the theme's `fonts:`; `font:` names one
// for this style alone. Both at once would leave one of them unused.
void read_style_font(Reader& reader, const MapReader& map, ThemeStyle& style) {
  const auto role = map.get("role");
  if (role) {
    const std::vector<std::string> roles(font_role_names.begin(), font_role_names.end());
    if (const auto r = reader.choice(*role, "role", roles)) {
      style.role = static_cast<FontRole>(std::find(roles.begin(), roles.end(), *r) - roles.begin());
    }
  }
  if (const auto v = map.get("font")) {
    style.font = reader.string(*v, "font").value_or("");
    style.font_pos = reader.pos(*v);
    if (role) {
      reader.error(*v, fmt::format("style '{}' names both a role and a font", style.name),
                   "`role:` (the family `fonts:` names for that role) or `font:` (a family for this style alone)",
                   "remove `font:` and name the family under `fonts:`, or remove `role:`");
    }
  }
}

ThemeStyle read_style(Reader& reader, const yaml::Node& key, const yaml::Node& node, const Theme& theme) {
  ThemeStyle style;
  style.name = key.Scalar();
  style.pos = reader.pos(key);
  MapReader map(reader, node, "style '" + style.name + "'",
                {"role", "font", "weight", "italic", "size_pt", "min_size_pt", "line_height", "paragraph_spacing",
                 "align", "color", "hyphenate", "uppercase", "features"});
  if (!map.is_map()) return style;
  read_style_font(reader, map, style);
  if (auto v = map.get("weight")) style.weight = static_cast<int>(reader.integer(*v, "weight", 100, 900).value_or(400));
  if (auto v = map.get("italic")) style.italic = reader.choice(*v, "italic", {"true", "false"}).value_or("") == "true";
  if (auto v = map.required("size_pt", "the text size in pt at the templates' reference page size")) {
    style.size_pt = reader.number_mm(*v, "size_pt", 2, 1000).value_or(10);
  }
  style.min_size_pt = style.size_pt;
  if (auto v = map.get("min_size_pt")) {
    style.min_size_pt = reader.number_mm(*v, "min_size_pt", 2, style.size_pt).value_or(style.size_pt);
  }
  if (auto v = map.get("line_height")) style.line_height = reader.number_mm(*v, "line_height", 0.7, 3).value_or(1.3);
  if (auto v = map.get("paragraph_spacing")) {
    style.paragraph_spacing = reader.number_mm(*v, "paragraph_spacing", 0, 5).value_or(0.6);
  }
  if (auto v = map.get("align")) {
    style.align = reader.choice(*v, "align", {"left", "center", "right", "justify"}).value_or("left");
  }
  if (auto v = map.get("color")) {
    if (auto c = reader.string(*v, "color")) {
      if (theme.color(*c)) {
        style.color = *c;
      } else {
        std::vector<std::string> names;
        for (const auto& [name, hex] : theme.colors) names.push_back(name);
        const auto near = closest(*c, names);
        reader.error(*v, fmt::format("unknown colour '{}'", *c),
                     "a colour of the theme (" + join_or(names) + ") or six hex digits",
                     near ? fmt::format("did you mean '{}'?", *near) : "add it under `colors:`");
      }
    }
  }
  // Display text (titles, kickers, labels, figures, tile names) is short
  // and large: a break there reads as a misspelling, so its roles never
  // hyphenate, and a style that asks to is refused rather than obeyed.
  const bool display = style.role != FontRole::body;
  style.hyphenate = !display;
  if (auto v = map.get("hyphenate")) {
    const bool on = reader.choice(*v, "hyphenate", {"true", "false"}).value_or("true") == "true";
    if (on && display) {
      reader.error(*v,
                   fmt::format("style '{}' of role {} asks to hyphenate", style.name,
                               font_role_names[static_cast<std::size_t>(style.role)]),
                   "no `hyphenate:` (or `hyphenate: false`): headings and figures never hyphenate",
                   "remove `hyphenate: true`, or give the style `role: body` if it is running text");
    }
    style.hyphenate = on && !display;
  }
  if (auto v = map.get("uppercase"))
    style.uppercase = reader.choice(*v, "uppercase", {"true", "false"}).value_or("") == "true";
  if (auto v = map.get("features")) {
    reader.list(*v, "features", [&](const yaml::Node& item) {
      if (auto f = reader.string(item, "feature")) style.features.push_back(*f);
    });
  }
  return style;
}

// `fonts:`, a family per role. A role left out takes the family of the one
// before it (figures that of heading, heading that of body), so that one
// `body:` sets every text.
void read_fonts(Reader& reader, const yaml::Node& node, Theme& theme) {
  MapReader fonts(reader, node, "fonts", {"body", "heading", "figures"});
  theme.font_pos.fill(reader.pos(node));
  for (std::size_t i = 0; i < font_role_names.size(); ++i) {
    const std::string role(font_role_names[i]);
    if (i > 0) {
      theme.fonts[i] = theme.fonts[i - 1];
      theme.font_pos[i] = theme.font_pos[i - 1];
    }
    if (const auto f = fonts.get(role)) {
      if (const auto family = reader.string(*f, role)) {
        theme.fonts[i] = *family;
        theme.font_pos[i] = reader.pos(*f);
      }
    }
  }
}

std::vector<ThemeStyle> read_styles(Reader& reader, const yaml::Node& node, const Theme& theme) {
  std::vector<ThemeStyle> styles;
  if (!node.IsMap()) {
    reader.error(node, "'styles' must be a map of style names to styles", "name: {size_pt: …, weight: …} per style");
    return styles;
  }
  for (const auto& entry : node) {
    reader.place_empty_value_at_key(entry.second, entry.first);
    styles.push_back(read_style(reader, entry.first, entry.second, theme));
  }
  return styles;
}

// One entry of `colors:`: six hex digits, or a map with the screen value
// and the print value, {rgb: "1D4F91", cmyk: [100, 72, 0, 18]}.
void read_theme_colour(Reader& reader, const std::string& name, const yaml::Node& node, Theme& theme) {
  std::optional<std::string> hex;
  std::optional<std::array<double, 4>> cmyk;
  SourcePos at = reader.pos(node);  // of the hex digits, where messages about the colour point
  if (node.IsMap()) {
    MapReader map(reader, node, name, {"rgb", "cmyk"});
    if (auto v = map.required("rgb", "the colour on screen, six hex digits")) {
      hex = reader.color(*v, name + ".rgb");
      at = reader.pos(*v);
    }
    if (auto v = map.get("cmyk")) {
      std::array<double, 4> values{};
      std::size_t n = 0;
      bool ok = v->IsSequence() && v->size() == 4;
      if (ok) {
        reader.list(*v, name + ".cmyk", [&](const yaml::Node& item) {
          const auto percent = reader.number_mm(item, name + ".cmyk", 0, 100);
          if (!percent) ok = false;
          if (n < values.size()) values[n++] = percent.value_or(0);
        });
      } else {
        reader.error(*v, fmt::format("the print value of '{}' is not four percentages", name),
                     "cmyk: [C, M, Y, K], each from 0 to 100", "write e.g. cmyk: [0, 0, 0, 100] for black text");
      }
      const double ink = values[0] + values[1] + values[2] + values[3];
      if (ok && ink > 300) {
        ok = false;
        reader.error(*v, fmt::format("the print value of '{}' has {:g} % ink in all, more than 300 %", name, ink),
                     "C + M + Y + K at most 300, what print shops accept on coated paper",
                     "take ink out of C, M and Y, e.g. cmyk: [0, 0, 0, 100] for black");
      }
      if (ok) cmyk = values;
    }
  } else {
    hex = reader.color(node, name);
  }
  if (!hex) return;
  theme.colors.emplace_back(name, *hex);
  theme.color_pos.push_back(at);
  theme.color_cmyk.push_back(cmyk);
}

}  // namespace

std::optional<Theme> load_theme(const fs::path& root, const fs::path& file, const SourcePos& from,
                                Diagnostics& diagnostics, const Languages& languages) {
  const std::string shown = display_name(root, file);
  const auto doc = parse_yaml_file(root / file, shown, from, diagnostics);
  if (!doc) return std::nullopt;
  Reader reader(shown, diagnostics, languages);
  MapReader top(reader, *doc, "the theme", {"name", "colors", "fonts", "hyphenation", "styles", "logo"});
  if (!top.is_map()) return std::nullopt;
  Theme theme;
  theme.file = file;
  if (auto v = top.required("name", "the theme's name")) theme.name = reader.string(*v, "name").value_or("");
  if (auto v = top.required("colors", "a map of colour names to six hex digits")) {
    if (!v->IsMap()) {
      reader.error(*v, "'colors' must be a map of names to colours", "name: \"RRGGBB\" per line");
    } else {
      for (const auto& entry : *v) {
        const std::string colour_name = entry.first.Scalar();
        reader.place_empty_value_at_key(entry.second, entry.first);
        read_theme_colour(reader, colour_name, entry.second, theme);
      }
    }
  }
  if (auto v = top.get("fonts")) read_fonts(reader, *v, theme);
  if (auto v = top.get("logo")) {
    theme.logo = reader.file_in_root(*v, "logo", root).value_or(fs::path());
    if (!theme.logo.empty()) check_image(reader, *v, root, theme.logo);
  }
  if (auto v = top.get("styles")) theme.styles = read_styles(reader, *v, theme);
  if (auto v = top.get("hyphenation")) {
    MapReader hyphenation(reader, *v, "hyphenation", {"exceptions"});
    if (auto list = hyphenation.get("exceptions")) {
      reader.list(*list, "exceptions", [&](const yaml::Node& item) {
        if (auto word = reader.string(item, "exception")) {
          if (word->find(' ') != std::string::npos) {
            reader.error(item, "a hyphenation exception is one word: '" + *word + "'",
                         "a word with '-' at its break points, e.g. Over-ijs-sel, or without to never break it");
          } else {
            theme.hyphenation_exceptions.push_back(*word);
          }
        }
      });
    }
  }
  return theme;
}

}  // namespace impactkit::content::detail
