#include <impactkit/core/bytes.hpp>
#include <impactkit/core/cache.hpp>
#include <impactkit/core/file_io.hpp>

#include <system_error>

namespace impactkit {

Cache::Cache(std::filesystem::path folder) : folder_(std::move(folder)) {}

std::optional<Cache::Entry> Cache::read(std::string_view name, std::string_view made_from) const {
  if (folder_.empty()) return std::nullopt;
  auto file = read_file(folder_ / name);
  if (!file) return std::nullopt;
  const auto contents = unseal(*file, made_from);
  if (!contents) return std::nullopt;
  const std::size_t at = file->size() - contents->size();
  return Entry(std::move(*file), at);
}

bool Cache::write(std::string_view name, std::string_view made_from, std::string_view contents) const {
  std::error_code ec;
  // symlink_status: a folder that is a link (OUTPUT/.impactkit -> elsewhere,
  // carried by a forked repository) is not written through.
  if (folder_.empty() || !std::filesystem::is_directory(std::filesystem::symlink_status(folder_, ec))) return false;
  try {
    write_file_atomically(folder_ / name, seal(made_from, contents));
    return true;
  } catch (const std::exception&) {  // a lost saving, see the header
    return false;
  }
}

}  // namespace impactkit
