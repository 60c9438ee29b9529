// Templates that flow (docs/templates.md): stacks, fitted boxes and the
// shared size of a stack's texts, read back from the produced PDFs with
// pdftotext -bbox-layout; and their errors, at the content's YAML line.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/products/posters.hpp>

#include "support.hpp"
#include "template_problems.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <regex>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

constexpr double pt_per_mm = 72.0 / 25.4;

struct Word {
  double x = 0, top = 0, bottom = 0;
  std::string text;
};

// A copy of the repository's content whose route poster is `yaml`, built
// at A1 for the first case (with --allow-overflow if asked); the words of
// its route poster.
std::vector<Word> route_words(const std::string& yaml, bool allow_overflow = false) {
  test::TempDir root;
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(test::source_dir() / item, root.path() / item, fs::copy_options::recursive);
  }
  write_file_atomically(root.path() / "templates/poster-route.yaml", yaml);
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(root.path(), diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.has_errors());
  test::TempDir out;
  products::PosterOptions options;
  options.output_dir = out.path();
  options.sizes = {"A1"};
  options.languages = {"nl"};
  options.case_ids = {roadshow.cases.at(0).id};
  options.kinds = {"route"};
  options.preview_dpi = 0;
  options.allow_overflow = allow_overflow;
  products::build_posters(roadshow, options, diagnostics);
  for (const auto& d : diagnostics.all()) BOOST_TEST_MESSAGE(format(d));
  BOOST_TEST_REQUIRE(!diagnostics.has_errors());
  const fs::path pdf = out.path() / "posters/nl/A1" / (roadshow.cases.at(0).id + "-route.pdf");
  const std::string xml = test::run_shell("pdftotext -bbox-layout " + pdf.string() + " -");
  const std::regex word(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<Word> words;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), word); it != std::sregex_iterator(); ++it) {
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), (*it)[4]});
  }
  BOOST_TEST_REQUIRE(!words.empty());
  return words;
}

const std::string head =
    "page: {size: A1, orientation: portrait, bleed_mm: 3}\n"
    "grid: {columns: 12, rows: 24, margin_mm: 40, gutter_mm: 8}\n"
    "elements:\n";

// Six steps, a label beside each text, the texts `lengths` times a
// sentence long, in a stack `rows` rows high; each text begins with its
// marker Stap1 … Stap6.
std::string six_steps(const std::vector<int>& lengths, int rows = 22) {
  std::string yaml =
      head + "  - stack:\n      area: [1, 1, 8, " + std::to_string(rows) + "]\n      gap_mm: 10\n      elements:\n";
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    std::string body = "Stap" + std::to_string(i + 1);
    for (int k = 0; k < lengths[i]; ++k) body += " een opdrachtgever die met impact inkoopt kiest de beste partij";
    yaml +=
        "        - stack:\n            direction: right\n            gap_mm: 8\n            cross: baseline\n"
        "            elements:\n"
        "              - text: {text: \"LABEL\", style: step_label, width_mm: 79}\n"
        "              - text: {text: \"" +
        body + "\", style: step}\n";
  }
  return yaml;
}

struct Steps {
  std::vector<double> gaps;      // pt, between one step's last line and the next one's first
  std::vector<int> lines;        // of each step
  double least = 1e9, most = 0;  // the heights of the steps' words, pt
};

// The steps' texts (right of the labels) in the PDF.
Steps measure_steps(const std::vector<Word>& words) {
  const double text_x = (3 + 40 + 79 + 4) * pt_per_mm;  // bleed, margin, label and half the gap
  std::vector<Word> texts;
  for (const auto& w : words) {
    if (w.x > text_x) texts.push_back(w);
  }
  std::vector<double> tops;
  for (int i = 1; i <= 6; ++i) {
    const auto at =
        std::find_if(texts.begin(), texts.end(), [&](const Word& w) { return w.text == "Stap" + std::to_string(i); });
    BOOST_TEST_REQUIRE((at != texts.end()), "Stap" << i);
    tops.push_back(at->top);
  }
  tops.push_back(1e9);
  Steps s;
  for (std::size_t i = 0; i < 6; ++i) {
    double bottom = 0;
    std::vector<double> line_tops;
    for (const auto& w : texts) {
      if (w.top < tops[i] - 0.5 || w.top >= tops[i + 1] - 0.5) continue;
      bottom = std::max(bottom, w.bottom);
      if (std::none_of(line_tops.begin(), line_tops.end(), [&](double t) { return std::abs(t - w.top) < 1; }))
        line_tops.push_back(w.top);
      s.least = std::min(s.least, w.bottom - w.top);
      s.most = std::max(s.most, w.bottom - w.top);
    }
    s.lines.push_back(static_cast<int>(line_tops.size()));
    if (i < 5) s.gaps.push_back(tops[i + 1] - bottom);
  }
  return s;
}

