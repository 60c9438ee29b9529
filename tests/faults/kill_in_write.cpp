// Loaded into impactkit with LD_PRELOAD by the fault tests: the Nth write()
// (IMPACTKIT_KILL_AT_WRITE=N) to a regular file whose path contains
// IMPACTKIT_KILL_UNDER writes half of its bytes, and then the process gets
// SIGKILL. That is the worst moment for a kill — a file half written — which
// a kill after some milliseconds hits only by luck: writes take microseconds.
// A build that wrote outputs in place would leave half a file here; one that
// writes to a temporary and renames leaves the old output and a temporary.
//
// With IMPACTKIT_KILL_AT_RENAME=N instead, the process gets SIGKILL right
// after the Nth rename() onto a path that contains IMPACTKIT_KILL_UNDER and
// lies outside .impactkit/: the Nth output a build moves into place when it
// commits (core/staging.hpp). A build killed there has replaced some of its
// outputs and not the others, a moment a kill after some milliseconds hits
// only by luck: the moves take a millisecond or two.

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
using RenameFn = int (*)(const char*, const char*);

long number(const char* name) {
  const char* text = std::getenv(name);
  return text ? std::strtol(text, nullptr, 10) : 0;
}

struct Setting {
  long at = 0;         // which write; 0: never
  long at_rename = 0;  // which rename into place; 0: never
  std::string under;   // a part of the path of the files that count
  WriteFn real = nullptr;
  RenameFn real_rename = nullptr;
  Setting() {
    real = reinterpret_cast<WriteFn>(::dlsym(RTLD_NEXT, "write"));
    real_rename = reinterpret_cast<RenameFn>(::dlsym(RTLD_NEXT, "rename"));
    if (const char* under_text = std::getenv("IMPACTKIT_KILL_UNDER")) {
      at = number("IMPACTKIT_KILL_AT_WRITE");
      at_rename = number("IMPACTKIT_KILL_AT_RENAME");
      under = under_text;
    }
  }
};

const Setting& setting() {
  static const Setting s;
  return s;
}

std::atomic<long> counted{0};
std::atomic<long> renamed{0};

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

extern "C" int rename(const char* from, const char* to) {
  const Setting& s = setting();
  const int result = s.real_rename(from, to);
  const std::string target = to;
  if (result == 0 && s.at_rename > 0 && target.find(s.under) != std::string::npos &&
      target.find("/.impactkit/") == std::string::npos && ++renamed == s.at_rename) {
    ::raise(SIGKILL);
  }
  return result;
}
