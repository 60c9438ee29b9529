#pragma once
// libhyphen's compiled patterns as bytes, kept in a cache (core/cache.hpp)
// so that a later process reads them instead of compiling the .dic again. Compiling hyph_nl_NL.dic takes
// libhyphen about 6 ms (39 M instructions, a hash table of every pattern
// prefix); reading the compiled form back is a copy and a bounds check per
// state. libhyphen has no such form of its own, but its HyphenDict is public
// (hyphen.h) and only read while hyphenating, so one can be assembled here.

#include <hyphen.h>

#include <memory>
#include <string>
#include <string_view>

namespace impactkit::text::detail {

// What a cache entry of compiled patterns is made from (core/cache.hpp):
// this format, and `stamp`, the pattern file's file_stamp().
std::string patterns_made_from(std::string_view stamp);

// `dict` (with its next level, if any) as bytes.
std::string save_patterns(const HyphenDict& dict);

// The patterns saved in `bytes`, or nullptr when they are damaged in a way
// that the counts show. Only for bytes a Cache read back, whose seal holds:
// damage the counts do not show (a replacement index) would make libhyphen
// read outside the word. The dictionary lives as long as the pointer; it
// must not be given to hnj_hyphen_free.
std::shared_ptr<HyphenDict> read_patterns(std::string_view bytes);

}  // namespace impactkit::text::detail
