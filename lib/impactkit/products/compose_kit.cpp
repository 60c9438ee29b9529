#include <impactkit/products/compose_kit.hpp>

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

ComposeKit::ComposeKit(const content::Roadshow& roadshow, const std::string& language,
                       std::initializer_list<const char*> template_names, Diagnostics& diagnostics,
                       text::TextCache* cache)
    : fonts(text::font_dirs(roadshow.root)),
      typesetter(fonts, roadshow.theme.hyphenation_exceptions, cache),
      composer(roadshow, typesetter, diagnostics),
      labels(layout::Labels::load(roadshow.root, language, roadshow.languages, diagnostics)) {
  check_fonts(roadshow, fonts, diagnostics);
  for (const char* name : template_names) {
    if (auto t = layout::load_template(name, layout::template_dirs(roadshow.root), roadshow.languages, diagnostics)) {
      templates.emplace(name, std::move(*t));
    }
  }
}

const layout::Template* ComposeKit::find(const std::string& name) const {
  const auto found = templates.find(name);
  return found == templates.end() ? nullptr : &found->second;
}

}  // namespace impactkit::products
