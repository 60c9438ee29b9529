// The workshop card deck: its cards laid out with the products' compose
// kit, in every language, then written as office sheets, a card-printer
// PDF, face previews and a manifest.

#include <impactkit/products/cards.hpp>

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/print/impose.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/preview.hpp>
#include <impactkit/products/compose_kit.hpp>
#include <impactkit/products/detail/card_faces.hpp>
#include <impactkit/products/detail/deck_sheets.hpp>
#include <impactkit/products/page_digest.hpp>
#include <impactkit/products/print_shop.hpp>
#include <impactkit/products/source_map.hpp>
#include <impactkit/text/typesetter.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace impactkit::products {
namespace fs = std::filesystem;
using namespace detail;

namespace {

class DeckBuilder {
 public:
  DeckBuilder(const content::Roadshow& roadshow, const DeckOptions& options, const Context& context,
              Diagnostics& diagnostics)
      : roadshow_(roadshow),
        options_(options),
        context_(context),
        diagnostics_(diagnostics),
        kit_(roadshow, diagnostics, context.text_cache) {}

  // Whether the deck can be laid out: its fonts are there.
  bool ready() const { return !diagnostics_.has_errors(); }

  const layout::Labels& labels_in(const std::string& lang) const { return kit_.labels_in(lang); }

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
        if (run > 0) typesetter.emplace(kit_.fonts, roadshow_.theme.hyphenation_exceptions, context_.text_cache);
        layout::Composer composer(roadshow_, run > 0 ? *typesetter : kit_.typesetter, warnings);
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
    return compose(kit_.composer, name, fields, labels, lang);
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
    return composer.compose(*kit_.find(name), fields, labels, options);
  }

  const content::Roadshow& roadshow_;
  const DeckOptions& options_;
  const Context& context_;
  Diagnostics& diagnostics_;
  ComposeKit kit_;
};

bool complete_in(const content::Roadshow& roadshow, const std::string& lang) {
  return std::all_of(roadshow.cases.begin(), roadshow.cases.end(), [&](const content::Case& c) {
    const auto langs = content::complete_languages(c, roadshow.languages.available);
    return std::find(langs.begin(), langs.end(), lang) != langs.end();
  });
}

// Where the cards go on the office sheet; an error when they do not fit.
std::optional<print::Imposition> deck_imposition(const content::DeckSettings& settings, Diagnostics& diagnostics) {
  const auto sheet_size = print::sheet_size_mm(settings.sheet);
  print::ImpositionSettings imposition;
  imposition.sheet_width_mm = sheet_size->first;
  imposition.sheet_height_mm = sheet_size->second;
  imposition.card_width_mm = settings.card_width_mm;
  imposition.card_height_mm = settings.card_height_mm;
  imposition.bleed_mm = settings.bleed_mm;
  imposition.crop_marks = settings.crop_marks;
  imposition.gutter_mm = settings.gutter_mm;
  imposition.short_edge = settings.short_edge;
  imposition.back_offset_x_mm = settings.back_offset_x_mm;
  imposition.back_offset_y_mm = settings.back_offset_y_mm;
  auto imp = print::impose(imposition);
  if (!imp) {
    diagnostics.error(settings.pos,
                      fmt::format("a {}x{} mm card with {} mm bleed and crop marks does not fit on the {} sheet",
                                  settings.card_width_mm, settings.card_height_mm, settings.bleed_mm, settings.sheet),
                      "a card that fits the sheet with its bleed and marks", "choose a larger sheet (sheet: A3)");
  }
  return imp;
}

// Every card is laid out, kept in memory and drawn on its sheets: a deck
// of many thousands (many cases, large quantities) would take minutes and
// gigabytes, and no workshop uses it.
bool within_card_limit(const content::Roadshow& roadshow, Diagnostics& diagnostics) {
  const auto& settings = roadshow.deck;
  std::size_t cards = 0;
  for (const Card& c : deck_cards(roadshow, roadshow.languages.default_language)) {
    cards += static_cast<std::size_t>(c.quantity);
  }
  if (cards <= limits::max_deck_cards) return true;
  const SourcePos at = settings.pos.line > 0
                           ? settings.pos
                           : SourcePos{(roadshow.root / content::roadshow_file_name).lexically_normal().string(), 1, 1};
  diagnostics.error(at, fmt::format("the deck has {} cards, more than {}", cards, limits::max_deck_cards),
                    fmt::format("at most {} cards, every copy counted", limits::max_deck_cards),
                    "lower the `quantity` of some kinds under deck.cards, or leave kinds out");
  return false;
}

