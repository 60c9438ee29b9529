#include "commands.hpp"

#include "exit_codes.hpp"
#include "report.hpp"

#include <impactkit/content/loader.hpp>
#include <impactkit/content/new_case.hpp>
#include <impactkit/pipeline/preflight.hpp>
#include <impactkit/pipeline/validate.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

namespace impactkit::cli {
namespace fs = std::filesystem;

int validate(const fs::path& root, const Output& out) {
  Diagnostics diagnostics;
  const auto roadshow = pipeline::validate(root, diagnostics);
  print_diagnostics(diagnostics, out);
  const std::string counts = fmt::format("{}, {}", counted(diagnostics.error_count(), "error", "errors"),
                                         counted(diagnostics.warning_count(), "warning", "warnings"));
  if (diagnostics.has_errors()) {
    fmt::print(stderr, "{}: invalid: {}\n", (root / content::roadshow_file_name).lexically_normal().string(), counts);
    return exit_content;
  }
  if (!out.quiet) {
    fmt::print("{}: valid: '{}', {}, {}, {}; {}\n", (root / content::roadshow_file_name).lexically_normal().string(),
               printable(roadshow.title.get()), counted(roadshow.cases.size(), "case", "cases"),
               counted(roadshow.roles.size(), "role", "roles"), counted(roadshow.sdgs.size(), "goal", "goals"), counts);
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
  fmt::print("{:<28} {:<12} {:<17} {:<12} {:<7} {}\n", "CASE", "STATUS", "THEME", "SDGS", "LANG", "TITLE");
  for (const auto& c : roadshow.cases) {
    fmt::print("{:<28} {:<12} {:<17} {:<12} {:<7} {}\n", c.id, content::name(c.status), printable(c.theme),
               join(c.sdgs, ","), join(content::complete_languages(c, roadshow.languages.available), ","),
               printable(c.title.get()));
  }
  if (!out.quiet) {
    fmt::print("\n{} in '{}'; LANG lists the languages in which a case is complete\n",
               counted(roadshow.cases.size(), "case", "cases"), printable(roadshow.title.get()));
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
    if (!result.note.empty()) fmt::print(stderr, "note: {}\n", printable(result.note));
    return exit_ok;
  } catch (const content::NewCaseError& e) {
    fmt::print(stderr, "error: {}\n", printable(e.what()));
    return exit_files;
  } catch (const fs::filesystem_error& e) {
    fmt::print(stderr, "error: {}\n", printable(e.what()));
    return exit_files;
  }
}

int init(const fs::path& dir, const content::InitOptions& options, const Output& out) {
  try {
    const auto written = content::init_roadshow(dir, options);
    if (!out.quiet) {
      const std::string root = dir.lexically_normal().string();
      fmt::print("made a new roadshow for {} in {} ({}):\n", options.organisation, root, options.language);
      for (const auto& f : written) fmt::print("  {}\n", f.lexically_normal().string());
      fmt::print(
          "it builds as it is; everything in it is an example. Next:\n"
          "  edit roadshow.yaml (title, team, themes, figures), theme.yaml (colours) and assets/logo.svg\n"
          "  replace the example cases: impactkit -C {0} new case ID\n"
          "  impactkit validate -C {0}\n  impactkit build -C {0}\n",
          root);
    }
    return exit_ok;
  } catch (const content::InitUsageError& e) {
    fmt::print(stderr, "error: {}\n", printable(e.what()));
    return exit_usage;
  } catch (const content::InitError& e) {
    fmt::print(stderr, "error: {}\n", printable(e.what()));
    return exit_files;
  } catch (const fs::filesystem_error& e) {
    fmt::print(stderr, "error: {}\n", printable(e.what()));
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
    const auto report = pipeline::preflight(output_dir);
    const auto failures = report.failures();
    // Quiet: the table only when a row fails or warns, so that what the summary counts can be read.
    if (!out.quiet || failures > 0 || report.warnings() > 0) fmt::print("{}", printable(pipeline::to_table(report)));
    fmt::print(failures > 0 ? stderr : stdout, "preflight of {}: {} checked, {}{}\n",
               output_dir.lexically_normal().string(), counted(report.files, "file", "files"),
               failures == 0 ? std::string("all checks pass") : counted(failures, "check fails", "checks fail"),
               report.warnings() == 0 ? std::string() : ", " + counted(report.warnings(), "warning", "warnings"));
    return failures == 0 ? exit_ok : exit_preflight;
  } catch (const fs::filesystem_error& e) {
    fmt::print(stderr, "error: {}\n", printable(e.what()));
    return exit_files;
  }
}

}  // namespace impactkit::cli
