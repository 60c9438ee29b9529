#include "failing_allocation.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> countdown{0};
}

namespace impactkit::test {
void fail_allocation_after(long n) {
  countdown = n;
}
}  // namespace impactkit::test

// The replaceable allocation functions ([new.delete.single]), all on malloc
// and free so that a sanitizer sees one allocator.
void* operator new(std::size_t size) {
  if (countdown.load(std::memory_order_relaxed) > 0 && countdown.fetch_sub(1) == 1) throw std::bad_alloc();
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

void operator delete(void* p) noexcept {
  std::free(p);
}

void operator delete(void* p, std::size_t /*size*/) noexcept {
  std::free(p);
}
