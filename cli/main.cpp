// impactkit: the command-line front end. It only wires options to the
// library (lib/); every command lives in commands.cpp.

#include "commands.hpp"
#include "exit_codes.hpp"

#include <impactkit/content/init_roadshow.hpp>
#include <impactkit/version.hpp>

#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>

namespace {

constexpr const char* exit_code_help = R"(Exit codes:
  0   success
  1   internal error (a bug in impactkit: please report it)
  2   the content has errors (each printed as file:line:column)
  3   a file could not be read or written, or would be overwritten
  4   preflight found a problem in the produced files
  64  the command line is wrong)";

// The options of every command that builds: build, watch and preview.
void add_build_options(CLI::App* command, impactkit::cli::BuildOptions& options) {
  command->add_option("--only", options.only, "Only these products: posters, cards, laser, wheel")
      ->delimiter(',')
      ->check(CLI::IsMember({"posters", "cards", "laser", "wheel"}));
  command->add_option("--size", options.sizes, "Poster sizes: A0, A1, A2, A3, A4 or WxH in mm (default: roadshow.yaml)")
      ->delimiter(',');
  command->add_option("--lang", options.languages, "Languages, e.g. nl,en (default: all of the roadshow)")
      ->delimiter(',');
  command->add_option("--case", options.cases, "Only these cases (ids)")->delimiter(',');
  command
      ->add_option("--poster", options.posters, "Only these posters: route, confrontation, yourturn, intro, overview")
      ->delimiter(',')
      ->check(CLI::IsMember({"route", "confrontation", "yourturn", "intro", "overview"}));
  command->add_option("-o,--output", options.output_dir, "Output folder (default: ROOT/output)")->type_name("DIR");
  command->add_flag("--allow-overflow", options.allow_overflow,
                    "Text that does not fit is a warning and is cut short with '…', not an error");
  command
      ->add_option("-j,--jobs", options.jobs,
                   "Threads: files written at once, posters made beside the other products (default: one per "
                   "core; 1: everything in turn)")
      ->check(CLI::Range(1u, 256u));
  command->add_flag("--rebuild", options.rebuild,
                    "Make everything again, not only what changed since the last build (OUTPUT/.impactkit/); "
                    "kept shaped words and compiled hyphenation patterns are still used: they give the same files");
  command->add_flag("--crop-marks", options.crop_marks,
                    "Crop marks outside the bleed on posters (card sheets: deck.crop_marks in roadshow.yaml)");
  command->add_flag("--pdfx", options.pdfx, "Also a PDF/X version of every PDF (needs Ghostscript)");
  command
      ->add_option("--preview-dpi", options.preview_dpi,
                   "Resolution of poster and wheel previews (card faces get 5x); 0 for none (default: 20)")
      ->check(CLI::Range(0.0, 600.0));
}

