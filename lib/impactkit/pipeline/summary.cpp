#include <impactkit/pipeline/summary.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace impactkit::pipeline {
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

// One product's part of the summary: a line for people, facts for --json.
struct Made {
  std::string product;
  std::string line;
  json facts = json::object();
};

std::string rel(const fs::path& p) {
  return p.lexically_normal().string();
}

Made posters_made(const products::PosterReport& report, const fs::path& folder) {
  std::set<std::string> sizes;
  std::set<std::string> languages;
  std::size_t previews = 0;
  for (const auto& f : report.files) {
    sizes.insert(f.size);
    languages.insert(f.language);
    previews += f.preview.empty() ? 0 : 1;
  }
  const std::size_t made = report.files.size() - report.unchanged;
  Made m{"posters", fmt::format("posters  {:>3} PDF{} ({}; {}) and {} preview{} in {}{}", report.files.size(),
                                report.files.size() == 1 ? "" : "s", fmt::join(sizes, ", "), fmt::join(languages, ", "),
                                previews, previews == 1 ? "" : "s", rel(folder),
                                report.unchanged == 0 ? std::string()
                                : report.unchanged == report.files.size()
                                    ? std::string(" (all unchanged)")
                                    : fmt::format(" ({} unchanged, {} made)", report.unchanged, made))};
  m.facts = {{"status", made == 0 ? "unchanged" : "made"},
             {"folder", rel(folder)},
             {"pdfs", report.files.size()},
             {"made", made},
             {"unchanged", report.unchanged},
             {"previews", previews},
             {"sizes", sizes},
             {"languages", languages}};
  return m;
}

Made deck_made(const BuildReport& r, const products::DeckFile& f) {
  Made m{"cards", fmt::format("cards    {} ({}): {} cards of {} kinds, {} {} sheets ({}-up, fronts and backs), "
                              "card-printer PDF, manifest in {}",
                              f.language, r.card_size, f.cards, f.kinds, f.sheets, f.sheet, f.per_sheet,
                              rel(f.office_pdf.parent_path()))};
  m.facts = {{"status", "made"},        {"folder", rel(f.office_pdf.parent_path())},
             {"language", f.language},  {"card_size", r.card_size},
             {"cards", f.cards},        {"kinds", f.kinds},
             {"sheets", f.sheets},      {"sheet", f.sheet},
             {"per_sheet", f.per_sheet}};
  return m;
}

Made form_made(const products::FormFile& f) {
  Made m{"forms",
         fmt::format("forms    {} {}: print shop PDF, {}-up on {} for the office (duplex), {}{} fields to fill in, "
                     "in {}",
                     f.language, f.size, f.per_sheet, f.sheet, f.fillable_pdf.empty() ? "" : "a fillable PDF, ",
                     f.fields, rel(f.print_pdf.parent_path()))};
  m.facts = {{"status", "made"},
             {"folder", rel(f.print_pdf.parent_path())},
             {"language", f.language},
             {"size", f.size},
             {"per_sheet", f.per_sheet},
             {"sheet", f.sheet},
             {"fillable", !f.fillable_pdf.empty()},
             {"fields", f.fields}};
  return m;
}

Made laser_made(const BuildReport& report, const products::ExhibitReport& r) {
  Made m{"laser",
         fmt::format("laser    {} panels, {} parts on {} sheets of {} ({:.0f}% used), about {:.0f} min of laser{}; "
                     "SVG, DXF, cut report and assembly sheet in {}",
                     r.panels, r.parts, r.sheets, report.laser_material, r.utilisation * 100, r.laser_minutes,
                     r.material_eur > 0 ? fmt::format(", EUR {:.0f} of material", r.material_eur) : "", rel(r.folder))};
  m.facts = {{"status", "made"},
             {"folder", rel(r.folder)},
             {"panels", r.panels},
             {"parts", r.parts},
             {"sheets", r.sheets},
             {"material", report.laser_material},
             {"utilisation", r.utilisation},
             {"laser_minutes", r.laser_minutes},
             {"material_eur", r.material_eur}};
  return m;
}

Made wheel_made(const BuildReport& report, const products::WheelReport& r) {
  Made m{"wheel",
         fmt::format(
             "wheel    {} sectors, {} mm; {} parts on {} sheet{} of {} ({:.0f}% used), axle at {:.0f} mm, "
             "about {:.0f} min of laser; SVG, DXF, cut report, assembly sheet, printed face and {} volvelle in {}",
             r.sectors, report.wheel_diameter_mm, r.parts, r.sheets, r.sheets == 1 ? "" : "s", report.wheel_material,
             r.utilisation * 100, r.axle_height_mm, r.laser_minutes, r.volvelle_sheet, rel(r.folder))};
  m.facts = {{"status", "made"},
             {"folder", rel(r.folder)},
             {"sectors", r.sectors},
             {"diameter_mm", report.wheel_diameter_mm},
             {"parts", r.parts},
             {"sheets", r.sheets},
             {"material", report.wheel_material},
             {"utilisation", r.utilisation},
             {"axle_height_mm", r.axle_height_mm},
             {"laser_minutes", r.laser_minutes},
             {"volvelle_sheet", r.volvelle_sheet}};
  return m;
}

