// The collection box for the visitors' question forms and the wall of
// questions, as the laser shop and the builders get them: the slot read
// back from the laser sheets' SVG (it must take a folded form), the parts
// on the sheets, the assembly sheet's page and the intro's front view, and
// an error for a panel too short for the wall.

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>

#include "exhibit/roadshow_copy.hpp"
#include "support.hpp"

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

// A closed contour of a laser sheet's cut layer, read back from the SVG
// text with string searches (a sheet's paths are too long for std::regex):
// the sheets hold only `M x y L x y … Z` paths and circles.
struct Contour {
  double min_x = 1e9, min_y = 1e9, max_x = -1e9, max_y = -1e9;
  bool circle = false;
  double r = 0;
  bool closed = false;
  void add(double x, double y) {
    min_x = std::min(min_x, x);
    max_x = std::max(max_x, x);
    min_y = std::min(min_y, y);
    max_y = std::max(max_y, y);
  }
  double width() const { return max_x - min_x; }
  double height() const { return max_y - min_y; }
};

std::string attribute(const std::string& tag, const std::string& name) {
  const auto at = tag.find(" " + name + "=\"");
  if (at == std::string::npos) return {};
  const auto from = at + name.size() + 3;
  return tag.substr(from, tag.find('"', from) - from);
}

std::vector<Contour> path_contours(const std::string& d) {
  std::vector<Contour> out;
  const char* p = d.c_str();
  while (*p) {
    if (*p == 'M') out.emplace_back();
    if (*p == 'Z' && !out.empty()) out.back().closed = true;
    if (*p == 'M' || *p == 'L') {
      char* end = nullptr;
      const double x = std::strtod(p + 1, &end);
      const double y = std::strtod(end, &end);
      out.back().add(x, y);
      p = end;
      continue;
    }
    ++p;
  }
  return out;
}

std::vector<Contour> cut_contours(const std::string& svg) {
  std::vector<Contour> out;
  const auto start = svg.find("<g id=\"cut\"");
  if (start == std::string::npos) return out;
  const auto end = svg.find("</g>", start);
  for (auto at = svg.find('<', start + 1); at < end; at = svg.find('<', at + 1)) {
    const std::string tag = svg.substr(at, svg.find('>', at) - at);
    if (tag.rfind("<path", 0) == 0) {
      for (auto& c : path_contours(attribute(tag, "d"))) out.push_back(c);
    } else if (tag.rfind("<circle", 0) == 0) {
      Contour c;
      c.circle = c.closed = true;
      c.r = std::stod(attribute(tag, "r"));
      const double cx = std::stod(attribute(tag, "cx"));
      const double cy = std::stod(attribute(tag, "cy"));
      c.add(cx - c.r, cy - c.r);
      c.add(cx + c.r, cy + c.r);
      out.push_back(c);
    }
  }
  return out;
}

struct Laser {
  test::TempDir out;
  fs::path dir;
  nlohmann::json report;

