// One case: cases/ID.yaml.

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace impactkit::content::detail {
namespace fs = std::filesystem;

namespace {

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
  MapReader map(reader, node, "route", {"ambition", "question", "owner", "tender", "solution", "impact"});
  if (!map.is_map()) return route;
  const auto step = [&](const char* key, const char* expected, Text& out) {
    if (auto v = map.required(key, expected)) out = reader.text(*v, key);
  };
  step("ambition", "a text: the policy ambition", route.ambition);
  step("question", "a text: the concrete question", route.question);
  step("owner", "a text: who owns the question", route.owner);
  if (auto v = map.required("tender", "a map with `kind` and `text`")) {
    MapReader tender(reader, *v, "tender", {"kind", "text"});
    if (auto kind = tender.required("kind", "the id of a kind under `tender_kinds:` in roadshow.yaml")) {
      route.tender.kind_pos = reader.pos(*kind);
      route.tender.kind = reader.id(*kind, "tender kind").value_or("");
    }
    if (auto text = tender.required("text", "how the market was asked")) {
      route.tender.text = reader.text(*text, "tender.text");
    }
  }
  step("solution", "a text: the solution", route.solution);
  step("impact", "a text: the impact", route.impact);
  return route;
}

Confrontation read_confrontation(Reader& reader, const yaml::Node& node) {
  Confrontation out;
  MapReader confrontation(reader, node, "confrontation", {"too_little", "with_impact"});
  if (auto t = confrontation.required("too_little", "what happens if we do too little")) {
    out.too_little = reader.text(*t, "too_little");
  }
  if (auto t = confrontation.required("with_impact", "what doing more achieved, or aims to achieve")) {
    out.with_impact = reader.text(*t, "with_impact");
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
                {"id", "status", "title", "subtitle", "theme", "sdgs", "headline", "quote", "route", "figures",
                 "confrontation", "partners", "questions", "sources", "images"});
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
  if (auto v = map.required("status", "achieved, in-progress or idea")) {
    const std::vector<std::string> names(case_status_names.begin(), case_status_names.end());
    if (auto s = reader.choice(*v, "status", names)) {
      c.status = static_cast<CaseStatus>(std::find(names.begin(), names.end(), *s) - names.begin());
    }
  }
  // Checked against the roadshow's `themes:` once everything is loaded.
  if (auto v = map.required("theme", "the id of a theme under `themes:` in roadshow.yaml")) {
    c.theme_pos = reader.pos(*v);
    c.theme = reader.id(*v, "theme").value_or("");
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
  if (auto v = map.required("route", "the route from ambition to impact")) c.route = read_route(reader, *v);
  if (auto v = map.required("sources", "a list of sources")) {
    c.sources = read_sources(reader, *v);
    if (v->IsSequence() && v->size() == 0) {
      reader.error(*v, "'sources' is empty", "at least one source", "name the documents the case's facts come from");
    }
  }
  // Optional: a case without a figure of its own shows its headline, quote or image instead.
  if (auto v = map.get("figures")) c.figures = read_figures(reader, *v, c.sources);
  if (auto v = map.required("confrontation", "a map with `too_little` and `with_impact`")) {
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
