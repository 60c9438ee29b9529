#include <impactkit/layout/fields.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace impactkit::layout {

void Fields::set(const std::string& name, std::string text, SourcePos pos, std::string color) {
  texts_[name] = {std::move(text), std::move(pos), std::move(color)};
}

void Fields::set(const std::string& name, const content::Text& text, std::string_view language) {
  // An empty text is still a field: templates may name it, and `when:` tests it.
  set(name, text.get(language), text.pos);
}

void Fields::set_list(const std::string& name, std::vector<Fields> items) {
  lists_[name] = std::move(items);
}

const FieldText* Fields::text(std::string_view name) const {
  if (auto it = texts_.find(name); it != texts_.end()) return &it->second;
  return parent_ ? parent_->text(name) : nullptr;
}

const std::vector<Fields>* Fields::list(std::string_view name) const {
  if (auto it = lists_.find(name); it != lists_.end()) return &it->second;
  return parent_ ? parent_->list(name) : nullptr;
}

std::string Fields::fingerprint(std::string_view uses) const {
  std::string out = parent_ ? parent_->fingerprint(uses) : std::string();
  for (const auto& [name, value] : texts_) {
    out += name + '=' + value.text + '#' + value.color + '\n';
  }
  for (const auto& [name, items] : lists_) {
    if (uses.find(name) == std::string_view::npos) continue;
    out += name + "=[\n";
    for (const auto& item : items) out += item.fingerprint(uses) + "]\n";
  }
  return out;
}

std::vector<std::string> Fields::names() const {
  std::vector<std::string> out = parent_ ? parent_->names() : std::vector<std::string>{};
  for (const auto& [name, value] : texts_) out.push_back(name);
  for (const auto& [name, value] : lists_) out.push_back(name);
  return out;
}

