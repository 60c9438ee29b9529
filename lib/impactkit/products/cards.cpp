#include <impactkit/products/cards.hpp>

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/print/impose.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/preview.hpp>
#include <impactkit/products/compose_kit.hpp>
#include <impactkit/products/page_digest.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/typesetter.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace impactkit::products {
namespace fs = std::filesystem;
using content::CardKind;
using layout::mm_to_pt;

namespace {

const std::vector<content::DeckEntry>& deck_entries(const content::DeckSettings& deck) {
  static const std::vector<content::DeckEntry> every_kind = [] {
    std::vector<content::DeckEntry> all;
    for (std::size_t k = 0; k < content::card_kind_names.size(); ++k) {
      all.push_back({static_cast<CardKind>(k), 1, false, {}});
    }
    return all;
  }();
  return deck.cards.empty() ? every_kind : deck.cards;
}

// The goals the cases touch, in order; all 17 when asked.
std::vector<int> deck_goals(const content::Roadshow& roadshow, bool all) {
  std::set<int> goals;
  for (const auto& sdg : roadshow.sdgs) {
    if (all) goals.insert(sdg.number);
  }
  for (const auto& c : roadshow.cases) goals.insert(c.sdgs.begin(), c.sdgs.end());
  return {goals.begin(), goals.end()};
}

// The first words of a long text, for a manifest title.
std::string headline_of(const std::string& text, std::size_t max_chars = 60) {
  if (text.size() <= max_chars) return text;
  const auto cut = text.rfind(' ', max_chars);
  return text.substr(0, cut == std::string::npos ? max_chars : cut) + " …";
}

// A card with the fields its templates draw from.
struct CardSource {
  Card card;
  const content::Case* from_case = nullptr;
  const content::Text* question = nullptr;
  const content::Role* role = nullptr;
  const content::Sdg* sdg = nullptr;
  const content::WheelSector* sector = nullptr;  // confrontation cards follow the wheel's sectors
};

std::vector<CardSource> card_sources(const content::Roadshow& roadshow, const std::string& lang) {
  std::vector<CardSource> out;
  const auto add = [&](CardKind kind, std::string id, std::string title, const content::Case* c, int quantity) {
    CardSource s;
    s.card = {kind, std::move(id), std::move(title), c ? c->id : std::string(), quantity};
    s.from_case = c;
    out.push_back(std::move(s));
    return &out.back();
  };
  for (const auto& entry : deck_entries(roadshow.deck)) {
    if (entry.quantity == 0) continue;
    switch (entry.kind) {
      case CardKind::rules:
        add(entry.kind, "rules", "rules", nullptr, entry.quantity);
        break;
      case CardKind::case_card:
        for (const auto& c : roadshow.cases) add(entry.kind, "case-" + c.id, c.title.get(lang), &c, entry.quantity);
        break;
      case CardKind::sdg:
        for (const int goal : deck_goals(roadshow, entry.all_goals)) {
          const auto* sdg = roadshow.find_sdg(goal);
          if (!sdg) continue;
          add(entry.kind, fmt::format("sdg-{}", goal), fmt::format("{} {}", goal, sdg->name.get(lang)), nullptr,
              entry.quantity)
              ->sdg = sdg;
        }
        break;
      case CardKind::role:
        for (const auto& role : roadshow.roles) {
          add(entry.kind, "role-" + role.id, role.name.get(lang), nullptr, entry.quantity)->role = &role;
        }
        break;
      case CardKind::question: {
        for (const auto& c : roadshow.cases) {
          for (std::size_t i = 0; i < c.questions.size(); ++i) {
            add(entry.kind, fmt::format("question-{}-{}", c.id, i + 1), headline_of(c.questions[i].get(lang)), &c,
                entry.quantity)
                ->question = &c.questions[i];
          }
        }
        for (std::size_t i = 0; i < roadshow.deck.questions.size(); ++i) {
          const auto& q = roadshow.deck.questions[i];
          add(entry.kind, fmt::format("question-{}", i + 1), headline_of(q.get(lang)), nullptr, entry.quantity)
              ->question = &q;
        }
        break;
      }
      case CardKind::confrontation:
        // One card per sector of the wheel, so that a card in the workshop
        // says what a spin of the wheel says; without a wheel, one per case.
        if (!roadshow.wheel.sectors.empty()) {
          for (std::size_t k = 0; k < roadshow.wheel.sectors.size(); ++k) {
            const auto& sector = roadshow.wheel.sectors[k];
            const content::Case* c = sector.case_id.empty() ? nullptr : roadshow.find_case(sector.case_id);
            add(entry.kind, fmt::format("confrontation-{}{}", k + 1, c ? "-" + c->id : std::string()),
                sector.label.get(lang), c, entry.quantity)
                ->sector = &sector;
          }
          break;
        }
        for (const auto& c : roadshow.cases) {
          add(entry.kind, "confrontation-" + c.id, c.title.get(lang), &c, entry.quantity);
        }
        break;
    }
  }
  return out;
}

// The colour of a kind's back: the theme's `card_KIND` colour when it has
// one, else one of the colours every theme has.
std::string back_color(const content::Theme& theme, CardKind kind) {
  if (auto own = theme.color(fmt::format("card_{}", content::name(kind)))) return *own;
  const char* fallback = "primary";
  switch (kind) {
    case CardKind::sdg:
    case CardKind::question:
      fallback = "accent";
      break;
    case CardKind::confrontation:
      fallback = "text";
      break;
    default:
      break;
  }
  return theme.color(fallback).value_or("1A1A1A");
}

std::string label(const layout::Labels& labels, const std::string& key, const std::string& fallback) {
  const auto* text = labels.find(key);
  return text ? *text : fallback;
}

layout::Fields front_fields(const CardSource& s, const content::Roadshow& roadshow, const std::string& lang,
                            const layout::Labels& labels, const layout::Fields* shared) {
  layout::Fields f =
      s.from_case ? layout::case_fields(*s.from_case, roadshow, lang, labels, shared) : layout::Fields(shared);
  f.set("card.id", s.card.id);
  f.set("card.kind", label(labels, fmt::format("cards.kind.{}", content::name(s.card.kind)),
                           std::string(content::name(s.card.kind))));
  if (s.role) {
    f.set("card.name", s.role->name, lang);
    f.set("card.description", s.role->description, lang);
  }
  if (s.sdg) {
    f.set("card.number", std::to_string(s.sdg->number), {}, s.sdg->color);
    f.set("card.color", s.sdg->color, {}, s.sdg->color);
    f.set("card.name", s.sdg->name, lang);
    // A card holds a few titles; a large roadshow's others are counted.
    constexpr std::size_t titles_on_card = 4;
    std::string cases;
    std::size_t touching = 0;
    for (const auto& c : roadshow.cases) {
      if (std::find(c.sdgs.begin(), c.sdgs.end(), s.sdg->number) == c.sdgs.end()) continue;
      if (++touching <= titles_on_card) cases += (cases.empty() ? "" : "\n") + c.title.get(lang);
    }
    if (touching > titles_on_card) {
      const std::string more = label(labels, "cards.sdg.more", "+ {n}");
      const auto at = more.find("{n}");
      const std::string n = std::to_string(touching - titles_on_card);
      cases += "\n" + (at == std::string::npos ? more + " " + n : more.substr(0, at) + n + more.substr(at + 3));
    }
    f.set("card.cases", cases);
  }
  if (s.card.kind == CardKind::confrontation) {
    // What the card confronts with: a wheel sector's texts, or the case's.
    const content::Text* te_weinig = s.sector ? &s.sector->te_weinig : &s.from_case->confrontation.te_weinig;
    const content::Text* met_impact = s.sector ? &s.sector->met_impact : &s.from_case->confrontation.met_impact;
    f.set("card.te_weinig", *te_weinig, lang);
    f.set("card.met_impact", *met_impact, lang);
    std::string subject = s.from_case ? s.from_case->title.get(lang) : std::string();
    if (s.sector && !s.from_case && s.sector->theme) {
      subject = label(labels, fmt::format("theme.{}", content::name(*s.sector->theme)),
                      std::string(content::name(*s.sector->theme)));
    }
    f.set("card.subject", subject);
    f.set("card.heading", s.sector ? s.sector->label.get(lang) : std::string(),
          s.sector ? s.sector->label_pos : SourcePos{});
    const std::string color =
        s.sector ? s.sector->color
                 : roadshow.theme.color(content::name(s.from_case->theme)).value_or(std::string("1A1A1A"));
    f.set("card.color", color, {}, color);
  }
  if (s.question) {
    f.set("card.question", *s.question, lang);
    f.set("card.from",
          s.from_case ? label(labels, "cards.question.from", "") + " " + s.from_case->title.get(lang) : std::string());
  }
  return f;
}

std::string template_name(CardKind kind) {
  return fmt::format("card-{}", content::name(kind));
}

// Everything of one deck in one language, laid out.
struct LaidOutDeck {
  std::vector<CardSource> sources;
  std::vector<layout::Page> faces;        // fronts (one per card), then backs (one per kind)
  std::vector<std::size_t> back_of;       // back face of each card
  std::map<CardKind, std::size_t> backs;  // kind -> back face
  std::vector<layout::Page> alignment;    // the alignment test's two labels
};

class DeckBuilder {
 public:
  DeckBuilder(const content::Roadshow& roadshow, const DeckOptions& options, const Context& context,
              Diagnostics& diagnostics)
      : roadshow_(roadshow),
        options_(options),
        context_(context),
        diagnostics_(diagnostics),
        fonts_(text::font_dirs(roadshow.root)),
        typesetter_(fonts_, roadshow.theme.hyphenation_exceptions, context.text_cache),
        composer_(roadshow, typesetter_, diagnostics) {}

