#include <impactkit/fab/kerf.hpp>

#include <polyclipping/clipper.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace impactkit::fab {

namespace {

ClipperLib::Path to_clipper(const Polygon& p) {
  ClipperLib::Path path;
  path.reserve(p.size());
  for (const Point& q : p)
    path.emplace_back(std::llround(q.x * clipper_units_per_mm), std::llround(q.y * clipper_units_per_mm));
  return path;
}

Polygon from_clipper(const ClipperLib::Path& path) {
  Polygon p;
  p.reserve(path.size());
  for (const auto& q : path)
    p.push_back({static_cast<double>(q.X) / clipper_units_per_mm, static_cast<double>(q.Y) / clipper_units_per_mm});
  return p;
}

std::string size_text(const Contour& c) {
  const Bounds b = bounds(c);
  return fmt::format("{:.2f} × {:.2f} mm at ({:.1f}, {:.1f})", b.width_mm(), b.height_mm(), b.min_x, b.min_y);
}

}  // namespace

std::vector<Polygon> offset(const Polygon& p, double delta_mm) {
  // A miter limit of 10 keeps every corner down to about 11° sharp.
  ClipperLib::ClipperOffset co(10.0, 0.001 * clipper_units_per_mm);
  co.AddPath(to_clipper(p), ClipperLib::jtMiter, ClipperLib::etClosedPolygon);
  ClipperLib::Paths out;
  co.Execute(out, delta_mm * clipper_units_per_mm);
  std::vector<Polygon> result;
  result.reserve(out.size());
  for (const auto& path : out) result.push_back(from_clipper(path));
  return result;
}

bool check_kerf(double kerf_mm, const JointSettings& s, Diagnostics& diags, const SourcePos& pos) {
  bool ok = true;
  if (kerf_mm < 0) {
    diags.error(pos, fmt::format("kerf of {:.2f} mm is negative", kerf_mm), "a kerf of 0 mm or more",
                "measure the kerf: cut a 20 mm square and subtract its size from 20 mm");
    ok = false;
  }
  if (kerf_mm >= s.thickness_mm / 2) {
    diags.error(pos,
                fmt::format("kerf of {:.2f} mm is not smaller than half the thickness ({:.2f} mm)", kerf_mm,
                            s.thickness_mm / 2),
                "a kerf below half the measured thickness", "check the kerf and the measured thickness");
    ok = false;
  }
  if (kerf_mm >= s.slot_width_mm()) {
    diags.error(pos,
                fmt::format("slots of {:.2f} mm (thickness {:.2f} + clearance {:.2f}) are narrower than the kerf "
                            "of {:.2f} mm",
                            s.slot_width_mm(), s.thickness_mm, s.clearance_mm, kerf_mm),
                "slots wider than the kerf", "check the kerf, the thickness and the clearance");
    ok = false;
  }
  return ok;
}

std::optional<Part> compensate(const Part& part, double kerf_mm, Diagnostics& diags) {
  const double half = kerf_mm / 2;
  Part out = part;
  out.holes.clear();
  if (part.outline.is_circle()) {
    out.outline.circle->radius_mm += half;
  } else {
    auto grown = offset(part.outline.polygon, half);
    // Growing a simple polygon gives one polygon; keep the largest should a
    // self-touching outline fall apart.
    if (grown.empty()) {
      diags.error(part.source, fmt::format("part '{}' has an empty outline", part.label));
      return std::nullopt;
    }
    out.outline.polygon = *std::max_element(grown.begin(), grown.end(), [](const Polygon& a, const Polygon& b) {
      return std::abs(signed_area_mm2(a)) < std::abs(signed_area_mm2(b));
    });
  }
  bool ok = true;
  for (const Contour& hole : part.holes) {
    if (hole.is_circle()) {
      if (hole.circle->radius_mm <= half) {
        diags.error(part.source,
                    fmt::format("hole of {:.2f} mm in part '{}' is not wider than the kerf of {:.2f} mm",
                                2 * hole.circle->radius_mm, part.label, kerf_mm),
                    "holes wider than the kerf", "make the hole larger or leave it out");
        ok = false;
        continue;
      }
      out.holes.push_back(Contour::of(Circle{hole.circle->centre, hole.circle->radius_mm - half}));
      continue;
    }
    auto shrunk = offset(hole.polygon, -half);
    if (shrunk.empty()) {
      diags.error(part.source,
                  fmt::format("slot {} in part '{}' is not wider than the kerf of {:.2f} mm", size_text(hole),
                              part.label, kerf_mm),
                  "slots wider than the kerf", "check the kerf, the thickness and the clearance");
      ok = false;
      continue;
    }
    for (auto& p : shrunk) out.holes.push_back(Contour::of(std::move(p)));
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace impactkit::fab
