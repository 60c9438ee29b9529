#include <impactkit/serve/gallery.hpp>

#include <impactkit/core/digest.hpp>

#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <system_error>

namespace impactkit::serve {
namespace fs = std::filesystem;

namespace {

// The subfolders of `folder`, by name, hidden ones and pdfx/ left out.
std::vector<fs::path> folders_in(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_directory(ec) && !name.starts_with(".") && name != "pdfx") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Of a preview and its source map together: a page that read the state
// while a build moved its files into place reads it again after the build.
std::string version_of(const std::vector<fs::path>& files) {
  Digest d;
  for (const auto& file : files) {
    std::error_code ec;
    const auto time = fs::last_write_time(file, ec).time_since_epoch().count();
    const auto size = fs::file_size(file, ec);
    d.add(static_cast<std::uint64_t>(time)).add(static_cast<std::uint64_t>(ec ? 0 : size));
  }
  return d.hex();
}

GalleryItem item(const fs::path& output_dir, const fs::path& image, const std::string& alt) {
  GalleryItem it;
  it.title = image.stem().string();
  it.alt = alt;
  it.image = image.lexically_relative(output_dir).generic_string();
  fs::path pdf = image;
  pdf.replace_extension(".pdf");
  std::error_code ec;
  if (fs::is_regular_file(pdf, ec)) it.pdf = pdf.lexically_relative(output_dir).generic_string();
  fs::path map = image;
  map.replace_extension(".map.json");
  if (fs::is_regular_file(map, ec)) it.map = map.lexically_relative(output_dir).generic_string();
  it.version = it.map.empty() ? version_of({image}) : version_of({image, map});
  return it;
}

void add_group(std::vector<GalleryGroup>& groups, GalleryGroup group) {
  if (!group.items.empty()) groups.push_back(std::move(group));
}

}  // namespace

std::vector<GalleryGroup> gallery(const fs::path& output_dir) {
  std::vector<GalleryGroup> groups;
  for (const auto& lang : folders_in(output_dir / "posters")) {
    for (const auto& size : folders_in(lang)) {
      const std::string where = fmt::format("{}, {}", lang.filename().string(), size.filename().string());
      GalleryGroup g{fmt::format("Posters · {} · {}", lang.filename().string(), size.filename().string()), {}};
      for (const auto& png : files_with_extension(size, ".png")) {
        g.items.push_back(item(output_dir, png, fmt::format("Poster {}, {}", png.stem().string(), where)));
      }
      add_group(groups, std::move(g));
    }
  }
  for (const auto& lang : folders_in(output_dir / "cards")) {
    GalleryGroup g{fmt::format("Card faces · {}", lang.filename().string()), {}};
    for (const auto& png : files_with_extension(lang / "faces", ".png")) {
      g.items.push_back(
          item(output_dir, png, fmt::format("Card {}, {}", png.stem().string(), lang.filename().string())));
    }
    add_group(groups, std::move(g));
  }
  for (const auto& lang : folders_in(output_dir / "forms")) {
    GalleryGroup g{fmt::format("Question form · {}", lang.filename().string()), {}};
    for (const auto& png : files_with_extension(lang / "previews", ".png")) {
      g.items.push_back(
          item(output_dir, png, fmt::format("Question form {}, {}", png.stem().string(), lang.filename().string())));
    }
    add_group(groups, std::move(g));
  }
  GalleryGroup laser{"Laser sheets", {}};
  for (const auto& svg : files_with_extension(output_dir / "laser", ".svg")) {
    laser.items.push_back(item(output_dir, svg, fmt::format("Laser sheet {}", svg.stem().string())));
  }
  add_group(groups, std::move(laser));
  GalleryGroup wheel{"Confrontation wheel", {}};
  for (const auto& png : files_with_extension(output_dir / "wheel", ".png")) {
    wheel.items.push_back(item(output_dir, png, fmt::format("Wheel {}", png.stem().string())));
  }
  for (const auto& svg : files_with_extension(output_dir / "wheel", ".svg")) {
    wheel.items.push_back(item(output_dir, svg, fmt::format("Wheel laser sheet {}", svg.stem().string())));
  }
  add_group(groups, std::move(wheel));
  return groups;
}

std::string state_json(const BuildNews& news, const std::vector<GalleryGroup>& groups) {
  nlohmann::json j;
  j["build"] = news.build;
  j["ok"] = news.ok;
  j["title"] = news.title;
  j["errors"] = news.errors;
  j["notes"] = news.notes;
  j["build_ms"] = news.build_ms;
  j["groups"] = nlohmann::json::array();
  for (const auto& g : groups) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& it : g.items) {
      items.push_back({{"title", it.title},
                       {"alt", it.alt},
                       {"image", it.image},
                       {"pdf", it.pdf},
                       {"map", it.map},
                       {"version", it.version}});
    }
    j["groups"].push_back({{"title", g.title}, {"items", items}});
  }
  // Text the content wrote may be any bytes: replaced, not thrown on.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace impactkit::serve
