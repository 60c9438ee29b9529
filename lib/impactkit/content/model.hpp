#pragma once
// The content model: a roadshow and its cases, as loaded from a content root.
// Every value that a later stage may complain about keeps its source position.

#include <impactkit/content/labels.hpp>
#include <impactkit/content/template.hpp>
#include <impactkit/content/text.hpp>
#include <impactkit/core/diagnostics.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::content {

// An id of a case, role or source: lower-case letters and digits, words
// joined by single '-' (warmtepomp-staphorst). Case ids are file names too.
bool is_valid_id(std::string_view id);

// Where a case stands. Only an achieved case may be shown as having made
// impact; the others say what they aim for.
enum class CaseStatus { achieved, in_progress, idea };
inline constexpr std::array<std::string_view, 3> case_status_names = {"achieved", "in-progress", "idea"};
std::string_view name(CaseStatus status);

// A case theme the roadshow declares (`themes:`): "net-zero", "social-value".
// Its colour is the theme file's colour of the same name.
struct CaseTheme {
  std::string id;
  Text name;
  std::string color;  // six hex digits, resolved from the theme file
  SourcePos pos;
};

// A kind of procurement the roadshow declares (`tender_kinds:`): how the
// market was asked.
struct TenderKind {
  std::string id;
  Text name;
  SourcePos pos;
};

struct Source {
  std::string id;
  std::string title;
  std::string publisher;
  std::optional<int> year;
  bool undated = false;     // `year: undated`: the document carries no date (printed "n.d.")
  bool year_given = false;  // `year:` is there, even if unreadable (reported where it is)
  std::string url;
  SourcePos pos;
};

// Whose number a figure is: the case's own result or fact, or context (a
// national or general statistic), which is never shown as a case's result.
enum class FigureScope { case_result, context };
inline constexpr std::array<std::string_view, 2> figure_scope_names = {"case", "context"};

struct KeyFigure {
  std::string value;  // as printed: "150", "85", "2030"
  Text unit;          // may be empty
  Text label;
  FigureScope scope = FigureScope::case_result;
  Text about;             // context only: what it is about, printed with it ("Nederland")
  std::string source_id;  // an id in the owner's `sources`
  SourcePos pos;
};

// How the market was asked.
struct Tender {
  std::string kind;  // a declared tender kind's id
  Text text;
  SourcePos kind_pos;
};

// The way from ambition to impact, as the exhibit tells it.
struct Route {
  Text ambition;
  Text question;
  Text owner;  // who owns the question
  Tender tender;
  Text solution;
  Text impact;
};

struct Confrontation {
  Text too_little;   // what happens if we do too little
  Text with_impact;  // what doing more achieved, or aims to achieve (see the status)
};

struct Quote {
  Text text;
  std::string by;
};

struct Partner {
  std::string name;
  Text role;  // may be empty
};

struct Image {
  std::filesystem::path file;  // relative to the content root
  Text caption;
  std::string credit;
  SourcePos pos;
};

struct Case {
  std::string id;
  std::filesystem::path file;  // relative to the content root
  SourcePos pos;               // where the roadshow lists it
  Text title;
  Text subtitle;
  CaseStatus status = CaseStatus::achieved;
  std::string theme;  // a declared theme's id
  SourcePos theme_pos;
  std::vector<int> sdgs;
  Text headline;  // may be empty when there is a quote
  std::optional<Quote> quote;
  Route route;
  std::vector<KeyFigure> figures;
  Confrontation confrontation;
  std::vector<Partner> partners;
  std::vector<Text> questions;
  std::vector<Source> sources;
  std::vector<Image> images;

  const Source* find_source(std::string_view id) const;
  // The figure a poster or card may show as this case's result: its first
  // case-scope figure; none when it has only context figures.
  const KeyFigure* hero_figure() const;
};

// The languages in which every text of the case is written (the default
// language always counts, since every text has it).
std::vector<std::string> complete_languages(const Case& c, const std::vector<std::string>& available);

struct Sdg {
  int number = 0;
  std::string color;  // six hex digits, official
  Text name;
  // The official icon, when the content root provides it (assets/sdg/NN.svg
  // or .png), root joined; empty: none.
  std::filesystem::path icon;
};

struct Role {
  std::string id;
  Text name;
  Text description;
  std::vector<Text> questions;  // what this role asks, or answers: 0-3 (a role card holds three)
  Text interest;                // what is in it for this role; may be empty
};

struct Intro {
  Text headline;
  Text text;
  std::vector<KeyFigure> figures;
  std::vector<Source> sources;
};

struct Contact {
  Text team;
  std::string email;
  std::string phone;
  std::string url;
  std::string location;
};

