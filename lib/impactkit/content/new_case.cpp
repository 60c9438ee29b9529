#include <impactkit/content/detail/yaml_tree.hpp>
#include <impactkit/content/loader.hpp>
#include <impactkit/content/new_case.hpp>
#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace impactkit::content {
namespace fs = std::filesystem;
namespace yaml = detail::yaml;

namespace {

// Every value between << and >> is a placeholder: `impactkit validate`
// reports each one left, at its position, so that none reaches a poster.
constexpr const char* skeleton_nl = R"(# Een case van de roadshow: één inkoopverhaal, van ambitie tot impact.
# Elke sleutel staat in docs/content.md. Een tekst is een gewone string in de
# standaardtaal, of een map per taal, bijvoorbeeld
#   title:
#     nl: Warmtepomp uit Staphorst
#     en: A heat pump from Staphorst
# Vervang elke <<plaatshouder>>; `impactkit validate` meldt wat er nog staat.
# Elk getal komt uit een bron onder `sources:`.

id: {id}                     # gelijk aan de naam van dit bestand
status: <<achieved, in-progress of idea>>
title: <<titel van de case — kort, het is de kop van de poster>>
subtitle: <<één zin — wat er is ingekocht en waarom>>
theme: <<id van een thema onder themes in roadshow.yaml>>
sdgs: [<<nummers van de doelen die de case dient (1 tot 17)>>]

headline: <<een krantenkop of slogan over de case>>
# quote:                      # optioneel: woorden die iemand zei of schreef
#   text: "..."
#   by: Naam, functie

# De route van ambitie naar impact.
route:
  ambition: <<welk beleidsdoel wilden we halen?>>
  question: <<welke concrete vraag lag er?>>
  owner: <<wie was eigenaar van de vraag?>>
  tender:
    kind: <<id van een soort onder tender_kinds in roadshow.yaml>>
    text: <<hoe is de markt uitgedaagd?>>
  solution: <<welke oplossing kwam eruit?>>
  impact: <<wat heeft het opgeleverd, of wat moet het opleveren?>>

# Kerncijfers: het getal zoals gedrukt, de eenheid, wat het betekent, de
# scope (case: het eigen resultaat van deze case; context: een landelijk of
# algemeen cijfer, met `about:`) en de bron. Een case zonder eigen cijfer mag
# `figures:` weglaten.
figures:
  - value: "<<getal>>"
    unit: <<eenheid, bijvoorbeeld woningen>>
    label: <<wat het getal betekent>>
    scope: <<case of context>>
    source: bron-1

# Wat er gebeurt als we te weinig doen, naast wat meer doen oplevert.
confrontation:
  too_little: <<wat gebeurt er als we te weinig doen?>>
  with_impact: <<wat levert het op als we meer doen?>>

partners:
  - name: <<naam van een partner>>
    role: <<wat deze partner deed>>

# Vragen voor de workshop: van een ambitie naar een concreet vraagstuk.
questions:
  - <<een vraag die een deelnemer aan het denken zet>>

sources:
  - id: bron-1
    title: <<titel van het document>>
    publisher: <<wie het publiceerde>>
    year: <<jaar van publicatie>>
    # url: https://...

# images:                     # optioneel; bestanden in de content root
#   - file: assets/foto.jpg
#     caption: Onderschrift
#     credit: Fotograaf
)";

constexpr const char* skeleton_en = R"(# A case of the roadshow: one procurement story, from ambition to impact.
# Every key is explained in docs/content.md. A text is a plain string in the
# default language, or a map per language, e.g.
#   title:
#     en: A heat pump from a local start-up
#     nl: Een warmtepomp van een lokale starter
# Replace every <<placeholder>>; `impactkit validate` reports those left.
# Every number comes from a source listed under `sources:`.

id: {id}                     # equal to this file's name
status: <<achieved, in-progress or idea>>
title: <<the case's title — short, it is the poster's headline>>
subtitle: <<one sentence — what was bought, and why>>
theme: <<the id of a theme under themes in roadshow.yaml>>
sdgs: [<<the numbers of the goals the case serves (1 to 17)>>]

headline: <<a newspaper headline or slogan about the case>>
# quote:                      # optional: words someone said or wrote
#   text: "..."
#   by: Name, role

# The route from ambition to impact.
route:
  ambition: <<which policy goal did we want to reach?>>
  question: <<which concrete question was there?>>
  owner: <<who owned the question?>>
  tender:
    kind: <<the id of a kind under tender_kinds in roadshow.yaml>>
    text: <<how was the market challenged?>>
  solution: <<which solution came out of it?>>
  impact: <<what did it achieve, or what is it to achieve?>>

# Key figures: the number as printed, its unit, what it means, its scope
# (case: this case's own result; context: a national or general figure, with
# `about:`) and its source. A case without a figure of its own may leave
# `figures:` out.
figures:
  - value: "<<number>>"
    unit: <<unit, e.g. homes>>
    label: <<what the number means>>
    scope: <<case or context>>
    source: source-1

