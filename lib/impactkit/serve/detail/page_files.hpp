#pragma once
// Internal to lib/impactkit/serve. The live preview's page (serve/page/:
// index.html, app.js, style.css), put into the program when it is built
// (cmake/embed_page.cmake), so that it needs no files beside it.

#include <string_view>

namespace impactkit::serve {

// The file `name` of the page; empty when there is none.
std::string_view page_file(std::string_view name);

}  // namespace impactkit::serve
