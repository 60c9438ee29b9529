// A laid-out deck on its sheets, and its manifest.

#include <impactkit/products/detail/deck_sheets.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace impactkit::products::detail {
using layout::mm_to_pt;

namespace {

constexpr double mark_width_pt = 0.25;

// The printed cards, copies included, in deck order: (front, back) faces.
std::vector<std::pair<std::size_t, std::size_t>> printed_cards(const LaidOutDeck& deck) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < deck.sources.size(); ++i) {
    for (int copy = 0; copy < deck.sources[i].card.quantity; ++copy) out.emplace_back(i, deck.back_of[i]);
  }
  return out;
}

}  // namespace

// Office printing: a front sheet, then its back sheet, for every sheet.
std::vector<print::Sheet> office_sheets(const LaidOutDeck& deck, const print::Imposition& imp) {
  const auto cards = printed_cards(deck);
  std::vector<print::Sheet> sheets;
  const auto per_sheet = static_cast<std::size_t>(imp.per_sheet());
  for (std::size_t first = 0; first < cards.size(); first += per_sheet) {
    print::Sheet front{mm_to_pt(imp.sheet_width_mm),
                       mm_to_pt(imp.sheet_height_mm),
                       {},
                       print::mark_lines(imp.front_marks, mark_width_pt),
                       {},
                       {}};
    print::Sheet back{mm_to_pt(imp.sheet_width_mm),
                      mm_to_pt(imp.sheet_height_mm),
                      {},
                      print::mark_lines(imp.back_marks, mark_width_pt),
                      {},
                      {}};
    for (std::size_t i = first; i < std::min(cards.size(), first + per_sheet); ++i) {
      front.placements.push_back(print::placement_in(cards[i].first, imp.fronts[i - first]));
      back.placements.push_back(print::placement_in(cards[i].second, imp.backs[i - first]));
    }
    sheets.push_back(std::move(front));
    sheets.push_back(std::move(back));
  }
  return sheets;
}

// The alignment test: every card's trim outline and a cross at its centre,
// on the front and (where duplex puts it) on the back, and a card-sized
// explanation in the first slot of each.
std::vector<print::Sheet> alignment_sheets(const print::Imposition& imp) {
  std::vector<print::Sheet> sheets;
  for (const bool back : {false, true}) {
    const auto& slots = back ? imp.backs : imp.fronts;
    print::Sheet sheet{mm_to_pt(imp.sheet_width_mm), mm_to_pt(imp.sheet_height_mm), {}, {}, {}, {}};
    sheet.placements.push_back(print::placement_in(back ? 1 : 0, slots.front()));
    const layout::Rgb ink{0, 0, 0};
    for (std::size_t i = 0; i < slots.size(); ++i) {
      const auto& t = slots[i].trim;
      const double x = mm_to_pt(t.x);
      const double y = mm_to_pt(t.y);
      const double w = mm_to_pt(t.width);
      const double h = mm_to_pt(t.height);
      for (const auto& [x1, y1, x2, y2] : {std::array{x, y, x + w, y}, std::array{x + w, y, x + w, y + h},
                                           std::array{x + w, y + h, x, y + h}, std::array{x, y + h, x, y}}) {
        sheet.lines.push_back({x1, y1, x2, y2, ink, 0.25});
      }
      if (i == 0) continue;
      const double cx = x + w / 2;
      const double cy = y + h / 2;
      const double arm = mm_to_pt(8);
      sheet.lines.push_back({cx - arm, cy, cx + arm, cy, ink, 0.5});
      sheet.lines.push_back({cx, cy - arm, cx, cy + arm, ink, 0.5});
    }
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

// Card printers: one page per card face with its bleed, front and back alternating.
std::vector<print::Sheet> cardprinter_sheets(const LaidOutDeck& deck, const content::DeckSettings& settings) {
  const double b = mm_to_pt(settings.bleed_mm);
  const double w = mm_to_pt(settings.card_width_mm);
  const double h = mm_to_pt(settings.card_height_mm);
  std::vector<print::Sheet> sheets;
  for (const auto& [front, back] : printed_cards(deck)) {
    for (const std::size_t face : {front, back}) {
      print::Sheet sheet{w + 2 * b, h + 2 * b, {{face, b, b, 0, 0, w + 2 * b, h + 2 * b}}, {}, {}, {}};
      sheet.trim = layout::RectItem{b, b, w, h, {}, {}, 0, 0};
      sheet.bleed = layout::RectItem{0, 0, w + 2 * b, h + 2 * b, {}, {}, 0, 0};
      sheets.push_back(std::move(sheet));
    }
  }
  return sheets;
}

std::string manifest(const LaidOutDeck& deck, const content::Roadshow& roadshow, const std::string& lang,
                     const print::Imposition& imp, const DeckFile& file) {
  const auto& s = roadshow.deck;
  nlohmann::ordered_json cards = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < deck.sources.size(); ++i) {
    const Card& c = deck.sources[i].card;
    nlohmann::ordered_json card = {
        {"id", c.id},
        {"kind", content::name(c.kind)},
        {"title", c.title},
        {"case", c.case_id.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.case_id)},
        {"quantity", c.quantity}};
    if (!file.faces_dir.empty()) {
      card["front_png"] = fmt::format("faces/{:03}-{}.png", i + 1, c.id);
      card["back_png"] = fmt::format("faces/back-{}.png", content::name(c.kind));
    }
    cards.push_back(std::move(card));
  }
  nlohmann::ordered_json doc = {
      {"roadshow", roadshow.title.get(lang)},
      {"language", lang},
      {"card",
       {{"size", s.card_size},
        {"width_mm", s.card_width_mm},
        {"height_mm", s.card_height_mm},
        {"bleed_mm", s.bleed_mm}}},
      {"office",
       {{"file", file.office_pdf.filename().string()},
        {"sheet", s.sheet},
        {"landscape", imp.landscape},
        {"columns", imp.columns},
        {"rows", imp.rows},
        {"per_sheet", imp.per_sheet()},
        {"shared_cuts", imp.shared_cuts},
        {"duplex", s.short_edge ? "short-edge" : "long-edge"},
        {"back_offset_mm", {s.back_offset_x_mm, s.back_offset_y_mm}},
        {"sheets", file.sheets}}},
      {"cardprinter", {{"file", file.cardprinter_pdf.filename().string()}, {"pages", 2 * file.cards}}},
      {"total_cards", file.cards},
      {"cards", std::move(cards)}};
  return doc.dump(2) + "\n";
}

}  // namespace impactkit::products::detail
