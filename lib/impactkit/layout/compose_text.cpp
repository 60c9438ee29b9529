// Composing texts: a field, a label or literal text set in a theme style,
// fitted to its box; and key figures, set as a callout.

#include <impactkit/core/suggest.hpp>
#include <impactkit/layout/detail/page_composer.hpp>

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

namespace impactkit::layout::detail {

std::string styled_body(const std::string& text, const content::ThemeStyle& style, const std::string& language) {
  if (!style.uppercase) return text;
  std::string out;
  icu::UnicodeString::fromUTF8(text).toUpper(icu::Locale(language.c_str())).toUTF8String(out);
  return out;
}

// The text an element shows: a field, a label, or literal text with
// {field} and {label:key} placeholders.

std::optional<FieldText> PageComposer::text_of(const Element& e, const Scope& scope) {
  if (!e.field.empty()) {
    const auto* t = field(e, e.field, scope);
    return t ? std::optional<FieldText>(*t) : std::nullopt;
  }
  if (!e.label.empty()) {
    if (const auto* l = label(e, e.label)) return FieldText{*l, {}, {}};
    return std::nullopt;
  }
  return FieldText{expand(e, e.literal, scope), {}, {}};
}

std::string PageComposer::expand(const Element& e, const std::string& literal, const Scope& scope) {
  std::string out;
  for (std::size_t i = 0; i < literal.size(); ++i) {
    const std::size_t close = literal.find('}', i);
    if (literal[i] == '{' && close != std::string::npos) {
      const std::string name = literal.substr(i + 1, close - i - 1);
      if (name.starts_with("label:")) {
        if (const auto* l = label(e, name.substr(6))) out += *l;
      } else if (const auto* t = field(e, name, scope)) {
        out += t->text;
      }
      i = close;
    } else {
      out += literal[i];
    }
  }
  return out;
}

const std::string* PageComposer::label(const Element& e, const std::string& key) {
  if (const auto* l = labels_.find(key)) return l;
  const auto near = closest(key, labels_.keys());
  diagnostics_.error(
      e.pos, fmt::format("template {} names label '{}', which {} does not have", t_.name, key, labels_.file()),
      "a key of the locale file", near ? fmt::format("did you mean '{}'?", *near) : "add it to the locale file");
  return nullptr;
}

std::optional<std::pair<text::TextStyle, content::ThemeStyle>> PageComposer::style(const Element& e,
                                                                                   const std::string& name,
                                                                                   const Scope& scope) {
  const auto* s = roadshow_.theme.find_style(name);
  if (!s) {
    std::vector<std::string> names;
    for (const auto& st : roadshow_.theme.styles) names.push_back(st.name);
    const auto near = closest(name, names);
    diagnostics_.error(e.pos, fmt::format("template {} uses style '{}', which the theme does not have", t_.name, name),
                       "a style under `styles:` in " + roadshow_.theme.file.string(),
                       near ? fmt::format("did you mean '{}'?", *near) : "add the style to the theme");
    return std::nullopt;
  }
  text::TextStyle out;
  out.family = roadshow_.theme.family(*s);
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
  out.display = s->role != content::FontRole::body;
  return std::make_pair(out, *s);
}

// Sets `content` in `b`, fitted between the style's sizes; reports text
// that does not fit at the field's place in the content.
std::optional<text::TypesetText> PageComposer::set(const Element& e, const std::string& style_name,
                                                   const FieldText& content, const Box& b, const Scope& scope,
                                                   int columns, double gutter_mm) {
  auto st = style(e, style_name, scope);
  if (!st) return std::nullopt;
  const auto& [tstyle, theme_style] = *st;
  const std::string body = styled_body(content.text, theme_style, options_.language);
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
    const std::string fix = fmt::format("shorten the text, or give the element more room in {}:{}:{}", t_.file.string(),
                                        e.pos.line, e.pos.column);
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

// As set(), for a trial: nothing, and nothing reported, when it does not fit.
std::optional<text::TypesetText> PageComposer::set_quietly(const Element& e, const std::string& style_name,
                                                           const FieldText& content, const Box& b, const Scope& scope) {
  if (b.w <= 0 || b.h <= 0) return std::nullopt;
  auto st = style(e, style_name, scope);
  if (!st) return std::nullopt;
  const auto& [tstyle, theme_style] = *st;
  const std::string body = styled_body(content.text, theme_style, options_.language);
  auto layout = typesetter_.fit(body, tstyle, text::TextBox{b.w, b.h, 1, 0}, theme_style.min_size_pt * scale_,
                                theme_style.size_pt * scale_);
  if (!layout.fits()) return std::nullopt;
  return layout;
}

// Between a number and its sign: a thin space of the number's style.
double PageComposer::sign_gap(const Element& e, const std::string& style_name, const Scope& scope) {
  const auto st = style(e, style_name, scope);
  return st ? st->second.size_pt * scale_ * 0.05 : 0;
}

// The longest start of `body` that fits, with an ellipsis.
text::TypesetText PageComposer::truncated(const std::string& body, const text::TextStyle& style,
                                          const text::TextBox& box, double size) {
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == ' ') ends.push_back(i);
  }
  std::size_t lo = 0;
  std::size_t hi = ends.size();
  text::TypesetText best = typesetter_.set("…", style, box, size);
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

void PageComposer::place(const Element& e, text::TypesetText layout, const Box& b, const std::string& valign) {
  double y = b.y;
  if (valign == "middle") y += (b.h - layout.height_pt) / 2;
  if (valign == "bottom") y += b.h - layout.height_pt;
  check_safe_area(e, layout, b.x, y);
  page_.items.emplace_back(TextItem{std::move(layout), b.x, y});
}

// Text in the safe margin along the trim may be cut off by the printer's
// cutter; it is a warning at the template element.
void PageComposer::check_safe_area(const Element& e, const text::TypesetText& layout, double x, double y) {
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
    diagnostics_.warning(e.pos,
                         fmt::format("text of the {} poster reaches into the {:.0f} mm safe area along the trim, where "
                                     "the cutter may take it off",
                                     t_.name, pt_to_mm(safe)),
                         {}, "move the element further from the page's edge, or enlarge the grid's margin");
  }
}

