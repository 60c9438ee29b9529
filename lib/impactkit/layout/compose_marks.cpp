// Composing marks: SDG markers, images and QR codes.

#include <impactkit/layout/detail/page_composer.hpp>

#include <fmt/format.h>
#include <qrencode.h>

#include <algorithm>
#include <memory>

namespace impactkit::layout::detail {

// SDG markers: a square in the goal's official colour with its number and
// name in the roadshow's typography, or the official icon when the
// content root provides it (assets/sdg/NN.svg or .png); never an imitation
// of the icon.
void PageComposer::draw_sdgs(const Element& e, const Scope& scope, const Box& b) {
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
    const auto* sdg = roadshow_.find_sdg(std::stoi(number->text));
    if (sdg && !sdg->icon.empty()) {
      page_.items.emplace_back(ImageItem{sdg->icon, square.x, square.y, square.w, square.h});
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

// The image content checked and resolved when it loaded the template (or
// the theme's logo); one that was not found has been reported there.
void PageComposer::draw_image(const Element& e, const Scope& scope, const Box& b) {
  if (!e.field.empty()) {
    // A field's image (a case's own): checked when its case was loaded.
    const auto* t = scope.text(e.field);
    if (!t) unknown_field(e, e.field, scope);
    if (t && !t->text.empty()) page_.items.emplace_back(ImageItem{t->text, b.x, b.y, b.w, b.h});
    return;
  }
  if (e.file == "theme.logo") {
    if (roadshow_.theme.logo.empty()) return;
    page_.items.emplace_back(ImageItem{roadshow_.root / roadshow_.theme.logo, b.x, b.y, b.w, b.h});
    return;
  }
  if (!e.image.empty()) page_.items.emplace_back(ImageItem{e.image, b.x, b.y, b.w, b.h});
}

// A QR code as squares (libqrencode), so it stays vector and sharp.
void PageComposer::draw_qr(const Element& e, const Scope& scope, const Box& b) {
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

}  // namespace impactkit::layout::detail
