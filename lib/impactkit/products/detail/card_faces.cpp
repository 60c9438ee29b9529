// The deck's cards in deck order, and the fields their fronts draw from.

#include <impactkit/products/detail/card_faces.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace impactkit::products::detail {
using content::CardKind;

namespace {

// The goals the cases touch, in order; all 17 when asked.
std::vector<int> deck_goals(const content::Roadshow& roadshow, bool all) {
  std::set<int> goals;
  for (const auto& sdg : roadshow.sdgs) {
    if (all) goals.insert(sdg.number);
  }
  for (const auto& c : roadshow.cases) goals.insert(c.sdgs.begin(), c.sdgs.end());
  return {goals.begin(), goals.end()};
}

// The first words of a long text, for a manifest title.
std::string headline_of(const std::string& text, std::size_t max_chars = 60) {
  if (text.size() <= max_chars) return text;
  const auto cut = text.rfind(' ', max_chars);
  return text.substr(0, cut == std::string::npos ? max_chars : cut) + " …";
}

}  // namespace

const std::vector<content::DeckEntry>& deck_entries(const content::DeckSettings& deck) {
  static const std::vector<content::DeckEntry> every_kind = [] {
    std::vector<content::DeckEntry> all;
    for (std::size_t k = 0; k < content::card_kind_names.size(); ++k) {
      all.push_back({static_cast<CardKind>(k), 1, false, {}});
    }
    return all;
  }();
  return deck.cards.empty() ? every_kind : deck.cards;
}

std::vector<CardSource> card_sources(const content::Roadshow& roadshow, const std::string& lang) {
  std::vector<CardSource> out;
  const auto add = [&](CardKind kind, std::string id, std::string title, const content::Case* c, int quantity) {
    CardSource s;
    s.card = {kind, std::move(id), std::move(title), c ? c->id : std::string(), quantity};
    s.from_case = c;
    out.push_back(std::move(s));
    return &out.back();
  };
  for (const auto& entry : deck_entries(roadshow.deck)) {
    if (entry.quantity == 0) continue;
    switch (entry.kind) {
      case CardKind::rules:
        add(entry.kind, "rules", "rules", nullptr, entry.quantity);
        break;
      case CardKind::case_card:
        for (const auto& c : roadshow.cases) add(entry.kind, "case-" + c.id, c.title.get(lang), &c, entry.quantity);
        break;
      case CardKind::sdg:
        for (const int goal : deck_goals(roadshow, entry.all_goals)) {
          const auto* sdg = roadshow.find_sdg(goal);
          if (!sdg) continue;
          add(entry.kind, fmt::format("sdg-{}", goal), fmt::format("{} {}", goal, sdg->name.get(lang)), nullptr,
              entry.quantity)
              ->sdg = sdg;
        }
        break;
      case CardKind::role:
        for (const auto& role : roadshow.roles) {
          add(entry.kind, "role-" + role.id, role.name.get(lang), nullptr, entry.quantity)->role = &role;
        }
        break;
      case CardKind::question: {
        for (const auto& c : roadshow.cases) {
          for (std::size_t i = 0; i < c.questions.size(); ++i) {
            add(entry.kind, fmt::format("question-{}-{}", c.id, i + 1), headline_of(c.questions[i].get(lang)), &c,
                entry.quantity)
                ->question = &c.questions[i];
          }
        }
        for (std::size_t i = 0; i < roadshow.deck.questions.size(); ++i) {
          const auto& q = roadshow.deck.questions[i];
          add(entry.kind, fmt::format("question-{}", i + 1), headline_of(q.get(lang)), nullptr, entry.quantity)
              ->question = &q;
        }
        break;
      }
      case CardKind::confrontation:
        // One card per sector of the wheel, so that a card in the workshop
        // says what a spin of the wheel says; without a wheel, one per case.
        if (!roadshow.wheel.sectors.empty()) {
          for (std::size_t k = 0; k < roadshow.wheel.sectors.size(); ++k) {
            const auto& sector = roadshow.wheel.sectors[k];
            const content::Case* c = sector.case_id.empty() ? nullptr : roadshow.find_case(sector.case_id);
            add(entry.kind, fmt::format("confrontation-{}{}", k + 1, c ? "-" + c->id : std::string()),
                sector.label.get(lang), c, entry.quantity)
                ->sector = &sector;
          }
          break;
        }
        for (const auto& c : roadshow.cases) {
          add(entry.kind, "confrontation-" + c.id, c.title.get(lang), &c, entry.quantity);
        }
        break;
    }
  }
  return out;
}

std::string back_color(const content::Theme& theme, CardKind kind) {
  if (auto own = theme.color(fmt::format("card_{}", content::name(kind)))) return *own;
  const char* fallback = "primary";
  switch (kind) {
    case CardKind::sdg:
    case CardKind::question:
      fallback = "accent";
      break;
    case CardKind::confrontation:
      fallback = "text";
      break;
    default:
      break;
  }
  return theme.color(fallback).value_or("1A1A1A");
}

