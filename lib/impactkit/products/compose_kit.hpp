#pragma once
// What a product needs to lay out pages from its templates in one language:
// fonts, a typesetter, a composer, the language's labels and the templates,
// loaded once. Problems (a template or locale with errors) go to the
// diagnostics given.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/typesetter.hpp>

#include <initializer_list>
#include <map>
#include <string>

namespace impactkit::products {

// Opens the font of every style of the theme, and reports each that cannot
// be found at the style in the theme (exit code 2), before anything is laid
// out: a missing font is an error in the theme, not a file that cannot be
// read, and is reported once, not on every page.
void check_fonts(const content::Roadshow& roadshow, text::FontLibrary& fonts, Diagnostics& diagnostics);

struct ComposeKit {
  // `cache`: see text::Typesetter.
  ComposeKit(const content::Roadshow& roadshow, const std::string& language,
             std::initializer_list<const char*> template_names, Diagnostics& diagnostics,
             text::TextCache* cache = nullptr);

  // The template of that name, or nullptr when it could not be loaded.
  const layout::Template* find(const std::string& name) const;

  text::FontLibrary fonts;
  text::Typesetter typesetter;
  layout::Composer composer;
  layout::Labels labels;
  std::map<std::string, layout::Template> templates;
};

}  // namespace impactkit::products
