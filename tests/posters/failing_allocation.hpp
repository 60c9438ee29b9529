#pragma once
// This test binary's operator new can be told to fail once, as it does when
// the build's memory budget (RLIMIT_DATA) runs out: the test of what a
// build reports then needs no machine out of memory.

namespace impactkit::test {

// The `n`-th allocation from now, on any thread, throws std::bad_alloc; the
// ones after it succeed again. 0: none fails.
void fail_allocation_after(long n);

}  // namespace impactkit::test
