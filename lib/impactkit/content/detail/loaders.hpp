#pragma once
// Internal to lib/impactkit/content: the loaders of the parts of a content root.

#include <impactkit/content/detail/yaml_reader.hpp>
#include <impactkit/content/model.hpp>

#include <atomic>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace impactkit::content::detail {

// `sources:` of a case or of the intro.
std::vector<Source> read_sources(Reader& reader, const yaml::Node& node);
// `figures:`; each figure's `source` must be one of `sources`.
std::vector<KeyFigure> read_figures(Reader& reader, const yaml::Node& node, const std::vector<Source>& sources);

// A PNG or JPEG image `file` (inside `root`, named at `node`): its header
// must be readable and claim no more pixels than limits.hpp allows.
void check_image(Reader& reader, const yaml::Node& node, const std::filesystem::path& root,
                 const std::filesystem::path& file);
// The same, reported at `at`; whether the image is good.
bool check_image(Diagnostics& diagnostics, const SourcePos& at, const std::filesystem::path& root,
                 const std::filesystem::path& file);

// The display name of a file inside the root, as diagnostics print it.
std::string display_name(const std::filesystem::path& root, const std::filesystem::path& relative);

std::vector<Sdg> load_sdgs(const std::filesystem::path& root, const std::filesystem::path& file, const SourcePos& from,
                           Diagnostics& diagnostics, const Languages& languages);
std::optional<Theme> load_theme(const std::filesystem::path& root, const std::filesystem::path& file,
                                const SourcePos& from, Diagnostics& diagnostics, const Languages& languages);
// cases/ID.yaml; `listed_at` is the entry in roadshow.yaml's `cases:`.
std::optional<Case> load_case(const std::filesystem::path& root, const std::string& id, const SourcePos& listed_at,
                              Diagnostics& diagnostics, const Languages& languages);

// The roadshow's vocabulary (content/load_vocabulary.cpp): `themes:` and
// `tender_kinds:`. After everything is loaded, check_vocabulary gives each
// theme its colour from the theme file and checks the cases' and the wheel's
// references against the declarations.
std::vector<CaseTheme> read_themes(Reader& reader, const yaml::Node& node);
std::vector<TenderKind> read_tender_kinds(Reader& reader, const yaml::Node& node);
void check_vocabulary(Roadshow& roadshow, Diagnostics& diagnostics);

// Fills the roadshow placeholders of every label ({roadshow.title},
// {roadshow.contact.team} …) for `language` (content/load_labels.cpp).
void expand_label_placeholders(Labels& labels, const Roadshow& roadshow, const std::string& language,
                               Diagnostics& diagnostics);

// The products' settings in roadshow.yaml (content/load_settings.cpp,
// content/load_wheel.cpp).
void read_posters(Reader& reader, const yaml::Node& node, PosterSettings& posters);
void read_print(Reader& reader, const yaml::Node& node, const std::filesystem::path& root, PrintSettings& print);
void read_deck(Reader& reader, const yaml::Node& node, DeckSettings& deck);
void read_forms(Reader& reader, const yaml::Node& node, FormSettings& forms);
void read_material(Reader& reader, const yaml::Node& node, Material& m);
void read_exhibit(Reader& reader, const yaml::Node& node, ExhibitSettings& exhibit);
void read_wheel(Reader& reader, const yaml::Node& node, const Theme& theme, WheelSettings& wheel);
// After the cases are loaded: a sector's case must be one of them; a sector
// without a colour takes its case's or theme's, else the theme's primary.
void resolve_wheel(Roadshow& roadshow, Diagnostics& diagnostics);

// What the products lay out with (content/load_layout_inputs.cpp): the
// templates and the labels of every language, parsed on a thread of their
// own while the rest of the roadshow loads (they are a third of its YAML).
class LayoutInputs {
 public:
  // Starts parsing every template a roadshow may use and every locale file.
  explicit LayoutInputs(const std::filesystem::path& root);
  ~LayoutInputs();
  LayoutInputs(const LayoutInputs&) = delete;
  LayoutInputs& operator=(const LayoutInputs&) = delete;

  // After the theme, the settings and the cases: the templates the roadshow
  // uses and the labels of its languages, checked against it and moved into
  // it, with the SDG icons the root provides.
  void finish(Roadshow& roadshow, Diagnostics& diagnostics);

 private:
  // One file to parse: a template, or the locale of a language.
  struct Job {
    std::string name;
    const std::vector<std::filesystem::path>* folders = nullptr;
    bool locale = false;
    std::optional<Template> t;
    Labels labels;
    Diagnostics diagnostics;
  };
  void work();
  Job* find(std::string_view name, bool locale);

  std::filesystem::path root_;
  std::vector<std::filesystem::path> folders_;
  const Languages languages_;  // templates and labels have no texts in languages
  std::vector<Job> jobs_;
  std::atomic<std::size_t> next_{0};
  std::mutex failure_mutex_;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace impactkit::content::detail
