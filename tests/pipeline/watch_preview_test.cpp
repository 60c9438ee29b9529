// `impactkit watch` rebuilds on a save; `impactkit preview` makes one
// contact sheet of everything a build made.

#include <impactkit/core/file_io.hpp>
#include <impactkit/pipeline/watch.hpp>
#include <impactkit/print/cairo_handles.hpp>

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <cairo.h>

#include <fstream>
#include <regex>
#include <thread>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

void starter(const fs::path& root) {
  const auto r = test::run_impactkit({"init", root.string(), "--organisation", "Gemeente Test"});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
}

std::size_t count(const fs::path& dir, const std::string& extension) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.path().extension() == extension ? 1 : 0;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(watch_rebuilds_what_a_save_changed) {
  test::TempDir root;
  starter(root.path());
  const fs::path log = root.path() / "watch.log";
  const fs::path case_file = root.path() / "cases/example-heat-pump.yaml";
  // watch in the background; once its first build is done, a case's title
  // is saved as an editor would (a new file renamed over the old one).
  const std::string script =
      "cd " + root.path().string() + " || exit 1; timeout 120 " + test::binary().string() +
      " watch --only posters --preview-dpi 0 --max-builds 2 > watch.log 2>&1 & pid=$!; "
      "for i in $(seq 600); do grep -q '^built' watch.log && break; sleep 0.1; done; "
      "sed 's/^title: A heat pump/title: An edited heat pump/' cases/example-heat-pump.yaml > cases/.edit.tmp && "
      "mv cases/.edit.tmp cases/example-heat-pump.yaml; wait $pid; echo exit=$?";
  const std::string out = test::run_shell(script);
  const std::string text = read_file(log).value_or("");
  BOOST_TEST(out.find("exit=0") != std::string::npos, out << text);
  BOOST_TEST(text.find("watching ") != std::string::npos, text);
  BOOST_TEST(text.find("changed: cases/example-heat-pump.yaml") != std::string::npos, text);
  // The second build made only the edited case's posters and the overview.
  BOOST_TEST_REQUIRE(text.find("changed:") != std::string::npos);
  const auto second = text.substr(text.find("changed:"));
  BOOST_TEST(std::regex_search(second, std::regex(R"(\(\d+ unchanged, \d+ made\))")), second);
}

BOOST_AUTO_TEST_CASE(watcher_ignores_editor_scratch_files) {
  BOOST_TEST(pipeline::is_scratch_file("cases/.alpha.yaml.swp"));
  BOOST_TEST(pipeline::is_scratch_file("cases/alpha.yaml~"));
  BOOST_TEST(pipeline::is_scratch_file("cases/4913"));
  BOOST_TEST(pipeline::is_scratch_file("cases/#alpha.yaml#"));
  BOOST_TEST(!pipeline::is_scratch_file("cases/alpha.yaml"));
  BOOST_TEST(!pipeline::is_scratch_file("fonts/Inter-Bold.ttf"));
}

BOOST_AUTO_TEST_CASE(preview_makes_one_contact_sheet_of_everything) {
  test::TempDir root;
  starter(root.path());
  const auto r = test::run_impactkit({"preview", "-C", root.path().string()});
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  const fs::path sheet = root.path() / "output/preview/contact-sheet.png";
  BOOST_TEST_REQUIRE(fs::exists(sheet));
  const std::size_t posters = count(root.path() / "output/posters", ".png");
  const std::size_t laser = count(root.path() / "output/laser", ".svg");
  BOOST_TEST(posters > 0u);
  BOOST_TEST(laser > 0u);
  BOOST_TEST(r.out.find(std::to_string(posters) + " posters") != std::string::npos, r.out);
  BOOST_TEST(r.out.find(std::to_string(laser) + " laser sheet") != std::string::npos, r.out);
  // The question form's front and back (at A5, the first size; A6 is the
  // same layout smaller), in the starter's one language.
  BOOST_TEST(count(root.path() / "output/forms", ".png") == 2u);
  BOOST_TEST(r.out.find("2 form sides") != std::string::npos, r.out);

  print::SurfacePtr image(cairo_image_surface_create_from_png(sheet.c_str()));
  BOOST_TEST_REQUIRE(cairo_surface_status(image.get()) == CAIRO_STATUS_SUCCESS);
  const int width = cairo_image_surface_get_width(image.get());
  const int height = cairo_image_surface_get_height(image.get());
  BOOST_TEST(width == 2000);
  BOOST_TEST(height > 600);
  // The laser sheets' cuts are red hairlines; drawn at a contact sheet's
  // scale they must still show: count clearly red pixels.
  const int stride = cairo_image_surface_get_stride(image.get());
  const unsigned char* data = cairo_image_surface_get_data(image.get());
  std::size_t red = 0;
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      const unsigned r8 = (row[x] >> 16) & 0xFF;
      const unsigned g8 = (row[x] >> 8) & 0xFF;
      const unsigned b8 = row[x] & 0xFF;
      red += (r8 > 200 && g8 < 90 && b8 < 90) ? 1 : 0;
    }
  }
  BOOST_TEST(red > 2000u, red << " red pixels");
}
