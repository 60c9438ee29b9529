#include <impactkit/text/outline.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

namespace impactkit::text {
namespace {

// Collects one glyph's outline, mapped from font units (y up) to pt (y down).
struct Collector {
  std::vector<PathCommand>* out;
  double x0, y0, scale;
  double last_x = 0, last_y = 0;
  bool open = false;

  double X(const FT_Vector* v) const { return x0 + static_cast<double>(v->x) * scale; }
  double Y(const FT_Vector* v) const { return y0 - static_cast<double>(v->y) * scale; }

  void add(PathCommand c) {
    last_x = c.x;
    last_y = c.y;
    out->push_back(c);
  }
};

Collector& self(void* user) {
  return *static_cast<Collector*>(user);
}

int move_to(const FT_Vector* to, void* user) {
  Collector& c = self(user);
  if (c.open) c.out->push_back({PathCommand::Op::close});
  c.open = true;
  c.add({PathCommand::Op::move, 0, 0, 0, 0, c.X(to), c.Y(to)});
  return 0;
}

int line_to(const FT_Vector* to, void* user) {
  Collector& c = self(user);
  c.add({PathCommand::Op::line, 0, 0, 0, 0, c.X(to), c.Y(to)});
  return 0;
}

int conic_to(const FT_Vector* control, const FT_Vector* to, void* user) {
  Collector& c = self(user);
  // The cubic with the same curve as the quadratic (p0, q, p1).
  const double qx = c.X(control), qy = c.Y(control), px = c.X(to), py = c.Y(to);
  c.add({PathCommand::Op::cubic, c.last_x + 2.0 / 3 * (qx - c.last_x), c.last_y + 2.0 / 3 * (qy - c.last_y),
         px + 2.0 / 3 * (qx - px), py + 2.0 / 3 * (qy - py), px, py});
  return 0;
}

int cubic_to(const FT_Vector* c1, const FT_Vector* c2, const FT_Vector* to, void* user) {
  Collector& c = self(user);
  c.add({PathCommand::Op::cubic, c.X(c1), c.Y(c1), c.X(c2), c.Y(c2), c.X(to), c.Y(to)});
  return 0;
}

}  // namespace

OutlineCache::OutlineCache() = default;
OutlineCache::~OutlineCache() = default;

const std::vector<PathCommand>& OutlineCache::glyph(const Font& font, std::uint32_t id) {
  static const FT_Outline_Funcs funcs = {move_to, line_to, conic_to, cubic_to, 0, 0};
  auto [it, added] = glyphs_.try_emplace({&font, id});
  if (!added) return it->second;
  FT_Face face = font.ft_face();
  if (FT_Load_Glyph(face, id, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0) return it->second;
  if (face->glyph->format != FT_GLYPH_FORMAT_OUTLINE) return it->second;
  Collector c{&it->second, 0, 0, 1};
  FT_Outline_Decompose(&face->glyph->outline, &funcs, &c);
  if (c.open) it->second.push_back({PathCommand::Op::close});
  return it->second;
}

std::vector<PathCommand> outlines(const TypesetText& layout, double x_pt, double y_pt, OutlineCache* cache) {
  OutlineCache own;
  OutlineCache& glyphs = cache ? *cache : own;
  std::vector<PathCommand> out;
  for (const GlyphRun& run : layout.runs) {
    const double scale = run.size_pt / run.font->units_per_em();
    for (const PositionedGlyph& g : run.glyphs) {
      const double x0 = x_pt + g.x_pt;
      const double y0 = y_pt + g.y_pt;
      for (PathCommand c : glyphs.glyph(*run.font, g.id)) {
        c.x1 = x0 + c.x1 * scale;
        c.y1 = y0 + c.y1 * scale;
        c.x2 = x0 + c.x2 * scale;
        c.y2 = y0 + c.y2 * scale;
        c.x = x0 + c.x * scale;
        c.y = y0 + c.y * scale;
        out.push_back(c);
      }
    }
  }
  return out;
}

}  // namespace impactkit::text
