#pragma once
// Composing a page: a template, filled with the fields of a case (or of the
// roadshow), at a paper size, set with the theme's styles, as a display list.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/layout/page.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/text/typesetter.hpp>

#include <string>

namespace impactkit::layout {

struct ComposeOptions {
  std::string language = "nl";
  PaperSize size;               // the page's size; the template scales to it
  bool allow_overflow = false;  // text that does not fit: a warning and an ellipsis, not an error
  double bleed_mm = -1;         // < 0: the template's
  std::string product = "poster";  // what the page is, in messages: "on the card-role card at poker"
  // False for a page only engraved, whose colours are never printed.
  bool check_contrast = true;
};

class Composer {
 public:
  Composer(const content::Roadshow& roadshow, text::Typesetter& typesetter, Diagnostics& diagnostics)
      : roadshow_(roadshow), typesetter_(typesetter), diagnostics_(diagnostics) {}

  // The page; problems (a field the template names that does not exist,
  // text that does not fit) go to the diagnostics, at the content's YAML
  // line where there is one.
  Page compose(const Template& t, const Fields& fields, const Labels& labels, const ComposeOptions& options);

 private:
  const content::Roadshow& roadshow_;
  text::Typesetter& typesetter_;
  Diagnostics& diagnostics_;
};

}  // namespace impactkit::layout
