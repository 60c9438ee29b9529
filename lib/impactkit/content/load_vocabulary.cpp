// The roadshow's own vocabulary in roadshow.yaml: the case themes and the
// tender kinds its cases use. They are data, so that a fork names its own
// ("social-value", "net-zero") without touching code.

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace impactkit::content::detail {

namespace {

// A list of `{id, name}` maps; `Entry` is CaseTheme or TenderKind.
template <class Entry>
std::vector<Entry> read_named_ids(Reader& reader, const yaml::Node& node, const std::string& what,
                                  const std::string& example) {
  std::vector<Entry> out;
  reader.list(node, what, [&](const yaml::Node& item) {
    MapReader map(reader, item, what, {"id", "name"});
    if (!map.is_map()) return;
    Entry entry;
    entry.pos = map.pos();
    if (auto v = map.required("id", "a short id, e.g. " + example)) {
      entry.id = reader.id(*v, what + " id").value_or("");
      const auto dup = std::find_if(out.begin(), out.end(), [&](const Entry& e) { return e.id == entry.id; });
      if (dup != out.end() && !entry.id.empty()) {
        reader.error(*v, fmt::format("{} '{}' is declared twice; first at line {}", what, entry.id, dup->pos.line),
                     "each id once", "remove the repeat");
      }
    }
    if (auto v = map.required("name", "a text: the name as printed, per language"))
      entry.name = reader.text(*v, "name");
    out.push_back(std::move(entry));
  });
  if (node.IsSequence() && node.size() == 0) {
    reader.error(node, fmt::format("'{}' is empty", what), "at least one entry with `id` and `name`",
                 "declare what the cases use");
  }
  return out;
}

template <class Entry>
std::vector<std::string> ids_of(const std::vector<Entry>& entries) {
  std::vector<std::string> ids;
  ids.reserve(entries.size());
  for (const auto& e : entries) ids.push_back(e.id);
  return ids;
}

// A case's or sector's reference `id` (at `at`) to one of `declared`.
template <class Entry>
void check_reference(const std::string& id, const SourcePos& at, const std::vector<Entry>& declared,
                     const std::string& what, const std::string& list_key, Diagnostics& diagnostics) {
  if (id.empty() || std::any_of(declared.begin(), declared.end(), [&](const Entry& e) { return e.id == id; })) return;
  const auto ids = ids_of(declared);
  const auto near = closest(id, ids);
  diagnostics.error(
      at, fmt::format("unknown {} '{}': roadshow.yaml does not declare it", what, id),
      ids.empty() ? fmt::format("an id under `{}:` in roadshow.yaml", list_key) : "one of " + join_or(ids),
      near ? fmt::format("did you mean '{}'?", *near)
           : fmt::format("declare it under `{}:` in roadshow.yaml, with its name per language", list_key));
}

}  // namespace

std::vector<CaseTheme> read_themes(Reader& reader, const yaml::Node& node) {
  return read_named_ids<CaseTheme>(reader, node, "themes", "net-zero");
}

std::vector<TenderKind> read_tender_kinds(Reader& reader, const yaml::Node& node) {
  return read_named_ids<TenderKind>(reader, node, "tender_kinds", "innovation-oriented");
}

void check_vocabulary(Roadshow& roadshow, Diagnostics& diagnostics) {
  const bool theme_loaded = !roadshow.theme.file.empty();
  for (auto& t : roadshow.themes) {
    if (auto hex = roadshow.theme.color(t.id)) {
      t.color = *hex;
    } else if (theme_loaded && !t.id.empty()) {
      diagnostics.error(t.pos, fmt::format("theme '{}' has no colour in {}", t.id, roadshow.theme.file.string()),
                        fmt::format("a colour named '{}' under `colors:` in the theme file", t.id),
                        fmt::format("add `{}: \"RRGGBB\"` to `colors:` in {}", t.id, roadshow.theme.file.string()));
    }
  }
  for (const auto& c : roadshow.cases) {
    check_reference(c.theme, c.theme_pos, roadshow.themes, "theme", "themes", diagnostics);
    check_reference(c.route.tender.kind, c.route.tender.kind_pos, roadshow.tender_kinds, "tender kind", "tender_kinds",
                    diagnostics);
  }
  for (const auto& sector : roadshow.wheel.sectors) {
    check_reference(sector.theme, sector.theme_pos, roadshow.themes, "theme", "themes", diagnostics);
  }
}

}  // namespace impactkit::content::detail