// A PNG of every face; after an edit to one case most faces are as they were.
void add_face_previews(std::vector<Task>& tasks, const LaidOutDeck& deck, const DeckFile& file,
                       const DeckOptions& options, const Context& context) {
  for (std::size_t i = 0; i < deck.faces.size(); ++i) {
    const auto kind = std::find_if(deck.backs.begin(), deck.backs.end(), [&](const auto& b) { return b.second == i; });
    const fs::path png = i < deck.sources.size()
                             ? file.faces_dir / fmt::format("{:03}-{}.png", i + 1, deck.sources[i].card.id)
                             : file.faces_dir / fmt::format("back-{}.png", content::name(kind->first));
    tasks.emplace_back([&, i, png, record = context.record](Diagnostics& warnings) {
      const std::string unit = "preview:" + png.lexically_relative(options.output_dir).generic_string();
      const std::string key =
          fmt::format("{} {} {}", page_digest(deck.faces[i]), options.preview_dpi, options.source_maps);
      if (record && record->up_to_date(unit, key)) return;
      print::write_png(staged(context.staging, png), deck.faces[i], options.preview_dpi, warnings);
      std::vector<fs::path> files = {png};
      if (options.source_maps) {
        files.push_back(source_map_path(png));
        write_file_atomically(staged(context.staging, files.back()), source_map_json(deck.faces[i]));
      }
      if (record) record->record(unit, key, files);
    });
  }
}

// Writes one language's deck: its three PDFs, its previews and its manifest.
DeckFile write_deck(const std::string& lang, const LaidOutDeck& deck, const content::Roadshow& roadshow,
                    const DeckOptions& options, const print::Imposition& imp, const Context& context,
                    Diagnostics& diagnostics) {
  const auto& settings = roadshow.deck;
  DeckFile file;
  file.language = lang;
  const fs::path dir = options.output_dir / "cards" / lang;
  file.office_pdf = dir / fmt::format("deck-office-{}.pdf", settings.sheet);
  file.alignment_pdf = dir / fmt::format("deck-alignment-{}.pdf", settings.sheet);
  file.cardprinter_pdf = dir / "deck-cardprinter.pdf";
  file.manifest = dir / "deck.json";
  file.per_sheet = imp.per_sheet();
  file.sheet = settings.sheet;
  file.kinds = static_cast<int>(deck.backs.size());
  for (const auto& s : deck.sources) file.cards += s.card.quantity;

  const std::string title = roadshow.title.get(lang);
  auto office = office_sheets(deck, imp);
  file.sheets = static_cast<int>(office.size());
  // The three PDFs and the previews are independent: spread over the cores.
  std::vector<Task> tasks;
  tasks.emplace_back([&, office = std::move(office)](Diagnostics& warnings) {
    print::write_sheets(staged(context.staging, file.office_pdf), deck.faces, office,
                        {title, roadshow.organisation, fmt::format("card deck, {} duplex", settings.sheet), lang}, {},
                        warnings);
    make_or_remove_pdfx(options.pdfx, file.office_pdf, roadshow, context.staging);
  });
  tasks.emplace_back([&](Diagnostics& warnings) {
    print::write_sheets(staged(context.staging, file.cardprinter_pdf), deck.faces, cardprinter_sheets(deck, settings),
                        {title, roadshow.organisation, "card deck, one card face per page", lang}, {}, warnings);
    make_or_remove_pdfx(options.pdfx, file.cardprinter_pdf, roadshow, context.staging);
  });
  tasks.emplace_back([&](Diagnostics& warnings) {
    print::write_sheets(staged(context.staging, file.alignment_pdf), deck.alignment, alignment_sheets(imp),
                        {title, roadshow.organisation, "card deck, duplex alignment test", lang}, {}, warnings);
  });
  if (options.preview_dpi > 0) {
    file.faces_dir = dir / "faces";
    add_face_previews(tasks, deck, file, options, context);
  }
  context.workers.run(tasks, diagnostics);
  write_file_atomically(staged(context.staging, file.manifest), manifest(deck, roadshow, lang, imp, file));
  return file;
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
  const auto imp = deck_imposition(settings, diagnostics);
  if (!imp || !within_card_limit(roadshow, diagnostics)) return report;
  DeckBuilder builder(roadshow, options, context, diagnostics);
  if (!builder.ready()) return report;

  struct Made {
    std::string lang;
    LaidOutDeck deck;
  };
  std::vector<Made> made;
  const auto languages = options.languages.empty() ? roadshow.languages.available : options.languages;
  for (const auto& lang : languages) {
    if (lang != roadshow.languages.default_language && !complete_in(roadshow, lang)) {
      report.notes.push_back(fmt::format("no '{}' card deck: not every case is fully written in '{}'", lang, lang));
      continue;
    }
    made.push_back({lang, builder.lay_out(lang, builder.labels_in(lang))});
  }
  // Nothing is written when any card has an error: a build is whole or not at all.
  if (diagnostics.has_errors()) return report;
  for (const Made& m : made)
    report.files.push_back(write_deck(m.lang, m.deck, roadshow, options, *imp, context, diagnostics));
  if (imp->shared_cuts) {
    report.notes.push_back(fmt::format(
        "cards: {} per {} sheet share their cut lines, with bleed on the outer edges of the block (cut exactly on "
        "the marks); deck.gutter_mm in roadshow.yaml separates them, with fewer cards per sheet",
        imp->per_sheet(), settings.sheet));
  }
  return report;
}

}  // namespace impactkit::products
