#pragma once
// Internal to lib/impactkit/content: links inside a content root that lead out of it.

#include <impactkit/core/diagnostics.hpp>

#include <filesystem>
#include <system_error>

namespace impactkit::content::detail {

// Reports an error for every link among the files a build reads by
// convention rather than by a path in the YAML — roadshow.yaml and what is
// under cases/, locales/, assets/, templates/ and fonts/ (a folder that is
// itself a link included) — that leads outside `root`. The paths the YAML
// names are checked where they are read (Reader::file_in_root). Content may
// use only files inside its root: a fork's root is copied, shared and
// built elsewhere, and must not pull in (and print, or embed in a PDF)
// whatever a link points to.
// Whether check_links_stay_in_root walks the file at `relative` (a path
// under the root): then a link out of the root or a FIFO there is reported
// by it, and a later reader need not say so again.
bool walked_by_link_check(const std::filesystem::path& relative);

// An error naming `folder` (under `root`), which the walk could not read
// (`ec`): the files in it were not checked. Separate so that a test run as
// root, whom no permission stops, can check the message.
void report_unreadable_folder(const std::filesystem::path& root, const std::filesystem::path& folder,
                              const std::error_code& ec, Diagnostics& diagnostics);

void check_links_stay_in_root(const std::filesystem::path& root, Diagnostics& diagnostics);

}  // namespace impactkit::content::detail
