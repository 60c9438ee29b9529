#include <impactkit/content/detail/yaml_tree.hpp>
#include <impactkit/content/loader.hpp>
#include <impactkit/content/new_case.hpp>
#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace impactkit::content {
namespace fs = std::filesystem;
namespace yaml = detail::yaml;

std::string case_skeleton(std::string_view id) {
  // Every value below is a placeholder that validates, so that a new case
  // passes `impactkit validate` at once; replace them all.
  return fmt::format(R"(# A case of the roadshow: one procurement story, from ambition to impact.
# Every key is explained in docs/content.md. A text is a plain string in the
# default language, or a map per language, e.g.
#   title:
#     nl: Warmtepomp uit Staphorst
#     en: A heat pump from Staphorst
# Every number must come from a source listed under `sources:`.

id: {id}                     # equal to this file's name
title: Titel van de case      # short: it is the poster's headline
subtitle: Eén zin die zegt wat er is ingekocht en waarom
theme: energietransitie       # energietransitie, circulariteit, biodiversiteit or inclusiviteit
sdgs: [7, 13]                 # the goals the case serves, 1 to 17

headline: Een krantenkop of slogan over de case
# quote:                      # optional: words someone said or wrote, with a source
#   text: "..."
#   by: Naam, functie

# The route from ambition to impact.
route:
  ambitie: Welk beleidsdoel wilden we halen?
  vraagstuk: Welke concrete vraag lag er?
  vraageigenaar: Wie was eigenaar van de vraag?
  uitvraag:
    # innovatiegericht, ontwikkelingsgericht, samenwerking-gebaseerd,
    # transactie-gebaseerd, dynamisch-aankoopsysteem, voorbehouden-opdracht, circulair
    kind: innovatiegericht
    text: Hoe hebben we de markt uitgedaagd?
  oplossing: Welke oplossing kwam eruit?
  impact: Wat heeft het opgeleverd?

# Key figures: the number as printed, its unit, what it means, and its source.
figures:
  - value: "1"
    unit: case
    label: Vervang dit door een cijfer uit een bron
    source: bron-1

# What happens if we do too little, beside what the case achieved.
confrontation:
  te_weinig: Wat gebeurt er als we te weinig doen?
  met_impact: Wat bereikte deze case door meer te doen?

partners:
  - name: Naam van een partner
    role: Wat deze partner deed

# Questions for the workshop: from an ambition to a concrete vraagstuk.
questions:
  - Welke ambitie uit jouw beleid vraagt om een andere inkoop?

sources:
  - id: bron-1
    title: Titel van het document
    publisher: Wie het publiceerde
    # year: 2021
    # url: https://...

# images:                     # optional; files inside the content root
#   - file: assets/foto.jpg
#     caption: Onderschrift
#     credit: Fotograaf
)",
                     fmt::arg("id", id));
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
  write_file_atomically(result.case_file, case_skeleton(id));
  if (auto listed = with_case_listed(*roadshow_text, id)) {
    write_file_atomically(roadshow_file, *listed);
    result.listed = true;
  } else {
    result.note = fmt::format("add '- {}' to `cases:` in roadshow.yaml to include it in the roadshow", id);
  }
  return result;
}

}  // namespace impactkit::content