namespace {

std::string theme_color(const content::Roadshow& roadshow, const std::string& theme_id) {
  const auto* theme = roadshow.find_theme(theme_id);
  return theme && !theme->color.empty() ? theme->color : std::string("1A1A1A");
}

// A case card's hero (its own figure, else its headline or quote: the
// hero rule of case.figure and case.hero.text) across the card, or beside
// the case's first image when it has one. One field per place, so that
// each template element shows under one condition.
void set_case_hero(layout::Fields& f, const content::Case& c, const content::Roadshow& roadshow) {
  const bool image = !c.images.empty();
  f.set("card.image", image ? (roadshow.root / c.images.front().file).string() : std::string());
  const auto* figure = f.text("case.figure.value");
  const auto* text = f.text("case.hero.text");
  const std::string value = figure ? figure->text : std::string();
  const std::string hero = text ? text->text : std::string();
  const SourcePos at = text ? text->pos : SourcePos{};
  f.set("card.figure_across", image ? std::string() : value);
  f.set("card.figure_beside_image", image ? value : std::string());
  f.set("card.hero_across", image ? std::string() : hero, at);
  f.set("card.hero_beside_image", image ? hero : std::string(), at);
}

}  // namespace

std::string label(const layout::Labels& labels, const std::string& key, const std::string& fallback) {
  const auto* text = labels.find(key);
  return text ? *text : fallback;
}

layout::Fields front_fields(const CardSource& s, const content::Roadshow& roadshow, const std::string& lang,
                            const layout::Labels& labels, const layout::Fields* shared) {
  layout::Fields f =
      s.from_case ? layout::case_fields(*s.from_case, roadshow, lang, labels, shared) : layout::Fields(shared);
  f.set("card.id", s.card.id);
  f.set("card.kind", label(labels, fmt::format("cards.kind.{}", content::name(s.card.kind)),
                           std::string(content::name(s.card.kind))));
  if (s.role) {
    f.set("card.name", s.role->name, lang);
    f.set("card.description", s.role->description, lang);
    // The questions as bullet items of one text, so that they share one
    // size; an error about their fit points at the first.
    std::string questions;
    for (const auto& q : s.role->questions) questions += (questions.empty() ? "- " : "\n- ") + q.get(lang);
    f.set("card.questions", questions, s.role->questions.empty() ? SourcePos{} : s.role->questions.front().pos);
    f.set("card.interest", s.role->interest, lang);
  }
  if (s.sdg) {
    f.set("card.number", std::to_string(s.sdg->number), {}, s.sdg->color);
    f.set("card.color", s.sdg->color, {}, s.sdg->color);
    f.set("card.name", s.sdg->name, lang);
    // A card holds a few titles; a large roadshow's others are counted.
    // They run on in one text, so the locale's separator keeps them apart.
    constexpr std::size_t titles_on_card = 4;
    const std::string separator = label(labels, "cards.sdg.separator", " · ");
    std::string cases;
    std::size_t touching = 0;
    for (const auto& c : roadshow.cases) {
      if (std::find(c.sdgs.begin(), c.sdgs.end(), s.sdg->number) == c.sdgs.end()) continue;
      if (++touching <= titles_on_card) cases += (cases.empty() ? "" : separator) + c.title.get(lang);
    }
    if (touching > titles_on_card) {
      const std::string more = label(labels, "cards.sdg.more", "+ {n}");
      const auto at = more.find("{n}");
      const std::string n = std::to_string(touching - titles_on_card);
      cases += separator + (at == std::string::npos ? more + " " + n : more.substr(0, at) + n + more.substr(at + 3));
    }
    f.set("card.cases", cases);
  }
  if (s.card.kind == CardKind::case_card) set_case_hero(f, *s.from_case, roadshow);
  if (s.card.kind == CardKind::confrontation) {
    // What the card confronts with: a wheel sector's texts, or the case's.
    const content::Text* too_little = s.sector ? &s.sector->too_little : &s.from_case->confrontation.too_little;
    const content::Text* with_impact = s.sector ? &s.sector->with_impact : &s.from_case->confrontation.with_impact;
    f.set("card.too_little", *too_little, lang);
    f.set("card.with_impact", *with_impact, lang);
    // Only an achieved case's card may say what doing more achieved.
    const bool achieved = s.from_case && s.from_case->status == content::CaseStatus::achieved;
    f.set("card.achieved", achieved ? std::string("achieved") : std::string());
    std::string subject = s.from_case ? s.from_case->title.get(lang) : std::string();
    if (s.sector && !s.from_case) {
      if (const auto* theme = roadshow.find_theme(s.sector->theme)) subject = theme->name.get(lang);
    }
    f.set("card.subject", subject);
    f.set("card.heading", s.sector ? s.sector->label.get(lang) : std::string(),
          s.sector ? s.sector->label_pos : SourcePos{});
    const std::string color = s.sector ? s.sector->color : theme_color(roadshow, s.from_case->theme);
    f.set("card.color", color, {}, color);
  }
  if (s.question) {
    f.set("card.question", *s.question, lang);
    f.set("card.from",
          s.from_case ? label(labels, "cards.question.from", "") + " " + s.from_case->title.get(lang) : std::string());
  }
  return f;
}

std::string template_name(CardKind kind) {
  return fmt::format("card-{}", content::name(kind));
}

}  // namespace impactkit::products::detail
