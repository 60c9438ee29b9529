#pragma once
// The workshop card deck: case, SDG, role, question, confrontation and rules
// cards, each kind from its own template with its own back, as
//  - office sheets: fronts and backs N-up on A4, A3 or Letter with crop
//    marks, back sheets placed for duplex, and an alignment test page;
//  - a card-printer PDF: one page per card face with bleed, front and back
//    alternating;
//  - a PNG of every card face, and a manifest (JSON) of every card.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/products/context.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::products {

struct DeckOptions {
  std::filesystem::path output_dir = "output";  // decks go to output_dir/cards/LANG/
  std::vector<std::string> languages;           // empty: every language of the roadshow
  bool allow_overflow = false;
  double preview_dpi = 100;  // PNG of every card face; 0: none
  bool pdfx = false;         // the office sheets and the card-printer PDF also as PDF/X-4, in pdfx/
  bool source_maps = false;  // NAME.map.json beside each face's preview, for impactkit serve
};

// One card of the deck, before layout.
struct Card {
  content::CardKind kind = content::CardKind::case_card;
  std::string id;       // unique in the deck: "role-inkoper", "sdg-7", "question-zero-emissie-bussen-2"
  std::string title;    // as printed on the card
  std::string case_id;  // the case it comes from; may be empty
  int quantity = 1;
};

struct DeckFile {
  std::string language;
  std::filesystem::path office_pdf;       // fronts and backs N-up, for duplex printing
  std::filesystem::path alignment_pdf;    // the duplex alignment test
  std::filesystem::path cardprinter_pdf;  // one page per card face
  std::filesystem::path manifest;         // every card, as JSON
  std::filesystem::path faces_dir;        // a PNG per card face
  int cards = 0;                          // printed cards, copies included
  int kinds = 0;
  int sheets = 0;  // office sheets, fronts and backs
  int per_sheet = 0;
  std::string sheet;  // A4, A3, letter
};

struct DeckReport {
  std::vector<DeckFile> files;
  std::vector<std::string> notes;
};

// The cards of the roadshow's deck in `language`, in deck order.
std::vector<Card> deck_cards(const content::Roadshow& roadshow, const std::string& language);

// Builds the deck in every chosen language in which all its content is
// written. Nothing is written when a card has an error (such as text that
// does not fit); every problem is in `diagnostics`. Throws
// std::runtime_error when a file cannot be written. With the context's
// record of the last build, a face's PNG is made again only when the face
// changed.
DeckReport build_decks(const content::Roadshow& roadshow, const DeckOptions& options, Diagnostics& diagnostics,
                       const Context& context = {});

}  // namespace impactkit::products
