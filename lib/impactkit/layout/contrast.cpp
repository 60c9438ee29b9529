#include <impactkit/layout/contrast.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <vector>

namespace impactkit::layout {

double relative_luminance(const Rgb& c) {
  const auto linear = [](double v) {
    v = std::clamp(v, 0.0, 1.0);
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast_ratio(const Rgb& a, const Rgb& b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

double required_contrast(double a4_size_pt, bool bold) {
  // A hair under the thresholds, so that a size computed as 17.999 pt
  // (a template scaled from A1 to A4) still counts as 18 pt.
  constexpr double slack = 1e-6;
  return a4_size_pt >= 18 - slack || (bold && a4_size_pt >= 14 - slack) ? 3.0 : 4.5;
}

std::string hex(const Rgb& c) {
  const auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return fmt::format("#{:02X}{:02X}{:02X}", byte(c.r), byte(c.g), byte(c.b));
}

double a4_scale(const Page& page) {
  if (page.trim_width_pt <= 0) return 1;
  const double a4_width_pt = mm_to_pt(page.trim_width_pt <= page.trim_height_pt ? 210 : 297);
  return a4_width_pt / page.trim_width_pt;
}

namespace {

struct Point {
  double x = 0, y = 0;
};

struct Bounds {
  double x0 = std::numeric_limits<double>::max(), y0 = std::numeric_limits<double>::max();
  double x1 = std::numeric_limits<double>::lowest(), y1 = std::numeric_limits<double>::lowest();

  void add(Point p) {
    x0 = std::min(x0, p.x);
    y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x);
    y1 = std::max(y1, p.y);
  }
  bool contains(Point p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
  bool meets(const Bounds& o) const { return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1; }
};

// What is behind a point: a filled shape's colour, an image, or the paper.
struct Behind {
  enum class Kind { paper, fill, image } kind = Kind::paper;
  Rgb color{1, 1, 1};
};

// One item that may lie behind text: its bounds, and how to test a point.
struct Backdrop {
  const Item* item = nullptr;
  Bounds bounds;
};

bool winds_around(const PathItem& path, Point p) {
  int winding = 0;  // the non-zero rule, as the backends fill paths
  for (const auto& contour : path.contours) {
    for (std::size_t i = 0; i < contour.size(); ++i) {
      const auto& a = contour[i];
      const auto& b = contour[(i + 1) % contour.size()];
      const double side = (b.x_pt - a.x_pt) * (p.y - a.y_pt) - (p.x - a.x_pt) * (b.y_pt - a.y_pt);
      if (a.y_pt <= p.y && b.y_pt > p.y && side > 0) ++winding;
      if (a.y_pt > p.y && b.y_pt <= p.y && side < 0) --winding;
    }
  }
  return winding != 0;
}

// The item as a backdrop when it covers area with colour (or an image).
std::optional<Backdrop> backdrop(const Item& item) {
  Backdrop out{&item, {}};
  if (const auto* r = std::get_if<RectItem>(&item)) {
    if (!r->fill) return std::nullopt;
    out.bounds.add({r->x_pt, r->y_pt});
    out.bounds.add({r->x_pt + r->width_pt, r->y_pt + r->height_pt});
  } else if (const auto* c = std::get_if<CircleItem>(&item)) {
    if (!c->fill) return std::nullopt;
    out.bounds.add({c->cx_pt - c->radius_pt, c->cy_pt - c->radius_pt});
    out.bounds.add({c->cx_pt + c->radius_pt, c->cy_pt + c->radius_pt});
  } else if (const auto* p = std::get_if<PathItem>(&item)) {
    if (!p->fill) return std::nullopt;
    for (const auto& contour : p->contours) {
      for (const auto& q : contour) out.bounds.add({q.x_pt, q.y_pt});
    }
  } else if (const auto* i = std::get_if<ImageItem>(&item)) {
    // The whole box: the image is fitted into it, and its proportions are
    // known only once it is decoded.
    out.bounds.add({i->x_pt, i->y_pt});
    out.bounds.add({i->x_pt + i->width_pt, i->y_pt + i->height_pt});
  } else {
    return std::nullopt;  // lines and text are too thin to be read against
  }
  return out;
}

bool covers(const Backdrop& b, Point p) {
  if (!b.bounds.contains(p)) return false;
  if (const auto* c = std::get_if<CircleItem>(b.item)) {
    return std::hypot(p.x - c->cx_pt, p.y - c->cy_pt) <= c->radius_pt;
  }
  if (const auto* path = std::get_if<PathItem>(b.item)) return winds_around(*path, p);
  return true;  // rectangles (their rounded corners aside) and image boxes
}

Behind behind(const std::vector<Backdrop>& backdrops, Point p) {
  // The topmost first. Not std::views::reverse: clang rejects it with
  // Debian 12's libstdc++.
  for (auto it = backdrops.rbegin(); it != backdrops.rend(); ++it) {  // NOLINT(modernize-loop-convert)
    const Backdrop& b = *it;
    if (!covers(b, p)) continue;
    if (std::holds_alternative<ImageItem>(*b.item)) return {Behind::Kind::image, {}};
    if (const auto* r = std::get_if<RectItem>(b.item)) return {Behind::Kind::fill, *r->fill};
    if (const auto* c = std::get_if<CircleItem>(b.item)) return {Behind::Kind::fill, *c->fill};
    return {Behind::Kind::fill, *std::get<PathItem>(*b.item).fill};
  }
  return {};
}

bool same(const Rgb& a, const Rgb& b) {
  return a.r == b.r && a.g == b.g && a.b == b.b;
}

// Where each glyph of the run is on the page: the middle of its body (a
// third of an em right of its origin, a third up from the baseline).
std::vector<Point> glyph_points(const TextItem& t, const text::GlyphRun& run) {
  const double angle = t.angle_deg * std::numbers::pi / 180;
  const double cs = std::cos(angle), sn = std::sin(angle);
  std::vector<Point> out;
  out.reserve(run.glyphs.size());
  for (const auto& g : run.glyphs) {
    const double x = g.x_pt + run.size_pt * 0.3, y = g.y_pt - run.size_pt * 0.35;
    out.push_back({t.x_pt + x * cs - y * sn, t.y_pt + x * sn + y * cs});
  }
  return out;
}

void report(const text::GlyphRun& run, const Rgb& background, double ratio, double a4_pt, bool bold, double need,
            const SourcePos& pos, Diagnostics& diagnostics) {
  const Rgb black{0, 0, 0}, white{1, 1, 1};
  const double on_black = contrast_ratio(white, background), on_white = contrast_ratio(black, background);
  const bool dark = on_white >= on_black;
  // Shown rounded down, so that a ratio just under the threshold never reads as the threshold itself.
  const auto shown = [](double r) { return std::floor(r * 10) / 10; };
  // The size in the `expected` line, not the message: the problem is the
  // element's two colours, reported once however its text was shrunk.
  diagnostics.warning(
      pos,
      fmt::format("text in {} on {} has a contrast of {:.1f}:1, less than the {}:1 that WCAG 2.1 asks for {} text",
                  hex(run.color), hex(background), shown(ratio), need, need < 4 ? "large" : "normal"),
      fmt::format("at least {}:1 for this text of {:.0f} pt{} at A4 size (4.5:1, or 3:1 from 18 pt or 14 pt bold; "
                  "see docs/templates.md, Contrast)",
                  need, a4_pt, bold ? " bold" : ""),
      fmt::format("set the text in a colour that stands out from {} ({} text reaches {:.1f}:1 on it), or put it on a "
                  "{} background",
                  hex(background), dark ? "black" : "white", shown(dark ? on_white : on_black),
                  relative_luminance(run.color) > relative_luminance(background) ? "darker" : "lighter"));
}

}  // namespace

void check_contrast(const Page& page, std::size_t first, const SourcePos& pos, Diagnostics& diagnostics) {
  const double scale = a4_scale(page);
  for (std::size_t i = first; i < page.items.size(); ++i) {
    const auto* t = std::get_if<TextItem>(&page.items[i]);
    if (!t) continue;
    std::vector<std::vector<Point>> points;
    Bounds text_bounds;
    for (const auto& run : t->text.runs) {
      points.push_back(glyph_points(*t, run));
      for (const Point& p : points.back()) text_bounds.add(p);
    }
    // Only what overlaps the text is looked at per glyph: a page's QR code
    // is hundreds of rectangles.
    std::vector<Backdrop> backdrops;
    for (std::size_t j = 0; j < i; ++j) {
      if (auto b = backdrop(page.items[j]); b && b->bounds.meets(text_bounds)) backdrops.push_back(*b);
    }
    bool over_image = false;
    for (std::size_t r = 0; r < t->text.runs.size(); ++r) {
      const auto& run = t->text.runs[r];
      double worst = std::numeric_limits<double>::max();
      Rgb worst_background;
      std::optional<Rgb> measured;  // glyphs after the first mostly share its background
      for (const Point& p : points[r]) {
        const Behind b = behind(backdrops, p);
        if (b.kind == Behind::Kind::image) {
          over_image = true;
          continue;
        }
        if (measured && same(*measured, b.color)) continue;
        measured = b.color;
        if (const double ratio = contrast_ratio(run.color, b.color); ratio < worst) {
          worst = ratio;
          worst_background = b.color;
        }
      }
      const double a4_pt = run.size_pt * scale;
      const bool bold = run.font && run.font->request().weight >= 700;
      const double need = required_contrast(a4_pt, bold);
      if (worst < need) report(run, worst_background, worst, a4_pt, bold, need, pos, diagnostics);
    }
    if (over_image) {
      diagnostics.warning(pos, "the contrast of text over an image cannot be measured at build",
                          "text on a filled shape or on the paper, whose colour is known when the page is composed",
                          "check the built files with `impactkit preflight`, which measures the rendered pages, or "
                          "put the text on a filled rect");
    }
  }
}

}  // namespace impactkit::layout
