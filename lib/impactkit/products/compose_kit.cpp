#include <impactkit/products/compose_kit.hpp>

#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>

#include <set>

namespace impactkit::products {

void check_fonts(const content::Roadshow& roadshow, text::FontLibrary& fonts, Diagnostics& diagnostics) {
  std::set<text::FontRequest> missing;
  for (const auto& style : roadshow.theme.styles) {
    const text::FontRequest request{style.font.empty() ? roadshow.theme.body_font : style.font, style.weight,
                                    style.italic};
    if (missing.contains(request)) continue;
    try {
      fonts.find(request);  // opened when a text is set in it
    } catch (const text::FontError& e) {
      missing.insert(request);
      // FontError says where it looked: "font X not found; looked in …. Put …".
      const std::string why = e.what();
      const auto looked = why.find("looked in");
      const auto advice = why.find(". Put ");
      diagnostics.error(
          style.pos,
          fmt::format("style '{}' needs the font {}, which is not installed", style.name, text::describe(request)),
          looked != std::string::npos && advice > looked
              ? "the font in one of the places searched: " + why.substr(looked + 10, advice - looked - 10)
              : "a font file in the content root's fonts/ folder, or a font installed on the system",
          "put the font's file in the content root's fonts/, install it, or name another family (`fonts: body:`, or "
          "the style's `font:`)");
    }
  }
}

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
  check_fonts(r, fonts, diagnostics);
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