void PageComposer::draw_text(const Element& e, const Scope& scope, const Box& area) {
  const double pad = mm_to_pt(e.padding_mm) * scale_;
  const Box b{area.x + pad, area.y + pad, area.w - 2 * pad, area.h - 2 * pad};
  const auto content = text_of(e, scope);
  if (!content || content->text.empty()) return;
  if (auto layout = set(e, e.style, *content, b, scope, e.columns, e.gutter_mm)) {
    note_source(e, content->text, content->pos, inked(*layout, b, e.valign));
    place(e, std::move(*layout), b, e.valign);
  }
}

// Where `layout`, placed in `b` as place() does, puts ink: the box a
// pointer finds it by (a body text's box may fill a column).
Box PageComposer::inked(const text::TypesetText& layout, const Box& b, const std::string& valign) {
  double y = b.y;
  if (valign == "middle") y += (b.h - layout.height_pt) / 2;
  if (valign == "bottom") y += b.h - layout.height_pt;
  double left = b.w;
  double right = 0;
  for (const auto& line : layout.lines) {
    left = std::min(left, line.x_pt);
    right = std::max(right, line.x_pt + line.width_pt);
  }
  if (right <= left) return {b.x, y, 0, 0};
  return {b.x + left, y, right - left, layout.height_pt};
}

// The longest start of a text a source spot keeps.
constexpr std::size_t spot_text_bytes = 160;

