#pragma once
// Internal to lib/impactkit/layout: one page being composed. Its parts are
// in compose.cpp (the page, its grid, shapes and repeats), compose_text.cpp
// (texts and key figures), compose_marks.cpp (SDG markers, images, QR
// codes) and compose_form.cpp (a form's lines and tick boxes).

#include <impactkit/layout/compose.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace impactkit::layout::detail {

struct Box {
  double x = 0, y = 0, w = 0, h = 0;
};

// Six hex digits as a colour.
Rgb rgb(const std::string& hex);

// The fields of one element: its repeat item's first, then the page's.
struct Scope {
  const Fields* item = nullptr;
  const Fields* page = nullptr;

  const FieldText* text(std::string_view name) const;
  const std::vector<Fields>* list(std::string_view name) const;
  std::vector<std::string> names() const;
};

// The geometry of one page (or of one repeat cell): a grid of cells.
struct Grid {
  Box area;
  int columns = 1, rows = 1;
  double gutter = 0;

  Box cells(int column, int row, int spans_columns, int spans_rows) const;
};

// The text's words as its style sets them (uppercased by a style that says so).
std::string styled_body(const std::string& text, const content::ThemeStyle& style, const std::string& language);

// An element of a flow (compose_flow.cpp) as this page shows it: its texts
// read and styled, its repeats' items expanded; then measured and placed.
struct FlowNode {
  enum class Role { leaf, text, stack, box, fill };
  Role role = Role::leaf;
  const Element* e = nullptr;
  Scope scope;
  bool down = true;  // a stack's direction
  double gap = 0, pad = 0;
  std::string align = "start", cross = "start";
  std::vector<FlowNode> children;
  // a text
  std::string body, style_name;
  std::string source_text;  // the content's text, before styling (Page::sources)
  text::TextStyle style;
  std::shared_ptr<const text::Typesetter::Prepared> prepared;  // `body` in `style`, set at each size tried
  double min_pt = 0, max_pt = 0, size_pt = 0;
  SourcePos content_pos;
  // measured: the width its flow gives it, the height it takes
  std::optional<text::TypesetText> layout;
  double w = 0, h = 0;
};

class PageComposer {
 public:
  PageComposer(const content::Roadshow& roadshow, text::Typesetter& typesetter, Diagnostics& diagnostics,
               const Template& t, const Labels& labels, const ComposeOptions& options)
      : roadshow_(roadshow),
        typesetter_(typesetter),
        diagnostics_(diagnostics),
        t_(t),
        labels_(labels),
        options_(options) {}

  Page run(const Fields& fields);

 private:
  // compose.cpp
  Box box_of(const Element& e, const Grid& grid) const;
  // A field the template names; reported when it does not exist at all.
  const FieldText* field(const Element& e, const std::string& name, const Scope& scope, bool report = true);
  void unknown_field(const Element& e, const std::string& name, const Scope& scope);
  void out_of_memory(const Element& e);
  bool count_repeat_cell(const Element& e);
  std::optional<text::TypesetText> set_quietly(const Element& e, const std::string& style_name,
                                               const FieldText& content, const Box& b, const Scope& scope);
  double sign_gap(const Element& e, const std::string& style_name, const Scope& scope);
  bool place_sign_beside(const Element& e, text::TypesetText& value, text::TypesetText& unit, const Box& value_box);
  std::optional<Rgb> color(const std::string& ref, const Scope& scope, const SourcePos& pos);
  // White or the theme's text colour, whichever reads better on `ref`.
  std::optional<Rgb> ink_on(const std::string& ref, const Scope& scope, const SourcePos& pos);
  bool present(const Element& e, const std::string& name, const Scope& scope);
  bool shown(const Element& e, const Scope& scope);
  Box extended(const Element& e, Box b) const;
  void draw(const Element& e, const Scope& scope, const Grid& grid);
  void draw_at(const Element& e, const Scope& scope, const Box& b);
  void draw_repeat(const Element& e, const Scope& scope, const Box& b);
  bool repeat_fits(const Element& e, std::size_t count, double cell_w, double cell_h);

  // compose_text.cpp
  std::optional<FieldText> text_of(const Element& e, const Scope& scope);
  // `literal` with its {field} and {label:key} placeholders filled in.
  std::string expand(const Element& e, const std::string& literal, const Scope& scope);
  // Notes where the text of `e` in box `b` comes from (Page::sources).
  void note_source(const Element& e, std::string_view text, const SourcePos& value, const Box& b);
  static Box inked(const text::TypesetText& layout, const Box& b, const std::string& valign);
  const std::string* label(const Element& e, const std::string& key);
  std::optional<std::pair<text::TextStyle, content::ThemeStyle>> style(const Element& e, const std::string& name,
                                                                       const Scope& scope);
  std::optional<text::TypesetText> set(const Element& e, const std::string& style_name, const FieldText& content,
                                       const Box& b, const Scope& scope, int columns = 1, double gutter_mm = 0);
  text::TypesetText truncated(const std::string& body, const text::TextStyle& style, const text::TextBox& box,
                              double size);
  void place(const Element& e, text::TypesetText layout, const Box& b, const std::string& valign);
  void check_safe_area(const Element& e, const text::TypesetText& layout, double x, double y);
  void draw_text(const Element& e, const Scope& scope, const Box& area);
  void draw_figure(const Element& e, const Scope& scope, const Box& b);

  // compose_flow.cpp
  void draw_flow(const Element& e, const Scope& scope, const Box& area);
  std::optional<FlowNode> expand(const Element& e, const Scope& scope, double parent_gap);
  bool expand_text(FlowNode& n);
  void expand_repeat(FlowNode& n);
  double measure(FlowNode& n, double w, double t, double& over);
  double measure_row(FlowNode& n, double w, double t, double& over);
  void place(FlowNode& n, const Box& b, struct FlowReport& report);
  // The first and the last placed child's tops (none when none was placed).
  std::optional<std::pair<double, double>> place_children(FlowNode& n, const Box& inner, FlowReport& report);
  void report_flow(const Element& e, const FlowNode& root, double over, const FlowReport& report);

  // compose_marks.cpp
  void draw_sdgs(const Element& e, const Scope& scope, const Box& b);
  void draw_image(const Element& e, const Scope& scope, const Box& b);
  void draw_qr(const Element& e, const Scope& scope, const Box& b);

  // compose_form.cpp
  void draw_write(const Element& e, const Scope& scope, const Box& b);
  void draw_tick(const Element& e, const Scope& scope, const Box& b);
  void note_form_field(const Element& e, const Scope& scope, FormField::Kind kind, const Box& b);

  const content::Roadshow& roadshow_;
  text::Typesetter& typesetter_;
  Diagnostics& diagnostics_;
  const Template& t_;
  const Labels& labels_;
  const ComposeOptions& options_;
  Page page_;
  Grid page_grid_;
  double scale_ = 1;
  std::size_t repeat_cells_ = 0;  // drawn on this page, against content::max_repeat_cells_per_page
};

}  // namespace impactkit::layout::detail
