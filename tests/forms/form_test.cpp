// The visitor's question form, read back from the produced files with
// tools that did not write them: its words (pdftotext), its page boxes
// (pdfinfo), its office sheets' placements and ruled lines (the content
// streams, through qpdf), its form fields (the qpdf program's JSON), and
// its PDF/X version (pdfinfo).

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>

#include "cards/pdf_forms.hpp"
#include "pdf_words.hpp"
#include "support.hpp"

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

namespace fs = std::filesystem;
using namespace impactkit;

namespace {

constexpr double tolerance_mm = 0.1;
const std::vector<std::string> sizes = {"A5", "A6"};
const std::map<std::string, std::pair<double, double>> paper = {{"A5", {148, 210}}, {"A6", {105, 148}}};

// The repository's roadshow, its forms built once (with their PDF/X
// versions) for all tests.
struct Forms {
  test::TempDir out;
  content::Roadshow roadshow;

  Forms() {
    const auto r = test::run_impactkit({"build", "-q", "--only", "forms", "--pdfx", "--preview-dpi", "4", "-o",
                                        out.path().string(), "-C", test::source_dir().string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    Diagnostics d;
    roadshow = content::load_roadshow(test::source_dir(), d);
    BOOST_TEST_REQUIRE(!d.has_errors());
  }
  fs::path dir(const std::string& lang) const { return out.path() / "forms" / lang; }
};

const Forms& forms() {
  static const Forms f;
  return f;
}

constexpr double mm_per_pt = 25.4 / 72;

// A page box from pdfinfo -box, in mm: width and height.
std::pair<double, double> box_size(const std::string& info, const std::string& box) {
  const std::regex re(box + R"(:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+))");
  std::smatch m;
  BOOST_TEST_REQUIRE(std::regex_search(info, m, re), box << " in " << info);
  return {(std::stod(m[3]) - std::stod(m[1])) * mm_per_pt, (std::stod(m[4]) - std::stod(m[2])) * mm_per_pt};
}

nlohmann::json acroform_fields(const fs::path& pdf) {
  const std::string json = test::run_shell(fmt::format("qpdf --json --json-key=acroform '{}'", pdf.string()));
  return nlohmann::json::parse(json)["acroform"]["fields"];
}

// A minimal roadshow whose copy of the form template `name` has `from`
// changed to `to`, built with --only forms: the result, and the template
// line that now holds `to`.
struct EditedBuild {
  test::Result result;
  int line = 0;
  bool wrote_forms = false;
};

EditedBuild build_with_edited_template(const std::string& name, const std::string& from, const std::string& to) {
  test::TempDir root;
  test::compose_fixture(root.path());
  fs::create_directories(root.path() / "templates");
  const fs::path file = root.path() / "templates" / name;
  fs::copy_file(test::source_dir() / "templates" / name, file);
  test::replace_in(file, from, to);
  EditedBuild out;
  out.line = test::line_of(file, to);
  out.result = test::run_impactkit(
      {"build", "-q", "--only", "forms", "-o", (root.path() / "out").string(), "-C", root.path().string()});
  out.wrote_forms = fs::exists(root.path() / "out" / "forms");
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_route_station_and_tender_kind_is_on_the_form_in_every_language) {
  const auto& f = forms();
  BOOST_TEST_REQUIRE(f.roadshow.languages.available.size() >= 2u);
  for (const auto& lang : f.roadshow.languages.available) {
    const content::Labels* labels = f.roadshow.find_labels(lang);
    BOOST_TEST_REQUIRE(labels != nullptr);
    for (const auto& size : sizes) {
      const fs::path pdf = f.dir(lang) / fmt::format("form-{}.pdf", size);
      BOOST_TEST_REQUIRE(fs::exists(pdf), pdf);
      const std::string text = test::plain_text_of(pdf);
      for (const char* station : {"ambition", "question", "owner", "tender", "solution", "impact"}) {
        const std::string* label = labels->find(std::string("route.") + station);
        BOOST_TEST_REQUIRE(label != nullptr);
        // Station labels are set in capitals (the form_label style).
        std::string upper = *label;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
        BOOST_TEST(text.find(test::plain(upper)) != std::string::npos, lang << " " << size << ": " << upper);
      }
      for (const auto& kind : f.roadshow.tender_kinds) {
        BOOST_TEST(text.find(test::plain(kind.name.get(lang))) != std::string::npos,
                   lang << " " << size << ": " << kind.name.get(lang));
      }
      BOOST_TEST(text.find(test::plain(*labels->find("form.consent"))) != std::string::npos);
      BOOST_TEST(text.find(test::plain(f.roadshow.contact.team.get(lang))) != std::string::npos);
      BOOST_TEST(text.find(test::plain(f.roadshow.forms.next.get(lang))) != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(page_boxes_are_right_at_a5_and_a6) {
  const auto& f = forms();
  const double bleed = f.roadshow.forms.bleed_mm;
  for (const auto& size : sizes) {
    const fs::path pdf = f.dir("nl") / fmt::format("form-{}.pdf", size);
    const std::string info = test::run_shell(fmt::format("pdfinfo -box -f 1 -l 2 '{}'", pdf.string()));
    BOOST_TEST(info.find("Pages:           2") != std::string::npos, info);
    const auto [w, h] = paper.at(size);
    for (int page = 1; page <= 2; ++page) {
      const std::string one = test::run_shell(fmt::format("pdfinfo -box -f {0} -l {0} '{1}'", page, pdf.string()));
      const auto trim = box_size(one, fmt::format("Page {:>4} TrimBox", page));
      const auto bleed_box = box_size(one, fmt::format("Page {:>4} BleedBox", page));
      BOOST_TEST(std::abs(trim.first - w) < tolerance_mm, size << " trim width " << trim.first);
      BOOST_TEST(std::abs(trim.second - h) < tolerance_mm, size << " trim height " << trim.second);
      BOOST_TEST(std::abs(bleed_box.first - (w + 2 * bleed)) < tolerance_mm);
      BOOST_TEST(std::abs(bleed_box.second - (h + 2 * bleed)) < tolerance_mm);
    }
  }
}

BOOST_AUTO_TEST_CASE(office_sheet_backs_lie_behind_their_fronts_with_cut_marks_on_the_cuts) {
  const auto& f = forms();
  for (const auto& [size, per_sheet] : std::vector<std::pair<std::string, std::size_t>>{{"A5", 2}, {"A6", 4}}) {
    const auto pages = test::read_drawings(f.dir("nl") / fmt::format("form-{}-office-A4.pdf", size));
    BOOST_TEST_REQUIRE(pages.size() == 2u);
    const auto& front = pages[0];
    const auto& back = pages[1];
    BOOST_TEST(std::abs(std::min(front.width_mm, front.height_mm) - 210) < tolerance_mm);
    BOOST_TEST(std::abs(std::max(front.width_mm, front.height_mm) - 297) < tolerance_mm);
    BOOST_TEST_REQUIRE(front.forms.size() == per_sheet, size);
    BOOST_TEST_REQUIRE(back.forms.size() == per_sheet, size);
    const auto [w, h] = paper.at(size);
    // Long-edge duplex turns a landscape sheet over its long (horizontal)
    // edge and a portrait one over its vertical edge.
    const bool landscape = front.width_mm > front.height_mm;
    for (const auto& face : front.forms) {
      const double x = landscape ? face.x_mm : front.width_mm - face.x_mm - w;
      const double y = landscape ? front.height_mm - face.y_mm - h : face.y_mm;
      const bool behind = std::any_of(back.forms.begin(), back.forms.end(), [&](const test::PlacedForm& b) {
        return std::abs(b.x_mm - x) < tolerance_mm && std::abs(b.y_mm - y) < tolerance_mm;
      });
      BOOST_TEST(behind, size << ": no back behind the front at " << face.x_mm << ", " << face.y_mm);
      // The forms cover the sheet edge to edge: the office printer's blank
      // margin falls inside the forms' own.
      BOOST_TEST((face.x_mm > -tolerance_mm && face.x_mm + w < front.width_mm + tolerance_mm));
    }
    BOOST_TEST(front.forms.front().object != back.forms.front().object);
    // A cut mark on every cut between two forms, in the sheet's margin.
    std::set<long> cuts;
    for (const auto& face : front.forms) {
      for (const double x : {face.x_mm, face.x_mm + w}) {
        if (x > 1 && x < front.width_mm - 1) cuts.insert(std::lround(x * 10));
      }
    }
    for (const long cut : cuts) {
      const bool marked = std::any_of(front.lines.begin(), front.lines.end(), [&](const test::StrokedLine& l) {
        return std::abs(l.x1_mm - cut / 10.0) < tolerance_mm && std::abs(l.x2_mm - cut / 10.0) < tolerance_mm &&
               std::min(l.y1_mm, l.y2_mm) >= 4.9 && std::max(l.y1_mm, l.y2_mm) <= 12;
      });
      BOOST_TEST(marked, size << ": no cut mark at x " << cut / 10.0);
    }
  }
}

BOOST_AUTO_TEST_CASE(writing_lines_are_at_least_8_mm_apart_at_every_size) {
  const auto& f = forms();
  for (const auto& size : sizes) {
    const auto pages = test::read_drawings(f.dir("nl") / fmt::format("form-{}.pdf", size));
    BOOST_TEST_REQUIRE(pages.size() == 2u);
    std::size_t rules = 0;
    for (const auto& page : pages) {
      // The ruled lines: horizontal, and longer than any mark or rail.
      std::vector<double> ys;
      for (const auto& l : page.lines) {
        if (std::abs(l.y1_mm - l.y2_mm) < 0.01 && std::abs(l.x2_mm - l.x1_mm) > 25) ys.push_back(l.y1_mm);
      }
      std::sort(ys.begin(), ys.end());
      for (std::size_t i = 1; i < ys.size(); ++i) {
        BOOST_TEST(ys[i] - ys[i - 1] >= 8.0, size << ": lines " << ys[i - 1] << " and " << ys[i] << " mm");
      }
      rules += ys.size();
    }
    // ambition 2, question 2, owner 1; solution 2, impact 2, name 1, contact 1
    BOOST_TEST(rules == 11u, size);
  }
}

BOOST_AUTO_TEST_CASE(the_fillable_pdf_has_a_labelled_field_for_every_station) {
  const auto& f = forms();
  for (const auto& lang : f.roadshow.languages.available) {
    const fs::path pdf = f.dir(lang) / "form-A5-fillable.pdf";
    BOOST_TEST_REQUIRE(fs::exists(pdf));
    const auto fields = acroform_fields(pdf);
    std::map<std::string, std::string> labelled;  // full name -> accessible name
    for (const auto& field : fields) {
      labelled[field["fullname"].get<std::string>()] = field["alternativename"].get<std::string>();
    }
    for (const char* station : {"ambition", "question", "owner", "solution", "impact", "name", "contact"}) {
      BOOST_TEST_REQUIRE(labelled.count(station) == 1u, lang << ": no field " << station);
      BOOST_TEST(!labelled[station].empty(), lang << ": field " << station << " has no label");
    }
    // The tender: a box to tick per declared kind, each labelled with its name.
    for (const auto& kind : f.roadshow.tender_kinds) {
      const std::string name = "route." + kind.id;
      BOOST_TEST_REQUIRE(labelled.count(name) == 1u, lang << ": no field " << name);
      BOOST_TEST(labelled[name].find(kind.name.get(lang)) != std::string::npos, labelled[name]);
    }
    for (const char* tick : {"consent", "share"}) BOOST_TEST(labelled.count(tick) == 1u, tick);
    const std::string info = test::run_shell(fmt::format("pdfinfo '{}'", pdf.string()));
    BOOST_TEST(info.find("Form:            AcroForm") != std::string::npos, info);
  }
  // One fillable file per language, at the first size.
  BOOST_TEST(!fs::exists(f.dir("nl") / "form-A6-fillable.pdf"));
}

BOOST_AUTO_TEST_CASE(pdfx_versions_of_the_print_files_when_asked) {
  const auto& f = forms();
  for (const auto& size : sizes) {
    for (const std::string& name : {fmt::format("form-{}.pdf", size), fmt::format("form-{}-office-A4.pdf", size)}) {
      const fs::path pdf = f.dir("nl") / "pdfx" / name;
      BOOST_TEST_REQUIRE(fs::exists(pdf), pdf);
      const std::string info = test::run_shell(fmt::format("pdfinfo '{}'", pdf.string()));
      BOOST_TEST(info.find("PDF/X-4") != std::string::npos, name << ": " << info);
    }
  }
  // Previews at the first size only: A6 is the same layout, smaller.
  BOOST_TEST(fs::exists(f.dir("en") / "previews" / "form-A5-back.png"));
  BOOST_TEST(!fs::exists(f.dir("en") / "previews" / "form-A6-back.png"));
}

BOOST_AUTO_TEST_CASE(lines_too_close_for_handwriting_are_refused_at_their_template_line) {
  const auto b =
      build_with_edited_template("form-front.yaml", "name: ambition, label: form.ambition, lines: 2, pitch_mm: 11.5",
                                 "name: ambition, label: form.ambition, lines: 2, pitch_mm: 10");
  const auto& r = b.result;
  BOOST_TEST(r.exit_code != 0);
  BOOST_TEST(r.err.find(fmt::format("templates/form-front.yaml:{}:", b.line)) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("7.1 mm apart at A6") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("raise pitch_mm to 11.3") != std::string::npos, r.err);
  BOOST_TEST(!b.wrote_forms);
}

BOOST_AUTO_TEST_CASE(preflight_passes_every_form_file_with_its_text_readable) {
  // Page boxes, fonts, PDF/X and every word's contrast, measured on the
  // rendered pages as a print shop's preflight would.
  const auto& f = forms();
  const auto r = test::run_impactkit({"preflight", test::source_dir().string(), "-o", f.out.path().string()});
  BOOST_TEST(r.exit_code == 0, r.out << r.err);
  BOOST_TEST(r.out.find("forms/nl/form-A6.pdf") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("WARN") == std::string::npos, r.out);
  BOOST_TEST(r.out.find("FAIL") == std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(a_box_too_small_to_tick_is_refused_at_its_template_line) {
  const auto b =
      build_with_edited_template("form-back.yaml", "name: consent, label: form.consent, width_mm: 6, height_mm: 6",
                                 "name: consent, label: form.consent, width_mm: 5, height_mm: 5");
  const auto& r = b.result;
  BOOST_TEST(r.exit_code != 0);
  BOOST_TEST(r.err.find(fmt::format("templates/form-back.yaml:{}:", b.line)) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("'consent' is 3.5 mm at A6") != std::string::npos, r.err);
  BOOST_TEST(!b.wrote_forms);
}
