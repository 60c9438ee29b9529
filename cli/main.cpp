// impactkit: the command-line front end. It only wires options to the
// library (lib/); every command lives in commands.cpp.

#include "commands.hpp"
#include "exit_codes.hpp"

#include <impactkit/content/init_roadshow.hpp>
#include <impactkit/core/diagnostics.hpp>
#include <impactkit/core/memory_budget.hpp>
#include <impactkit/version.hpp>

#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

namespace {

constexpr const char* exit_code_help = R"(Exit codes:
  0   success
  1   internal error (a bug in impactkit: please report it)
  2   the content has errors (each printed as file:line:column)
  3   a file could not be read or written, or would be overwritten
  4   preflight found a problem in the produced files
  64  the command line is wrong (an unknown option, or a language, poster
      size or case that the roadshow does not have))";

// Previews of `impactkit serve` when --preview-dpi is not given.
constexpr double serve_preview_dpi = 30;

// The options of every command that builds: build, watch and preview.
void add_build_options(CLI::App* command, impactkit::cli::BuildOptions& options) {
  command->add_option("--only", options.only, "Only these products: posters, cards, forms, laser, wheel")
      ->delimiter(',')
      ->check(CLI::IsMember({"posters", "cards", "forms", "laser", "wheel"}));
  command
      ->add_option("--size", options.sizes,
                   "Poster sizes: A0, A1, A2, A3, A4 or WxH in mm (default: roadshow.yaml); another is exit code 64. "
                   "The laser's assembly sheet names the panels' poster size only when it is one of them")
      ->delimiter(',');
  command
      ->add_option("--lang", options.languages,
                   "Languages, e.g. nl,en: of the roadshow's `languages: available:` (default: all of them); another "
                   "is exit code 64")
      ->delimiter(',');
  command->add_option("--case", options.cases, "Only these cases (ids, as `impactkit list` shows them)")
      ->delimiter(',');
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
  command->add_flag(
      "--rebuild", options.rebuild,
      "Make everything again, not only what changed since the last build (OUTPUT/.impactkit/); "
      "the cached shaped words and compiled hyphenation patterns are still used: they give the same files");
  command->add_flag("--force", options.force,
                    "Replace a file at an output's path that no earlier build made (without: exit code 3, nothing "
                    "written)");
  command->add_flag("--crop-marks", options.crop_marks,
                    "Crop marks outside the bleed on posters and on the question forms' print shop PDF (card sheets: "
                    "deck.crop_marks in roadshow.yaml)");
  command->add_flag(
      "--pdfx", options.pdfx,
      "Also a PDF/X-4 version, in a folder pdfx/ beside it, of every PDF for a print shop: posters, "
      "the card sheets, the card-printer PDF, the question forms and their office sheets, the wheel face and the "
      "volvelle");
  command
      ->add_option(
          "--preview-dpi", options.preview_dpi,
          "Resolution of poster and wheel previews (card faces get 5x, question forms 3x); 0 for none (default: 20)")
      ->check(CLI::Range(0.0, 600.0));
}

// What the command line asked for: the commands and their options.
struct Request {
  std::string root_option = ".";
  std::string root_argument;
  bool quiet = false;
  bool json = false;
  unsigned max_builds = 0;
  int port = 8700;
  std::string preflight_output;
  std::string init_dir;
  std::string case_id;
  impactkit::cli::BuildOptions build;
  impactkit::content::InitOptions init;
  CLI::App* validate = nullptr;
  CLI::App* list = nullptr;
  CLI::App* build_command = nullptr;
  CLI::App* watch = nullptr;
  CLI::App* preview = nullptr;
  CLI::App* serve = nullptr;
  CLI::App* preflight = nullptr;
  CLI::App* init_command = nullptr;
  CLI::App* new_case = nullptr;
};

// A command that works on a content root, given as ROOT relative to -C.
CLI::App* add_root_command(CLI::App& app, const char* name, const char* description, Request& r) {
  auto* command = app.add_subcommand(name, description);
  command->add_option("ROOT", r.root_argument, "Content root, relative to -C (default: -C)");
  command->footer(exit_code_help);
  return command;
}

void add_building_commands(CLI::App& app, Request& r) {
  r.build_command = add_root_command(app, "build", "Make the exhibit's files into ROOT/output (or -o DIR)", r);
  add_build_options(r.build_command, r.build);
  r.build_command->add_flag("--json", r.json,
                            "Print one JSON report (products made, counts, warnings and errors with their "
                            "file:line:col) instead of the summary");
  r.watch = add_root_command(
      app, "watch", "Build, then build again on every save of content, templates, theme or fonts (Ctrl-C stops)", r);
  add_build_options(r.watch, r.build);
  r.watch->add_option("--max-builds", r.max_builds, "Stop after this many builds, the first included (default: never)");
  r.preview = add_root_command(
      app, "preview",
      "Build with previews, then one contact sheet of every poster, sample cards, laser sheets and the wheel", r);
  add_build_options(r.preview, r.build);
  r.serve = add_root_command(app, "serve",
                             "A live preview in the browser on 127.0.0.1: every product's previews (at 30 dpi "
                             "unless --preview-dpi) and the last build's errors, built again and shown on every save; "
                             "a text's YAML place under the pointer (Ctrl-C stops)",
                             r);
  add_build_options(r.serve, r.build);
  r.serve->add_option("--port", r.port, "Port on 127.0.0.1 (default: 8700; 0: any free port)")
      ->check(CLI::Range(0, 65535));
}

