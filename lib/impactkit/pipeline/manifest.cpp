#include <impactkit/pipeline/manifest.hpp>

#include <impactkit/core/file_io.hpp>
#include <impactkit/core/staging.hpp>
#include <impactkit/pipeline/output_guard.hpp>
#include <impactkit/version.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace impactkit::pipeline {
namespace fs = std::filesystem;

namespace {

fs::path manifest_path(const fs::path& output_dir) {
  return output_dir / ".impactkit" / "manifest.json";
}

// A file name as record() writes it: relative, forward, inside the output
// folder, and not the build's own bookkeeping. Anything else in a manifest
// was put there by hand (or by a damaged write) and is never trusted.
bool plain_output_name(const std::string& name) {
  const fs::path path(name);
  if (name.empty() || path.is_absolute() || path.has_root_name() || path.has_root_directory()) return false;
  if (name.find('\0') != std::string::npos) return false;
  const auto first = path.begin();
  if (first == path.end() || *first == ".impactkit") return false;
  return std::none_of(path.begin(), path.end(), [](const fs::path& part) { return part == ".." || part == "."; });
}

}  // namespace

Manifest Manifest::empty(const fs::path& output_dir) {
  Manifest m;
  m.output_dir_ = output_dir;
  return m;
}

Manifest Manifest::load(const fs::path& output_dir) {
  Manifest m;
  m.output_dir_ = output_dir;
  const auto text = read_file(manifest_path(output_dir));
  if (!text) return m;
  const auto doc = nlohmann::json::parse(*text, nullptr, false);
  // A manifest of another version or a damaged one: everything is made again.
  if (doc.is_discarded() || !doc.is_object() || doc.value("impactkit", "") != std::string(version)) return m;
  const auto units = doc.find("units");
  if (units == doc.end() || !units->is_object()) return m;
  for (const auto& [name, unit] : units->items()) {
    if (!unit.is_object()) continue;
    Unit u;
    u.key = unit.value("key", "");
    u.data = unit.value("data", "");
    const auto files = unit.find("files");
    bool plain = true;
    if (files != unit.end() && files->is_array()) {
      for (const auto& f : *files) {
        if (f.is_string()) u.files.push_back(f.get<std::string>());
        plain = plain && f.is_string() && plain_output_name(f.get<std::string>());
      }
    }
    // A unit naming a file outside the output folder (a hand-edited
    // manifest): forgotten, so that it is made again and its files, whatever
    // they are, are never removed.
    if (plain) m.units_.emplace(name, std::move(u));
  }
  return m;
}

std::set<std::string> Manifest::made_files(const fs::path& output_dir) {
  std::set<std::string> made;
  const auto text = read_file(manifest_path(output_dir));
  if (!text) return made;
  const auto doc = nlohmann::json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return made;
  const auto add = [&](const nlohmann::json& files) {
    if (!files.is_array()) return;
    for (const auto& f : files) {
      if (f.is_string() && plain_output_name(f.get<std::string>())) made.insert(f.get<std::string>());
    }
  };
  if (const auto outputs = doc.find("outputs"); outputs != doc.end()) add(*outputs);
  const auto units = doc.find("units");
  if (units == doc.end() || !units->is_object()) return made;
  for (const auto& [name, unit] : units->items()) {
    if (!unit.is_object()) continue;
    if (const auto files = unit.find("files"); files != unit.end()) add(*files);
  }
  return made;
}

void Manifest::keep_outputs(std::set<std::string> outputs) {
  const std::lock_guard lock(*mutex_);
  outputs_ = std::move(outputs);
}

bool Manifest::up_to_date(const std::string& unit, const std::string& key) const {
  const std::lock_guard lock(*mutex_);
  const auto it = units_.find(unit);
  if (it == units_.end() || it->second.key != key) return false;
  std::error_code ec;
  for (const auto& f : it->second.files) {
    // A file reached through a link (output/posters -> elsewhere) is not
    // this build's: the unit is made again, and its commit refuses the link.
    if (link_below(output_dir_, output_dir_ / f) || !fs::is_regular_file(output_dir_ / f, ec)) return false;
  }
  return true;
}

void Manifest::record(const std::string& unit, const std::string& key, const std::vector<fs::path>& files) {
  const std::lock_guard lock(*mutex_);
  Unit& u = units_[unit];
  u.key = key;
  u.files.clear();
  for (const auto& f : files) u.files.push_back(f.lexically_relative(output_dir_).generic_string());
  u.recorded = true;
}

std::optional<std::string> Manifest::recall(const std::string& unit, const std::string& key) const {
  const std::lock_guard lock(*mutex_);
  const auto it = units_.find(unit);
  if (it == units_.end() || it->second.key != key || it->second.data.empty()) return std::nullopt;
  return it->second.data;
}

void Manifest::remember(const std::string& unit, const std::string& key, std::string data) {
  const std::lock_guard lock(*mutex_);
  Unit& u = units_[unit];
  u.key = key;
  u.files.clear();
  u.data = std::move(data);
  u.recorded = true;
}

std::vector<fs::path> Manifest::drop_unrecorded(std::string_view prefix) {
  const std::lock_guard lock(*mutex_);
  std::vector<fs::path> dropped;
  for (auto it = units_.begin(); it != units_.end();) {
    if (!it->second.recorded && std::string_view(it->first).starts_with(prefix)) {
      // Only a plain relative path under the output folder (load() has
      // already forgotten units with others; checked again here, for a
      // manifest made in memory). Whoever removes them checks that each is
      // a file, not a link or a folder, and stays inside the output folder
      // when links are followed (remove_output in core/staging.hpp).
      for (const auto& f : it->second.files) {
        if (plain_output_name(f)) dropped.push_back(output_dir_ / fs::path(f));
      }
      it = units_.erase(it);
    } else {
      ++it;
    }
  }
  return dropped;
}

void Manifest::save() const {
  const std::lock_guard lock(*mutex_);
  nlohmann::ordered_json units = nlohmann::ordered_json::object();
  for (const auto& [name, unit] : units_) {
    units[name] = {{"key", unit.key}, {"files", unit.files}};
    if (!unit.data.empty()) units[name]["data"] = unit.data;
  }
  nlohmann::ordered_json doc = {{"impactkit", version}, {"units", std::move(units)}};
  if (!outputs_.empty()) doc["outputs"] = outputs_;
  fs::create_directories(manifest_path(output_dir_).parent_path());
  write_file_atomically(manifest_path(output_dir_), doc.dump(1) + "\n");
  // The manifest now matches the files: the build is complete.
  std::error_code ignored;
  fs::remove(unfinished_marker(output_dir_), ignored);
}

}  // namespace impactkit::pipeline
