#include <impactkit/print/impose.hpp>

#include <algorithm>
#include <cmath>

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

// The crop marks of a block of cards: every cut line extended beyond the
// block, starting outside the outer bleed.
std::vector<CropMark> marks_for(const std::vector<Slot>& slots, const ImpositionSettings& s) {
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
  for (const double x : xs) {
    marks.push_back({x, top - gap, x, top - gap - s.mark_length_mm});
    marks.push_back({x, bottom + gap, x, bottom + gap + s.mark_length_mm});
  }
  for (const double y : ys) {
    marks.push_back({left - gap, y, left - gap - s.mark_length_mm, y});
    marks.push_back({right + gap, y, right + gap + s.mark_length_mm, y});
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
  const double margin = s.bleed_mm + (s.crop_marks ? s.mark_length_mm : 0);
  std::optional<Candidate> best;
  for (const bool shared : {false, true}) {
    for (const bool landscape : {false, true}) {
      const double w = landscape ? s.sheet_height_mm : s.sheet_width_mm;
      const double h = landscape ? s.sheet_width_mm : s.sheet_height_mm;
      const double gutter = shared ? 0 : 2 * s.bleed_mm;
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
  const double gutter = best->shared ? 0 : 2 * s.bleed_mm;
  const double block_w = out.columns * s.card_width_mm + (out.columns - 1) * gutter;
  const double block_h = out.rows * s.card_height_mm + (out.rows - 1) * gutter;
  // Centred, so that a long-edge flip puts the block back where it was.
  const double x0 = (out.sheet_width_mm - block_w) / 2;
  const double y0 = (out.sheet_height_mm - block_h) / 2;
  const double b = s.bleed_mm;
  for (int r = 0; r < out.rows; ++r) {
    for (int c = 0; c < out.columns; ++c) {
      Slot slot;
      slot.trim = {x0 + c * (s.card_width_mm + gutter), y0 + r * (s.card_height_mm + gutter), s.card_width_mm,
                   s.card_height_mm};
      // With shared cuts a card's bleed is printed only where no neighbour is.
      const double left = (!best->shared || c == 0) ? b : 0;
      const double right = (!best->shared || c == out.columns - 1) ? b : 0;
      const double top = (!best->shared || r == 0) ? b : 0;
      const double bottom = (!best->shared || r == out.rows - 1) ? b : 0;
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
    out.front_marks = marks_for(out.fronts, s);
    out.back_marks = marks_for(out.backs, s);
  }
  return out;
}

}  // namespace impactkit::print
