#include <impactkit/fab/label_font.hpp>
#include <impactkit/fab/notes.hpp>
#include <impactkit/fab/svg_writer.hpp>

#include <impactkit/core/numbers.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

namespace impactkit::fab {

namespace {

// 3 decimals, and never "-0.000". std::to_chars, not a format string: a
// sheet has tens of thousands of numbers, and this was most of its time.
// To the thousandth of a millimetre, halves away from zero, never "-0.000".
void append_num(std::string& out, double v) {
  const double thousandths = std::round(v * 1000);
  if (std::abs(thousandths) < 0x1p62) {
    append_thousandths(out, static_cast<long long>(thousandths));
  } else {
    append_fixed(out, thousandths / 1000, 3);  // beyond any sheet; kept exact all the same
  }
}

std::string num(double v) {
  std::string s;
  append_num(s, v);
  return s;
}

void append_point(std::string& out, char op, const Point& p) {
  out += op;
  append_num(out, p.x);
  out += ' ';
  append_num(out, p.y);
}

void append_polyline(std::string& out, const Polygon& p, bool closed) {
  append_point(out, 'M', p[0]);
  for (std::size_t i = 1; i < p.size(); ++i) {
    out += ' ';
    append_point(out, 'L', p[i]);
  }
  if (closed) out += " Z";
}

void path(std::string& out, const Polygon& p, bool closed) {
  if (p.size() < 2) return;
  out += "    <path d=\"";
  append_polyline(out, p, closed);
  out += "\"/>\n";
}

// Several closed contours as one path, so that the non-zero rule fills
// a glyph's counters correctly.
void filled_path(std::string& out, const std::vector<Polygon>& contours) {
  if (contours.empty()) return;
  out += "    <path d=\"";
  for (std::size_t i = 0; i < contours.size(); ++i) {
    if (i > 0) out += ' ';
    append_polyline(out, contours[i], true);
  }
  out += "\"/>\n";
}

void contour(std::string& out, const Contour& c) {
  if (c.is_circle()) {
    fmt::format_to(std::back_inserter(out), "    <circle cx=\"{}\" cy=\"{}\" r=\"{}\"/>\n", num(c.circle->centre.x),
                   num(c.circle->centre.y), num(c.circle->radius_mm));
  } else {
    path(out, c.polygon, true);
  }
}

void open_layer(std::string& out, const char* id, const std::string& label, const std::string& style) {
  fmt::format_to(std::back_inserter(out), "  <g id=\"{}\" inkscape:groupmode=\"layer\" inkscape:label=\"{}\" {}>\n", id,
                 label, style);
}

}  // namespace

std::string sheet_svg(const std::vector<Part>& parts, const Sheet& sheet, const ShopProfile& shop,
                      const SheetNotes& notes) {
  std::string out;
  out.reserve(4096 + parts.size() * 4096);
  fmt::format_to(std::back_inserter(out),
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                 "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" "
                 "width=\"{0}mm\" height=\"{1}mm\" viewBox=\"0 0 {0} {1}\">\n",
                 num(sheet.width_mm), num(sheet.height_mm));
  const std::string hairline = num(shop.hairline_mm);

  open_layer(out, "engrave", "engrave", fmt::format("fill=\"{}\" stroke=\"none\"", shop.engrave_colour));
  for (const Part& p : parts) filled_path(out, p.engravings);
  out += "  </g>\n";

  open_layer(out, "score", "score",
             fmt::format("fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"", shop.score_colour, hairline));
  for (const Part& p : parts)
    for (const Polygon& s : p.score_lines) path(out, s, false);
  out += "  </g>\n";

  open_layer(out, "cut", "cut",
             fmt::format("fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"", shop.cut_colour, hairline));
  for (const Part& p : parts)
    for (const Contour& h : p.holes) contour(out, h);
  for (const Part& p : parts) contour(out, p.outline);
  out += "  </g>\n";

  open_layer(out, "notes", "notes (not cut)", fmt::format("fill=\"{}\" stroke=\"none\"", shop.notes_colour));
  for (std::size_t i = 0; i < parts.size() && i < notes.labels.size(); ++i) {
    if (notes.labels[i].height_mm <= 0) continue;
    filled_path(out, label_outlines(parts[i].label, notes.labels[i].centre, notes.labels[i].height_mm));
  }
  // The reference square as a filled frame 1 mm wide, whose outer edge is
  // exactly 100 mm: measurable in a render without a stroke's width.
  if (const auto& c = notes.square) {
    const double s = reference_square_mm;
    Polygon outer = rectangle(c->x, c->y, s, s);
    Polygon inner = rectangle(c->x + 1, c->y + 1, s - 2, s - 2);
    std::reverse(inner.begin(), inner.end());
    std::vector<Polygon> frame{outer, inner};
    const auto caption = label_outlines("100 MM", {c->x + s / 2, c->y + s / 2}, 6);
    frame.insert(frame.end(), caption.begin(), caption.end());
    filled_path(out, frame);
  }
  out += "  </g>\n</svg>\n";
  return out;
}

std::string sheet_svg(const std::vector<Part>& parts, const Sheet& sheet, const ShopProfile& shop) {
  return sheet_svg(parts, sheet, shop, place_notes(parts, sheet));
}

}  // namespace impactkit::fab
