#pragma once
// Internal to lib/impactkit/products: the deck's cards, each with what its
// front shows (products/detail/card_faces.cpp).

#include <impactkit/content/model.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/products/cards.hpp>

#include <string>
#include <vector>

namespace impactkit::products::detail {

// A card with the fields its templates draw from.
struct CardSource {
  Card card;
  const content::Case* from_case = nullptr;
  const content::Text* question = nullptr;
  const content::Role* role = nullptr;
  const content::Sdg* sdg = nullptr;
  const content::WheelSector* sector = nullptr;  // confrontation cards follow the wheel's sectors
};

// The deck's entries; every kind once when roadshow.yaml lists none.
const std::vector<content::DeckEntry>& deck_entries(const content::DeckSettings& deck);
std::vector<CardSource> card_sources(const content::Roadshow& roadshow, const std::string& lang);
// The colour of a kind's back: the theme's `card_KIND` colour when it has
// one, else one of the colours every theme has.
std::string back_color(const content::Theme& theme, content::CardKind kind);
std::string label(const layout::Labels& labels, const std::string& key, const std::string& fallback);
layout::Fields front_fields(const CardSource& s, const content::Roadshow& roadshow, const std::string& lang,
                            const layout::Labels& labels, const layout::Fields* shared);
// card-KIND: the template of a kind's front.
std::string template_name(content::CardKind kind);

}  // namespace impactkit::products::detail
