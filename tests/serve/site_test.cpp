// The live preview's web site as an attacker and a browser would meet it:
// requests sent byte for byte to a running `impactkit serve`.

#include <impactkit/core/file_io.hpp>

#include "serve_support.hpp"
#include "support.hpp"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::test;

namespace {

struct Served {
  TempDir root;
  TempDir out;
  std::unique_ptr<RunningServe> serve;
  Served() {
    compose_fixture(root.path());
    serve = std::make_unique<RunningServe>(
        root.path(), std::vector<std::string>{"--only", "posters", "--lang", "nl", "-o", out.path().string()});
  }
};

Served& served() {
  static Served s;
  return s;
}

// Whether a response gives away a file: the roadshow's or the system's.
bool leaks(const RawResponse& r) {
  return r.text.find("organisation:") != std::string::npos || r.text.find("root:x:0:0") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_site)

BOOST_AUTO_TEST_CASE(the_page_its_state_and_the_previews_are_served) {
  auto& s = served();
  const auto page = get(s.serve->port(), "/");
  BOOST_TEST(page.status == 200);
  BOOST_TEST(page.text.find("<html lang=\"en\">") != std::string::npos);
  BOOST_TEST(get(s.serve->port(), "/app.js").status == 200);
  BOOST_TEST(get(s.serve->port(), "/style.css").status == 200);
  const auto state = get(s.serve->port(), "/api/state");
  BOOST_TEST_REQUIRE(state.status == 200);
  const auto json = nlohmann::json::parse(state.text.substr(state.text.find("\r\n\r\n") + 4));
  BOOST_TEST(json["build"] == 1);
  BOOST_TEST(json["ok"] == true);
  BOOST_TEST_REQUIRE(!json["groups"].empty());
  const auto& item = json["groups"][0]["items"][0];
  const auto image = get(s.serve->port(), "/out/" + item["image"].get<std::string>());
  BOOST_TEST(image.status == 200);
  BOOST_TEST(image.text.find("\x89PNG") != std::string::npos);
  const auto map = get(s.serve->port(), "/out/" + item["map"].get<std::string>());
  BOOST_TEST(map.status == 200);
  BOOST_TEST(map.text.find("\"spots\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_path_leads_out_of_the_output_folder) {
  auto& s = served();
  const int port = s.serve->port();
  // A link in the output folder to a file outside it.
  fs::create_symlink(s.root.path() / "roadshow.yaml", s.out.path() / "posters" / "link.png");
  fs::create_symlink("/etc", s.out.path() / "posters" / "etc");
  for (const std::string& target : std::vector<std::string>{
           "/../roadshow.yaml", "/%2e%2e/roadshow.yaml", "//etc/passwd", "/out/../roadshow.yaml",
           "/out/%2e%2e/roadshow.yaml", "/out/%2E%2E/%2E%2E/etc/passwd", "/out//etc/passwd", "/out/posters/link.png",
           "/out/posters/etc/passwd", "/out/.impactkit/manifest.json", "/out/posters/nl/..%2f..%2f..%2froadshow.yaml",
           "/out/posters%2f..%2f..%2froadshow.yaml", "/roadshow.yaml",
           "/out/" + (s.root.path() / "roadshow.yaml").string()}) {
    const auto r = get(port, target);
    BOOST_TEST((r.status == 400 || r.status == 403 || r.status == 404), target << ": " << r.status);
    BOOST_TEST(!leaks(r), target);
  }
}

BOOST_AUTO_TEST_CASE(a_folder_is_not_listed) {
  auto& s = served();
  for (const std::string target : {"/out/", "/out/posters", "/out/posters/", "/out/posters/nl"}) {  // NOLINT
    const auto r = get(s.serve->port(), target);
    BOOST_TEST(r.status == 404, target << ": " << r.status);
    BOOST_TEST(r.text.find(".png") == std::string::npos, target);
  }
}

BOOST_AUTO_TEST_CASE(only_this_machine_may_ask_and_only_to_read) {
  auto& s = served();
  const int port = s.serve->port();
  BOOST_TEST(get(port, "/", "evil.example").status == 403);  // a rebound name
  BOOST_TEST(get(port, "/api/state", "127.0.0.1.evil.example").status == 403);
  BOOST_TEST(get(port, "/", "localhost:" + std::to_string(port)).status == 200);
  const auto post = send_raw(port,
                             "POST /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                             "Connection: close\r\n\r\n{}");
  BOOST_TEST((post.status == 404 || post.status == 405), post.status);
  // A body larger than any page sends is refused before it is read.
  const auto big = send_raw(port,
                            "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n"
                            "Connection: close\r\n\r\nxx");
  BOOST_TEST((big.status == 413 || big.status == 404 || big.status == 400), big.status);
  const auto long_uri = get(port, "/out/" + std::string(20000, 'a'));
  BOOST_TEST((long_uri.status == 414 || long_uri.status == 400 || long_uri.status == 404), long_uri.status);
}

BOOST_AUTO_TEST_CASE(it_listens_on_127_0_0_1_only) {
  auto& s = served();
  const std::string sockets = read_file("/proc/net/tcp").value_or("");
  char hex_port[8];
  std::snprintf(hex_port, sizeof hex_port, "%04X", s.serve->port());
  // 0100007F is 127.0.0.1; 00000000 would be every address.
  BOOST_TEST(sockets.find("0100007F:" + std::string(hex_port) + " 00000000:0000 0A") != std::string::npos);
  BOOST_TEST(sockets.find("00000000:" + std::string(hex_port) + " 00000000:0000 0A") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_second_serve_on_the_same_port_says_so_and_ends) {
  auto& s = served();
  TempDir out;
  const auto r = run_impactkit({"serve", "--port", std::to_string(s.serve->port()), "--only", "posters", "-o",
                                out.path().string(), s.root.path().string()});
  BOOST_TEST(r.exit_code == 3, r.out << r.err);
  BOOST_TEST(r.err.find("the port is in use") != std::string::npos, r.err);
  BOOST_TEST(get(s.serve->port(), "/").status == 200);  // the first still answers
}

// Last: it stops the server the other cases use.
BOOST_AUTO_TEST_CASE(sigterm_stops_it_cleanly_and_leaves_no_lock) {
  auto& s = served();
  BOOST_TEST(s.serve->stop() == 0);
  BOOST_TEST(s.serve->child().out().find("stopped") != std::string::npos);
  // The output folder's lock is free: the next build need not wait.
  const int fd = ::open((s.out.path() / ".impactkit" / "lock").c_str(), O_RDONLY | O_CLOEXEC);
  BOOST_TEST_REQUIRE(fd >= 0);
  BOOST_TEST(::flock(fd, LOCK_EX | LOCK_NB) == 0);
  ::close(fd);
  BOOST_TEST(get(s.serve->port(), "/").status == 0);  // nobody answers
}

BOOST_AUTO_TEST_SUITE_END()
