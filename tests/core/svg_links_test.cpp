// The images an SVG links, put into it before librsvg sees it
// (core/svg_links.hpp), issue 18: a logo linking the PNG next to it was
// printed without it; every link goes through the content root's door, and
// whatever the door or the resolver refuses is a problem naming the link.

#include <impactkit/core/file_io.hpp>
#include <impactkit/core/svg_links.hpp>

#include "support.hpp"

#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using namespace impactkit;
using impactkit::test::TempDir;

namespace {

const std::string head = R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" )"
                         R"(width="10" height="10">)";
const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "rest-of-a-png";

std::string linking(const std::string& href, const std::string& attribute = "href") {
  return head + "<image " + attribute + "=\"" + href + "\" width=\"10\" height=\"10\"/></svg>";
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The problem resolving `svg` as root/logo.svg, within root; "" for none.
std::string problem_of(const fs::path& root, const std::string& svg) {
  write_file_atomically(root / "logo.svg", svg);
  const auto linked = resolve_svg_links(root / "logo.svg", svg, {root});
  return linked.problem ? linked.problem->what : "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_links)

BOOST_AUTO_TEST_CASE(base64_gives_rfc_4648s_vectors) {
  BOOST_TEST(base64("") == "");
  BOOST_TEST(base64("f") == "Zg==");
  BOOST_TEST(base64("fo") == "Zm8=");
  BOOST_TEST(base64("foo") == "Zm9v");
  BOOST_TEST(base64("foob") == "Zm9vYg==");
  BOOST_TEST(base64("fooba") == "Zm9vYmE=");
  BOOST_TEST(base64("foobar") == "Zm9vYmFy");
  BOOST_TEST(base64(std::string("\xFF\xFE\x00", 3)) == "//4A");
}

BOOST_AUTO_TEST_CASE(an_svg_without_a_linked_file_is_returned_byte_for_byte) {
  TempDir dir;
  // Not written again by libxml2 (which would change its spacing and quotes).
  for (const std::string& svg : {head + "<rect width='1'  height='1'/></svg>",
                                 head + "<image href='#frag'/><image href='data:image/png;base64,AA=='/></svg>",
                                 std::string("not xml at all <image href=x.png")}) {
    const auto linked = resolve_svg_links(dir.path() / "logo.svg", svg, {dir.path()});
    BOOST_TEST(!linked.problem.has_value());
    BOOST_TEST(linked.bytes == svg);
  }
}

BOOST_AUTO_TEST_CASE(a_linked_png_jpeg_or_svg_becomes_a_data_url) {
  TempDir dir;
  fs::create_directories(dir.path() / "img");
  write_file_atomically(dir.path() / "img/photo.png", png);
  write_file_atomically(dir.path() / "img/my photo.jpg", "\xFF\xD8\xFF\xE0-a-jpeg");
  write_file_atomically(dir.path() / "img/inner.svg", linking("photo.png"));  // relative to inner.svg's folder
  const auto of = [&](const std::string& svg) { return resolve_svg_links(dir.path() / "logo.svg", svg, {dir.path()}); };

  const auto a_png = of(linking("img/photo.png", "xlink:href"));
  BOOST_TEST(!a_png.problem.has_value());
  BOOST_TEST(has(a_png.bytes, "xlink:href=\"data:image/png;base64," + base64(png) + "\""), a_png.bytes);

  const auto a_jpeg = of(linking("img/my%20photo.jpg"));
  BOOST_TEST(!a_jpeg.problem.has_value());
  BOOST_TEST(has(a_jpeg.bytes, "href=\"data:image/jpeg;base64,"), a_jpeg.bytes);

  const auto an_svg = of(linking("img/inner.svg"));
  BOOST_TEST_REQUIRE(!an_svg.problem.has_value());
  const std::string prefix = "href=\"data:image/svg+xml;base64,";
  BOOST_TEST_REQUIRE(has(an_svg.bytes, prefix), an_svg.bytes);
  // The inner SVG goes in with its own link resolved.
  const auto inner = resolve_svg_links(dir.path() / "img/inner.svg", linking("photo.png"), {dir.path()});
  BOOST_TEST(has(inner.bytes, "data:image/png;base64,"), inner.bytes);
  BOOST_TEST(has(an_svg.bytes, prefix + base64(inner.bytes) + "\""), an_svg.bytes);
}

BOOST_AUTO_TEST_CASE(urls_absolute_paths_and_links_out_are_refused_naming_the_link) {
  TempDir dir;
  const fs::path root = dir.path() / "root";
  fs::create_directories(root);
  write_file_atomically(dir.path() / "secret.png", png);
  fs::create_symlink(dir.path() / "secret.png", root / "out.png");
  write_file_atomically(root / "notes.txt", "not an image");
  BOOST_TEST(has(problem_of(root, linking("http://example.org/a.png")),
                 "<image href=\"http://example.org/a.png\"> "
                 "links a URL (http:)"));
  BOOST_TEST(has(problem_of(root, linking("file:///etc/passwd")), "links a URL (file:)"));
  BOOST_TEST(has(problem_of(root, linking("/etc/passwd")), "is an absolute path"));
  BOOST_TEST(has(problem_of(root, linking("%2Fetc%2Fpasswd")), "is an absolute path"));
  BOOST_TEST(has(problem_of(root, linking(" /etc/passwd ")), "<image href=\"/etc/passwd\"> is an absolute path"));
  BOOST_TEST(has(problem_of(root, linking("out.png")), "leads outside the content root"),
             problem_of(root, linking("out.png")));
  BOOST_TEST(has(problem_of(root, linking("../secret.png")), "leads outside the content root"));
  BOOST_TEST(has(problem_of(root, linking("missing.png")), "<image href=\"missing.png\"> cannot be read"));
  BOOST_TEST(has(problem_of(root, linking("notes.txt")), "is not a PNG, JPEG or SVG image"));
  BOOST_TEST(has(problem_of(root, linking("a.png?x=1")), "has a query or a fragment"));
}

BOOST_AUTO_TEST_CASE(a_fifo_is_refused_without_blocking) {
  TempDir dir;
  BOOST_TEST_REQUIRE(::mkfifo((dir.path() / "pipe.png").c_str(), 0644) == 0);
  BOOST_TEST(has(problem_of(dir.path(), linking("pipe.png")), "is a FIFO (named pipe), not a regular file"));
}

BOOST_AUTO_TEST_CASE(self_links_cycles_and_deep_nesting_are_refused) {
  TempDir dir;
  const fs::path root = dir.path();
  BOOST_TEST(has(problem_of(root, linking("logo.svg")), "<image href=\"logo.svg\"> links the SVG itself"));
  BOOST_TEST(has(problem_of(root, linking("./logo.svg")), "links the SVG itself"));
  write_file_atomically(root / "b.svg", linking("logo.svg"));
  BOOST_TEST(has(problem_of(root, linking("b.svg")), "leads back to 'logo.svg', which links it (a cycle)"),
             problem_of(root, linking("b.svg")));
  // 0.svg links 1.svg ... links 9.svg: nine links down, one more than allowed.
  for (int i = 0; i < 10; ++i) {
    write_file_atomically(root / (std::to_string(i) + ".svg"),
                          i < 9 ? linking(std::to_string(i + 1) + ".svg") : head + "</svg>");
  }
  BOOST_TEST(has(problem_of(root, linking("1.svg")), "nests linked SVGs more than 8 deep"));
  BOOST_TEST(problem_of(root, linking("3.svg")).empty());
}

BOOST_AUTO_TEST_CASE(linked_bytes_over_the_budget_and_a_linked_svg_failing_the_check_are_refused) {
  TempDir dir;
  write_file_atomically(dir.path() / "big.png", png + std::string(svg_link_limits::max_data_bytes * 3 / 4, 'x'));
  BOOST_TEST(has(problem_of(dir.path(), linking("big.png")), "come to more than 8 MiB once embedded"));

  write_file_atomically(dir.path() / "inner.svg", head + "<g/></svg>");
  const SvgCheck refuse_all = [](std::string_view) {
    return std::optional<SvgLinkProblem>(SvgLinkProblem{"too many things", "fewer", "simplify", true});
  };
  const std::string svg = linking("inner.svg");
  const auto linked = resolve_svg_links(dir.path() / "logo.svg", svg, {dir.path()}, refuse_all);
  BOOST_TEST_REQUIRE(linked.problem.has_value());
  BOOST_TEST(linked.problem->budget);
  BOOST_TEST(
      has(linked.problem->what, "the SVG's <image href=\"inner.svg\"> links 'inner.svg', which is refused: too many"),
      linked.problem->what);
}

BOOST_AUTO_TEST_SUITE_END()
