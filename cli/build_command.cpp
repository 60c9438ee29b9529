// `impactkit build`: hands the options to a build session and prints its
// report: a summary for people, or one JSON object (--json) for scripts.

#include "commands.hpp"
#include "exit_codes.hpp"
#include "progress.hpp"
#include "report.hpp"

#include <impactkit/pipeline/session.hpp>
#include <impactkit/pipeline/summary.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdio>

namespace impactkit::cli {
namespace {

int exit_code(const pipeline::BuildReport& report) {
  switch (report.outcome) {
    case pipeline::BuildReport::Outcome::ok:
      return exit_ok;
    case pipeline::BuildReport::Outcome::content_errors:
    case pipeline::BuildReport::Outcome::product_errors:
      return exit_content;
    case pipeline::BuildReport::Outcome::setting_errors:
      return exit_usage;
    case pipeline::BuildReport::Outcome::file_error:
      return exit_files;
  }
  return exit_internal;
}

// Why nothing was built, after the diagnostics.
void print_failure(const pipeline::BuildReport& report) {
  using Outcome = pipeline::BuildReport::Outcome;
  if (report.outcome == Outcome::content_errors) {
    fmt::print(stderr, "nothing built: the content has errors; `impactkit validate` shows them\n");
  } else if (report.outcome == Outcome::setting_errors) {
    fmt::print(stderr, "nothing built: the command line names what this roadshow does not have (see above)\n");
  } else if (report.outcome == Outcome::product_errors) {
    fmt::print(stderr, "nothing built: {}\n", counted(report.diagnostics.error_count(), "error", "errors"));
  } else if (report.outcome == Outcome::file_error) {
    fmt::print(stderr, "error: {}\n", printable(report.failure));
  }
}

void print_summary(const pipeline::BuildReport& report, double ms) {
  fmt::print("built '{}' in {:.0f} ms\n", printable(report.title), ms);
  for (const auto& line : pipeline::summary_lines(report)) fmt::print("  {}\n", printable(line));
  for (const auto& note : report.notes) fmt::print("  note: {}\n", printable(note));
  fmt::print("  {}\n", counted(report.diagnostics.warning_count(), "warning", "warnings"));
}

}  // namespace

int build(const std::filesystem::path& root, const pipeline::BuildSettings& settings, const Output& out) {
  const auto start = std::chrono::steady_clock::now();
  ProgressLine progress(out.progress && !out.quiet && !out.json);
  pipeline::Session session(root, settings, progress.hooks());
  const pipeline::BuildReport report = session.build();
  progress.stop();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const int code = exit_code(report);
  if (out.json) {
    fmt::print("{}\n", pipeline::report_json(report, code, ms));
    return code;
  }
  print_diagnostics(report.diagnostics, out);
  if (code != exit_ok) {
    print_failure(report);
    return code;
  }
  if (!out.quiet) print_summary(report, ms);
  return code;
}

}  // namespace impactkit::cli
