#include <impactkit/text/typesetter.hpp>

#include <impactkit/text/cache.hpp>
#include <impactkit/text/detail/columns.hpp>
#include <impactkit/text/detail/paragraph.hpp>
#include <impactkit/text/detail/shape.hpp>
#include <impactkit/text/detail/shaped_word_store.hpp>
#include <impactkit/text/markup.hpp>

#include <fmt/format.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace impactkit::text {
using detail::Item;
using detail::ShapedGlyph;

std::string Overflow::describe() const {
  std::string out;
  if (lines > 0)
    out = fmt::format("{} line{} ({} word{}) over", lines, lines == 1 ? "" : "s", words, words == 1 ? "" : "s");
  if (width_pt > 0.01) {
    out += fmt::format("{}a word {:.1f} pt wider than its column", out.empty() ? "" : "; ", width_pt);
  }
  return out;
}

// Line-break opportunities (UAX #14) from ICU, one iterator per language.
struct Typesetter::LineBreaker {
  struct Closer {
    void operator()(UBreakIterator* it) const { ubrk_close(it); }
  };
  std::map<std::string, std::unique_ptr<UBreakIterator, Closer>> iterators;

  // Byte offsets after which a line may break, ending with text.size().
  std::vector<std::size_t> opportunities(std::string_view text, const std::string& language) {
    auto& it = iterators[language];
    UErrorCode status = U_ZERO_ERROR;
    if (!it) it.reset(ubrk_open(UBRK_LINE, language.c_str(), nullptr, 0, &status));
    if (U_FAILURE(status) || !it) throw std::runtime_error("ICU cannot break lines for language " + language);
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    ubrk_setUText(it.get(), utext, &status);
    std::vector<std::size_t> out;
    for (int32_t pos = ubrk_next(it.get()); pos != UBRK_DONE; pos = ubrk_next(it.get())) {
      out.push_back(static_cast<std::size_t>(pos));  // UTF-8 UText: native offsets are bytes
    }
    utext_close(utext);
    if (U_FAILURE(status)) throw std::runtime_error("ICU cannot break lines for language " + language);
    return out;
  }
};

namespace {

constexpr std::string_view soft_hyphen = "\xC2\xAD";

// A run of text without spaces in one font: one or more boxes, breakable at
// its hyphenation points.
struct Chunk {
  std::shared_ptr<const Font> font;
  std::string text;                 // as written (soft hyphens kept)
  std::string printed;              // as printed whole
  std::vector<ShapedGlyph> glyphs;  // of `printed`
  std::vector<BreakPoint> points;
  std::vector<std::int32_t> widths;  // of the fragments between points, font units
  enum class After { nothing, space, opportunity } after = After::nothing;
  bool after_hyphen = false;  // the opportunity follows a hyphen
  std::int32_t space_width = 0;
  std::vector<ShapedGlyph> space;  // the space's glyph, when `after` is a space
  std::int32_t hyphen_width = 0;
  int words = 0;  // words it ends (for overflow counts)
};

struct PreparedBlock {
  std::vector<Chunk> chunks;
  bool bullet = false;
};

// Offset in `printed` of offset `offset` in `text`: soft hyphens are dropped.
std::size_t printed_offset(std::string_view text, std::size_t offset) {
  std::size_t removed = 0;
  for (std::size_t at = text.find(soft_hyphen); at != std::string_view::npos && at < offset;
       at = text.find(soft_hyphen, at + soft_hyphen.size())) {
    removed += soft_hyphen.size();
  }
  return offset - removed;
}

// The text of a chunk from after point `from` (or its start, -1) to point
// `to` (or its end, -1), as printed: a trema dropped at the start, a hyphen
// added at the end.
std::string segment_text(const Chunk& c, int from, int to) {
  std::string text = from < 0 ? c.printed : c.points[from].line_start;
  if (to >= 0) {
    const std::size_t rest = c.printed.size() - printed_offset(c.text, c.points[to].offset);
    text.resize(text.size() - rest);
    if (!c.points[to].explicit_hyphen) text += '-';
  }
  return text;
}

}  // namespace