namespace {

std::string label_or(const Labels& labels, const std::string& key, std::string_view fallback) {
  const std::string* found = labels.find(key);
  return found ? *found : std::string(fallback);
}

// " (2021)", or the locale's "(n.d.)" for an undated document.
std::string year_of(const content::Source& s, const Labels& labels) {
  if (s.year) return fmt::format(" ({})", *s.year);
  if (s.undated) return " (" + label_or(labels, "footer.undated", "n.d.") + ")";
  return {};
}

Fields figure_fields(const content::KeyFigure& f, const std::vector<content::Source>& sources, const std::string& lang,
                     const Labels& labels) {
  Fields item;
  item.set("item.value", f.value, f.pos);
  item.set("item.unit", f.unit, lang);
  // A context figure carries what it is about in its label, in every
  // template, so that it never reads as a case's own result.
  const std::string about = f.about.get(lang);
  item.set("item.label", about.empty() ? f.label.get(lang) : about + " · " + f.label.get(lang), f.label.pos);
  item.set("item.scope_label", about, f.about.pos);
  // The figure with its label alone, without the scope in front (`figure:
  // {field: item.plain}`): for a template that shows the scope apart, as a
  // tag over the number (the intro poster).
  item.set("item.plain.value", f.value, f.pos);
  item.set("item.plain.unit", f.unit, lang);
  item.set("item.plain.label", f.label, lang);
  item.set("item.source", "");
  for (const auto& s : sources) {
    if (s.id == f.source_id) {
      item.set("item.source", s.publisher + year_of(s, labels), s.pos);
    }
  }
  return item;
}

// A case's status, theme and tender kind, as `prefix`status etc.: names
// from the roadshow's declarations and the locale's status labels.
void set_vocabulary(Fields& f, const std::string& prefix, const content::Case& c, const content::Roadshow& r,
                    const std::string& lang, const Labels& labels) {
  const std::string status(content::name(c.status));
  f.set(prefix + "status", label_or(labels, "status." + status, status));
  // Non-empty only for an achieved case: for `when:` and `unless:`.
  f.set(prefix + "achieved", c.status == content::CaseStatus::achieved ? status : std::string());
  // Likewise for the other two, so that a template can set each status apart.
  f.set(prefix + "in_progress", c.status == content::CaseStatus::in_progress ? status : std::string());
  f.set(prefix + "idea", c.status == content::CaseStatus::idea ? status : std::string());
  const auto* theme = r.find_theme(c.theme);
  f.set(prefix + "theme", theme ? theme->name.get(lang) : c.theme, c.theme_pos);
  f.set(prefix + "theme_color", c.theme);
  const auto* kind = r.find_tender_kind(c.route.tender.kind);
  f.set(prefix + (prefix == "case." ? "route.tender.kind" : "tender"),
        kind ? kind->name.get(lang) : c.route.tender.kind, c.route.tender.kind_pos);
}

// case.hero.text: what stands where the hero figure would, for a case without
// a figure of its own: its headline, else its quote. case.aside.*: the words
// beside the hero: the headline, or the quote (with who said it) when the
// headline is the hero or there is none.
void set_hero_and_aside(Fields& f, const content::Case& c, const std::string& lang) {
  const bool figure = c.hero_figure() != nullptr;
  const bool headline = !c.headline.empty();
  const content::Text none;
  const content::Text& quote = c.quote ? c.quote->text : none;
  f.set("case.hero.text", figure ? none : headline ? c.headline : quote, lang);
  const bool aside_is_quote = (figure && !headline) || (!figure && headline);
  f.set("case.aside.text", aside_is_quote ? quote : figure ? c.headline : none, lang);
  f.set("case.aside.by", aside_is_quote && c.quote ? c.quote->by : std::string());
}

// Issue 20, the confrontation poster: case.context.* is the case's first
// context figure (national, European), what the poster sets against "too
// little", labelled with what it is about and its source; empty when the
// case has none.
void set_context_figure(Fields& f, const content::Case& c, const std::string& lang, const Labels& labels) {
  const auto context = std::find_if(c.figures.begin(), c.figures.end(), [](const content::KeyFigure& fig) {
    return fig.scope != content::FigureScope::case_result;
  });
  const Fields context_fields =
      context != c.figures.end() ? figure_fields(*context, c.sources, lang, labels) : Fields();
  for (const char* part : {"value", "unit", "label", "scope_label", "source"}) {
    const auto* t = context_fields.text(std::string("item.") + part);
    f.set(std::string("case.context.") + part, t ? t->text : std::string(), t ? t->pos : SourcePos{});
  }
}

// A list of texts as bullet items in one text field.
std::string bullets(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "- " : "\n- ") + item;
  return out;
}

// Issue 20, the route poster (the case's main poster, which prints every
// field of the case): the figures besides the hero with their scope, the
// sources one by one, and the case's first image.
void set_main_poster_fields(Fields& f, const content::Case& c, const content::Roadshow& r, const std::string& lang,
                            const Labels& labels) {
  std::vector<Fields> others;
  for (const auto& fig : c.figures) {
    if (&fig == c.hero_figure()) continue;
    Fields item = figure_fields(fig, c.sources, lang, labels);
    const bool context = fig.scope == content::FigureScope::context;
    item.set("item.scope",
             label_or(labels, context ? "figure_scope.context" : "figure_scope.case", context ? "context" : "case"));
    // For a figure set as text: "23%", and "woningen gaat het … verwarmen".
    const std::string unit = fig.unit.get(lang);
    const bool sign = unit_is_sign(unit);
    item.set("item.amount", sign ? fig.value + unit : fig.value, fig.pos);
    const auto* label = item.text("item.label");
    item.set("item.words", (sign || unit.empty() ? "" : "**" + unit + "** ") + (label ? label->text : ""),
             fig.label.pos);
    others.push_back(std::move(item));
  }
  f.set_list("case.other_figures", std::move(others));
  std::vector<Fields> sources;
  for (const auto& s : c.sources) {
    Fields item;
    item.set("item.title", s.title, s.pos);
    item.set("item.publisher", s.publisher, s.pos);
    item.set("item.year",
             s.year      ? std::to_string(*s.year)
             : s.undated ? label_or(labels, "footer.undated", "n.d.")
                         : "",
             s.pos);
    item.set("item.url", s.url, s.pos);
    sources.push_back(std::move(item));
  }
  f.set_list("case.source_list", std::move(sources));
  const content::Image none;
  const content::Image& image = c.images.empty() ? none : c.images.front();
  f.set("case.image", c.images.empty() ? std::string() : (r.root / image.file).string(), image.pos);
  f.set("case.image.caption", image.caption, lang);
  f.set("case.image.credit", image.credit, image.pos);
}

}  // namespace

