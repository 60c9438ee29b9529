#include "commands.hpp"

#include "exit_codes.hpp"

#include <impactkit/build/manifest.hpp>
#include <impactkit/build/preflight.hpp>
#include <impactkit/content/loader.hpp>
#include <impactkit/content/new_case.hpp>
#include <impactkit/products/cards.hpp>
#include <impactkit/products/exhibit.hpp>
#include <impactkit/products/parallel.hpp>
#include <impactkit/products/posters.hpp>
#include <impactkit/products/wheel.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <set>

namespace impactkit::cli {
namespace fs = std::filesystem;

namespace {

void print_diagnostics(const Diagnostics& diagnostics, const Output& out) {
  for (const auto& d : diagnostics.all()) fmt::print(stderr, "{}\n", format(d, out.color));
}

std::string counted(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string join(const auto& items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += fmt::format("{}", item);
  }
  return out;
}

}  // namespace

int validate(const fs::path& root, const Output& out) {
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(root, diagnostics);
  print_diagnostics(diagnostics, out);
  const std::string counts = fmt::format("{}, {}", counted(diagnostics.error_count(), "error", "errors"),
                                         counted(diagnostics.warning_count(), "warning", "warnings"));
  if (diagnostics.has_errors()) {
    fmt::print(stderr, "{}: invalid: {}\n", (root / content::roadshow_file_name).lexically_normal().string(), counts);
    return exit_content;
  }
  if (!out.quiet) {
    fmt::print("{}: valid: '{}', {}, {}, {}; {}\n", (root / content::roadshow_file_name).lexically_normal().string(),
               roadshow.title.get(), counted(roadshow.cases.size(), "case", "cases"),
               counted(roadshow.roles.size(), "role", "roles"), counted(roadshow.sdgs.size(), "goal", "goals"), counts);
  }
  return exit_ok;
}

int build(const fs::path& root, const BuildOptions& options, const Output& out) {
  const auto start = std::chrono::steady_clock::now();
  products::set_threads(options.jobs);
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(root, diagnostics);
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, out);
    fmt::print(stderr, "nothing built: the content has errors; `impactkit validate` shows them\n");
    return exit_content;
  }
  const auto wants = [&](const char* product) {
    return options.only.empty() || std::find(options.only.begin(), options.only.end(), product) != options.only.end();
  };
  std::vector<std::string> summary;
  std::vector<std::string> notes;
  const fs::path output_dir = options.output_dir.empty() ? root / "output" : fs::path(options.output_dir);
  // What the last build made and from what: only what changed is made again.
  auto manifest = options.rebuild ? build::Manifest::empty(output_dir) : build::Manifest::load(output_dir);
  const std::string option_text =
      fmt::format("{} {} {} {}", options.allow_overflow, options.crop_marks, options.pdfx, options.preview_dpi);
  // A product made from the whole content root: skipped when nothing it is
  // made from changed, else made and its folder's files recorded.
  const auto up_to_date = [&](const char* product, const std::string& folder, std::string& key) {
    key = build::content_key(root, product, option_text + " " + join(options.languages, ","));
    if (!manifest.up_to_date(product, key)) return false;
    summary.push_back(fmt::format("{:<8} unchanged since the last build, in {}", product,
                                  (output_dir / folder).lexically_normal().string()));
    return true;
  };
  const auto record = [&](const char* product, const std::string& folder, const std::string& key) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(output_dir / folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    manifest.record(product, key, files);
  };
  // A product's work; a file that cannot be written ends the build with exit code 3.
  const auto guarded = [&](const auto& make) {
    try {
      make();
      return true;
    } catch (const std::exception& e) {
      print_diagnostics(diagnostics, out);
      fmt::print(stderr, "error: {}\n", e.what());
      return false;
    }
  };
  if (wants("posters")) {
    products::PosterOptions posters;
    posters.output_dir = output_dir;
    posters.sizes = options.sizes;
    posters.languages = options.languages;
    posters.case_ids = options.cases;
    posters.kinds = options.posters;
    posters.allow_overflow = options.allow_overflow;
    posters.crop_marks = options.crop_marks;
    posters.pdfx = options.pdfx;
    posters.preview_dpi = options.preview_dpi;
    posters.manifest = &manifest;
    const bool made = guarded([&] {
      const auto report = products::build_posters(roadshow, posters, diagnostics);
      std::set<std::string> sizes;
      std::set<std::string> languages;
      std::size_t previews = 0;
      for (const auto& f : report.files) {
        sizes.insert(f.size);
        languages.insert(f.language);
        previews += f.preview.empty() ? 0 : 1;
      }
      if (!report.files.empty()) {
        summary.push_back(fmt::format(
            "posters  {:>3} PDF{} ({}; {}) and {} preview{} in {}{}", report.files.size(),
            report.files.size() == 1 ? "" : "s", join(sizes, ", "), join(languages, ", "), previews,
            previews == 1 ? "" : "s", (posters.output_dir / "posters").lexically_normal().string(),
            report.unchanged == 0 ? std::string()
            : report.unchanged == report.files.size()
                ? std::string(" (all unchanged)")
                : fmt::format(" ({} unchanged, {} made)", report.unchanged, report.files.size() - report.unchanged)));
      }
      notes.insert(notes.end(), report.notes.begin(), report.notes.end());
    });
    if (!made) return exit_files;
  }
  std::string key;
  if (wants("cards") && !up_to_date("cards", "cards", key)) {
    products::DeckOptions deck;
    deck.output_dir = output_dir;
    deck.languages = options.languages;
    deck.allow_overflow = options.allow_overflow;
    deck.preview_dpi = options.preview_dpi * 5;  // a card is about a fifth of an A1 poster's width
    const bool made = guarded([&] {
      const auto report = products::build_decks(roadshow, deck, diagnostics);
      if (!diagnostics.has_errors()) record("cards", "cards", key);
      for (const auto& f : report.files) {
        summary.push_back(
            fmt::format("cards    {} ({}): {} cards of {} kinds, {} {} sheets ({}-up, fronts and backs), "
                        "card-printer PDF, manifest in {}",
                        f.language, roadshow.deck.card_size, f.cards, f.kinds, f.sheets, f.sheet, f.per_sheet,
                        f.office_pdf.parent_path().lexically_normal().string()));
      }
      notes.insert(notes.end(), report.notes.begin(), report.notes.end());
    });
    if (!made) return exit_files;
  }
  if (wants("laser") && !up_to_date("laser", "laser", key)) {
    products::ExhibitOptions exhibit;
    exhibit.output_dir = output_dir;
    exhibit.allow_overflow = options.allow_overflow;
    const bool made = guarded([&] {
      const auto report = products::build_exhibit(roadshow, exhibit, diagnostics);
      if (!diagnostics.has_errors()) record("laser", "laser", key);
      if (!report.files.empty()) {
        summary.push_back(
            fmt::format("laser    {} panels, {} parts on {} sheets of {} ({:.0f}% used), about {:.0f} min of laser{}; "
                        "SVG, DXF, cut "
                        "report and assembly sheet in {}",
                        report.panels, report.parts, report.sheets, roadshow.exhibit.material.name,
                        report.utilisation * 100, report.laser_minutes,
                        report.material_eur > 0 ? fmt::format(", EUR {:.0f} of material", report.material_eur) : "",
                        report.folder.lexically_normal().string()));
      }
      notes.insert(notes.end(), report.notes.begin(), report.notes.end());
    });
    if (!made) return exit_files;
  }
  if (wants("wheel") && !up_to_date("wheel", "wheel", key)) {
    products::WheelOptions wheel;
    wheel.output_dir = output_dir;
    wheel.allow_overflow = options.allow_overflow;
    wheel.preview_dpi = options.preview_dpi;
    const bool made = guarded([&] {
      const auto report = products::build_wheel(roadshow, wheel, diagnostics);
      if (!diagnostics.has_errors() && !report.files.empty()) record("wheel", "wheel", key);
      if (!report.files.empty()) {
        summary.push_back(fmt::format(
            "wheel    {} sectors, {} mm; {} parts on {} sheet{} of {} ({:.0f}% used), axle at {:.0f} mm, about {:.0f} "
            "min of laser; SVG, DXF, cut report, printed face and {} volvelle in {}",
            report.sectors, roadshow.wheel.diameter_mm, report.parts, report.sheets, report.sheets == 1 ? "" : "s",
            roadshow.wheel.material ? roadshow.wheel.material->name : roadshow.exhibit.material.name,
            report.utilisation * 100, report.axle_height_mm, report.laser_minutes, report.volvelle_sheet,
            report.folder.lexically_normal().string()));
      }
      notes.insert(notes.end(), report.notes.begin(), report.notes.end());
    });
    if (!made) return exit_files;
  }
  print_diagnostics(diagnostics, out);
  if (diagnostics.has_errors()) {
    fmt::print(stderr, "nothing built: {}\n", counted(diagnostics.error_count(), "error", "errors"));
    return exit_content;
  }
  try {
    manifest.save();
  } catch (const fs::filesystem_error& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_files;
  }
  if (!out.quiet) {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    fmt::print("built '{}' in {:.0f} ms\n", roadshow.title.get(), ms);
    for (const auto& line : summary) fmt::print("  {}\n", line);
    for (const auto& note : notes) fmt::print("  note: {}\n", note);
    fmt::print("  {}\n", counted(diagnostics.warning_count(), "warning", "warnings"));
  }
  return exit_ok;
}

