#include <impactkit/text/detail/paragraph.hpp>
#include <impactkit/text/detail/set_lines.hpp>

#include <algorithm>

namespace impactkit::text::detail {
namespace {

constexpr double hyphen_penalty = 50;
constexpr double display_runt_demerits = 1e9;

// The items of a block at `size_pt`.
std::vector<Item> items_for(const PreparedBlock& block, double size_pt, bool justify) {
  std::vector<Item> items;
  for (std::size_t ci = 0; ci < block.chunks.size(); ++ci) {
    const Chunk& c = block.chunks[ci];
    const double scale = size_pt / c.font->units_per_em();
    const int owner = static_cast<int>(ci);
    for (std::size_t f = 0; f < c.widths.size(); ++f) {
      if (f > 0) {
        const BreakPoint& p = c.points[f - 1];
        Item pen{
            Item::Type::penalty,    p.explicit_hyphen ? 0 : c.hyphen_width * scale, 0, 0, hyphen_penalty, true, owner,
            static_cast<int>(f - 1)};
        items.push_back(pen);
      }
      items.push_back({Item::Type::box, c.widths[f] * scale, 0, 0, 0, false, owner, static_cast<int>(f)});
    }
    if (c.after == Chunk::After::space) {
      const double w = c.space_width * scale;
      items.push_back({Item::Type::glue, w, justify ? w * 0.6 : 0, justify ? w * 0.3 : 0, 0, false, owner, -1});
    } else if (c.after == Chunk::After::opportunity) {
      items.push_back({Item::Type::penalty, 0, 0, 0, c.after_hyphen ? hyphen_penalty : 0, c.after_hyphen, owner, -1});
    }
  }
  items.push_back({Item::Type::glue, 0, 0, 0, 0, false, -1, -1});
  items.push_back({Item::Type::penalty, 0, 0, 0, -infinite_penalty, false, -1, -1});
  return items;
}

std::vector<SetLine> lines_of(const PreparedBlock& block, int block_index, const std::vector<Item>& items,
                              const BreakResult& result) {
  std::vector<SetLine> lines;
  std::size_t start = 0;
  int carried_from = -1;  // a chunk broken at the previous line's end continues here
  for (std::size_t li = 0; li < result.breaks.size(); ++li) {
    const std::size_t brk = result.breaks[li];
    SetLine line;
    line.block = block_index;
    line.last = li + 1 == result.breaks.size();
    for (std::size_t i = start; i < brk; ++i) {
      const Item& item = items[i];
      if (item.type == Item::Type::box) {
        if (line.pieces.empty() || line.pieces.back().chunk != item.owner || line.pieces.back().space_after) {
          line.pieces.push_back({item.owner, line.pieces.empty() ? carried_from : -1, -1, false});
        }
        line.natural += item.width;
      } else if (item.type == Item::Type::glue && item.owner >= 0 && !line.pieces.empty()) {
        line.pieces.back().space_after = true;
        line.natural += item.width;
        line.shrink += item.shrink;
      }
    }
    carried_from = -1;
    const Item& at = items[brk];
    if (at.type == Item::Type::penalty && at.owner >= 0 && at.point >= 0 && !line.pieces.empty()) {
      line.pieces.back().to = at.point;
      carried_from = at.point;
      line.hyphenated = !block.chunks[at.owner].points[at.point].explicit_hyphen;
      line.natural += at.width;
    }
    if (!line.pieces.empty()) line.pieces.back().space_after = false;  // the space at a break vanishes
    for (const Piece& p : line.pieces) line.words += (p.to < 0 && block.chunks[p.chunk].words > 0) ? 1 : 0;
    lines.push_back(std::move(line));
    // The next line starts after the break; glue after it vanishes.
    start = brk + 1;
    while (start < items.size() && items[start].type != Item::Type::box &&
           !(items[start].type == Item::Type::penalty && items[start].penalty <= -infinite_penalty))
      ++start;
  }
  return lines;
}

}  // namespace

std::vector<SetLine> break_blocks(const std::vector<PreparedBlock>& blocks, const TextStyle& style, double column_width,
                                  double size_pt, double& overflow_width) {
  const double indent = style.bullet_indent * size_pt;
  const bool justify = style.align == Align::justify;
  std::vector<SetLine> lines;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const PreparedBlock& block = blocks[b];
    BreakParams params;
    params.line_width = column_width - (block.bullet ? indent : 0);
    params.justify = justify;
    params.ragged_stretch = 3 * size_pt;
    params.max_consecutive_hyphens = style.hyphenation.max_consecutive;
    // Display text: a lone word on the last line is worth any looseness
    // the tolerance allows.
    if (style.display) {
      params.runt_demerits = display_runt_demerits;
      params.avoid_runt = true;
    }
    const auto items = items_for(block, size_pt, justify);
    const auto result = break_paragraph(items, params);
    for (auto& line : lines_of(block, static_cast<int>(b), items, result)) {
      overflow_width = std::max(overflow_width, line.natural - line.shrink - params.line_width);
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

ColumnPlan plan_lines(const std::vector<SetLine>& lines, const Font& base, const TextStyle& style, const TextBox& box,
                      double size_pt) {
  const double scale = size_pt / base.units_per_em();
  ColumnInput columns;
  columns.columns = std::max(1, box.columns);
  columns.box_height = box.height_pt;
  columns.ascent = base.ascender() * scale;
  columns.descent = -base.descender() * scale;
  columns.leading = style.line_height * size_pt;
  columns.block_gap = style.paragraph_spacing * size_pt;
  for (const auto& line : lines) columns.block_of_line.push_back(line.block);
  return plan_columns(columns);
}

void append_glyphs(GlyphRun& run, const std::string& text, const std::vector<ShapedGlyph>& glyphs, double x, double y,
                   double scale) {
  run.text += text;
  double pen = x;
  std::size_t i = 0;
  while (i < glyphs.size()) {
    std::size_t j = i;
    while (j < glyphs.size() && glyphs[j].cluster == glyphs[i].cluster) ++j;
    const std::size_t next = j < glyphs.size() ? glyphs[j].cluster : text.size();
    run.clusters.push_back({static_cast<int>(next - glyphs[i].cluster), static_cast<int>(j - i)});
    for (std::size_t k = i; k < j; ++k) {
      run.glyphs.push_back({glyphs[k].id, pen + glyphs[k].x_offset * scale, y - glyphs[k].y_offset * scale});
      pen += glyphs[k].x_advance * scale;
    }
    i = j;
  }
}

}  // namespace impactkit::text::detail
