#include <impactkit/pipeline/session.hpp>

#include <impactkit/content/loader.hpp>
#include <impactkit/core/memory_budget.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/core/suggest.hpp>
#include <impactkit/fab/check.hpp>
#include <impactkit/pipeline/content_files.hpp>
#include <impactkit/pipeline/manifest.hpp>
#include <impactkit/pipeline/output_guard.hpp>
#include <impactkit/pipeline/preload.hpp>
#include <impactkit/pipeline/validate.hpp>
#include <impactkit/print/image.hpp>
#include <impactkit/text/cache.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <future>
#include <map>
#include <new>
#include <set>

namespace impactkit::pipeline {
namespace fs = std::filesystem;

namespace {

// What one product's run gave; merged into the report in a fixed order.
struct Outcome {
  Diagnostics diagnostics;
  std::vector<std::string> notes;
  std::string failure;  // a file that could not be written
  bool record = false;  // the manifest records the files of the product's unit
};

// The products a build may make, in the order of its report.
constexpr const char* product_names[] = {"posters", "cards", "forms", "laser", "wheel"};

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// An item named twice in a list option (`--lang nl,nl`) is built once.
void drop_repeats(std::vector<std::string>& items) {
  std::vector<std::string> once;
  for (auto& item : items) {
    if (!contains(once, item)) once.push_back(std::move(item));
  }
  items = std::move(once);
}

std::string did_you_mean(const std::string& given, const std::vector<std::string>& known, std::string otherwise) {
  const auto near = closest(given, known);
  return near ? fmt::format("did you mean '{}'?", *near) : std::move(otherwise);
}

// The languages, sizes and cases the command line names, against what the
// roadshow has: an error in the command line, not in the content, each
// with the valid ones.
bool check_settings(const content::Roadshow& roadshow, const BuildSettings& settings, Diagnostics& diagnostics) {
  const auto& languages = roadshow.languages.available;
  for (const auto& lang : settings.languages) {
    if (contains(languages, lang)) continue;
    diagnostics.error({"--lang", 0, 0},
                      fmt::format("{} is not one of this roadshow's languages: {}", lang, fmt::join(languages, ", ")),
                      (languages.size() == 1 ? languages.front() : "one of " + join_or(languages)) +
                          " (roadshow.yaml, `languages: available:`)",
                      did_you_mean(lang, languages,
                                   fmt::format("leave it out, or add it to `languages: available:` in roadshow.yaml, "
                                               "with its locales/{}.yaml",
                                               lang)));
  }
  for (const auto& size : settings.sizes) {
    if (content::paper_size(size)) continue;
    diagnostics.error({"--size", 0, 0},
                      fmt::format("{} is not a poster size: A0, A1, A2, A3, A4 or WIDTHxHEIGHT in mm", size),
                      "an ISO size, or a width and a height in mm from 20 to 5000, such as 500x700",
                      did_you_mean(size, {"A0", "A1", "A2", "A3", "A4"}, "--size A1, or --size 500x700"));
  }
  std::vector<std::string> ids;
  for (const auto& c : roadshow.cases) ids.push_back(c.id);
  for (const auto& id : settings.cases) {
    if (contains(ids, id)) continue;
    // A roadshow may have a hundred cases: a long list is `impactkit list`'s.
    const std::string listed = ids.size() <= 12 ? fmt::format(": {}", fmt::join(ids, ", ")) : std::string();
    diagnostics.error({"--case", 0, 0}, fmt::format("{} is not one of this roadshow's cases{}", id, listed),
                      "the id of a case in roadshow.yaml `cases:`, as `impactkit list` shows them",
                      did_you_mean(id, ids, "`impactkit list` shows the ids"));
  }
  return !diagnostics.has_errors();
}

// One build, from loaded content to saved manifest.
class Build {
 public:
  Build(const fs::path& root, const BuildSettings& settings, const BuildProgress& progress, BuildReport& report)
      : root_(root),
        settings_(settings),
        progress_(progress),
        report_(report),
        text_cache_(Cache(report.output_dir / ".impactkit")) {}

  bool load();
  bool lock();
  void plan_units();
  void run();
  void finish();

