#pragma once
// What lib/impactkit/text keeps between processes, so that a later build does not do
// the same work again: the hyphenation patterns as libhyphen compiled them
// (about 6 ms for Dutch) and the glyphs of every word HarfBuzz shaped (most
// of the time spent setting text). A build keeps them in OUTPUT/.impactkit.
// What is kept is keyed on everything it was made from (the pattern file;
// the font file, language, features and HarfBuzz's version), so it gives
// byte for byte what doing the work again would.

#include <filesystem>

namespace impactkit::text {

// Keep in `folder`; empty: keep nothing (the default). Nothing is written
// unless the folder exists. Call it before any text is set.
void keep_between_runs(const std::filesystem::path& folder);

// Reads the kept shaped words now; otherwise the first word set does (a
// build reads them on a thread of its own while it loads the content).
void load_kept();

// Writes the words shaped in this process that were not kept yet.
void save_kept();

}  // namespace impactkit::text
