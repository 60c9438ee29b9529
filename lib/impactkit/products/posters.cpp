#include <impactkit/products/posters.hpp>

#include <impactkit/core/digest.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/preview.hpp>
#include <impactkit/products/compose_kit.hpp>
#include <impactkit/products/print_shop.hpp>
#include <impactkit/products/source_map.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/typesetter.hpp>
#include <impactkit/version.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace impactkit::products {
namespace fs = std::filesystem;

namespace {

// One poster to make: which template, with which fields, where to.
struct Job {
  PosterFile file;
  const layout::Template* tmpl = nullptr;
  const layout::Fields* fields = nullptr;
  const layout::Labels* labels = nullptr;
  layout::PaperSize size;
  std::string title;
};

// `list` without its repeats, in its order: `--lang nl,nl` builds nl once.
std::vector<std::string> once_each(const std::vector<std::string>& list) {
  std::vector<std::string> out;
  for (const auto& item : list) {
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
  }
  return out;
}

bool wanted(const std::vector<std::string>& list, const std::string& item) {
  return list.empty() || std::find(list.begin(), list.end(), item) != list.end();
}

// How many cases one overview poster holds: the `max` of its template's
// repeat over the cases; 0 when it has none (all on one poster).
std::size_t overview_capacity(const layout::Template& t) {
  for (const auto& e : t.elements) {
    if (e.kind == layout::Element::Kind::repeat && e.over == "roadshow.cases" && e.max_items > 0)
      return static_cast<std::size_t>(e.max_items);
  }
  return 0;
}

void check_options(const content::Roadshow& roadshow, const PosterOptions& options,
                   const std::vector<std::string>& sizes, Diagnostics& diagnostics) {
  for (const auto& id : options.case_ids) {
    if (!roadshow.find_case(id)) {
      diagnostics.error({"--case", 0, 0}, fmt::format("no case '{}' in the roadshow", id),
                        "an id that `impactkit list` shows");
    }
  }
  for (const auto& size : sizes) {
    if (!layout::paper_size(size)) {
      diagnostics.error({"--size", 0, 0}, fmt::format("unknown poster size '{}'", size),
                        "A0, A1, A2, A3, A4 or WxH in mm");
    }
  }
}

// The PDF (and its PDF/X) of a poster.
void write_print(const Job& job, const layout::Page& page, const content::Roadshow& roadshow,
                 const PosterOptions& options, Staging* staging, Diagnostics& warnings) {
  const layout::DocumentInfo info{job.title, roadshow.organisation,
                                  fmt::format("{} poster, {}", job.file.kind, job.file.size), job.file.language};
  print::PdfOptions pdf;
  pdf.crop_marks = options.crop_marks;
  const fs::path made = staged(staging, job.file.pdf);
  print::write_pdf(made, {page}, info, pdf, warnings);
  make_or_remove_pdfx(options.pdfx, job.file.pdf, roadshow, staging);
}

// The files a poster makes.
std::vector<fs::path> job_files(const Job& job, const PosterOptions& options) {
  std::vector<fs::path> files = {job.file.pdf};
  if (!job.file.preview.empty()) {
    files.push_back(job.file.preview);
    if (options.source_maps) files.push_back(source_map_path(job.file.preview));
  }
  if (options.pdfx) files.push_back(pdfx_path(job.file.pdf));
  return files;
}

// Which posters are composed, for the threads that write them.
class ComposedPages {
 public:
  explicit ComposedPages(std::size_t count) : done_(count, false) {}

  void done(std::size_t i) {
    {
      const std::lock_guard lock(mutex_);
      done_[i] = true;
    }
    changed_.notify_all();
  }
  // No page is composed after this: composing ended, finished or failed.
  void finish() {
    {
      const std::lock_guard lock(mutex_);
      finished_ = true;
    }
    changed_.notify_all();
  }
  // Waits until page `i` is composed (true) or composing ended without it.
  bool wait(std::size_t i) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return done_[i] || finished_; });
    return done_[i];
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<bool> done_;
  bool finished_ = false;
};

}  // namespace

