#pragma once
// "Did you mean …?" for misspelt keys, ids and names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit {

// The candidate closest to `word` by edit distance (insertions, deletions,
// substitutions and swaps of neighbours), if it is close enough to be a
// plausible typo: at most a third of the word's length, and at least 1.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

// "a, b or c"
std::string join_or(const std::vector<std::string>& words);
// "a, b and c"
std::string join_and(const std::vector<std::string>& words);

}  // namespace impactkit
