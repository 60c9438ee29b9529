#include <impactkit/fab/cut_report.hpp>

#include <cmath>
#include <iterator>

#include <fmt/format.h>

namespace impactkit::fab {

namespace {

double filled_area_mm2(const std::vector<Polygon>& contours) {
  // Outer contours and counters run opposite ways: their signed sum is the area.
  double a = 0;
  for (const Polygon& p : contours) a += signed_area_mm2(p);
  return std::abs(a);
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", c);
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string duration(double s) {
  const auto total = static_cast<long>(std::lround(s));
  return fmt::format("{}:{:02}:{:02}", total / 3600, (total / 60) % 60, total % 60);
}

}  // namespace

CutReport cut_report(const Nesting& nesting, const std::vector<Part>& parts, const ShopProfile& shop) {
  CutReport r;
  r.material = nesting.sheet.material;
  r.sheet_width_mm = nesting.sheet.width_mm;
  r.sheet_height_mm = nesting.sheet.height_mm;
  r.parts = parts.size();
  const Material* m = shop.material(nesting.sheet.material);
  r.material_known = m != nullptr;
  for (std::size_t i : nesting.unplaced) r.unplaced.push_back(parts[i].label);
  for (const SheetLayout& layout : nesting.sheets) {
    SheetReport s;
    s.utilisation = layout.utilisation;
    for (const PlacedPart& placed : layout.parts) {
      const Part& p = parts[placed.part];
      s.labels.push_back(p.label);
      s.cut_mm += length_mm(p.outline);
      for (const Contour& h : p.holes) s.cut_mm += length_mm(h);
      for (const Polygon& l : p.score_lines) s.score_mm += length_mm(l, false);
      s.engrave_mm2 += filled_area_mm2(p.engravings);
      s.contours += 1 + static_cast<int>(p.holes.size() + p.score_lines.size());
    }
    if (m) {
      s.laser_s = s.cut_mm / m->cut_mm_per_s + s.score_mm / m->score_mm_per_s + s.engrave_mm2 / m->engrave_mm2_per_s +
                  s.contours * m->pierce_s;
      r.material_eur += m->sheet_price_eur;
    }
    r.cut_mm += s.cut_mm;
    r.score_mm += s.score_mm;
    r.engrave_mm2 += s.engrave_mm2;
    r.laser_s += s.laser_s;
    r.sheets.push_back(std::move(s));
  }
  return r;
}

std::string to_text(const CutReport& r) {
  std::string out;
  auto o = std::back_inserter(out);
  fmt::format_to(o, "cut report: {} parts on {} sheets of {} ({:.0f} × {:.0f} mm)\n", r.parts, r.sheets.size(),
                 r.material.empty() ? "material" : r.material, r.sheet_width_mm, r.sheet_height_mm);
  for (std::size_t i = 0; i < r.sheets.size(); ++i) {
    const SheetReport& s = r.sheets[i];
    fmt::format_to(o, "  sheet {}: {} parts, {:.1f} % used, cut {:.2f} m, score {:.2f} m, engrave {:.0f} cm², {}\n",
                   i + 1, s.labels.size(), 100 * s.utilisation, s.cut_mm / 1000, s.score_mm / 1000, s.engrave_mm2 / 100,
                   duration(s.laser_s));
    fmt::format_to(o, "    {}\n", fmt::join(s.labels, ", "));
  }
  fmt::format_to(o, "total: cut {:.2f} m, score {:.2f} m, engrave {:.0f} cm²\n", r.cut_mm / 1000, r.score_mm / 1000,
                 r.engrave_mm2 / 100);
  if (r.material_known)
    fmt::format_to(o, "laser time about {} (h:mm:ss), material EUR {:.2f}\n", duration(r.laser_s), r.material_eur);
  else
    fmt::format_to(o, "laser time and cost unknown: the shop profile has no material '{}'\n", r.material);
  if (!r.unplaced.empty()) fmt::format_to(o, "not placed (too large): {}\n", fmt::join(r.unplaced, ", "));
  return out;
}

std::string to_json(const CutReport& r) {
  std::string out;
  auto o = std::back_inserter(out);
  fmt::format_to(o, "{{\n  \"material\": {},\n  \"sheet_mm\": [{:.1f}, {:.1f}],\n  \"parts\": {},\n  \"sheets\": [",
                 json_string(r.material), r.sheet_width_mm, r.sheet_height_mm, r.parts);
  for (std::size_t i = 0; i < r.sheets.size(); ++i) {
    const SheetReport& s = r.sheets[i];
    std::vector<std::string> labels;
    for (const auto& l : s.labels) labels.push_back(json_string(l));
    fmt::format_to(o,
                   "{}\n    {{\"parts\": [{}], \"utilisation\": {:.4f}, \"cut_mm\": {:.1f}, \"score_mm\": {:.1f}, "
                   "\"engrave_mm2\": {:.1f}, \"laser_s\": {:.1f}}}",
                   i ? "," : "", fmt::join(labels, ", "), s.utilisation, s.cut_mm, s.score_mm, s.engrave_mm2,
                   s.laser_s);
  }
  std::vector<std::string> unplaced;
  for (const auto& l : r.unplaced) unplaced.push_back(json_string(l));
  fmt::format_to(o,
                 "\n  ],\n  \"unplaced\": [{}],\n  \"cut_mm\": {:.1f},\n  \"score_mm\": {:.1f},\n  \"engrave_mm2\": "
                 "{:.1f},\n  \"laser_s\": {},\n  \"material_eur\": {}\n}}\n",
                 fmt::join(unplaced, ", "), r.cut_mm, r.score_mm, r.engrave_mm2,
                 r.material_known ? fmt::format("{:.1f}", r.laser_s) : "null",
                 r.material_known ? fmt::format("{:.2f}", r.material_eur) : "null");
  return out;
}

}  // namespace impactkit::fab
