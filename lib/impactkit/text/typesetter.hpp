#pragma once
// The typesetter: text in a style, set in a box. It breaks lines where
// Unicode allows (ICU) and where Dutch or English hyphenation allows
// (libhyphen), chooses the breaks of each paragraph as a whole (Knuth-Plass),
// balances columns, and finds the largest size at which text fits.

#include <impactkit/text/font.hpp>
#include <impactkit/text/hyphenate.hpp>
#include <impactkit/text/style.hpp>
#include <impactkit/text/typeset_text.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::text {

namespace detail {
struct ShapedGlyph;
}  // namespace detail

class TextCache;

class Typesetter {
 public:
  // `hyphenation_exceptions` come from the theme (see Hyphenator). The
  // compiled patterns and shaped words are taken from and kept in `cache`
  // (text/cache.hpp), which must outlive the typesetter and may serve
  // several at once; without one they are kept only while the typesetter
  // lives, and no disk is touched.
  explicit Typesetter(FontLibrary& fonts, std::vector<std::string> hyphenation_exceptions = {},
                      TextCache* cache = nullptr);
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  // Sets `text` (with markup, see markup.hpp) at `size_pt`. Lines that do
  // not fit the box are left out and counted in the overflow. Throws
  // FontError or HyphenationError when the style's font or language is
  // missing.
  TypesetText set(std::string_view text, const TextStyle& style, const TextBox& box, double size_pt);

  // `text` shaped and hyphenated once, for a caller that sets it again and
  // again at other sizes or widths (a flow trying sizes until it fits):
  // preparing is most of the work of setting a text.
  struct Prepared;
  std::shared_ptr<const Prepared> prepare(std::string_view text, const TextStyle& style);
  // Sets what `prepare` gave for `style`, as set(text, style, box, size_pt).
  TypesetText set(const Prepared& prepared, const TextStyle& style, const TextBox& box, double size_pt);

  // The largest size from `min_size_pt` to `max_size_pt` (to 0.1 pt) at which
  // `text` fits the box, found by bisection. When it does not fit at the
  // minimum, the result is set at the minimum and its overflow says by how
  // much.
  TypesetText fit(std::string_view text, const TextStyle& style, const TextBox& box, double min_size_pt,
                  double max_size_pt);

 private:
  TypesetText set_prepared(const Prepared& prepared, const TextStyle& style, const TextBox& box, double size_pt,
                           bool with_glyphs);
  const Hyphenator& hyphenator(const std::string& language);
  const std::vector<detail::ShapedGlyph>& shaped(const std::shared_ptr<const Font>& font, const Prepared& prepared,
                                                 const std::string& text);

  FontLibrary& fonts_;
  std::vector<std::string> exceptions_;
  TextCache* cache_;
  std::map<std::string, std::unique_ptr<Hyphenator>> hyphenators_;
  struct ShapeCache;  // shaped words of every text set so far
  std::unique_ptr<ShapeCache> shaped_;
  struct LineBreaker;
  std::unique_ptr<LineBreaker> line_breaker_;
};

}  // namespace impactkit::text
