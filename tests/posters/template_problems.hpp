#pragma once
// A template written in a test, composed as a poster would be.

#include <string>

namespace impactkit::test {

// Loads `yaml` as templates/t.yaml of a temporary folder, checks it against
// the repository's roadshow as content does, and composes it for the
// roadshow's first case at A3, the `fail_allocation`-th allocation failing
// (failing_allocation.hpp; 0: none). Returns the diagnostics, one a line,
// with the temporary folder left out of their paths ("templates/t.yaml:4:5").
std::string template_problems(const std::string& yaml, long fail_allocation = 0);

}  // namespace impactkit::test
