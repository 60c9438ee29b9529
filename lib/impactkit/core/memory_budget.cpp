#include <impactkit/core/limits.hpp>
#include <impactkit/core/memory_budget.hpp>

#include <fmt/format.h>

#include <sys/resource.h>

namespace impactkit {

void apply_memory_budget() {
#if defined(__SANITIZE_ADDRESS__)
  return;
#else
  rlimit current{};
  if (::getrlimit(RLIMIT_DATA, &current) != 0) return;
  const rlim_t budget = limits::max_build_memory_bytes;
  if (current.rlim_cur != RLIM_INFINITY && current.rlim_cur <= budget) return;
  current.rlim_cur = budget;           // below rlim_max, which is at least the current limit
  ::setrlimit(RLIMIT_DATA, &current);  // a failure leaves the machine's limit, no worse than before
#endif
}

std::string memory_budget_text() {
  rlimit current{};
  if (::getrlimit(RLIMIT_DATA, &current) != 0 || current.rlim_cur == RLIM_INFINITY) {
    return "all the memory the system gave";
  }
  const auto mb = static_cast<unsigned long long>(current.rlim_cur >> 20);
  return mb >= 1024 && mb % 1024 == 0 ? fmt::format("{} GB", mb / 1024) : fmt::format("{} MB", mb);
}

}  // namespace impactkit
