#include <impactkit/core/fd.hpp>
#include <impactkit/core/file_io.hpp>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <utility>

namespace impactkit {
namespace fs = std::filesystem;

std::string file_stamp(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return {};
  const auto changed = fs::last_write_time(file, ec);
  if (ec) return {};
  const auto full = fs::canonical(file, ec);
  if (ec) return {};
  return fmt::format("{} {} {}", full.string(), size, changed.time_since_epoch().count());
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(buffer).str();
}

namespace {

[[noreturn]] void fail(const char* what, const fs::path& path, int err) {
  throw fs::filesystem_error(what, path, std::error_code(err, std::generic_category()));
}

}  // namespace

namespace {
constexpr std::string_view temporary_tag = ".impactkit-tmp-";
constexpr std::size_t temporary_suffix = 6;  // mkstemp's XXXXXX
}  // namespace

std::string temporary_prefix(const fs::path& target) {
  return "." + target.filename().string() + std::string(temporary_tag);
}

bool is_temporary_name(std::string_view filename) {
  if (filename.size() < 2 || filename.front() != '.') return false;
  const auto tag = filename.rfind(temporary_tag);
  return tag != std::string_view::npos && tag > 1 && filename.size() - tag - temporary_tag.size() == temporary_suffix;
}

bool stays_within(const fs::path& folder, const fs::path& path) {
  std::error_code ec;
  const fs::path real_folder = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  if (ec) return false;
  const fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  // Component by component, so that /a/bc is not taken to be inside /a/b.
  auto f = real_folder.begin();
  auto p = real.begin();
  for (; f != real_folder.end(); ++f, ++p) {
    if (f->empty() && std::next(f) == real_folder.end()) break;  // a trailing separator
    if (p == real.end() || *p != *f) return false;
  }
  return true;
}

std::vector<fs::path> files_with_extension(const fs::path& folder, std::string_view extension) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    if (e.is_regular_file(ec) && e.path().extension() == extension) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void write_file_atomically(const fs::path& path, std::string_view content) {
  // mkstemp in the target's folder, so that the rename stays on one file
  // system; named so that the next build recognises it as a leftover. It
  // opens with O_CREAT | O_EXCL, which never follows a link (as O_NOFOLLOW
  // would refuse one), and O_CLOEXEC keeps the file from the children a
  // build starts (Ghostscript). The rename replaces a link at `path`
  // itself, never what it leads to.
  std::string tmp_name = (path.parent_path() / (temporary_prefix(path) + "XXXXXX")).string();
  Fd fd(::mkostemp(tmp_name.data(), O_CLOEXEC));
  if (fd.get() < 0) fail("cannot create a temporary file for", path, errno);
  const fs::path tmp(tmp_name);
  const auto discard = [&](const char* what, int err) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    fail(what, path, err);
  };
  ::fchmod(fd.get(), 0644);
  std::string_view rest = content;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd.get(), rest.data(), rest.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      discard("cannot write", errno);
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  // No fsync: the rename alone guarantees that a reader, or a build killed
  // at any moment, sees the old file or the new one, never a part of one.
  // fsync would add durability across a power cut, for files that the next
  // build makes again, at about half a millisecond per file (a poster build
  // writes a hundred).
  if (::close(fd.release()) != 0) discard("cannot write", errno);
  if (::rename(tmp.c_str(), path.c_str()) != 0) discard("cannot replace", errno);
}

}  // namespace impactkit
