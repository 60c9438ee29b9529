#pragma once
// What a build made and from what: per unit of output (one poster, the deck
// of a language, the laser job, the wheel) a key — a hash of everything it
// was made from — and its files. Kept in OUTPUT/.impactkit/manifest.json, so
// that the next build remakes only what changed, and removes only files it
// made itself.

#include <impactkit/products/context.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::pipeline {

// Safe to use from several threads: products made side by side record
// their files in one manifest.
class Manifest final : public products::BuildRecord {
 public:
  // The manifest of `output_dir`; empty when there is none or it cannot be read.
  static Manifest load(const std::filesystem::path& output_dir);
  // A manifest that knows nothing of earlier builds: everything is made again.
  static Manifest empty(const std::filesystem::path& output_dir);

  // Whether `unit` was made from `key` in the last build and all its files are still there.
  bool up_to_date(const std::string& unit, const std::string& key) const override;
  // Records what `unit` was made from and its files (paths under the output folder).
  void record(const std::string& unit, const std::string& key,
              const std::vector<std::filesystem::path>& files) override;
  // Forgets the units whose name starts with `prefix` and that this run did
  // not record, and returns their files (outputs of removed cases), for the
  // build to remove when it commits (core/staging.hpp): only plain paths
  // under the output folder, as record() wrote them, never anything else.
  std::vector<std::filesystem::path> drop_unrecorded(std::string_view prefix);
  // A result kept for the next build (a nesting), made from `key`: what
  // remember() was given with that key by the last build, if anything.
  std::optional<std::string> recall(const std::string& unit, const std::string& key) const override;
  void remember(const std::string& unit, const std::string& key, std::string data) override;
  // The files that earlier builds into `output_dir` made, relative to it
  // (generic form): every unit's files and the outputs noted by keep_outputs,
  // from a manifest of any version (one of an older impactkit still tells
  // which files are its own), plain paths only. Empty without a manifest.
  static std::set<std::string> made_files(const std::filesystem::path& output_dir);
  // Notes the files (relative to the output folder) that this and earlier
  // builds made, for made_files() of the next build.
  void keep_outputs(std::set<std::string> outputs);
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
  std::set<std::string> outputs_;  // keep_outputs
};

}  // namespace impactkit::pipeline
