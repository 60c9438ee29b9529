// The live preview in Debian's Chromium: tests/browser/serve_test.mjs, run
// with Node.js. It drives the page with puppeteer-core and checks it with
// axe-core, both pinned in tests/browser/package.json and installed by
// scripts/setup; a missing one fails this test, saying so.

#include <impactkit/core/file_io.hpp>

#include "child.hpp"
#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <regex>
#include <sstream>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::test;

BOOST_AUTO_TEST_SUITE(serve_browser)

BOOST_AUTO_TEST_CASE(the_page_follows_every_save_in_chromium) {
  const fs::path browser = source_dir() / "tests" / "browser";
  BOOST_TEST_REQUIRE(fs::exists(browser / "node_modules" / "puppeteer-core"),
                     "puppeteer-core is not installed: run scripts/setup (npm ci in tests/browser)");
  BOOST_TEST_REQUIRE(fs::exists("/usr/bin/chromium"), "Chromium is not installed: run scripts/setup");
  TempDir root;
  TempDir out;
  for (const char* item : {"roadshow.yaml", "sdgs.yaml", "theme.yaml", "cases", "locales", "templates"}) {
    fs::copy(source_dir() / item, root.path() / item, fs::copy_options::recursive);
  }
#if defined(__SANITIZE_ADDRESS__)
  const std::string limit = "SAVE_LIMIT_MS=10000 ";  // every build several times slower
#else
  const std::string limit;
#endif
  const std::string command = limit + "node " + (browser / "serve_test.mjs").string() + " " + IMPACTKIT_BINARY + " " +
                              root.path().string() + " " + out.path().string() + " 2>&1";
  std::string printed;
  FILE* pipe = popen(command.c_str(), "r");
  BOOST_TEST_REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) printed.append(buffer, n);
  const int status = pclose(pipe);
  BOOST_TEST_MESSAGE(printed);
  BOOST_TEST(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 0, printed);
  // Each of the checks ran and passed.
  for (const char* check :
       {"ok the page shows Posters", "ok the page shows Card faces", "ok the page shows Question form",
        "ok the page shows Laser sheets", "ok the page shows Confrontation wheel",
        "ok axe-core: no WCAG 2.1 A/AA violation in the gallery", "ok hovering the title shows its YAML place",
        "ok the new title is in the page within", "ok the page was not reloaded",
        "ok a text that does not fit shows its error", "ok the last good preview stays",
        "ok the error goes once the text fits again", "ok serve stops cleanly on SIGTERM"}) {
    BOOST_TEST(printed.find(check) != std::string::npos, check);
  }
  BOOST_TEST(printed.find("FAIL") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