struct Languages {
  std::string default_language = "nl";
  std::vector<std::string> available = {"nl"};
};

// What a style's text is, which names its font family: the theme names one
// family per role (`fonts:`), so that a fork switches a family in one place.
enum class FontRole { body, heading, figures };
inline constexpr std::array<std::string_view, 3> font_role_names = {"body", "heading", "figures"};

// A named text style of the theme; sizes are at the templates' reference
// page size and scale with the page.
struct ThemeStyle {
  std::string name;
  FontRole role = FontRole::body;
  std::string font;    // a family for this style alone (`font:`); empty: its role's
  SourcePos font_pos;  // of `font:`
  int weight = 400;
  bool italic = false;
  double size_pt = 10;      // the largest size
  double min_size_pt = 10;  // the smallest size text may shrink to, to fit
  double line_height = 1.3;
  double paragraph_spacing = 0.6;
  std::string align = "left";  // left, center, right, justify
  std::string color = "text";  // a theme colour's name, or six hex digits
  bool hyphenate = true;
  bool uppercase = false;
  std::vector<std::string> features;
  SourcePos pos;
};

struct Theme {
  std::filesystem::path file;  // relative to the content root
  std::string name;
  std::vector<std::pair<std::string, std::string>> colors;  // name -> six hex digits
  std::vector<SourcePos> color_pos;                         // of each of `colors`, in its order
  // The print value of each of `colors` (`{rgb: …, cmyk: [C, M, Y, K]}`,
  // each 0–100 %), for PDF/X: a colour with one is printed as given, not
  // converted; the text colour given as K only prints in black ink alone.
  std::vector<std::optional<std::array<double, 4>>> color_cmyk;
  // The family of each role, by FontRole (`fonts:`): heading defaults to
  // body, figures to heading; with their places in the file (a defaulted
  // role's is that of the role it takes its family from).
  std::array<std::string, 3> fonts = {"Inter", "Inter", "Inter"};
  std::array<SourcePos, 3> font_pos;
  // Words with their only break points ("Over-ijs-sel"), or never to break
  // ("Overijssel"); see text::Hyphenator.
  std::vector<std::string> hyphenation_exceptions;
  std::vector<ThemeStyle> styles;
  std::filesystem::path logo;  // relative to the content root; may be empty

  const ThemeStyle* find_style(std::string_view style_name) const;
  const std::string& family(FontRole role) const { return fonts.at(static_cast<std::size_t>(role)); }
  // The family `style` is set in: its own `font:`, else its role's.
  const std::string& family(const ThemeStyle& style) const;
  // The colour `name_or_hex` names ("primary", "energietransitie" or
  // "1D4F91"), as six hex digits, if any.
  std::optional<std::string> color(std::string_view name_or_hex) const;
};

// Settings per product; each grows with its product.
// The printing condition of the PDF/X files (`impactkit build --pdfx`).
struct PrintSettings {
  // A CMYK output profile (ICC) from the print shop, relative to the
  // content root; empty: Ghostscript's default CMYK profile.
  std::filesystem::path profile;
  // The condition's registered name (www.color.org), e.g. "FOGRA39";
  // empty: "Custom", defined by the embedded profile.
  std::string condition;
};

struct PosterSettings {
  std::string size = "A1";
  std::string orientation = "portrait";
  double bleed_mm = 3;
};

// The kinds of card in a workshop deck; each has its own front template
// (templates/card-KIND.yaml) and back (templates/card-back.yaml).
enum class CardKind { rules, case_card, sdg, role, question, confrontation };
inline constexpr std::array<std::string_view, 6> card_kind_names = {"rules", "case",     "sdg",
                                                                    "role",  "question", "confrontation"};
std::string_view name(CardKind kind);

// One line of the deck's `cards:` list: a kind of card and how many of each.
struct DeckEntry {
  CardKind kind = CardKind::case_card;
  int quantity = 1;        // copies of every card of this kind
  bool all_goals = false;  // sdg: all 17 goals, not only those the cases touch
  SourcePos pos;
};

struct DeckSettings {
  std::string card_size = "poker";  // as written: poker, bridge, tarot, a7 or WxH
  double card_width_mm = 63;
  double card_height_mm = 88;
  double bleed_mm = 3;
  std::string sheet = "A4";     // office printing: A4, A3 or letter
  bool short_edge = false;      // duplex flip: long edge (default) or short edge
  double back_offset_x_mm = 0;  // shifts the back sheets, for printers that do
  double back_offset_y_mm = 0;
  bool crop_marks = true;
  std::optional<double> gutter_mm;  // between cards on the office sheet; none: full bleed or shared cuts
  std::vector<DeckEntry> cards;     // in deck order; empty: one of every kind
  std::vector<Text> questions;      // question cards beyond the cases' own questions
  SourcePos pos;
};