struct Typesetter::Prepared {
  std::vector<PreparedBlock> blocks;
  std::shared_ptr<const Font> base;  // regular font: line metrics
  hb_language_t language = nullptr;
  std::vector<hb_feature_t> features;
  std::string features_key;  // the features as the style names them
};

// Key: font, language, features, text.
struct Typesetter::ShapeCache {
  using Key = std::tuple<const Font*, hb_language_t, std::string, std::string>;
  std::map<Key, std::vector<ShapedGlyph>> words;
};

Typesetter::Typesetter(FontLibrary& fonts, std::vector<std::string> hyphenation_exceptions, TextCache* cache)
    : fonts_(fonts),
      exceptions_(std::move(hyphenation_exceptions)),
      cache_(cache),
      shaped_(std::make_unique<ShapeCache>()),
      line_breaker_(std::make_unique<LineBreaker>()) {}

Typesetter::~Typesetter() = default;

const Hyphenator& Typesetter::hyphenator(const std::string& language) {
  auto& h = hyphenators_[language];
  if (!h) h = std::make_unique<Hyphenator>(language, exceptions_, cache_);
  return *h;
}

// Shaping is most of the work; words repeat ("de", "van") within a text and
// across the texts of a build, and every chunk needs its font's space and
// hyphen, so each is shaped once per typesetter, and words shaped by an
// earlier build are taken from the cache it kept them in (text/cache.hpp).
// Glyph advances are in font units, the same at every size.
const std::vector<detail::ShapedGlyph>& Typesetter::shaped(const std::shared_ptr<const Font>& font,
                                                           const Prepared& prepared, const std::string& text) {
  ShapeCache::Key key{font.get(), prepared.language, prepared.features_key, text};
  auto it = shaped_->words.find(key);
  if (it != shaped_->words.end()) return it->second;
  std::vector<detail::ShapedGlyph> glyphs;
  if (cache_ == nullptr) {
    glyphs = detail::shape(*font, text, prepared.language, prepared.features);
  } else {
    detail::ShapedWordStore& store = cache_->shaped_words();
    std::string cache_key = store.key(*font, hb_language_to_string(prepared.language), prepared.features_key, text);
    if (!store.find(cache_key, glyphs)) {
      glyphs = detail::shape(*font, text, prepared.language, prepared.features);
      store.add(std::move(cache_key), glyphs);
    }
  }
  return shaped_->words.emplace(std::move(key), std::move(glyphs)).first->second;
}