struct PosterSet::Plan {
  Plan(const content::Roadshow& r, const PosterOptions& o, Diagnostics& diagnostics, text::TextCache* cache)
      : roadshow(r), options(o), kit(r, diagnostics, cache) {}

  void find_templates();
  void plan_language(const std::string& lang, const std::vector<std::string>& sizes);
  void plan_overviews(const std::string& lang, const fs::path& dir, const layout::PaperSize& size,
                      const std::string& size_name);
  void add(const std::string& kind, const std::string& case_id, const layout::Fields* f, const std::string& title,
           const fs::path& dir, const layout::PaperSize& size, const std::string& size_name,
           const std::string& stem_override = {});
  std::string key(const Job& job) const;
  std::string shared_inputs() const;

  const content::Roadshow& roadshow;
  const PosterOptions& options;
  ComposeKit kit;
  std::map<std::string, const layout::Template*> templates;       // by kind, as the roadshow loaded them
  std::map<std::string, std::unique_ptr<layout::Fields>> fields;  // stable addresses
  std::map<std::string, std::vector<std::string>> incomplete;     // language -> cases not fully written in it
  std::vector<Job> jobs;
  std::vector<Unit> units;
  std::string shared_key;  // shared_inputs()
  std::string lang;        // being planned
};

void PosterSet::Plan::find_templates() {
  for (const auto& kind : {"route", "confrontation", "yourturn", "intro", "overview"}) {
    if (!wanted(options.kinds, kind)) continue;
    if (const auto* t = kit.find(std::string("poster-") + kind)) templates.emplace(kind, t);
  }
}

void PosterSet::Plan::add(const std::string& kind, const std::string& case_id, const layout::Fields* f,
                          const std::string& title, const fs::path& dir, const layout::PaperSize& size,
                          const std::string& size_name, const std::string& stem_override) {
  if (!wanted(options.kinds, kind)) return;
  std::string stem = case_id;
  stem += (case_id.empty() ? "" : "-") + kind;
  if (!stem_override.empty()) stem = stem_override;
  Job job;
  job.file = {kind,
              case_id,
              lang,
              size_name,
              dir / (stem + ".pdf"),
              options.preview_dpi > 0 ? dir / (stem + ".png") : fs::path()};
  job.tmpl = templates.at(kind);
  job.fields = f;
  job.labels = &kit.labels_in(lang);
  job.size = size;
  job.title = title;
  jobs.push_back(std::move(job));
}

// The overview shows as many cases as its template's repeat holds (`max`);
// more cases go on further overview posters.
void PosterSet::Plan::plan_overviews(const std::string& lang_, const fs::path& dir, const layout::PaperSize& size,
                                     const std::string& size_name) {
  const auto& shared = fields.at(lang_);
  const std::size_t per_poster = templates.count("overview") ? overview_capacity(*templates.at("overview")) : 0;
  const auto* cases = shared->list("roadshow.cases");
  const std::size_t count = cases ? cases->size() : 0;
  const std::size_t posters = per_poster == 0 || count <= per_poster ? 1 : (count + per_poster - 1) / per_poster;
  for (std::size_t i = 0; i < posters; ++i) {
    auto& page = fields[fmt::format("{}/overview/{}", lang_, i)];
    if (!page) {
      // page.count is empty on a lone overview: a template shows "1 / 3" only `when: page.count`.
      page = std::make_unique<layout::Fields>(shared.get());
      if (posters > 1) {
        const auto first = cases->begin() + static_cast<std::ptrdiff_t>(i * per_poster);
        const auto last = cases->begin() + static_cast<std::ptrdiff_t>(std::min(count, (i + 1) * per_poster));
        page->set_list("roadshow.cases", std::vector<layout::Fields>(first, last));
      }
      page->set("page.number", std::to_string(i + 1));
      page->set("page.count", posters > 1 ? std::to_string(posters) : std::string());
    }
    add("overview", "", page.get(),
        posters == 1 ? roadshow.title.get(lang_) : fmt::format("{} ({}/{})", roadshow.title.get(lang_), i + 1, posters),
        dir, size, size_name, i == 0 ? "overview" : fmt::format("overview-{}", i + 1));
  }
}