  bool load_templates() {
    check_fonts(roadshow_, fonts_, diagnostics_);
    std::set<std::string> names = {"card-back", "card-alignment"};
    for (const auto& entry : deck_entries(roadshow_.deck)) names.insert(template_name(entry.kind));
    for (const auto& name : names) {
      if (auto t =
              layout::load_template(name, layout::template_dirs(roadshow_.root), roadshow_.languages, diagnostics_)) {
        templates_.emplace(name, std::move(*t));
      }
    }
    return !diagnostics_.has_errors();
  }

  LaidOutDeck lay_out(const std::string& lang, const layout::Labels& labels) {
    LaidOutDeck deck;
    const layout::Fields shared = layout::roadshow_fields(roadshow_, lang, labels);
    deck.sources = card_sources(roadshow_, lang);
    compose_fronts(deck, shared, labels, lang);
    for (const auto& s : deck.sources) {
      auto [at, added] = deck.backs.emplace(s.card.kind, deck.faces.size());
      if (added) {
        layout::Fields fields(&shared);
        const std::string kind(content::name(s.card.kind));
        fields.set("card.kind", label(labels, "cards.kind." + kind, kind));
        const std::string color = back_color(roadshow_.theme, s.card.kind);
        fields.set("card.color", color, {}, color);
        deck.faces.push_back(compose("card-back", fields, labels, lang));
      }
      deck.back_of.push_back(at->second);
    }
    for (const char* side : {"front", "back"}) {
      layout::Fields fields(&shared);
      fields.set("card.side", label(labels, fmt::format("cards.alignment.{}", side), side));
      deck.alignment.push_back(compose("card-alignment", fields, labels, lang));
    }
    return deck;
  }

