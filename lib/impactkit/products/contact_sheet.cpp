#include <impactkit/print/contact_sheet.hpp>
#include <impactkit/products/contact_sheet.hpp>
#include <impactkit/products/posters.hpp>

#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace impactkit::products {
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> subfolders(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_directory(ec)) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Sheets in their number's order: exhibit-2 before exhibit-10.
void sort_naturally(std::vector<fs::path>& files) {
  const auto key = [](const fs::path& p) {
    const std::string stem = p.stem().string();
    const auto digits = stem.find_last_not_of("0123456789") + 1;
    const std::string number = stem.substr(digits);
    return std::pair(stem.substr(0, digits), number.empty() ? 0L : std::stol(number));
  };
  std::sort(files.begin(), files.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
}

// The exhibit's posters first, then each case's in the roadshow's order and
// the poster kinds' order, as they hang.
std::vector<print::ContactTile> poster_tiles(const content::Roadshow& roadshow, const fs::path& folder) {
  std::map<std::string, fs::path> by_stem;
  for (const auto& f : files_with_extension(folder, ".png")) by_stem[f.stem().string()] = f;
  std::vector<print::ContactTile> tiles;
  const auto take = [&](const std::string& stem) {
    const auto it = by_stem.find(stem);
    if (it == by_stem.end()) return;
    tiles.push_back({it->second, stem});
    by_stem.erase(it);
  };
  for (const auto& kind : exhibit_poster_kinds) take(kind);
  // A large roadshow's further overviews: overview-2, overview-3, …
  for (int page = 2; by_stem.count("overview-" + std::to_string(page)) > 0; ++page) {
    take("overview-" + std::to_string(page));
  }
  for (const auto& c : roadshow.cases) {
    for (const auto& kind : case_poster_kinds) take(c.id + "-" + kind);
  }
  for (const auto& [stem, file] : by_stem) tiles.push_back({file, stem});  // any other
  return tiles;
}

// One face of each kind of card, then the backs. Faces are named
// NNN-kind-…; a kind's first face stands for the rest.
std::vector<print::ContactTile> card_tiles(const fs::path& faces) {
  auto files = files_with_extension(faces, ".png");
  std::sort(files.begin(), files.end());
  std::vector<print::ContactTile> fronts;
  std::vector<print::ContactTile> backs;
  std::set<std::string> kinds;
  for (const auto& f : files) {
    const std::string stem = f.stem().string();
    if (stem.rfind("back-", 0) == 0) {
      backs.push_back({f, stem});
      continue;
    }
    const auto dash = stem.find('-');
    const std::string rest = dash == std::string::npos ? stem : stem.substr(dash + 1);
    const std::string kind = rest.substr(0, rest.find('-'));
    if (kinds.insert(kind).second) fronts.push_back({f, rest});
  }
  fronts.insert(fronts.end(), backs.begin(), backs.end());
  return fronts;
}

}  // namespace

ContactSheetReport write_contact_sheet(const content::Roadshow& roadshow, const fs::path& output_dir) {
  std::vector<print::ContactSection> sections;
  ContactSheetReport report;
  for (const auto& language : subfolders(output_dir / "posters")) {
    for (const auto& size : subfolders(language)) {
      auto tiles = poster_tiles(roadshow, size);
      report.posters += tiles.size();
      sections.push_back(
          {fmt::format("Posters — {}, {} ({})", language.filename().string(), size.filename().string(), tiles.size()),
           300, std::move(tiles)});
    }
  }
  for (const auto& language : subfolders(output_dir / "cards")) {
    auto tiles = card_tiles(language / "faces");
    report.cards += tiles.size();
    sections.push_back({fmt::format("Cards — {}: one of each kind, and the backs", language.filename().string()), 220,
                        std::move(tiles)});
  }
  for (const auto& language : subfolders(output_dir / "forms")) {
    auto previews = files_with_extension(language / "previews", ".png");
    // A5 before A6, each front before its back.
    std::sort(previews.begin(), previews.end(), [](const fs::path& a, const fs::path& b) {
      const auto key = [](const fs::path& p) {
        return std::pair(p.stem().string().substr(0, 7), p.stem().string().ends_with("back"));
      };
      return key(a) < key(b);
    });
    std::vector<print::ContactTile> tiles;
    tiles.reserve(previews.size());
    for (const auto& f : previews) tiles.push_back({f, f.stem().string()});
    report.forms += tiles.size();
    sections.push_back(
        {fmt::format("Question form — {}: front and back", language.filename().string()), 220, std::move(tiles)});
  }
  auto sheets = files_with_extension(output_dir / "laser", ".svg");
  sort_naturally(sheets);
  std::vector<print::ContactTile> laser;
  laser.reserve(sheets.size());
  for (const auto& f : sheets) laser.push_back({f, f.stem().string(), 1.0});
  report.laser_sheets = laser.size();
  sections.push_back({fmt::format("Laser sheets ({})", laser.size()), 190, std::move(laser)});
  std::vector<print::ContactTile> wheel;
  for (const auto& f : files_with_extension(output_dir / "wheel", ".png")) wheel.push_back({f, f.stem().string()});
  std::sort(wheel.begin(), wheel.end(), [](const auto& a, const auto& b) { return a.image < b.image; });
  auto wheel_sheets = files_with_extension(output_dir / "wheel", ".svg");
  sort_naturally(wheel_sheets);
  for (const auto& f : wheel_sheets) wheel.push_back({f, f.stem().string(), 1.0});
  report.wheel = wheel.size();
  sections.push_back({"Wheel: printed face, volvelle and laser sheets", 260, std::move(wheel)});

  report.file = output_dir / "preview" / "contact-sheet.png";
  fs::create_directories(report.file.parent_path());
  const auto stats = print::write_contact_sheet(report.file, roadshow.title.get() + " — contact sheet", sections);
  report.width_px = stats.width_px;
  report.height_px = stats.height_px;
  return report;
}

}  // namespace impactkit::products
