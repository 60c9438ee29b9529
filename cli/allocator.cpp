// The impactkit command allocates with jemalloc (Debian's libjemalloc2), set
// up here. A build touches some 40 MB of fresh memory for a few hundred
// milliseconds (PDFs, PNG surfaces, engraved outlines, laser files), spread
// over the arenas of several threads. With 4 KB pages that was 12,500 page
// faults after a one-case edit, a tenth of the build's CPU time on this
// 2-core VM. jemalloc backs its memory with transparent huge pages when asked
// (the kernel's default "madvise" mode honours it), glibc's malloc only with
// an environment variable set before the process starts. Measured with
// bench/ (bench/README.md): the whole exhibit 245 -> 222 ms, the rebuild
// after an edit 107 -> 94 ms, page faults 12,500 -> about 4,000 (200 -> 170 ms of CPU); 100 synthetic
// cases peak at 361 MiB instead of 330.
//
// Freed memory is kept for reuse, not given back to the kernel at once
// (jemalloc's decay of unused pages takes seconds, longer than a build), so
// the next large block of a build faults no pages in.
//
// Read by jemalloc at its start; MALLOC_CONF in the environment still
// overrides it (e.g. MALLOC_CONF=thp:default to compare).
extern "C" {
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): jemalloc's own name and type
const char* malloc_conf = "thp:always,metadata_thp:always";
}
