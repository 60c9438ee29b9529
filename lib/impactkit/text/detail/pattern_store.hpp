#pragma once
// Internal to lib/impactkit/text. Where a Hyphenator's patterns come from:
// the language's pattern file in /usr/share/hyphen, compiled by libhyphen or
// read back from what a cache kept (detail/pattern_file.hpp), and shared by
// every Hyphenator that asks the same PatternStore.

#include <impactkit/core/cache.hpp>

#include <hyphen.h>

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace impactkit::text::detail {

// "nl", "nl_NL": the spelling of the pattern files' names, whatever the case
// and separator the theme used ("NL", "nl-nl").
std::string normalized_language(std::string_view language);

// Only letters, '-' and '_': the language becomes part of a file name.
bool plausible_language(std::string_view language);

// The pattern file of a normalized language, and the Debian package that
// installs it.
std::string patterns_path(std::string_view language);
std::string package_hint(std::string_view language);

// The patterns of the pattern file `path`: from the compiled form `cache`
// kept when it was made from this very file, else compiled by libhyphen
// (and kept in `cache`). nullptr when libhyphen cannot read the file.
std::shared_ptr<HyphenDict> load_dictionary(const std::string& path, const Cache& cache);

// The compiled patterns of each pattern file, loaded once and shared:
// loading is the costly part of hyphenation, and a dictionary is only read
// afterwards (hnj_hyphen_hyphenate3 does not change it). Safe from several
// threads; who asks while another loads the file waits for it.
class PatternStore {
 public:
  // `cache` must outlive the store.
  explicit PatternStore(const Cache& cache) : cache_(cache) {}

  std::shared_ptr<HyphenDict> get(const std::string& path);

 private:
  const Cache& cache_;
  std::mutex mutex_;
  std::map<std::string, std::shared_future<std::shared_ptr<HyphenDict>>> loaded_;
};

}  // namespace impactkit::text::detail
