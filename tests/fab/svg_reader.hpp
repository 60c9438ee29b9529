#pragma once
// A small reader for the laser SVGs the tests check: which elements there
// are, and the contours of each layer as numbers read back from the text.

#include <cmath>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace impactkit::fab::svgtest {

struct Pt {
  double x = 0, y = 0;
};

struct SvgContour {
  std::vector<Pt> points;  // a polygon or polyline
  bool closed = false;
  bool circle = false;
  double cx = 0, cy = 0, r = 0;
  double min_x() const;
  double max_x() const;
  double min_y() const;
  double max_y() const;
};

struct SvgSheet {
  double width_mm = 0, height_mm = 0;
  std::string width_attr, height_attr, view_box;
  std::vector<std::string> element_names;                   // every element, in order
  std::vector<std::string> layers;                          // the ids of the <g>s, in order
  std::map<std::string, std::vector<SvgContour>> by_layer;  // every subpath
  std::vector<std::string> path_data;                       // every d=""
};

inline std::string attr(const std::string& tag, const std::string& name) {
  const std::regex re("\\s" + name + "=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(tag, m, re) ? m[1].str() : std::string{};
}

inline std::vector<SvgContour> parse_path(const std::string& d) {
  std::vector<SvgContour> out;
  const std::regex command("([A-Za-z])([^A-Za-z]*)");
  for (auto it = std::sregex_iterator(d.begin(), d.end(), command); it != std::sregex_iterator(); ++it) {
    const char op = (*it)[1].str()[0];
    std::istringstream args((*it)[2].str());
    if (op == 'M') out.emplace_back();
    if (op == 'Z') {
      out.back().closed = true;
      continue;
    }
    Pt p;
    args >> p.x >> p.y;
    out.back().points.push_back(p);
  }
  return out;
}

inline SvgSheet read_svg(const std::string& text) {
  SvgSheet sheet;
  const std::regex tag("<([/?!]?)([A-Za-z][\\w:.-]*)([^>]*)>");
  std::string layer;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
    const std::string close = (*it)[1].str();
    const std::string name = (*it)[2].str();
    const std::string rest = " " + (*it)[3].str();
    if (close == "?" || close == "!") continue;
    if (close == "/") {
      if (name == "g") layer.clear();
      continue;
    }
    sheet.element_names.push_back(name);
    if (name == "svg") {
      sheet.width_attr = attr(rest, "width");
      sheet.height_attr = attr(rest, "height");
      sheet.view_box = attr(rest, "viewBox");
      sheet.width_mm = std::stod(sheet.width_attr);
      sheet.height_mm = std::stod(sheet.height_attr);
    } else if (name == "g") {
      layer = attr(rest, "id");
      sheet.layers.push_back(layer);
    } else if (name == "path") {
      const std::string d = attr(rest, "d");
      sheet.path_data.push_back(d);
      for (auto& c : parse_path(d)) sheet.by_layer[layer].push_back(std::move(c));
    } else if (name == "circle") {
      SvgContour c;
      c.circle = true;
      c.closed = true;
      c.cx = std::stod(attr(rest, "cx"));
      c.cy = std::stod(attr(rest, "cy"));
      c.r = std::stod(attr(rest, "r"));
      sheet.by_layer[layer].push_back(c);
    }
  }
  return sheet;
}

inline double SvgContour::min_x() const {
  if (circle) return cx - r;
  double v = points.at(0).x;
  for (const auto& p : points) v = std::min(v, p.x);
  return v;
}
inline double SvgContour::max_x() const {
  if (circle) return cx + r;
  double v = points.at(0).x;
  for (const auto& p : points) v = std::max(v, p.x);
  return v;
}
inline double SvgContour::min_y() const {
  if (circle) return cy - r;
  double v = points.at(0).y;
  for (const auto& p : points) v = std::min(v, p.y);
  return v;
}
inline double SvgContour::max_y() const {
  if (circle) return cy + r;
  double v = points.at(0).y;
  for (const auto& p : points) v = std::max(v, p.y);
  return v;
}

struct Segment {
  Pt a, b;
  bool horizontal() const { return std::abs(a.y - b.y) < 1e-6; }
  bool vertical() const { return std::abs(a.x - b.x) < 1e-6; }
  double length() const { return std::hypot(b.x - a.x, b.y - a.y); }
};

inline std::vector<Segment> segments(const SvgContour& c) {
  std::vector<Segment> out;
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    if (i + 1 == c.points.size() && !c.closed) break;
    out.push_back({c.points[i], c.points[(i + 1) % c.points.size()]});
  }
  return out;
}

}  // namespace impactkit::fab::svgtest
