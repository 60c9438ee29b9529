#pragma once
// Internal to lib/impactkit/layout: one page being composed. Its parts are
// in compose.cpp (the page, its grid, shapes and repeats), compose_text.cpp
// (texts and key figures) and compose_marks.cpp (SDG markers, images, QR
// codes).

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
  std::optional<Rgb> color(const std::string& ref, const Scope& scope, const SourcePos& pos);
  bool present(const Element& e, const std::string& name, const Scope& scope);
  bool shown(const Element& e, const Scope& scope);
  Box extended(const Element& e, Box b) const;
  void draw(const Element& e, const Scope& scope, const Grid& grid);
  void draw_repeat(const Element& e, const Scope& scope, const Box& b);
  bool repeat_fits(const Element& e, std::size_t count, double cell_w, double cell_h);

  // compose_text.cpp
  std::optional<FieldText> text_of(const Element& e, const Scope& scope);
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

  // compose_marks.cpp
  void draw_sdgs(const Element& e, const Scope& scope, const Box& b);
  void draw_image(const Element& e, const Box& b);
  void draw_qr(const Element& e, const Scope& scope, const Box& b);

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
