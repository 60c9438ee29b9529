// `impactkit build`: loads the content, makes each chosen product unless
// the manifest says it is up to date, and reports what was made — as a
// summary, as JSON (--json), with a progress line on a terminal.

#include "commands.hpp"
#include "exit_codes.hpp"
#include "report.hpp"

#include <impactkit/content/loader.hpp>
#include <impactkit/pipeline/manifest.hpp>
#include <impactkit/pipeline/output_guard.hpp>
#include <impactkit/products/cards.hpp>
#include <impactkit/products/exhibit.hpp>
#include <impactkit/products/parallel.hpp>
#include <impactkit/products/posters.hpp>
#include <impactkit/products/wheel.hpp>
#include <impactkit/text/cache.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <set>

namespace impactkit::cli {
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

// One product's part of the summary: a line for people, facts for --json.
struct Made {
  std::string product;
  std::string line;
  json facts = json::object();
};

// The progress line: on a terminal only, rewritten in place, erased at the
// end. Posters are made beside the other products, so it names the
// products at work and counts the files made so far.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {
    if (!enabled_) return;
    products::set_progress([this](std::size_t, std::size_t) {
      const std::lock_guard lock(mutex_);
      ++files_;
      show();
    });
  }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { stop(); }
  // Erases the line, before the summary or the errors are printed.
  void stop() {
    if (!enabled_) return;
    products::set_progress({});  // waits for a call in progress
    const std::lock_guard lock(mutex_);
    enabled_ = false;
    fmt::print("\r\033[K");
    std::fflush(stdout);
  }
  void start(const std::string& product) {
    const std::lock_guard lock(mutex_);
    if (!enabled_) return;
    products_.insert(product);
    show();
  }
  void done(const std::string& product) {
    const std::lock_guard lock(mutex_);
    products_.erase(product);
  }

 private:
  void show() {
    fmt::print("\r\033[K  making {}: {} files", join(products_, ", "), files_);
    std::fflush(stdout);
  }
  std::mutex mutex_;
  bool enabled_;
  std::set<std::string> products_;  // at work now
  std::size_t files_ = 0;
};

// What one product's run gave; the runs are merged in a fixed order, so
// that a build reports the same whichever finished first.
struct Outcome {
  std::vector<Made> made;
  std::vector<std::string> notes;
  Diagnostics diagnostics;
  std::string failure;  // a file that could not be written
  bool record = false;  // after the run, the manifest records the files of the product's folder
};

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
                                report.files.size() == 1 ? "" : "s", join(sizes, ", "), join(languages, ", "), previews,
                                previews == 1 ? "" : "s", rel(folder),
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

Made deck_made(const content::Roadshow& roadshow, const products::DeckFile& f) {
  Made m{"cards", fmt::format("cards    {} ({}): {} cards of {} kinds, {} {} sheets ({}-up, fronts and backs), "
                              "card-printer PDF, manifest in {}",
                              f.language, roadshow.deck.card_size, f.cards, f.kinds, f.sheets, f.sheet, f.per_sheet,
                              rel(f.office_pdf.parent_path()))};
  m.facts = {{"status", "made"},        {"folder", rel(f.office_pdf.parent_path())},
             {"language", f.language},  {"card_size", roadshow.deck.card_size},
             {"cards", f.cards},        {"kinds", f.kinds},
             {"sheets", f.sheets},      {"sheet", f.sheet},
             {"per_sheet", f.per_sheet}};
  return m;
}

Made laser_made(const content::Roadshow& roadshow, const products::ExhibitReport& r) {
  Made m{"laser",
         fmt::format("laser    {} panels, {} parts on {} sheets of {} ({:.0f}% used), about {:.0f} min of laser{}; "
                     "SVG, DXF, cut report and assembly sheet in {}",
                     r.panels, r.parts, r.sheets, roadshow.exhibit.material.name, r.utilisation * 100, r.laser_minutes,
                     r.material_eur > 0 ? fmt::format(", EUR {:.0f} of material", r.material_eur) : "", rel(r.folder))};
  m.facts = {{"status", "made"},
             {"folder", rel(r.folder)},
             {"panels", r.panels},
             {"parts", r.parts},
             {"sheets", r.sheets},
             {"material", roadshow.exhibit.material.name},
             {"utilisation", r.utilisation},
             {"laser_minutes", r.laser_minutes},
             {"material_eur", r.material_eur}};
  return m;
}

