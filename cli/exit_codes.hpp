#pragma once
// The exit codes of every impactkit command (documented in docs/exit-codes.md
// and in `impactkit --help`).

namespace impactkit::cli {

enum ExitCode : int {
  exit_ok = 0,
  exit_internal = 1,   // a bug in impactkit: please report it
  exit_content = 2,    // the content (YAML, files it names) has errors
  exit_files = 3,      // a file could not be read or written, or would be overwritten
  exit_preflight = 4,  // preflight found a problem in the produced files
  exit_usage = 64,     // the command line is wrong
};

}  // namespace impactkit::cli
