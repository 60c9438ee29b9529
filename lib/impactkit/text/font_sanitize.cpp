#include <impactkit/text/font_sanitize.hpp>

#include <impactkit/core/child_process.hpp>
#include <impactkit/core/digest.hpp>
#include <impactkit/core/fd.hpp>
#include <impactkit/core/limits.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>

namespace impactkit::text {
namespace fs = std::filesystem;

namespace {

// One limit for font files, the reading door's (core/limits.hpp).
using limits::max_font_file_bytes;
// ots-sanitize takes milliseconds on a real font; a font that keeps it
// longer is refused rather than let hang the build.
constexpr auto sanitize_timeout = std::chrono::seconds(20);

// The bytes of `file`, opened without blocking (a FIFO in fonts/ would hang
// a plain open) and read only when it is a regular file of a sane size.
// Returns why it cannot, or nothing when `bytes` holds the file.
std::optional<std::string> read_font_file(const fs::path& file, std::string& bytes) {
  const Fd in(::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (in.get() < 0) return std::string(fmt::format("cannot read font file '{}'", file.string()));
  struct stat st {};
  if (::fstat(in.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return std::string(fmt::format("font file '{}' is not a regular file", file.string()));
  }
  if (static_cast<std::uint64_t>(st.st_size) > max_font_file_bytes) {
    return std::string(fmt::format("font file '{}' is {} bytes, more than the {} a font may have", file.string(),
                                   st.st_size, max_font_file_bytes));
  }
  bytes.assign(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = ::read(in.get(), bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::string(fmt::format("cannot read font file '{}'", file.string()));
    got += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

// A private folder for ots-sanitize's input and output, removed at the end.
class WorkDir {
 public:
  WorkDir() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "impactkit-font-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~WorkDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs ots-sanitize IN OUT (a child process, killed when it takes too long).
ProgramRun run_sanitizer(const fs::path& in, const fs::path& out) {
  ProgramOptions options;
  options.timeout = sanitize_timeout;
  options.max_output = 4096;
  return run_program(ots_sanitize_program(), {in.string(), out.string()}, options);
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// ots-sanitize's own reason, its first line, kept short.
std::string reason(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  std::string first;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.find("Failed to sanitize") == std::string::npos) {
      first = line;
      break;
    }
  }
  if (first.size() > 200) first = first.substr(0, 200) + "...";
  for (char& c : first) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';  // never a control character on a terminal
  }
  return first;
}

SanitisedFont sanitise_bytes(const fs::path& file, const std::string& bytes) {
  const WorkDir work;
  if (work.path().empty())
    return std::string(fmt::format("cannot check font file '{}': no temporary folder", file.string()));
  const fs::path in = work.path() / "in.font";
  const fs::path out = work.path() / "out.font";
  {
    std::ofstream f(in, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) return std::string(fmt::format("cannot check font file '{}': the temporary folder is full", file.string()));
  }
  const ProgramRun run = run_sanitizer(in, out);
  if (run.end == ProgramRun::End::not_started) {
    return std::string(
        fmt::format("cannot check font file '{}': '{}' could not be run (install the Debian package "
                    "opentype-sanitizer)",
                    file.string(), ots_sanitize_program().string()));
  }
  if (run.end == ProgramRun::End::timed_out) {
    return std::string(fmt::format("font file '{}' kept the OpenType Sanitizer busy for more than {} s; it is refused",
                                   file.string(), sanitize_timeout.count()));
  }
  if (!run.succeeded()) {
    const std::string why = reason(run.output);
    return std::string(fmt::format("font file '{}' is damaged or not a font the OpenType Sanitizer accepts{}",
                                   file.string(), why.empty() ? std::string() : " (" + why + ")"));
  }
  auto clean = std::make_shared<const std::string>(slurp(out));
  if (clean->empty()) return std::string(fmt::format("font file '{}' has no font left once sanitised", file.string()));
  return clean;
}

}  // namespace

fs::path ots_sanitize_program() {
  const char* env = std::getenv("IMPACTKIT_OTS_SANITIZE");  // NOLINT(concurrency-mt-unsafe): read-only use
  return env && *env ? fs::path(env) : fs::path("/usr/bin/ots-sanitize");
}

SanitisedFont sanitise_font(const fs::path& file) {
  std::string bytes;
  if (auto why = read_font_file(file, bytes)) return *why;
  const std::string key = Digest().add(bytes).add(file.string()).hex();
  // The same font (by its bytes and name, as a refusal names the file) is
  // sanitised once per process: the theme's
  // check and every product's fonts open the same files.
  static std::mutex mutex;
  static std::map<std::string, SanitisedFont> done;
  {
    const std::lock_guard lock(mutex);
    if (auto it = done.find(key); it != done.end()) return it->second;
  }
  SanitisedFont result = sanitise_bytes(file, bytes);
  const std::lock_guard lock(mutex);
  done.emplace(key, result);
  return result;
}

}  // namespace impactkit::text
