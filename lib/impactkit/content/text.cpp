#include <impactkit/content/text.hpp>

namespace impactkit::content {

const std::string& Text::get(std::string_view language) const {
  static const std::string none;
  if (auto it = by_language.find(language); it != by_language.end()) return it->second;
  if (auto it = by_language.find(default_language); it != by_language.end()) return it->second;
  return none;
}

}  // namespace impactkit::content