 private:
  void keep_outputs();
  void refuse_contact_sheet_path() const;
  void make_contact_sheet();
  bool wants(const char* product) const {
    return settings_.only.empty() ||
           std::find(settings_.only.begin(), settings_.only.end(), product) != settings_.only.end();
  }
  std::string unit_inputs(const char* product) const;
  Outcome make(const std::string& product);
  Outcome make_posters();
  Outcome make_cards();
  Outcome make_forms();
  Outcome make_laser();
  Outcome make_wheel();
  void merge(const std::string& product, Outcome& outcome);

  const fs::path& root_;
  const BuildSettings& settings_;
  const BuildProgress& progress_;
  BuildReport& report_;
  // Held until everything else is gone: the preloading thread may still
  // write kept work into .impactkit/, which the guard takes away again
  // after a failed build in a new output folder.
  std::optional<OutputGuard> guard_;
  text::TextCache text_cache_;        // compiled patterns and shaped words, kept for the next build
  std::optional<Preloader> preload_;  // until the build ends
  content::Roadshow roadshow_;
  std::optional<Staging> staging_;  // where the products write until the build commits
  Manifest manifest_ = Manifest::empty({});
  std::optional<products::Context> context_;
  std::map<std::string, products::Unit> units_;  // whole-root units to make: cards, forms, laser, wheel
  std::vector<std::string> made_whole_;          // of those, made: their folders are recorded once in place
  std::set<std::string> made_before_;            // files earlier builds made (relative): these may be replaced
};

bool Build::load() {
  auto& preload = preload_.emplace(text_cache_, settings_.jobs != 1);
  roadshow_ = content::load_roadshow(root_, report_.diagnostics, [&](const content::Languages& read) {
    // The language every product is made in, unless the build leaves it
    // out; a language the roadshow does not have is an error below.
    std::vector<std::string> built;
    for (const auto& lang : settings_.languages.empty() ? read.available : settings_.languages) {
      if (contains(read.available, lang)) built.push_back(lang);
    }
    preload.language(contains(built, read.default_language) ? read.default_language
                                                            : (built.empty() ? std::string() : built.front()));
  });
  check_loaded(roadshow_, report_.diagnostics);
  if (report_.diagnostics.has_errors()) {
    report_.outcome = BuildReport::Outcome::content_errors;
    return false;
  }
  report_.title = roadshow_.title.get();
  if (check_settings(roadshow_, settings_, report_.diagnostics)) return true;
  report_.outcome = BuildReport::Outcome::setting_errors;
  return false;
}

// One build at a time per output folder, never into the content, and
// whatever a killed build left is cleaned up first (output_guard.hpp).
bool Build::lock() {
  try {
    guard_.emplace(root_, report_.output_dir, [&](const std::string& holder) {
      if (progress_.waiting) progress_.waiting(report_.output_dir, holder);
    });
  } catch (const OutputError& e) {
    report_.failure = e.what();
    report_.outcome = BuildReport::Outcome::file_error;
    return false;
  }
  // What the last build made and from what: only what changed is made
  // again; after a build that did not finish, everything.
  manifest_ = settings_.rebuild || guard_->last_build_unfinished() ? Manifest::empty(report_.output_dir)
                                                                   : Manifest::load(report_.output_dir);
  staging_.emplace(report_.output_dir, staging_folder(report_.output_dir));
  // A file at an output's path is replaced only when a build made it (or
  // with --force): a user's own file in a new -o folder is not lost.
  made_before_ = Manifest::made_files(report_.output_dir);
  made_before_.insert(guard_->unfinished_outputs().begin(), guard_->unfinished_outputs().end());
  staging_->replace_only([this](const fs::path& relative) { return made_before_.contains(relative.generic_string()); },
                         settings_.force);
  try {
    if (settings_.contact_sheet) refuse_contact_sheet_path();
  } catch (const OutputRefused& e) {
    report_.failure = e.what();
    report_.outcome = BuildReport::Outcome::file_error;
    return false;
  }
  context_.emplace(
      products::Context{products::Workers(settings_.jobs, progress_.file_made), &manifest_, &text_cache_, &*staging_});
  return true;
}

// What a whole-root unit is made from besides the content files.
std::string Build::unit_inputs(const char* product) const {
  std::string inputs = fmt::format("{} {} {} {} {} {}", settings_.allow_overflow, settings_.crop_marks, settings_.pdfx,
                                   settings_.preview_dpi, fmt::join(settings_.languages, ","), settings_.source_maps);
  // The wheel shows no case text: a case's edit leaves it as it is.
  if (std::string_view(product) == "wheel") inputs += products::wheel_case_inputs(roadshow_);
  // The assembly sheet names the panels' poster size when the posters are made at it.
  if (std::string_view(product) == "laser") inputs += fmt::format(" {}", fmt::join(settings_.sizes, ","));
  return inputs;
}

// The deck, the laser job and the wheel are each one unit, made from the
// whole content root; read only when one of them is built (a posters-only
// build keys each poster on its own).
void Build::plan_units() {
  std::optional<ContentFiles> files;
  for (const char* product : {"cards", "forms", "laser", "wheel"}) {
    if (!wants(product)) continue;
    if (!files) files.emplace(root_);
    // The wheel and the forms show no case text: a case's edit leaves them as they are.
    const bool without_cases = std::string_view(product) == "wheel" || std::string_view(product) == "forms";
    const CaseFiles cases = without_cases ? CaseFiles::none : CaseFiles::all;
    products::Unit unit{product, files->key(product, unit_inputs(product), cases), {}, report_.output_dir / product};
    if (manifest_.up_to_date(unit.name, unit.key)) {
      report_.unchanged.emplace_back(product);
    } else {
      units_.emplace(product, std::move(unit));
    }
  }
}

Outcome Build::make(const std::string& product) {
  Outcome o;
  if (progress_.started) progress_.started(product);
  try {
    if (product == "posters") o = make_posters();
    if (product == "cards") o = make_cards();
    if (product == "forms") o = make_forms();
    if (product == "laser") o = make_laser();
    if (product == "wheel") o = make_wheel();
  } catch (const std::bad_alloc&) {
    // Out of the build's memory budget (limits.hpp) outside a page's
    // composing, which names its template's element itself.
    o.diagnostics.error(
        {(root_ / "roadshow.yaml").lexically_normal().string(), 0, 0},
        fmt::format("making the {} needed more memory than the build may use ({})", product, memory_budget_text()),
        "content within the limits of docs/limits.md",
        "build fewer products, languages or sizes at once (--only, --lang, --size), or use smaller "
        "images and fonts");
  } catch (const fab::GeometryError&) {
    // A part or a nesting that cannot be cut is a bug in impactkit, not a
    // file that could not be written: exit code 1 (docs/exit-codes.md).
    throw;
  } catch (const std::exception& e) {
    o.failure = e.what();
  }
  if (progress_.finished) progress_.finished(product);
  return o;
}

// Every product is made on a thread of its own beside the others (they
// share nothing but the content, read only, and the caches of fonts and
// hyphenation patterns, which are safe across threads); with -j1
// everything runs in turn on one thread. The outcomes are merged in the
// order of product_names, whichever finished first.
void Build::run() {
  const auto policy = settings_.jobs == 1 ? std::launch::deferred : std::launch::async;
  std::map<std::string, std::future<Outcome>> running;
  for (const auto& [product, unit] : units_) {
    running[product] = std::async(policy, [this, name = product] { return make(name); });
  }
  std::optional<Outcome> posters;
  if (wants("posters")) posters = make("posters");
  for (const char* product : product_names) {
    if (std::string_view(product) == "posters" && posters) merge(product, *posters);
    if (auto it = running.find(product); it != running.end()) {
      Outcome o = it->second.get();
      merge(product, o);
    }
  }
}

Outcome Build::make_posters() {
  Outcome o;
  products::PosterOptions options;
  options.output_dir = report_.output_dir;
  options.sizes = settings_.sizes;
  options.languages = settings_.languages;
  options.case_ids = settings_.cases;
  options.kinds = settings_.posters;
  options.allow_overflow = settings_.allow_overflow;
  options.crop_marks = settings_.crop_marks;
  options.pdfx = settings_.pdfx;
  options.preview_dpi = settings_.preview_dpi;
  options.source_maps = settings_.source_maps;
  products::PosterSet set(roadshow_, options, o.diagnostics, &text_cache_);
  if (o.diagnostics.has_errors()) return o;
  const auto& units = set.units();
  std::vector<bool> stale;
  stale.reserve(units.size());
  for (const auto& unit : units) stale.push_back(!manifest_.up_to_date(unit.name, unit.key));
  auto report = set.make(stale, *context_, o.diagnostics);
  o.notes = report.notes;
  if (o.diagnostics.has_errors()) return o;
  for (const auto& unit : units) manifest_.record(unit.name, unit.key, unit.files);
  // A build of every poster knows every poster there is: the posters of
  // removed cases, sizes or languages go, and nothing else.
  if (options.whole_set()) {
    for (const auto& file : manifest_.drop_unrecorded("posters/")) remove_output(context_->staging, file);
  }
  if (!report.files.empty()) report_.posters = std::move(report);
  return o;
}

Outcome Build::make_cards() {
  Outcome o;
  products::DeckOptions options;
  options.output_dir = report_.output_dir;
  options.languages = settings_.languages;
  options.allow_overflow = settings_.allow_overflow;
  options.preview_dpi = settings_.preview_dpi * 5;  // a card is about a fifth of an A1 poster's width
  options.pdfx = settings_.pdfx;
  options.source_maps = settings_.source_maps;
  auto report = products::build_decks(roadshow_, options, o.diagnostics, *context_);
  o.record = !o.diagnostics.has_errors();
  o.notes = report.notes;
  report_.card_size = roadshow_.deck.card_size;
  report_.cards = std::move(report);
  return o;
}

Outcome Build::make_forms() {
  Outcome o;
  products::FormOptions options;
  options.output_dir = report_.output_dir;
  options.languages = settings_.languages;
  options.allow_overflow = settings_.allow_overflow;
  options.crop_marks = settings_.crop_marks;
  // 3x: an A5 preview 350 px wide at the default 20 dpi, larger than a
  // card face's and enough to read; each PNG is a tenth of the forms' time.
  options.preview_dpi = settings_.preview_dpi * 3;
  options.pdfx = settings_.pdfx;
  auto report = products::build_forms(roadshow_, options, o.diagnostics, *context_);
  o.record = !o.diagnostics.has_errors();
  o.notes = report.notes;
  if (!report.files.empty()) report_.forms = std::move(report);
  return o;
}

Outcome Build::make_laser() {
  Outcome o;
  products::ExhibitOptions options;
  options.output_dir = report_.output_dir;
  options.allow_overflow = settings_.allow_overflow;
  options.poster_sizes = settings_.sizes;
  auto report = products::build_exhibit(roadshow_, options, o.diagnostics, *context_);
  o.record = !o.diagnostics.has_errors();
  o.notes = report.notes;
  report_.laser_material = roadshow_.exhibit.material.name;
  if (!report.files.empty()) report_.laser = std::move(report);
  return o;
}

Outcome Build::make_wheel() {
  Outcome o;
  products::WheelOptions options;
  options.output_dir = report_.output_dir;
  options.allow_overflow = settings_.allow_overflow;
  options.preview_dpi = settings_.preview_dpi;
  options.pdfx = settings_.pdfx;
  auto report = products::build_wheel(roadshow_, options, o.diagnostics, *context_);
  o.record = !o.diagnostics.has_errors() && !report.files.empty();
  o.notes = report.notes;
  report_.wheel_material = roadshow_.wheel.material ? roadshow_.wheel.material->name : roadshow_.exhibit.material.name;
  report_.wheel_diameter_mm = roadshow_.wheel.diameter_mm;
  if (!report.files.empty()) report_.wheel = std::move(report);
  return o;
}

void Build::merge(const std::string& product, Outcome& o) {
  report_.diagnostics.append(o.diagnostics);
  report_.notes.insert(report_.notes.end(), o.notes.begin(), o.notes.end());
  if (report_.failure.empty() && !o.failure.empty()) {
    report_.failure = o.failure;
    report_.outcome = BuildReport::Outcome::file_error;
  }
  if (o.record) made_whole_.push_back(product);
}

// The products' files wait in the staging folder until every product is
// made without errors; only then are they moved into place, and the build
// is whole or has written nothing (a file that cannot be moved, or a kill,
// while they are moved leaves each output whole, old or new, and the folder
// marked unfinished).
void Build::finish() {
  // The words this build shaped, for the next.
  text_cache_.save();
  if (report_.outcome != BuildReport::Outcome::ok) return;
  if (report_.diagnostics.has_errors()) {
    report_.outcome = BuildReport::Outcome::product_errors;
    return;
  }
  try {
    guard_->mark_unfinished(staging_->written());
    staging_->commit();
    if (settings_.contact_sheet) make_contact_sheet();
    keep_outputs();
    // A whole-root unit is every file in its folder, as it is now in place.
    for (const auto& product : made_whole_) {
      const auto& unit = units_.at(product);
      std::vector<fs::path> files;
      std::error_code ec;
      for (auto it = fs::recursive_directory_iterator(unit.folder, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
      }
      manifest_.record(unit.name, unit.key, files);
    }
    manifest_.save();
    guard_->succeeded();
  } catch (const fs::filesystem_error& e) {
    report_.failure = e.what();
    report_.outcome = BuildReport::Outcome::file_error;
  } catch (const OutputRefused& e) {
    report_.failure = e.what();
    report_.outcome = BuildReport::Outcome::file_error;
  } catch (const print::PrintError& e) {
    report_.failure = e.what();
    report_.outcome = BuildReport::Outcome::file_error;
  }
}

const char* const contact_sheet_path = "preview/contact-sheet.png";

// Checked before anything is made, as the staging folder checks the
// products' paths: no link on the way, and a file there that no build made
// is the user's, not replaced without --force.
void Build::refuse_contact_sheet_path() const {
  const fs::path sheet = report_.output_dir / contact_sheet_path;
  refuse_links_below(report_.output_dir, sheet);
  std::error_code ec;
  if (settings_.force || made_before_.contains(contact_sheet_path) || !fs::exists(fs::symlink_status(sheet, ec))) {
    return;
  }
  throw OutputRefused("the output " + sheet.lexically_normal().string() + " is there, but no build into " +
                      report_.output_dir.lexically_normal().string() +
                      " made it: the build would overwrite it\n  fix: move the file out of the output folder, "
                      "or build with --force to replace it");
}

// Made from the previews as they are in place, the new and the unchanged.
void Build::make_contact_sheet() {
  report_.contact_sheet = products::write_contact_sheet(roadshow_, report_.output_dir);
  made_before_.insert(contact_sheet_path);
}

// The files this build and earlier ones made that are still there: the
// next build may replace them.
void Build::keep_outputs() {
  std::set<std::string> outputs;
  std::error_code ec;
  for (const auto& file : staging_->written())
    made_before_.insert(file.lexically_relative(report_.output_dir).generic_string());
  for (const auto& relative : made_before_) {
    if (fs::is_regular_file(fs::symlink_status(report_.output_dir / relative, ec))) outputs.insert(relative);
  }
  manifest_.keep_outputs(std::move(outputs));
}

}  // namespace

Session::Session(fs::path root, BuildSettings settings, BuildProgress progress)
    : root_(std::move(root)), settings_(std::move(settings)), progress_(std::move(progress)) {
  // `--size a1` is A1, in the folder posters/LANG/A1 as from roadshow.yaml.
  for (auto& size : settings_.sizes) {
    if (const auto paper = content::paper_size(size); paper && !paper->name.empty()) size = paper->name;
  }
  for (auto* list : {&settings_.only, &settings_.sizes, &settings_.languages, &settings_.cases, &settings_.posters}) {
    drop_repeats(*list);
  }
}

BuildReport Session::build() {
  BuildReport report;
  report.output_dir = settings_.output_dir.empty() ? root_ / "output" : settings_.output_dir;
  Build build(root_, settings_, progress_, report);
  if (!build.load() || !build.lock()) return report;
  build.plan_units();
  build.run();
  build.finish();
  return report;
}

}  // namespace impactkit::pipeline
