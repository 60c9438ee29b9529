# Writes OUTPUT, a C++ source defining impactkit::serve::page_file() with
# the files FILES (a ;-list of paths) as string literals, by their names.
# Run as `cmake -DOUTPUT=... -DFILES=... -P embed_page.cmake` when one of
# them changes. A file's bytes go in as a raw string literal, which must
# not hold the delimiter `)impactkit_page"`.
set(body "// Made by cmake/embed_page.cmake from lib/impactkit/serve/page/: edit those files.\n")
string(APPEND body "#include <impactkit/serve/detail/page_files.hpp>\n\n#include <array>\n#include <utility>\n\n")
string(APPEND body "namespace impactkit::serve {\n\nstd::string_view page_file(std::string_view name) {\n")
list(LENGTH FILES count)
string(APPEND body "  static constexpr std::array<std::pair<std::string_view, std::string_view>, ${count}> files = {{\n")
foreach(file IN LISTS FILES)
  get_filename_component(name "${file}" NAME)
  file(READ "${file}" text)
  string(FIND "${text}" ")impactkit_page\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} holds the raw string delimiter )impactkit_page\"")
  endif()
  string(APPEND body "      {\"${name}\", R\"impactkit_page(${text})impactkit_page\"},\n")
endforeach()
string(APPEND body "  }};\n  for (const auto& [n, text] : files) {\n    if (n == name) return text;\n  }\n  return {};\n}\n\n}  // namespace impactkit::serve\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