# What happens if we do too little, beside what doing more achieves.
confrontation:
  too_little: <<what happens if we do too little?>>
  with_impact: <<what does doing more achieve?>>

partners:
  - name: <<a partner's name>>
    role: <<what this partner did>>

# Questions for the workshop: from an ambition to a concrete question.
questions:
  - <<a question that sets a participant thinking>>

sources:
  - id: source-1
    title: <<the document's title>>
    publisher: <<who published it>>
    year: <<year of publication>>
    # url: https://...

# images:                     # optional; files inside the content root
#   - file: assets/photo.jpg
#     caption: Caption
#     credit: Photographer
)";

}  // namespace

std::string case_skeleton(std::string_view id, std::string_view language) {
  return fmt::format(fmt::runtime(language == "nl" ? skeleton_nl : skeleton_en), fmt::arg("id", id));
}

namespace {

// Inserts `- id` into the `cases:` list of roadshow.yaml's text, keeping the
// rest of the file (comments, order, layout) as it is: the YAML tree is read
// only, so the edit is made on the text, at the byte offset the tree gives
// for the list. Returns nothing if the list has a shape this cannot edit safely.
std::optional<std::string> with_case_listed(const std::string& text, std::string_view id) {
  const auto parsed = yaml::parse(text);
  if (parsed.failure) return std::nullopt;
  const yaml::Node& doc = parsed.root;
  if (!doc.IsMap() || !doc["cases"] || !doc["cases"].IsSequence()) return std::nullopt;
  const yaml::Node list = doc["cases"];
  for (const auto& item : list) {
    if (item.IsScalar() && item.Scalar() == id) return text;  // listed already
  }
  const yaml::Mark mark = list.Mark();
  if (mark.is_null()) return std::nullopt;
  const std::size_t start = static_cast<std::size_t>(mark.pos);
  if (start < text.size() && text[start] == '[') {
    // Flow list: insert before the closing bracket.
    const std::size_t close = text.find(']', start);
    if (close == std::string::npos) return std::nullopt;
    const bool empty = text.find_first_not_of(" \t\r\n", start + 1) == close;
    return text.substr(0, close) + (empty ? "" : ", ") + std::string(id) + text.substr(close);
  }
  if (list.size() == 0) return std::nullopt;
  // Block list: a new line after the last item, indented like the first.
  const yaml::Mark last = list[list.size() - 1].Mark();
  const std::size_t line_start = text.rfind('\n', start);
  const std::size_t indent = start - (line_start == std::string::npos ? 0 : line_start + 1);
  std::size_t end = text.find('\n', static_cast<std::size_t>(last.pos));
  std::string prefix = end == std::string::npos ? text + "\n" : text.substr(0, end + 1);
  const std::string rest = end == std::string::npos ? std::string() : text.substr(end + 1);
  return prefix + std::string(indent, ' ') + "- " + std::string(id) + "\n" + rest;
}

// The roadshow's default language, for the skeleton's comments and
// placeholders: Dutch for nl, else English.
std::string default_language(const std::string& roadshow_text) {
  const auto parsed = yaml::parse(roadshow_text);
  if (parsed.failure || !parsed.root.IsMap()) return "en";
  const yaml::Node languages = parsed.root["languages"];
  if (!languages || !languages.IsMap() || !languages["default"] || !languages["default"].IsScalar()) return "nl";
  return languages["default"].Scalar();
}

}  // namespace

NewCaseResult add_new_case(const fs::path& root, std::string_view id) {
  if (!is_valid_id(id)) {
    throw NewCaseError(
        fmt::format("'{}' is not a valid case id: use lower-case letters and digits, words joined by single '-' "
                    "(e.g. warmtepomp-staphorst)",
                    id));
  }
  const fs::path roadshow_file = root / roadshow_file_name;
  const auto roadshow_text = read_file(roadshow_file);
  if (!roadshow_text) {
    throw NewCaseError(
        fmt::format("no readable roadshow.yaml in '{}': run this in a content root, or use -C DIR", root.string()));
  }
  NewCaseResult result;
  result.case_file = root / "cases" / (std::string(id) + ".yaml");
  if (fs::exists(result.case_file)) {
    throw NewCaseError(fmt::format("'{}' exists already; impactkit never overwrites a case — choose another id",
                                   result.case_file.lexically_normal().string()));
  }
  fs::create_directories(root / "cases");
  write_file_atomically(result.case_file, case_skeleton(id, default_language(*roadshow_text)));
  if (auto listed = with_case_listed(*roadshow_text, id)) {
    write_file_atomically(roadshow_file, *listed);
    result.listed = true;
  } else {
    result.note = fmt::format("add '- {}' to `cases:` in roadshow.yaml to include it in the roadshow", id);
  }
  return result;
}

}  // namespace impactkit::content
