#pragma once
// Internal to lib/impactkit/products: the exhibit's panels and parts
// (exhibit_parts.cpp; the intro's furniture, deck box, collection box and
// wall of questions, in intro_furniture.cpp), made by one builder that
// build_exhibit (exhibit.cpp) keeps for the assembly sheet, so that its
// fonts are loaded once.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/box.hpp>
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

// Where things sit on the intro panel, in mm from the panel's top-left
// (its frame): shared by the panel, its shelf and the furniture on both.
inline constexpr double poster_top_mm = 100;        // from the panel's top to the poster's
inline constexpr double poster_hole_offset_mm = 8;  // mounting holes, outside each poster corner
inline constexpr double shelf_depth_mm = 160;
inline constexpr double shelf_from_bottom_mm = 700;
inline constexpr double shelf_left_mm = 50;  // from the panel's left side
double shelf_width_mm(const content::ExhibitSettings& e);

// The wall of questions on the intro panel's front, between the poster
// and the shelf: a spacer comb bolted to the panel behind a front lip, so
// that each gap between two teeth is a pocket in which a form stands.
struct QuestionWall {
  double left_mm = 0;    // of comb and lip, in the panel's frame
  double top_mm = 0;     // of comb and lip (the teeth's tops)
  double width_mm = 0;   // of comb and lip
  double height_mm = 0;  // of comb and lip
  double floor_mm = 0;   // the pockets' floor, from the comb's top
  double pocket_mm = 0;  // each pocket's width
  double tooth_mm = 0;   // each tooth's width
  int pockets = 0;
  double form_height_mm = 0;             // of the narrowest form, which stands in a pocket
  std::vector<fab::Point> bolts;         // through a tooth, lip, comb and panel (panel frame)
  std::vector<fab::Point> splice_bolts;  // the splice plates' bolts it covers: they go through it too

  double bottom_mm() const { return top_mm + height_mm; }
};
// The wall for this roadshow's panel and forms.
QuestionWall question_wall(const content::Roadshow& roadshow);
// The splice plates' bolts of a panel, in its frame.
std::vector<fab::Point> splice_bolts_mm(const content::ExhibitSettings& e);

// The outer size of the collection box: from the folded form's width.
struct CollectionBoxSize {
  double width_mm = 0, height_mm = 0, depth_mm = 0;
  double slot_length_mm = 0, slot_width_mm = 0;
};
CollectionBoxSize collection_box_size(const content::Roadshow& roadshow, double thickness_mm);

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

  // The collection box for the filled-in forms: a finger-jointed box with
  // a slot in its top, its front engraved, its back a door with a cam lock.
  Assembly collection_box();
  // The question wall's comb and lip (appended to `parts`), shown on the
  // intro's front `view`; the bolt holes in the tiles are the panel's.
  void add_question_wall(const QuestionWall& wall, const std::string& id, std::vector<fab::Part>& parts,
                         AssemblyView& view) const;
  // The boxes on the intro's shelf (deck box, collection box), as the
  // front view shows them.
  void add_shelf_boxes(int cards, AssemblyView& view) const;
};

// The outer size of the deck box for `cards` cards.
fab::BoxSize deck_box_size(const content::Roadshow& roadshow, int cards, double thickness_mm);
int deck_card_count(const content::Roadshow& roadshow);

// Whether panels, poster and feet fit the sheet and each other; errors to
// `diagnostics` when not.
bool check_sizes(const content::ExhibitSettings& e, Diagnostics& diagnostics);
// Whether the intro's shelf holds the deck box beside the collection box,
// and the wall of questions fits between poster and shelf; errors when not.
bool check_intro_furniture(const content::Roadshow& roadshow, Diagnostics& diagnostics);

// The intro panel, a panel per case, the deck box, the collection box and
// (when asked for) the fit-test coupon, in that order.
std::vector<Assembly> make_panels(PanelBuilder& b);

}  // namespace impactkit::products::detail
