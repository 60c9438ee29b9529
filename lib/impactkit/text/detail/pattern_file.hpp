#pragma once
// libhyphen's compiled patterns as a file, so that a later process reads
// them instead of compiling the .dic again. Compiling hyph_nl_NL.dic takes
// libhyphen about 6 ms (39 M instructions, a hash table of every pattern
// prefix); reading the compiled form back is a copy and a bounds check per
// state. libhyphen has no such form of its own, but its HyphenDict is public
// (hyphen.h) and only read while hyphenating, so one can be assembled here.

#include <hyphen.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace impactkit::text::detail {

// Keeps the patterns libhyphen compiles in `folder`, one file per pattern
// file, read back by later processes while the pattern file is unchanged;
// the folder is only written when it exists. Empty: nowhere (the default).
// text::keep_between_runs() calls it.
void keep_compiled_patterns(const std::filesystem::path& folder);

// `dict` (with its next level, if any) as bytes, marked with `stamp`: what
// the compiled form is valid for, the pattern file's file_stamp().
std::string save_patterns(const HyphenDict& dict, std::string_view stamp);

// The patterns saved in `bytes`, or nullptr when they were saved with
// another stamp, by another format, or are damaged in any way. The
// dictionary lives as long as the pointer; it must not be given to
// hnj_hyphen_free.
std::shared_ptr<HyphenDict> read_patterns(std::string_view bytes, std::string_view stamp);

}  // namespace impactkit::text::detail
