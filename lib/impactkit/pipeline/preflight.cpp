#include <impactkit/pipeline/preflight.hpp>

#include <impactkit/pipeline/preflight_contrast.hpp>

#include <impactkit/fab/check.hpp>
#include <impactkit/fab/inspect.hpp>
#include <impactkit/print/image.hpp>
#include <impactkit/print/inspect.hpp>
#include <impactkit/products/laser_job.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

namespace impactkit::pipeline {
namespace fs = std::filesystem;

namespace {

constexpr double tolerance_pt = 0.01;

bool contains(const print::PdfBox& outer, const print::PdfBox& inner) {
  return inner.left >= outer.left - tolerance_pt && inner.bottom >= outer.bottom - tolerance_pt &&
         inner.right <= outer.right + tolerance_pt && inner.top <= outer.top + tolerance_pt;
}

// A file that says it is PDF/X, or lies where the build puts PDF/X files,
// checked as a print shop's preflight would: its version, its output
// intent, no RGB, the ink limit and black text in black ink only.
void check_pdfx(const fs::path& file, const std::string& shown, PreflightReport& report) {
  print::PdfxFacts x;
  try {
    x = print::inspect_pdfx(file);
  } catch (const std::exception& e) {
    report.rows.push_back({shown, "PDF/X", false, e.what()});
    return;
  }
  const bool versioned = x.version.starts_with("PDF/X-") && x.xmp_version == x.version;
  report.rows.push_back({shown, "PDF/X version", versioned,
                         versioned ? x.version + " (document information and XMP)"
                         : x.version.empty()
                             ? "no GTS_PDFXVersion: not a PDF/X file (make one with `impactkit build --pdfx`)"
                             : fmt::format("GTS_PDFXVersion '{}' in the document information, '{}' in the XMP",
                                           x.version, x.xmp_version)});
  const bool intent = x.output_intent && x.profile_embedded;
  report.rows.push_back({shown, "output intent", intent,
                         intent            ? fmt::format("{}, with its ICC profile embedded", x.condition)
                         : x.output_intent ? "the output intent has no DestOutputProfile (ICC profile) embedded"
                                           : "no output intent (GTS_PDFX): a shop cannot tell what the CMYK is for"});
  report.rows.push_back(
      {shown, "no RGB", x.rgb.empty(),
       x.rgb.empty() ? "every colour CMYK or grey" : fmt::format("RGB in a PDF/X file: {}", fmt::join(x.rgb, "; "))});
  constexpr double max_ink = 3.0;
  const bool within = x.max_ink <= max_ink + 0.005;
  report.rows.push_back(
      {shown, "ink coverage", within,
       within
           ? fmt::format("at most {:.0f} %{}", x.max_ink * 100, x.max_ink_at.empty() ? "" : " (" + x.max_ink_at + ")")
           : fmt::format("{:.0f} % of ink at {}, more than {:.0f} %", x.max_ink * 100, x.max_ink_at, max_ink * 100)});
  report.rows.push_back({shown, "black text", x.rich_black_text.empty(),
                         x.rich_black_text.empty()
                             ? "dark text in black ink only"
                             : fmt::format("text in rich black, which misregisters in small sizes: {}",
                                           fmt::join(x.rich_black_text, "; "))});
}

void check_pdf(const fs::path& file, const std::string& shown, PreflightReport& report) {
  print::PdfFacts facts;
  try {
    facts = print::inspect_pdf(file);
  } catch (const std::exception& e) {
    report.rows.push_back({shown, "readable", false, e.what()});
    return;
  }
  std::string boxes;
  for (std::size_t i = 0; i < facts.pages.size() && boxes.empty(); ++i) {
    const auto& p = facts.pages[i];
    const print::PdfBox bleed = p.bleed.value_or(p.media);
    const print::PdfBox trim = p.trim.value_or(bleed);
    if (!contains(p.media, bleed)) boxes = fmt::format("page {}: BleedBox reaches outside the MediaBox", i + 1);
    if (boxes.empty() && !contains(bleed, trim))
      boxes = fmt::format("page {}: TrimBox reaches outside the BleedBox", i + 1);
  }
  report.rows.push_back({shown, "page boxes", boxes.empty(),
                         boxes.empty() ? fmt::format("{} page{}: media ⊇ bleed ⊇ trim", facts.pages.size(),
                                                     facts.pages.size() == 1 ? "" : "s")
                                       : boxes});
  std::vector<std::string> missing;
  for (const auto& f : facts.fonts) {
    if (!f.embedded) missing.push_back(f.name);
  }
  report.rows.push_back({shown, "fonts embedded", missing.empty(),
                         missing.empty()
                             ? fmt::format("{} font{}", facts.fonts.size(), facts.fonts.size() == 1 ? "" : "s")
                             : "not embedded: " + fmt::format("{}", fmt::join(missing, ", "))});
  report.rows.push_back(check_pdf_contrast(file, shown, facts));
  if (facts.pdfx_version.empty() && file.parent_path().filename() != "pdfx") return;
  check_pdfx(file, shown, report);
}

// What preflight holds a sheet's file to. The file does not tell the
// material, so a hole needs only material to its outline, not the
// thickness the build holds it to (check.hpp); the margin is the one
// every product nests with.
fab::GeometryRules laser_file_rules() {
  fab::GeometryRules rules;
  rules.min_web_mm = 0.5;
  rules.min_ring_web_mm = 0.5;
  rules.edge_margin_mm = products::sheet_edge_margin_mm;
  return rules;
}

// The first few defects, and how many more.
std::string listed(const std::vector<fab::GeometryDefect>& defects) {
  constexpr std::size_t shown = 3;
  std::string out;
  for (std::size_t i = 0; i < defects.size() && i < shown; ++i) out += (i > 0 ? "; " : "") + defects[i].message;
  if (defects.size() > shown) out += fmt::format("; and {} more", defects.size() - shown);
  return out;
}

// The geometry check (fab/check.hpp) on what the file draws.
void check_drawing(const fab::DrawnSheet& drawn, const std::string& shown, bool with_notes, PreflightReport& report) {
  const fab::DrawnFindings found = fab::check_drawn_sheet(drawn, laser_file_rules());
  report.rows.push_back(
      {shown, "parts cuttable", found.cuts.empty(),
       found.cuts.empty()
           ? fmt::format("{} part{}: outlines simple, holes inside, no overlaps{}", found.parts,
                         found.parts == 1 ? "" : "s",
                         drawn.width_mm > 0 ? fmt::format(", {} mm margin kept", products::sheet_edge_margin_mm) : "")
           : listed(found.cuts)});
  // Notes over a part are engraved there by a shop that leaves their layer
  // on; the build places them off the work (fab/notes.hpp).
  if (!with_notes) return;
  report.rows.push_back(
      {shown, "notes off the parts", found.notes.empty(),
       found.notes.empty() ? "labels and the reference square clear of cuts and engraving" : listed(found.notes)});
}

void check_dxf(const fs::path& file, const std::string& shown, PreflightReport& report) {
  fab::DrawnSheet drawn;
  try {
    // The DXF does not give the sheet's size; its SVG does.
    fs::path svg = file;
    svg.replace_extension(".svg");
    double width = 0;
    double height = 0;
    if (fs::is_regular_file(svg)) {
      const auto facts = fab::inspect_sheet_svg(svg);
      width = facts.view_width;
      height = facts.view_height;
    }
    drawn = fab::inspect_sheet_dxf(file, height);
    drawn.width_mm = width;
    drawn.height_mm = height;
  } catch (const std::exception& e) {
    report.rows.push_back({shown, "readable", false, e.what()});
    return;
  }
  check_drawing(drawn, shown, false, report);
}

void check_svg(const fs::path& file, const std::string& shown, PreflightReport& report) {
  fab::SheetFacts facts;
  try {
    facts = fab::inspect_sheet_svg(file);
  } catch (const std::exception& e) {
    report.rows.push_back({shown, "readable", false, e.what()});
    return;
  }
  const bool mm = facts.width_mm > 0 && std::abs(facts.width_mm - facts.view_width) < 1e-6 &&
                  std::abs(facts.height_mm - facts.view_height) < 1e-6;
  report.rows.push_back({shown, "1 unit = 1 mm", mm,
                         fmt::format("{} x {} mm, viewBox {} x {}", facts.width_mm, facts.height_mm, facts.view_width,
                                     facts.view_height)});
  const bool plain = facts.forbidden.empty() && !facts.transforms;
  std::vector<std::string> forbidden = facts.forbidden;
  std::sort(forbidden.begin(), forbidden.end());
  forbidden.erase(std::unique(forbidden.begin(), forbidden.end()), forbidden.end());
  report.rows.push_back({shown, "paths and circles only", plain,
                         plain
                             ? "no text, use, clip paths or transforms"
                             : fmt::format("{}{}", fmt::join(forbidden, ", "), facts.transforms ? " transforms" : "")});
  report.rows.push_back({shown, "cut contours closed", facts.open_cut_contours == 0,
                         fmt::format("{} of {} open", facts.open_cut_contours, facts.cut_contours)});
  bool inside = true;
  std::string extent = "no cuts";
  if (facts.cut_extent) {
    const auto& b = *facts.cut_extent;
    inside = b.min_x >= -1e-6 && b.min_y >= -1e-6 && b.max_x <= facts.view_width + 1e-6 &&
             b.max_y <= facts.view_height + 1e-6;
    extent = fmt::format("cuts from ({:.1f}, {:.1f}) to ({:.1f}, {:.1f}) mm", b.min_x, b.min_y, b.max_x, b.max_y);
  }
  report.rows.push_back({shown, "parts inside the sheet", inside, extent});
  check_drawing(facts.drawn, shown, true, report);
}

}  // namespace

std::size_t PreflightReport::failures() const {
  return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const PreflightRow& r) { return !r.ok; }));
}

