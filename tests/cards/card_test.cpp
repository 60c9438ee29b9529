// The card deck, read back from the produced files as a printer would:
// sheets and cards per sheet, duplex backs behind their fronts, crop marks
// outside every bleed, fonts and text, the card-printer PDF's boxes, one PDF
// object per identical back; and errors at their YAML line.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/print/impose.hpp>

#include "cards/pdf_forms.hpp"
#include "support.hpp"

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace impactkit;
using test::PageDrawing;

namespace {

constexpr double tolerance_mm = 0.1;

// The repository's roadshow, its deck built once for all tests.
struct Deck {
  test::TempDir out;
  fs::path dir;
  nlohmann::json manifest;
  std::vector<PageDrawing> office;

  Deck() {
    const auto r = test::run_impactkit({"build", "-q", "--only", "cards", "--preview-dpi", "4", "-o",
                                        out.path().string(), "-C", test::source_dir().string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    dir = out.path() / "cards" / "nl";
    manifest = nlohmann::json::parse(read_file(dir / "deck.json").value());
    office = test::read_drawings(dir / "deck-office-A4.pdf");
  }
  double bleed() const { return manifest["card"]["bleed_mm"].get<double>(); }
  double card_w() const { return manifest["card"]["width_mm"].get<double>(); }
  double card_h() const { return manifest["card"]["height_mm"].get<double>(); }
};

const Deck& deck() {
  static const Deck d;
  return d;
}

struct Rect {
  double left, top, right, bottom;
};

// A card's trim box: a card face's origin is its trim box's top-left corner.
Rect trim_of(const test::PlacedForm& f, double width, double height) {
  return {f.x_mm, f.y_mm, f.x_mm + width, f.y_mm + height};
}

std::string squash(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c)) && c != '-') out += c;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(sheets_and_cards_per_sheet_match_the_deck) {
  const auto& d = deck();
  int total = 0;
  for (const auto& card : d.manifest["cards"]) total += card["quantity"].get<int>();
  BOOST_TEST(d.manifest["total_cards"].get<int>() == total);
  BOOST_TEST(total >= 40);
  BOOST_TEST(d.manifest["office"]["per_sheet"].get<int>() == 9);  // poker on A4
  const int sheets = (total + 8) / 9;
  BOOST_TEST_REQUIRE(d.office.size() == static_cast<std::size_t>(2 * sheets));
  for (std::size_t p = 0; p < d.office.size(); ++p) {
    BOOST_TEST(std::abs(d.office[p].width_mm - 210) < tolerance_mm);
    BOOST_TEST(std::abs(d.office[p].height_mm - 297) < tolerance_mm);
    const std::size_t expected = p / 2 + 1 < static_cast<std::size_t>(sheets) ? 9 : total - 9 * (sheets - 1);
    BOOST_TEST(d.office[p].forms.size() == expected, "page " << p + 1);
  }
  // Every card prints its trim box and at most its bleed around it.
  for (const auto& page : d.office) {
    for (const auto& f : page.forms) {
      const Rect t = trim_of(f, d.card_w(), d.card_h());
      BOOST_TEST((f.clip_left_mm <= t.left + 1e-3 && f.clip_right_mm >= t.right - 1e-3));
      BOOST_TEST((f.clip_top_mm <= t.top + 1e-3 && f.clip_bottom_mm >= t.bottom - 1e-3));
      BOOST_TEST((f.clip_left_mm >= t.left - d.bleed() - 1e-3 && f.clip_right_mm <= t.right + d.bleed() + 1e-3));
      BOOST_TEST((f.clip_top_mm >= t.top - d.bleed() - 1e-3 && f.clip_bottom_mm <= t.bottom + d.bleed() + 1e-3));
    }
  }
}

BOOST_AUTO_TEST_CASE(long_edge_backs_lie_behind_their_fronts) {
  const auto& d = deck();
  const auto& cards = d.manifest["cards"];
  std::vector<std::string> kinds;  // the kind of every printed card, in order
  for (const auto& card : cards) {
    for (int i = 0; i < card["quantity"].get<int>(); ++i) kinds.push_back(card["kind"].get<std::string>());
  }
  std::map<std::string, std::set<int>> back_objects;  // kind -> PDF objects of its back
  std::size_t card = 0;
  for (std::size_t p = 0; p + 1 < d.office.size(); p += 2) {
    const auto& front = d.office[p];
    const auto& back = d.office[p + 1];
    // Fronts in reading order are the deck's order.
    auto fronts = front.forms;
    std::sort(fronts.begin(), fronts.end(), [](const auto& a, const auto& b) {
      return std::abs(a.y_mm - b.y_mm) > 1 ? a.y_mm < b.y_mm : a.x_mm < b.x_mm;
    });
    for (const auto& f : fronts) {
      const Rect t = trim_of(f, d.card_w(), d.card_h());
      // Turned over about the vertical axis, the back's trim box is mirrored in x.
      const auto behind = std::find_if(back.forms.begin(), back.forms.end(), [&](const auto& b) {
        const Rect bt = trim_of(b, d.card_w(), d.card_h());
        return std::abs((front.width_mm - bt.right) - t.left) < tolerance_mm &&
               std::abs((front.width_mm - bt.left) - t.right) < tolerance_mm &&
               std::abs(bt.top - t.top) < tolerance_mm && std::abs(bt.bottom - t.bottom) < tolerance_mm;
      });
      BOOST_TEST_REQUIRE((behind != back.forms.end()), "no back behind card " << card + 1);
      back_objects[kinds.at(card)].insert(behind->object);
      ++card;
    }
  }
  BOOST_TEST(card == kinds.size());
  // One back per kind, and each drawn once in the file however often it is placed.
  for (const auto& [kind, objects] : back_objects) BOOST_TEST(objects.size() == 1u, kind);
  std::set<int> all_backs;
  for (const auto& [kind, objects] : back_objects) all_backs.insert(objects.begin(), objects.end());
  BOOST_TEST(all_backs.size() == back_objects.size());
}

BOOST_AUTO_TEST_CASE(crop_marks_lie_outside_every_bleed_and_on_the_sheet) {
  const auto& d = deck();
  for (std::size_t p = 0; p < d.office.size(); ++p) {
    const auto& page = d.office[p];
    BOOST_TEST(page.lines.size() >= 16u, "page " << p + 1);  // 4 cut lines each way, both ends
    for (const auto& line : page.lines) {
      for (const double x : {line.x1_mm, line.x2_mm}) BOOST_TEST((x >= -0.01 && x <= page.width_mm + 0.01));
      for (const double y : {line.y1_mm, line.y2_mm}) BOOST_TEST((y >= -0.01 && y <= page.height_mm + 0.01));
      for (const auto& f : page.forms) {
        // Outside the card's whole bleed box (trim plus bleed on every side).
        const Rect t = trim_of(f, d.card_w(), d.card_h());
        const double b = d.bleed();
        const bool outside = std::max(line.x1_mm, line.x2_mm) <= t.left - b + 1e-3 ||
                             std::min(line.x1_mm, line.x2_mm) >= t.right + b - 1e-3 ||
                             std::max(line.y1_mm, line.y2_mm) <= t.top - b + 1e-3 ||
                             std::min(line.y1_mm, line.y2_mm) >= t.bottom + b - 1e-3;
        BOOST_TEST(outside, "mark (" << line.x1_mm << "," << line.y1_mm << ")-(" << line.x2_mm << "," << line.y2_mm
                                     << ") on page " << p + 1);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(text_is_vector_with_embedded_fonts_and_every_title_is_found) {
  const auto& d = deck();
  const auto fonts = test::run_shell("pdffonts '" + (d.dir / "deck-office-A4.pdf").string() + "'");
  std::istringstream lines(fonts);
  std::string line;
  int font_lines = 0;
  while (std::getline(lines, line)) {
    if (line.starts_with("name") || line.starts_with("---") || line.empty()) continue;
    ++font_lines;
    BOOST_TEST(line.find(" yes yes ") != std::string::npos, line);  // embedded, subset
  }
  BOOST_TEST(font_lines > 0);
  const std::string text = squash(test::run_shell("pdftotext '" + (d.dir / "deck-office-A4.pdf").string() + "' -"));
  for (const auto& card : d.manifest["cards"]) {
    std::string title = card["title"].get<std::string>();
    const std::string kind = card["kind"].get<std::string>();
    if (kind == "rules") continue;                                 // its title is a label, checked below
    if (kind == "sdg") title = title.substr(title.find(' ') + 1);  // number and name are set apart
    if (const auto cut = title.find(" …"); cut != std::string::npos) title = title.substr(0, cut);
    BOOST_TEST(text.find(squash(title)) != std::string::npos, card["id"].get<std::string>() << ": " << title);
  }
  BOOST_TEST(text.find("Zospeelje") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(card_printer_pdf_has_two_pages_per_card_and_trim_box_card_size) {
  const auto& d = deck();
  const fs::path pdf = d.dir / "deck-cardprinter.pdf";
  const int total = d.manifest["total_cards"].get<int>();
  const std::string info = test::run_shell("pdfinfo -box -f 1 -l 9999 '" + pdf.string() + "'");
  const std::regex pages(R"(Pages:\s+(\d+))");
  std::smatch m;
  BOOST_TEST_REQUIRE(std::regex_search(info, m, pages));
  BOOST_TEST(std::stoi(m[1]) == 2 * total);
  const std::regex trim(R"(TrimBox:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+))");
  const std::regex media(R"(MediaBox:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+))");
  int trims = 0;
  constexpr double pt = 72.0 / 25.4;
  for (auto it = std::sregex_iterator(info.begin(), info.end(), trim); it != std::sregex_iterator(); ++it, ++trims) {
    BOOST_TEST(std::abs((std::stod((*it)[3]) - std::stod((*it)[1])) / pt - d.card_w()) < 0.01);
    BOOST_TEST(std::abs((std::stod((*it)[4]) - std::stod((*it)[2])) / pt - d.card_h()) < 0.01);
    BOOST_TEST(std::abs(std::stod((*it)[1]) / pt - d.bleed()) < 0.01);
  }
  BOOST_TEST(trims == 2 * total);
  for (auto it = std::sregex_iterator(info.begin(), info.end(), media); it != std::sregex_iterator(); ++it) {
    BOOST_TEST(std::abs(std::stod((*it)[3]) / pt - (d.card_w() + 2 * d.bleed())) < 0.01);
  }
  // Fronts and backs alternate: every even page is a back, one object per kind.
  const auto drawings = test::read_drawings(pdf);
  std::set<int> backs;
  for (std::size_t p = 1; p < drawings.size(); p += 2) backs.insert(drawings[p].forms.at(0).object);
  std::set<std::string> kinds;
  for (const auto& card : d.manifest["cards"]) kinds.insert(card["kind"].get<std::string>());
  BOOST_TEST(backs.size() == kinds.size());
}

BOOST_AUTO_TEST_CASE(a_face_png_for_every_card_and_kind) {
  const auto& d = deck();
  for (const auto& card : d.manifest["cards"]) {
    BOOST_TEST(fs::exists(d.dir / card["front_png"].get<std::string>()), card["front_png"]);
    BOOST_TEST(fs::exists(d.dir / card["back_png"].get<std::string>()), card["back_png"]);
  }
}

BOOST_AUTO_TEST_CASE(two_builds_are_byte_identical) {
  test::TempDir again;
  const auto r = test::run_impactkit({"build", "-q", "--only", "cards", "--preview-dpi", "0", "-o",
                                      again.path().string(), "-C", test::source_dir().string()});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  for (const char* name : {"deck-office-A4.pdf", "deck-cardprinter.pdf", "deck-alignment-A4.pdf"}) {
    BOOST_TEST((read_file(again.path() / "cards/nl" / name) == read_file(deck().dir / name)), name);
  }
}

// A card back's frame keeps at least 6 mm inside the trim, so that a cut a
// little off does not show against it. Read from the rendered card-printer
// PDF: along the back's middle row, from the trim inwards, the first pixel
// that differs from the card's colour.
BOOST_AUTO_TEST_CASE(the_back_frame_keeps_6_mm_inside_the_trim) {
  constexpr int dpi = 300;
  const fs::path pdf = deck().dir / "deck-cardprinter.pdf";
  test::TempDir out;
  const std::string ppm = (out.path() / "back").string();
  test::run_shell(fmt::format("pdftoppm -r {} -f 2 -l 2 '{}' '{}'", dpi, pdf.string(), ppm));
  const auto bytes = read_file(out.path() / "back-002.ppm");
  BOOST_TEST_REQUIRE(bytes.has_value());
  std::istringstream in(*bytes);
  std::string magic;
  int width = 0, height = 0, max = 0;
  in >> magic >> width >> height >> max;
  in.get();
  BOOST_TEST_REQUIRE(magic == "P6");
  const std::size_t header = static_cast<std::size_t>(in.tellg());
  const auto px = [&](int x, int y, int channel) {
    return static_cast<unsigned char>((*bytes)[header + 3 * (static_cast<std::size_t>(y) * width + x) + channel]);
  };
  const double mm = dpi / 25.4;
  const int trim = static_cast<int>(std::lround(3 * mm));  // the bleed
  const int row = height / 2;
  const int ground = trim + static_cast<int>(mm);  // 1 mm inside the trim: the card's colour
  int first = -1;
  for (int x = ground; x < width / 2 && first < 0; ++x) {
    for (int c = 0; c < 3; ++c) {
      if (std::abs(px(x, row, c) - px(ground, row, c)) > 60) first = x;
    }
  }
  BOOST_TEST_REQUIRE(first > 0);  // the frame is there
  BOOST_TEST((first - trim) / mm >= 6.0, (first - trim) / mm << " mm");
}

// ---- Imposition geometry ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(imposition_short_edge_mirrors_vertically_and_applies_the_offset) {
  print::ImpositionSettings s;
  s.short_edge = true;
  s.back_offset_x_mm = 0.5;
  s.back_offset_y_mm = -0.3;
  const auto imp = print::impose(s);
  BOOST_TEST_REQUIRE(imp.has_value());
  for (std::size_t i = 0; i < imp->fronts.size(); ++i) {
    const auto& f = imp->fronts[i].trim;
    const auto& b = imp->backs[i].trim;
    BOOST_TEST(std::abs(b.x - (f.x + 0.5)) < 1e-9);
    BOOST_TEST(std::abs(b.y - (imp->sheet_height_mm - f.y - f.height - 0.3)) < 1e-9);
  }
}

BOOST_AUTO_TEST_CASE(imposition_keeps_full_bleed_unless_it_costs_cards) {
  print::ImpositionSettings s;
  s.sheet_width_mm = 297;
  s.sheet_height_mm = 420;
  s.card_width_mm = 70;
  s.card_height_mm = 120;  // tarot on A3: 10 either way, so with gutters (and on its side)
  const auto imp = print::impose(s);
  BOOST_TEST_REQUIRE(imp.has_value());
  BOOST_TEST(!imp->shared_cuts);
  BOOST_TEST(imp->landscape);
  BOOST_TEST(imp->per_sheet() == 10);
  BOOST_TEST(std::abs(imp->fronts[1].trim.x - imp->fronts[0].trim.x - (70 + 6)) < 1e-9);
  s.card_width_mm = 63;
  s.card_height_mm = 88;
  s.sheet_width_mm = 210;
  s.sheet_height_mm = 297;  // poker on A4: 9 cards only when they share their cuts
  const auto a4 = print::impose(s);
  BOOST_TEST_REQUIRE(a4.has_value());
  BOOST_TEST(a4->per_sheet() == 9);
  BOOST_TEST(a4->shared_cuts);
  BOOST_TEST(std::abs(a4->fronts[1].trim.x - a4->fronts[0].trim.x - 63) < 1e-9);
  BOOST_TEST(std::abs(a4->fronts[0].printed.x - (a4->fronts[0].trim.x - 3)) < 1e-9);  // outer bleed kept
  BOOST_TEST(std::abs(a4->fronts[0].printed.width - (63 + 3)) < 1e-9);                // none towards its neighbour
  s.card_width_mm = 300;                                                              // larger than the sheet
  BOOST_TEST(!print::impose(s).has_value());
}

// Office printers leave the outer 4 to 5 mm blank: every crop mark lies at
// least 5 mm inside the sheet, on fronts and backs, shortened where needed
// but never below 2 mm, and never on a card's printed area.
BOOST_AUTO_TEST_CASE(crop_marks_keep_5_mm_from_the_sheet_edge) {
  print::ImpositionSettings s;  // poker on A4: the block leaves 10.5 mm at the sides
  s.back_offset_x_mm = 0.8;
  const auto imp = print::impose(s);
  BOOST_TEST_REQUIRE(imp.has_value());
  BOOST_TEST(imp->per_sheet() == 9);
  bool shortened = false;
  for (const auto* marks : {&imp->front_marks, &imp->back_marks}) {
    BOOST_TEST_REQUIRE(!marks->empty());
    for (const auto& m : *marks) {
      for (const double x : {m.x1, m.x2}) BOOST_TEST((x >= 5 - 1e-9 && x <= imp->sheet_width_mm - 5 + 1e-9), x);
      for (const double y : {m.y1, m.y2}) BOOST_TEST((y >= 5 - 1e-9 && y <= imp->sheet_height_mm - 5 + 1e-9), y);
      const double length = std::hypot(m.x2 - m.x1, m.y2 - m.y1);
      BOOST_TEST(length >= 2 - 1e-9);
      shortened = shortened || length < s.mark_length_mm - 1e-9;
    }
  }
  BOOST_TEST(shortened);  // the side marks: 7.5 mm from the bleed to the edge, 2.5 mm of it printable
  for (const auto& m : imp->front_marks) {
    for (const auto& slot : imp->fronts) {
      const auto& p = slot.printed;
      const bool inside = std::max(m.x1, m.x2) > p.x + 1e-9 && std::min(m.x1, m.x2) < p.x + p.width - 1e-9 &&
                          std::max(m.y1, m.y2) > p.y + 1e-9 && std::min(m.y1, m.y2) < p.y + p.height - 1e-9;
      BOOST_TEST(!inside);
    }
  }
}

// deck.gutter_mm: cards apart by the gutter, none sharing a cut line, each
// card's bleed up to the gutter's middle; the sheet turns if that fits more.
BOOST_AUTO_TEST_CASE(a_gutter_keeps_cards_apart_with_their_bleed_to_its_middle) {
  print::ImpositionSettings s;
  s.gutter_mm = 4;
  const auto imp = print::impose(s);
  BOOST_TEST_REQUIRE(imp.has_value());
  BOOST_TEST(!imp->shared_cuts);
  BOOST_TEST(imp->landscape);  // 4 × 2 on its side, against 2 × 3 upright
  BOOST_TEST(imp->per_sheet() == 8);
  const auto& first = imp->fronts[0];
  const auto& second = imp->fronts[1];
  BOOST_TEST(std::abs(second.trim.x - first.trim.x - (63 + 4)) < 1e-9);
  BOOST_TEST(std::abs(first.printed.x + first.printed.width - (first.trim.x + 63 + 2)) < 1e-9);  // 2 mm into the gutter
  BOOST_TEST(std::abs(first.printed.x - (first.trim.x - 3)) < 1e-9);                             // full bleed outside
  // Every card has its own cut lines: a mark for both sides of each gutter.
  std::set<long> columns;
  for (const auto& m : imp->front_marks) {
    if (m.x1 == m.x2) columns.insert(std::lround(m.x1 * 100));
  }
  BOOST_TEST(columns.size() == 2u * static_cast<std::size_t>(imp->columns));
}

// ---- Errors -----------------------------------------------------------------------

namespace {

// A copy of the repository's content root in a temporary folder, with
// `from` replaced by `to` in its roadshow.yaml.
void copy_root(const fs::path& to_dir) {
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(test::source_dir() / item, to_dir / item, fs::copy_options::recursive);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_over_long_role_description_fails_at_its_yaml_line) {
  test::TempDir root;
  copy_root(root.path());
  std::string long_text = "      Komt met een ambitieus vraagstuk";
  // Far too long for a card, and within the 2000 characters a text may have (lib/impactkit/core/limits.hpp).
  for (int i = 0; i < 30; ++i) long_text += " en blijft eigenaar van het vraagstuk tot de impact er is";
  long_text += ".\n";
  test::replace_in(root.path() / "roadshow.yaml",
                   "      Komt met een ambitieus vraagstuk dat volgt uit het provinciebeleid naar\n", long_text);
  const int line = test::line_of(root.path() / "roadshow.yaml", "Komt met een ambitieus vraagstuk") - 1;  // the `>-`
  test::TempDir out;
  const auto r = test::run_impactkit(
      {"build", "--only", "cards", "--preview-dpi", "0", "-o", out.path().string(), "-C", root.path().string()});
  BOOST_TEST(r.exit_code == 2, r.err);
  const std::string expected = fmt::format("roadshow.yaml:{}:", line);
  BOOST_TEST(r.err.find(expected) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("text of 'card.description' does not fit its stack on the card-role card at poker") !=
                 std::string::npos,
             r.err);
  BOOST_TEST(r.err.find("templates/card-role.yaml:") != std::string::npos, r.err);
  BOOST_TEST(!fs::exists(out.path() / "cards"));  // nothing written

  const auto allowed = test::run_impactkit({"build", "--only", "cards", "--allow-overflow", "--preview-dpi", "0", "-o",
                                            out.path().string(), "-C", root.path().string()});
  BOOST_TEST(allowed.exit_code == 0, allowed.err);
  BOOST_TEST(allowed.err.find("warning: text of 'card.description' does not fit") != std::string::npos, allowed.err);
  BOOST_TEST(fs::exists(out.path() / "cards/nl/deck-office-A4.pdf"));
}

BOOST_AUTO_TEST_CASE(deck_settings_errors_point_at_their_yaml) {
  test::TempDir root;
  copy_root(root.path());
  test::replace_in(
      root.path() / "roadshow.yaml", "deck:\n  card_size: poker\n",
      "deck:\n  card_size: pokr\n  sheet: A5\n  cards:\n    - {kind: rols}\n    - {kind: sdg, goals: some}\n"
      "    - {kind: case, goals: all}\n");
  const int deck_line = test::line_of(root.path() / "roadshow.yaml", "card_size: pokr");
  const auto r = test::run_impactkit({"validate", "-C", root.path().string()});
  BOOST_TEST(r.exit_code == 2, r.err);
  for (const auto& [line, message] :
       std::vector<std::pair<int, std::string>>{{deck_line, "'pokr' is not a card size"},
                                                {deck_line + 1, "sheet"},
                                                {deck_line + 3, "did you mean 'role'?"},
                                                {deck_line + 4, "goals"},
                                                {deck_line + 5, "only sdg cards have `goals`"}}) {
    const std::string at = fmt::format("roadshow.yaml:{}:", line);
    const auto pos = r.err.find(at);
    BOOST_TEST_REQUIRE(pos != std::string::npos, at << " in " << r.err);
    const std::string diagnostic = r.err.substr(pos, r.err.find("roadshow.yaml:", pos + 1) - pos);
    BOOST_TEST(diagnostic.find(message) != std::string::npos, message << " in " << diagnostic);
  }
}

// ---- Role cards, contrast -----------------------------------------------------------

namespace {

// Squashed, with typographic quotes as straight ones: the typesetter curls
// "risico's" and 'klein bier'.
std::string plain(std::string s) {
  for (const std::string curly : {"\u2019", "\u2018"}) {
    for (auto at = s.find(curly); at != std::string::npos; at = s.find(curly)) s.replace(at, curly.size(), "'");
  }
  return squash(s);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_role_card_shows_its_questions_and_its_interest) {
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(test::source_dir(), diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.has_errors());
  const auto& d = deck();
  const std::string text = plain(test::run_shell("pdftotext '" + (d.dir / "deck-cardprinter.pdf").string() + "' -"));
  std::size_t with_questions = 0;
  for (const auto& role : roadshow.roles) {
    for (const auto& q : role.questions) {
      BOOST_TEST(text.find(plain(q.get("nl"))) != std::string::npos, role.id << ": " << q.get("nl"));
    }
    BOOST_TEST(text.find(plain(role.interest.get("nl"))) != std::string::npos, role.id);
    with_questions += role.questions.size() >= 2 && !role.interest.empty() ? 1 : 0;
  }
  // The repository's roles are all filled: two or three questions and an interest each.
  BOOST_TEST(with_questions == roadshow.roles.size());
  BOOST_TEST(text.find("VRAGENVANDEZEROL") != std::string::npos);  // the label, in capitals
}

BOOST_AUTO_TEST_CASE(role_questions_are_checked_at_their_yaml_line) {
  test::TempDir root;
  copy_root(root.path());
  const fs::path roadshow = root.path() / "roadshow.yaml";
  test::replace_in(roadshow, "\n    interest:\n", "\n      - Nog een vraag?\n    interest:\n");  // the first role's 4th
  // The last role's questions: none.
  write_file_atomically(roadshow,
                        std::regex_replace(read_file(roadshow).value(),
                                           std::regex(R"(    questions:\n      - nl: Volgen[\s\S]*?(    interest:))"),
                                           "    questions: []\n$1"));
  const int fourth = test::line_of(roadshow, "Nog een vraag?");
  const int empty = test::line_of(roadshow, "questions: []");
  const auto r = test::run_impactkit({"validate", "-C", root.path().string()});
  BOOST_TEST(r.exit_code == 2, r.err);
  BOOST_TEST(r.err.find(fmt::format("roadshow.yaml:{}:9: error: role 'vraageigenaar' has more than 3 questions",
                                    fourth)) != std::string::npos,
             r.err);
  BOOST_TEST(r.err.find(fmt::format("roadshow.yaml:{}:", empty)) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("'questions' is empty") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("2 errors") != std::string::npos, r.err);  // each once, nothing else
}

// Text on an SDG's colour, a case theme's band, a back: white or dark,
// whichever reads. The two theme colours that are too light for text on
// white (issue 20's palette change darkens them) are set dark here, so
// that every other contrast warning a card template makes shows.
BOOST_AUTO_TEST_CASE(card_templates_make_no_contrast_warning) {
  test::TempDir root;
  copy_root(root.path());
  const fs::path theme = root.path() / "theme.yaml";
  std::string text = read_file(theme).value();
  text = std::regex_replace(text, std::regex(R"(\n  accent: "[0-9A-Fa-f]{6}")"), "\n  accent: \"8A5A00\"");
  text = std::regex_replace(text, std::regex(R"(\n  energietransitie: "[0-9A-Fa-f]{6}")"),
                            "\n  energietransitie: \"A34700\"");
  write_file_atomically(theme, text);
  test::TempDir out;
  const auto r = test::run_impactkit(
      {"build", "--only", "cards", "--preview-dpi", "0", "-o", out.path().string(), "-C", root.path().string()});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  BOOST_TEST(r.err.find("has a contrast of") == std::string::npos, r.err);
  // The yellow of SDG 7 (white on it: 1.6:1) is on the deck.
  BOOST_TEST(read_file(out.path() / "cards/nl/deck.json").value().find("\"sdg-7\"") != std::string::npos);
}

// A case's own image on its card, beside its hero; a case without one shows
// none (the repository's cases have none).
BOOST_AUTO_TEST_CASE(a_case_card_shows_the_cases_image) {
  test::TempDir root;
  copy_root(root.path());
  fs::create_directories(root.path() / "assets");
  fs::copy_file(test::source_dir() / "docs/img/flow-steps.png", root.path() / "assets/foto.png");
  test::replace_in(root.path() / "cases/natura2000-onderhoud.yaml", "\nsources:\n",
                   "\nimages:\n  - file: assets/foto.png\n    caption: Een foto\nsources:\n");
  test::TempDir out;
  const auto r = test::run_impactkit(
      {"build", "--only", "cards", "--preview-dpi", "0", "-o", out.path().string(), "-C", root.path().string()});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  const fs::path pdf = out.path() / "cards/nl/deck-cardprinter.pdf";
  const auto images = test::run_shell("pdfimages -list '" + pdf.string() + "'");
  std::istringstream lines(images);
  std::string line;
  std::set<int> pages;
  for (int n = 0; std::getline(lines, line); ++n) {
    if (n >= 2) pages.insert(std::stoi(line));  // after the two header lines: the page number first
  }
  BOOST_TEST(pages.size() == 1u, images);
  // On the case's card, beside its hero (the headline: the case has no figure of its own).
  const int page = pages.empty() ? 0 : *pages.begin();
  const std::string text =
      squash(test::run_shell(fmt::format("pdftotext -f {} -l {} '{}' -", page, page, pdf.string())));
  BOOST_TEST(text.find("Natuuronderhoud") != std::string::npos, text);
  BOOST_TEST(text.find("VRAAGSTUK") != std::string::npos, text);

  const auto plain = test::run_impactkit({"build", "--only", "cards", "--preview-dpi", "0", "-o",
                                          (out.path() / "plain").string(), "-C", test::source_dir().string()});
  BOOST_TEST_REQUIRE(plain.exit_code == 0, plain.err);
  const auto none =
      test::run_shell("pdfimages -list '" + (out.path() / "plain/cards/nl/deck-cardprinter.pdf").string() + "'");
  BOOST_TEST(std::count(none.begin(), none.end(), '\n') == 2, none);
}