int run(int argc, char** argv) {
  namespace cli = impactkit::cli;
  namespace fs = std::filesystem;

  CLI::App app{"impactkit: turns a YAML content library of procurement cases into a travelling exhibit.", "impactkit"};
  app.footer(exit_code_help);
  app.set_version_flag("--version", std::string("impactkit ") + impactkit::version);
  app.require_subcommand(1);
  app.fallthrough();  // -C and -q may follow the command too, as in `impactkit validate -C DIR`

  std::string root_option = ".";
  bool quiet = false;
  app.add_option("-C,--root", root_option, "Content root: the folder with roadshow.yaml (default: current folder)")
      ->type_name("DIR");
  app.add_flag("-q,--quiet", quiet, "Print only problems");

  std::string root_argument;
  auto* validate = app.add_subcommand("validate", "Check the content: every problem as file:line:column");
  validate->add_option("ROOT", root_argument, "Content root, relative to -C (default: -C)");
  validate->footer(exit_code_help);
  auto* list = app.add_subcommand("list", "List the cases with their theme, SDGs and complete languages");
  list->add_option("ROOT", root_argument, "Content root, relative to -C (default: -C)");
  list->footer(exit_code_help);

  cli::BuildOptions build_options;
  auto* build = app.add_subcommand("build", "Make the exhibit's files into ROOT/output (or -o DIR)");
  build->add_option("ROOT", root_argument, "Content root, relative to -C (default: -C)");
  add_build_options(build, build_options);
  bool json = false;
  build->add_flag("--json", json,
                  "Print one JSON report (products made, counts, warnings and errors with their file:line:col) "
                  "instead of the summary");
  build->footer(exit_code_help);

  unsigned max_builds = 0;
  auto* watch = app.add_subcommand(
      "watch", "Build, then build again on every save of content, templates, theme or fonts (Ctrl-C stops)");
  watch->add_option("ROOT", root_argument, "Content root, relative to -C (default: -C)");
  add_build_options(watch, build_options);
  watch->add_option("--max-builds", max_builds, "Stop after this many builds, the first included (default: never)");
  watch->footer(exit_code_help);

  auto* preview = app.add_subcommand(
      "preview",
      "Build with previews, then one contact sheet of every poster, sample cards, laser sheets and the wheel");
  preview->add_option("ROOT", root_argument, "Content root, relative to -C (default: -C)");
  add_build_options(preview, build_options);
  preview->footer(exit_code_help);

  std::string preflight_output;
  auto* preflight = app.add_subcommand(
      "preflight", "Check the produced files as a print and a laser shop would: page boxes, fonts, laser sheets");
  preflight->add_option("ROOT", root_argument, "Content root, relative to -C (default: -C)");
  preflight->add_option("-o,--output", preflight_output, "Output folder to check (default: ROOT/output)")
      ->type_name("DIR");
  preflight->footer(exit_code_help);

  std::string init_dir;
  impactkit::content::InitOptions init_options;
  auto* init = app.add_subcommand("init", "Start a new roadshow for another government in DIR (never overwrites)");
  init->add_option("DIR", init_dir, "The new content root, relative to -C; made if missing")->required();
  init->add_option("--organisation", init_options.organisation, "Who runs the roadshow, e.g. \"Provincie Gelderland\"");
  init->add_option("--title", init_options.title, "The roadshow's title (default: Inkopen met Impact)");
  init->footer(exit_code_help);

  auto* create = app.add_subcommand("new", "Create new content from a commented skeleton");
  create->require_subcommand(1);
  create->fallthrough();
  std::string case_id;
  auto* new_case = create->add_subcommand("case", "Write cases/ID.yaml and list it in roadshow.yaml");
  new_case->add_option("ID", case_id, "Case id: lower-case letters, digits and '-', e.g. warmtepomp-staphorst")
      ->required();
  new_case->footer(exit_code_help);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? cli::exit_ok : cli::exit_usage;
  }

  const fs::path root = root_argument.empty() ? fs::path(root_option) : fs::path(root_option) / root_argument;
  const cli::Output out{isatty(STDERR_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr, quiet, json,
                        isatty(STDOUT_FILENO) == 1};
  try {
    if (*validate) return cli::validate(root, out);
    if (*list) return cli::list(root, out);
    if (*build) return cli::build(root, build_options, out);
    if (*watch) return cli::watch(root, build_options, out, max_builds);
    if (*preview) return cli::preview(root, build_options, out);
    if (*new_case) return cli::new_case(root, case_id, out);
    if (*preflight) return cli::preflight(preflight_output.empty() ? root / "output" : fs::path(preflight_output), out);
    if (*init) return cli::init(fs::path(root_option) / init_dir, init_options, out);
  } catch (const std::exception& e) {
    fmt::print(stderr, "internal error: {}\n", e.what());
    return cli::exit_internal;
  }
  return cli::exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
  const int code = run(argc, argv);
#if defined(__SANITIZE_ADDRESS__)
  return code;  // LeakSanitizer checks at a normal exit
#else
  // Every file is written and renamed and the output folder's lock let go
  // by now. What is left are process-wide caches (fontconfig, Cairo,
  // FreeType, the hyphenation patterns, libqpdf), and freeing them one by
  // one only costs time: about 1 ms of a 25 ms poster build. Like a
  // compiler's -disable-free, the process ends without it.
  std::fflush(nullptr);
  std::_Exit(code);
#endif
}
