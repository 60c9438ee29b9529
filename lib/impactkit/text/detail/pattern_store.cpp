#include <impactkit/core/file_io.hpp>
#include <impactkit/text/detail/pattern_file.hpp>
#include <impactkit/text/detail/pattern_store.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace impactkit::text::detail {
namespace {

constexpr std::string_view patterns_dir = "/usr/share/hyphen/";

std::string patterns_file(std::string_view language) {
  if (language == "nl") return "hyph_nl_NL.dic";
  if (language == "en") return "hyph_en_US.dic";
  return "hyph_" + std::string(language) + ".dic";
}

}  // namespace

std::string normalized_language(std::string_view language) {
  std::string out(language);
  bool region = false;
  for (char& c : out) {
    if (c == '-') c = '_';
    region = region || c == '_';
    c = static_cast<char>(region ? std::toupper(static_cast<unsigned char>(c))
                                 : std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool plausible_language(std::string_view language) {
  return !language.empty() && language.size() <= 16 && std::all_of(language.begin(), language.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
  });
}

std::string patterns_path(std::string_view language) {
  return std::string(patterns_dir) + patterns_file(language);
}

std::string package_hint(std::string_view language) {
  if (language == "en") return "hyphen-en-us";
  std::string name(language);
  std::replace(name.begin(), name.end(), '_', '-');
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return "hyphen-" + name;
}

std::shared_ptr<HyphenDict> load_dictionary(const std::string& path, const Cache& cache) {
  // Without a cache the pattern file is not even looked at twice.
  const std::string stamp = cache.keeps() ? file_stamp(path) : std::string();
  const std::string made_from = patterns_made_from(stamp);
  const std::string entry = "hyphenation-" + std::filesystem::path(path).stem().string() + ".bin";
  if (!stamp.empty()) {
    if (const auto kept = cache.read(entry, made_from)) {
      if (auto dict = read_patterns(kept->contents())) return dict;
    }
  }
  std::shared_ptr<HyphenDict> dict(hnj_hyphen_load(path.c_str()), [](HyphenDict* d) {
    if (d) hnj_hyphen_free(d);
  });
  if (dict && !stamp.empty()) cache.write(entry, made_from, save_patterns(*dict));
  return dict;
}

std::shared_ptr<HyphenDict> PatternStore::get(const std::string& path) {
  std::shared_future<std::shared_ptr<HyphenDict>> found;
  {
    const std::lock_guard lock(mutex_);
    auto it = loaded_.find(path);
    if (it == loaded_.end()) {
      it = loaded_
               .emplace(
                   path,
                   std::async(std::launch::deferred, [this, path] { return load_dictionary(path, cache_); }).share())
               .first;
    }
    found = it->second;
  }
  return found.get();
}

}  // namespace impactkit::text::detail
