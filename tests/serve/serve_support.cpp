#include "serve_support.hpp"

#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <regex>
#include <thread>

namespace impactkit::test {

RunningServe::RunningServe(const std::filesystem::path& root, const std::vector<std::string>& args) {
  std::vector<std::string> all = {"serve", "--port", "0"};
  all.insert(all.end(), args.begin(), args.end());
  all.push_back(root.string());
  child_ = std::make_unique<Child>(all);
  static const std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
  static const std::regex built(R"(build 1 (done|failed))");
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::smatch m;
  std::string out;
  while (std::chrono::steady_clock::now() < until && child_->running()) {
    out = child_->out();
    if (std::regex_search(out, m, url) && std::regex_search(out, built)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  BOOST_TEST_REQUIRE(std::regex_search(out, m, url), "serve said no URL: " << out << child_->err());
  port_ = std::stoi(m[1].str());
}

int RunningServe::stop() {
  ::kill(child_->pid(), SIGTERM);
  return child_->wait();
}

namespace {

// Whether `text` holds a whole response: its headers and as much body as
// they announce. (A server may keep the connection open after it.)
bool complete(const std::string& text) {
  const auto end = text.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  static const std::regex length(R"(\r\n[Cc]ontent-[Ll]ength: (\d+)\r\n)");
  std::smatch m;
  const std::string headers = text.substr(0, end + 2);
  if (!std::regex_search(headers, m, length)) return false;  // read until the server closes
  return text.size() >= end + 4 + std::stoul(m[1].str());
}

}  // namespace

RawResponse send_raw(int port, const std::string& request) {
  RawResponse r;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return r;
  sockaddr_in at{};
  at.sin_family = AF_INET;
  at.sin_port = htons(static_cast<std::uint16_t>(port));
  at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&at), sizeof at) == 0) {
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    char buffer[4096];
    for (ssize_t n; !complete(r.text) && (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) {
      r.text.append(buffer, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  static const std::regex status(R"(^HTTP/1\.[01] (\d{3}))");
  std::smatch m;
  if (std::regex_search(r.text, m, status)) r.status = std::stoi(m[1].str());
  return r;
}

RawResponse get(int port, const std::string& target, const std::string& host) {
  return send_raw(port, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
}

}  // namespace impactkit::test
