#pragma once
// What a product needs to lay out pages from its templates: fonts, a
// typesetter and a composer, with the templates and labels the roadshow
// loaded and checked (content/loader.hpp). Every product that lays out
// pages (posters, deck, panels, wheel) makes one.

#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/typesetter.hpp>

#include <initializer_list>
#include <string>

namespace impactkit::products {

// One kit per build of a product: the fonts are opened once, and the
// typesetter's caches serve every page.
struct ComposeKit {
  // For pages in any of the roadshow's languages (labels_in). `cache`:
  // the build's text cache (text::Typesetter), if any.
  ComposeKit(const content::Roadshow& roadshow, Diagnostics& diagnostics, text::TextCache* cache = nullptr);
  // For pages in `language`, whose labels are `labels`. The templates named
  // are those the product uses: the roadshow loaded them.
  ComposeKit(const content::Roadshow& roadshow, const std::string& language,
             std::initializer_list<const char*> template_names, Diagnostics& diagnostics,
             text::TextCache* cache = nullptr);

  // The template of that name, or nullptr when the roadshow has none.
  const layout::Template* find(const std::string& name) const;
  // The labels of `language`; a language the roadshow does not have is an
  // error (and has no labels).
  const layout::Labels& labels_in(const std::string& language) const;

  const content::Roadshow& roadshow;
  text::FontLibrary fonts;
  text::Typesetter typesetter;
  layout::Composer composer;
  const layout::Labels& labels;  // of the language the kit was made for

 private:
  Diagnostics& diagnostics_;
};

}  // namespace impactkit::products
