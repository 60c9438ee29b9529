#include <impactkit/text/typesetter.hpp>

#include <impactkit/text/cache.hpp>
#include <impactkit/text/detail/columns.hpp>
#include <impactkit/text/detail/paragraph.hpp>
#include <impactkit/text/detail/prepared_text.hpp>
#include <impactkit/text/detail/set_lines.hpp>
#include <impactkit/text/detail/shape.hpp>
#include <impactkit/text/detail/shaped_word_store.hpp>
#include <impactkit/text/markup.hpp>
#include <impactkit/text/typography.hpp>

#include <fmt/format.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace impactkit::text {
using detail::append_glyphs;
using detail::break_blocks;
using detail::Chunk;
using detail::Piece;
using detail::plan_lines;
using detail::PreparedBlock;
using detail::printed_offset;
using detail::segment_text;
using detail::SetLine;
using detail::ShapedGlyph;
using detail::soft_hyphen;

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

std::shared_ptr<const Typesetter::Prepared> Typesetter::prepare(std::string_view text, const TextStyle& style) {
  auto prepared = std::make_shared<Prepared>();
  prepared->language = hb_language_from_string(style.language.c_str(), -1);
  prepared->features = detail::parse_features(style.features);
  prepared->base = fonts_.get({style.family, style.weight, style.italic});
  const Hyphenator& hyph = hyphenator(style.language);
  for (const auto& f : style.features) prepared->features_key += f + ',';
  hb_font_t* base_font = prepared->base->hb_font();
  const auto has_glyph = [base_font](char32_t c) {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(base_font, c, &glyph) != 0;
  };
  for (const Block& block : parse_markup(typographic(text, style.language, has_glyph))) {
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
    // Inside a name in braces no line breaks, not even after its own hyphens.
    const auto inside_kept = [&](std::size_t offset) {
      const std::size_t s = span_at(offset);
      return s < block.spans.size() && block.spans[s].keep && offset > (s == 0 ? 0 : span_end[s - 1]);
    };
    std::vector<std::size_t> cuts = line_breaker_->opportunities(all, style.language);
    std::size_t a = 0;
    for (std::size_t cut : cuts) {
      // A soft hyphen is a hyphenation point, left to the hyphenator.
      if (cut < all.size() && cut >= soft_hyphen.size() && all.compare(cut - 2, 2, soft_hyphen) == 0) continue;
      if (cut < all.size() && inside_kept(cut)) continue;
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
        for (const BreakPoint& p : s.keep ? std::vector<BreakPoint>{} : hyph.breaks(c.text, style.hyphenation)) {
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

TypesetText Typesetter::set(std::string_view text, const TextStyle& style, const TextBox& box, double size_pt) {
  return set_prepared(*prepare(text, style), style, box, size_pt, true);
}

TypesetText Typesetter::set(const Prepared& prepared, const TextStyle& style, const TextBox& box, double size_pt) {
  return set_prepared(prepared, style, box, size_pt, true);
}

namespace {

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
             TypesetText& layout) const {
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

TypesetText Typesetter::set_prepared(const Prepared& prepared, const TextStyle& style, const TextBox& box,
                                     double size_pt, bool with_glyphs) {
  TypesetText layout;
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

TypesetText Typesetter::fit(std::string_view text, const TextStyle& style, const TextBox& box, double min_size_pt,
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
