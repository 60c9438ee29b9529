#include <impactkit/layout/compose.hpp>

#include <impactkit/core/file_io.hpp>
#include <impactkit/core/image_header.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>
#include <qrencode.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>

namespace impactkit::layout {
namespace {

struct Box {
  double x = 0, y = 0, w = 0, h = 0;
};

Rgb rgb(const std::string& hex) {
  const auto part = [&](int i) {
    return std::stoi(hex.substr(static_cast<std::size_t>(i) * 2, 2), nullptr, 16) / 255.0;
  };
  return {part(0), part(1), part(2)};
}

// The fields of one element: its repeat item's first, then the page's.
struct Scope {
  const Fields* item = nullptr;
  const Fields* page = nullptr;

  const FieldText* text(std::string_view name) const {
    if (item) {
      if (const auto* t = item->text(name)) return t;
    }
    return page->text(name);
  }
  const std::vector<Fields>* list(std::string_view name) const {
    if (item) {
      if (const auto* l = item->list(name)) return l;
    }
    return page->list(name);
  }
  std::vector<std::string> names() const {
    auto out = page->names();
    if (item) {
      auto more = item->names();
      out.insert(out.end(), more.begin(), more.end());
    }
    return out;
  }
};

// The geometry of one page (or of one repeat cell): a grid of cells.
struct Grid {
  Box area;
  int columns = 1, rows = 1;
  double gutter = 0;

  Box cells(int column, int row, int spans_columns, int spans_rows) const {
    const double cw = (area.w - gutter * (columns - 1)) / columns;
    const double rh = (area.h - gutter * (rows - 1)) / rows;
    return {area.x + (column - 1) * (cw + gutter), area.y + (row - 1) * (rh + gutter),
            spans_columns * cw + (spans_columns - 1) * gutter, spans_rows * rh + (spans_rows - 1) * gutter};
  }
};

class PageComposer {
 public:
  PageComposer(const content::Roadshow& roadshow, text::Typesetter& typesetter, Diagnostics& diagnostics,
               const Template& t, const Labels& labels, const ComposeOptions& options)
      : roadshow_(roadshow),
        typesetter_(typesetter),
        diagnostics_(diagnostics),
        t_(t),
        labels_(labels),
        options_(options) {}

  Page run(const Fields& fields) {
    const PaperSize size = options_.size.width_mm > 0 ? options_.size : t_.reference;
    const double ref_w = t_.landscape ? t_.reference.height_mm : t_.reference.width_mm;
    page_.trim_width_pt = mm_to_pt(t_.landscape ? size.height_mm : size.width_mm);
    page_.trim_height_pt = mm_to_pt(t_.landscape ? size.width_mm : size.height_mm);
    page_.bleed_pt = mm_to_pt(options_.bleed_mm >= 0 ? options_.bleed_mm : t_.bleed_mm);
    // One template serves every size: lengths and text sizes scale with the width.
    scale_ = pt_to_mm(page_.trim_width_pt) / ref_w;
    const double margin = mm_to_pt(t_.margin_mm) * scale_;
    page_grid_ = {{margin, margin, page_.trim_width_pt - 2 * margin, page_.trim_height_pt - 2 * margin},
                  t_.grid_columns,
                  t_.grid_rows,
                  mm_to_pt(t_.gutter_mm) * scale_};
    const Scope scope{nullptr, &fields};
    for (const Element& e : t_.elements) draw(e, scope, page_grid_);
    return std::move(page_);
  }

 private:
  Box box_of(const Element& e, const Grid& grid) const {
    switch (e.area.kind) {
      case Area::Kind::page:
        return {0, 0, page_.trim_width_pt, page_.trim_height_pt};
      case Area::Kind::bleed:
        return {-page_.bleed_pt, -page_.bleed_pt, page_.trim_width_pt + 2 * page_.bleed_pt,
                page_.trim_height_pt + 2 * page_.bleed_pt};
      case Area::Kind::cell:
        return grid.area;
      case Area::Kind::cells:
        return grid.cells(e.area.column, e.area.row, e.area.columns, e.area.rows);
    }
    return {};
  }

  // A field the template names; reported when it does not exist at all.
  const FieldText* field(const Element& e, const std::string& name, const Scope& scope, bool report = true) {
    if (const auto* t = scope.text(name)) return t;
    if (report && !known(name, scope)) unknown_field(e, name, scope);
    return nullptr;
  }