int list(const fs::path& root, const Output& out) {
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(root, diagnostics);
  print_diagnostics(diagnostics, out);
  if (diagnostics.has_errors()) {
    fmt::print(stderr, "cannot list: the content has errors (see above); `impactkit validate` checks it\n");
    return exit_content;
  }
  fmt::print("{:<28} {:<17} {:<12} {:<7} {}\n", "CASE", "THEME", "SDGS", "LANG", "TITLE");
  for (const auto& c : roadshow.cases) {
    fmt::print("{:<28} {:<17} {:<12} {:<7} {}\n", c.id, content::name(c.theme), join(c.sdgs, ","),
               join(content::complete_languages(c, roadshow.languages.available), ","), c.title.get());
  }
  if (!out.quiet) {
    fmt::print("\n{} in '{}'; LANG lists the languages in which a case is complete\n",
               counted(roadshow.cases.size(), "case", "cases"), roadshow.title.get());
  }
  return exit_ok;
}

int new_case(const fs::path& root, const std::string& id, const Output& out) {
  if (!content::is_valid_id(id)) {
    fmt::print(stderr,
               "error: '{}' is not a valid case id\n  expected: lower-case letters and digits, words joined by "
               "single '-', e.g. warmtepomp-staphorst\n",
               id);
    return exit_usage;
  }
  try {
    const auto result = content::add_new_case(root, id);
    if (!out.quiet) {
      fmt::print("wrote {}\n", result.case_file.lexically_normal().string());
      if (result.listed)
        fmt::print("listed '{}' in {}\n", id, (root / content::roadshow_file_name).lexically_normal().string());
      fmt::print("next: fill in its placeholders, then run `impactkit validate`\n");
    }
    if (!result.note.empty()) fmt::print(stderr, "note: {}\n", result.note);
    return exit_ok;
  } catch (const content::NewCaseError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_files;
  } catch (const fs::filesystem_error& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_files;
  }
}

