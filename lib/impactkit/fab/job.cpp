#include <impactkit/core/digest.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/fab/check.hpp>
#include <impactkit/fab/dxf_writer.hpp>
#include <impactkit/fab/job.hpp>
#include <impactkit/fab/kerf.hpp>
#include <impactkit/fab/notes.hpp>
#include <impactkit/fab/svg_writer.hpp>

#include <impactkit/version.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace impactkit::fab {

namespace {

// Geometry into the build's one digest, eight bytes at a time for
// coordinates: hashing them costs a fraction of formatting them.
void add(Digest& d, const Polygon& p) {
  d.add(static_cast<std::uint64_t>(p.size()));
  for (const Point& q : p) d.add(q.x).add(q.y);
}
void add(Digest& d, const Contour& c) {
  add(d, c.polygon);
  if (c.circle) d.add(c.circle->centre.x).add(c.circle->centre.y).add(c.circle->radius_mm);
}
template <typename T>
void add(Digest& d, const std::vector<T>& items) {
  d.add(static_cast<std::uint64_t>(items.size()));
  for (const auto& item : items) add(d, item);
}

std::string sheet_digest(const std::vector<Part>& placed, const Sheet& sheet, const ShopProfile& shop, bool with_dxf) {
  Digest d;
  d.add(version).add(with_dxf ? "svg+dxf" : "svg");
  d.add(sheet.width_mm).add(sheet.height_mm).add(sheet.material);
  d.add(shop.name).add(shop.cut_colour).add(shop.score_colour).add(shop.engrave_colour).add(shop.notes_colour);
  d.add(shop.hairline_mm);
  for (const Part& p : placed) {
    d.add(p.label).add(static_cast<int>(p.grain));
    add(d, p.outline);
    add(d, p.holes);
    add(d, p.score_lines);
    add(d, p.engravings);
  }
  return d.hex();
}

std::string nest_digest(const std::vector<Part>& parts, const Sheet& sheet, const NestSettings& settings) {
  Digest d;
  d.add(version).add(sheet.width_mm).add(sheet.height_mm);
  d.add(settings.kerf_mm).add(settings.gap_mm).add(settings.edge_margin_mm);
  for (const Part& p : parts) {
    d.add(static_cast<int>(p.grain));
    add(d, p.outline);
    add(d, p.holes);
  }
  return d.hex();
}

GeometryRules geometry_rules(const Job& job) {
  return {job.joints.thickness_mm, job.nesting.kerf_mm, job.nesting.edge_margin_mm};
}

// The geometry check of every part as drawn (at its finished size, so the
// web is the material left), before nesting: a defect is a bug in the
// product that drew the part (check.hpp). Kerf compensation only grows
// outlines and shrinks holes, and it would hide an outline that crosses
// itself (Clipper's offset untangles it into another shape).
bool same_contour(const Contour& a, const Contour& b) {
  if (a.is_circle() != b.is_circle()) return false;
  if (!a.is_circle()) return a.polygon == b.polygon;
  return a.circle->centre == b.circle->centre && a.circle->radius_mm == b.circle->radius_mm;
}

// Whether two parts have exactly the same outline and holes: the check
// would say the same of both.
bool same_shape(const Part& a, const Part& b) {
  return same_contour(a.outline, b.outline) && a.holes.size() == b.holes.size() &&
         std::equal(a.holes.begin(), a.holes.end(), b.holes.begin(), same_contour);
}

void check_parts(const Job& job) {
  GeometryRules rules = geometry_rules(job);
  rules.kerf_mm = 0;
  std::vector<GeometryDefect> defects;
  // A job repeats shapes (a box's opposite sides, every panel's feet): a
  // shape found sound once is not checked again.
  std::unordered_map<std::uint64_t, std::vector<const Part*>> sound;
  for (const Part& p : job.parts) {
    Digest d;
    add(d, p.outline);
    add(d, p.holes);
    auto& same_digest = sound[d.value()];
    if (std::any_of(same_digest.begin(), same_digest.end(), [&](const Part* q) { return same_shape(*q, p); })) continue;
    auto found = check_part(p, rules);
    if (found.empty()) same_digest.push_back(&p);
    defects.insert(defects.end(), found.begin(), found.end());
  }
  require_sound(defects, fmt::format("the parts of '{}'", job.name));
}

// The geometry check of every sheet, whether nested now or kept: a kept
// nesting is proved like a new one.
void check_sheets(const Job& job, CutPlan& plan) {
  const GeometryRules rules = geometry_rules(job);
  std::vector<GeometryDefect> defects;
  for (std::size_t i = 0; i < plan.nesting.sheets.size(); ++i) {
    const std::vector<Part> placed = parts_on(plan.nesting, i, plan.parts);
    auto found = check_sheet(placed, job.sheet, rules);
    std::optional<Point> square;
    if (plan.nested_square && plan.nested_square->first == i) square = plan.nested_square->second;
    plan.notes.push_back(place_notes(placed, job.sheet, square));
    const auto notes = check_notes(placed, sheet_notes(placed, plan.notes.back()), job.sheet, rules);
    found.insert(found.end(), notes.begin(), notes.end());
    for (GeometryDefect& d : found) d.message = fmt::format("sheet {}: {}", i + 1, d.message);
    defects.insert(defects.end(), found.begin(), found.end());
  }
  require_sound(defects, fmt::format("the nesting of '{}'", job.name));
}

// The reference square goes into the nesting as a part of its own (with a
// gap all round, so that it keeps clear of the cuts), so that at least one
// sheet has it whatever the free space: the first sheet, unless another
// part is cut first there (the fit-test coupon). Other sheets get one in
// their free space when they have room (place_notes).
constexpr double square_gap_mm = 3;

Part square_stand_in(const std::vector<Part>& parts) {
  Part p;
  p.label = "reference square";
  const double side = reference_square_mm + 2 * square_gap_mm;
  p.outline = Contour::of(rectangle(0, 0, side, side));
  p.cut_first = std::none_of(parts.begin(), parts.end(), [](const Part& q) { return q.cut_first; });
  return p;
}

// Takes the stand-in (the last part) out of the nesting again, keeping
// where it went.
void take_out_square(CutPlan& plan, const Sheet& sheet) {
  const std::size_t index = plan.parts.size() - 1;
  for (std::size_t s = 0; s < plan.nesting.sheets.size(); ++s) {
    auto& layout = plan.nesting.sheets[s];
    const auto it =
        std::find_if(layout.parts.begin(), layout.parts.end(), [&](const PlacedPart& p) { return p.part == index; });
    if (it == layout.parts.end()) continue;
    const Bounds b = bounds(place(it->placement, plan.parts[index].outline));
    plan.nested_square = {s, Point{b.min_x + square_gap_mm, b.min_y + square_gap_mm}};
    layout.utilisation -= area_mm2(plan.parts[index]) / (sheet.width_mm * sheet.height_mm);
    layout.parts.erase(it);
    // A sheet of nothing but the square is not worth a sheet.
    if (layout.parts.empty()) {
      plan.nesting.sheets.erase(plan.nesting.sheets.begin() + static_cast<std::ptrdiff_t>(s));
      plan.nested_square.reset();
    }
    break;
  }
  auto& unplaced = plan.nesting.unplaced;
  unplaced.erase(std::remove(unplaced.begin(), unplaced.end(), index), unplaced.end());
  plan.parts.pop_back();
}

}  // namespace