  // A name the fields have as a list (a field that is merely empty is still
  // found as text, so only unknown names get here).
  static bool known(const std::string& name, const Scope& scope) { return scope.list(name) != nullptr; }

  void unknown_field(const Element& e, const std::string& name, const Scope& scope) {
    const auto names = scope.names();
    const auto near = closest(name, names);
    diagnostics_.error(e.field_pos.line > 0 ? e.field_pos : e.pos,
                       fmt::format("template {} names unknown field '{}'", t_.name, name),
                       "a field such as case.title or case.route.ambitie (see docs/templates.md)",
                       near ? fmt::format("did you mean '{}'?", *near) : "check the name");
  }

  std::optional<Rgb> color(const std::string& ref, const Scope& scope, const SourcePos& pos) {
    if (ref.empty()) return std::nullopt;
    if (ref == "white") return Rgb{1, 1, 1};
    if (ref == "black") return Rgb{0, 0, 0};
    std::string name = ref;
    if (ref.starts_with("theme.")) name = ref.substr(6);
    if (ref == "case.theme" || ref == "item.theme") {
      const auto* t = scope.text(ref == "case.theme" ? "case.theme_color" : "item.theme_color");
      if (!t) return std::nullopt;
      name = t->text;
    }
    if (ref == "item.color") {
      const auto* t = scope.text("item.number");
      return t && !t->color.empty() ? std::optional<Rgb>(rgb(t->color)) : std::nullopt;
    }
    if (auto hex = roadshow_.theme.color(name)) return rgb(*hex);
    // A field that carries a colour, such as card.color.
    if (const auto* t = scope.text(ref); t && !t->color.empty()) return rgb(t->color);
    std::vector<std::string> names;
    for (const auto& [n, h] : roadshow_.theme.colors) names.push_back("theme." + n);
    const auto near = closest(ref, names);
    diagnostics_.error(pos, fmt::format("unknown colour '{}'", ref),
                       "theme.NAME of a theme colour, case.theme, white, black or six hex digits",
                       near ? fmt::format("did you mean '{}'?", *near) : "add it to the theme's colors");
    return std::nullopt;
  }

  bool present(const Element& e, const std::string& name, const Scope& scope) {
    if (const auto* t = scope.text(name)) return !t->text.empty();
    if (const auto* l = scope.list(name)) return !l->empty();
    if (!known(name, scope)) unknown_field(e, name, scope);
    return false;
  }

  bool shown(const Element& e, const Scope& scope) {
    if (!e.when.empty() && !present(e, e.when, scope)) return false;
    return e.unless.empty() || !present(e, e.unless, scope);
  }

  // The element's box, taken out to the bleed on the sides it extends.
  Box extended(const Element& e, Box b) const {
    const double bleed = page_.bleed_pt;
    for (const auto& side : e.extend) {
      if (side == "top") {
        b.h += b.y + bleed;
        b.y = -bleed;
      } else if (side == "left") {
        b.w += b.x + bleed;
        b.x = -bleed;
      } else if (side == "bottom") {
        b.h = page_.trim_height_pt + bleed - b.y;
      } else if (side == "right") {
        b.w = page_.trim_width_pt + bleed - b.x;
      }
    }
    return b;
  }

  void draw(const Element& e, const Scope& scope, const Grid& grid) {
    if (!shown(e, scope)) return;
    const Box b = extended(e, box_of(e, grid));
    switch (e.kind) {
      case Element::Kind::rect: {
        RectItem r{b.x,
                   b.y,
                   b.w,
                   b.h,
                   color(e.fill, scope, e.pos),
                   color(e.stroke, scope, e.pos),
                   e.stroke_pt * scale_,
                   mm_to_pt(e.radius_mm) * scale_};
        page_.items.emplace_back(r);
        break;
      }
      case Element::Kind::line: {
        const auto c = color(e.stroke.empty() ? "text" : e.stroke, scope, e.pos).value_or(Rgb{});
        const double w = (e.stroke_pt > 0 ? e.stroke_pt : 1) * scale_;
        LineItem l{b.x, b.y, b.x + b.w, b.y, c, w};
        if (e.edge == "bottom") l.y1_pt = l.y2_pt = b.y + b.h;
        if (e.edge == "left" || e.edge == "right") {
          l.x1_pt = l.x2_pt = e.edge == "left" ? b.x : b.x + b.w;
          l.y1_pt = b.y;
          l.y2_pt = b.y + b.h;
        }
        page_.items.emplace_back(l);
        break;
      }
      case Element::Kind::text:
        draw_text(e, scope, b);
        break;
      case Element::Kind::figure:
        draw_figure(e, scope, b);
        break;
      case Element::Kind::sdg:
        draw_sdgs(e, scope, b);
        break;
      case Element::Kind::image:
        draw_image(e, scope, b);
        break;
      case Element::Kind::qr:
        draw_qr(e, scope, b);
        break;
      case Element::Kind::repeat:
        draw_repeat(e, scope, b);
        break;
    }
  }

