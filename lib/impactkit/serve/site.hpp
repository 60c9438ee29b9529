#pragma once
// The live preview's web site (`impactkit serve`), on 127.0.0.1 only,
// through cpp-httplib. Read-only: it serves its page (page/), the state of
// the gallery (GET /api/state), a stream of build news (GET /events,
// Server-Sent Events) and the output folder's files (GET /out/PATH) — a
// regular file inside the output folder, through the door of
// core/root_file.hpp: no "..", no hidden folder (.impactkit), no link out
// of the folder, no listing of a folder. A request for another host name
// than 127.0.0.1 or localhost is refused (a page on the web that rebinds
// its own name to 127.0.0.1 cannot read the preview).

#include <impactkit/serve/gallery.hpp>

#include <filesystem>
#include <memory>

namespace impactkit::serve {

class PreviewSite {
 public:
  explicit PreviewSite(std::filesystem::path output_dir);
  ~PreviewSite();
  PreviewSite(const PreviewSite&) = delete;
  PreviewSite& operator=(const PreviewSite&) = delete;

  // Binds 127.0.0.1:`port` (0: a free port) and serves on threads of its
  // own; returns the port. Throws std::runtime_error when the port cannot
  // be bound.
  int start(int port);
  // Ends the event streams and stops serving; waits for the threads.
  void stop();

  // After a build: the state every page now reads, and an event to each
  // open page.
  void publish(BuildNews news);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace impactkit::serve
