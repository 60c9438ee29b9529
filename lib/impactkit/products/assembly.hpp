#pragma once
// What an assembly sheet shows of a flat-pack product (the exhibit's panels
// and deck box, the wheel's stand): its parts, drawn to scale in views seen
// from a side, and numbered steps with the hardware each needs. Every word
// comes from the roadshow's locale, so a fork translates it.

#include <impactkit/fab/part.hpp>

#include <string>
#include <vector>

namespace impactkit::products {

// Bought parts a step needs: "6 × bout M4 x 20". A count of 0 is "as
// needed" (glue).
struct Hardware {
  int count = 0;
  std::string name;
};

struct AssemblyStep {
  std::string text;
  std::vector<Hardware> hardware;
};

// The assembled thing seen from one side, to scale: its parts in their
// place (mm, in the view's frame, y down), and what is seen edge-on or
// mounted as labelled rectangles. `parts` index the assembly's parts.
struct AssemblyView {
  struct Placed {
    std::size_t part = 0;
    fab::Point at;          // where the turned part's top-left corner goes
    int quarter_turns = 0;  // counter-clockwise on screen, as fab::Placement
    bool behind = false;    // drawn light: on the far side
    bool labelled = true;   // its label is shown in this view
  };
  struct Box {
    std::string label;
    fab::Bounds box;
  };
  std::string title;  // "Voorkant", "Achterkant", …
  std::vector<Placed> parts;
  std::vector<Box> boxes;
};

// One page of an assembly sheet.
struct Assembly {
  std::string id;      // "intro", a case id, "deck-box", "wheel-stand"
  std::string title;   // what the page shows
  bool panel = false;  // one of the exhibit's panels
  std::vector<fab::Part> parts;
  std::vector<AssemblyStep> steps;  // how two people put it together
  std::vector<AssemblyView> views;  // none: the parts are drawn flat, side by side
};

}  // namespace impactkit::products
