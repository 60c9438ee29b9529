#include <impactkit/fab/kerf.hpp>
#include <impactkit/fab/label_font.hpp>

#include <polyclipping/clipper.hpp>

#include <array>
#include <cctype>
#include <cmath>
#include <sstream>
#include <string>

namespace impactkit::fab {

namespace {

// Strokes on a grid 4 wide and 6 tall (y down, 6 on the baseline); '|'
// starts a new stroke. Digits 0 to 9, then capitals A to Z.
constexpr std::array<const char*, 10> digit_strokes = {
    "0 0 4 0 4 6 0 6 0 0|4 0 0 6",  // 0
    "1 1 2 0 2 6|1 6 3 6",          // 1
    "0 0 4 0 4 3 0 3 0 6 4 6",      // 2
    "0 0 4 0 4 6 0 6|0 3 4 3",      // 3
    "0 0 0 3 4 3|4 0 4 6",          // 4
    "4 0 0 0 0 3 4 3 4 6 0 6",      // 5
    "4 0 0 0 0 6 4 6 4 3 0 3",      // 6
    "0 0 4 0 1 6",                  // 7
    "0 0 4 0 4 6 0 6 0 0|0 3 4 3",  // 8
    "4 3 0 3 0 0 4 0 4 6 0 6",      // 9
};

constexpr std::array<const char*, 26> letter_strokes = {
    "0 6 2 0 4 6|1 3 3 3",                              // A
    "0 0 3 0 4 1 4 2 3 3 0 3|3 3 4 4 4 5 3 6 0 6 0 0",  // B
    "4 0 0 0 0 6 4 6",                                  // C
    "0 0 3 0 4 1 4 5 3 6 0 6 0 0",                      // D
    "4 0 0 0 0 6 4 6|0 3 3 3",                          // E
    "4 0 0 0 0 6|0 3 3 3",                              // F
    "4 0 0 0 0 6 4 6 4 3 2 3",                          // G
    "0 0 0 6|4 0 4 6|0 3 4 3",                          // H
    "1 0 3 0|2 0 2 6|1 6 3 6",                          // I
    "4 0 4 6 0 6 0 4",                                  // J
    "0 0 0 6|4 0 0 3 4 6",                              // K
    "0 0 0 6 4 6",                                      // L
    "0 6 0 0 2 3 4 0 4 6",                              // M
    "0 6 0 0 4 6 4 0",                                  // N
    "0 0 4 0 4 6 0 6 0 0",                              // O
    "0 6 0 0 4 0 4 3 0 3",                              // P
    "0 0 4 0 4 6 0 6 0 0|2 4 4 6",                      // Q
    "0 6 0 0 4 0 4 3 0 3|2 3 4 6",                      // R
    "4 0 0 0 0 3 4 3 4 6 0 6",                          // S
    "0 0 4 0|2 0 2 6",                                  // T
    "0 0 0 6 4 6 4 0",                                  // U
    "0 0 2 6 4 0",                                      // V
    "0 0 1 6 2 3 3 6 4 0",                              // W
    "0 0 4 6|4 0 0 6",                                  // X
    "0 0 2 3 4 0|2 3 2 6",                              // Y
    "0 0 4 0 0 6 4 6",                                  // Z
};

// The signs a label may hold; any other character is set as '?'.
const char* sign_strokes(int c) {
  switch (c) {
    case '-':
      return "1 3 3 3";
    case '+':
      return "1 3 3 3|2 2 2 4";
    case '.':
      return "2 5.6 2 6";
    case '_':
      return "0 6 4 6";
    case '/':
      return "4 0 0 6";
    case ' ':
      return "";
    default:
      return "0 1 0 0 4 0 4 3 2 3 2 4|2 5.6 2 6";
  }
}

const char* strokes_of(char c) {
  const int upper = std::toupper(static_cast<unsigned char>(c));
  if (upper >= '0' && upper <= '9') return digit_strokes[static_cast<std::size_t>(upper - '0')];
  if (upper >= 'A' && upper <= 'Z') return letter_strokes[static_cast<std::size_t>(upper - 'A')];
  return sign_strokes(upper);
}

constexpr double grid_height = 6;
constexpr double advance = 6;  // 4 for the glyph, 2 between glyphs

}  // namespace

double label_width_mm(std::string_view text, double height_mm) {
  if (text.empty()) return 0;
  return (static_cast<double>(text.size()) * advance - (advance - 4)) * height_mm / grid_height;
}

namespace {

// One glyph's filled outline, `height_mm` tall, its box's top-left corner
// at the origin.
std::vector<Polygon> glyph_outline(char c, double height_mm) {
  const double unit = height_mm / grid_height;
  ClipperLib::Paths lines;
  std::istringstream spec(strokes_of(c));
  for (std::string stroke; std::getline(spec, stroke, '|');) {
    std::istringstream coords(stroke);
    ClipperLib::Path path;
    for (double gx = 0, gy = 0; coords >> gx >> gy;)
      path.emplace_back(std::llround(gx * unit * clipper_units_per_mm), std::llround(gy * unit * clipper_units_per_mm));
    if (!path.empty()) lines.push_back(std::move(path));
  }
  // Round-capped strokes one eighth of the height thick, merged into shapes.
  // Labels are never cut: caps within 1/50 of the height are round enough,
  // and the fewer points keep the sheet's file small and quick to write.
  ClipperLib::ClipperOffset co(2.0, height_mm / 50 * clipper_units_per_mm);
  co.AddPaths(lines, ClipperLib::jtRound, ClipperLib::etOpenRound);
  ClipperLib::Paths filled;
  co.Execute(filled, height_mm / 16 * clipper_units_per_mm);
  std::vector<Polygon> out;
  for (const auto& path : filled) {
    Polygon p;
    for (const auto& q : path)
      p.push_back({static_cast<double>(q.X) / clipper_units_per_mm, static_cast<double>(q.Y) / clipper_units_per_mm});
    out.push_back(std::move(p));
  }
  return out;
}

// Every glyph's outline once, at a height of 1 mm: a label scales and
// moves them. Glyphs never touch (their strokes stand out 0.75 of the 2
// grid units between them), so a label needs no union of its own.
const std::vector<Polygon>& unit_glyph(char c) {
  static const std::array<std::vector<Polygon>, 128> glyphs = [] {
    std::array<std::vector<Polygon>, 128> out;
    // Traced at 100 mm, so that Clipper's integer grid rounds nothing away.
    constexpr double traced_mm = 100;
    for (std::size_t i = 0; i < out.size(); ++i) {
      out[i] = glyph_outline(static_cast<char>(i), traced_mm);
      for (auto& p : out[i])
        for (auto& q : p) q = {q.x / traced_mm, q.y / traced_mm};
    }
    return out;
  }();
  const auto u = static_cast<unsigned char>(c);
  return glyphs[u < glyphs.size() ? u : '?'];
}

}  // namespace

std::vector<Polygon> label_outlines(std::string_view text, Point centre, double height_mm) {
  const double unit = height_mm / grid_height;
  const double left = centre.x - label_width_mm(text, height_mm) / 2;
  const double top = centre.y - height_mm / 2;
  std::vector<Polygon> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const double x0 = left + static_cast<double>(i) * advance * unit;
    for (const Polygon& glyph : unit_glyph(text[i])) {
      Polygon& p = out.emplace_back();
      p.reserve(glyph.size());
      for (const Point q : glyph) p.push_back({x0 + q.x * height_mm, top + q.y * height_mm});
    }
  }
  return out;
}

}  // namespace impactkit::fab