Made wheel_made(const content::Roadshow& roadshow, const products::WheelReport& r) {
  const std::string material = roadshow.wheel.material ? roadshow.wheel.material->name : roadshow.exhibit.material.name;
  Made m{"wheel",
         fmt::format("wheel    {} sectors, {} mm; {} parts on {} sheet{} of {} ({:.0f}% used), axle at {:.0f} mm, "
                     "about {:.0f} min of laser; SVG, DXF, cut report, printed face and {} volvelle in {}",
                     r.sectors, roadshow.wheel.diameter_mm, r.parts, r.sheets, r.sheets == 1 ? "" : "s", material,
                     r.utilisation * 100, r.axle_height_mm, r.laser_minutes, r.volvelle_sheet, rel(r.folder))};
  m.facts = {{"status", "made"},
             {"folder", rel(r.folder)},
             {"sectors", r.sectors},
             {"diameter_mm", roadshow.wheel.diameter_mm},
             {"parts", r.parts},
             {"sheets", r.sheets},
             {"material", material},
             {"utilisation", r.utilisation},
             {"axle_height_mm", r.axle_height_mm},
             {"laser_minutes", r.laser_minutes},
             {"volvelle_sheet", r.volvelle_sheet}};
  return m;
}

// The end of a build: the summary for people, or one JSON object for scripts.
int finish(const std::string& title, const fs::path& output_dir, const std::vector<Made>& made,
           const std::vector<std::string>& notes, const Diagnostics& diagnostics, const Output& out, double ms,
           int code) {
  if (out.json) {
    json products = json::array();
    for (const auto& m : made) {
      json entry = m.facts;
      entry["product"] = m.product;
      products.push_back(entry);
    }
    const json report = {{"ok", code == exit_ok},
                         {"exit_code", code},
                         {"title", title},
                         {"output", rel(output_dir)},
                         {"milliseconds", static_cast<long>(ms)},
                         {"products", products},
                         {"notes", notes},
                         {"errors", diagnostics.error_count()},
                         {"warnings", diagnostics.warning_count()},
                         {"diagnostics", diagnostics_json(diagnostics)}};
    fmt::print("{}\n", report.dump(2));
    return code;
  }
  print_diagnostics(diagnostics, out);
  if (code != exit_ok || out.quiet) return code;
  fmt::print("built '{}' in {:.0f} ms\n", title, ms);
  for (const auto& m : made) fmt::print("  {}\n", m.line);
  for (const auto& note : notes) fmt::print("  note: {}\n", note);
  fmt::print("  {}\n", counted(diagnostics.warning_count(), "warning", "warnings"));
  return code;
}

}  // namespace

