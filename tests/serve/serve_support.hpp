#pragma once
// Helpers of the live preview's tests: `impactkit serve` running on a free
// port, and requests sent to it byte for byte.

#include "child.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace impactkit::test {

// `impactkit serve --port 0 ARGS... ROOT`, once it has said its URL and
// finished its first build.
class RunningServe {
 public:
  RunningServe(const std::filesystem::path& root, const std::vector<std::string>& args);
  int port() const { return port_; }
  Child& child() { return *child_; }
  // Sends SIGTERM and waits: the exit code.
  int stop();

 private:
  std::unique_ptr<Child> child_;
  int port_ = 0;
};

struct RawResponse {
  int status = 0;
  std::string text;  // the whole response, headers and body
};

// Sends `request` as written (no client library tidies the path) to
// 127.0.0.1:port and reads the response until the server closes.
RawResponse send_raw(int port, const std::string& request);
// A GET of `target` exactly as written, with a Host header of 127.0.0.1.
RawResponse get(int port, const std::string& target, const std::string& host = "127.0.0.1");

}  // namespace impactkit::test
