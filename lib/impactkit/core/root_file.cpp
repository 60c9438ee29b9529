#include <impactkit/core/fd.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/core/root_file.hpp>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

namespace impactkit {
namespace fs = std::filesystem;

namespace {

RootFileError error(RootFileError::Kind kind, fs::path at, std::string reason) {
  return {kind, std::move(at), std::move(reason)};
}

// The first folder on the way to `file` that cannot be entered: the
// system's reason names no path, and a message must. Checked with access()
// so that a test can see the folder too; `file` itself when no folder on the
// way is at fault.
fs::path first_unreachable(const fs::path& file) {
  std::error_code ec;
  const fs::path full = fs::absolute(file, ec);
  fs::path prefix;
  for (const auto& part : full) {
    prefix /= part;
    if (prefix == full) break;
    struct stat st {};
    if (::stat(prefix.c_str(), &st) != 0) return prefix;
    if (S_ISDIR(st.st_mode) && ::access(prefix.c_str(), X_OK) != 0) return prefix;
  }
  return file;
}

std::string kind_of_mode(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Opens the checked real path and checks what the descriptor is. O_NONBLOCK:
// opening a FIFO for reading would otherwise wait for a writer for ever.
std::optional<RootFileError> open_regular(const fs::path& file, const fs::path& real, std::uint64_t max_bytes,
                                          int& fd_out, std::uint64_t& size_out) {
  const int fd = ::open(real.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);
  if (fd < 0) {
    const int err = errno;
    return error(RootFileError::Kind::unreadable, file, std::strerror(err));
  }
  Fd owned(fd);
  struct stat st {};
  if (::fstat(fd, &st) != 0) return error(RootFileError::Kind::unreadable, file, std::strerror(errno));
  if (!S_ISREG(st.st_mode)) {
    return error(RootFileError::Kind::not_regular, file,
                 fmt::format("is {}, not a regular file", kind_of_mode(st.st_mode)));
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes) {
    return error(RootFileError::Kind::too_large, file,
                 fmt::format("is {} bytes, more than the {} allowed", size, max_bytes));
  }
  fd_out = ::dup(fd);  // the caller's own copy, closed by its Fd
  size_out = size;
  return std::nullopt;
}

}  // namespace

std::optional<RootFileError> check_root_path(const fs::path& file, const std::vector<fs::path>& within) {
  std::error_code ec;
  const fs::path real = fs::canonical(file, ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) {
      return error(RootFileError::Kind::missing, file, "does not exist");
    }
    if (ec == std::errc::permission_denied) {
      const fs::path at = first_unreachable(file);
      return error(RootFileError::Kind::unreachable, at, "cannot be entered: permission denied");
    }
    return error(RootFileError::Kind::unreadable, file, ec.message());
  }
  if (within.empty()) return std::nullopt;
  for (const auto& folder : within) {
    if (stays_within(folder, real)) return std::nullopt;
  }
  return error(RootFileError::Kind::outside, file,
               fmt::format("leads outside the content root, to '{}'", real.string()));
}

std::optional<RootFileError> check_root_file(const fs::path& file, const std::vector<fs::path>& within,
                                             std::uint64_t max_bytes) {
  if (auto refused = check_root_path(file, within)) return refused;
  std::error_code ec;
  const fs::path real = fs::canonical(file, ec);
  int fd = -1;
  std::uint64_t size = 0;
  if (auto refused = open_regular(file, ec ? file : real, max_bytes, fd, size)) return refused;
  const Fd owned(fd);
  return std::nullopt;
}

RootFile read_root_file(const fs::path& file, const std::vector<fs::path>& within, std::uint64_t max_bytes) {
  RootFile out;
  if ((out.error = check_root_path(file, within))) return out;
  std::error_code ec;
  const fs::path real = fs::canonical(file, ec);
  int fd = -1;
  std::uint64_t size = 0;
  if ((out.error = open_regular(file, ec ? file : real, max_bytes, fd, size))) return out;
  const Fd owned(fd);
  out.bytes.reserve(static_cast<std::size_t>(size));
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      out.error = error(RootFileError::Kind::unreadable, file, std::strerror(errno));
      return out;
    }
    if (n == 0) break;
    if (out.bytes.size() + static_cast<std::size_t>(n) > max_bytes) {  // it grew while being read
      out.error =
          error(RootFileError::Kind::too_large, file, fmt::format("is more than the {} bytes allowed", max_bytes));
      return out;
    }
    out.bytes.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

std::string describe(const RootFileError& e) {
  return fmt::format("'{}' {}", e.at.string(), e.reason);
}

}  // namespace impactkit
