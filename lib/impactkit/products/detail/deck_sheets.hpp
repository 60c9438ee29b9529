#pragma once
// Internal to lib/impactkit/products: a laid-out deck on its sheets (office
// duplex, alignment test, card printer) and its manifest
// (products/detail/deck_sheets.cpp).

#include <impactkit/content/model.hpp>
#include <impactkit/layout/page.hpp>
#include <impactkit/print/impose.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/products/cards.hpp>
#include <impactkit/products/detail/card_faces.hpp>

#include <map>
#include <string>
#include <vector>

namespace impactkit::products::detail {

// Everything of one deck in one language, laid out.
struct LaidOutDeck {
  std::vector<CardSource> sources;
  std::vector<layout::Page> faces;                 // fronts (one per card), then backs (one per kind)
  std::vector<std::size_t> back_of;                // back face of each card
  std::map<content::CardKind, std::size_t> backs;  // kind -> back face
  std::vector<layout::Page> alignment;             // the alignment test's two labels
};

// Office printing: a front sheet, then its back sheet, for every sheet.
std::vector<print::Sheet> office_sheets(const LaidOutDeck& deck, const print::Imposition& imp);
// The alignment test: every card's trim outline and a cross at its centre,
// on the front and (where duplex puts it) on the back.
std::vector<print::Sheet> alignment_sheets(const print::Imposition& imp);
// Card printers: one page per card face with its bleed, front and back alternating.
std::vector<print::Sheet> cardprinter_sheets(const LaidOutDeck& deck, const content::DeckSettings& settings);
// deck.json: every card, and how the deck is printed.
std::string manifest(const LaidOutDeck& deck, const content::Roadshow& roadshow, const std::string& lang,
                     const print::Imposition& imp, const DeckFile& file);

}  // namespace impactkit::products::detail
