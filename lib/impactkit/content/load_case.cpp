// One case: cases/ID.yaml.

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace impactkit::content::detail {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> to_strings(const auto& names) {
  return {names.begin(), names.end()};
}

template <class Enum, class Names>
std::optional<Enum> enum_choice(Reader& reader, const yaml::Node& node, std::string_view what, const Names& names) {
  const auto word = reader.choice(node, what, to_strings(names));
  if (!word) return std::nullopt;
  return static_cast<Enum>(std::find(names.begin(), names.end(), *word) - names.begin());
}

std::vector<int> read_sdgs(Reader& reader, const yaml::Node& node) {
  std::vector<int> goals;
  std::vector<int> first_line(18, 0);
  reader.list(node, "sdgs", [&](const yaml::Node& item) {
    const auto n = reader.integer(item, "SDG number", 1, 17);
    if (!n) return;
    if (first_line[*n] != 0) {
      reader.error(item, fmt::format("SDG {} is listed twice", *n), "each goal once", "remove the repeat");
      return;
    }
    first_line[*n] = reader.pos(item).line;
    goals.push_back(static_cast<int>(*n));
  });
  if (node.IsSequence() && node.size() == 0) {
    reader.error(node, "'sdgs' is empty", "at least one goal number from 1 to 17", "add the goals the case serves");
  }
  return goals;
}

Route read_route(Reader& reader, const yaml::Node& node) {
  Route route;
  MapReader map(reader, node, "route", {"ambitie", "vraagstuk", "vraageigenaar", "uitvraag", "oplossing", "impact"});
  if (!map.is_map()) return route;
  const auto step = [&](const char* key, Text& out) {
    if (auto v = map.required(key, "a text")) out = reader.text(*v, key);
  };
  step("ambitie", route.ambitie);
  step("vraagstuk", route.vraagstuk);
  step("vraageigenaar", route.vraageigenaar);
  if (auto v = map.required("uitvraag", "a map with `kind` and `text`")) {
    MapReader uitvraag(reader, *v, "uitvraag", {"kind", "text"});
    if (auto kind = uitvraag.required("kind", "the kind of procurement")) {
      route.uitvraag.kind_pos = reader.pos(*kind);
      if (auto k = enum_choice<UitvraagKind>(reader, *kind, "uitvraag kind", uitvraag_kind_names)) {
        route.uitvraag.kind = *k;
      }
    }
    if (auto text = uitvraag.required("text", "how the market was asked")) {
      route.uitvraag.text = reader.text(*text, "uitvraag.text");
    }
  }
  step("oplossing", route.oplossing);
  step("impact", route.impact);
  return route;
}

Confrontation read_confrontation(Reader& reader, const yaml::Node& node) {
  Confrontation out;
  MapReader confrontation(reader, node, "confrontation", {"te_weinig", "met_impact"});
  if (auto t = confrontation.required("te_weinig", "what happens if we do too little")) {
    out.te_weinig = reader.text(*t, "te_weinig");
  }
  if (auto t = confrontation.required("met_impact", "what the case achieved by doing more")) {
    out.met_impact = reader.text(*t, "met_impact");
  }
  return out;
}

std::vector<Partner> read_partners(Reader& reader, const yaml::Node& node) {
  std::vector<Partner> partners;
  reader.list(node, "partners", [&](const yaml::Node& item) {
    MapReader partner(reader, item, "partner", {"name", "role"});
    if (!partner.is_map()) return;
    Partner p;
    if (auto n = partner.required("name", "the partner's name")) p.name = reader.string(*n, "name").value_or("");
    if (auto r = partner.get("role")) p.role = reader.text(*r, "role");
    partners.push_back(std::move(p));
  });
  return partners;
}

// A case's images: files inside the root, PNG, JPEG or SVG, of a size impactkit decodes.
std::vector<Image> read_images(Reader& reader, const yaml::Node& node, const fs::path& root) {
  std::vector<Image> images;
  reader.list(node, "images", [&](const yaml::Node& item) {
    MapReader image(reader, item, "image", {"file", "caption", "credit"});
    if (!image.is_map()) return;
    Image img;
    img.pos = reader.pos(item);
    if (auto f = image.required("file", "a path inside the content root")) {
      if (auto path = reader.file_in_root(*f, "file", root)) {
        const std::string ext = path->extension().string();
        static const std::vector<std::string> kinds = {".png", ".jpg", ".jpeg", ".svg"};
        if (std::find(kinds.begin(), kinds.end(), ext) == kinds.end()) {
          reader.error(*f, fmt::format("image '{}' is not a PNG, JPEG or SVG file", path->string()),
                       "a file ending in .png, .jpg, .jpeg or .svg", "convert the image to one of these");
        } else {
          check_image(reader, *f, root, *path);
        }
        img.file = *path;
      }
    }
    if (auto t = image.get("caption")) img.caption = reader.text(*t, "caption");
    if (auto t = image.get("credit")) img.credit = reader.string(*t, "credit").value_or("");
    images.push_back(std::move(img));
  });
  return images;
}

}  // namespace