 private:
  // The fronts, one per card, most of a deck's layout: composed on the
  // cores in as many runs of cards as there are threads. A typesetter's
  // caches are its own, so each run but the first has its own, on the
  // shared fonts (one font object per font, as a PDF embeds each once);
  // each run reports into its own diagnostics, merged in card order.
  void compose_fronts(LaidOutDeck& deck, const layout::Fields& shared, const layout::Labels& labels,
                      const std::string& lang) {
    const std::size_t cards = deck.sources.size();
    deck.faces.resize(cards);
    const std::size_t runs = std::min<std::size_t>(context_.workers.threads(), cards);
    std::vector<Task> tasks;
    for (std::size_t run = 0; run < runs; ++run) {
      tasks.emplace_back([&, run](Diagnostics& warnings) {
        std::optional<text::Typesetter> typesetter;
        if (run > 0) typesetter.emplace(fonts_, roadshow_.theme.hyphenation_exceptions, context_.text_cache);
        layout::Composer composer(roadshow_, run > 0 ? *typesetter : typesetter_, warnings);
        for (std::size_t i = run * cards / runs; i < (run + 1) * cards / runs; ++i) {
          const CardSource& s = deck.sources[i];
          deck.faces[i] = compose(composer, template_name(s.card.kind),
                                  front_fields(s, roadshow_, lang, labels, &shared), labels, lang);
        }
      });
    }
    context_.workers.run(tasks, diagnostics_);
  }

