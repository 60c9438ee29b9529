#include <impactkit/products/posters.hpp>

#include <impactkit/pipeline/manifest.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/version.hpp>

#include <impactkit/content/loader.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/fields.hpp>
#include <impactkit/layout/template.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/preview.hpp>
#include <impactkit/products/compose_kit.hpp>
#include <impactkit/products/parallel.hpp>
#include <impactkit/text/font.hpp>
#include <impactkit/text/typesetter.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

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
  layout::Page page;
  std::string unit;  // its name in the manifest
  std::string key;   // a hash of everything it is made from
  bool unchanged = false;
};

// Everything a poster is made from: the tool, its template, the theme (and
// logo, fonts folder), the labels of its language, every value of its
// fields, its size and the options that change the files.
std::string job_key(const Job& job, const content::Roadshow& roadshow, const PosterOptions& options) {
  pipeline::Hasher h;
  h.add(version);
  std::string template_text;
  for (const auto& dir : content::template_dirs(roadshow.root)) {
    if (auto text = read_file(dir / (job.tmpl->name + ".yaml"))) {
      template_text = std::move(*text);
      break;
    }
  }
  h.add(template_text);
  h.add_file(roadshow.root / roadshow.theme.file);
  if (!roadshow.theme.logo.empty()) h.add_file(roadshow.root / roadshow.theme.logo);
  h.add_file(job.labels->file());
  std::error_code ec;
  for (const auto& dir : text::font_dirs(roadshow.root)) {
    for (const auto& f : std::filesystem::directory_iterator(dir, ec))
      h.add(f.path().string()).add(std::to_string(f.file_size(ec)));
  }
  h.add(job.fields->fingerprint(template_text));
  h.add(fmt::format("{} {} {} {} {} {} {} {}", job.file.language, job.size.name, job.size.width_mm, job.size.height_mm,
                    options.crop_marks, options.pdfx, options.preview_dpi, options.allow_overflow));
  h.add(fmt::format("{}", roadshow.posters.bleed_mm));
  return h.hex();
}

bool wanted(const std::vector<std::string>& list, const std::string& item) {
  return list.empty() || std::find(list.begin(), list.end(), item) != list.end();
}

void write_job(const Job& job, const content::Roadshow& roadshow, const PosterOptions& options, Diagnostics& warnings) {
  fs::create_directories(job.file.pdf.parent_path());
  const layout::DocumentInfo info{job.title, roadshow.organisation,
                                  fmt::format("{} poster, {}", job.file.kind, job.file.size), job.file.language};
  print::PdfOptions pdf;
  pdf.crop_marks = options.crop_marks;
  print::write_pdf(job.file.pdf, {job.page}, info, pdf, warnings);
  if (options.pdfx) {
    const fs::path pdfx = job.file.pdf.parent_path() / "pdfx" / job.file.pdf.filename();
    fs::create_directories(pdfx.parent_path());
    print::make_pdfx(job.file.pdf, pdfx);
  }
  if (!job.file.preview.empty()) print::write_png(job.file.preview, job.page, options.preview_dpi, warnings);
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

}  // namespace

