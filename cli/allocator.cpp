// The impactkit command allocates with jemalloc (Debian's libjemalloc2), set
// up here, because a build touches tens of megabytes of fresh memory for a
// few hundred milliseconds (PDFs, PNG surfaces, engraved outlines, laser
// files) over the arenas of several threads: with 4 KB pages, faulting them
// in is a large part of a short build's CPU time. jemalloc backs its memory
// with transparent huge pages when asked (the kernel's default "madvise"
// mode honours it); glibc's malloc does so only with an environment
// variable set before the process starts. Freed memory is kept for reuse,
// not given back to the kernel at once (jemalloc's decay of unused pages
// takes seconds, longer than a build), so the next large block of a build
// faults no pages in. What it buys is measured in bench/README.md ("Speed
// tricks": most on the large builds); the library itself keeps the
// caller's allocator.
//
// Read by jemalloc at its start; MALLOC_CONF in the environment still
// overrides it (e.g. MALLOC_CONF=thp:default to compare).
extern "C" {
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): jemalloc's own name and type
const char* malloc_conf = "thp:always,metadata_thp:always";
}