// The visitor's question form ("vraagstukkaart", `forms:`): the route's
// stations to write along, printed at each of `sizes` and put in the
// collection box folded in half.
struct FormSettings {
  std::vector<std::string> sizes = {"A5", "A6"};  // A5 and/or A6, portrait
  std::string sheet = "A4";                       // office printing: A4, A3 or letter
  double bleed_mm = 3;
  Text next;  // what happens with a form once it is in the box; may be empty
  SourcePos pos;
  SourcePos sizes_pos;
};

// A form size's paper, portrait: A5 (148 x 210 mm) or A6 (105 x 148 mm).
PaperSize form_paper(std::string_view name);

// How wide a form is once folded in half across its height, as it goes
// through the collection box's slot: the width of the widest size.
double folded_form_width_mm(const FormSettings& forms);

struct Material {
  std::string name = "multiplex";
  std::string laser = "birch-plywood-6";  // the laser shop profile's material: speeds and price
  double thickness_mm = 6;
  double measured_thickness_mm = 6;
  SourcePos laser_pos;
};

struct ExhibitSettings {
  Material material;
  double kerf_mm = 0.2;
  double clearance_mm = 0.1;  // added to every slot, beyond the measured thickness
  double sheet_width_mm = 1200;
  double sheet_height_mm = 600;
  double panel_width_mm = 580;  // a free-standing panel, one per case and one for the intro
  double panel_height_mm = 1780;
  double foot_length_mm = 450;  // two feet per panel, slotted on with cross-lap joints
  double foot_height_mm = 100;
  std::string poster_size = "A2";  // the poster mounted on each panel's front
  std::string shop = "default";    // laser shop profile: default (cut red) or blue-cut
  bool fit_test = true;            // the fit-test coupon on the first sheet (kerf, clearance, bearing)
  SourcePos pos;
  SourcePos kerf_pos;
  SourcePos panel_pos;
  SourcePos sheet_pos;  // each `pos` when not given
  SourcePos foot_pos;
};

// One sector of the confrontation wheel: what a spin can land on.
struct WheelSector {
  Text label;           // short: engraved and printed in the sector's wedge
  std::string color;    // six hex digits, resolved from `colour` (a theme colour or hex)
  std::string case_id;  // the case it refers to; may be empty
  std::string theme;    // or the declared theme it refers to; may be empty
  Text too_little;      // what happens if we do too little (short, for the wheel)
  Text with_impact;     // what doing more achieved
  SourcePos theme_pos;
  SourcePos pos;
  SourcePos label_pos;
  SourcePos case_pos;
};

// How the disc turns: one 608 bearing (22 mm) pressed into the disc and its
// counter-disc, or two of them (one per counter-disc) on an M8 axle.
enum class WheelHub { bearing_608, two_bearings };

struct WheelSettings {
  double diameter_mm = 600;
  std::vector<WheelSector> sectors;  // 2..24; empty: no wheel
  WheelHub hub = WheelHub::bearing_608;
  std::optional<Material> material;   // none: the exhibit's
  double peg_diameter_mm = 6;         // dowels on the sector boundaries
  std::string volvelle_sheet = "A4";  // the paper volvelle: A4 or A3
  SourcePos pos;
  SourcePos diameter_pos;
  SourcePos sectors_pos;
};

struct Roadshow {
  std::filesystem::path root;
  Text title;
  Text subtitle;
  std::string organisation;
  Contact contact;
  Languages languages;
  Theme theme;
  std::vector<Sdg> sdgs;  // goal n at index n - 1 once loaded without errors
  std::vector<Case> cases;
  Intro intro;
  std::vector<CaseTheme> themes;
  std::vector<TenderKind> tender_kinds;
  std::vector<Role> roles;
  PrintSettings print;
  PosterSettings posters;
  DeckSettings deck;
  FormSettings forms;
  ExhibitSettings exhibit;
  WheelSettings wheel;
  // What the products lay out with, loaded and checked with the rest: the
  // templates they use (by name) and the labels of every language.
  std::map<std::string, Template, std::less<>> templates;
  std::map<std::string, Labels, std::less<>> labels;

  const Case* find_case(std::string_view id) const;
  const Sdg* find_sdg(int number) const;
  const CaseTheme* find_theme(std::string_view id) const;
  const TenderKind* find_tender_kind(std::string_view id) const;
  const Template* find_template(std::string_view name) const;
  const Labels* find_labels(std::string_view language) const;
};

}  // namespace impactkit::content