std::optional<Case> load_case(const fs::path& root, const std::string& id, const SourcePos& listed_at,
                              Diagnostics& diagnostics, const Languages& languages) {
  Case c;
  c.file = fs::path("cases") / (id + ".yaml");
  c.pos = listed_at;
  const std::string shown = display_name(root, c.file);
  if (!fs::exists(root / c.file)) {
    diagnostics.error(listed_at, fmt::format("case '{}' has no file '{}'", id, shown),
                      "a case file cases/" + id + ".yaml",
                      fmt::format("create it with `impactkit new case {}`, or remove '{}' from `cases:`", id, id));
    return std::nullopt;
  }
  const auto doc = parse_yaml_file(root / c.file, shown, listed_at, diagnostics);
  if (!doc) return std::nullopt;

  Reader reader(shown, diagnostics, languages);
  MapReader map(reader, *doc, "case",
                {"id", "title", "subtitle", "theme", "sdgs", "headline", "quote", "route", "figures", "confrontation",
                 "partners", "questions", "sources", "images"});
  if (!map.is_map()) return std::nullopt;

  if (auto v = map.required("id", "the case id, equal to the file name")) {
    if (auto file_id = reader.id(*v, "case id")) {
      if (*file_id != id) {
        reader.error(*v, fmt::format("case id '{}' does not match its file name '{}.yaml'", *file_id, id),
                     fmt::format("id: {}", id), "make the id and the file name the same");
      }
    }
  }
  c.id = id;
  if (auto v = map.required("title", "a text")) c.title = reader.text(*v, "title");
  if (auto v = map.required("subtitle", "a text")) c.subtitle = reader.text(*v, "subtitle");
  if (auto v = map.required("theme", "one of " + join_or(to_strings(case_theme_names)))) {
    if (auto t = enum_choice<CaseTheme>(reader, *v, "theme", case_theme_names)) c.theme = *t;
  }
  if (auto v = map.required("sdgs", "a list of goal numbers, e.g. [7, 13]")) c.sdgs = read_sdgs(reader, *v);
  const auto headline = map.get("headline");
  if (headline) c.headline = reader.text(*headline, "headline");
  if (auto v = map.get("quote")) {
    MapReader quote(reader, *v, "quote", {"text", "by"});
    Quote q;
    if (auto t = quote.required("text", "the quoted words")) q.text = reader.text(*t, "quote.text");
    if (auto b = quote.required("by", "who said or wrote it")) q.by = reader.string(*b, "quote.by").value_or("");
    c.quote = std::move(q);
  } else if (!headline && map.is_map()) {
    reader.error(*doc, "case has neither 'headline' nor 'quote'", "a headline, a quote, or both",
                 "add `headline:` with a newspaper headline or slogan");
  }
  if (auto v = map.required("route", "the route from ambitie to impact")) c.route = read_route(reader, *v);
  if (auto v = map.required("sources", "a list of sources")) {
    c.sources = read_sources(reader, *v);
    if (v->IsSequence() && v->size() == 0) {
      reader.error(*v, "'sources' is empty", "at least one source", "name the documents the case's facts come from");
    }
  }
  if (auto v = map.required("figures", "a list of key figures")) c.figures = read_figures(reader, *v, c.sources);
  if (auto v = map.required("confrontation", "a map with `te_weinig` and `met_impact`")) {
    c.confrontation = read_confrontation(reader, *v);
  }
  if (auto v = map.get("partners")) c.partners = read_partners(reader, *v);
  if (auto v = map.required("questions", "a list of workshop questions")) {
    reader.list(*v, "questions", [&](const yaml::Node& item) { c.questions.push_back(reader.text(item, "question")); });
    if (v->IsSequence() && v->size() == 0) {
      reader.error(*v, "'questions' is empty", "at least one workshop question", "add a question");
    }
  }
  if (auto v = map.get("images")) c.images = read_images(reader, *v, root);
  return c;
}

}  // namespace impactkit::content::detail
