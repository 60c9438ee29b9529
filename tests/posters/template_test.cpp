// Template errors are reported like content errors: file:line:col, what was
// expected, and a "did you mean".

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/template.hpp>

#include "failing_allocation.hpp"
#include "support.hpp"
#include "template_problems.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

std::string problems(const std::string& yaml, long fail_allocation = 0) {
  return test::template_problems(yaml, fail_allocation);
}

const std::string head = "page: {size: A1}\ngrid: {columns: 4, rows: 4}\nelements:\n";

// `levels` repeats over the cases, each inside the one before; a rect in the innermost.
std::string nested_repeats(int levels) {
  std::string yaml = head;
  std::string indent = "  ";
  for (int i = 0; i < levels; ++i) {
    yaml += indent + "- repeat:\n" + indent + "    area: " + (i == 0 ? "[1, 1, 4, 4]" : "cell") + "\n" + indent +
            "    over: roadshow.cases\n" + indent + "    elements:\n";
    indent += "      ";
  }
  return yaml + indent + "- rect: {area: cell, fill: primary}\n";
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(a_valid_template_composes_without_problems) {
  BOOST_TEST(problems(head + "  - text: {area: [1, 1, 4, 1], field: case.title, style: heading}\n") == "");
}

BOOST_AUTO_TEST_CASE(unknown_element) {
  const auto p = problems(head + "  - txet: {area: [1, 1, 1, 1]}\n");
  BOOST_TEST(has(p, "t.yaml:4:5: error: unknown element 'txet'"), p);
  BOOST_TEST(has(p, "fix: did you mean 'text'?"), p);
}

BOOST_AUTO_TEST_CASE(unknown_key_of_an_element) {
  const auto p = problems(head + "  - text: {area: [1, 1, 1, 1], field: case.title, style: heading, colour: white}\n");
  BOOST_TEST(has(p, "t.yaml:4:67: error: unknown key 'colour' in text element"), p);
  BOOST_TEST(has(p, "did you mean 'color'?"), p);
}

BOOST_AUTO_TEST_CASE(area_outside_the_grid) {
  const auto p = problems(head + "  - rect: {area: [3, 1, 3, 1], fill: theme.primary}\n");
  BOOST_TEST(has(p, "t.yaml:4:18: error: area [3, 1, 3, 1] leaves the 4x4 grid"), p);
}

BOOST_AUTO_TEST_CASE(unknown_field_with_a_suggestion) {
  const auto p = problems(head + "  - text: {area: [1, 1, 4, 1], field: case.titel, style: heading}\n");
  BOOST_TEST(has(p, "t.yaml:4:39: error: template t names unknown field 'case.titel'"), p);
  BOOST_TEST(has(p, "did you mean 'case.title'?"), p);
}

BOOST_AUTO_TEST_CASE(unknown_style_and_label) {
  const auto style = problems(head + "  - text: {area: [1, 1, 4, 1], field: case.title, style: headng}\n");
  BOOST_TEST(has(style, "t.yaml:4:5: error: template t uses style 'headng', which the theme does not have"), style);
  BOOST_TEST(has(style, "did you mean 'heading'?"), style);
  const auto label = problems(head + "  - text: {area: [1, 1, 4, 1], label: route.ambitoin, style: heading}\n");
  BOOST_TEST(has(label, "error: template t names label 'route.ambitoin'"), label);
  BOOST_TEST(has(label, "did you mean 'route.ambition'?"), label);
}

BOOST_AUTO_TEST_CASE(unknown_colour) {
  const auto p = problems(head + "  - rect: {area: [1, 1, 1, 1], fill: theme.primery}\n");
  BOOST_TEST(has(p, "t.yaml:4:5: error: unknown colour 'theme.primery'"), p);
  BOOST_TEST(has(p, "did you mean 'theme.primary'?"), p);
}

BOOST_AUTO_TEST_CASE(yaml_syntax_and_missing_template) {
  const auto p = problems(head + "  - text: {area: [1, 1, 4, 1]: field}\n");
  BOOST_TEST(has(p, "t.yaml:4:"), p);
  BOOST_TEST(has(p, "YAML syntax error"), p);
  Diagnostics diagnostics;
  BOOST_TEST(!content::load_template("bestaat-niet", {"/nonexistent"}, {}, diagnostics).has_value());
  BOOST_TEST(
      has(format(diagnostics.all().at(0)), "no template 'bestaat-niet'; looked for /nonexistent/bestaat-niet.yaml"));
}

BOOST_AUTO_TEST_CASE(text_in_the_safe_area_along_the_trim_is_a_warning) {
  const auto p = problems(head + "  - text: {area: page, field: case.title, style: heading}\n");
  BOOST_TEST(has(p, "t.yaml:4:5: warning: text of the t poster reaches into the 5 mm safe area along the trim"), p);
  BOOST_TEST(!has(p, "error"), p);
}

BOOST_AUTO_TEST_CASE(a_qr_code_is_vector_squares) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "templates");
  write_file_atomically(dir.path() / "templates/t.yaml",
                        head + "  - qr: {area: [1, 1, 2, 2], text: \"https://example.org/impact\"}\n");
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(test::source_dir(), diagnostics);
  const auto t = content::load_template("t", {dir.path() / "templates"}, roadshow.languages, diagnostics);
  BOOST_TEST_REQUIRE(t.has_value());
  text::FontLibrary fonts;
  text::Typesetter typesetter(fonts);
  const auto& labels = *roadshow.find_labels("nl");
  const auto fields = layout::roadshow_fields(roadshow, "nl", labels);
  layout::Composer composer(roadshow, typesetter, diagnostics);
  const auto page = composer.compose(*t, fields, labels, {"nl", *layout::paper_size("A3")});
  BOOST_TEST(!diagnostics.has_errors());
  // A white square behind, then the dark modules as rectangles (at least 21 rows of a version-1 code).
  BOOST_TEST(page.items.size() > 30u);
  for (const auto& item : page.items) BOOST_TEST(std::holds_alternative<layout::RectItem>(item));
}

