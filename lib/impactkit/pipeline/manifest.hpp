#pragma once
// What a build made and from what: per unit of output (one poster, the deck
// of a language, the laser job, the wheel) a key — a hash of everything it
// was made from — and its files. Kept in OUTPUT/.impactkit/manifest.json, so
// that the next build remakes only what changed, and removes only files it
// made itself.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::pipeline {

// A 64-bit FNV-1a hash, the same on every machine and run (std::hash is not
// promised to be): the keys are compared across runs.
class Hasher {
 public:
  Hasher& add(std::string_view bytes);
  Hasher& add_file(const std::filesystem::path& file);  // its bytes, or its absence
  std::string hex() const;

 private:
  std::uint64_t state_ = 14695981039346656037ULL;
};

// Whether a content key reads the case files.
enum class CaseFiles { all, none };

// The files of a content root that the keys of outputs made from the whole
// root (the deck, the laser job, the wheel) are made from: roadshow.yaml,
// the theme, the SDGs, every locale, case, asset and template file, and the
// names and sizes of the font files; each read and hashed once for all the
// products of a build. key() adds the tool, `product` and `options`, and
// leaves the case files out with CaseFiles::none (the product then puts
// what it takes from the cases into `options`).
class ContentFiles {
 public:
  explicit ContentFiles(const std::filesystem::path& root);
  std::string key(std::string_view product, std::string_view options, CaseFiles cases = CaseFiles::all) const;

 private:
  struct File {
    std::string path;
    std::string digest;  // of its bytes, or of its absence
    bool is_case = false;
  };
  std::vector<File> files_;  // sorted by path
  std::string fonts_;        // font files' names and sizes
};

// Safe to use from several threads: products made side by side record
// their files in one manifest.
class Manifest {
 public:
  // The manifest of `output_dir`; empty when there is none or it cannot be read.
  static Manifest load(const std::filesystem::path& output_dir);
  // A manifest that knows nothing of earlier builds: everything is made again.
  static Manifest empty(const std::filesystem::path& output_dir);

  // Whether `unit` was made from `key` in the last build and all its files are still there.
  bool up_to_date(const std::string& unit, const std::string& key) const;
  // Records what `unit` was made from and its files (paths under the output folder).
  void record(const std::string& unit, const std::string& key, const std::vector<std::filesystem::path>& files);
  // Forgets the units whose name starts with `prefix` and that this run did
  // not record, and removes their files: outputs of removed cases. Returns
  // the files removed. Only files the manifest lists are ever removed.
  std::vector<std::filesystem::path> drop_unrecorded(std::string_view prefix);
  // A result kept for the next build (a nesting), made from `key`: what
  // remember() was given with that key by the last build, if anything.
  std::optional<std::string> recall(const std::string& unit, const std::string& key) const;
  void remember(const std::string& unit, const std::string& key, std::string data);
  // Writes the manifest (atomically).
  void save() const;

 private:
  struct Unit {
    std::string key;
    std::vector<std::string> files;  // relative to the output folder
    bool recorded = false;           // by this run
    std::string data;                // remembered, not a file
  };
  std::filesystem::path output_dir_;
  std::unique_ptr<std::mutex> mutex_ =
      std::make_unique<std::mutex>();  // guards units_; a pointer keeps Manifest movable
  std::map<std::string, Unit> units_;
};

}  // namespace impactkit::pipeline
