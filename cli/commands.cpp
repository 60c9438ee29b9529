#include "commands.hpp"

#include "exit_codes.hpp"

#include <impactkit/content/loader.hpp>
#include <impactkit/content/new_case.hpp>

#include <fmt/format.h>

#include <cstdio>

namespace impactkit::cli {
namespace fs = std::filesystem;

namespace {

void print_diagnostics(const Diagnostics& diagnostics, const Output& out) {
  for (const auto& d : diagnostics.all()) fmt::print(stderr, "{}\n", format(d, out.color));
}

std::string counted(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string join(const auto& items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += fmt::format("{}", item);
  }
  return out;
}

}  // namespace

int validate(const fs::path& root, const Output& out) {
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(root, diagnostics);
  print_diagnostics(diagnostics, out);
  const std::string counts = fmt::format("{}, {}", counted(diagnostics.error_count(), "error", "errors"),
                                         counted(diagnostics.warning_count(), "warning", "warnings"));
  if (diagnostics.has_errors()) {
    fmt::print(stderr, "{}: invalid: {}\n", (root / content::roadshow_file_name).lexically_normal().string(), counts);
    return exit_content;
  }
  if (!out.quiet) {
    fmt::print("{}: valid: '{}', {}, {}, {}; {}\n", (root / content::roadshow_file_name).lexically_normal().string(),
               roadshow.title.get(), counted(roadshow.cases.size(), "case", "cases"),
               counted(roadshow.roles.size(), "role", "roles"), counted(roadshow.sdgs.size(), "goal", "goals"), counts);
  }
  return exit_ok;
}

int list(const fs::path& root, const Output& out) {
  Diagnostics diagnostics;
  const auto roadshow = content::load_roadshow(root, diagnostics);
  print_diagnostics(diagnostics, out);
  if (diagnostics.has_errors()) {
    fmt::print(stderr, "cannot list: the content has errors (see above); `impactkit validate` checks it\n");
    return exit_content;
  }
  fmt::print("{:<28} {:<17} {:<12} {:<7} {}\n", "CASE", "THEME", "SDGS", "LANG", "TITLE");
  for (const auto& c : roadshow.cases) {
    fmt::print("{:<28} {:<17} {:<12} {:<7} {}\n", c.id, content::name(c.theme), join(c.sdgs, ","),
               join(content::complete_languages(c, roadshow.languages.available), ","), c.title.get());
  }
  if (!out.quiet) {
    fmt::print("\n{} in '{}'; LANG lists the languages in which a case is complete\n",
               counted(roadshow.cases.size(), "case", "cases"), roadshow.title.get());
  }
  return exit_ok;
}

int new_case(const fs::path& root, const std::string& id, const Output& out) {
  if (!content::is_valid_id(id)) {
    fmt::print(stderr,
               "error: '{}' is not a valid case id\n  expected: lower-case letters and digits, words joined by "
               "single '-', e.g. warmtepomp-staphorst\n",
               id);
    return exit_usage;
  }
  try {
    const auto result = content::add_new_case(root, id);
    if (!out.quiet) {
      fmt::print("wrote {}\n", result.case_file.lexically_normal().string());
      if (result.listed)
        fmt::print("listed '{}' in {}\n", id, (root / content::roadshow_file_name).lexically_normal().string());
      fmt::print("next: fill in its placeholders, then run `impactkit validate`\n");
    }
    if (!result.note.empty()) fmt::print(stderr, "note: {}\n", result.note);
    return exit_ok;
  } catch (const content::NewCaseError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_files;
  } catch (const fs::filesystem_error& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_files;
  }
}

}  // namespace impactkit::cli