int build(const fs::path& root, const BuildOptions& options, const Output& out) {
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed_ms = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  };
  products::set_threads(options.jobs);
  const fs::path output_dir = options.output_dir.empty() ? root / "output" : fs::path(options.output_dir);
  // What this build keeps for the next, and reads of the last (text/cache.hpp).
  text::TextCache text_cache(Cache(output_dir / ".impactkit"));
  products::Preloader preload(text_cache);
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(root, diagnostics, [&](const content::Languages& read) {
    // The language every product is made in, unless the build leaves it out.
    const auto& built = options.languages.empty() ? read.available : options.languages;
    const bool with_default = std::find(built.begin(), built.end(), read.default_language) != built.end();
    preload.language(with_default ? read.default_language : (built.empty() ? std::string() : built.front()));
  });
  std::vector<Made> made;
  std::vector<std::string> notes;
  if (diagnostics.has_errors()) {
    const int code = finish("", output_dir, made, notes, diagnostics, out, elapsed_ms(), exit_content);
    if (!out.json) fmt::print(stderr, "nothing built: the content has errors; `impactkit validate` shows them\n");
    return code;
  }
  const auto wants = [&](const char* product) {
    return options.only.empty() || std::find(options.only.begin(), options.only.end(), product) != options.only.end();
  };
  // One build at a time per output folder, never into the content, and
  // whatever a killed build left is cleaned up first (pipeline/output_guard.hpp).
  std::optional<pipeline::OutputGuard> guard;
  try {
    guard.emplace(root, output_dir, [&](const std::string& holder) {
      fmt::print(stderr, "waiting for another build of {} ({}) to finish ...\n", rel(output_dir), holder);
    });
  } catch (const pipeline::OutputError& e) {
    notes.push_back(fmt::format("error: {}", e.what()));
    const int code = finish(roadshow.title.get(), output_dir, made, notes, diagnostics, out, elapsed_ms(), exit_files);
    if (!out.json) fmt::print(stderr, "error: {}\n", e.what());
    return code;
  }
  // What the last build made and from what: only what changed is made
  // again; after a build that did not finish, everything.
  auto manifest = options.rebuild || guard->last_build_unfinished() ? pipeline::Manifest::empty(output_dir)
                                                                    : pipeline::Manifest::load(output_dir);
  const std::string option_text =
      fmt::format("{} {} {} {}", options.allow_overflow, options.crop_marks, options.pdfx, options.preview_dpi);
  // The files a product made, for the manifest: the next build remakes it
  // only when something it is made from changed.
  const auto record = [&](const char* product, const std::string& folder, const std::string& key) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(output_dir / folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    manifest.record(product, key, files);
  };
  ProgressLine progress(out.progress && !out.quiet && !out.json);
  // A product's run; a file that cannot be written ends the build with exit code 3.
  const auto run = [&](const std::string& product, const auto& make) {
    Outcome o;
    progress.start(product);
    try {
      make(o);
    } catch (const std::exception& e) {
      o.failure = e.what();
    }
    progress.done(product);
    return o;
  };
  // Which products are up to date is read from the manifest before any
  // product runs: the posters update it while they are made.
  std::map<std::string, std::string> keys;
  std::map<std::string, Outcome> unchanged;
  // Read only when a product keyed on them is made: a posters-only build
  // has per-poster keys.
  std::optional<pipeline::ContentFiles> content_files;
  for (const char* product : {"cards", "laser", "wheel"}) {
    if (!wants(product)) continue;
    if (!content_files) content_files.emplace(root);
    const std::string product_options = option_text + " " + join(options.languages, ",");
    // The wheel shows no case text: a case's edit leaves it as it is.
    keys[product] = std::string_view(product) == "wheel"
                        ? content_files->key(product, product_options + products::wheel_case_inputs(roadshow),
                                             pipeline::CaseFiles::none)
                        : content_files->key(product, product_options);
    if (manifest.up_to_date(product, keys[product])) {
      Made m{product, fmt::format("{:<8} unchanged since the last build, in {}", product, rel(output_dir / product))};
      m.facts = {{"status", "unchanged"}, {"folder", rel(output_dir / product)}};
      unchanged[product].made.push_back(m);
    }
  }
  std::set<std::string> to_make;
  for (const auto& [product, key] : keys) {
    if (unchanged.count(product) == 0) to_make.insert(product);
  }

  const auto make_posters = [&](Outcome& o) {
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
    posters.text_cache = &text_cache;
    const auto report = products::build_posters(roadshow, posters, o.diagnostics);
    if (!report.files.empty()) o.made.push_back(posters_made(report, output_dir / "posters"));
    o.notes = report.notes;
  };
  const auto make_cards = [&](Outcome& o) {
    products::DeckOptions deck;
    deck.output_dir = output_dir;
    deck.languages = options.languages;
    deck.allow_overflow = options.allow_overflow;
    deck.preview_dpi = options.preview_dpi * 5;  // a card is about a fifth of an A1 poster's width
    deck.manifest = &manifest;
    deck.text_cache = &text_cache;
    const auto report = products::build_decks(roadshow, deck, o.diagnostics);
    if (!o.diagnostics.has_errors()) o.record = true;
    for (const auto& f : report.files) o.made.push_back(deck_made(roadshow, f));
    o.notes = report.notes;
  };
  const auto make_laser = [&](Outcome& o) {
    products::ExhibitOptions exhibit;
    exhibit.output_dir = output_dir;
    exhibit.allow_overflow = options.allow_overflow;
    exhibit.manifest = &manifest;
    exhibit.text_cache = &text_cache;
    const auto report = products::build_exhibit(roadshow, exhibit, o.diagnostics);
    if (!o.diagnostics.has_errors()) o.record = true;
    if (!report.files.empty()) o.made.push_back(laser_made(roadshow, report));
    o.notes = report.notes;
  };
  const auto make_wheel = [&](Outcome& o) {
    products::WheelOptions wheel;
    wheel.output_dir = output_dir;
    wheel.allow_overflow = options.allow_overflow;
    wheel.preview_dpi = options.preview_dpi;
    wheel.manifest = &manifest;
    wheel.text_cache = &text_cache;
    const auto report = products::build_wheel(roadshow, wheel, o.diagnostics);
    if (!o.diagnostics.has_errors() && !report.files.empty()) o.record = true;
    if (!report.files.empty()) o.made.push_back(wheel_made(roadshow, report));
    o.notes = report.notes;
  };

  // Every product is made on threads of its own beside the others (they
  // share nothing but the content, read only, and the caches of fonts and
  // hyphenation patterns, which are safe across threads); with -j1
  // everything runs in turn on one thread.
  std::map<std::string, Outcome> outcomes = std::move(unchanged);
  const bool others = !to_make.empty();
  std::future<Outcome> posters;
  if (wants("posters")) {
    const auto policy = options.jobs == 1 || !others ? std::launch::deferred : std::launch::async;
    posters = std::async(policy, [&] { return run("posters", make_posters); });
  }
  std::map<std::string, std::future<Outcome>> others_made;
  const auto policy = options.jobs == 1 ? std::launch::deferred : std::launch::async;
  if (to_make.count("cards")) others_made["cards"] = std::async(policy, [&] { return run("cards", make_cards); });
  if (to_make.count("laser")) others_made["laser"] = std::async(policy, [&] { return run("laser", make_laser); });
  if (to_make.count("wheel")) others_made["wheel"] = std::async(policy, [&] { return run("wheel", make_wheel); });
  for (auto& [product, made_later] : others_made) outcomes[product] = made_later.get();
  if (posters.valid()) outcomes["posters"] = posters.get();
  // The words this build shaped, for the next.
  text_cache.save();

  std::string failure;
  for (const char* product : {"posters", "cards", "laser", "wheel"}) {
    const auto it = outcomes.find(product);
    if (it == outcomes.end()) continue;
    Outcome& o = it->second;
    diagnostics.append(o.diagnostics);
    made.insert(made.end(), o.made.begin(), o.made.end());
    notes.insert(notes.end(), o.notes.begin(), o.notes.end());
    if (failure.empty()) failure = o.failure;
    if (o.record) record(product, product, keys.at(product));
  }
  const auto failed = [&] {
    progress.stop();
    notes.push_back("error: " + failure);
    const int code = finish(roadshow.title.get(), output_dir, made, notes, diagnostics, out, elapsed_ms(), exit_files);
    if (!out.json) fmt::print(stderr, "error: {}\n", failure);
    return code;
  };
  if (!failure.empty()) return failed();
  progress.stop();
  if (diagnostics.has_errors()) {
    made.clear();
    const int code =
        finish(roadshow.title.get(), output_dir, made, notes, diagnostics, out, elapsed_ms(), exit_content);
    if (!out.json) fmt::print(stderr, "nothing built: {}\n", counted(diagnostics.error_count(), "error", "errors"));
    return code;
  }
  try {
    manifest.save();
  } catch (const fs::filesystem_error& e) {
    failure = e.what();
    return failed();
  }
  return finish(roadshow.title.get(), output_dir, made, notes, diagnostics, out, elapsed_ms(), exit_ok);
}

}  // namespace impactkit::cli
