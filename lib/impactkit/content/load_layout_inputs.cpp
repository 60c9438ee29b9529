// What the products lay out with, loaded with the roadshow and checked
// against it: the templates they use, the labels of every language, the
// images the templates name and the official SDG icons. A build finds here
// every problem that `validate` finds, and layout reads no file.

#include <impactkit/content/detail/loaders.hpp>
#include <impactkit/content/detail/root_links.hpp>
#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/core/limits.hpp>
#include <impactkit/core/root_file.hpp>
#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <set>

namespace impactkit::content {
namespace fs = std::filesystem;
using detail::check_image;

namespace {

// Calls `f` for every element, those inside repeats included.
template <class Elements, class F>
void for_each_element(Elements& elements, const F& f) {
  for (auto& e : elements) {
    f(e);
    for_each_element(e.children, f);
  }
}

// The labels an element names: its `label:`, and {label:KEY} in its text.
std::vector<std::string> named_labels(const Element& e) {
  std::vector<std::string> out;
  if (!e.label.empty()) out.push_back(e.label);
  for (std::size_t at = 0; (at = e.literal.find("{label:", at)) != std::string::npos;) {
    const std::size_t close = e.literal.find('}', at);
    if (close == std::string::npos) break;
    out.push_back(e.literal.substr(at + 7, close - at - 7));
    at = close;
  }
  return out;
}

// The labels the products name in code rather than in a template.
std::set<std::string> labels_named_in_code() {
  std::set<std::string> out = {"cards.sdg.more",        "cards.sdg.separator", "cards.question.from",
                               "cards.alignment.front", "footer.undated",      "cards.alignment.back"};
  for (const auto name : case_status_names) out.insert(fmt::format("status.{}", name));
  for (const auto name : card_kind_names) out.insert(fmt::format("cards.kind.{}", name));
  return out;
}

void check_label(const Template& t, const Element& e, const std::string& key, const Labels& labels,
                 Diagnostics& diagnostics) {
  if (labels.find(key)) return;
  const auto near = closest(key, labels.keys());
  diagnostics.error(
      e.pos, fmt::format("template {} names label '{}', which {} does not have", t.name, key, labels.file()),
      "a key of the locale file", near ? fmt::format("did you mean '{}'?", *near) : "add it to the locale file");
}

// A label of the locale file that nothing names, near one that is named
// and that the file lacks: a misspelt key. (Other unnamed labels may serve
// a fork's own templates.)
void check_locale_keys(const Labels& labels, const std::set<std::string>& named, Diagnostics& diagnostics) {
  std::vector<std::string> missing;
  for (const auto& key : named) {
    if (!labels.find(key)) missing.push_back(key);
  }
  if (missing.empty()) return;
  for (const auto& [key, label] : labels.all()) {
    if (named.contains(key)) continue;
    if (const auto near = closest(key, missing)) {
      diagnostics.error(label.pos, fmt::format("unknown label '{}'", key), "a label that a template or product names",
                        fmt::format("did you mean '{}'?", *near));
    }
  }
}

// The styles an element is set in.
std::vector<std::string> named_styles(const Element& e, bool sdg_icons) {
  switch (e.kind) {
    case Element::Kind::text:
      return {e.style};
    case Element::Kind::figure:
      if (!e.sign_style.empty()) {
        return {e.value_style.empty() ? "figure_value" : e.value_style,
                e.unit_style.empty() ? "figure_unit" : e.unit_style,
                e.label_style.empty() ? "figure_label" : e.label_style, e.sign_style};
      }
      return {e.value_style.empty() ? "figure_value" : e.value_style,
              e.unit_style.empty() ? "figure_unit" : e.unit_style,
              e.label_style.empty() ? "figure_label" : e.label_style};
    case Element::Kind::sdg:
      if (!sdg_icons) return {"sdg_number", "sdg_name"};
      return {};
    default:
      return {};
  }
}

void check_style(const Template& t, const Element& e, const std::string& name, const Theme& theme,
                 Diagnostics& diagnostics) {
  if (name.empty() || theme.find_style(name)) return;
  std::vector<std::string> names;
  for (const auto& st : theme.styles) names.push_back(st.name);
  const auto near = closest(name, names);
  diagnostics.error(e.pos, fmt::format("template {} uses style '{}', which the theme does not have", t.name, name),
                    "a style under `styles:` in " + theme.file.string(),
                    near ? fmt::format("did you mean '{}'?", *near) : "add the style to the theme");
}

// How to mend a file the door refused.
std::string fix_for(const RootFileError& refused) {
  switch (refused.kind) {
    case RootFileError::Kind::outside:
      return "copy the file into the content root instead of linking to it";
    case RootFileError::Kind::not_regular:
      return "replace it by a regular file";
    case RootFileError::Kind::too_large:
      return "make the file smaller";
    case RootFileError::Kind::unreachable:
      return "make the folder readable (chmod a+rx), or remove it from the content root";
    default:
      return "check that the file exists and is readable";
  }
}

// Whether the link check of the content root (detail/root_links.hpp) has
// reported what the door refused: a link out of the root (or one that
// leads nowhere: missing), or a FIFO, in a
// folder it walks. Said once.
bool already_reported(const fs::path& relative, const RootFileError& refused) {
  return (refused.kind == RootFileError::Kind::outside || refused.kind == RootFileError::Kind::not_regular ||
          refused.kind == RootFileError::Kind::missing) &&
         detail::walked_by_link_check(relative.lexically_normal());
}

// A template's image: `theme.logo` (checked with the theme), or a file
// inside the root, checked here; an absolute path, `..` or a link must not
// reach out of the root.
void resolve_image(const fs::path& root, Element& e, Diagnostics& diagnostics) {
  // An image from a field is a case's own, checked with the case.
  if (e.kind != Element::Kind::image || e.file == "theme.logo" || e.file.empty()) return;
  const fs::path file = e.file;
  const auto full = root / file;
  const std::string expected = "a PNG, JPEG or SVG file inside the content root";
  if (file.is_absolute() || !stays_within(root, full)) {
    diagnostics.error(e.pos, fmt::format("image '{}' leaves the content root", file.string()), expected,
                      "copy the file into the content root and refer to it from there");
  } else if (!fs::exists(full)) {
    diagnostics.error(e.pos, fmt::format("image '{}' does not exist", file.string()), expected,
                      "add the file or correct the path");
  } else if (const auto refused = check_root_file(full, {root}, limits::max_image_file_bytes)) {
    // A FIFO would hang the build, a link out would print another file.
    if (already_reported(file, *refused)) return;
    diagnostics.error(e.pos, fmt::format("image '{}' cannot be used: {}", file.string(), describe(*refused)), expected,
                      fix_for(*refused));
  } else if (check_image(diagnostics, e.pos, root, file)) {
    e.image = full;
  }
}

// The official icons, assets/sdg/NN.svg or .png, through the content
// root's door: a link out of the root, a FIFO or a folder in their place is
// an error (the icon would be printed on every poster), not an icon.
void resolve_sdg_icons(Roadshow& roadshow, Diagnostics& diagnostics) {
  for (auto& sdg : roadshow.sdgs) {
    for (const char* ext : {".svg", ".png"}) {
      const fs::path relative = fs::path("assets") / "sdg" / (fmt::format("{:02}", sdg.number) + ext);
      auto path = roadshow.root / relative;
      std::error_code ec;
      if (!fs::exists(fs::symlink_status(path, ec))) continue;
      if (const auto refused = check_root_file(path, {roadshow.root}, limits::max_image_file_bytes)) {
        if (already_reported(relative, *refused)) break;  // and not used
        diagnostics.error({detail::display_name(roadshow.root, relative), 0, 0},
                          fmt::format("the icon of SDG {} cannot be used: {}", sdg.number, describe(*refused)),
                          "a PNG or SVG file inside the content root", fix_for(*refused));
        break;
      }
      // An SVG icon that includes files, a PNG with too many pixels: said at validate.
      if (check_image(diagnostics, {detail::display_name(roadshow.root, relative), 0, 0}, roadshow.root, relative)) {
        sdg.icon = std::move(path);
      }
      break;
    }
  }
}

// The same sdg marker is drawn with icons only when every goal has one.
bool all_icons(const Roadshow& roadshow) {
  return !roadshow.sdgs.empty() &&
         std::all_of(roadshow.sdgs.begin(), roadshow.sdgs.end(), [](const Sdg& s) { return !s.icon.empty(); });
}

}  // namespace

void check_template(Template& t, const Roadshow& roadshow, Diagnostics& diagnostics) {
  const bool icons = all_icons(roadshow);
  const bool theme_loaded = !roadshow.theme.file.empty();
  for_each_element(t.elements, [&](Element& e) {
    resolve_image(roadshow.root, e, diagnostics);
    if (theme_loaded) {
      for (const auto& style : named_styles(e, icons)) check_style(t, e, style, roadshow.theme, diagnostics);
    }
    for (const auto& [language, labels] : roadshow.labels) {
      if (labels.all().empty() && labels.source().empty()) continue;  // not loaded: reported
      for (const auto& key : named_labels(e)) check_label(t, e, key, labels, diagnostics);
    }
  });
}

namespace detail {

namespace {

// Every template a roadshow may need: the deck's every kind, and the wheel's.
std::vector<std::string> every_template_name() {
  Roadshow all;
  all.wheel.sectors.resize(1);
  return template_names(all);
}

}  // namespace

LayoutInputs::LayoutInputs(const fs::path& root) : root_(root), folders_(template_dirs(root)) {
  for (const auto& name : every_template_name()) jobs_.push_back({name, &folders_, false, {}, {}, {}});
  // Every locale file there is: which languages the roadshow has is not read yet.
  std::error_code ec;
  std::vector<std::string> languages;
  for (const auto& entry : fs::directory_iterator(root / "locales", ec)) {
    if (entry.path().extension() == ".yaml") languages.push_back(entry.path().stem().string());
  }
  std::sort(languages.begin(), languages.end());
  for (auto& language : languages) jobs_.push_back({std::move(language), nullptr, true, {}, {}, {}});
  thread_ = std::thread([this] { work(); });
}

LayoutInputs::~LayoutInputs() {
  next_ = jobs_.size();  // a load that gave up early: no more parsing
  if (thread_.joinable()) thread_.join();
}

void LayoutInputs::work() {
  try {
    for (std::size_t i = next_++; i < jobs_.size(); i = next_++) {
      Job& job = jobs_[i];
      if (job.locale) {
        job.labels = load_labels(root_, job.name, languages_, job.diagnostics);
      } else {
        job.t = load_template(job.name, *job.folders, languages_, job.diagnostics);
      }
    }
  } catch (...) {
    const std::lock_guard lock(failure_mutex_);
    failure_ = std::current_exception();
  }
}

LayoutInputs::Job* LayoutInputs::find(std::string_view name, bool locale) {
  const auto it = std::find_if(jobs_.begin(), jobs_.end(),
                               [&](const Job& job) { return job.locale == locale && job.name == name; });
  return it == jobs_.end() ? nullptr : &*it;
}

void LayoutInputs::finish(Roadshow& roadshow, Diagnostics& diagnostics) {
  work();  // what the thread has not started yet, on this one
  thread_.join();
  if (failure_) std::rethrow_exception(failure_);
  resolve_sdg_icons(roadshow, diagnostics);
  for (const auto& language : roadshow.languages.available) {
    Job* job = find(language, true);
    Job missing{language, nullptr, true, {}, {}, {}};
    if (!job) {  // reported as a file that cannot be read
      missing.labels = load_labels(root_, language, languages_, missing.diagnostics);
      job = &missing;
    }
    diagnostics.append(job->diagnostics);
    // Labels with errors are not checked against: they would only repeat them.
    if (job->diagnostics.has_errors()) job->labels = Labels();
    expand_label_placeholders(job->labels, roadshow, language, diagnostics);
    roadshow.labels.emplace(language, std::move(job->labels));
  }
  for (const auto& name : template_names(roadshow)) {
    Job& job = *find(name, false);
    diagnostics.append(job.diagnostics);
    if (!job.t) continue;
    check_template(*job.t, roadshow, diagnostics);
    roadshow.templates.emplace(name, std::move(*job.t));
  }
  std::set<std::string> named = labels_named_in_code();
  for (const auto& [name, t] : roadshow.templates) {
    for_each_element(t.elements, [&](const Element& e) {
      for (auto& key : named_labels(e)) named.insert(std::move(key));
    });
  }
  for (const auto& [language, labels] : roadshow.labels) check_locale_keys(labels, named, diagnostics);
}

}  // namespace detail
}  // namespace impactkit::content
