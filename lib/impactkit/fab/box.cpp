#include <impactkit/fab/box.hpp>

namespace impactkit::fab {

namespace {

// The box's parts; an open box leaves out the top and draws the walls'
// top edges straight, as nothing mates with them.
std::vector<Part> box_parts(const BoxSize& size, const JointSettings& s, const std::string& label_prefix, bool open) {
  const double w = size.width_mm;
  const double h = size.height_mm;
  const double d = size.depth_mm;
  auto part = [&](const char* name, const std::array<Edge, 4>& edges) {
    return Part{label_prefix + name, walk(edges), {}, {}, {}, Grain::any, {}};
  };
  const auto face = [&](const char* name) {
    return part(name, {open ? straight(w) : fingers(w, s), fingers(h, s), fingers(w, s), fingers(h, s)});
  };
  const auto side = [&](const char* name) {
    return part(name, {open ? straight(d) : fingers(d, s), finger_mates(h, s), fingers(d, s), finger_mates(h, s)});
  };
  const auto lid = [&](const char* name) {
    return part(name, {finger_mates(w, s), finger_mates(d, s), finger_mates(w, s), finger_mates(d, s)});
  };
  if (open) return {face("front"), face("back"), side("left"), side("right"), lid("bottom")};
  return {face("front"), face("back"), side("left"), side("right"), lid("top"), lid("bottom")};
}

}  // namespace

std::vector<Part> finger_box(const BoxSize& size, const JointSettings& s, const std::string& label_prefix) {
  return box_parts(size, s, label_prefix, false);
}

std::vector<Part> finger_tray(const BoxSize& size, const JointSettings& s, const std::string& label_prefix) {
  return box_parts(size, s, label_prefix, true);
}

}  // namespace impactkit::fab
