#pragma once
// The source map of a preview, `NAME.map.json` beside `NAME.png`, written
// by the builds of the live preview (`impactkit serve`; BuildSettings::
// source_maps): where each text on the page comes from, so that pointing
// at a title shows the YAML line to edit.
//
//   {"aspect": 0.707,                                        // trim width / height
//    "spots": [{"x": 0.07, "y": 0.04, "w": 0.86, "h": 0.1,   // of the trim
//               "field": "case.title", "text": "Warmtepomp uit Staphorst",
//               "source": "cases/warmtepomp-staphorst.yaml:3:7",
//               "element": "templates/poster-route.yaml:21:5"}]}

#include <impactkit/layout/page.hpp>

#include <filesystem>
#include <string>

namespace impactkit::products {

std::string source_map_json(const layout::Page& page);

// NAME.png -> NAME.map.json
std::filesystem::path source_map_path(const std::filesystem::path& preview);

}  // namespace impactkit::products