// The band's title and the text below the band, whose top is where the band ends.
struct Band {
  int title_lines = 0;
  double below_top = 0;
};

Band measure_band(const std::string& title, const std::string& bounds) {
  const std::string yaml = head +
                           "  - stack:\n      area: [1, 1, 12, 24]\n      gap_mm: 10\n      elements:\n"
                           "        - box:\n            fill: \"1D4F91\"\n            extend: [top, left, right]\n"
                           "            padding_mm: 10\n" +
                           bounds + "            elements:\n              - text: {text: \"" + title +
                           "\", style: title}\n"
                           "        - text: {text: \"Onderkant\", style: step}\n";
  Band band;
  std::vector<double> tops;
  for (const auto& w : route_words(yaml)) {
    if (w.text == "Onderkant") band.below_top = w.top;
    if (w.text != "Onderkant" &&
        std::none_of(tops.begin(), tops.end(), [&](double t) { return std::abs(t - w.top) < 1; }))
      tops.push_back(w.top);
  }
  band.title_lines = static_cast<int>(tops.size());
  return band;
}

std::string problems(const std::string& yaml) {
  return test::template_problems(yaml);
}

// A stack of the first case's ambition, ten times, in a column `rows` rows high.
std::string ambitions(int rows) {
  std::string yaml = "page: {size: A1}\ngrid: {columns: 12, rows: 4}\nelements:\n  - stack:\n      area: [1, 1, 1, " +
                     std::to_string(rows) + "]\n      gap_mm: 5\n      elements:\n";
  for (int i = 0; i < 10; ++i) yaml += "        - text: {field: case.route.ambition, style: step}\n";
  return yaml;
}