std::shared_ptr<Typesetter::Prepared> Typesetter::prepare(std::string_view text, const TextStyle& style) {
  auto prepared = std::make_shared<Prepared>();
  prepared->language = hb_language_from_string(style.language.c_str(), -1);
  prepared->features = detail::parse_features(style.features);
  prepared->base = fonts_.get({style.family, style.weight, style.italic});
  const Hyphenator& hyph = hyphenator(style.language);
  for (const auto& f : style.features) prepared->features_key += f + ',';
  for (const Block& block : parse_markup(text)) {
    PreparedBlock out;
    out.bullet = block.bullet;
    std::string all;
    std::vector<std::size_t> span_end;
    for (const Span& span : block.spans) {
      all += span.text;
      span_end.push_back(all.size());
    }
    const auto span_at = [&](std::size_t offset) {
      return static_cast<std::size_t>(std::upper_bound(span_end.begin(), span_end.end(), offset) - span_end.begin());
    };
    std::vector<std::size_t> cuts = line_breaker_->opportunities(all, style.language);
    std::size_t a = 0;
    for (std::size_t cut : cuts) {
      // A soft hyphen is a hyphenation point, left to the hyphenator.
      if (cut < all.size() && cut >= soft_hyphen.size() && all.compare(cut - 2, 2, soft_hyphen) == 0) continue;
      std::size_t word_end = cut;
      while (word_end > a && all[word_end - 1] == ' ') --word_end;
      // The word [a, word_end), split where the style changes.
      for (std::size_t from = a; from < word_end;) {
        const std::size_t span = span_at(from);
        const std::size_t to = std::min(word_end, span_end[span]);
        const Span& s = block.spans[span];
        Chunk c;
        c.font = fonts_.get({style.family, s.bold ? style.bold_weight : style.weight, style.italic || s.italic});
        c.text = all.substr(from, to - from);
        c.printed = Hyphenator::unbroken(c.text);
        c.glyphs = shaped(c.font, *prepared, c.printed);
        for (const BreakPoint& p : hyph.breaks(c.text, style.hyphenation)) {
          if (p.offset > 0 && p.offset < c.text.size()) c.points.push_back(p);
        }
        // Fragment widths from the whole word's glyphs, so kerning inside
        // fragments is kept.
        c.widths.assign(c.points.size() + 1, 0);
        for (const ShapedGlyph& g : c.glyphs) {
          std::size_t fragment = 0;
          while (fragment < c.points.size() && printed_offset(c.text, c.points[fragment].offset) <= g.cluster)
            ++fragment;
          c.widths[fragment] += g.x_advance;
        }
        c.hyphen_width = detail::advance_width(shaped(c.font, *prepared, "-"));
        if (to == word_end) {
          c.words = 1;
          if (word_end < cut) {
            c.after = Chunk::After::space;
            c.space = shaped(c.font, *prepared, " ");
            c.space_width = detail::advance_width(c.space);
          } else if (cut < all.size()) {
            c.after = Chunk::After::opportunity;
            c.after_hyphen = all[word_end - 1] == '-';
          }
        }
        out.chunks.push_back(std::move(c));
        from = to;
      }
      a = cut;
    }
    prepared->blocks.push_back(std::move(out));
  }
  return prepared;
}

namespace {

constexpr double hyphen_penalty = 50;

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
  items.push_back({Item::Type::penalty, 0, 0, 0, -detail::infinite_penalty, false, -1, -1});
  return items;
}

// A piece of a line: part of one chunk, and whether a space follows it.
struct Piece {
  int chunk = 0;
  int from = -1;  // break point it starts after, or -1 for the chunk's start
  int to = -1;    // break point it ends at, or -1 for the chunk's end
  bool space_after = false;
};

struct SetLine {
  int block = 0;
  std::vector<Piece> pieces;
  bool last = false;  // of its paragraph: not justified
  bool hyphenated = false;
  double natural = 0;  // pt, as estimated by the breaker
  double shrink = 0;   // pt its spaces may shrink
  int words = 0;
};

std::vector<SetLine> lines_of(const PreparedBlock& block, int block_index, const std::vector<Item>& items,
                              const detail::BreakResult& result) {
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
           !(items[start].type == Item::Type::penalty && items[start].penalty <= -detail::infinite_penalty))
      ++start;
  }
  return lines;
}

// Appends glyphs to `run`, mapping their clusters (byte offsets into `text`)
// to TextClusters.
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

}  // namespace

TextLayout Typesetter::set(std::string_view text, const TextStyle& style, const TextBox& box, double size_pt) {
  return set_prepared(*prepare(text, style), style, box, size_pt, true);
}

