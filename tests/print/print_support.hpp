#pragma once
// Helpers of the print tests: pages to print, the fixtures, running
// Poppler's tools on what was written, and reading pixels back.

#include <impactkit/layout/page.hpp>
#include <impactkit/text/typesetter.hpp>

#include "support.hpp"

#include <cairo.h>
#include <qpdf/qpdf-c.h>
#include <sys/wait.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace impactkit::test {

inline text::FontLibrary& print_fonts() {
  static text::FontLibrary library;
  return library;
}

inline text::Typesetter& print_typesetter() {
  static text::Typesetter typesetter(print_fonts());
  return typesetter;
}

inline std::filesystem::path print_fixture(const std::string& name) {
  return source_dir() / "tests" / "print" / "fixtures" / name;
}

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr
};

// Runs a shell command line (the tests' own, with paths from TempDir).
inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) result.out.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string quote(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

// `pdfinfo -box` of one page: "MediaBox" -> {left, bottom, right, top}, and
// the other lines as text.
struct PdfInfo {
  std::map<std::string, std::string> fields;
  std::map<std::string, std::array<double, 4>> boxes;
  double page_width_pt = 0;
  double page_height_pt = 0;
};

inline PdfInfo pdfinfo(const std::filesystem::path& pdf, int page = 1) {
  const auto result = run_command("pdfinfo -isodates -box -f " + std::to_string(page) + " -l " + std::to_string(page) +
                                  " " + quote(pdf));
  PdfInfo info;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string key = line.substr(0, colon);
    std::string value = line.substr(line.find_first_not_of(' ', colon + 1) == std::string::npos
                                        ? line.size()
                                        : line.find_first_not_of(' ', colon + 1));
    // "Page    1 MediaBox" -> "MediaBox", "Page    1 size" -> "Page size".
    if (key.starts_with("Page ") && key.find_first_of("0123456789") != std::string::npos) {
      const std::string rest = key.substr(key.find_last_of(' ') + 1);
      key = rest == "size" ? "Page size" : rest == "rot" ? "Page rot" : rest;
    }
    if (key.ends_with("Box")) {
      std::array<double, 4> box{};
      std::istringstream(value) >> box[0] >> box[1] >> box[2] >> box[3];
      info.boxes[key] = box;
    } else if (key == "Page size") {
      std::string times;
      std::istringstream(value) >> info.page_width_pt >> times >> info.page_height_pt;
    }
    info.fields[key] = value;
  }
  return info;
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

// A PNG file's pixels, as a Cairo image surface.
inline Surface read_png(const std::filesystem::path& png) {
  return Surface(cairo_image_surface_create_from_png(png.c_str()));
}

struct Pixel {
  int r = 0, g = 0, b = 0;
};

inline Pixel pixel(cairo_surface_t* surface, int x, int y) {
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  std::uint32_t word = 0;
  std::memcpy(&word, data + static_cast<std::ptrdiff_t>(y) * stride + static_cast<std::ptrdiff_t>(x) * 4, 4);
  return {static_cast<int>((word >> 16) & 0xFF), static_cast<int>((word >> 8) & 0xFF), static_cast<int>(word & 0xFF)};
}

inline bool near(const Pixel& p, int r, int g, int b, int tolerance = 12) {
  return std::abs(p.r - r) <= tolerance && std::abs(p.g - g) <= tolerance && std::abs(p.b - b) <= tolerance;
}

inline std::ostream& operator<<(std::ostream& os, const Pixel& p) {
  return os << "rgb(" << p.r << ", " << p.g << ", " << p.b << ")";
}

// A PDF opened with qpdf (its C API: the C++ headers do not compile with
// clang 14 in C++20 mode), for looking at its objects.
class PdfObjects {
 public:
  explicit PdfObjects(const std::filesystem::path& file) : pdf_(qpdf_init()) {
    qpdf_silence_errors(q());
    qpdf_read(q(), file.c_str(), nullptr);
    check();
  }
  explicit PdfObjects(const std::string& bytes) : pdf_(qpdf_init()), bytes_(bytes) {
    qpdf_silence_errors(q());
    qpdf_read_memory(q(), "memory", bytes_.data(), bytes_.size(), nullptr);
    check();
  }

  qpdf_data q() const { return pdf_.get(); }
  qpdf_oh root() const { return qpdf_get_root(q()); }
  // A dictionary's entry, or a stream's dictionary's.
  qpdf_oh key(qpdf_oh dict, const char* name) const { return qpdf_oh_get_key(q(), dictionary(dict), name); }
  bool has_key(qpdf_oh dict, const char* name) const { return qpdf_oh_has_key(q(), dictionary(dict), name) != 0; }
  std::string name(qpdf_oh oh) const { return qpdf_oh_is_name(q(), oh) ? qpdf_oh_get_name(q(), oh) : ""; }
  std::string utf8(qpdf_oh oh) const { return qpdf_oh_get_utf8_value(q(), oh); }
  long long integer(qpdf_oh oh) const { return qpdf_oh_get_int_value(q(), oh); }

  // A stream's bytes as stored in the file, still encoded.
  std::string raw_stream(qpdf_oh stream) const {
    unsigned char* data = nullptr;
    std::size_t size = 0;
    qpdf_oh_get_stream_data(q(), stream, qpdf_dl_none, nullptr, &data, &size);
    const std::unique_ptr<unsigned char, void (*)(void*)> owned(data, std::free);  // qpdf allocates with malloc
    return {reinterpret_cast<const char*>(data), size};
  }

  // Every image XObject of the document, also inside form XObjects (Cairo
  // draws some content in groups), each once.
  std::vector<qpdf_oh> images() const {
    std::vector<qpdf_oh> found;
    std::set<int> seen;
    const int pages = qpdf_get_num_pages(q());
    for (int i = 0; i < pages; ++i)
      collect(key(qpdf_get_page_n(q(), static_cast<std::size_t>(i)), "/Resources"), found, seen);
    return found;
  }

 private:
  struct Deleter {
    void operator()(_qpdf_data* d) const { qpdf_cleanup(&d); }
  };

  qpdf_oh dictionary(qpdf_oh oh) const { return qpdf_oh_is_stream(q(), oh) ? qpdf_oh_get_dict(q(), oh) : oh; }

  void check() const {
    if (qpdf_has_error(q())) throw std::runtime_error(qpdf_get_error_full_text(q(), qpdf_get_error(q())));
  }

  std::vector<std::string> keys(qpdf_oh dict) const {
    std::vector<std::string> result;
    qpdf_oh_begin_dict_key_iter(q(), dict);
    while (qpdf_oh_dict_more_keys(q())) result.emplace_back(qpdf_oh_dict_next_key(q()));
    return result;
  }

  void collect(qpdf_oh resources, std::vector<qpdf_oh>& found, std::set<int>& seen) const {
    if (!qpdf_oh_is_dictionary(q(), resources) || !has_key(resources, "/XObject")) return;
    const qpdf_oh xobjects = key(resources, "/XObject");
    for (const auto& k : keys(xobjects)) {
      const qpdf_oh xobject = key(xobjects, k.c_str());
      if (!qpdf_oh_is_stream(q(), xobject) || !seen.insert(qpdf_oh_get_object_id(q(), xobject)).second) continue;
      const std::string subtype = name(key(xobject, "/Subtype"));
      if (subtype == "/Image") found.push_back(xobject);
      if (subtype == "/Form") collect(key(xobject, "/Resources"), found, seen);
    }
  }

  std::unique_ptr<_qpdf_data, Deleter> pdf_;
  std::string bytes_;  // qpdf reads from it while open
};

}  // namespace impactkit::test
