// `impactkit serve` in the impactkit program: it runs impactkit-serve, the
// same command line with the web server (cli/serve_command.cpp), in its
// place. The web server's library (cpp-httplib, with OpenSSL, zlib and
// brotli in Debian) then loads only for `serve`, not at every command's
// start.

#include "commands.hpp"
#include "exit_codes.hpp"

#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace impactkit::cli {
namespace fs = std::filesystem;

int serve(const fs::path&, const BuildOptions&, const Output&, int) {
  std::error_code ec;
  const fs::path helper = fs::read_symlink("/proc/self/exe", ec).parent_path() / "impactkit-serve";
  if (ec || access(helper.c_str(), X_OK) != 0) {
    fmt::print(stderr,
               "error: `impactkit serve` needs the program {} beside impactkit\n  fix: build or install "
               "impactkit completely (scripts/build makes both)\n",
               helper.string());
    return exit_files;
  }
  // The command line as given, from the kernel's copy: every argument as it was.
  const std::string line = read_file("/proc/self/cmdline").value_or("");
  std::vector<std::string> args;
  for (std::size_t at = 0; at < line.size();) {
    const std::size_t end = line.find('\0', at);
    args.push_back(line.substr(at, end - at));
    at = end == std::string::npos ? line.size() : end + 1;
  }
  if (args.empty()) args.emplace_back();
  args[0] = helper.string();
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(helper.c_str(), argv.data());
  fmt::print(stderr, "error: cannot run {}: {}\n", helper.string(), std::strerror(errno));
  return exit_internal;
}

}  // namespace impactkit::cli