std::size_t PreflightReport::warnings() const {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const PreflightRow& r) { return r.ok && r.warn; }));
}

PreflightReport preflight(const fs::path& output_dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(output_dir)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension();
    if (ext == ".pdf" || ext == ".svg" || ext == ".dxf") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  PreflightReport report;
  for (const auto& file : files) {
    const std::string shown = file.lexically_relative(output_dir).string();
    if (file.extension() == ".pdf") {
      check_pdf(file, shown, report);
    } else if (file.extension() == ".dxf") {
      check_dxf(file, shown, report);
    } else {
      check_svg(file, shown, report);
    }
    ++report.files;
  }
  return report;
}

std::string to_table(const PreflightReport& report) {
  std::size_t file_w = 4;
  std::size_t check_w = 5;
  for (const auto& r : report.rows) {
    file_w = std::max(file_w, r.file.size());
    check_w = std::max(check_w, r.check.size());
  }
  std::string out = fmt::format("{:<{}}  {:<{}}  {:<4}  {}\n", "FILE", file_w, "CHECK", check_w, "", "DETAIL");
  for (const auto& r : report.rows) {
    out += fmt::format("{:<{}}  {:<{}}  {:<4}  {}\n", r.file, file_w, r.check, check_w,
                       !r.ok    ? "FAIL"
                       : r.warn ? "WARN"
                                : "ok",
                       r.detail);
  }
  return out;
}

}  // namespace impactkit::pipeline
