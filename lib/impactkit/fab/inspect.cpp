#include <impactkit/core/file_io.hpp>
#include <impactkit/fab/inspect.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace impactkit::fab {
namespace {

double attribute(const std::string& tag, const std::string& name) {
  const std::regex re("\\b" + name + "=\"([-\\d.]+)");
  std::smatch m;
  return std::regex_search(tag, m, re) ? std::stod(m[1]) : 0;
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

// The subpaths of a path's d attribute, as written by sheet_svg: M, L, Z
// with absolute coordinates. Counts them and the open ones; grows `extent`.
void read_path(const std::string& d, SheetFacts& facts) {
  std::istringstream in(d);
  bool open = false;
  for (std::string token; in >> token;) {
    const char op = token[0];
    if (op == 'M' || op == 'L') {
      if (op == 'M') {
        if (open) ++facts.open_cut_contours;
        ++facts.cut_contours;
        open = true;
      }
      std::string y;
      in >> y;
      grow(facts.cut_extent, std::stod(token.substr(1)), std::stod(y));
    } else if (op == 'Z' || op == 'z') {
      open = false;
    }
  }
  if (open) ++facts.open_cut_contours;
}

}  // namespace

SheetFacts inspect_sheet_svg(const std::filesystem::path& svg) {
  const auto text = read_file(svg);
  if (!text) throw std::runtime_error("cannot read " + svg.string());
  SheetFacts facts;
  // A scan, not std::regex: libstdc++'s regex recurses per character and
  // overflows the stack on the long `d` attributes of engraved text.
  static const std::set<std::string> allowed = {"svg", "g", "path", "circle"};
  for (std::size_t at = text->find('<'); at != std::string::npos; at = text->find('<', at + 1)) {
    const std::size_t end = text->find('>', at);
    if (end == std::string::npos) break;
    const std::string_view t(text->data() + at + 1, end - at - 1);
    if (t.empty() || t[0] == '/' || t[0] == '?' || t[0] == '!') continue;
    const std::size_t name_end = std::min(t.find_first_of(" \t\n/"), t.size());
    const std::string name(t.substr(0, name_end));
    if (!allowed.count(name)) facts.forbidden.push_back(name);
    if (t.find("transform=") != std::string_view::npos) facts.transforms = true;
    if (name == "svg") {
      const std::string attributes(t);
      facts.width_mm = attribute(attributes, "width");
      facts.height_mm = attribute(attributes, "height");
      std::smatch m;
      if (std::regex_search(attributes, m, std::regex(R"re(viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)")re"))) {
        facts.view_width = std::stod(m[3]);
        facts.view_height = std::stod(m[4]);
      }
    }
    at = end;
  }
  // The cut layer: paths and circles.
  const auto start = text->find("<g id=\"cut\"");
  if (start != std::string::npos) {
    const std::string layer = text->substr(start, text->find("</g>", start) - start);
    static constexpr std::string_view path_start = "<path d=\"";
    for (auto at = layer.find(path_start); at != std::string::npos; at = layer.find(path_start, at + 1)) {
      const auto from = at + path_start.size();
      read_path(layer.substr(from, layer.find('"', from) - from), facts);
    }
    static constexpr std::string_view circle_start = "<circle ";
    for (auto at = layer.find(circle_start); at != std::string::npos; at = layer.find(circle_start, at + 1)) {
      const std::string c = layer.substr(at, layer.find('>', at) - at);
      const double cx = attribute(c, "cx");
      const double cy = attribute(c, "cy");
      const double r = attribute(c, "r");
      ++facts.cut_contours;
      grow(facts.cut_extent, cx - r, cy - r);
      grow(facts.cut_extent, cx + r, cy + r);
    }
  }
  return facts;
}

}  // namespace impactkit::fab
