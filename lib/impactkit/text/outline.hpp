#pragma once
// Text as paths: the glyph outlines of a layout, for laser engraving and
// anywhere else text must not depend on fonts.

#include <impactkit/text/typeset_text.hpp>

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace impactkit::text {

struct PathCommand {
  enum class Op { move, line, cubic, close };
  Op op = Op::move;
  // The end point (x, y); for a cubic also its two control points.
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, x = 0, y = 0;
};

// Glyph outlines already loaded, for many calls of outlines(): loading a
// CFF glyph runs its charstring, some thirty thousand instructions, and the
// texts of a product repeat few glyphs many times. The fonts must outlive
// the cache; not safe across threads.
class OutlineCache {
 public:
  OutlineCache();
  ~OutlineCache();
  OutlineCache(const OutlineCache&) = delete;
  OutlineCache& operator=(const OutlineCache&) = delete;

  // One glyph's outline in font units (y down).
  const std::vector<PathCommand>& glyph(const Font& font, std::uint32_t id);

 private:
  std::map<std::pair<const Font*, std::uint32_t>, std::vector<PathCommand>> glyphs_;
};

// Every glyph of `layout` as closed outlines, in pt, with the text box's
// top-left corner at (x_pt, y_pt) and y growing downwards. Quadratic curves
// (TrueType) become cubic ones. Without a cache, each glyph is loaded once
// per call.
std::vector<PathCommand> outlines(const TypesetText& layout, double x_pt = 0, double y_pt = 0,
                                  OutlineCache* cache = nullptr);

}  // namespace impactkit::text
