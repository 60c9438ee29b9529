#pragma once
// A build's report as people read it (a line per product) and as scripts
// read it (one JSON object, `impactkit build --json`).

#include <impactkit/pipeline/session.hpp>

#include <string>
#include <vector>

namespace impactkit::pipeline {

// A line per product made or up to date, in the order posters, cards,
// laser, wheel; none after errors.
std::vector<std::string> summary_lines(const BuildReport& report);

// The whole report as JSON: whether it went well, the exit code the
// command ends with, the products with their counts and folders, the
// notes, and every diagnostic with its file, line and column.
std::string report_json(const BuildReport& report, int exit_code, double milliseconds);

}  // namespace impactkit::pipeline
