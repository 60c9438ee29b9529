#pragma once
// The files of a content root that the keys of whole-root units (the deck,
// the laser job, the wheel) are made from: roadshow.yaml, the theme, the
// SDGs, every locale, case, asset and template file (the root's and the
// tool's), and the names and sizes of the font files; each read and
// digested once for all the units of a build.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::pipeline {

// Whether a key takes the case files in.
enum class CaseFiles { all, none };

class ContentFiles {
 public:
  explicit ContentFiles(const std::filesystem::path& root);

  // The key of unit `unit`: the tool's version, `unit`, `inputs` (what
  // else the unit is made from: options, or what it takes from the cases
  // when it leaves the case files out) and the files.
  std::string key(std::string_view unit, std::string_view inputs, CaseFiles cases = CaseFiles::all) const;

 private:
  struct File {
    std::string path;
    std::string digest;  // of its bytes, or of its absence
    bool is_case = false;
  };
  std::vector<File> files_;  // sorted by path
  std::string fonts_;        // font files' names and sizes
};

}  // namespace impactkit::pipeline
