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
namespace yaml = detail::yaml;
using detail::MapReader;
using detail::Reader;

namespace {

void read_languages(Reader& reader, const yaml::Node& node, Languages& languages) {
  MapReader map(reader, node, "languages", {"default", "available"});
  if (auto v = map.get("default")) languages.default_language = reader.string(*v, "default").value_or("nl");
  languages.available = {languages.default_language};
  if (auto v = map.get("available")) {
    std::vector<std::string> available;
    reader.list(*v, "available", [&](const yaml::Node& item) {
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

void read_contact(Reader& reader, const yaml::Node& node, Contact& contact) {
  MapReader map(reader, node, "contact", {"team", "email", "phone", "url", "location"});
  if (auto v = map.required("team", "the team's name")) contact.team = reader.text(*v, "team");
  // The roadshow travels: between two places its location (or any contact
  // but the team) may be left empty, `location:` or `location: ""`, and the
  // posters then leave that line out.
  const auto optional = [&](const char* key, std::string& out) {
    auto v = map.get(key);
    if (!v || v->IsNull() || (v->IsScalar() && v->Scalar().empty())) return;
    out = reader.string(*v, key).value_or("");
  };
  optional("email", contact.email);
  optional("phone", contact.phone);
  optional("url", contact.url);
  optional("location", contact.location);
}

void read_intro(Reader& reader, const yaml::Node& node, Intro& intro) {
  MapReader map(reader, node, "intro", {"headline", "text", "figures", "sources"});
  if (!map.is_map()) return;
  if (auto v = map.required("headline", "a text")) intro.headline = reader.text(*v, "headline");
  if (auto v = map.required("text", "a text")) intro.text = reader.text(*v, "text");
  if (auto v = map.required("sources", "a list of sources")) intro.sources = detail::read_sources(reader, *v);
  if (auto v = map.required("figures", "a list of key figures")) {
    intro.figures = detail::read_figures(reader, *v, intro.sources);
  }
}

// A role card holds its name, description, interest and up to three
// questions at a readable size; a fourth would shrink them all.
void read_role_questions(Reader& reader, const yaml::Node& node, Role& role) {
  constexpr std::size_t most = 3;
  const bool is_list = reader.list(node, "questions", [&](const yaml::Node& item) {
    if (role.questions.size() == most) {
      reader.error(item, fmt::format("role '{}' has more than {} questions", role.id, most),
                   fmt::format("at most {} questions: a role card holds {}", most, most),
                   "keep the questions this role asks most and remove the others");
    }
    role.questions.push_back(reader.text(item, "question"));
  });
  if (is_list && role.questions.empty()) {
    reader.error(node, "'questions' is empty", "a list of 1 to 3 questions this role asks or answers",
                 "add a question, or remove `questions:`");
  }
}

void read_roles(Reader& reader, const yaml::Node& node, std::vector<Role>& roles) {
  reader.list(node, "roles", [&](const yaml::Node& item) {
    MapReader map(reader, item, "role", {"id", "name", "description", "questions", "interest"});
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
    if (auto v = map.get("questions")) read_role_questions(reader, *v, role);
    if (auto v = map.get("interest")) role.interest = reader.text(*v, "interest");
    roles.push_back(std::move(role));
  });
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
void read_cases(Reader& reader, const yaml::Node& node, Roadshow& roadshow) {
  std::vector<std::pair<std::string, int>> listed;  // id, line
  std::vector<Listed> to_load;
  if (node.IsSequence() && node.size() > limits::max_cases) {
    // Reported at the first case too many; none is loaded, the roadshow is not usable as it is.
    reader.error(node[limits::max_cases], fmt::format("more than {} cases", limits::max_cases),
                 fmt::format("at most {} cases in one roadshow", limits::max_cases),
                 "make a roadshow per theme or region, each with its own cases");
    return;
  }
  reader.list(node, "cases", [&](const yaml::Node& item) {
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
  // Parsed meanwhile, on another core: a third of a roadshow's YAML.
  detail::LayoutInputs layout_inputs(root);
  detail::check_links_stay_in_root(root, diagnostics);
  const auto doc = detail::parse_yaml_file(root / roadshow_file_name, shown, {shown, 0, 0}, diagnostics);
  if (!doc) return roadshow;

  Reader reader(shown, diagnostics, roadshow.languages);
  MapReader map(reader, *doc, "roadshow",
                {"title", "subtitle", "organisation", "contact", "languages", "theme", "sdgs", "themes", "tender_kinds",
                 "cases", "intro", "roles", "print", "posters", "deck", "forms", "exhibit", "wheel"});
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
  if (auto v = map.required("themes", "a list of the case themes: `id` and `name` per language")) {
    roadshow.themes = detail::read_themes(reader, *v);
  }
  if (auto v = map.required("tender_kinds", "a list of the kinds of procurement: `id` and `name` per language")) {
    roadshow.tender_kinds = detail::read_tender_kinds(reader, *v);
  }
  if (auto v = map.required("roles", "a list of workshop roles")) read_roles(reader, *v, roadshow.roles);
  if (auto v = map.get("print")) detail::read_print(reader, *v, root, roadshow.print);
  if (auto v = map.get("posters")) detail::read_posters(reader, *v, roadshow.posters);
  if (auto v = map.get("deck")) detail::read_deck(reader, *v, roadshow.deck);
  if (auto v = map.get("forms")) detail::read_forms(reader, *v, roadshow.forms);
  if (auto v = map.get("exhibit")) detail::read_exhibit(reader, *v, roadshow.exhibit);
  if (auto v = map.get("wheel")) detail::read_wheel(reader, *v, roadshow.theme, roadshow.wheel);
  if (auto v = map.required("cases", "a list of case ids")) read_cases(reader, *v, roadshow);
  detail::check_vocabulary(roadshow, diagnostics);
  detail::resolve_wheel(roadshow, diagnostics);
  layout_inputs.finish(roadshow, diagnostics);
  return roadshow;
}

}  // namespace impactkit::content
