// A form's places to fill in: ruled lines to write on and boxes to tick.
// Each is drawn like any shape and noted on the page (Page::form_fields),
// where the fillable PDF finds the rectangle for its form field.

#include <impactkit/layout/detail/page_composer.hpp>

#include <fmt/format.h>

namespace impactkit::layout::detail {

namespace {

constexpr double default_rule_pt = 0.75;

}  // namespace

// `lines` rules across the box, one at the foot of each pitch: the
// writer's baseline, with the pitch's room above it for the letters.
void PageComposer::draw_write(const Element& e, const Scope& scope, const Box& b) {
  const double pitch = mm_to_pt(e.pitch_mm) * scale_;
  if (pt_to_mm(pitch) < content::min_writing_pitch_mm - 1e-6) {
    diagnostics_.error(e.pos,
                       fmt::format("the lines of '{}' are {:.1f} mm apart at {}: too close to write on by hand", e.name,
                                   pt_to_mm(pitch), options_.size.name.empty() ? "this size" : options_.size.name),
                       fmt::format("a line pitch of at least {:g} mm at every size the form is printed",
                                   content::min_writing_pitch_mm),
                       fmt::format("raise pitch_mm to {:.1f} (lengths are at the template's reference size)",
                                   content::min_writing_pitch_mm * e.pitch_mm / pt_to_mm(pitch)));
    return;
  }
  const Rgb ink = color(e.stroke.empty() ? "text" : e.stroke, scope, e.pos).value_or(Rgb{});
  const double width = (e.stroke_pt > 0 ? e.stroke_pt : default_rule_pt) * scale_;
  for (int i = 1; i <= e.lines; ++i) {
    const double y = b.y + i * pitch;
    page_.items.emplace_back(LineItem{b.x, y, b.x + b.w, y, ink, width});
  }
  note_form_field(e, scope, FormField::Kind::text, {b.x, b.y, b.w, e.lines * pitch});
}

// A square box, as large as the element's box allows, at its left and
// halfway down, beside the middle of the text it goes with.
void PageComposer::draw_tick(const Element& e, const Scope& scope, const Box& area) {
  const double side = std::min(area.w, area.h);
  if (pt_to_mm(side) < content::min_tick_mm - 1e-6) {
    diagnostics_.error(e.pos,
                       fmt::format("the box to tick of '{}' is {:.1f} mm at {}: too small to tick with a pen",
                                   expand(e, e.name, scope), pt_to_mm(side),
                                   options_.size.name.empty() ? "this size" : options_.size.name),
                       fmt::format("a box of at least {:g} mm at every size the form is printed", content::min_tick_mm),
                       "give the element more room (width_mm and height_mm, or its area)");
    return;
  }
  const Box b{area.x, area.y + (area.h - side) / 2, side, side};
  const auto ink = color(e.stroke.empty() ? "text" : e.stroke, scope, e.pos);
  const double width = (e.stroke_pt > 0 ? e.stroke_pt : default_rule_pt) * scale_;
  page_.items.emplace_back(RectItem{b.x, b.y, side, side, Rgb{1, 1, 1}, ink, width, mm_to_pt(e.radius_mm) * scale_});
  note_form_field(e, scope, FormField::Kind::tick, {b.x, b.y, side, side});
}

void PageComposer::note_form_field(const Element& e, const Scope& scope, FormField::Kind kind, const Box& b) {
  FormField f;
  f.kind = kind;
  f.name = expand(e, e.name, scope);
  if (const auto asked = text_of(e, scope)) f.label = asked->text;
  f.x_pt = b.x;
  f.y_pt = b.y;
  f.width_pt = b.w;
  f.height_pt = b.h;
  f.lines = kind == FormField::Kind::text ? e.lines : 1;
  page_.form_fields.push_back(std::move(f));
}

}  // namespace impactkit::layout::detail