  layout::Page compose(const std::string& name, const layout::Fields& fields, const layout::Labels& labels,
                       const std::string& lang) {
    return compose(composer_, name, fields, labels, lang);
  }

  layout::Page compose(layout::Composer& composer, const std::string& name, const layout::Fields& fields,
                       const layout::Labels& labels, const std::string& lang) const {
    const auto& deck = roadshow_.deck;
    layout::ComposeOptions options;
    options.language = lang;
    options.size = {deck.card_size, deck.card_width_mm, deck.card_height_mm};
    options.allow_overflow = options_.allow_overflow;
    options.bleed_mm = deck.bleed_mm;
    options.product = "card";
    return composer.compose(templates_.at(name), fields, labels, options);
  }

  const content::Roadshow& roadshow_;
  const DeckOptions& options_;
  const Context& context_;
  Diagnostics& diagnostics_;
  text::FontLibrary fonts_;
  text::Typesetter typesetter_;
  layout::Composer composer_;
  std::map<std::string, layout::Template> templates_;
};

// ---- Sheets -------------------------------------------------------------------

print::Placement placement(std::size_t face, const print::Slot& slot) {
  return {face,
          mm_to_pt(slot.trim.x),
          mm_to_pt(slot.trim.y),
          mm_to_pt(slot.printed.x),
          mm_to_pt(slot.printed.y),
          mm_to_pt(slot.printed.width),
          mm_to_pt(slot.printed.height)};
}

std::vector<layout::LineItem> mark_lines(const std::vector<print::CropMark>& marks) {
  std::vector<layout::LineItem> lines;
  lines.reserve(marks.size());
  for (const auto& m : marks) {
    lines.push_back({mm_to_pt(m.x1), mm_to_pt(m.y1), mm_to_pt(m.x2), mm_to_pt(m.y2), {0, 0, 0}, 0.25});
  }
  return lines;
}

// The printed cards, copies included, in deck order: (front, back) faces.
std::vector<std::pair<std::size_t, std::size_t>> printed_cards(const LaidOutDeck& deck) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < deck.sources.size(); ++i) {
    for (int copy = 0; copy < deck.sources[i].card.quantity; ++copy) out.emplace_back(i, deck.back_of[i]);
  }
  return out;
}

