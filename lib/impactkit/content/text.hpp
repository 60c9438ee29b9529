#pragma once
// A text field of the content: one string per language.

#include <impactkit/core/diagnostics.hpp>

#include <map>
#include <string>
#include <string_view>

namespace impactkit::content {

// In YAML either a plain string (the roadshow's default language) or a map
// per language (`nl: …`, `en: …`). A language that is missing falls back to
// the default language, which is always present in a loaded text.
struct Text {
  std::map<std::string, std::string, std::less<>> by_language;
  std::string default_language;
  SourcePos pos;

  bool empty() const { return by_language.empty(); }
  bool has(std::string_view language) const { return by_language.find(language) != by_language.end(); }
  // The text in `language`, else in the default language, else "".
  const std::string& get(std::string_view language) const;
  const std::string& get() const { return get(default_language); }
};

}  // namespace impactkit::content