void add_authoring_commands(CLI::App& app, Request& r) {
  r.preflight = add_root_command(
      app, "preflight", "Check the produced files as a print and a laser shop would: page boxes, fonts, laser sheets",
      r);
  r.preflight->add_option("-o,--output", r.preflight_output, "Output folder to check (default: ROOT/output)")
      ->type_name("DIR");
  r.init_command =
      app.add_subcommand("init",
                         "Start a new roadshow for another government in DIR: a complete example in one language that "
                         "validates and builds at once (never overwrites)");
  r.init_command->add_option("DIR", r.init_dir, "The new content root, relative to -C; made if missing")->required();
  r.init_command
      ->add_option("--organisation", r.init.organisation, "Who runs the roadshow, e.g. \"Northfield Council\"")
      ->required();
  r.init_command
      ->add_option("--lang", r.init.language,
                   "The language of everything it writes: en or nl (default: en); add more languages later")
      ->check(CLI::IsMember(std::vector<std::string>(impactkit::content::init_languages.begin(),
                                                     impactkit::content::init_languages.end())));
  r.init_command->add_option("--title", r.init.title,
                             "The roadshow's title (default: the starter's, \"Buying for Impact\" in English)");
  r.init_command->footer(exit_code_help);
  auto* create = app.add_subcommand("new", "Create new content from a commented skeleton");
  create->require_subcommand(1);
  create->fallthrough();
  r.new_case = create->add_subcommand("case", "Write cases/ID.yaml and list it in roadshow.yaml");
  r.new_case->add_option("ID", r.case_id, "Case id: lower-case letters, digits and '-', e.g. warmtepomp-staphorst")
      ->required();
  r.new_case->footer(exit_code_help);
}

void add_commands(CLI::App& app, Request& r) {
  app.footer(exit_code_help);
  app.set_version_flag("--version", std::string("impactkit ") + impactkit::version);
  app.require_subcommand(1);
  app.fallthrough();  // -C and -q may follow the command too, as in `impactkit validate -C DIR`
  app.add_option("-C,--root", r.root_option, "Content root: the folder with roadshow.yaml (default: current folder)")
      ->type_name("DIR");
  app.add_flag("-q,--quiet", r.quiet, "Print only problems");
  r.validate = add_root_command(app, "validate", "Check the content: every problem as file:line:column", r);
  r.list = add_root_command(app, "list", "List the cases with their theme, SDGs and complete languages", r);
  add_building_commands(app, r);
  add_authoring_commands(app, r);
}

int dispatch(const Request& r) {
  namespace cli = impactkit::cli;
  namespace fs = std::filesystem;
  const fs::path root = r.root_argument.empty() ? fs::path(r.root_option) : fs::path(r.root_option) / r.root_argument;
  const cli::Output out{isatty(STDERR_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr, r.quiet, r.json,
                        isatty(STDOUT_FILENO) == 1};
  if (*r.validate) return cli::validate(root, out);
  if (*r.list) return cli::list(root, out);
  if (*r.build_command) return cli::build(root, r.build, out);
  if (*r.watch) return cli::watch(root, r.build, out, r.max_builds);
  if (*r.preview) return cli::preview(root, r.build, out);
  if (*r.serve) {
    // The full view of a poster shows its preview larger: sharper by default.
    impactkit::cli::BuildOptions options = r.build;
    if (r.serve->get_option("--preview-dpi")->count() == 0) options.preview_dpi = serve_preview_dpi;
    return cli::serve(root, options, out, r.port);
  }
  if (*r.new_case) return cli::new_case(root, r.case_id, out);
  if (*r.preflight) {
    return cli::preflight(r.preflight_output.empty() ? root / "output" : fs::path(r.preflight_output), out);
  }
  if (*r.init_command) return cli::init(fs::path(r.root_option) / r.init_dir, r.init, out);
  return cli::exit_usage;
}

int run(int argc, char** argv) {
  namespace cli = impactkit::cli;
  CLI::App app{"impactkit: turns a YAML content library of procurement cases into a travelling exhibit.", "impactkit"};
  Request request;
  add_commands(app, request);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? cli::exit_ok : cli::exit_usage;
  }
  impactkit::apply_memory_budget();
  try {
    return dispatch(request);
  } catch (const std::exception& e) {
    fmt::print(stderr, "internal error: {}\n", impactkit::printable(e.what()));
    return cli::exit_internal;
  }
}

}  // namespace

int main(int argc, char** argv) {
  return run(argc, argv);
}
