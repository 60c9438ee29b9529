// The repository's laser files as a shop reads them, with tools that are not
// impactkit's: ezdxf's audit on every DXF (a file it repairs is a file
// AutoCAD asks to RECOVER), the part labels on the DXF's NOTES layer, and
// the wheel's flapper measured with shapely in the SVG and the DXF. And the
// deck box: an open tray, whose walls have plain top edges.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/fab/box.hpp>
#include <impactkit/fab/dxf_writer.hpp>
#include <impactkit/products/exhibit.hpp>

#include "support.hpp"

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

struct Built {
  test::TempDir out;
  content::Roadshow roadshow;
  // Per product folder ("laser", "wheel"): its report and its sheets.
  struct Product {
    fs::path dir;
    std::string name;  // file names: NAME-N.svg, NAME-N.dxf
    nlohmann::json report;
  };
  std::vector<Product> products;

  Built() {
    const auto r = test::run_impactkit({"build", "-q", "--only", "laser", "--only", "wheel", "--preview-dpi", "0", "-o",
                                        out.path().string(), "-C", test::source_dir().string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    for (const auto& [folder, name] : {std::pair{"laser", "exhibit"}, std::pair{"wheel", "wheel"}}) {
      Product p{out.path() / folder, name, {}};
      p.report = nlohmann::json::parse(read_file(p.dir / (p.name + "-report.json")).value());
      products.push_back(std::move(p));
    }
    Diagnostics d;
    roadshow = content::load_roadshow(test::source_dir(), d);
  }

  fs::path sheet(const Product& p, std::size_t i, const char* ext) const {
    return p.dir / fmt::format("{}-{}.{}", p.name, i + 1, ext);
  }
};

const Built& built() {
  static const Built b;
  return b;
}

// tests/laser_files/read_back.py under Debian's python3 (ezdxf, shapely),
// under a timeout; its JSON, or null when it printed none.
nlohmann::json read_back(const std::string& command, const std::vector<fs::path>& files,
                         const std::string& extra = {}) {
  std::string line = "timeout 120 /usr/bin/python3 '" +
                     (test::source_dir() / "tests/laser_files/read_back.py").string() + "' " + command;
  for (const fs::path& f : files) line += " '" + f.string() + "'";
  if (!extra.empty()) line += " '" + extra + "'";
  const std::string out = test::run_shell(line);
  BOOST_TEST_REQUIRE(!out.empty(), line << " printed nothing");
  return nlohmann::json::parse(out);
}

}  // namespace

BOOST_AUTO_TEST_CASE(ezdxf_audits_every_dxf_with_no_error_and_no_fix) {
  const Built& b = built();
  std::vector<fs::path> dxfs;
  for (const auto& p : b.products)
    for (std::size_t i = 0; i < p.report["sheets"].size(); ++i) dxfs.push_back(b.sheet(p, i, "dxf"));
  BOOST_TEST_REQUIRE(dxfs.size() >= 3u);  // the exhibit's sheets and the wheel's
  const auto audit = read_back("audit", dxfs);
  BOOST_TEST_REQUIRE(audit.size() == dxfs.size());
  for (const auto& [file, found] : audit.items()) {
    BOOST_TEST(found["errors"].get<int>() == 0, file << ": " << found["first"].dump());
    BOOST_TEST(found["fixes"].get<int>() == 0, file << ": " << found["first"].dump());
  }
}

BOOST_AUTO_TEST_CASE(the_notes_layer_holds_every_label_of_its_sheet_and_no_cut_layer_holds_text) {
  const Built& b = built();
  for (const auto& p : b.products) {
    const auto& sheets = p.report["sheets"];
    BOOST_TEST_REQUIRE(!sheets.empty());
    std::vector<fs::path> dxfs;
    for (std::size_t i = 0; i < sheets.size(); ++i) dxfs.push_back(b.sheet(p, i, "dxf"));
    const auto all = read_back("notes", dxfs);
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      const fs::path& dxf = dxfs[i];
      const auto& notes = all.at(dxf.string());
      const auto layers = notes["layers"].get<std::vector<std::string>>();
      BOOST_TEST((std::find(layers.begin(), layers.end(), "NOTES") != layers.end()), dxf);
      std::multiset<std::string> on_notes;
      for (const auto& t : notes["texts"]) {
        BOOST_TEST(t["layer"].get<std::string>() == "NOTES", dxf << ": '" << t["text"] << "'");
        if (t["layer"] == "NOTES") on_notes.insert(t["text"].get<std::string>());
      }
      // Each part's label (as the cut report lists the sheet's parts) and,
      // on the first sheet and wherever else it finds free space, the
      // reference square's caption. A ring (a washer, a spacer) has no room
      // inside for a label and, nested among others, may have none beside:
      // it may go unlabelled, never labelled across another part.
      std::multiset<std::string> expected;
      if (i == 0 || on_notes.count("100 MM") > 0) expected.insert("100 MM");
      for (const auto& part : sheets[i]["parts"]) {
        const std::string label = part.get<std::string>();
        const bool ring = label.find("asring") != std::string::npos || label.find("afstandsring") != std::string::npos;
        if (!ring || on_notes.count(label) > 0) expected.insert(label);
      }
      BOOST_TEST(on_notes.size() == expected.size(), dxf);
      for (const auto& label : expected)
        BOOST_TEST(on_notes.count(label) == expected.count(label), dxf << ": " << label);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_label_beyond_ascii_reads_back_as_written) {
  fab::Part part;
  part.label = "voet één — 1";
  part.outline = fab::Contour::of(fab::rectangle(10, 10, 200, 100));
  test::TempDir dir;
  const fs::path dxf = dir.path() / "sheet.dxf";
  write_file_atomically(dxf, fab::sheet_dxf({part}, fab::Sheet{}));
  const auto notes = read_back("notes", {dxf}).at(dxf.string());
  std::multiset<std::string> texts;
  for (const auto& t : notes["texts"]) texts.insert(t["text"].get<std::string>());
  BOOST_TEST((texts == std::multiset<std::string>{"voet één — 1", "100 MM"}));
  BOOST_TEST(read_back("audit", {dxf}).at(dxf.string())["fixes"].get<int>() == 0);
}

BOOST_AUTO_TEST_CASE(the_wheels_flapper_is_simple_and_holds_its_pivot_hole_inside_a_web) {
  const Built& b = built();
  const auto& wheel = b.products.at(1);
  const double thickness = b.roadshow.wheel.material ? b.roadshow.wheel.material->measured_thickness_mm
                                                     : b.roadshow.exhibit.material.measured_thickness_mm;
  int found = 0;
  const auto& sheets = wheel.report["sheets"];
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const auto& parts = sheets[i]["parts"];
    if (std::find(parts.begin(), parts.end(), "rad klepel") == parts.end()) continue;
    ++found;
    const auto part = read_back("part", {b.sheet(wheel, i, "svg"), b.sheet(wheel, i, "dxf")}, "rad klepel");
    for (const char* file : {"svg", "dxf"}) {
      BOOST_TEST_CONTEXT(file << " of sheet " << i + 1 << ": " << part.dump()) {
        const auto& f = part[file];
        BOOST_TEST_REQUIRE(f.value("found", false));
        BOOST_TEST(f["simple"].get<bool>());  // the outline does not cross itself
        BOOST_TEST(f["hole_inside"].get<bool>());
        BOOST_TEST(f["hole_web_mm"].get<double>() >= thickness);
        BOOST_TEST(f["crossing"].get<int>() == 0);  // it cuts into no other part
      }
    }
  }
  BOOST_TEST(found == 1);
}

namespace {

// The outline's points on its top edge (the part's own frame: y down).
std::vector<std::size_t> top_points(const fab::Polygon& outline) {
  double top = outline.front().y;
  for (const auto& q : outline) top = std::min(top, q.y);
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < outline.size(); ++i)
    if (outline[i].y < top + 1e-9) at.push_back(i);
  return at;
}

bool one_segment(const fab::Polygon& outline) {
  const auto at = top_points(outline);
  if (at.size() != 2) return false;
  const std::size_t n = outline.size();
  return at[1] == at[0] + 1 || (at[0] == 0 && at[1] == n - 1);  // neighbours, so one straight segment
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_deck_box_is_an_open_tray_whose_walls_have_plain_top_edges) {
  content::Roadshow roadshow = built().roadshow;
  Diagnostics d;
  const auto panels = products::exhibit_parts(roadshow, false, d);
  const auto box = std::find_if(panels.begin(), panels.end(), [](const auto& p) { return p.id == "deck-box"; });
  BOOST_TEST_REQUIRE((box != panels.end()));
  std::set<std::string> labels;
  for (const fab::Part& part : box->parts) {
    labels.insert(part.label);
    BOOST_TEST_REQUIRE(!part.outline.is_circle());
    const fab::Polygon& outline = part.outline.polygon;
    if (part.label == "kaartendoos bodem") {
      BOOST_TEST(top_points(outline).size() > 2u);  // fingers meet the walls on all four sides
      continue;
    }
    BOOST_TEST(one_segment(outline), part.label);
    // The other edges still carry fingers: the walls meet each other and the bottom.
    fab::Polygon upside_down = outline;
    for (auto& q : upside_down) q.y = -q.y;
    BOOST_TEST(top_points(upside_down).size() > 2u, part.label);
  }
  BOOST_TEST((labels == std::set<std::string>{"kaartendoos voorkant", "kaartendoos achterkant", "kaartendoos links",
                                              "kaartendoos rechts", "kaartendoos bodem"}));
  // A closed box keeps its fingers along the top: the check above can fail.
  for (const fab::Part& part : fab::finger_box({100, 80, 60}, {6, 0.1, 0}))
    BOOST_TEST(!one_segment(part.outline.polygon), part.label);
}