  explicit Laser(const fs::path& root) {
    const auto r = test::run_impactkit(
        {"build", "-q", "--only", "laser", "--preview-dpi", "0", "-o", out.path().string(), "-C", root.string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    dir = out.path() / "laser";
    report = nlohmann::json::parse(read_file(dir / "exhibit-report.json").value());
  }

  // Each sheet's cut contours.
  std::vector<std::vector<Contour>> sheets() const {
    std::vector<std::vector<Contour>> out;
    for (std::size_t i = 1; i <= report["sheets"].size(); ++i) {
      out.push_back(cut_contours(read_file(dir / fmt::format("exhibit-{}.svg", i)).value()));
    }
    return out;
  }
};

const Laser& repository_laser() {
  static const Laser l(test::source_dir());
  return l;
}

bool inside(const Contour& inner, const Contour& outer) {
  return inner.min_x > outer.min_x && inner.max_x < outer.max_x && inner.min_y > outer.min_y &&
         inner.max_y < outer.max_y;
}

// The lengths of the slots in the cut layers: long thin holes (4 to 10 mm
// across, over 60 mm long) inside a part no larger than a box's wall. Parts
// turn by quarter turns only, so a slot's length is its longer side.
std::vector<double> slot_lengths(const std::vector<std::vector<Contour>>& sheets) {
  std::vector<double> out;
  for (const auto& cut : sheets) {
    for (const auto& hole : cut) {
      if (hole.circle || !hole.closed) continue;
      const double across = std::min(hole.width(), hole.height());
      const double along = std::max(hole.width(), hole.height());
      if (across < 4 || across > 10 || along < 60) continue;
      const bool in_small_part = std::any_of(cut.begin(), cut.end(), [&](const Contour& part) {
        const double size = std::max(part.width(), part.height());
        return &part != &hole && !part.circle && size < 400 && inside(hole, part);
      });
      if (in_small_part) out.push_back(along);
    }
  }
  return out;
}

std::set<std::string> nested_parts(const nlohmann::json& report) {
  std::set<std::string> out;
  for (const auto& sheet : report["sheets"])
    for (const auto& part : sheet["parts"]) out.insert(part.get<std::string>());
  return out;
}

double folded_width_of_repository() {
  Diagnostics d;
  const auto roadshow = content::load_roadshow(test::source_dir(), d);
  return content::folded_form_width_mm(roadshow.forms);
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_collection_box_slot_in_the_svg_takes_a_folded_form) {
  const double folded = folded_width_of_repository();
  BOOST_TEST(folded == 148.0);  // A5, the widest form of the repository's roadshow
  const auto lengths = slot_lengths(repository_laser().sheets());
  BOOST_TEST_REQUIRE(lengths.size() == 1u);  // one box, one slot
  BOOST_TEST(lengths.front() >= folded + 5, lengths.front());
  BOOST_TEST(lengths.front() <= folded + 15, lengths.front());
}

BOOST_AUTO_TEST_CASE(the_collection_box_and_the_question_wall_are_nested_on_the_sheets) {
  const auto& l = repository_laser();
  BOOST_TEST(l.report["unplaced"].empty());
  const auto parts = nested_parts(l.report);
  for (const char* label :
       {"verzamelbus bovenkant", "verzamelbus bodem", "verzamelbus links", "verzamelbus rechts", "verzamelbus voorkant",
        "verzamelbus deur", "verzamelbus aanslaglat", "intro vragenmuur kam", "intro vragenmuur lat"}) {
    BOOST_TEST(parts.count(label) == 1u, label);
  }
  // The door's lock: a 19 mm hole (less the kerf) in the cut layer.
  const double kerf = 0.2;
  bool lock_hole = false;
  for (const auto& cut : l.sheets()) {
    for (const auto& c : cut) lock_hole |= c.circle && std::abs(c.r - (19 - kerf) / 2) < 0.01;
  }
  BOOST_TEST(lock_hole);
}

BOOST_AUTO_TEST_CASE(the_assembly_sheet_has_a_page_for_the_box_and_shows_it_on_the_intro_panel) {
  const fs::path pdf = repository_laser().dir / "assembly.pdf";
  const std::string all = test::squash(test::run_shell("pdftotext '" + pdf.string() + "' -"));
  BOOST_TEST(all.find("Verzamelbus") != std::string::npos);
  BOOST_TEST(all.find("kastslot") != std::string::npos);  // in the hardware list and the steps
  // Page 1 is the hardware; page 2 the intro panel, whose front shows the
  // box on the shelf beside the card-deck box, and the wall of questions.
  const std::string intro = test::squash(test::run_shell("pdftotext -f 2 -l 2 '" + pdf.string() + "' -"));
  BOOST_TEST(intro.find("Verzamelbus") != std::string::npos, intro);
  BOOST_TEST(intro.find("Kaartendoos") != std::string::npos, intro);
  BOOST_TEST(intro.find("vragenmuur lat") != std::string::npos, intro);
  BOOST_TEST(intro.find("Vragenmuur:") != std::string::npos, intro);  // its step
}

BOOST_AUTO_TEST_CASE(a6_forms_only_give_a_shorter_slot) {
  test::TempDir dir;
  const auto root = test::root_with(dir, "  sizes: [A5, A6]\n", "  sizes: [A6]\n");
  const Laser l(root);
  const auto lengths = slot_lengths(l.sheets());
  BOOST_TEST_REQUIRE(lengths.size() == 1u);
  const double folded = 105;  // A6's width
  BOOST_TEST(lengths.front() >= folded + 5, lengths.front());
  BOOST_TEST(lengths.front() <= folded + 15, lengths.front());
  BOOST_TEST(lengths.front() < slot_lengths(repository_laser().sheets()).front() - 40);
}

BOOST_AUTO_TEST_CASE(a_panel_too_short_for_the_question_wall_is_an_error_at_its_line) {
  test::TempDir dir;
  const auto root =
      test::root_with(dir, "  kerf_mm: 0.2\n", "  kerf_mm: 0.2\n  panel: {width_mm: 580, height_mm: 1500}\n");
  test::TempDir out;
  const auto r = test::run_impactkit({"build", "--only", "laser", "-o", out.path().string(), "-C", root.string()});
  BOOST_TEST(r.exit_code == 2, r.err);
  const int line = test::line_of(root / "roadshow.yaml", "panel: {width_mm: 580, height_mm: 1500}");
  BOOST_TEST(r.err.find(fmt::format("roadshow.yaml:{}:", line)) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("the wall of questions") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("fix:") != std::string::npos, r.err);
  BOOST_TEST(!fs::exists(out.path() / "laser"));
}

BOOST_AUTO_TEST_CASE(a_shelf_too_narrow_for_both_boxes_is_an_error_at_the_form_sizes) {
  test::TempDir dir;
  const auto root = test::root_with(dir, "  kerf_mm: 0.2\n",
                                    "  kerf_mm: 0.2\n  poster_size: A3\n  panel: {width_mm: 400, height_mm: 1780}\n");
  test::TempDir out;
  const auto r = test::run_impactkit({"build", "--only", "laser", "-o", out.path().string(), "-C", root.string()});
  BOOST_TEST(r.exit_code == 2, r.err);
  const int line = test::line_of(root / "roadshow.yaml", "sizes: [A5, A6]");
  BOOST_TEST(r.err.find(fmt::format("roadshow.yaml:{}:", line)) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("does not fit the intro's shelf (300 mm)") != std::string::npos, r.err);
  BOOST_TEST(!fs::exists(out.path() / "laser"));
}
