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
  const double pad = side * 0.08;
  // Text on a tile in white where it reads on the goal's colour, else in the
  // theme's dark text: white is 2.3:1 on SDG 2's #DDA63A, 1.6:1 on SDG 7's
  // #FCC30B.
  Element on_tile = e;
  on_tile.color = "item.color.ink";
  // The names at one size, the largest at which each fits its tile: a row
  // of tiles reads as one set, not as names of different weight.
  const Box name_box{0, 0, side - 2 * pad, side * 0.5};
  double name_pt = 0;
  for (const Fields& goal : *goals) {
    const auto* name = goal.text("item.name");
    if (!name || !goal.text("item.number")) continue;
    if (auto l = set(on_tile, "sdg_name", *name, name_box, Scope{&goal, scope.page}))
      name_pt = name_pt > 0 ? std::min(name_pt, l->size_pt) : l->size_pt;
  }
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
    const Scope inner{&goal, scope.page};
    const Box number_box{square.x + pad, square.y + pad, side - 2 * pad, side * 0.36};
    if (auto l = set(on_tile, "sdg_number", *number, number_box, inner)) place(e, std::move(*l), number_box, "top");
    const auto st = name ? style(on_tile, "sdg_name", inner) : std::nullopt;
    if (st && name_pt > 0) {
      const Box at{square.x + pad, square.y + side * 0.44, name_box.w, name_box.h};
      const std::string body = styled_body(name->text, st->second, options_.language);
      place(e, typesetter_.set(body, st->first, text::TextBox{at.w, at.h, 1, 0}, name_pt), at, "top");
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