std::string count(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

Made contact_sheet_made(const products::ContactSheetReport& r) {
  Made m{"preview",
         fmt::format("preview  contact sheet {} ({}×{} px): {}, {}, {}, {}, {}", rel(r.file), r.width_px, r.height_px,
                     count(r.posters, "poster", "posters"), count(r.cards, "card face", "card faces"),
                     count(r.forms, "form side", "form sides"), count(r.laser_sheets, "laser sheet", "laser sheets"),
                     count(r.wheel, "wheel view", "wheel views"))};
  m.facts = {{"status", "made"},     {"file", rel(r.file)}, {"width_px", r.width_px}, {"height_px", r.height_px},
             {"posters", r.posters}, {"cards", r.cards},    {"forms", r.forms},       {"laser_sheets", r.laser_sheets},
             {"wheel", r.wheel}};
  return m;
}

Made unchanged(const std::string& product, const fs::path& output_dir) {
  Made m{product, fmt::format("{:<8} unchanged since the last build, in {}", product, rel(output_dir / product))};
  m.facts = {{"status", "unchanged"}, {"folder", rel(output_dir / product)}};
  return m;
}

// What the build made, product by product; nothing after errors (a
// build with errors has written nothing).
std::vector<Made> made(const BuildReport& r) {
  std::vector<Made> out;
  if (r.outcome != BuildReport::Outcome::ok) return out;
  const auto is_unchanged = [&](const char* product) {
    return std::find(r.unchanged.begin(), r.unchanged.end(), product) != r.unchanged.end();
  };
  if (r.posters) out.push_back(posters_made(*r.posters, r.output_dir / "posters"));
  if (is_unchanged("cards")) out.push_back(unchanged("cards", r.output_dir));
  if (r.cards) {
    for (const auto& f : r.cards->files) out.push_back(deck_made(r, f));
  }
  if (is_unchanged("forms")) out.push_back(unchanged("forms", r.output_dir));
  if (r.forms) {
    for (const auto& f : r.forms->files) out.push_back(form_made(f));
  }
  if (is_unchanged("laser")) out.push_back(unchanged("laser", r.output_dir));
  if (r.laser) out.push_back(laser_made(r, *r.laser));
  if (is_unchanged("wheel")) out.push_back(unchanged("wheel", r.output_dir));
  if (r.wheel) out.push_back(wheel_made(r, *r.wheel));
  if (r.contact_sheet) out.push_back(contact_sheet_made(*r.contact_sheet));
  return out;
}

json diagnostics_json(const Diagnostics& diagnostics) {
  json items = json::array();
  for (const auto& d : diagnostics.all()) {
    items.push_back({{"severity", d.severity == Severity::error ? "error" : "warning"},
                     {"file", d.pos.file},
                     {"line", d.pos.line},
                     {"column", d.pos.column},
                     {"message", d.message},
                     {"expected", d.expected},
                     {"fix", d.fix}});
  }
  return items;
}

}  // namespace

std::vector<std::string> summary_lines(const BuildReport& report) {
  std::vector<std::string> lines;
  for (const auto& m : made(report)) lines.push_back(m.line);
  return lines;
}

std::string report_json(const BuildReport& report, int exit_code, double milliseconds) {
  json products = json::array();
  for (const auto& m : made(report)) {
    json entry = m.facts;
    entry["product"] = m.product;
    products.push_back(entry);
  }
  std::vector<std::string> notes = report.notes;
  if (!report.failure.empty()) notes.push_back("error: " + report.failure);
  const json doc = {{"ok", exit_code == 0},
                    {"exit_code", exit_code},
                    {"title", report.title},
                    {"output", rel(report.output_dir)},
                    {"milliseconds", static_cast<long>(milliseconds)},
                    {"products", products},
                    {"notes", notes},
                    {"errors", report.diagnostics.error_count()},
                    {"warnings", report.diagnostics.warning_count()},
                    {"diagnostics", diagnostics_json(report.diagnostics)}};
  // Paths are bytes: a file name that is not UTF-8 (a fork made on another
  // system) would make a strict dump throw after the files were written.
  // Each byte that is not UTF-8 becomes U+FFFD, so the report stays valid
  // JSON (docs/exit-codes.md); the summary for people shows the path.
  return doc.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace impactkit::pipeline