// Office printing: a front sheet, then its back sheet, for every sheet.
std::vector<print::Sheet> office_sheets(const LaidOutDeck& deck, const print::Imposition& imp) {
  const auto cards = printed_cards(deck);
  std::vector<print::Sheet> sheets;
  const auto per_sheet = static_cast<std::size_t>(imp.per_sheet());
  for (std::size_t first = 0; first < cards.size(); first += per_sheet) {
    print::Sheet front{
        mm_to_pt(imp.sheet_width_mm), mm_to_pt(imp.sheet_height_mm), {}, mark_lines(imp.front_marks), {}, {}};
    print::Sheet back{
        mm_to_pt(imp.sheet_width_mm), mm_to_pt(imp.sheet_height_mm), {}, mark_lines(imp.back_marks), {}, {}};
    for (std::size_t i = first; i < std::min(cards.size(), first + per_sheet); ++i) {
      front.placements.push_back(placement(cards[i].first, imp.fronts[i - first]));
      back.placements.push_back(placement(cards[i].second, imp.backs[i - first]));
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
    sheet.placements.push_back(placement(back ? 1 : 0, slots.front()));
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

bool complete_in(const content::Roadshow& roadshow, const std::string& lang) {
  return std::all_of(roadshow.cases.begin(), roadshow.cases.end(), [&](const content::Case& c) {
    const auto langs = content::complete_languages(c, roadshow.languages.available);
    return std::find(langs.begin(), langs.end(), lang) != langs.end();
  });
}

}  // namespace

std::vector<Card> deck_cards(const content::Roadshow& roadshow, const std::string& language) {
  std::vector<Card> out;
  for (auto& s : card_sources(roadshow, language)) out.push_back(std::move(s.card));
  return out;
}

DeckReport build_decks(const content::Roadshow& roadshow, const DeckOptions& options, Diagnostics& diagnostics,
                       const Context& context) {
  DeckReport report;
  const auto& settings = roadshow.deck;
  const auto sheet_size = print::sheet_size_mm(settings.sheet);
  print::ImpositionSettings imposition;
  imposition.sheet_width_mm = sheet_size->first;
  imposition.sheet_height_mm = sheet_size->second;
  imposition.card_width_mm = settings.card_width_mm;
  imposition.card_height_mm = settings.card_height_mm;
  imposition.bleed_mm = settings.bleed_mm;
  imposition.crop_marks = settings.crop_marks;
  imposition.short_edge = settings.short_edge;
  imposition.back_offset_x_mm = settings.back_offset_x_mm;
  imposition.back_offset_y_mm = settings.back_offset_y_mm;
  const auto imp = print::impose(imposition);
  if (!imp) {
    diagnostics.error(settings.pos,
                      fmt::format("a {}x{} mm card with {} mm bleed and crop marks does not fit on the {} sheet",
                                  settings.card_width_mm, settings.card_height_mm, settings.bleed_mm, settings.sheet),
                      "a card that fits the sheet with its bleed and marks", "choose a larger sheet (sheet: A3)");
    return report;
  }

  // Every card is laid out, kept in memory and drawn on its sheets: a deck
  // of many thousands (many cases, large quantities) would take minutes and
  // gigabytes, and no workshop uses it.
  std::size_t cards = 0;
  for (const Card& c : deck_cards(roadshow, roadshow.languages.default_language)) {
    cards += static_cast<std::size_t>(c.quantity);
  }
  if (cards > limits::max_deck_cards) {
    const SourcePos at =
        settings.pos.line > 0
            ? settings.pos
            : SourcePos{(roadshow.root / content::roadshow_file_name).lexically_normal().string(), 1, 1};
    diagnostics.error(at, fmt::format("the deck has {} cards, more than {}", cards, limits::max_deck_cards),
                      fmt::format("at most {} cards, every copy counted", limits::max_deck_cards),
                      "lower the `quantity` of some kinds under deck.cards, or leave kinds out");
    return report;
  }

  DeckBuilder builder(roadshow, options, context, diagnostics);
  if (!builder.load_templates()) return report;

  struct Made {
    std::string lang;
    LaidOutDeck deck;
  };
  std::vector<Made> made;
  const auto languages = options.languages.empty() ? roadshow.languages.available : options.languages;
  std::map<std::string, layout::Labels> labels;
  for (const auto& lang : languages) {
    if (lang != roadshow.languages.default_language && !complete_in(roadshow, lang)) {
      report.notes.push_back(fmt::format("no '{}' card deck: not every case is fully written in '{}'", lang, lang));
      continue;
    }
    const auto& lab =
        labels.emplace(lang, layout::Labels::load(roadshow.root, lang, roadshow.languages, diagnostics)).first->second;
    made.push_back({lang, builder.lay_out(lang, lab)});
  }
  // Nothing is written when any card has an error: a build is whole or not at all.
  if (diagnostics.has_errors()) return report;

  for (const Made& made_deck : made) {
    // Named, not structured bindings: lambdas below capture them (clang 14).
    const std::string& lang = made_deck.lang;
    const LaidOutDeck& deck = made_deck.deck;
    DeckFile file;
    file.language = lang;
    const fs::path dir = options.output_dir / "cards" / lang;
    fs::create_directories(dir);
    file.office_pdf = dir / fmt::format("deck-office-{}.pdf", settings.sheet);
    file.alignment_pdf = dir / fmt::format("deck-alignment-{}.pdf", settings.sheet);
    file.cardprinter_pdf = dir / "deck-cardprinter.pdf";
    file.manifest = dir / "deck.json";
    file.per_sheet = imp->per_sheet();
    file.sheet = settings.sheet;
    file.kinds = static_cast<int>(deck.backs.size());
    for (const auto& s : deck.sources) file.cards += s.card.quantity;

    const std::string title = roadshow.title.get(lang);
    auto office = office_sheets(deck, *imp);
    file.sheets = static_cast<int>(office.size());
    // The three PDFs and the previews are independent: spread over the cores.
    std::vector<Task> tasks;
    tasks.emplace_back([&, office = std::move(office)](Diagnostics& warnings) {
      print::write_sheets(file.office_pdf, deck.faces, office,
                          {title, roadshow.organisation, fmt::format("card deck, {} duplex", settings.sheet), lang}, {},
                          warnings);
    });
    tasks.emplace_back([&](Diagnostics& warnings) {
      print::write_sheets(file.cardprinter_pdf, deck.faces, cardprinter_sheets(deck, settings),
                          {title, roadshow.organisation, "card deck, one card face per page", lang}, {}, warnings);
    });
    tasks.emplace_back([&](Diagnostics& warnings) {
      print::write_sheets(file.alignment_pdf, deck.alignment, alignment_sheets(*imp),
                          {title, roadshow.organisation, "card deck, duplex alignment test", lang}, {}, warnings);
    });
    if (options.preview_dpi > 0) {
      file.faces_dir = dir / "faces";
      fs::create_directories(file.faces_dir);
      for (std::size_t i = 0; i < deck.faces.size(); ++i) {
        const auto kind =
            std::find_if(deck.backs.begin(), deck.backs.end(), [&](const auto& b) { return b.second == i; });
        const fs::path png = i < deck.sources.size()
                                 ? file.faces_dir / fmt::format("{:03}-{}.png", i + 1, deck.sources[i].card.id)
                                 : file.faces_dir / fmt::format("back-{}.png", content::name(kind->first));
        tasks.emplace_back([&, i, png](Diagnostics& warnings) {
          // After an edit to one case most faces are as they were.
          const std::string unit = "preview:" + png.lexically_relative(options.output_dir).generic_string();
          const std::string key = fmt::format("{} {}", page_digest(deck.faces[i]), options.preview_dpi);
          if (context.record && context.record->up_to_date(unit, key)) return;
          print::write_png(png, deck.faces[i], options.preview_dpi, warnings);
          if (context.record) context.record->record(unit, key, {png});
        });
      }
    }
    context.workers.run(tasks, diagnostics);
    write_file_atomically(file.manifest, manifest(deck, roadshow, lang, *imp, file));
    report.files.push_back(std::move(file));
  }
  if (imp->shared_cuts) {
    report.notes.push_back(fmt::format(
        "cards: {} per {} sheet share their cut lines, with bleed on the outer edges of the block (cut exactly on "
        "the marks); fewer cards per sheet would fit with a gutter",
        imp->per_sheet(), settings.sheet));
  }
  return report;
}

}  // namespace impactkit::products