void PosterSet::Plan::plan_language(const std::string& language, const std::vector<std::string>& sizes) {
  lang = language;
  const auto& lab = kit.labels_in(lang);
  auto& shared = fields[lang] = std::make_unique<layout::Fields>(layout::roadshow_fields(roadshow, lang, lab));
  for (const auto& size_name : sizes) {
    const auto size = *layout::paper_size(size_name);
    const fs::path dir = options.output_dir / "posters" / lang / size_name;
    if (options.case_ids.empty()) {
      add("intro", "", shared.get(), roadshow.title.get(lang), dir, size, size_name);
      plan_overviews(lang, dir, size, size_name);
    }
    for (const auto& c : roadshow.cases) {
      if (!wanted(options.case_ids, c.id)) continue;
      const auto complete = content::complete_languages(c, roadshow.languages.available);
      if (lang != roadshow.languages.default_language &&
          std::find(complete.begin(), complete.end(), lang) == complete.end()) {
        if (size_name == sizes.front()) incomplete[lang].push_back(c.id);
        continue;
      }
      auto& case_f = fields[lang + "/" + c.id];
      if (!case_f) case_f = std::make_unique<layout::Fields>(layout::case_fields(c, roadshow, lang, lab, shared.get()));
      for (const auto& kind : case_poster_kinds) add(kind, c.id, case_f.get(), c.title.get(lang), dir, size, size_name);
    }
  }
}

// Everything a poster is made from: the tool, its template, the theme (and
// logo, fonts folder), the labels of its language, every value of its
// fields, its size and the options that change the files.
std::string PosterSet::Plan::key(const Job& job) const {
  Digest d;
  d.add(shared_key).add(job.tmpl->source).add(job.labels->source());
  d.add(job.fields->fingerprint(job.tmpl->source));
  d.add(job.file.language).add(job.size.name).add(job.size.width_mm).add(job.size.height_mm);
  return d.hex();
}

// What every poster is made from alike, read once for all of them.
std::string PosterSet::Plan::shared_inputs() const {
  Digest d;
  d.add(version);
  d.add(read_file(roadshow.root / roadshow.theme.file).value_or(""));
  d.add(roadshow.theme.logo.empty() ? std::string() : read_file(roadshow.root / roadshow.theme.logo).value_or(""));
  std::error_code ec;
  for (const auto& dir : text::font_dirs(roadshow.root)) {
    for (const auto& f : std::filesystem::directory_iterator(dir, ec))
      d.add(f.path().string()).add(static_cast<std::uint64_t>(f.file_size(ec)));
  }
  d.add(options.crop_marks).add(options.pdfx).add(options.preview_dpi).add(options.allow_overflow);
  if (options.pdfx) add_pdfx_inputs(d, roadshow);
  d.add(options.source_maps);
  return d.add(roadshow.posters.bleed_mm).hex();
}

PosterSet::PosterSet(const content::Roadshow& roadshow, const PosterOptions& options, Diagnostics& diagnostics,
                     text::TextCache* cache) {
  const std::vector<std::string> sizes =
      once_each(options.sizes.empty() ? std::vector<std::string>{roadshow.posters.size} : options.sizes);
  check_options(roadshow, options, sizes, diagnostics);
  if (diagnostics.has_errors()) return;
  plan_ = std::make_unique<Plan>(roadshow, options, diagnostics, cache);
  plan_->find_templates();
  if (diagnostics.has_errors()) return;
  // A language planned twice would replace the fields its first posters point to.
  for (const auto& lang : once_each(options.languages.empty() ? roadshow.languages.available : options.languages)) {
    plan_->plan_language(lang, sizes);
  }
  if (diagnostics.has_errors()) return;
  plan_->shared_key = plan_->shared_inputs();
  for (const Job& job : plan_->jobs) {
    plan_->units.push_back({"posters/" + job.file.pdf.lexically_relative(options.output_dir).generic_string(),
                            plan_->key(job),
                            job_files(job, options),
                            {}});
  }
}

