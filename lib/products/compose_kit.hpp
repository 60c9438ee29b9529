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

struct ComposeKit {
  ComposeKit(const content::Roadshow& roadshow, const std::string& language,
             std::initializer_list<const char*> template_names, Diagnostics& diagnostics);

  // The template of that name, or nullptr when it could not be loaded.
  const layout::Template* find(const std::string& name) const;

  text::FontLibrary fonts;
  text::Typesetter typesetter;
  layout::Composer composer;
  layout::Labels labels;
  std::map<std::string, layout::Template> templates;
};

}  // namespace impactkit::products
