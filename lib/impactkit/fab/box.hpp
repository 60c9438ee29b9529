#pragma once
// A closed box of six finger-jointed parts (the benchmark of the engine) and
// an open tray of five (sized from a deck, the card-deck box).

#include <impactkit/fab/joint.hpp>
#include <impactkit/fab/part.hpp>

#include <string>
#include <vector>

namespace impactkit::fab {

struct BoxSize {
  double width_mm = 0;   // outer, along x
  double height_mm = 0;  // outer, up
  double depth_mm = 0;   // outer, front to back
};

// Front and back keep their corners and carry fingers on every side; the
// left and right sides carry fingers to the top and bottom; top and bottom
// are all mates. So each of the twelve box edges has fingers on one part
// and their mates on the other, and each corner cube belongs to one part.
// Labels are `prefix` + front, back, left, right, top, bottom.
std::vector<Part> finger_box(const BoxSize& size, const JointSettings& s, const std::string& label_prefix = {});
// The box without its top: the top edges of front, back, left and right are
// straight (nothing mates with them); fingers only where walls meet walls
// and the bottom. Labels are `prefix` + front, back, left, right, bottom.
std::vector<Part> finger_tray(const BoxSize& size, const JointSettings& s, const std::string& label_prefix = {});

}  // namespace impactkit::fab
