#include <impactkit/serve/site.hpp>

#include <impactkit/core/root_file.hpp>
#include <impactkit/serve/detail/page_files.hpp>

#include <httplib.h>
#include <sys/socket.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace impactkit::serve {
namespace fs = std::filesystem;

namespace {

// The largest output file served: an A0 poster's PDF with photos.
constexpr std::uint64_t max_served_bytes = 512ULL << 20;
// A page's request has no body; its headers are small.
constexpr std::size_t max_request_body = 1024;
// An open page hears of a quiet server this often, so that a closed page's
// stream ends and its thread is freed.
constexpr auto heartbeat = std::chrono::seconds(15);
// Threads for connections: browsers' six a page, for a few open pages.
constexpr std::size_t worker_threads = 32;

std::string content_type(const fs::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".png") return "image/png";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".json") return "application/json";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".dxf") return "application/dxf";
  return "application/octet-stream";
}

// Whether a path below the output folder may be served: relative, no "."
// or ".." part, no hidden part (.impactkit holds the build's own files).
bool servable(const fs::path& relative) {
  if (relative.empty() || relative.is_absolute() || relative.string().find('\\') != std::string::npos) return false;
  for (const auto& part : relative) {
    const std::string p = part.string();
    if (p.empty() || p.front() == '.') return false;
  }
  return true;
}

// Whether the request names this machine: a browser sends the name it used.
bool local_host(const httplib::Request& req) {
  std::string host = req.get_header_value("Host");
  if (const auto colon = host.rfind(':'); colon != std::string::npos) host.resize(colon);
  return host == "127.0.0.1" || host == "localhost";
}

}  // namespace

struct PreviewSite::Impl {
  fs::path output_dir;
  httplib::Server server;
  std::thread listener;
  std::mutex mutex;
  std::condition_variable news_came;
  BuildNews news;
  bool stopping = false;

  std::string state() {
    std::lock_guard lock(mutex);
    return state_json(news, gallery(output_dir));
  }

  void serve_page(const std::string& name, const char* type, httplib::Response& res) {
    res.set_content(std::string(page_file(name)), type);
    res.set_header("Cache-Control", "no-cache");
  }

  void serve_output(const httplib::Request& req, httplib::Response& res) {
    const fs::path relative = req.matches[1].str();
    if (!servable(relative)) {
      res.status = 404;
      return;
    }
    const RootFile file = read_root_file(output_dir / relative, {output_dir}, max_served_bytes);
    if (!file) {
      res.status = 404;
      return;
    }
    res.set_content(file.bytes, content_type(relative));
    res.set_header("Cache-Control", "no-cache");
  }

  // The event stream: one `build` event for each build after the page
  // opened, a comment line as heartbeat.
  void serve_events(httplib::Response& res) {
    std::uint64_t seen = 0;
    {
      std::lock_guard lock(mutex);
      seen = news.build;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_chunked_content_provider("text/event-stream", [this, seen](std::size_t, httplib::DataSink& sink) mutable {
      std::unique_lock lock(mutex);
      news_came.wait_for(lock, heartbeat, [&] { return stopping || news.build != seen; });
      if (stopping) return false;
      std::string message = ": still here\n\n";
      if (news.build != seen) {
        seen = news.build;
        message = "event: build\ndata: " + std::to_string(seen) + "\n\n";
      }
      lock.unlock();
      return sink.write(message.data(), message.size());
    });
  }

  void routes() {
    server.set_payload_max_length(max_request_body);
    server.set_read_timeout(1, 0);  // a browser on this machine sends a request at once
    // A browser keeps up to six connections to the page open, one of them
    // the event stream, and each holds a thread here while it is idle:
    // threads to spare, so that no request waits for an idle one to time
    // out. (httplib takes the queue as a raw pointer and owns it.)
    server.new_task_queue = [] {
      return new httplib::ThreadPool(worker_threads);  // NOLINT(cppcoreguidelines-owning-memory)
    };
    server.set_keep_alive_max_count(1000);
    // SO_REUSEADDR only: httplib also sets SO_REUSEPORT, with which a
    // second `serve` on the same port would share it instead of failing.
    server.set_socket_options([](socket_t sock) {
      const int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      if (local_host(req)) return httplib::Server::HandlerResponse::Unhandled;
      res.status = 403;
      return httplib::Server::HandlerResponse::Handled;
    });
    server.Get("/", [this](const httplib::Request&, httplib::Response& res) {
      serve_page("index.html", "text/html; charset=utf-8", res);
    });
    server.Get("/app.js", [this](const httplib::Request&, httplib::Response& res) {
      serve_page("app.js", "text/javascript; charset=utf-8", res);
    });
    server.Get("/style.css", [this](const httplib::Request&, httplib::Response& res) {
      serve_page("style.css", "text/css; charset=utf-8", res);
    });
    server.Get("/api/state", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(state(), "application/json");
      res.set_header("Cache-Control", "no-cache");
    });
    server.Get("/events", [this](const httplib::Request&, httplib::Response& res) { serve_events(res); });
    server.Get("/out/(.+)", [this](const httplib::Request& req, httplib::Response& res) { serve_output(req, res); });
  }
};

PreviewSite::PreviewSite(fs::path output_dir) : impl_(std::make_unique<Impl>()) {
  impl_->output_dir = std::move(output_dir);
  impl_->routes();
}

PreviewSite::~PreviewSite() {
  stop();
}

int PreviewSite::start(int port) {
  auto& server = impl_->server;
  const int bound =
      port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0) {
    throw std::runtime_error("cannot serve on 127.0.0.1:" + std::to_string(port) +
                             ": the port is in use or not allowed (choose another with --port)");
  }
  impl_->listener = std::thread([&server] { server.listen_after_bind(); });
  return bound;
}

void PreviewSite::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->news_came.notify_all();
  impl_->server.stop();
  if (impl_->listener.joinable()) impl_->listener.join();
}

void PreviewSite::publish(BuildNews news) {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->news = std::move(news);
  }
  impl_->news_came.notify_all();
}

}  // namespace impactkit::serve