  // The text an element shows: a field, a label, or literal text with
  // {field} and {label:key} placeholders.
  std::optional<FieldText> text_of(const Element& e, const Scope& scope) {
    if (!e.field.empty()) {
      const auto* t = field(e, e.field, scope);
      return t ? std::optional<FieldText>(*t) : std::nullopt;
    }
    if (!e.label.empty()) {
      if (const auto* l = label(e, e.label)) return FieldText{*l, {}, {}};
      return std::nullopt;
    }
    std::string out;
    for (std::size_t i = 0; i < e.literal.size(); ++i) {
      const std::size_t close = e.literal.find('}', i);
      if (e.literal[i] == '{' && close != std::string::npos) {
        const std::string name = e.literal.substr(i + 1, close - i - 1);
        if (name.starts_with("label:")) {
          if (const auto* l = label(e, name.substr(6))) out += *l;
        } else if (const auto* t = field(e, name, scope)) {
          out += t->text;
        }
        i = close;
      } else {
        out += e.literal[i];
      }
    }
    return FieldText{out, {}, {}};
  }

  const std::string* label(const Element& e, const std::string& key) {
    if (const auto* l = labels_.find(key)) return l;
    const auto near = closest(key, labels_.keys());
    diagnostics_.error(
        e.pos, fmt::format("template {} names label '{}', which {} does not have", t_.name, key, labels_.file()),
        "a key of the locale file", near ? fmt::format("did you mean '{}'?", *near) : "add it to the locale file");
    return nullptr;
  }

  std::optional<std::pair<text::TextStyle, content::ThemeStyle>> style(const Element& e, const std::string& name,
                                                                       const Scope& scope) {
    const auto* s = roadshow_.theme.find_style(name);
    if (!s) {
      std::vector<std::string> names;
      for (const auto& st : roadshow_.theme.styles) names.push_back(st.name);
      const auto near = closest(name, names);
      diagnostics_.error(e.pos,
                         fmt::format("template {} uses style '{}', which the theme does not have", t_.name, name),
                         "a style under `styles:` in " + roadshow_.theme.file.string(),
                         near ? fmt::format("did you mean '{}'?", *near) : "add the style to the theme");
      return std::nullopt;
    }
    text::TextStyle out;
    out.family = s->font.empty() ? roadshow_.theme.body_font : s->font;
    out.weight = s->weight;
    out.italic = s->italic;
    out.line_height = s->line_height;
    out.paragraph_spacing = s->paragraph_spacing;
    out.align = s->align == "justify"  ? text::Align::justify
                : s->align == "center" ? text::Align::center
                : s->align == "right"  ? text::Align::right
                                       : text::Align::left;
    out.color = color(e.color.empty() ? s->color : e.color, scope, e.pos).value_or(Rgb{});
    out.features = s->features;
    out.language = options_.language;
    out.hyphenation.enabled = s->hyphenate;
    return std::make_pair(out, *s);
  }

  static std::string uppercase(const std::string& s, const std::string& language) {
    std::string out;
    icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale(language.c_str())).toUTF8String(out);
    return out;
  }

