#include "template_problems.hpp"

#include <impactkit/content/loader.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/layout/compose.hpp>
#include <impactkit/layout/template.hpp>

#include "failing_allocation.hpp"
#include "support.hpp"

#include <boost/test/unit_test.hpp>

namespace impactkit::test {

namespace fs = std::filesystem;

std::string template_problems(const std::string& yaml, long fail_allocation) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "templates");
  write_file_atomically(dir.path() / "templates/t.yaml", yaml);
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(test::source_dir(), diagnostics);
  BOOST_TEST_REQUIRE(!diagnostics.has_errors());
  if (auto t = content::load_template("t", {dir.path() / "templates"}, roadshow.languages, diagnostics)) {
    content::check_template(*t, roadshow, diagnostics);
    text::FontLibrary fonts;
    text::Typesetter typesetter(fonts);
    const auto& labels = *roadshow.find_labels("nl");
    const auto shared = layout::roadshow_fields(roadshow, "nl", labels);
    const auto fields = layout::case_fields(roadshow.cases.at(0), roadshow, "nl", labels, &shared);
    layout::Composer composer(roadshow, typesetter, diagnostics);
    test::fail_allocation_after(fail_allocation);
    composer.compose(*t, fields, labels, {"nl", *layout::paper_size("A3")});
    test::fail_allocation_after(0);
  }
  std::string out;
  const std::string prefix = dir.path().string() + "/";
  for (const auto& d : diagnostics.all()) {
    std::string line = format(d);
    for (std::size_t at; (at = line.find(prefix)) != std::string::npos;) line.erase(at, prefix.size());
    out += line + "\n";
  }
  return out;
}

}  // namespace impactkit::test