double mm_over(const std::string& shown) {
  std::smatch m;
  BOOST_TEST_REQUIRE(std::regex_search(shown, m, std::regex(R"(the stack is ([\d.]+) mm over)")), shown);
  return std::stod(m[1]);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(flow)

BOOST_AUTO_TEST_CASE(six_steps_of_different_lengths_have_equal_gaps) {
  const auto s = measure_steps(route_words(six_steps({0, 1, 3, 0, 2, 1})));
  BOOST_TEST(*std::min_element(s.lines.begin(), s.lines.end()) == 1);
  BOOST_TEST(*std::max_element(s.lines.begin(), s.lines.end()) >= 4);
  const auto [least, most] = std::minmax_element(s.gaps.begin(), s.gaps.end());
  BOOST_TEST(*most - *least < 0.5 * pt_per_mm, "gaps from " << *least << " to " << *most << " pt");
  // The gap is the stack's 10 mm and the lines' leading, not a grid row.
  BOOST_TEST(*least > 8 * pt_per_mm);
  BOOST_TEST(*most < 16 * pt_per_mm);
}

BOOST_AUTO_TEST_CASE(a_stack_too_tall_shrinks_its_texts_together_to_one_size) {
  const auto roomy = measure_steps(route_words(six_steps({0, 1, 1, 0, 1, 1})));
  const auto tight = measure_steps(route_words(six_steps({1, 2, 1, 1, 1, 12}, 7)));
  // One size for all six (pdftotext's word boxes are the font's height at its size).
  BOOST_TEST(roomy.most - roomy.least < 0.1);
  BOOST_TEST(tight.most - tight.least < 0.1, "word heights from " << tight.least << " to " << tight.most);
  BOOST_TEST(tight.most < roomy.least - 1, "word heights " << tight.most << " and " << roomy.least << ", lines "
                                                           << tight.lines[5] << " and " << roomy.lines[5]);
  const auto [least, most] = std::minmax_element(tight.gaps.begin(), tight.gaps.end());
  BOOST_TEST(*most - *least < 0.5 * pt_per_mm);
}

BOOST_AUTO_TEST_CASE(with_overflow_allowed_a_label_is_never_left_without_its_text) {
  const auto words = route_words(six_steps({2, 2, 2, 2, 2, 2}, 4), true);
  int labels = 0;
  int steps = 0;
  for (const auto& w : words) {
    if (w.text == "LABEL") ++labels;
    if (w.text.starts_with("Stap")) ++steps;
  }
  BOOST_TEST(labels < 6);  // the steps past the stack's end are left out, labels and all
  BOOST_TEST(labels >= 1);
  BOOST_TEST(labels == steps);
}

BOOST_AUTO_TEST_CASE(a_repeat_flows_in_a_stack_each_item_at_its_natural_height) {
  const auto words = route_words(head + R"(  - stack:
      area: [1, 1, 7, 24]
      gap_mm: 10
      elements:
        - text: {text: "Kop", style: heading}
        - repeat:
            over: case.question_list
            gap_mm: 14
            elements:
              - text: {text: "Vraag", style: step_label}
              - text: {field: item.text, style: step}
        - text: {text: "Onderaan", style: step}
)");
  std::vector<double> tops;
  for (const auto& w : words) {
    if (w.text == "VRAAG" || w.text == "Onderaan") tops.push_back(w.top);
  }
  BOOST_TEST_REQUIRE(tops.size() >= 4u);  // three questions or more, and the text below them
  std::vector<double> gaps;
  for (std::size_t i = 0; i + 1 < tops.size(); ++i) {
    double bottom = 0;
    for (const auto& w : words) {
      if (w.top >= tops[i] - 0.5 && w.top < tops[i + 1] - 0.5) bottom = std::max(bottom, w.bottom);
    }
    gaps.push_back(tops[i + 1] - bottom);
  }
  // Between the items the repeat's gap, after the last the stack's.
  const auto [least, most] = std::minmax_element(gaps.begin(), gaps.end() - 1);
  BOOST_TEST(*most - *least < 0.5 * pt_per_mm, "gaps from " << *least << " to " << *most << " pt");
  BOOST_TEST(gaps.back() < *least - 3 * pt_per_mm);
}

BOOST_AUTO_TEST_CASE(a_band_fits_its_content_between_its_bounds) {
  const auto one = measure_band("Kort", "            max_rows: 12\n");
  const auto three = measure_band("Een titel die over drie regels van de poster loopt", "            max_rows: 12\n");
  BOOST_TEST(one.title_lines == 1);
  BOOST_TEST(three.title_lines == 3);
  BOOST_TEST(one.below_top + 100 < three.below_top, one.below_top << " and " << three.below_top);
  // At least min_mm from the area's top (bleed, margin), however short its
  // content; the next text's first word a little below the gap (its leading).
  const auto tall = measure_band("Kort", "            min_mm: 300\n");
  BOOST_TEST(tall.below_top > (3 + 40 + 300 + 10) * pt_per_mm - 1, tall.below_top);
  BOOST_TEST(tall.below_top < (3 + 40 + 300 + 10) * pt_per_mm + 10, tall.below_top);
}

BOOST_AUTO_TEST_CASE(a_stack_that_does_not_fit_is_an_error_at_the_content_with_the_mm_over) {
  const std::string shown = problems(ambitions(1));
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(test::source_dir(), diagnostics);
  const fs::path file = test::source_dir() / "cases" / (roadshow.cases.at(0).id + ".yaml");
  const int line = test::line_of(file, "  ambition:");
  BOOST_TEST(shown.find(roadshow.cases.at(0).id + ".yaml:" + std::to_string(line) + ":") != std::string::npos, shown);
  BOOST_TEST(shown.find("error: text of 'case.route.ambition' does not fit its stack on the t ") != std::string::npos);
  BOOST_TEST(shown.find("templates/t.yaml:4:5 (or build with --allow-overflow)") != std::string::npos, shown);
  // One more row (a row and a gutter: 100.75 mm at A3) is that much less over.
  const double over_one = mm_over(shown);
  const double over_two = mm_over(problems(ambitions(2)));
  BOOST_TEST(std::abs(over_one - over_two - 100.75) < 0.2, over_one << " and " << over_two);
}

BOOST_AUTO_TEST_CASE(flow_keys_are_checked_like_other_template_keys) {
  const std::string top = "page: {size: A1}\ngrid: {columns: 4, rows: 4}\nelements:\n";
  const auto misspelt = problems(top + "  - stack: {area: [1, 1, 4, 4], gap_mn: 5, elements: []}\n");
  BOOST_TEST(misspelt.find("t.yaml:4:33: error: unknown key 'gap_mn'") != std::string::npos, misspelt);
  BOOST_TEST(misspelt.find("did you mean 'gap_mm'?") != std::string::npos);
  const auto area = problems(top +
                             "  - stack:\n      area: [1, 1, 4, 4]\n      elements:\n"
                             "        - text: {area: [1, 1, 1, 1], text: x, style: body}\n");
  BOOST_TEST(area.find("t.yaml:7:24: error: an element in a stack has no area") != std::string::npos, area);
  const auto fill = problems(top + "  - fill: {area: [1, 1, 4, 4]}\n");
  BOOST_TEST(fill.find("t.yaml:4:11: error: a fill takes the room a stack leaves") != std::string::npos, fill);
  const auto rect =
      problems(top + "  - stack:\n      area: [1, 1, 4, 4]\n      elements:\n        - rect: {fill: white}\n");
  BOOST_TEST(rect.find("t.yaml:7:17: error: in a stack going down, this element needs a height") != std::string::npos,
             rect);
  const auto align = problems(top + "  - stack: {area: [1, 1, 4, 4], align: middle, elements: []}\n");
  BOOST_TEST(align.find("t.yaml:4:40: error: unknown align 'middle'") != std::string::npos, align);
  BOOST_TEST(align.find("start, center or end") != std::string::npos, align);
}

BOOST_AUTO_TEST_CASE(a_row_wider_than_its_stack_is_reported) {
  const std::string top = "page: {size: A1}\ngrid: {columns: 4, rows: 4}\nelements:\n";
  const auto shown =
      problems(top +
               "  - stack:\n      area: [1, 1, 2, 2]\n      direction: right\n      gap_mm: 10\n"
               "      elements:\n        - text: {label: route.ambition, style: step_label, width_mm: 400}\n"
               "        - text: {field: case.route.ambition, style: step}\n");
  BOOST_TEST(shown.find("does not fit its stack on the t poster at A3: the stack is ") != std::string::npos, shown);
  BOOST_TEST(mm_over(shown) > 10);
}

BOOST_AUTO_TEST_CASE(stacks_nest_at_most_four_deep) {
  std::string yaml = "page: {size: A1}\ngrid: {columns: 4, rows: 4}\nelements:\n  - stack:\n      area: [1, 1, 4, 4]\n";
  std::string indent = "      ";
  for (int i = 0; i < 4; ++i) {
    yaml += indent + "elements:\n" + indent + "  - stack:\n";
    indent += "      ";
  }
  yaml += indent + "elements: []\n";
  const auto shown = problems(yaml);
  BOOST_TEST(shown.find("error: a stack inside 4 stacks or boxes: they nest at most 4 deep") != std::string::npos,
             shown);
}

// A fill's elements are flows of their own: their depth counts from the
// fill, so four stacks inside one there are no error; a fifth is.
BOOST_AUTO_TEST_CASE(a_fills_stacks_count_their_depth_afresh) {
  const auto nested = [](int stacks) {
    std::string yaml =
        "page: {size: A1}\ngrid: {columns: 4, rows: 4}\nelements:\n  - stack:\n      area: [1, 1, 4, 4]\n"
        "      elements:\n        - fill:\n            grid: {columns: 1, rows: 1}\n"
        "            elements:\n              - stack:\n                  area: [1, 1, 1, 1]\n";
    std::string indent = "                  ";
    for (int i = 1; i < stacks; ++i) {
      yaml += indent + "elements:\n" + indent + "  - stack:\n";
      indent += "      ";
    }
    return problems(yaml + indent + "elements: []\n");
  };
  BOOST_TEST(nested(4).find("error") == std::string::npos, nested(4));
  BOOST_TEST(nested(5).find("error: a stack inside 4 stacks or boxes: they nest at most 4 deep") != std::string::npos,
             nested(5));
}

BOOST_AUTO_TEST_CASE(a_rail_needs_a_colour_and_a_stack_going_down) {
  const auto shown = problems(head + R"(  - stack:
      area: [1, 1, 12, 4]
      direction: right
      rail: {stroke: case.theme}
      elements:
        - text: {text: "Een", style: step}
  - stack:
      area: [1, 5, 12, 4]
      rail: {stroke_pt: 3, x_mm: 5}
      elements:
        - text: {text: "Een", style: step}
)");
  BOOST_TEST(shown.find("t.yaml:7:13: error: a rail joins the elements of a stack going down") != std::string::npos,
             shown);
  BOOST_TEST(shown.find("t.yaml:12:13: error: ") != std::string::npos, shown);
  BOOST_TEST(shown.find("'stroke'") != std::string::npos, shown);
}

BOOST_AUTO_TEST_SUITE_END()