// Issue 18: eight nested repeats over the six cases drew 6^8 cells and ran
// out of memory (std::bad_alloc, no file:line). Refused when loaded.
BOOST_AUTO_TEST_CASE(repeats_nest_at_most_two_deep) {
  BOOST_TEST(problems(nested_repeats(2)) == "");
  const std::string eight = problems(nested_repeats(8));
  BOOST_TEST(has(eight, "t.yaml:12:17: error: a repeat inside 2 repeats: repeats nest at most 2 deep"), eight);
  BOOST_TEST(std::count(eight.begin(), eight.end(), '\n') == 3, eight);  // one error, its expected and fix lines
  BOOST_TEST(has(problems(nested_repeats(3)), "t.yaml:12:17: error: a repeat inside 2 repeats"));
}

BOOST_AUTO_TEST_CASE(a_template_has_at_most_500_elements) {
  std::string yaml = head;
  for (int i = 0; i < 501; ++i) yaml += "  - rect: {area: [1, 1, 1, 1], fill: primary}\n";
  const std::string out = problems(yaml);
  BOOST_TEST(has(out, "t.yaml:504:5: error: the template has more than 500 elements"), out);
}

BOOST_AUTO_TEST_CASE(repeat_cells_of_negative_size_are_an_error_at_the_repeat) {
  // Six cases in one grid cell of an A1 page, with the page's gutter of
  // 60 mm between each two: the cells were -40 mm high and drawn outside.
  const std::string out = problems(
      "page: {size: A1}\ngrid: {columns: 4, rows: 12, gutter_mm: 60, margin_mm: 10}\nelements:\n"
      "  - repeat:\n      area: [1, 1, 4, 1]\n      over: roadshow.cases\n      elements:\n"
      "        - rect: {area: cell, fill: primary}\n");
  BOOST_TEST(has(out, "t.yaml:4:5: error: the repeat's 6 items leave cells of"), out);
  BOOST_TEST(has(out, "nothing can be drawn in them"), out);
}

// Issue 20: `wrap` lines a grid repeat's cells up in rows of so many; a
// repeat in a flow, which has no cells, does not take it.
BOOST_AUTO_TEST_CASE(wrap_is_for_grid_repeats_and_a_sign_style_is_a_style_of_the_theme) {
  const std::string grid = head +
                           "  - repeat:\n      area: [1, 1, 4, 4]\n      over: roadshow.cases\n      direction: right\n"
                           "      wrap: 3\n      elements:\n        - rect: {area: cell, fill: primary}\n";
  BOOST_TEST(problems(grid) == "");
  const auto flow = problems(head +
                             "  - stack:\n      area: [1, 1, 4, 4]\n      elements:\n        - repeat:\n"
                             "            over: roadshow.cases\n            wrap: 3\n            elements:\n"
                             "              - text: {field: item.title, style: heading}\n");
  BOOST_TEST(has(flow, "t.yaml:9:13: error: unknown key 'wrap' in repeat element"), flow);
  const auto sign = problems(head + "  - figure: {area: [1, 1, 4, 2], field: case.figure, sign_style: figur_unit}\n");
  BOOST_TEST(has(sign, "uses style 'figur_unit', which the theme does not have"), sign);
  BOOST_TEST(has(sign, "did you mean 'figure_unit'?"), sign);
}

// Issue 18: a build past its memory budget ended in std::bad_alloc, exit 1
// and no file:line. Now the page being composed is an error at the
// template's element that was composing (here the repeat, whichever of
// its cells ran out).
BOOST_AUTO_TEST_CASE(running_out_of_memory_while_composing_is_an_error_at_the_element) {
  const std::string yaml = head +
                           "  - rect: {area: [1, 1, 4, 1], fill: primary}\n"
                           "  - repeat:\n      area: [1, 2, 4, 3]\n      over: roadshow.cases\n      elements:\n"
                           "        - text: {area: cell, field: case.title, style: heading}\n";
  BOOST_TEST(problems(yaml) == "");
  const std::string out = problems(yaml, 200);
  BOOST_TEST(has(out,
                 "t.yaml:5:5: error: composing this element of template t needed more memory than the "
                 "build may use"),
             out);
  BOOST_TEST(has(out, "fix: draw fewer or smaller things here"), out);
}

BOOST_AUTO_TEST_SUITE_END()
