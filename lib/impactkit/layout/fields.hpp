#pragma once
// What templates can refer to: the content's values by dotted name
// (`case.title`, `roadshow.contact.team`, `item.value` inside a repeat), each
// with its source position, and the label strings of a language (content's,
// loaded with the roadshow).

#include <impactkit/content/labels.hpp>
#include <impactkit/content/model.hpp>
#include <impactkit/core/diagnostics.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::layout {

struct FieldText {
  std::string text;
  SourcePos pos;      // where the value is written in the content
  std::string color;  // for items that have one (an SDG's colour), six hex digits
};

// The values one template draws from. Lookups fall back to the parent:
// an item of a repeat sees its own fields and its page's.
class Fields {
 public:
  explicit Fields(const Fields* parent = nullptr) : parent_(parent) {}

  void set(const std::string& name, std::string text, SourcePos pos = {}, std::string color = {});
  void set(const std::string& name, const content::Text& text, std::string_view language);
  void set_list(const std::string& name, std::vector<Fields> items);

  const FieldText* text(std::string_view name) const;
  const std::vector<Fields>* list(std::string_view name) const;
  // Every name that can be looked up from here (for "did you mean").
  std::vector<std::string> names() const;
  // Every value that can be looked up from here as one text: what a page
  // made from these fields depends on. A list counts only when `uses` (a
  // template's text) names it: a case's poster does not change when another
  // case does, unless its template repeats over the cases.
  std::string fingerprint(std::string_view uses) const;

 private:
  const Fields* parent_;
  std::map<std::string, FieldText, std::less<>> texts_;
  std::map<std::string, std::vector<Fields>, std::less<>> lists_;
};

using content::Labels;

// A unit that is a sign, not a word ("%", "‰", "×"): set beside its number,
// never on a line of its own under it (a figure; item.amount).
bool unit_is_sign(const std::string& unit);

// The fields of the roadshow (roadshow.*, intro.*, cases as a list).
Fields roadshow_fields(const content::Roadshow& roadshow, const std::string& language, const Labels& labels);
// The fields of one case (case.*), with `parent` as the roadshow's.
Fields case_fields(const content::Case& c, const content::Roadshow& roadshow, const std::string& language,
                   const Labels& labels, const Fields* parent);

}  // namespace impactkit::layout