PosterReport build_posters(const content::Roadshow& roadshow, const PosterOptions& options, Diagnostics& diagnostics) {
  PosterReport report;
  const std::vector<std::string> sizes =
      options.sizes.empty() ? std::vector<std::string>{roadshow.posters.size} : options.sizes;
  const std::vector<std::string> languages =
      options.languages.empty() ? roadshow.languages.available : options.languages;
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
  if (options.pdfx && !print::find_ghostscript()) {
    diagnostics.error({"--pdfx", 0, 0}, "PDF/X needs Ghostscript, which is not installed", {},
                      "install the Debian package ghostscript (apt-get install ghostscript), or build without --pdfx");
  }
  if (diagnostics.has_errors()) return report;

  ComposeKit kit(roadshow, diagnostics);
  // The templates the roadshow loaded, by poster kind.
  std::map<std::string, layout::Template> templates;
  for (const auto& kind : {"route", "confrontation", "yourturn", "intro", "overview"}) {
    if (!wanted(options.kinds, kind)) continue;
    if (const auto* t = kit.find(std::string("poster-") + kind)) templates.emplace(kind, *t);
  }
  if (diagnostics.has_errors()) return report;

  const fs::path out = options.output_dir / "posters";
  std::vector<Job> jobs;
  std::map<std::string, std::vector<std::string>> incomplete;     // language -> cases not fully written in it
  std::map<std::string, std::unique_ptr<layout::Fields>> fields;  // stable addresses
  for (const auto& lang : languages) {
    const auto& lab = kit.labels_in(lang);
    auto& shared = fields[lang] = std::make_unique<layout::Fields>(layout::roadshow_fields(roadshow, lang, lab));
    for (const auto& size_name : sizes) {
      const auto size = *layout::paper_size(size_name);
      const fs::path dir = out / lang / size_name;
      const auto add = [&](const std::string& kind, const std::string& case_id, const layout::Fields* f,
                           const std::string& title, const std::string& stem_override = {}) {
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
        job.tmpl = &templates.at(kind);
        job.fields = f;
        job.labels = &lab;
        job.size = size;
        job.title = title;
        jobs.push_back(std::move(job));
      };
      if (options.case_ids.empty()) {
        add("intro", "", shared.get(), roadshow.title.get(lang));
        // The overview shows as many cases as its template's repeat holds
        // (`max`); more cases go on further overview posters.
        const std::size_t per_poster = templates.count("overview") ? overview_capacity(templates.at("overview")) : 0;
        const auto* cases = shared->list("roadshow.cases");
        const std::size_t count = cases ? cases->size() : 0;
        const std::size_t posters = per_poster == 0 || count <= per_poster ? 1 : (count + per_poster - 1) / per_poster;
        for (std::size_t i = 0; i < posters; ++i) {
          auto& page = fields[fmt::format("{}/overview/{}", lang, i)];
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
              posters == 1 ? roadshow.title.get(lang)
                           : fmt::format("{} ({}/{})", roadshow.title.get(lang), i + 1, posters),
              i == 0 ? "overview" : fmt::format("overview-{}", i + 1));
        }
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
        if (!case_f)
          case_f = std::make_unique<layout::Fields>(layout::case_fields(c, roadshow, lang, lab, shared.get()));
        for (const auto& kind : case_poster_kinds) add(kind, c.id, case_f.get(), c.title.get(lang));
      }
    }
  }
  for (const auto& [lang, ids] : incomplete) {
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    report.notes.push_back(fmt::format("no '{}' case posters for {} case{} not fully written in '{}': {}", lang,
                                       ids.size(), ids.size() == 1 ? "" : "s", lang, list));
  }
  if (diagnostics.has_errors()) return report;

  for (Job& job : jobs) {
    if (options.manifest) {
      job.unit = "posters/" + (job.file.pdf.lexically_relative(options.output_dir)).generic_string();
      job.key = job_key(job, roadshow, options);
      job.unchanged = options.manifest->up_to_date(job.unit, job.key);
      if (job.unchanged) continue;
    }
    layout::ComposeOptions compose{job.file.language, job.size, options.allow_overflow, roadshow.posters.bleed_mm};
    job.page = kit.composer.compose(*job.tmpl, *job.fields, *job.labels, compose);
  }
  // Nothing is written when any poster has an error: a build is whole or not at all.
  if (diagnostics.has_errors()) return report;

  // Writing (PDF, PDF/X, preview) is independent per poster: spread over the cores.
  std::vector<Task> tasks;
  for (const Job& job : jobs) {
    if (!job.unchanged) tasks.emplace_back([&](Diagnostics& warnings) { write_job(job, roadshow, options, warnings); });
  }
  run_parallel(tasks, diagnostics);
  if (options.manifest) {
    for (const Job& job : jobs) {
      std::vector<std::filesystem::path> files = {job.file.pdf};
      if (!job.file.preview.empty()) files.push_back(job.file.preview);
      if (options.pdfx) files.push_back(job.file.pdf.parent_path() / "pdfx" / job.file.pdf.filename());
      options.manifest->record(job.unit, job.key, files);
      report.unchanged += job.unchanged ? 1 : 0;
    }
    // A full build (no selection) knows every poster there is: the posters
    // of removed cases, sizes or languages go, and nothing else.
    if (options.case_ids.empty() && options.kinds.empty() && options.sizes.empty() && options.languages.empty()) {
      options.manifest->drop_unrecorded("posters/");
    }
  }
  for (const Job& job : jobs) report.files.push_back(job.file);
  return report;
}

}  // namespace impactkit::products
