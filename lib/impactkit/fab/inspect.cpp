#include <impactkit/core/file_io.hpp>
#include <impactkit/fab/inspect.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <set>
#include <stdexcept>
#include <string_view>
#include <system_error>

namespace impactkit::fab {
namespace {

// A file in the output folder is as untrusted as the content: a fork can
// carry one. Preflight parses it with libxml2 (std::regex recursed per
// character and overflowed the stack on a 100,000-digit width), within
// these limits: no network, no external DTD, entities left unexpanded,
// libxml2's default depth and text limits (no XML_PARSE_HUGE), and a size
// cap far above a laser sheet's few megabytes (docs/limits.md).
constexpr std::uintmax_t max_sheet_bytes = 64ull << 20;
constexpr int parse_options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR | XML_PARSE_NOCDATA;

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};

bool named(const xmlNode* n, const char* name) {
  return xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string attribute_text(const xmlNode* n, const char* name) {
  const std::unique_ptr<xmlChar, XmlFree> v(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
  return v ? std::string(reinterpret_cast<const char*>(v.get())) : std::string();
}

// The number a value starts with ("1200.000mm": 1200); a value that is not
// one, or not finite, throws: the check then fails as "readable".
double leading_number(std::string_view text, const char* what) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n')) text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || !std::isfinite(value)) {
    throw std::runtime_error(std::string(what) + " is not a number of a size a sheet can have: '" +
                             std::string(text.substr(0, 40)) + (text.size() > 40 ? "…'" : "'"));
  }
  return value;
}

double attribute(const xmlNode* n, const char* name) {
  const std::string v = attribute_text(n, name);
  return v.empty() ? 0 : leading_number(v, name);
}

void grow(std::optional<Bounds>& b, double x, double y) {
  if (!b) {
    b = Bounds{x, y, x, y};
    return;
  }
  b->min_x = std::min(b->min_x, x);
  b->min_y = std::min(b->min_y, y);
  b->max_x = std::max(b->max_x, x);
  b->max_y = std::max(b->max_y, y);
}

// The next white-space separated token of `d` from `at`.
std::string_view token(std::string_view d, std::size_t& at) {
  at = d.find_first_not_of(" \t\r\n", at);
  if (at == std::string_view::npos) return {};
  const std::size_t end = std::min(d.find_first_of(" \t\r\n", at), d.size());
  const std::string_view t = d.substr(at, end - at);
  at = end;
  return t;
}

// The subpaths of a path's d attribute, as written by sheet_svg: M, L, Z
// with absolute coordinates, each as a polygon; `open` counts those
// without a closing Z.
std::vector<Polygon> read_path(std::string_view d, std::size_t& open_count) {
  std::vector<Polygon> out;
  bool open = false;
  std::size_t at = 0;
  for (std::string_view t = token(d, at); !t.empty(); t = token(d, at)) {
    const char op = t[0];
    if (op == 'M' || op == 'L') {
      if (op == 'M') {
        if (open) ++open_count;
        out.emplace_back();
        open = true;
      }
      const double x = leading_number(t.substr(1), "a path's x");
      const double y = leading_number(token(d, at), "a path's y");
      if (out.empty()) {  // an L before any M: kept, as a laser would draw it
        out.emplace_back();
        open = true;
      }
      out.back().push_back({x, y});
    } else if (op == 'Z' || op == 'z') {
      open = false;
    }
  }
  if (open) ++open_count;
  return out;
}

void read_cut(const xmlNode* n, SheetFacts& facts) {
  if (named(n, "path")) {
    for (Polygon& p : read_path(attribute_text(n, "d"), facts.open_cut_contours)) {
      ++facts.cut_contours;
      for (const Point& q : p) grow(facts.cut_extent, q.x, q.y);
      facts.drawn.cuts.push_back(Contour::of(std::move(p)));
    }
  }
  if (named(n, "circle")) {
    const double cx = attribute(n, "cx");
    const double cy = attribute(n, "cy");
    const double r = attribute(n, "r");
    ++facts.cut_contours;
    grow(facts.cut_extent, cx - r, cy - r);
    grow(facts.cut_extent, cx + r, cy + r);
    facts.drawn.cuts.push_back(Contour::of(Circle{{cx, cy}, r}));
  }
}

// The engraving and the notes: filled paths, for the geometry check.
void read_filled(const xmlNode* n, const std::string& layer, SheetFacts& facts) {
  if (!named(n, "path")) return;
  std::size_t open = 0;  // a filled path's subpaths close by themselves
  auto contours = read_path(attribute_text(n, "d"), open);
  if (layer == "engrave") {
    for (Polygon& p : contours) facts.drawn.engravings.push_back(std::move(p));
  } else if (!contours.empty()) {
    facts.drawn.notes.push_back(std::move(contours));
  }
}

// Every element below `n`; libxml2 caps the depth (256 without
// XML_PARSE_HUGE), so this recursion is bounded.
void visit(const xmlNode* first, const std::string& layer, SheetFacts& facts) {
  static const std::set<std::string> allowed = {"svg", "g", "path", "circle"};
  for (const xmlNode* n = first; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const std::string name(reinterpret_cast<const char*>(n->name));
    if (!allowed.count(name)) facts.forbidden.push_back(name);
    if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("transform"))) facts.transforms = true;
    if (name == "svg" && n->parent && n->parent->type == XML_DOCUMENT_NODE) {
      facts.width_mm = attribute(n, "width");
      facts.height_mm = attribute(n, "height");
      const std::string box = attribute_text(n, "viewBox");
      std::size_t at = 0;
      std::array<double, 4> v{};
      for (auto& x : v) {
        const auto t = token(box, at);
        x = t.empty() ? 0 : leading_number(t, "viewBox");
      }
      facts.view_width = v[2];
      facts.view_height = v[3];
    }
    const std::string id = name == "g" ? attribute_text(n, "id") : std::string();
    const std::string& in = id == "cut" || id == "engrave" || id == "notes" ? id : layer;
    if (in == "cut") read_cut(n, facts);
    if (in == "engrave" || in == "notes") read_filled(n, in, facts);
    visit(n->children, in, facts);
  }
}

}  // namespace

SheetFacts inspect_sheet_svg(const std::filesystem::path& svg) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(svg, ec);
  if (ec) throw std::runtime_error("cannot read " + svg.string() + ": " + ec.message());
  if (size > max_sheet_bytes) {
    throw std::runtime_error("larger than preflight reads: " + std::to_string(size) + " bytes, at most " +
                             std::to_string(max_sheet_bytes));
  }
  const auto text = read_file(svg);
  if (!text) throw std::runtime_error("cannot read " + svg.string());
  xmlInitParser();  // once per process; a no-op after the first
  const std::unique_ptr<xmlDoc, DocFree> doc(
      xmlReadMemory(text->data(), static_cast<int>(text->size()), nullptr, nullptr, parse_options));
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    throw std::runtime_error(e && e->message ? "not well-formed XML, line " + std::to_string(e->line) + ": " +
                                                   std::string(e->message, strnlen(e->message, 200))
                                             : std::string("not well-formed XML"));
  }
  SheetFacts facts;
  visit(xmlDocGetRootElement(doc.get()), std::string(), facts);
  facts.drawn.width_mm = facts.view_width;
  facts.drawn.height_mm = facts.view_height;
  return facts;
}

}  // namespace impactkit::fab