// A unit that is a sign, not a word ("%", "‰", "×"): set beside its number,
// never on a line of its own under it.
bool unit_is_sign(const std::string& unit) {
  if (unit.empty() || unit.find(' ') != std::string::npos) return false;
  std::size_t code_points = 0;
  for (const char c : unit) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points;
    if (std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return code_points <= 2;
}

Fields roadshow_fields(const content::Roadshow& r, const std::string& lang, const Labels& labels) {
  Fields f;
  f.set("roadshow.title", r.title, lang);
  f.set("roadshow.subtitle", r.subtitle, lang);
  f.set("roadshow.organisation", r.organisation);
  f.set("theme.logo", r.theme.logo.string());  // empty without a logo: for `when:` and `unless:`
  f.set("roadshow.contact.team", r.contact.team, lang);
  f.set("roadshow.contact.email", r.contact.email);
  f.set("roadshow.contact.phone", r.contact.phone);
  f.set("roadshow.contact.url", r.contact.url);
  f.set("roadshow.contact.location", r.contact.location);
  f.set("intro.headline", r.intro.headline, lang);
  f.set("intro.text", r.intro.text, lang);
  std::vector<Fields> figures;
  for (const auto& fig : r.intro.figures) figures.push_back(figure_fields(fig, r.intro.sources, lang, labels));
  f.set_list("intro.figures", std::move(figures));
  std::vector<std::string> sources;
  for (const auto& s : r.intro.sources) sources.push_back(s.publisher + year_of(s, labels));
  std::string inline_sources;
  for (const auto& s : sources) inline_sources += (inline_sources.empty() ? "" : ", ") + s;
  f.set("intro.sources", inline_sources);
  // Every source in full, as bullet items: publisher, title, year and URL.
  std::vector<std::string> full;
  for (const auto& s : r.intro.sources) {
    full.push_back("**" + s.publisher + "**, " + s.title + year_of(s, labels) + (s.url.empty() ? "" : ", " + s.url));
  }
  f.set("intro.sources.list", bullets(full), r.intro.sources.empty() ? SourcePos{} : r.intro.sources.front().pos);
  std::vector<Fields> cases;
  for (const auto& c : r.cases) {
    Fields item;
    item.set("item.title", c.title, lang);
    item.set("item.subtitle", c.subtitle, lang);
    set_vocabulary(item, "item.", c, r, lang, labels);
    const content::KeyFigure none;
    const content::KeyFigure& figure = c.hero_figure() ? *c.hero_figure() : none;
    item.set("item.figure.value", figure.value, figure.pos);
    item.set("item.figure.unit", figure.unit, lang);
    item.set("item.figure.label", figure.label, lang);
    // In the hero's place, for a case without a figure of its own.
    const content::Text no_text;
    const content::Text& words = !c.headline.empty() ? c.headline : c.quote ? c.quote->text : no_text;
    item.set("item.hero.text", c.hero_figure() ? no_text : words, lang);
    cases.push_back(std::move(item));
  }
  f.set_list("roadshow.cases", std::move(cases));
  std::vector<Fields> kinds;
  for (const auto& k : r.tender_kinds) {
    Fields item;
    item.set("item.id", k.id);
    item.set("item.name", k.name, lang);
    kinds.push_back(std::move(item));
  }
  f.set_list("roadshow.tender_kinds", std::move(kinds));
  f.set("roadshow.forms.next", r.forms.next, lang);
  return f;
}

Fields case_fields(const content::Case& c, const content::Roadshow& r, const std::string& lang, const Labels& labels,
                   const Fields* parent) {
  Fields f(parent);
  f.set("case.id", c.id, c.pos);
  f.set("case.title", c.title, lang);
  f.set("case.subtitle", c.subtitle, lang);
  f.set("case.headline", c.headline, lang);
  set_vocabulary(f, "case.", c, r, lang, labels);
  const content::Quote no_quote;
  f.set("case.quote.text", (c.quote ? *c.quote : no_quote).text, lang);
  f.set("case.quote.by", (c.quote ? *c.quote : no_quote).by);
  f.set("case.route.ambition", c.route.ambition, lang);
  f.set("case.route.question", c.route.question, lang);
  f.set("case.route.owner", c.route.owner, lang);
  f.set("case.route.tender.text", c.route.tender.text, lang);
  f.set("case.route.solution", c.route.solution, lang);
  f.set("case.route.impact", c.route.impact, lang);
  f.set("case.confrontation.too_little", c.confrontation.too_little, lang);
  f.set("case.confrontation.with_impact", c.confrontation.with_impact, lang);

  // case.figure is the hero: the case's own first figure, never a context
  // figure; empty when the case has none (templates then show the headline,
  // quote or image).
  const content::KeyFigure* hero = c.hero_figure();
  const Fields hero_fields = hero ? figure_fields(*hero, c.sources, lang, labels) : Fields();
  for (const char* part : {"value", "unit", "label", "source"}) {
    const auto* t = hero_fields.text(std::string("item.") + part);
    f.set(std::string("case.figure.") + part, t ? t->text : std::string(), t ? t->pos : SourcePos{});
  }
  std::vector<Fields> figures;
  for (const auto& fig : c.figures) figures.push_back(figure_fields(fig, c.sources, lang, labels));
  f.set_list("case.figures", std::move(figures));
  set_hero_and_aside(f, c, lang);
  set_context_figure(f, c, lang, labels);

  std::vector<Fields> goals;
  for (int n : c.sdgs) {
    Fields item;
    if (const auto* sdg = r.find_sdg(n)) {
      item.set("item.number", std::to_string(n), {}, sdg->color);
      item.set("item.name", sdg->name, lang);
    }
    goals.push_back(std::move(item));
  }
  f.set_list("case.sdgs", std::move(goals));

  std::vector<std::string> questions;
  std::vector<Fields> question_items;
  for (const auto& q : c.questions) {
    questions.push_back(q.get(lang));
    Fields item;
    item.set("item.text", q, lang);
    question_items.push_back(std::move(item));
  }
  f.set("case.questions", bullets(questions), c.questions.empty() ? SourcePos{} : c.questions.front().pos);
  f.set_list("case.question_list", std::move(question_items));

  std::vector<std::string> partners;
  for (const auto& p : c.partners)
    partners.push_back(p.role.empty() ? p.name : "**" + p.name + "** – " + p.role.get(lang));
  f.set("case.partners", bullets(partners));
  std::vector<std::string> sources;
  for (const auto& s : c.sources) {
    sources.push_back(s.publisher + ", " + s.title + year_of(s, labels));
  }
  f.set("case.sources", bullets(sources), c.sources.empty() ? SourcePos{} : c.sources.front().pos);
  // Short, for a footer: "Metabolic (2021); Provincie Overijssel (n.d.)".
  std::string cited;
  for (const auto& src : c.sources) cited += (cited.empty() ? "" : "; ") + src.publisher + year_of(src, labels);
  f.set("case.sources.short", cited, c.sources.empty() ? SourcePos{} : c.sources.front().pos);
  set_main_poster_fields(f, c, r, lang, labels);
  return f;
}

}  // namespace impactkit::layout
