#pragma once
// The label strings of one language (locales/LANG.yaml): "route.ambitie" ->
// "Ambitie". A fork in another language adds a file, not code. Content
// loads them with the roadshow (content/loader.hpp); templates name them.

#include <impactkit/core/diagnostics.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::content {

class Labels {
 public:
  struct Label {
    std::string text;
    SourcePos pos;  // of its key in the locale file
  };

  const std::string* find(std::string_view key) const;
  std::vector<std::string> keys() const;
  const std::map<std::string, Label, std::less<>>& all() const { return strings_; }
  // The locale file as diagnostics show it, and the text it was loaded from
  // (what a build key hashes).
  const std::string& file() const { return file_; }
  const std::string& source() const { return source_; }

 private:
  friend class LabelsLoader;
  std::string file_;
  std::string source_;
  std::map<std::string, Label, std::less<>> strings_;
};

}  // namespace impactkit::content
