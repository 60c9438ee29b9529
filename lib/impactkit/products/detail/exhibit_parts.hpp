#pragma once
// Internal to lib/impactkit/products: the exhibit's panels and parts
// (exhibit_parts.cpp), made by one builder that build_exhibit (exhibit.cpp)
// keeps for the assembly sheet, so that its fonts are loaded once.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/joint.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/products/compose_kit.hpp>
#include <impactkit/products/detail/assembly_words.hpp>
#include <impactkit/products/exhibit.hpp>
#include <impactkit/text/outline.hpp>

#include <string>
#include <utility>
#include <vector>

namespace impactkit::products::detail {

struct PanelBuilder {
  const content::Roadshow& roadshow;
  bool allow_overflow;
  Diagnostics& diagnostics;
  fab::JointSettings joints;
  fab::Bolt bolt;
  ComposeKit kit;
  text::OutlineCache glyphs;  // after kit: the fonts outlive it

  bool poster_built = true;  // the panels' poster size is one this build makes

  PanelBuilder(const content::Roadshow& r, bool overflow, Diagnostics& d, text::TextCache* cache = nullptr);

  const content::ExhibitSettings& e() const { return roadshow.exhibit; }

  // The engraved back of a panel, composed from its template.
  void engrave(const std::string& template_name, const layout::Fields& fields, fab::Part& part);

  // The panel's tiles, its splice plates and its feet (and the shelf with
  // its gussets, for the intro panel), with the steps to put them together.
  Assembly panel(const std::string& id, const std::string& title, const std::string& template_name,
                 const layout::Fields& fields, bool with_shelf);

  // The locale's assembly.KEY with its {name} placeholders filled in: the
  // steps, part names and views live in locales/LANG.yaml, so a fork
  // translates them.
  std::string words(const std::string& key, const Values& values = {}) const;
  HardwareNames hardware() const { return {kit.labels}; }

  // The card deck's box: an open tray of five finger-jointed parts, sized
  // from the card and the deck's number of cards.
  Assembly deck_box(int cards) const;
};

// Whether panels, poster and feet fit the sheet and each other; errors to
// `diagnostics` when not.
bool check_sizes(const content::ExhibitSettings& e, Diagnostics& diagnostics);

// The intro panel, a panel per case, the deck box and (when asked for) the
// fit-test coupon, in that order.
std::vector<Assembly> make_panels(PanelBuilder& b);

}  // namespace impactkit::products::detail
