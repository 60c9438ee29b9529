#include <impactkit/content/model.hpp>

#include <algorithm>
#include <cctype>

namespace impactkit::content {

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

std::string_view name(CaseStatus status) {
  return case_status_names.at(static_cast<std::size_t>(status));
}
std::string_view name(CardKind kind) {
  return card_kind_names.at(static_cast<std::size_t>(kind));
}

const Source* Case::find_source(std::string_view source_id) const {
  const auto it = std::find_if(sources.begin(), sources.end(), [&](const Source& s) { return s.id == source_id; });
  return it == sources.end() ? nullptr : &*it;
}

const KeyFigure* Case::hero_figure() const {
  const auto it = std::find_if(figures.begin(), figures.end(),
                               [](const KeyFigure& f) { return f.scope == FigureScope::case_result; });
  return it == figures.end() ? nullptr : &*it;
}

const ThemeStyle* Theme::find_style(std::string_view style_name) const {
  const auto it = std::find_if(styles.begin(), styles.end(), [&](const ThemeStyle& s) { return s.name == style_name; });
  return it == styles.end() ? nullptr : &*it;
}

std::optional<std::string> Theme::color(std::string_view name_or_hex) const {
  for (const auto& [name, hex] : colors) {
    if (name == name_or_hex) return hex;
  }
  const bool hex = name_or_hex.size() == 6 && std::all_of(name_or_hex.begin(), name_or_hex.end(), [](char c) {
                     return std::isxdigit(static_cast<unsigned char>(c)) != 0;
                   });
  if (hex) return std::string(name_or_hex);
  return std::nullopt;
}

const std::string& Theme::family(const ThemeStyle& style) const {
  return style.font.empty() ? family(style.role) : style.font;
}

const Case* Roadshow::find_case(std::string_view case_id) const {
  const auto it = std::find_if(cases.begin(), cases.end(), [&](const Case& c) { return c.id == case_id; });
  return it == cases.end() ? nullptr : &*it;
}

const Sdg* Roadshow::find_sdg(int number) const {
  const auto it = std::find_if(sdgs.begin(), sdgs.end(), [&](const Sdg& s) { return s.number == number; });
  return it == sdgs.end() ? nullptr : &*it;
}

const CaseTheme* Roadshow::find_theme(std::string_view id) const {
  const auto it = std::find_if(themes.begin(), themes.end(), [&](const CaseTheme& t) { return t.id == id; });
  return it == themes.end() ? nullptr : &*it;
}

PaperSize form_paper(std::string_view name) {
  if (name == "A6") return {"A6", 105, 148};
  return {"A5", 148, 210};
}

double folded_form_width_mm(const FormSettings& forms) {
  double widest = 0;
  for (const auto& name : forms.sizes) widest = std::max(widest, form_paper(name).width_mm);
  return widest;
}

const TenderKind* Roadshow::find_tender_kind(std::string_view id) const {
  const auto it =
      std::find_if(tender_kinds.begin(), tender_kinds.end(), [&](const TenderKind& k) { return k.id == id; });
  return it == tender_kinds.end() ? nullptr : &*it;
}

const Template* Roadshow::find_template(std::string_view name) const {
  const auto it = templates.find(name);
  return it == templates.end() ? nullptr : &it->second;
}

const Labels* Roadshow::find_labels(std::string_view language) const {
  const auto it = labels.find(language);
  return it == labels.end() ? nullptr : &it->second;
}

namespace {

// Calls `f` for every text of a case.
template <class F>
void for_each_text(const Case& c, F f) {
  for (const Text* t :
       {&c.title, &c.subtitle, &c.headline, &c.route.ambition, &c.route.question, &c.route.owner, &c.route.tender.text,
        &c.route.solution, &c.route.impact, &c.confrontation.too_little, &c.confrontation.with_impact})
    f(*t);
  if (c.quote) f(c.quote->text);
  for (const auto& figure : c.figures) {
    f(figure.unit);
    f(figure.label);
    f(figure.about);
  }
  for (const auto& partner : c.partners) f(partner.role);
  for (const auto& question : c.questions) f(question);
  for (const auto& image : c.images) f(image.caption);
}

}  // namespace

std::vector<std::string> complete_languages(const Case& c, const std::vector<std::string>& available) {
  std::vector<std::string> complete;
  for (const auto& language : available) {
    bool all = true;
    for_each_text(c, [&](const Text& t) { all = all && (t.empty() || t.has(language)); });
    if (all) complete.push_back(language);
  }
  return complete;
}

}  // namespace impactkit::content
