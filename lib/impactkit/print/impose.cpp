#include <impactkit/print/impose.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace impactkit::print {
namespace {

// How many cards of `card` fit along `length` with `gutter` between them and
// `margin` (for crop marks and the outer bleed) at both ends.
int fit_count(double length, double card, double gutter, double margin) {
  const double usable = length - 2 * margin + gutter;
  if (usable < card) return 0;
  return static_cast<int>(std::floor((usable + 1e-9) / (card + gutter)));
}

struct Candidate {
  bool landscape = false;
  bool shared = false;
  int columns = 0;
  int rows = 0;
};

constexpr double min_mark_mm = 2;  // shorter, a mark is a speck, not a line to cut along

// The crop marks of a block of cards: every cut line extended beyond the
// block, starting outside the outer bleed and ending at most
// mark_length_mm further, at least edge_clearance_mm inside the sheet.
std::vector<CropMark> marks_for(const std::vector<Slot>& slots, const ImpositionSettings& s, double sheet_w,
                                double sheet_h) {
  std::vector<double> xs;
  std::vector<double> ys;
  for (const auto& slot : slots) {
    xs.push_back(slot.trim.x);
    xs.push_back(slot.trim.x + slot.trim.width);
    ys.push_back(slot.trim.y);
    ys.push_back(slot.trim.y + slot.trim.height);
  }
  const auto unique_sorted = [](std::vector<double>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end(), [](double a, double b) { return std::abs(a - b) < 1e-6; }), v.end());
  };
  unique_sorted(xs);
  unique_sorted(ys);
  std::vector<CropMark> marks;
  if (xs.empty()) return marks;
  const double left = xs.front();
  const double right = xs.back();
  const double top = ys.front();
  const double bottom = ys.back();
  const double gap = s.bleed_mm;  // marks start where the outer bleed ends
  const double edge = s.edge_clearance_mm;
  // A mark from `from` outwards (direction -1 or +1) along one axis of a
  // sheet `length` long: its far end, or nothing when there is no room.
  const auto far_end = [&](double from, int direction, double length) -> std::optional<double> {
    const double end =
        direction < 0 ? std::max(from - s.mark_length_mm, edge) : std::min(from + s.mark_length_mm, length - edge);
    if (std::abs(end - from) < min_mark_mm - 1e-9 || (direction < 0 ? end > from : end < from)) return std::nullopt;
    return end;
  };
  for (const double x : xs) {
    if (x < edge || x > sheet_w - edge) continue;
    if (const auto end = far_end(top - gap, -1, sheet_h)) marks.push_back({x, top - gap, x, *end});
    if (const auto end = far_end(bottom + gap, +1, sheet_h)) marks.push_back({x, bottom + gap, x, *end});
  }
  for (const double y : ys) {
    if (y < edge || y > sheet_h - edge) continue;
    if (const auto end = far_end(left - gap, -1, sheet_w)) marks.push_back({left - gap, y, *end, y});
    if (const auto end = far_end(right + gap, +1, sheet_w)) marks.push_back({right + gap, y, *end, y});
  }
  return marks;
}

}  // namespace

std::optional<std::pair<double, double>> sheet_size_mm(const std::string& name) {
  if (name == "A4") return std::pair{210.0, 297.0};
  if (name == "A3") return std::pair{297.0, 420.0};
  if (name == "letter") return std::pair{215.9, 279.4};
  return std::nullopt;
}

std::optional<Imposition> impose(const ImpositionSettings& s) {
  // Room outside the block for the outer bleed and a crop mark of at least
  // min_mark_mm that keeps clear of the sheet's edge.
  const double margin = s.bleed_mm + (s.crop_marks ? std::min(s.mark_length_mm, min_mark_mm) + s.edge_clearance_mm : 0);
  const auto gutter_of = [&](bool shared) { return s.gutter_mm ? *s.gutter_mm : shared ? 0 : 2 * s.bleed_mm; };
  std::optional<Candidate> best;
  for (const bool shared : {false, true}) {
    if (shared && s.gutter_mm) continue;  // a gutter asked for: never shared cuts
    for (const bool landscape : {false, true}) {
      const double w = landscape ? s.sheet_height_mm : s.sheet_width_mm;
      const double h = landscape ? s.sheet_width_mm : s.sheet_height_mm;
      const double gutter = gutter_of(shared);
      const Candidate c{landscape, shared, fit_count(w, s.card_width_mm, gutter, margin),
                        fit_count(h, s.card_height_mm, gutter, margin)};
      // Full bleed beats shared cuts, and portrait beats landscape, unless
      // the other gives more cards per sheet.
      if (!best || c.columns * c.rows > best->columns * best->rows) best = c;
    }
  }
  if (!best || best->columns * best->rows == 0) return std::nullopt;

  Imposition out;
  out.columns = best->columns;
  out.rows = best->rows;
  out.landscape = best->landscape;
  out.shared_cuts = best->shared;
  out.sheet_width_mm = best->landscape ? s.sheet_height_mm : s.sheet_width_mm;
  out.sheet_height_mm = best->landscape ? s.sheet_width_mm : s.sheet_height_mm;
  const double gutter = gutter_of(best->shared);
  const double block_w = out.columns * s.card_width_mm + (out.columns - 1) * gutter;
  const double block_h = out.rows * s.card_height_mm + (out.rows - 1) * gutter;
  // Centred, so that a long-edge flip puts the block back where it was.
  const double x0 = (out.sheet_width_mm - block_w) / 2;
  const double y0 = (out.sheet_height_mm - block_h) / 2;
  // Towards a neighbour a card's bleed reaches the gutter's middle at most.
  const double b = s.bleed_mm;
  const double inner = best->shared ? 0 : std::min(b, gutter / 2);
  for (int r = 0; r < out.rows; ++r) {
    for (int c = 0; c < out.columns; ++c) {
      Slot slot;
      slot.trim = {x0 + c * (s.card_width_mm + gutter), y0 + r * (s.card_height_mm + gutter), s.card_width_mm,
                   s.card_height_mm};
      // With shared cuts a card's bleed is printed only where no neighbour is.
      const double left = c == 0 ? b : inner;
      const double right = c == out.columns - 1 ? b : inner;
      const double top = r == 0 ? b : inner;
      const double bottom = r == out.rows - 1 ? b : inner;
      slot.printed = {slot.trim.x - left, slot.trim.y - top, slot.trim.width + left + right,
                      slot.trim.height + top + bottom};
      out.fronts.push_back(slot);
    }
  }
  // The back sheet: flipped about the vertical axis (long-edge duplex on a
  // portrait sheet) or the horizontal one (short-edge), then shifted by the
  // printer's offset. On a landscape sheet the printer's long edge is the
  // horizontal one, so the flips swap.
  const bool flip_x = best->landscape ? s.short_edge : !s.short_edge;
  for (const Slot& front : out.fronts) {
    Slot back = front;
    const auto mirror = [&](RectMm& r) {
      if (flip_x) {
        r.x = out.sheet_width_mm - r.x - r.width;
      } else {
        r.y = out.sheet_height_mm - r.y - r.height;
      }
      r.x += s.back_offset_x_mm;
      r.y += s.back_offset_y_mm;
    };
    mirror(back.trim);
    mirror(back.printed);
    out.backs.push_back(back);
  }
  if (s.crop_marks) {
    out.front_marks = marks_for(out.fronts, s, out.sheet_width_mm, out.sheet_height_mm);
    out.back_marks = marks_for(out.backs, s, out.sheet_width_mm, out.sheet_height_mm);
  }
  return out;
}

}  // namespace impactkit::print
