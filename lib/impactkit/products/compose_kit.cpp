#include <impactkit/products/compose_kit.hpp>

#include <impactkit/core/suggest.hpp>
#include <impactkit/products/theme_fonts.hpp>

#include <fmt/format.h>

namespace impactkit::products {

namespace {

const layout::Labels& labels_of(const content::Roadshow& roadshow, const std::string& language) {
  static const layout::Labels none;
  const auto* found = roadshow.find_labels(language);
  return found ? *found : none;
}

}  // namespace

ComposeKit::ComposeKit(const content::Roadshow& r, Diagnostics& diagnostics, text::TextCache* cache)
    : ComposeKit(r, r.languages.default_language, {}, diagnostics, cache) {}

ComposeKit::ComposeKit(const content::Roadshow& r, const std::string& language,
                       std::initializer_list<const char*> template_names, Diagnostics& diagnostics,
                       text::TextCache* cache)
    : roadshow(r),
      fonts(text::font_dirs(r.root)),
      typesetter(fonts, r.theme.hyphenation_exceptions, cache),
      composer(r, typesetter, diagnostics),
      labels(labels_of(r, language)),
      diagnostics_(diagnostics) {
  // The build checked the fonts once, with its warnings (pipeline); a kit
  // made without a build still stops at a family that is not installed.
  check_fonts(r.theme, fonts, diagnostics, FontWarnings::skip);
  for (const char* name : template_names) {
    if (!r.find_template(name)) {
      diagnostics.error({std::string(name) + ".yaml", 0, 0}, fmt::format("no template '{}' was loaded", name), {},
                        "load the roadshow with content::load_roadshow, which loads the products' templates");
    }
  }
}

const layout::Template* ComposeKit::find(const std::string& name) const {
  return roadshow.find_template(name);
}

const layout::Labels& ComposeKit::labels_in(const std::string& language) const {
  if (!roadshow.find_labels(language)) {
    diagnostics_.error(
        {"--lang", 0, 0}, fmt::format("the roadshow is not written in '{}'", language),
        "one of " + join_or(roadshow.languages.available),
        "add the language to `languages: available:` in roadshow.yaml, with its locales/" + language + ".yaml");
  }
  return labels_of(roadshow, language);
}

}  // namespace impactkit::products