namespace {

// Every paragraph broken into lines; `overflow_width`: by how much the
// widest line is too wide, at least what it was.
std::vector<SetLine> break_blocks(const std::vector<PreparedBlock>& blocks, const TextStyle& style, double column_width,
                                  double size_pt, double& overflow_width) {
  const double indent = style.bullet_indent * size_pt;
  const bool justify = style.align == Align::justify;
  std::vector<SetLine> lines;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const PreparedBlock& block = blocks[b];
    detail::BreakParams params;
    params.line_width = column_width - (block.bullet ? indent : 0);
    params.justify = justify;
    params.ragged_stretch = 3 * size_pt;
    params.max_consecutive_hyphens = style.hyphenation.max_consecutive;
    const auto items = items_for(block, size_pt, justify);
    const auto result = detail::break_paragraph(items, params);
    for (auto& line : lines_of(block, static_cast<int>(b), items, result)) {
      overflow_width = std::max(overflow_width, line.natural - line.shrink - params.line_width);
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

// Where the lines go: their columns and baselines, as many as fit the box.
detail::ColumnPlan plan_lines(const std::vector<SetLine>& lines, const Font& base, const TextStyle& style,
                              const TextBox& box, double size_pt) {
  const double scale = size_pt / base.units_per_em();
  detail::ColumnInput columns;
  columns.columns = std::max(1, box.columns);
  columns.box_height = box.height_pt;
  columns.ascent = base.ascender() * scale;
  columns.descent = -base.descender() * scale;
  columns.leading = style.line_height * size_pt;
  columns.block_gap = style.paragraph_spacing * size_pt;
  for (const auto& line : lines) columns.block_of_line.push_back(line.block);
  return detail::plan_columns(columns);
}

// A piece of a line with its glyphs, ready to be placed.
struct Placed {
  const Chunk* chunk;
  std::string text;
  std::vector<ShapedGlyph> glyphs;
  double width;
  bool space_after;
};

// Places the set lines' glyphs: shapes broken words anew, places every
// piece, stretches justified lines. `shape(font, text)` gives the glyphs of
// a text in the prepared text's language and features.
template <typename Shape>
class LinePlacer {
 public:
  LinePlacer(const TextStyle& style, const TextBox& box, double size_pt, const std::shared_ptr<const Font>& base,
             const Shape& shape)
      : style_(style), box_(box), size_pt_(size_pt), base_(base), shape_(shape) {}

  // The line `line` of `block`, in `column` at baseline `y`, into `layout`;
  // `opens_block`: the first line of its paragraph.
  void place(const PreparedBlock& block, const SetLine& line, bool opens_block, int column, double y,
             TextLayout& layout) const {
    const double column_width = box_.column_width_pt();
    const double indent = style_.bullet_indent * size_pt_;
    const double left = column * (column_width + box_.gutter_pt) + (block.bullet ? indent : 0);
    const double available = column_width - (block.bullet ? indent : 0);
    double natural = 0;
    int spaces = 0;
    const std::vector<Placed> placed = pieces(block, line, natural, spaces);
    // A paragraph's last line keeps natural spaces, unless it had to shrink.
    const bool stretch = style_.align == Align::justify && spaces > 0 && (!line.last || natural > available);
    const double extra = stretch ? (available - natural) / spaces : 0;
    double x = left;
    if (!stretch && style_.align == Align::right) x += available - natural;
    if (!stretch && style_.align == Align::center) x += (available - natural) / 2;

    LineBox lb;
    lb.column = column;
    lb.block = line.block;
    lb.x_pt = x;
    lb.baseline_pt = y;
    lb.available_pt = available;
    lb.justified = stretch;
    lb.hyphenated = line.hyphenated;
    if (block.bullet && opens_block) {
      const double scale = size_pt_ / base_->units_per_em();
      GlyphRun bullet{base_, size_pt_, style_.color, {}, {}, {}};
      append_glyphs(bullet, "•", shape_(base_, "•"), left - indent, y, scale);
      layout.runs.push_back(std::move(bullet));
    }
    for (const Placed& p : placed) {
      const double s = size_pt_ / p.chunk->font->units_per_em();
      if (layout.runs.empty() || layout.runs.back().font != p.chunk->font || lb.text.empty()) {
        layout.runs.push_back({p.chunk->font, size_pt_, style_.color, {}, {}, {}});
      }
      GlyphRun& run = layout.runs.back();
      append_glyphs(run, p.text, p.glyphs, x, y, s);
      lb.text += p.text;
      x += p.width;
      if (p.space_after) {
        append_glyphs(run, " ", p.chunk->space, x, y, s);
        lb.text += ' ';
        x += p.chunk->space_width * s + extra;
      }
    }
    lb.width_pt = x - lb.x_pt;
    layout.lines.push_back(std::move(lb));
  }

 private:
  // The line's pieces with their glyphs; their natural width with spaces, and the spaces.
  std::vector<Placed> pieces(const PreparedBlock& block, const SetLine& line, double& natural, int& spaces) const {
    std::vector<Placed> placed;
    for (const Piece& p : line.pieces) {
      const Chunk& c = block.chunks[p.chunk];
      Placed out{&c, {}, {}, 0, p.space_after};
      if (p.from < 0 && p.to < 0) {
        out.text = c.printed;
        out.glyphs = c.glyphs;
      } else {
        out.text = segment_text(c, p.from, p.to);
        out.glyphs = shape_(c.font, out.text);
      }
      const double s = size_pt_ / c.font->units_per_em();
      out.width = detail::advance_width(out.glyphs) * s;
      natural += out.width + (p.space_after ? c.space_width * s : 0);
      spaces += p.space_after ? 1 : 0;
      placed.push_back(std::move(out));
    }
    return placed;
  }

  const TextStyle& style_;
  const TextBox& box_;
  double size_pt_;
  const std::shared_ptr<const Font>& base_;
  const Shape& shape_;
};

}  // namespace

TextLayout Typesetter::set_prepared(const Prepared& prepared, const TextStyle& style, const TextBox& box,
                                    double size_pt, bool with_glyphs) {
  TextLayout layout;
  layout.size_pt = size_pt;
  const std::vector<SetLine> lines =
      break_blocks(prepared.blocks, style, box.column_width_pt(), size_pt, layout.overflow.width_pt);
  const detail::ColumnPlan plan = plan_lines(lines, *prepared.base, style, box, size_pt);
  layout.height_pt = plan.height;
  layout.overflow.lines = static_cast<int>(lines.size()) - plan.placed;
  for (std::size_t i = plan.placed; i < lines.size(); ++i) layout.overflow.words += lines[i].words;
  if (layout.overflow.width_pt < 0.01) layout.overflow.width_pt = 0;
  if (!with_glyphs) return layout;

  const auto shape = [&](const std::shared_ptr<const Font>& font,
                         const std::string& text) -> const std::vector<ShapedGlyph>& {
    return shaped(font, prepared, text);
  };
  const LinePlacer placer(style, box, size_pt, prepared.base, shape);
  for (int i = 0; i < plan.placed; ++i) {
    const SetLine& line = lines[i];
    const bool opens_block = i == 0 || lines[i - 1].block != line.block;
    placer.place(prepared.blocks[line.block], line, opens_block, plan.column[i], plan.baseline[i], layout);
  }
  return layout;
}

TextLayout Typesetter::fit(std::string_view text, const TextStyle& style, const TextBox& box, double min_size_pt,
                           double max_size_pt) {
  const auto prepared = prepare(text, style);
  const auto fits = [&](double size) { return set_prepared(*prepared, style, box, size, false).fits(); };
  // Most texts fit at their largest size: set with glyphs at once, rather
  // than breaking the lines once to try and once more to set them.
  if (auto at_max = set_prepared(*prepared, style, box, max_size_pt, true); at_max.fits()) return at_max;
  if (!fits(min_size_pt)) return set_prepared(*prepared, style, box, min_size_pt, true);
  double lo = min_size_pt;  // fits
  double hi = max_size_pt;  // does not
  while (hi - lo > 0.1) {
    const double mid = (lo + hi) / 2;
    (fits(mid) ? lo : hi) = mid;
  }
  // A round size when it fits too (bisection is exact only where fitting is monotonic).
  const double round = std::floor(lo * 10) / 10;
  if (round >= min_size_pt) {
    if (auto at_round = set_prepared(*prepared, style, box, round, true); at_round.fits()) return at_round;
  }
  return set_prepared(*prepared, style, box, lo, true);
}

}  // namespace impactkit::text
