#pragma once
// The build's memory budget (limits::max_build_memory_bytes): the process's
// data limit, RLIMIT_DATA. An allocation past it fails with
// std::bad_alloc, which a build reports as a content error at what it was
// making, instead of the machine swapping or the kernel's out-of-memory
// killer ending this or another process.

#include <string>

namespace impactkit {

// Lowers this process's data limit to the budget; a lower limit someone
// already set (ulimit -d) is kept. Without effect under AddressSanitizer,
// whose shadow memory counts as data. For programs (the impactkit command);
// a library user keeps their own limits.
void apply_memory_budget();

// The data limit in force, for a message: "4 GB", "100 MB", or "all the
// memory the system gave" when there is none.
std::string memory_budget_text();

}  // namespace impactkit