void PageComposer::note_source(const Element& e, std::string_view text, const SourcePos& value, const Box& b) {
  std::string shown(text.substr(0, spot_text_bytes));
  if (shown.size() < text.size()) {
    // Not cut inside a UTF-8 sequence: back to the start of the last one.
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
    if (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0x80) != 0) shown.pop_back();
  }
  const std::string field = !e.field.empty() ? e.field : !e.label.empty() ? "label " + e.label : "text";
  page_.sources.push_back({b.x, b.y, b.w, b.h, field, std::move(shown), value, e.pos});
}

// A key figure as a callout: the number large, its unit, then what it means.

// A sign unit beside the value's last line, on its baseline, when it fits
// the box's width. False when it does not (it then goes under the value).
bool PageComposer::place_sign_beside(const Element& e, text::TypesetText& value, text::TypesetText& unit,
                                     const Box& value_box) {
  if (value.lines.empty() || unit.lines.empty()) return false;
  const auto& last = value.lines.back();
  const double gap = value.size_pt * 0.05;  // sign_gap at the size it was set
  const double x = value_box.x + last.x_pt + last.width_pt + gap;
  if (x + unit.lines.front().width_pt > value_box.x + value_box.w) return false;
  const double y = value_box.y + value_box.h - value.height_pt;
  const double unit_y = y + last.baseline_pt - unit.lines.front().baseline_pt;
  check_safe_area(e, value, value_box.x, y);
  check_safe_area(e, unit, x, unit_y);
  page_.items.emplace_back(TextItem{std::move(value), value_box.x, y});
  page_.items.emplace_back(TextItem{std::move(unit), x, unit_y});
  return true;
}

void PageComposer::draw_figure(const Element& e, const Scope& scope, const Box& b) {
  const std::string prefix = e.field.empty() ? "item" : e.field;
  const auto* value = field(e, prefix + ".value", scope);
  if (!value || value->text.empty()) return;
  const auto* unit = field(e, prefix + ".unit", scope, false);
  const auto* label_text = field(e, prefix + ".label", scope, false);
  const Box value_box{b.x, b.y, b.w, b.h * 0.55};
  const Box unit_box{b.x, b.y + b.h * 0.55, b.w, b.h * 0.15};
  const Box label_box{b.x, b.y + b.h * 0.72, b.w, b.h * 0.28};
  const std::string unit_style = e.unit_style.empty() ? "figure_unit" : e.unit_style;
  const bool has_unit = unit && !unit->text.empty();
  const std::string value_style = e.value_style.empty() ? "figure_value" : e.value_style;
  bool unit_placed = false;
  if (has_unit && unit_is_sign(unit->text)) {
    // The number is set narrower by the sign's width, so that the two
    // share a line (it shrinks within its style's sizes if it must). With
    // sign_style, the sign may be as tall as the number's box: a "%" in
    // proportion to a large number, not at the height of a word unit.
    const bool own_sign = !e.sign_style.empty();
    if (auto u = set(e, own_sign ? e.sign_style : unit_style, *unit, own_sign ? value_box : unit_box, scope);
        u && !u->lines.empty()) {
      const double room = u->lines.front().width_pt + sign_gap(e, value_style, scope);
      const Box narrower{value_box.x, value_box.y, value_box.w - room, value_box.h};
      if (auto v = set_quietly(e, value_style, *value, narrower, scope)) {
        unit_placed = place_sign_beside(e, *v, *u, value_box);
      }
    }
  }
  if (!unit_placed) {
    if (auto v = set(e, value_style, *value, value_box, scope)) place(e, std::move(*v), value_box, "bottom");
  }
  note_source(e, value->text, value->pos, value_box);
  if (has_unit && !unit_placed) {
    if (auto l = set(e, unit_style, *unit, unit_box, scope)) place(e, std::move(*l), unit_box, "top");
  }
  if (label_text && !label_text->text.empty()) {
    if (auto l = set(e, e.label_style.empty() ? "figure_label" : e.label_style, *label_text, label_box, scope)) {
      place(e, std::move(*l), label_box, "top");
    }
  }
}

}  // namespace impactkit::layout::detail
