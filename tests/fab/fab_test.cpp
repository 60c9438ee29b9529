// The fabrication engine, measured in the files it writes: slot and finger
// widths, kerf on circles, closed cut paths, allowed SVG elements, nesting
// without overlaps, DXF read back with dxflib, and the physical size of a
// rendered sheet.

#include <impactkit/core/file_io.hpp>
#include <impactkit/fab/box.hpp>
#include <impactkit/fab/coupon.hpp>
#include <impactkit/fab/job.hpp>
#include <impactkit/fab/kerf.hpp>
#include <impactkit/fab/svg_writer.hpp>

#include "support.hpp"
#include "svg_reader.hpp"

#include <boost/test/unit_test.hpp>

#include <cairo.h>
#include <dxflib/dl_creationadapter.h>
#include <dxflib/dl_dxf.h>
#include <polyclipping/clipper.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace fs = std::filesystem;
using namespace impactkit;
using namespace impactkit::fab;
using namespace impactkit::fab::svgtest;

namespace {

constexpr double kerf = 0.2;

JointSettings plywood() {
  JointSettings s;
  s.thickness_mm = 5.85;  // measured; nominal 6
  s.clearance_mm = 0.15;
  return s;
}

// One part, kerf-compensated, on a sheet of its own (not nested, not turned),
// as the SVG text the writer produces.
SvgSheet svg_of(const Part& designed, double kerf_mm = kerf) {
  Diagnostics diags;
  const auto cut = compensate(designed, kerf_mm, diags);
  BOOST_TEST_REQUIRE(cut.has_value());
  const Bounds b = bounds(*cut);
  const Part placed = place(Placement{0, {20 - b.min_x, 20 - b.min_y}}, *cut);
  return read_svg(sheet_svg({placed}, Sheet{b.width_mm() + 200, b.height_mm() + 160, ""}, default_shop()));
}

// The outline of a one-part sheet: the cut contour with the largest extent.
const SvgContour& outline_of(const SvgSheet& svg) {
  const auto& cut = svg.by_layer.at("cut");
  return *std::max_element(cut.begin(), cut.end(), [](const SvgContour& a, const SvgContour& b) {
    return a.max_x() - a.min_x() < b.max_x() - b.min_x();
  });
}

std::vector<double> horizontal_lengths_at(const SvgContour& c, double y) {
  std::vector<std::pair<double, double>> found;  // (x, length)
  for (const Segment& s : segments(c))
    if (s.horizontal() && std::abs(s.a.y - y) < 1e-6) found.emplace_back(std::min(s.a.x, s.b.x), s.length());
  std::sort(found.begin(), found.end());
  std::vector<double> lengths;
  lengths.reserve(found.size());
  for (const auto& f : found) lengths.push_back(f.second);
  return lengths;
}

ClipperLib::Path clipper_path(const SvgContour& c) {
  ClipperLib::Path p;
  if (c.circle) {
    for (int i = 0; i < 360; ++i)
      p.emplace_back(std::llround((c.cx + c.r * std::cos(i * M_PI / 180)) * 1000),
                     std::llround((c.cy + c.r * std::sin(i * M_PI / 180)) * 1000));
  } else {
    for (const Pt& q : c.points) p.emplace_back(std::llround(q.x * 1000), std::llround(q.y * 1000));
  }
  return p;
}

double intersection_mm2(const ClipperLib::Path& a, const ClipperLib::Path& b) {
  ClipperLib::Clipper c;
  c.AddPath(a, ClipperLib::ptSubject, true);
  c.AddPath(b, ClipperLib::ptClip, true);
  ClipperLib::Paths out;
  c.Execute(ClipperLib::ctIntersection, out, ClipperLib::pftNonZero, ClipperLib::pftNonZero);
  double area = 0;
  for (const auto& p : out) area += std::abs(ClipperLib::Area(p));
  return area / 1e6;
}

double area_mm2(const ClipperLib::Path& p) {
  return std::abs(ClipperLib::Area(p)) / 1e6;
}

// A job of every kind of part: the box, feet with cross-laps, braces with
// T-slots, a panel tile with bolt holes, a disc, the coupon.
Job mixed_job() {
  Job job;
  job.name = "mixed";
  job.joints = plywood();
  job.sheet = {1000, 600, "birch-plywood-6"};
  job.nesting.kerf_mm = kerf;
  job.parts = finger_box({300, 200, 150}, job.joints, "box ");
  for (int i = 0; i < 4; ++i)
    job.parts.push_back(Part{"foot",
                             walk({cross_laps(400, {200}, 40, job.joints), straight(80), straight(400), straight(80)}),
                             {},
                             {},
                             {},
                             Grain::any,
                             {}});
  job.parts.push_back(Part{"brace",
                           walk({straight(200), straight(60), t_slots(200, {50, 150}, job.joints), straight(60)}),
                           {bolt_hole({100, 30})},
                           {},
                           {},
                           Grain::any,
                           {}});
  job.parts.push_back(Part{"tile",
                           walk({straight(500), straight(300), straight(500), straight(300)}),
                           {through_hole({30, 30}, 22), through_hole({470, 30}, 22)},
                           {{{20, 150}, {480, 150}}},
                           {},
                           Grain::along_x,
                           {}});
  job.parts.push_back(
      Part{"disc", through_hole({150, 150}, 300), {through_hole({150, 150}, 8)}, {}, {}, Grain::any, {}});
  job.parts.push_back(fit_test_coupon(job.joints));
  return job;
}

struct WrittenJob {
  impactkit::test::TempDir dir;
  std::vector<fs::path> files;
  std::vector<fs::path> of(const std::string& extension) const {
    std::vector<fs::path> out;
    for (const auto& f : files)
      if (f.extension() == extension) out.push_back(f);
    return out;
  }
};

std::unique_ptr<WrittenJob> write_job(const Job& job) {
  auto written = std::make_unique<WrittenJob>();
  Diagnostics diags;
  const auto layout = plan_cuts(job, diags);
  for (const auto& d : diags.all()) BOOST_TEST_MESSAGE(format(d));
  BOOST_TEST_REQUIRE(layout.has_value());
  written->files = write_laser_files(job, *layout, default_shop(), written->dir.path());
  return written;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(joints_in_the_svg)

BOOST_AUTO_TEST_CASE(cross_lap_and_tab_slots_are_thickness_plus_clearance_minus_kerf) {
  const JointSettings s = plywood();
  const double expected = s.thickness_mm + s.clearance_mm - kerf;  // 5.8
  Part part{"slotted",
            walk({cross_laps(120, {40, 80}, 30, s), straight(60), straight(120), straight(60)}),
            tab_slots({{20, 45}, {1, 0}, 80}, 2, 15, s),
            {},
            {},
            Grain::any,
            {}};
  const SvgSheet svg = svg_of(part);
  // The floors of the two cross-lap notches: horizontal, near the thickness long.
  int notches = 0;
  for (const Segment& seg : segments(outline_of(svg))) {
    if (!seg.horizontal() || std::abs(seg.length() - s.thickness_mm) > 1) continue;
    ++notches;
    BOOST_TEST(std::abs(seg.length() - expected) < 0.01, "cross-lap slot drawn " << seg.length());
  }
  BOOST_TEST(notches == 2);
  // The tab slots: holes whose short side is the slot's width.
  int slots = 0;
  for (const SvgContour& c : svg.by_layer.at("cut")) {
    const double w = c.max_x() - c.min_x();
    const double h = c.max_y() - c.min_y();
    if (w > 50) continue;  // the outline
    ++slots;
    BOOST_TEST(std::abs(std::min(w, h) - expected) < 0.01, "tab slot drawn " << std::min(w, h));
    BOOST_TEST(std::abs(std::max(w, h) - (15 + s.clearance_mm - kerf)) < 0.01);
  }
  BOOST_TEST(slots == 2);
}

BOOST_AUTO_TEST_CASE(coupon_slots_step_from_minus_two_to_plus_two_tenths) {
  const JointSettings s = plywood();
  const SvgSheet svg = svg_of(fit_test_coupon(s));
  std::vector<std::pair<double, double>> floors;  // (x, width)
  for (const Segment& seg : segments(outline_of(svg)))
    if (seg.horizontal() && std::abs(seg.length() - s.thickness_mm) < 1)
      floors.emplace_back(std::min(seg.a.x, seg.b.x), seg.length());
  std::sort(floors.begin(), floors.end());
  const auto clearances = coupon_clearances_mm();
  BOOST_TEST_REQUIRE(clearances.size() == 5U);
  BOOST_TEST(clearances.front() == -0.2);
  BOOST_TEST(clearances.back() == 0.2);
  BOOST_TEST_REQUIRE(floors.size() == clearances.size());
  for (std::size_t i = 0; i < floors.size(); ++i)
    BOOST_TEST(std::abs(floors[i].second - (s.thickness_mm + clearances[i] - kerf)) < 0.01,
               "slot " << i << " drawn " << floors[i].second);
  // Each slot is labelled: engraved shapes below every slot.
  const auto& engraved = svg.by_layer.at("engrave");
  for (const auto& [x, w] : floors) {
    const bool labelled = std::any_of(engraved.begin(), engraved.end(), [x = x, w = w](const SvgContour& c) {
      return c.min_x() < x + w + 8 && c.max_x() > x - 8;
    });
    BOOST_TEST(labelled, "slot at " << x << " has a label");
  }
}

// The 608 bearing's hub holes, drawn so that they are cut at 21.9, 22.0
// and 22.1 mm, each with its size engraved under it.
BOOST_AUTO_TEST_CASE(coupon_has_three_hub_holes_around_the_bearing_size) {
  const SvgSheet svg = svg_of(fit_test_coupon(plywood()));
  std::vector<double> drawn;
  for (const SvgContour& c : svg.by_layer.at("cut"))
    if (c.circle) drawn.push_back(2 * c.r);
  std::sort(drawn.begin(), drawn.end());
  const auto hubs = coupon_hub_holes_mm();
  BOOST_TEST_REQUIRE(drawn.size() == hubs.size());
  for (std::size_t i = 0; i < hubs.size(); ++i)
    BOOST_TEST(std::abs(drawn[i] - (hubs[i] - kerf)) < 0.001, "hub hole drawn " << drawn[i]);
}

// The kerf gauge: a tongue standing out of the coupon, drawn 20 mm + kerf
// wide so that it is cut 20.00 mm wide when the job's kerf is right.
BOOST_AUTO_TEST_CASE(coupon_kerf_gauge_is_cut_twenty_millimetres_wide) {
  const SvgSheet svg = svg_of(fit_test_coupon(plywood()));
  const SvgContour& outline = outline_of(svg);
  std::vector<Segment> right;  // the outline's vertical edges furthest right: the tongue's end
  const double far = outline.max_x();
  for (const Segment& seg : segments(outline))
    if (!seg.horizontal() && std::abs(seg.a.x - far) < 1e-6 && std::abs(seg.b.x - far) < 1e-6) right.push_back(seg);
  BOOST_TEST_REQUIRE(right.size() == 1U);
  BOOST_TEST(std::abs(right.front().length() - (kerf_gauge_mm + kerf)) < 0.001);
}

BOOST_AUTO_TEST_CASE(finger_holes_match_their_finger_tabs) {
  const JointSettings s = plywood();
  Part face{"face",
            walk({straight(300), straight(200), straight(300), straight(200)}),
            finger_holes({{30, 100}, {1, 0}, 240}, s),
            {},
            {},
            Grain::any,
            {}};
  Part shelf{"shelf", walk({finger_tabs(240, s), straight(100), straight(240), straight(100)}), {}, {}, {}, Grain::any,
             {}};
  const SvgSheet face_svg = svg_of(face);
  const SvgSheet shelf_svg = svg_of(shelf);
  std::vector<std::pair<double, double>> holes;  // (x, length along)
  for (const SvgContour& c : face_svg.by_layer.at("cut"))
    if (c.max_x() - c.min_x() < 100) holes.emplace_back(c.min_x(), c.max_x() - c.min_x());
  std::sort(holes.begin(), holes.end());
  const SvgContour& outline = outline_of(shelf_svg);
  const auto tabs = horizontal_lengths_at(outline, outline.min_y());
  BOOST_TEST_REQUIRE(holes.size() == tabs.size());
  BOOST_TEST_REQUIRE(holes.size() >= 5);
  for (std::size_t i = 0; i < tabs.size(); ++i) {
    // As cut: the tab loses kerf/2 on each side, the hole gains it.
    BOOST_TEST(std::abs((tabs[i] - kerf) - (holes[i].second + kerf)) < 0.01,
               "tab " << i << " drawn " << tabs[i] << ", hole drawn " << holes[i].second);
  }
  // The middle fingers are exactly a finger wide (2 × thickness) as cut.
  BOOST_TEST(std::abs(tabs[1] - kerf - s.finger_width_mm()) < 0.01);
}

BOOST_AUTO_TEST_CASE(box_fingers_match_the_gaps_of_their_mates) {
  const JointSettings s = plywood();
  const auto box = finger_box({400, 300, 200}, s);
  const SvgSheet front = svg_of(box[0]);  // fingers on every side
  const SvgSheet top = svg_of(box[4]);    // mates on every side
  const SvgContour& f = outline_of(front);
  const SvgContour& t = outline_of(top);
  // Front's top edge: fingers on the outer line. Top's front edge (its top
  // side): gaps one thickness in, where the front's fingers go.
  auto fingers = horizontal_lengths_at(f, f.min_y());
  auto gaps = horizontal_lengths_at(t, t.min_y() + s.thickness_mm + kerf / 2 - kerf / 2);
  BOOST_TEST_REQUIRE(fingers.size() >= 3);
  BOOST_TEST_REQUIRE(gaps.size() == fingers.size());
  for (std::size_t i = 1; i + 1 < fingers.size(); ++i) {
    BOOST_TEST(std::abs((fingers[i] - kerf) - (gaps[i] + kerf)) < 0.01,
               "finger " << i << " drawn " << fingers[i] << ", gap drawn " << gaps[i]);
    BOOST_TEST(std::abs(fingers[i] - kerf - 2 * s.thickness_mm) < 0.01);
  }
  // Both parts are as wide as the box, plus the kerf.
  BOOST_TEST(std::abs(f.max_x() - f.min_x() - (400 + kerf)) < 0.01);
  BOOST_TEST(std::abs(t.max_x() - t.min_x() - (400 + kerf)) < 0.01);
}

BOOST_AUTO_TEST_CASE(a_22_mm_hole_with_kerf_0_2_is_a_circle_of_21_8_mm) {
  Part plate{"plate",
             walk({straight(60), straight(60), straight(60), straight(60)}),
             {through_hole({30, 30}, 22)},
             {},
             {},
             Grain::any,
             {}};
  const SvgSheet svg = svg_of(plate);
  int circles = 0;
  for (const SvgContour& c : svg.by_layer.at("cut")) {
    if (!c.circle) continue;
    ++circles;
    BOOST_TEST(std::abs(2 * c.r - 21.8) < 0.001, "diameter " << 2 * c.r);
  }
  BOOST_TEST(circles == 1);
  // And the outline grows: 60 mm becomes 60.2 mm.
  BOOST_TEST(std::abs(outline_of(svg).max_x() - outline_of(svg).min_x() - 60.2) < 0.001);
}

BOOST_AUTO_TEST_CASE(t_slot_holds_an_m4_nut) {
  const JointSettings s = plywood();
  const Bolt m4;
  const SvgSheet svg = svg_of(Part{
      "brace", walk({t_slots(100, {50}, s), straight(60), straight(100), straight(60)}), {}, {}, {}, Grain::any, {}});
  // The nut pocket's two sides: as deep as the nut plus clearance, less the
  // kerf, and as far apart as the nut across flats plus clearance, less the kerf.
  std::vector<double> pocket_sides;
  for (const Segment& seg : segments(outline_of(svg)))
    if (seg.vertical() && std::abs(seg.length() - (m4.nut_thickness_mm + s.clearance_mm - kerf)) < 0.01)
      pocket_sides.push_back(seg.a.x);
  BOOST_TEST_REQUIRE(pocket_sides.size() == 2u);
  BOOST_TEST(std::abs(std::abs(pocket_sides[1] - pocket_sides[0]) - (m4.nut_across_flats_mm + s.clearance_mm - kerf)) <
             0.01);
  // The bolt's slot: the floor at the slot's end.
  int floors = 0;
  for (const Segment& seg : segments(outline_of(svg))) {
    if (!seg.horizontal() || std::abs(seg.length() - m4.diameter_mm) > 0.5) continue;
    ++floors;
    BOOST_TEST(std::abs(seg.length() - (m4.diameter_mm + s.clearance_mm - kerf)) < 0.01);
  }
  BOOST_TEST(floors == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sheets)

BOOST_AUTO_TEST_CASE(only_paths_and_circles_in_layers_in_cut_order_all_cut_paths_closed) {
  const auto job = write_job(mixed_job());
  const auto svgs = job->of(".svg");
  BOOST_TEST_REQUIRE(!svgs.empty());
  for (const auto& file : svgs) {
    const std::string text = read_file(file).value();
    SvgSheet svg = read_svg(text);
    const std::set<std::string> allowed{"svg", "g", "path", "circle"};
    for (const auto& name : svg.element_names) BOOST_TEST(allowed.count(name) == 1, name << " in " << file);
    for (const char* forbidden : {"transform", "<text", "<use", "<symbol", "clip-path", "clipPath", "matrix("})
      BOOST_TEST(text.find(forbidden) == std::string::npos, forbidden << " in " << file);
    // Absolute commands only, numbers with 3 decimals.
    for (const auto& d : svg.path_data) {
      BOOST_TEST(std::regex_match(
                     d, std::regex("(M-?\\d+\\.\\d{3} -?\\d+\\.\\d{3}( L-?\\d+\\.\\d{3} -?\\d+\\.\\d{3})*( Z)? ?)+")),
                 d.substr(0, 80));
    }
    BOOST_TEST(svg.width_attr == "1000.000mm");
    BOOST_TEST(svg.height_attr == "600.000mm");
    BOOST_TEST(svg.view_box == "0 0 1000.000 600.000");
    BOOST_TEST((svg.layers == std::vector<std::string>{"engrave", "score", "cut", "notes"}));
    BOOST_TEST(text.find("stroke-width=\"0.010\"") != std::string::npos);
    BOOST_TEST(text.find("stroke=\"#FF0000\"") != std::string::npos);
    for (const SvgContour& c : svg.by_layer["cut"]) BOOST_TEST(c.closed);
    for (const SvgContour& c : svg.by_layer["engrave"]) BOOST_TEST(c.closed);
    // Holes come before outlines: once a contour that encloses others is
    // cut, no contour inside it follows.
    const auto& cut = svg.by_layer["cut"];
    for (std::size_t i = 0; i < cut.size(); ++i)
      for (std::size_t j = i + 1; j < cut.size(); ++j) {
        const bool inside = cut[j].min_x() > cut[i].min_x() && cut[j].max_x() < cut[i].max_x() &&
                            cut[j].min_y() > cut[i].min_y() && cut[j].max_y() < cut[i].max_y();
        BOOST_TEST(!inside, "contour " << j << " inside contour " << i << " is cut after it in " << file);
      }
  }
}

BOOST_AUTO_TEST_CASE(nested_parts_do_not_overlap_and_lie_inside_their_sheet) {
  const auto job = write_job(mixed_job());
  std::size_t outlines_seen = 0;
  for (const auto& file : job->of(".svg")) {
    SvgSheet svg = read_svg(read_file(file).value());
    std::vector<ClipperLib::Path> contours;
    for (const SvgContour& c : svg.by_layer["cut"]) contours.push_back(clipper_path(c));
    // An outline is a contour inside no other; the rest are holes.
    std::vector<ClipperLib::Path> outlines;
    for (std::size_t i = 0; i < contours.size(); ++i) {
      bool hole = false;
      for (std::size_t j = 0; j < contours.size() && !hole; ++j)
        hole = i != j && area_mm2(contours[j]) > area_mm2(contours[i]) &&
               std::abs(intersection_mm2(contours[i], contours[j]) - area_mm2(contours[i])) < 0.5;
      if (!hole) outlines.push_back(contours[i]);
    }
    const ClipperLib::Path sheet{{0, 0}, {1000000, 0}, {1000000, 600000}, {0, 600000}};
    for (std::size_t i = 0; i < outlines.size(); ++i) {
      BOOST_TEST(std::abs(intersection_mm2(outlines[i], sheet) - area_mm2(outlines[i])) < 0.01,
                 "outline " << i << " of " << file << " leaves the sheet");
      for (std::size_t j = i + 1; j < outlines.size(); ++j)
        BOOST_TEST(intersection_mm2(outlines[i], outlines[j]) == 0.0,
                   "outlines " << i << " and " << j << " of " << file);
    }
    outlines_seen += outlines.size();
  }
  BOOST_TEST(outlines_seen == mixed_job().parts.size());
}

BOOST_AUTO_TEST_CASE(a_grain_keeps_a_part_along_the_sheet) {
  Job job = mixed_job();
  Diagnostics diags;
  const auto layout = plan_cuts(job, diags);
  BOOST_TEST_REQUIRE(layout.has_value());
  for (const auto& sheet : layout->nesting.sheets)
    for (const auto& placed : sheet.parts)
      if (job.parts[placed.part].grain == Grain::along_x) BOOST_TEST(placed.placement.quarter_turns % 2 == 0);
}

BOOST_AUTO_TEST_CASE(reference_square_renders_at_100_mm) {
  const auto job = write_job(mixed_job());
  const fs::path svg = job->of(".svg").front();
  const fs::path png = job->dir.path() / "sheet.png";
  const int dpi = 96;
  impactkit::test::run_shell(
      fmt::format("rsvg-convert --dpi-x {0} --dpi-y {0} -b white '{1}' -o '{2}'", dpi, svg.string(), png.string()));
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> image(
      cairo_image_surface_create_from_png(png.c_str()), &cairo_surface_destroy);
  BOOST_TEST_REQUIRE(cairo_surface_status(image.get()) == CAIRO_STATUS_SUCCESS);
  const int w = cairo_image_surface_get_width(image.get());
  const int h = cairo_image_surface_get_height(image.get());
  const double px_per_mm = dpi / 25.4;
  BOOST_TEST(std::abs(w - 1000 * px_per_mm) <= 1);
  BOOST_TEST(std::abs(h - 600 * px_per_mm) <= 1);
  // The notes colour (#00A000): the longest run of it, across and down, is
  // the reference square's frame.
  const unsigned char* data = cairo_image_surface_get_data(image.get());
  const int stride = cairo_image_surface_get_stride(image.get());
  auto green = [&](int x, int y) {
    const auto offset = static_cast<std::ptrdiff_t>(y) * stride + 4 * static_cast<std::ptrdiff_t>(x);
    const auto pixel = *reinterpret_cast<const std::uint32_t*>(data + offset);
    const auto r = static_cast<int>((pixel >> 16) & 0xFFU);
    const auto g = static_cast<int>((pixel >> 8) & 0xFFU);
    const auto b = static_cast<int>(pixel & 0xFFU);
    return g > 100 && r < 90 && b < 90;
  };
  int longest_row = 0;
  int longest_column = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0, run = 0; x < w; ++x) {
      run = green(x, y) ? run + 1 : 0;
      longest_row = std::max(longest_row, run);
    }
  for (int x = 0; x < w; ++x)
    for (int y = 0, run = 0; y < h; ++y) {
      run = green(x, y) ? run + 1 : 0;
      longest_column = std::max(longest_column, run);
    }
  BOOST_TEST(std::abs(longest_row - 100 * px_per_mm) <= 1, "square " << longest_row << " px wide");
  BOOST_TEST(std::abs(longest_column - 100 * px_per_mm) <= 1, "square " << longest_column << " px tall");
}

BOOST_AUTO_TEST_CASE(blue_cut_shop_cuts_in_blue) {
  const auto svg =
      sheet_svg({Part{"p", walk({straight(50), straight(50), straight(50), straight(50)}), {}, {}, {}, Grain::any, {}}},
                Sheet{200, 200, ""}, blue_cut_shop());
  BOOST_TEST(
      svg.find("id=\"cut\" inkscape:groupmode=\"layer\" inkscape:label=\"cut\" fill=\"none\" stroke=\"#0000FF\"") !=
      std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(kept_nesting)

// A nesting kept for the next build comes back exactly, and is used: a job
// with a memo that recalls it places every part where nesting did.
BOOST_AUTO_TEST_CASE(a_kept_nesting_reads_back_exactly_and_is_used) {
  const Job job = mixed_job();
  Diagnostics diags;
  std::map<std::string, std::string> kept;
  NestMemo memo;
  int recalled = 0;
  memo.recall = [&](const std::string& digest) -> std::optional<std::string> {
    const auto it = kept.find(digest);
    if (it == kept.end()) return std::nullopt;
    ++recalled;
    return it->second;
  };
  memo.keep = [&](const std::string& digest, std::string text) { kept[digest] = std::move(text); };
  const auto first = plan_cuts(job, diags, &memo);
  BOOST_TEST_REQUIRE(first.has_value());
  BOOST_TEST_REQUIRE(kept.size() == 1u);
  const auto again = plan_cuts(job, diags, &memo);
  BOOST_TEST_REQUIRE(again.has_value());
  BOOST_TEST(recalled == 1);
  BOOST_TEST_REQUIRE(again->nesting.sheets.size() == first->nesting.sheets.size());
  for (std::size_t i = 0; i < first->nesting.sheets.size(); ++i) {
    const auto& a = first->nesting.sheets[i];
    const auto& b = again->nesting.sheets[i];
    BOOST_TEST(a.utilisation == b.utilisation);
    BOOST_TEST_REQUIRE(a.parts.size() == b.parts.size());
    for (std::size_t j = 0; j < a.parts.size(); ++j) {
      BOOST_TEST(a.parts[j].part == b.parts[j].part);
      BOOST_TEST(a.parts[j].placement.quarter_turns == b.parts[j].placement.quarter_turns);
      BOOST_TEST(a.parts[j].placement.offset.x == b.parts[j].placement.offset.x);  // exact, not close
      BOOST_TEST(a.parts[j].placement.offset.y == b.parts[j].placement.offset.y);
    }
  }
  // A moved hole changes the digest: the part's area, and so the nesting, may change.
  Job moved = job;
  const auto tile =
      std::find_if(moved.parts.begin(), moved.parts.end(), [](const Part& p) { return p.label == "tile"; });
  BOOST_TEST_REQUIRE((tile != moved.parts.end()));
  tile->holes.push_back(bolt_hole({250, 100}));
  BOOST_TEST_REQUIRE(plan_cuts(moved, diags, &memo).has_value());
  BOOST_TEST(recalled == 1);
  BOOST_TEST(kept.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_damaged_kept_nesting_is_not_used) {
  const Job job = mixed_job();
  Diagnostics diags;
  const auto laid = plan_cuts(job, diags);
  BOOST_TEST_REQUIRE(laid.has_value());
  const std::string text = to_text(laid->nesting);
  const std::size_t parts = laid->parts.size();
  BOOST_TEST(nesting_from_text(text, job.sheet, parts).has_value());
  BOOST_TEST(!nesting_from_text(text.substr(0, text.size() / 2), job.sheet, parts).has_value());  // cut short
  BOOST_TEST(!nesting_from_text(text, job.sheet, parts + 1).has_value());                         // a part missing
  BOOST_TEST(!nesting_from_text(text, job.sheet, parts - 1).has_value());                         // a part too many
  const auto twice = nesting_from_text("sheet 1p-1\npart 0 0 0p+0 0p+0\npart 0 0 0p+0 0p+0\nend\n", job.sheet, 1);
  BOOST_TEST(!twice.has_value());  // one part placed twice
  BOOST_TEST(!nesting_from_text("sheet 1p-1\npart 0 4 0p+0 0p+0\nend\n", job.sheet, 1).has_value());  // 4 turns
  const auto one = nesting_from_text("sheet 1p-1\npart 0 3 1p+1 -1p+1\nend\n", job.sheet, 1);
  BOOST_TEST_REQUIRE(one.has_value());
  BOOST_TEST(one->sheets.at(0).parts.at(0).placement.offset.x == 2.0);
  BOOST_TEST(one->sheets.at(0).parts.at(0).placement.offset.y == -2.0);
  BOOST_TEST(one->sheets.at(0).utilisation == 0.5);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(dxf)

namespace {
struct Counter : DL_CreationAdapter {
  std::map<std::string, int> entities;
  std::map<std::string, int> notes;  // entities on the NOTES layer: labels, the reference square
  std::set<std::string> layers;
  std::set<std::string> entity_layers;
  int vertices = 0;
  int closed_polylines = 0;
  void addLayer(const DL_LayerData& d) override { layers.insert(d.name); }
  void addLine(const DL_LineData&) override { count("LINE"); }
  void addArc(const DL_ArcData&) override { count("ARC"); }
  void addCircle(const DL_CircleData&) override { count("CIRCLE"); }
  void addPolyline(const DL_PolylineData& d) override {
    count("LWPOLYLINE");
    closed_polylines += (d.flags & 1) != 0 && getAttributes().getLayer() != "NOTES";
  }
  void addVertex(const DL_VertexData&) override { ++vertices; }
  void addPoint(const DL_PointData&) override { count("POINT"); }
  void addEllipse(const DL_EllipseData&) override { count("ELLIPSE"); }
  void addSpline(const DL_SplineData&) override { count("SPLINE"); }
  void addText(const DL_TextData&) override { count("TEXT"); }
  void addMText(const DL_MTextData&) override { count("MTEXT"); }
  void addInsert(const DL_InsertData&) override { count("INSERT"); }
  void addHatch(const DL_HatchData&) override { count("HATCH"); }
  void addSolid(const DL_SolidData&) override { count("SOLID"); }
  void count(const std::string& kind) {
    if (getAttributes().getLayer() == "NOTES") {
      ++notes[kind];
      return;
    }
    ++entities[kind];
    entity_layers.insert(getAttributes().getLayer());
  }
};
}  // namespace

BOOST_AUTO_TEST_CASE(reads_back_with_dxflib_with_the_expected_entities) {
  const auto job = write_job(mixed_job());
  const auto svgs = job->of(".svg");
  const auto dxfs = job->of(".dxf");
  BOOST_TEST_REQUIRE(dxfs.size() == svgs.size());
  for (std::size_t i = 0; i < dxfs.size(); ++i) {
    Counter counter;
    DL_Dxf dxf;
    BOOST_TEST_REQUIRE(dxf.in(dxfs[i].string(), &counter));
    SvgSheet svg = read_svg(read_file(svgs[i]).value());
    int polygons = 0;
    int circles = 0;
    for (const char* layer : {"cut", "engrave"})
      for (const SvgContour& c : svg.by_layer[layer]) (c.circle ? circles : polygons) += 1;
    int score_lines = static_cast<int>(svg.by_layer["score"].size());
    // Two-point score lines are LINEs, others LWPOLYLINEs.
    int two_point = 0;
    for (const SvgContour& c : svg.by_layer["score"]) two_point += c.points.size() == 2;
    BOOST_TEST(counter.entities["CIRCLE"] == circles);
    BOOST_TEST(counter.entities["LWPOLYLINE"] == polygons + score_lines - two_point);
    BOOST_TEST(counter.entities["LINE"] == two_point);
    BOOST_TEST(counter.closed_polylines == polygons);
    for (const auto& [kind, n] : counter.entities)
      BOOST_TEST((kind == "LINE" || kind == "ARC" || kind == "CIRCLE" || kind == "LWPOLYLINE"), kind);
    for (const char* layer : {"CUT", "SCORE", "ENGRAVE", "NOTES"}) BOOST_TEST(counter.layers.count(layer) == 1, layer);
    for (const auto& [kind, n] : counter.notes) BOOST_TEST((kind == "TEXT" || kind == "LWPOLYLINE"), kind);
    BOOST_TEST(counter.notes["LWPOLYLINE"] == 2);  // the reference square's frame
    for (const auto& layer : counter.entity_layers)
      BOOST_TEST((layer == "CUT" || layer == "SCORE" || layer == "ENGRAVE"), layer);
    const std::string text = read_file(dxfs[i]).value();
    BOOST_TEST(std::regex_search(text, std::regex("\\$INSUNITS\\s+70\\s+4\\s")));
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(input_errors)

BOOST_AUTO_TEST_CASE(a_part_larger_than_the_sheet_says_both_sizes) {
  Job job;
  job.sheet = {1200, 600, ""};
  job.parts.push_back(Part{"panel",
                           walk({straight(1800), straight(600), straight(1800), straight(600)}),
                           {},
                           {},
                           {},
                           Grain::any,
                           {"roadshow.yaml", 40, 5}});
  Diagnostics diags;
  BOOST_TEST(!plan_cuts(job, diags).has_value());
  BOOST_TEST_REQUIRE(diags.error_count() == 1u);
  const std::string message = format(diags.all().front());
  BOOST_TEST(message.find("roadshow.yaml:40:5") != std::string::npos, message);
  BOOST_TEST(message.find("1800.2 × 600.2 mm") != std::string::npos, message);
  BOOST_TEST(message.find("1200 × 600 mm sheet") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(kerf_of_half_the_thickness_and_slots_narrower_than_the_kerf) {
  JointSettings s;
  s.thickness_mm = 3;
  s.clearance_mm = 0;
  Diagnostics diags;
  BOOST_TEST(!check_kerf(1.5, s, diags, {"roadshow.yaml", 7, 3}));
  BOOST_TEST(diags.error_count() == 1u);
  BOOST_TEST(format(diags.all().front()).find("half the thickness") != std::string::npos);
  Diagnostics narrow;
  BOOST_TEST(!check_kerf(3.2, JointSettings{10, -7, 0}, narrow));
  BOOST_TEST(format(narrow.all().back()).find("narrower than the kerf") != std::string::npos);
  BOOST_TEST(check_kerf(0.2, JointSettings{}, narrow));
}

BOOST_AUTO_TEST_CASE(a_hole_no_wider_than_the_kerf_is_reported) {
  Part p{"p",
         walk({straight(50), straight(50), straight(50), straight(50)}),
         {through_hole({25, 25}, 0.15), Contour::of(rectangle(10, 10, 0.1, 20))},
         {},
         {},
         Grain::any,
         {}};
  Diagnostics diags;
  BOOST_TEST(!compensate(p, 0.2, diags).has_value());
  BOOST_TEST(diags.error_count() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