int init(const fs::path& dir, const content::InitOptions& options, const Output& out) {
  try {
    const auto written = content::init_roadshow(dir, options);
    if (!out.quiet) {
      fmt::print("made a new roadshow for {} in {}:\n", options.organisation, dir.lexically_normal().string());
      for (const auto& f : written) fmt::print("  {}\n", f.lexically_normal().string());
      fmt::print(
          "next: fill in roadshow.yaml, the theme's colours and logo and cases/voorbeeld-case.yaml, then\n"
          "  impactkit validate -C {0}\n  impactkit build -C {0}\n",
          dir.lexically_normal().string());
    }
    return exit_ok;
  } catch (const content::InitError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_files;
  } catch (const fs::filesystem_error& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_files;
  }
}

int preflight(const fs::path& output_dir, const Output& out) {
  std::error_code ec;
  if (!fs::is_directory(output_dir, ec)) {
    fmt::print(stderr,
               "error: no output folder {} to check\n  fix: run `impactkit build` first, or name the folder with -o\n",
               output_dir.lexically_normal().string());
    return exit_files;
  }
  try {
    const auto report = build::preflight(output_dir);
    const auto failures = report.failures();
    if (!out.quiet || failures > 0) fmt::print("{}", build::to_table(report));
    fmt::print(failures > 0 ? stderr : stdout, "preflight of {}: {} checked, {}\n",
               output_dir.lexically_normal().string(), counted(report.files, "file", "files"),
               failures == 0 ? std::string("all checks pass") : counted(failures, "check fails", "checks fail"));
    return failures == 0 ? exit_ok : exit_preflight;
  } catch (const fs::filesystem_error& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_files;
  }
}

}  // namespace impactkit::cli