std::optional<CutPlan> plan_cuts(const Job& job, Diagnostics& diags, const NestMemo* memo) {
  const std::size_t errors_before = diags.error_count();
  check_kerf(job.nesting.kerf_mm, job.joints, diags, job.kerf_source);
  CutPlan plan;
  for (const Part& p : job.parts) {
    if (auto compensated = compensate(p, job.nesting.kerf_mm, diags)) plan.parts.push_back(std::move(*compensated));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  check_parts(job);
  plan.parts.push_back(square_stand_in(plan.parts));
  const std::string digest = memo ? nest_digest(plan.parts, job.sheet, job.nesting) : std::string();
  if (memo && memo->recall) {
    if (const auto text = memo->recall(digest)) {
      if (auto kept = nesting_from_text(*text, job.sheet, plan.parts.size())) {
        plan.nesting = std::move(*kept);
        take_out_square(plan, job.sheet);
        check_sheets(job, plan);
        return plan;
      }
    }
  }
  const std::size_t reports_before = diags.all().size();
  plan.nesting = nest(plan.parts, job.sheet, job.nesting, diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  // Kept only when nesting said nothing: a kept nesting reports nothing.
  if (memo && memo->keep && diags.all().size() == reports_before) memo->keep(digest, to_text(plan.nesting));
  take_out_square(plan, job.sheet);
  check_sheets(job, plan);
  return plan;
}

std::vector<std::filesystem::path> write_laser_files(const Job& job, const CutPlan& plan, const ShopProfile& shop,
                                                     const std::filesystem::path& folder, bool with_dxf,
                                                     const SheetLedger* ledger, Staging* staging) {
  std::vector<std::filesystem::path> written;
  for (std::size_t i = 0; i < plan.nesting.sheets.size(); ++i) {
    const auto placed = parts_on(plan.nesting, i, plan.parts);
    const auto svg = folder / fmt::format("{}-{}.svg", job.name, i + 1);
    const auto dxf = folder / fmt::format("{}-{}.dxf", job.name, i + 1);
    std::vector<std::filesystem::path> files = {svg};
    if (with_dxf) files.push_back(dxf);
    written.insert(written.end(), files.begin(), files.end());
    const std::string digest = ledger ? sheet_digest(placed, job.sheet, shop, with_dxf) : std::string();
    if (ledger && ledger->unchanged && ledger->unchanged(svg, digest)) continue;
    const SheetNotes notes = i < plan.notes.size() ? plan.notes[i] : place_notes(placed, job.sheet);
    write_file_atomically(staged(staging, svg), sheet_svg(placed, job.sheet, shop, notes));
    if (with_dxf) write_file_atomically(staged(staging, dxf), sheet_dxf(placed, job.sheet, notes));
    if (ledger && ledger->written) ledger->written(svg, digest, files);
  }
  // Sheets a previous run made beyond this run's last are this job's own
  // stale files: a laser operator must not cut them. Only NAME-N.svg and
  // NAME-N.dxf with a larger N are removed, nothing else.
  for (std::size_t i = plan.nesting.sheets.size() + 1;; ++i) {
    bool any = false;
    for (const char* ext : {"svg", "dxf"}) {
      any = remove_output(staging, folder / fmt::format("{}-{}.{}", job.name, i, ext)) || any;
    }
    if (!any) break;
  }
  const CutReport report = cut_report(plan.nesting, plan.parts, shop);
  const auto text = folder / (job.name + "-report.txt");
  write_file_atomically(staged(staging, text), to_text(report));
  const auto json = folder / (job.name + "-report.json");
  write_file_atomically(staged(staging, json), to_json(report));
  written.push_back(text);
  written.push_back(json);
  return written;
}

}  // namespace impactkit::fab
