#include <impactkit/products/source_map.hpp>

#include <nlohmann/json.hpp>

namespace impactkit::products {

namespace {

std::string place(const SourcePos& pos) {
  if (pos.file.empty()) return {};
  return pos.line > 0 ? format(pos) : pos.file;
}

}  // namespace

std::string source_map_json(const layout::Page& page) {
  nlohmann::json spots = nlohmann::json::array();
  const double w = page.trim_width_pt > 0 ? page.trim_width_pt : 1;
  const double h = page.trim_height_pt > 0 ? page.trim_height_pt : 1;
  for (const auto& s : page.sources) {
    spots.push_back({{"x", s.x_pt / w},
                     {"y", s.y_pt / h},
                     {"w", s.width_pt / w},
                     {"h", s.height_pt / h},
                     {"field", s.field},
                     {"text", s.text},
                     {"source", place(s.value)},
                     {"element", place(s.element)}});
  }
  return nlohmann::json{{"aspect", w / h}, {"spots", spots}}.dump(-1, ' ', false,
                                                                  nlohmann::json::error_handler_t::replace) +
         "\n";
}

std::filesystem::path source_map_path(const std::filesystem::path& preview) {
  std::filesystem::path map = preview;
  map.replace_extension(".map.json");
  return map;
}

}  // namespace impactkit::products
