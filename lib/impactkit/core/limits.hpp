#pragma once
// The limits impactkit puts on its input, in one place so that the code and
// docs/limits.md agree. Each is far above what a real roadshow needs (the
// numbers in the comments are this repository's own content), and low enough
// that a hostile or broken file gives a clear error instead of a crash, a
// stack overflow, or a machine that runs out of memory.

#include <cstddef>
#include <cstdint>

namespace impactkit::limits {

// Bytes per YAML file (the largest real one, roadshow.yaml, is about 10 kB).
// Checked before parsing: the whole file and its tree are held in memory.
inline constexpr std::size_t max_yaml_file_bytes = std::size_t{1024} * 1024;

// Levels of nesting in a YAML file, maps and lists together (the real
// content nests 8 deep). The tree is built without recursion, but parts of
// impactkit walk it by recursion (locale files, repeated template elements);
// this keeps them far from the end of the stack, also on worker threads and
// under sanitizers.
inline constexpr int max_yaml_depth = 32;

// Nodes in a YAML file with every alias followed as if it were written out.
// The tree shares an aliased node instead of copying it, but whoever walks
// the tree visits it once per alias: a few lines of nested aliases ("billion
// laughs") make billions of visits. The real files have a few hundred nodes.
inline constexpr std::size_t max_yaml_nodes = 100'000;

// Characters (Unicode code points) in one text or string field (the longest
// real one has about 300). No poster, card or panel has room for more.
inline constexpr std::size_t max_text_chars = 2'000;

// Pixels of a PNG or JPEG image, read from its header before anything is
// decoded: a small file can claim a huge image ("decompression bomb"), and
// decoding it would take width x height x 4 bytes of memory. 50 Mpx covers
// an A0 poster at 150 ppi (about 35 Mpx).
inline constexpr std::uint32_t max_image_side_px = 10'000;
inline constexpr std::uint64_t max_image_pixels = 50'000'000;

// Bytes of one image file (PNG, JPEG or SVG) and of one font file, read
// through the content root's door (core/root_file.hpp) before anything
// decodes them: a huge file would be read into memory whole. The largest
// real photo is a few MB, the largest font under 1 MB.
inline constexpr std::uint64_t max_image_file_bytes = std::uint64_t{64} * 1024 * 1024;
inline constexpr std::uint64_t max_font_file_bytes = std::uint64_t{32} * 1024 * 1024;

// Cases listed in roadshow.yaml (the real roadshow has 6). Every case makes
// three posters per size and language, and its cards.
inline constexpr std::size_t max_cases = 500;

// Sectors of the confrontation wheel: fewer than 2 is no wheel, more than 24
// leave no room for a label or a peg between two boundaries.
inline constexpr std::size_t min_wheel_sectors = 2;
inline constexpr std::size_t max_wheel_sectors = 24;

// Cards in one deck, every copy counted (the real deck has 54; 100 cases
// make 461). The default deck of max_cases cases (about 2300) fits.
inline constexpr std::size_t max_deck_cards = 2'500;

// Memory one impactkit process may use for its data (RLIMIT_DATA, set by
// the command; a full build of this roadshow needs about 300 MB). The
// limits above keep real work far below it; this one catches what they
// miss, so that the build, not the machine, runs out of memory: the page
// being composed then ends in an error at its template's file:line.
inline constexpr std::uint64_t max_build_memory_bytes = std::uint64_t{4} * 1024 * 1024 * 1024;

}  // namespace impactkit::limits