  // Sets `content` in `b`, fitted between the style's sizes; reports text
  // that does not fit at the field's place in the content.
  std::optional<text::TextLayout> set(const Element& e, const std::string& style_name, const FieldText& content,
                                      const Box& b, const Scope& scope, int columns = 1, double gutter_mm = 0) {
    auto st = style(e, style_name, scope);
    if (!st) return std::nullopt;
    const auto& [tstyle, theme_style] = *st;
    const std::string body = theme_style.uppercase ? uppercase(content.text, options_.language) : content.text;
    const text::TextBox box{b.w, b.h, columns, mm_to_pt(gutter_mm) * scale_};
    auto layout = typesetter_.fit(body, tstyle, box, theme_style.min_size_pt * scale_, theme_style.size_pt * scale_);
    if (!layout.fits()) {
      const SourcePos at = content.pos.line > 0 ? content.pos : e.field_pos.line > 0 ? e.field_pos : e.pos;
      const std::string what =
          fmt::format("text of '{}' does not fit its box on the {} {} at {}: {} at {:.1f} pt",
                      !e.field.empty()   ? e.field
                      : !e.label.empty() ? "label " + e.label
                                         : "text",
                      t_.name, options_.product, options_.size.name.empty() ? "its size" : options_.size.name,
                      layout.overflow.describe(), layout.size_pt);
      const std::string fix = fmt::format("shorten the text, or give the element more room in {}:{}:{}",
                                          t_.file.string(), e.pos.line, e.pos.column);
      if (options_.allow_overflow) {
        diagnostics_.warning(at, what + "; cut short with '…'", {}, fix);
        layout = truncated(body, tstyle, box, layout.size_pt);
      } else {
        diagnostics_.error(at, what, "text that fits at the style's smallest size",
                           fix + " (or build with --allow-overflow)");
      }
    }
    return layout;
  }

