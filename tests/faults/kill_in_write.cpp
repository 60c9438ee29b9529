// Loaded into impactkit with LD_PRELOAD by the fault tests: the Nth write()
// (IMPACTKIT_KILL_AT_WRITE=N) to a regular file whose path contains
// IMPACTKIT_KILL_UNDER writes half of its bytes, and then the process gets
// SIGKILL. That is the worst moment for a kill — a file half written — which
// a kill after some milliseconds hits only by luck: writes take microseconds.
// A build that wrote outputs in place would leave half a file here; one that
// writes to a temporary and renames leaves the old output and a temporary.

#include <dlfcn.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

using WriteFn = ssize_t (*)(int, const void*, size_t);

struct Setting {
  long at = 0;        // which write; 0: never
  std::string under;  // a part of the path of the files that count
  WriteFn real = nullptr;
  Setting() {
    real = reinterpret_cast<WriteFn>(::dlsym(RTLD_NEXT, "write"));
    const char* at_text = std::getenv("IMPACTKIT_KILL_AT_WRITE");
    const char* under_text = std::getenv("IMPACTKIT_KILL_UNDER");
    if (at_text && under_text) {
      at = std::strtol(at_text, nullptr, 10);
      under = under_text;
    }
  }
};

const Setting& setting() {
  static const Setting s;
  return s;
}

std::atomic<long> counted{0};

bool counts(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return false;
  std::array<char, 4096> target{};
  const std::string link = "/proc/self/fd/" + std::to_string(fd);
  const ssize_t n = ::readlink(link.c_str(), target.data(), target.size() - 1);
  return n > 0 && std::string(target.data(), static_cast<std::size_t>(n)).find(setting().under) != std::string::npos;
}

}  // namespace

extern "C" ssize_t write(int fd, const void* buffer, size_t count) {
  const Setting& s = setting();
  if (s.at > 0 && count > 1 && counts(fd) && ++counted == s.at) {
    s.real(fd, buffer, count / 2);
    ::raise(SIGKILL);
  }
  return s.real(fd, buffer, count);
}
