#include <impactkit/products/compose_kit.hpp>

namespace impactkit::products {

ComposeKit::ComposeKit(const content::Roadshow& roadshow, const std::string& language,
                       std::initializer_list<const char*> template_names, Diagnostics& diagnostics)
    : fonts(text::font_dirs(roadshow.root)),
      typesetter(fonts, roadshow.theme.hyphenation_exceptions),
      composer(roadshow, typesetter, diagnostics),
      labels(layout::Labels::load(roadshow.root, language, roadshow.languages, diagnostics)) {
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
