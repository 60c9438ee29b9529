#pragma once
// A unit of a build's output: made again only when what it is made from
// changed. A product declares its units; the build session decides which
// are up to date (pipeline/session.hpp).

#include <filesystem>
#include <string>
#include <vector>

namespace impactkit::products {

struct Unit {
  std::string name;  // in the build's manifest: "posters/nl/A1/x-route.pdf", "cards"
  std::string key;   // a Digest of everything the unit is made from
  // The files it makes; empty: every file in `folder` once it is made.
  std::vector<std::filesystem::path> files;
  std::filesystem::path folder;
};

}  // namespace impactkit::products