  // The longest start of `body` that fits, with an ellipsis.
  text::TextLayout truncated(const std::string& body, const text::TextStyle& style, const text::TextBox& box,
                             double size) {
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] == ' ') ends.push_back(i);
    }
    std::size_t lo = 0;
    std::size_t hi = ends.size();
    text::TextLayout best = typesetter_.set("…", style, box, size);
    while (lo < hi) {
      const std::size_t mid = (lo + hi + 1) / 2;
      auto attempt = typesetter_.set(body.substr(0, ends[mid - 1]) + " …", style, box, size);
      if (attempt.fits()) {
        best = std::move(attempt);
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return best;
  }

  void place(const Element& e, text::TextLayout layout, const Box& b, const std::string& valign) {
    double y = b.y;
    if (valign == "middle") y += (b.h - layout.height_pt) / 2;
    if (valign == "bottom") y += b.h - layout.height_pt;
    check_safe_area(e, layout, b.x, y);
    page_.items.emplace_back(TextItem{std::move(layout), b.x, y});
  }

  // Text in the safe margin along the trim may be cut off by the printer's
  // cutter; it is a warning at the template element.
  void check_safe_area(const Element& e, const text::TextLayout& layout, double x, double y) {
    if (layout.lines.empty()) return;
    double left = page_.trim_width_pt;
    double right = 0;
    for (const auto& line : layout.lines) {
      left = std::min(left, x + line.x_pt);
      right = std::max(right, x + line.x_pt + line.width_pt);
    }
    const double top = y;
    const double bottom = y + layout.height_pt;
    const double safe = page_.safe_area_pt;
    if (left < safe - 0.01 || top < safe - 0.01 || right > page_.trim_width_pt - safe + 0.01 ||
        bottom > page_.trim_height_pt - safe + 0.01) {
      diagnostics_.warning(
          e.pos,
          fmt::format("text of the {} poster reaches into the {:.0f} mm safe area along the trim, where "
                      "the cutter may take it off",
                      t_.name, pt_to_mm(safe)),
          {}, "move the element further from the page's edge, or enlarge the grid's margin");
    }
  }

  void draw_text(const Element& e, const Scope& scope, const Box& area) {
    const double pad = mm_to_pt(e.padding_mm) * scale_;
    const Box b{area.x + pad, area.y + pad, area.w - 2 * pad, area.h - 2 * pad};
    const auto content = text_of(e, scope);
    if (!content || content->text.empty()) return;
    if (auto layout = set(e, e.style, *content, b, scope, e.columns, e.gutter_mm))
      place(e, std::move(*layout), b, e.valign);
  }

  // A key figure as a callout: the number large, its unit, then what it means.
  void draw_figure(const Element& e, const Scope& scope, const Box& b) {
    const std::string prefix = e.field.empty() ? "item" : e.field;
    const auto* value = field(e, prefix + ".value", scope);
    if (!value || value->text.empty()) return;
    const auto* unit = field(e, prefix + ".unit", scope, false);
    const auto* label_text = field(e, prefix + ".label", scope, false);
    const Box value_box{b.x, b.y, b.w, b.h * 0.55};
    const Box unit_box{b.x, b.y + b.h * 0.55, b.w, b.h * 0.15};
    const Box label_box{b.x, b.y + b.h * 0.72, b.w, b.h * 0.28};
    if (auto l = set(e, e.value_style.empty() ? "figure_value" : e.value_style, *value, value_box, scope)) {
      place(e, std::move(*l), value_box, "bottom");
    }
    if (unit && !unit->text.empty()) {
      if (auto l = set(e, e.unit_style.empty() ? "figure_unit" : e.unit_style, *unit, unit_box, scope)) {
        place(e, std::move(*l), unit_box, "top");
      }
    }
    if (label_text && !label_text->text.empty()) {
      if (auto l = set(e, e.label_style.empty() ? "figure_label" : e.label_style, *label_text, label_box, scope)) {
        place(e, std::move(*l), label_box, "top");
      }
    }
  }

  // SDG markers: a square in the goal's official colour with its number and
  // name in the roadshow's typography, or the official icon when the
  // content root provides it (assets/sdg/NN.svg or .png); never an imitation
  // of the icon.
  void draw_sdgs(const Element& e, const Scope& scope, const Box& b) {
    const auto* goals = scope.list(e.field.empty() ? "case.sdgs" : e.field);
    if (!goals) {
      unknown_field(e, e.field, scope);
      return;
    }
    if (goals->empty()) return;
    const double gap = b.h * 0.08;
    const auto n = static_cast<double>(goals->size());
    const double side = std::min(b.h, (b.w - gap * (n - 1)) / n);
    double x = b.x;
    for (const Fields& goal : *goals) {
      const auto* number = goal.text("item.number");
      const auto* name = goal.text("item.name");
      if (!number) continue;
      const Box square{x, b.y, side, side};
      x += side + gap;
      const auto icon = official_icon(std::stoi(number->text));
      if (!icon.empty()) {
        page_.items.emplace_back(ImageItem{icon, square.x, square.y, square.w, square.h});
        continue;
      }
      page_.items.emplace_back(RectItem{square.x, square.y, side, side, rgb(number->color), std::nullopt, 0, 0});
      const double pad = side * 0.08;
      const Scope inner{&goal, scope.page};
      Element white = e;
      white.color = "white";
      if (auto l =
              set(white, "sdg_number", *number, {square.x + pad, square.y + pad, side - 2 * pad, side * 0.36}, inner)) {
        place(e, std::move(*l), {square.x + pad, square.y + pad, side - 2 * pad, side * 0.36}, "top");
      }
      if (name) {
        const Box name_box{square.x + pad, square.y + side * 0.44, side - 2 * pad, side * 0.5};
        if (auto l = set(white, "sdg_name", *name, name_box, inner)) place(e, std::move(*l), name_box, "top");
      }
    }
  }

  std::filesystem::path official_icon(int goal) const {
    for (const char* ext : {".svg", ".png"}) {
      auto path = roadshow_.root / "assets" / "sdg" / (fmt::format("{:02}", goal) + ext);
      if (std::filesystem::exists(path)) return path;
    }
    return {};
  }

  void draw_image(const Element& e, const Scope& scope, const Box& b) {
    std::filesystem::path file;
    if (e.file == "theme.logo") {
      if (roadshow_.theme.logo.empty()) return;
      file = roadshow_.theme.logo;
    } else if (const auto* t = scope.text(e.file)) {
      file = t->text;
    } else {
      file = e.file;
    }
    const auto full = roadshow_.root / file;
    // A template's `file:`, or the text of the field it names, is checked
    // only here: an absolute path, `..` or a link must not reach out of the root.
    if (file.is_absolute() || !stays_within(roadshow_.root, full)) {
      diagnostics_.error(e.pos, fmt::format("image '{}' leaves the content root", file.string()),
                         "a PNG, JPEG or SVG file inside the content root",
                         "copy the file into the content root and refer to it from there");
      return;
    }
    if (!std::filesystem::exists(full)) {
      diagnostics_.error(e.pos, fmt::format("image '{}' does not exist", file.string()),
                         "a PNG, JPEG or SVG file inside the content root", "add the file or correct the path");
      return;
    }
    // Its pixels from its header, before it is decoded to be drawn: here the
    // error can name the template's line (case images were checked at load).
    if (const auto size = image_pixel_size(full);
        size && (size->width > limits::max_image_side_px || size->height > limits::max_image_side_px ||
                 std::uint64_t{size->width} * size->height > limits::max_image_pixels)) {
      diagnostics_.error(e.pos,
                         fmt::format("image '{}' is {} x {} pixels, more than impactkit decodes", file.string(),
                                     size->width, size->height),
                         fmt::format("at most {} pixels on a side and {} megapixels in all", limits::max_image_side_px,
                                     limits::max_image_pixels / 1'000'000),
                         "scale it down: 5000 x 7000 pixels print an A0 poster at 150 ppi");
      return;
    }
    page_.items.emplace_back(ImageItem{full, b.x, b.y, b.w, b.h});
  }

  // A QR code as squares (libqrencode), so it stays vector and sharp.
  void draw_qr(const Element& e, const Scope& scope, const Box& b) {
    const auto content = text_of(e, scope);
    if (!content || content->text.empty()) return;
    struct Free {
      void operator()(QRcode* q) const { QRcode_free(q); }
    };
    const std::unique_ptr<QRcode, Free> code(QRcode_encodeString8bit(content->text.c_str(), 0, QR_ECLEVEL_M));
    if (!code) {
      diagnostics_.error(e.pos, "cannot make a QR code of '" + content->text + "'",
                         "a text of at most a few hundred characters");
      return;
    }
    const int n = code->width;
    const int quiet = 2;  // modules of white border
    const double module = std::min(b.w, b.h) / (n + 2 * quiet);
    const Rgb ink = color(e.color.empty() ? "black" : e.color, scope, e.pos).value_or(Rgb{});
    page_.items.emplace_back(
        RectItem{b.x, b.y, module * (n + 2 * quiet), module * (n + 2 * quiet), Rgb{1, 1, 1}, std::nullopt, 0, 0});
    for (int y = 0; y < n; ++y) {
      // Runs of dark modules in a row become one rectangle.
      for (int x = 0; x < n;) {
        if (!(code->data[y * n + x] & 1)) {
          ++x;
          continue;
        }
        int end = x;
        while (end < n && (code->data[y * n + end] & 1)) ++end;
        page_.items.emplace_back(RectItem{b.x + (x + quiet) * module, b.y + (y + quiet) * module, (end - x) * module,
                                          module, ink, std::nullopt, 0, 0});
        x = end;
      }
    }
  }

  void draw_repeat(const Element& e, const Scope& scope, const Box& b) {
    const auto* items = scope.list(e.over);
    if (!items) {
      Element named = e;
      unknown_field(named, e.over, scope);
      return;
    }
    const std::size_t count = e.max_items > 0 ? std::min<std::size_t>(e.max_items, items->size()) : items->size();
    if (count == 0) return;
    const double gap = page_grid_.gutter;
    const bool down = e.direction == "down";
    const auto n = static_cast<double>(count);
    const double cell_w = down ? b.w : (b.w - gap * (n - 1)) / n;
    const double cell_h = down ? (b.h - gap * (n - 1)) / n : b.h;
    for (std::size_t i = 0; i < count; ++i) {
      const auto at = static_cast<double>(i);
      const Box cell{down ? b.x : b.x + at * (cell_w + gap), down ? b.y + at * (cell_h + gap) : b.y, cell_w, cell_h};
      const Grid grid{cell, e.cell_columns, e.cell_rows, gap};
      const Scope inner{&(*items)[i], scope.page};
      for (const Element& child : e.children) draw(child, inner, grid);
    }
  }

  const content::Roadshow& roadshow_;
  text::Typesetter& typesetter_;
  Diagnostics& diagnostics_;
  const Template& t_;
  const Labels& labels_;
  const ComposeOptions& options_;
  Page page_;
  Grid page_grid_;
  double scale_ = 1;
};

}  // namespace

Page Composer::compose(const Template& t, const Fields& fields, const Labels& labels, const ComposeOptions& options) {
  return PageComposer(roadshow_, typesetter_, diagnostics_, t, labels, options).run(fields);
}

}  // namespace impactkit::layout