PosterSet::~PosterSet() = default;

const std::vector<Unit>& PosterSet::units() const {
  static const std::vector<Unit> none;
  return plan_ ? plan_->units : none;
}

PosterReport PosterSet::make(const std::vector<bool>& stale, const Context& context, Diagnostics& diagnostics) {
  PosterReport report;
  if (!plan_) return report;
  const auto& roadshow = plan_->roadshow;
  const auto& options = plan_->options;
  for (const auto& [lang, ids] : plan_->incomplete) {
    report.notes.push_back(fmt::format("no '{}' case posters for {} case{} not fully written in '{}': {}", lang,
                                       ids.size(), ids.size() == 1 ? "" : "s", lang, fmt::join(ids, ", ")));
  }
  std::vector<layout::Page> pages(plan_->jobs.size());
  ComposedPages composed(plan_->jobs.size());
  const auto compose_all = [&](Diagnostics& composing) {
    layout::Composer composer(roadshow, plan_->kit.typesetter, composing);
    for (std::size_t i = 0; i < plan_->jobs.size(); ++i) {
      if (!stale[i]) continue;
      const Job& job = plan_->jobs[i];
      const layout::ComposeOptions compose{job.file.language, job.size, options.allow_overflow,
                                           roadshow.posters.bleed_mm};
      pages[i] = composer.compose(*job.tmpl, *job.fields, *job.labels, compose);
      // Every poster is composed, so that every error is reported; after
      // the first, none is written.
      if (!composing.has_errors()) composed.done(i);
    }
  };
  // Writing is independent per poster and per file: spread over the cores.
  // The preview is a task of its own, so that the last poster's two files
  // are written at once instead of one core waiting for the other.
  std::vector<Task> tasks;
  for (std::size_t i = 0; i < plan_->jobs.size(); ++i) {
    if (!stale[i]) continue;
    const Job* job = &plan_->jobs[i];
    tasks.emplace_back([&, i, job](Diagnostics& warnings) {
      if (composed.wait(i)) write_print(*job, pages[i], roadshow, options, context.staging, warnings);
    });
    if (job->file.preview.empty()) continue;
    tasks.emplace_back([&, i, job](Diagnostics& warnings) {
      if (composed.wait(i)) {
        print::write_png(staged(context.staging, job->file.preview), pages[i], options.preview_dpi, warnings);
        if (options.source_maps) {
          write_file_atomically(staged(context.staging, source_map_path(job->file.preview)), source_map_json(pages[i]));
        }
      }
    });
  }
  // Composing shares one typesetter, so the posters are composed one after
  // the other; with staging (a failed build's files are never seen) each is
  // written as soon as it is composed, so that the other cores write while
  // this one composes. Without staging, or on one core, all are composed
  // first: nothing is written when any poster has an error.
  if (context.staging == nullptr || context.workers.threads() < 2) {
    compose_all(diagnostics);
    if (diagnostics.has_errors()) return report;
    context.workers.run(tasks, diagnostics);
  } else {
    Diagnostics composing;
    Diagnostics writing;
    std::exception_ptr failure;
    {
      const std::jthread composer([&] {
        try {
          compose_all(composing);
        } catch (...) {
          failure = std::current_exception();
        }
        composed.finish();
      });
      context.workers.run(tasks, writing);
    }
    diagnostics.append(composing);
    if (failure) std::rethrow_exception(failure);
    if (diagnostics.has_errors()) return report;
    diagnostics.append(writing);
  }
  for (std::size_t i = 0; i < plan_->jobs.size(); ++i) {
    report.files.push_back(plan_->jobs[i].file);
    report.unchanged += stale[i] ? 0 : 1;
  }
  return report;
}

PosterReport build_posters(const content::Roadshow& roadshow, const PosterOptions& options, Diagnostics& diagnostics,
                           const Context& context) {
  PosterSet set(roadshow, options, diagnostics, context.text_cache);
  if (diagnostics.has_errors()) return {};
  return set.make(std::vector<bool>(set.units().size(), true), context, diagnostics);
}

}  // namespace impactkit::products
