#include <impactkit/print/svg_budget.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace impactkit::print {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

// Far above any budget, so that sums of billions cannot overflow.
constexpr std::uint64_t cap = std::uint64_t{1} << 50;
std::uint64_t add(std::uint64_t a, std::uint64_t b) {
  return std::min(cap, a + b);
}

std::string_view name_of(const xmlNode* n) {
  return reinterpret_cast<const char*>(n->name);
}

// What drawing an element costs, with every reference it makes expanded.
struct Cost {
  std::uint64_t elements = 0;
  std::uint64_t filtered = 0;  // elements drawn through a filter
  int depth = 0;               // references followed in a row
};

class Counter {
 public:
  // The file's own counts: elements, filters, ids; false past max_nesting.
  bool survey(const xmlNode* node, int nesting) {
    if (nesting > svg_limits::max_nesting) {
      problem = SvgProblem{fmt::format("the SVG nests elements more than {} deep", svg_limits::max_nesting),
                           fmt::format("at most {} levels of elements inside elements", svg_limits::max_nesting),
                           "simplify the drawing (flatten its groups) in the program that made it"};
      return false;
    }
    for (const xmlNode* n = node; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      ++elements;
      if (name_of(n) == "filter") ++filters;
      if (xmlChar* id = xmlGetProp(n, reinterpret_cast<const xmlChar*>("id"))) {
        ids.emplace(reinterpret_cast<const char*>(id), n);
        xmlFree(id);
      }
      if (!survey(n->children, nesting + 1)) return false;
    }
    return true;
  }

  Cost cost(const xmlNode* node) {
    if (problem) return {};
    if (auto it = memo_.find(node); it != memo_.end()) return it->second;
    if (!busy_.insert(node).second) {
      problem =
          SvgProblem{fmt::format("the SVG's element <{}> refers to itself, through its own references", name_of(node)),
                     "references (<use href=\"#id\">, url(#id)) that end", "remove the reference that leads back"};
      return {};
    }
    Cost c{1, 0, 0};
    for (const xmlAttr* a = node->properties; a; a = a->next) {
      xmlChar* raw = xmlNodeListGetString(node->doc, a->children, 1);
      const std::string value = raw ? reinterpret_cast<const char*>(raw) : "";
      xmlFree(raw);
      const std::string_view attr = reinterpret_cast<const char*>(a->name);
      if (attr == "filter" || (attr == "style" && value.find("filter") != std::string::npos)) c.filtered = 1;
      if (attr == "href" && value.size() > 1 && value[0] == '#') follow(value.substr(1), c);
      for (auto at = value.find("url(#"); at != std::string::npos; at = value.find("url(#", at + 5)) {
        const auto end = value.find(')', at);
        if (end != std::string::npos) follow(value.substr(at + 5, end - at - 5), c);
      }
    }
    for (const xmlNode* n = node->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      include(cost(n), c, false);
    }
    busy_.erase(node);
    memo_.emplace(node, c);
    return c;
  }

  std::uint64_t elements = 0;
  std::uint64_t filters = 0;
  std::unordered_map<std::string, const xmlNode*> ids;
  std::optional<SvgProblem> problem;

 private:
  void follow(const std::string& id, Cost& c) {
    const auto it = ids.find(id);
    if (it != ids.end()) include(cost(it->second), c, true);
  }
  static void include(const Cost& part, Cost& c, bool reference) {
    c.elements = add(c.elements, part.elements);
    c.filtered = add(c.filtered, part.filtered);
    c.depth = std::max(c.depth, part.depth + (reference ? 1 : 0));
  }

  std::unordered_map<const xmlNode*, Cost> memo_;
  std::unordered_set<const xmlNode*> busy_;
};

const char* simplify =
    "simplify the drawing in the program that made it (fewer copies, no filter such as a blur on "
    "repeated shapes), or export it as a PNG";

std::optional<SvgProblem> over_budget(const Counter& counter, const Cost& total) {
  if (counter.elements > svg_limits::max_elements) {
    return SvgProblem{fmt::format("the SVG has {} elements, more than {}", counter.elements, svg_limits::max_elements),
                      fmt::format("at most {} elements", svg_limits::max_elements), simplify};
  }
  if (counter.filters > svg_limits::max_filters) {
    return SvgProblem{fmt::format("the SVG has {} filters, more than {}", counter.filters, svg_limits::max_filters),
                      fmt::format("at most {} <filter> elements", svg_limits::max_filters), simplify};
  }
  if (total.depth > svg_limits::max_reference_depth) {
    return SvgProblem{fmt::format("the SVG's references (<use>, url(#id)) nest {} deep, more than {}", total.depth,
                                  svg_limits::max_reference_depth),
                      fmt::format("references at most {} deep", svg_limits::max_reference_depth), simplify};
  }
  if (total.elements > svg_limits::max_expanded_elements) {
    return SvgProblem{
        fmt::format("the SVG draws {}{} elements once its references (<use>, url(#id)) are expanded, "
                    "more than {}",
                    total.elements >= cap ? "over " : "", total.elements, svg_limits::max_expanded_elements),
        fmt::format("at most {} elements drawn", svg_limits::max_expanded_elements), simplify};
  }
  if (total.filtered > svg_limits::max_expanded_filtered) {
    return SvgProblem{fmt::format("the SVG draws {} elements through a filter once its references (<use>, url(#id)) "
                                  "are expanded, more than {}",
                                  total.filtered, svg_limits::max_expanded_filtered),
                      fmt::format("at most {} filtered elements drawn", svg_limits::max_expanded_filtered), simplify};
  }
  return std::nullopt;
}

}  // namespace

std::optional<SvgProblem> check_svg_budget(std::string_view bytes) {
  if (bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b') {
    return SvgProblem{"the SVG is compressed (.svgz)", "an uncompressed SVG", "save it as a plain .svg"};
  }
  // No network, no DTD loaded, entities left unsubstituted; libxml2's own
  // depth and size limits hold (no XML_PARSE_HUGE).
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  const std::unique_ptr<xmlDoc, DocDeleter> doc(xmlReadMemory(
      bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), 1U << 30)), nullptr, nullptr, options));
  if (!doc) {
    const xmlError* error = xmlGetLastError();
    std::string why = error && error->message ? error->message : "not XML";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    return SvgProblem{fmt::format("the SVG is not well-formed XML (line {}: {})", error ? error->line : 0, why),
                      "a well-formed SVG file", "export it again from the program that made it"};
  }
  if (doc->intSubset && doc->intSubset->entities) {
    return SvgProblem{"the SVG declares XML entities (<!ENTITY>)", "an SVG without a DOCTYPE of entities",
                      "export it again as plain SVG"};
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return SvgProblem{"the SVG has no elements", "an <svg> element", "export it again"};
  Counter counter;
  if (!counter.survey(root, 1)) return counter.problem;
  const Cost total = counter.cost(root);
  if (counter.problem) return counter.problem;
  return over_budget(counter, total);
}

SvgCheck svg_budget_check() {
  return [](std::string_view svg) -> std::optional<SvgLinkProblem> {
    auto problem = check_svg_budget(svg);
    if (!problem) return std::nullopt;
    return SvgLinkProblem{std::move(problem->what), std::move(problem->expected), std::move(problem->fix), true};
  };
}

}  // namespace impactkit::print
