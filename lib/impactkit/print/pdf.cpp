#include <impactkit/core/file_io.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/print/render.hpp>
#include <impactkit/version.hpp>

#include <cairo-pdf.h>
#include <cairo.h>
#include <impactkit/print/cairo_handles.hpp>
#include <impactkit/print/detail/qpdf_api.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <set>
#include <string_view>
#include <system_error>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace impactkit::print {
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t year_2000 = 946684800;  // 2000-01-01T00:00:00Z
constexpr double min_crop_mark_offset_mm = 3;

// ---- Dates ------------------------------------------------------------------

// The date a document says it was made: given, or SOURCE_DATE_EPOCH (the
// reproducible-builds convention), or a fixed date. Never the clock.
std::int64_t document_epoch(const std::optional<std::int64_t>& given, Diagnostics* warnings) {
  if (given) return *given;
  const char* env = std::getenv("SOURCE_DATE_EPOCH");  // NOLINT(concurrency-mt-unsafe): read-only use
  if (!env || !*env) return year_2000;
  const std::string_view text(env);
  std::int64_t epoch = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), epoch);
  if (ec == std::errc() && end == text.data() + text.size()) return epoch;
  std::string message = fmt::format("'{}' is not a number of seconds; using 2000-01-01", text);
  // Said once, however many files a run writes.
  const auto said = [&](const Diagnostic& d) { return d.pos.file == "SOURCE_DATE_EPOCH" && d.message == message; };
  if (warnings && std::none_of(warnings->all().begin(), warnings->all().end(), said)) {
    warnings->warning({"SOURCE_DATE_EPOCH", 0, 0}, std::move(message), "seconds since 1970-01-01 UTC, e.g. 1700000000",
                      "set SOURCE_DATE_EPOCH to a whole number, or unset it");
  }
  return year_2000;
}

// "D:20000101000000Z", PDF's date format, in UTC.
std::string pdf_date(std::int64_t epoch) {
  std::tm utc{};
  const auto seconds = static_cast<std::time_t>(epoch);
  if (!gmtime_r(&seconds, &utc)) return "D:20000101000000Z";
  char text[32];
  if (std::strftime(text, sizeof text, "D:%Y%m%d%H%M%SZ", &utc) == 0) return "D:20000101000000Z";
  return text;
}

// ---- Page geometry and crop marks --------------------------------------------

// A rectangle given from the media box's top-left (y down), as a PDF box.
PdfBox pdf_box(double media_height, double x, double y, double width, double height) {
  return {x, media_height - (y + height), x + width, media_height - y};
}

void draw_crop_marks(cairo_t* cr, const layout::Page& page, const PageGeometry& geometry, const PdfOptions& options) {
  const double left = geometry.margin_pt;
  const double top = geometry.margin_pt;
  const double right = left + page.trim_width_pt;
  const double bottom = top + page.trim_height_pt;
  const double start = geometry.crop_mark_offset_pt;
  const double end = start + geometry.crop_mark_length_pt;
  struct Corner {
    double x, y;
    double outwards_x, outwards_y;  // -1 or 1
  };
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);  // registration black, as far as RGB goes
  cairo_set_line_width(cr, options.crop_mark_width_pt);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  for (const Corner& c : {Corner{left, top, -1, -1}, Corner{right, top, 1, -1}, Corner{left, bottom, -1, 1},
                          Corner{right, bottom, 1, 1}}) {
    // Two marks per corner, in line with its trim edges, away from the bleed.
    cairo_move_to(cr, c.x + c.outwards_x * start, c.y);
    cairo_line_to(cr, c.x + c.outwards_x * end, c.y);
    cairo_move_to(cr, c.x, c.y + c.outwards_y * start);
    cairo_line_to(cr, c.x, c.y + c.outwards_y * end);
  }
  cairo_stroke(cr);
  cairo_restore(cr);
}

// ---- Cairo: drawing the pages ------------------------------------------------

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Flushes Cairo's PDF into its stream; a PrintError when Cairo failed.
void finish_surface(cairo_surface_t* surface) {
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw PrintError(std::string("writing PDF failed: ") + cairo_status_to_string(status));
  }
}

// The pages as Cairo writes them, with only a media box each.
std::string draw_pdf(const std::vector<layout::Page>& pages, const std::vector<PageGeometry>& geometries,
                     const PdfOptions& options, Diagnostics& warnings) {
  std::string bytes;  // outlives the surface, which writes into it until destroyed
  ImageCache images(ImageTarget::pdf);
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, geometries.front().media_width_pt,
                                                         geometries.front().media_height_pt));
  ContextPtr cr(cairo_create(surface.get()));
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const PageGeometry& geometry = geometries[i];
    cairo_pdf_surface_set_size(surface.get(), geometry.media_width_pt, geometry.media_height_pt);
    if (options.crop_marks) draw_crop_marks(cr.get(), pages[i], geometry, options);
    cairo_save(cr.get());
    cairo_translate(cr.get(), geometry.margin_pt, geometry.margin_pt);
    draw_page(cr.get(), pages[i], images, warnings);
    cairo_restore(cr.get());
    cairo_show_page(cr.get());
  }
  cr.reset();
  finish_surface(surface.get());
  return bytes;
}

// ---- qpdf: page boxes, language, metadata ----------------------------------
// Through qpdf's C API: its C++ headers do not compile with clang 14 in C++20
// mode (an incomplete type in qpdf/JSON.hh), which would keep clang-tidy off
// this file.

struct QpdfDeleter {
  void operator()(_qpdf_data* q) const { detail::qpdf_api().qpdf_cleanup(&q); }
};
using QpdfPtr = std::unique_ptr<_qpdf_data, QpdfDeleter>;

// qpdf's C API records errors instead of throwing; this turns them into ours.
void check(qpdf_data q, const char* step) {
  if (!detail::qpdf_api().qpdf_has_error(q)) return;
  const qpdf_error error = detail::qpdf_api().qpdf_get_error(q);
  throw PrintError(
      fmt::format("finishing the PDF failed ({}): {}", step, detail::qpdf_api().qpdf_get_error_full_text(q, error)));
}

// One parse instead of five object-handle calls: qpdf's C API keeps every
// handle it hands out, which made boxes a noticeable part of a deck's time.
qpdf_oh box_array(qpdf_data q, const PdfBox& box) {
  const std::string text = fmt::format("[{:.4f} {:.4f} {:.4f} {:.4f}]", box.left, box.bottom, box.right, box.top);
  return detail::qpdf_api().qpdf_oh_parse(q, text.c_str());
}

std::string producer() {
  return fmt::format("impactkit {} (cairo {}, qpdf {})", impactkit::version, cairo_version_string(),
                     detail::qpdf_api().qpdf_get_qpdf_version());
}

qpdf_oh info_dictionary(qpdf_data q, const layout::DocumentInfo& info, std::int64_t epoch) {
  const qpdf_oh dict = detail::qpdf_api().qpdf_oh_new_dictionary(q);
  const auto set = [&](const char* key, const std::string& value) {
    if (!value.empty())
      detail::qpdf_api().qpdf_oh_replace_key(q, dict, key,
                                             detail::qpdf_api().qpdf_oh_new_unicode_string(q, value.c_str()));
  };
  set("/Title", info.title);
  set("/Author", info.author);
  set("/Subject", info.subject);
  set("/Creator", "impactkit");
  set("/Producer", producer());
  set("/CreationDate", pdf_date(epoch));
  set("/ModDate", pdf_date(epoch));
  detail::qpdf_api().qpdf_oh_replace_key(q, dict, "/Trapped", detail::qpdf_api().qpdf_oh_new_name(q, "/False"));
  return dict;
}

// Whether a JPEG has an Adobe APP14 marker: Photoshop writes CMYK JPEGs
// with their inks inverted, and marks them so.
bool has_adobe_marker(std::string_view jpeg) {
  std::size_t at = 2;  // after SOI
  while (at + 4 <= jpeg.size() && static_cast<unsigned char>(jpeg[at]) == 0xFF) {
    const auto marker = static_cast<unsigned char>(jpeg[at + 1]);
    if (marker == 0xDA) return false;  // start of scan: no more headers
    const std::size_t length = (static_cast<std::size_t>(static_cast<unsigned char>(jpeg[at + 2])) << 8) |
                               static_cast<unsigned char>(jpeg[at + 3]);
    if (marker == 0xEE && jpeg.substr(at + 4, 5) == "Adobe") return true;
    at += 2 + length;
  }
  return false;
}

std::string name_of(qpdf_data q, qpdf_oh dict, const char* key) {
  const qpdf_oh value = detail::qpdf_api().qpdf_oh_get_key(q, dict, key);
  return detail::qpdf_api().qpdf_oh_is_name(q, value) ? detail::qpdf_api().qpdf_oh_get_name(q, value) : std::string();
}

std::string raw_stream(qpdf_data q, qpdf_oh stream) {
  unsigned char* data = nullptr;
  std::size_t size = 0;
  detail::qpdf_api().qpdf_oh_get_stream_data(q, stream, qpdf_dl_none, nullptr, &data, &size);
  // qpdf allocates the copy with malloc.
  const std::unique_ptr<unsigned char, void (*)(void*)> owned(data, std::free);  // NOLINT(cppcoreguidelines-no-malloc)
  return {reinterpret_cast<const char*>(data), size};
}

// Cairo 1.16 embeds an inverted CMYK JPEG without the /Decode array that
// tells a PDF reader so, and it would print as a negative. The JPEG's bytes
// stay as they are; its image dictionary gets the /Decode.
void mark_inverted_cmyk_jpegs(qpdf_data q, qpdf_oh resources, std::set<int>& seen) {
  if (!detail::qpdf_api().qpdf_oh_is_dictionary(q, resources) ||
      !detail::qpdf_api().qpdf_oh_has_key(q, resources, "/XObject"))
    return;
  const qpdf_oh xobjects = detail::qpdf_api().qpdf_oh_get_key(q, resources, "/XObject");
  std::vector<std::string> names;
  detail::qpdf_api().qpdf_oh_begin_dict_key_iter(q, xobjects);
  while (detail::qpdf_api().qpdf_oh_dict_more_keys(q)) names.emplace_back(detail::qpdf_api().qpdf_oh_dict_next_key(q));
  for (const auto& name : names) {
    const qpdf_oh xobject = detail::qpdf_api().qpdf_oh_get_key(q, xobjects, name.c_str());
    if (!detail::qpdf_api().qpdf_oh_is_stream(q, xobject) ||
        !seen.insert(detail::qpdf_api().qpdf_oh_get_object_id(q, xobject)).second)
      continue;
    const qpdf_oh dict = detail::qpdf_api().qpdf_oh_get_dict(q, xobject);
    const std::string subtype = name_of(q, dict, "/Subtype");
    if (subtype == "/Form")
      mark_inverted_cmyk_jpegs(q, detail::qpdf_api().qpdf_oh_get_key(q, dict, "/Resources"), seen);
    if (subtype != "/Image" || name_of(q, dict, "/Filter") != "/DCTDecode" ||
        name_of(q, dict, "/ColorSpace") != "/DeviceCMYK" || detail::qpdf_api().qpdf_oh_has_key(q, dict, "/Decode")) {
      continue;
    }
    if (!has_adobe_marker(raw_stream(q, xobject))) continue;
    const qpdf_oh decode = detail::qpdf_api().qpdf_oh_new_array(q);
    for (int i = 0; i < 4; ++i) {
      detail::qpdf_api().qpdf_oh_append_item(q, decode, detail::qpdf_api().qpdf_oh_new_integer(q, 1));
      detail::qpdf_api().qpdf_oh_append_item(q, decode, detail::qpdf_api().qpdf_oh_new_integer(q, 0));
    }
    detail::qpdf_api().qpdf_oh_replace_key(q, dict, "/Decode", decode);
  }
}

// Cairo cannot write trim and bleed boxes, a language or fixed dates: qpdf
// adds them, parsing Cairo's output once, in memory. The file's /ID is a
// digest of its content, so it is the same for the same pages.
std::string finish_pdf(const std::string& drawn, const std::vector<PageGeometry>& geometries,
                       const layout::DocumentInfo& info, std::int64_t epoch) {
  const QpdfPtr pdf(detail::qpdf_api().qpdf_init());
  qpdf_data q = pdf.get();
  detail::qpdf_api().qpdf_silence_errors(q);
  detail::qpdf_api().qpdf_set_suppress_warnings(q, QPDF_TRUE);
  detail::qpdf_api().qpdf_read_memory(q, "Cairo's PDF", drawn.data(), drawn.size(), nullptr);
  check(q, "reading Cairo's output");
  const int pages = detail::qpdf_api().qpdf_get_num_pages(q);
  check(q, "finding the pages");
  if (pages < 0 || static_cast<std::size_t>(pages) != geometries.size()) {
    throw PrintError(fmt::format("Cairo wrote {} pages instead of {}", pages, geometries.size()));
  }
  std::set<int> images;  // image objects already looked at
  const bool has_jpegs = drawn.find("/DCTDecode") != std::string::npos;
  for (std::size_t i = 0; i < geometries.size(); ++i) {
    const qpdf_oh page = detail::qpdf_api().qpdf_get_page_n(q, i);
    detail::qpdf_api().qpdf_oh_replace_key(q, page, "/MediaBox", box_array(q, geometries[i].media));
    detail::qpdf_api().qpdf_oh_replace_key(q, page, "/BleedBox", box_array(q, geometries[i].bleed));
    detail::qpdf_api().qpdf_oh_replace_key(q, page, "/TrimBox", box_array(q, geometries[i].trim));
    if (has_jpegs) mark_inverted_cmyk_jpegs(q, detail::qpdf_api().qpdf_oh_get_key(q, page, "/Resources"), images);
  }
  check(q, "setting the page boxes");
  if (!info.language.empty()) {
    detail::qpdf_api().qpdf_oh_replace_key(q, detail::qpdf_api().qpdf_get_root(q), "/Lang",
                                           detail::qpdf_api().qpdf_oh_new_unicode_string(q, info.language.c_str()));
  }
  const qpdf_oh trailer = detail::qpdf_api().qpdf_get_trailer(q);
  detail::qpdf_api().qpdf_oh_replace_key(
      q, trailer, "/Info", detail::qpdf_api().qpdf_make_indirect_object(q, info_dictionary(q, info, epoch)));
  detail::qpdf_api().qpdf_oh_remove_key(q, trailer, "/ID");  // qpdf would keep the first half of an old one
  check(q, "setting the metadata");
  detail::qpdf_api().qpdf_init_write_memory(q);
  detail::qpdf_api().qpdf_set_deterministic_ID(q, QPDF_TRUE);
  // Cairo's streams are already compressed: copying them as they are, not
  // decoding and compressing them again, is most of qpdf's time saved.
  detail::qpdf_api().qpdf_set_decode_level(q, qpdf_dl_none);
  detail::qpdf_api().qpdf_write(q);
  check(q, "writing");
  return {reinterpret_cast<const char*>(detail::qpdf_api().qpdf_get_buffer(q)),
          detail::qpdf_api().qpdf_get_buffer_length(q)};
}

// ---- Ghostscript ---------------------------------------------------------------

// A folder for one job, removed with its contents when done.
class WorkDir {
 public:
  explicit WorkDir(const fs::path& beside) {
    // Named as write_file_atomically names its temporaries, so that a build
    // killed while Ghostscript runs leaves a folder the next build removes.
    std::string pattern = (beside.parent_path() / (temporary_prefix(beside) + "XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) {
      throw fs::filesystem_error("cannot make a working folder", fs::path(pattern),
                                 std::error_code(errno, std::generic_category()));
    }
    path_ = pattern;
  }
  ~WorkDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A PostScript string literal.
std::string ps_string(const std::string& text) {
  std::string out = "(";
  for (const char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

// The pdfmarks that make pdfwrite's output PDF/X-3: its version in the
// document info and the output intent (what the colours are meant for).
std::string pdfx_definitions(const PdfxOptions& options) {
  std::string ps = "%!\n% PDF/X-3 definitions for Ghostscript's pdfwrite, written by impactkit.\n";
  ps += "[ /GTS_PDFXVersion (PDF/X-3:2002) /Trapped /False /DOCINFO pdfmark\n";
  if (options.icc_profile) {
    ps += "[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark\n";
    ps += "[{icc_PDFX} << /N 4 >> /PUT pdfmark\n";
    ps += "[{icc_PDFX} " + ps_string(options.icc_profile->string()) + " (r) file /PUT pdfmark\n";
  }
  ps += "[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark\n";
  ps += "[{OutputIntent_PDFX} <<\n  /Type /OutputIntent /S /GTS_PDFX\n";
  ps += "  /OutputCondition " + ps_string(options.output_condition) + "\n";
  ps += "  /OutputConditionIdentifier " + ps_string(options.output_condition_identifier) + "\n";
  ps += "  /RegistryName (http://www.color.org) /Info " + ps_string(options.output_condition) + "\n";
  if (options.icc_profile) ps += "  /DestOutputProfile {icc_PDFX}\n";
  ps += ">> /PUT pdfmark\n";
  ps += "[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark\n";
  return ps;
}

// This process's environment with SOURCE_DATE_EPOCH set, so that
// Ghostscript's dates are reproducible too.
std::vector<std::string> child_environment(std::int64_t epoch) {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    if (std::string_view(*e).starts_with("SOURCE_DATE_EPOCH=")) continue;
    env.emplace_back(*e);
  }
  env.push_back("SOURCE_DATE_EPOCH=" + std::to_string(epoch));
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Runs `program` with `args`, its output into `log`; returns its exit status
// (-1 when it could not be started or was killed).
int run(const fs::path& program, std::vector<std::string> args, std::vector<std::string> env, const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::unique_ptr<posix_spawn_file_actions_t, int (*)(posix_spawn_file_actions_t*)> cleanup(
      &actions, posix_spawn_file_actions_destroy);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  args.insert(args.begin(), program.string());
  auto argv = c_strings(args);
  auto envp = c_strings(env);
  pid_t pid = 0;
  if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data()) != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The last lines of Ghostscript's messages, for an error.
std::string tail(const fs::path& log, std::size_t max_chars = 2000) {
  std::string text = read_file(log).value_or("");
  if (text.size() > max_chars) text = "..." + text.substr(text.size() - max_chars);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

PageGeometry page_geometry(const layout::Page& page, const PdfOptions& options) {
  PageGeometry g;
  const double bleed = page.bleed_pt;
  if (options.crop_marks) {
    g.crop_mark_offset_pt = std::max(bleed, layout::mm_to_pt(min_crop_mark_offset_mm));
    g.crop_mark_length_pt = layout::mm_to_pt(options.crop_mark_length_mm);
    g.margin_pt = g.crop_mark_offset_pt + g.crop_mark_length_pt;
  } else {
    g.margin_pt = bleed;
  }
  g.media_width_pt = page.trim_width_pt + 2 * g.margin_pt;
  g.media_height_pt = page.trim_height_pt + 2 * g.margin_pt;
  const double h = g.media_height_pt;
  g.trim = pdf_box(h, g.margin_pt, g.margin_pt, page.trim_width_pt, page.trim_height_pt);
  g.bleed = pdf_box(h, g.margin_pt - bleed, g.margin_pt - bleed, page.trim_width_pt + 2 * bleed,
                    page.trim_height_pt + 2 * bleed);
  // Without marks the media box is the bleed box, to the last digit.
  g.media = options.crop_marks ? pdf_box(h, 0, 0, g.media_width_pt, h) : g.bleed;
  return g;
}

std::string render_pdf(const std::vector<layout::Page>& pages, const layout::DocumentInfo& info,
                       const PdfOptions& options, Diagnostics& warnings) {
  if (pages.empty()) throw PrintError("nothing to print: the document has no pages");
  std::vector<PageGeometry> geometries;
  geometries.reserve(pages.size());
  for (const auto& page : pages) {
    check_page(page);
    geometries.push_back(page_geometry(page, options));
  }
  const std::int64_t epoch = document_epoch(options.source_date_epoch, &warnings);
  return finish_pdf(draw_pdf(pages, geometries, options, warnings), geometries, info, epoch);
}

void write_pdf(const fs::path& path, const std::vector<layout::Page>& pages, const layout::DocumentInfo& info,
               const PdfOptions& options, Diagnostics& warnings) {
  write_file_atomically(path, render_pdf(pages, info, options, warnings));
}

namespace {

// Each face drawn once into a recording surface: Cairo's PDF backend writes
// a recording surface painted several times as one form XObject.
std::vector<SurfacePtr> record_faces(const std::vector<layout::Page>& faces, ImageCache& images,
                                     Diagnostics& warnings) {
  std::vector<SurfacePtr> recorded;
  recorded.reserve(faces.size());
  for (const auto& face : faces) {
    check_page(face);
    const cairo_rectangle_t extents{-face.bleed_pt, -face.bleed_pt, face.trim_width_pt + 2 * face.bleed_pt,
                                    face.trim_height_pt + 2 * face.bleed_pt};
    SurfacePtr surface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    ContextPtr cr(cairo_create(surface.get()));
    draw_page(cr.get(), face, images, warnings);
    recorded.push_back(std::move(surface));
  }
  return recorded;
}

void draw_sheet(cairo_t* cr, const Sheet& sheet, const std::vector<SurfacePtr>& faces) {
  for (const auto& p : sheet.placements) {
    if (p.face >= faces.size()) throw PrintError(fmt::format("sheet places face {} of {}", p.face, faces.size()));
    cairo_save(cr);
    cairo_rectangle(cr, p.clip_x_pt, p.clip_y_pt, p.clip_width_pt, p.clip_height_pt);
    cairo_clip(cr);
    cairo_set_source_surface(cr, faces[p.face].get(), p.x_pt, p.y_pt);
    cairo_paint(cr);
    cairo_restore(cr);
  }
  cairo_save(cr);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  for (const auto& line : sheet.lines) {
    cairo_set_source_rgb(cr, line.color.r, line.color.g, line.color.b);
    cairo_set_line_width(cr, line.width_pt);
    cairo_move_to(cr, line.x1_pt, line.y1_pt);
    cairo_line_to(cr, line.x2_pt, line.y2_pt);
    cairo_stroke(cr);
  }
  cairo_restore(cr);
}

PageGeometry sheet_geometry(const Sheet& sheet) {
  PageGeometry g;
  g.media_width_pt = sheet.width_pt;
  g.media_height_pt = sheet.height_pt;
  const double h = sheet.height_pt;
  g.media = pdf_box(h, 0, 0, sheet.width_pt, h);
  const auto box = [&](const std::optional<layout::RectItem>& r) {
    return r ? pdf_box(h, r->x_pt, r->y_pt, r->width_pt, r->height_pt) : g.media;
  };
  g.trim = box(sheet.trim);
  g.bleed = box(sheet.bleed);
  return g;
}

}  // namespace

std::string render_sheets(const std::vector<layout::Page>& faces, const std::vector<Sheet>& sheets,
                          const layout::DocumentInfo& info, const PdfOptions& options, Diagnostics& warnings) {
  if (sheets.empty()) throw PrintError("nothing to print: the document has no sheets");
  std::vector<PageGeometry> geometries;
  geometries.reserve(sheets.size());
  for (const auto& sheet : sheets) {
    if (!(sheet.width_pt > 0 && sheet.height_pt > 0)) throw PrintError("a sheet has no size");
    geometries.push_back(sheet_geometry(sheet));
  }
  std::string bytes;  // outlives the surface, which writes into it until destroyed
  {
    ImageCache images(ImageTarget::pdf);
    const auto recorded = record_faces(faces, images, warnings);
    SurfacePtr surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &bytes, sheets.front().width_pt, sheets.front().height_pt));
    ContextPtr cr(cairo_create(surface.get()));
    for (const auto& sheet : sheets) {
      cairo_pdf_surface_set_size(surface.get(), sheet.width_pt, sheet.height_pt);
      draw_sheet(cr.get(), sheet, recorded);
      cairo_show_page(cr.get());
    }
    cr.reset();
    finish_surface(surface.get());
  }
  const std::int64_t epoch = document_epoch(options.source_date_epoch, &warnings);
  return finish_pdf(bytes, geometries, info, epoch);
}

void write_sheets(const fs::path& path, const std::vector<layout::Page>& faces, const std::vector<Sheet>& sheets,
                  const layout::DocumentInfo& info, const PdfOptions& options, Diagnostics& warnings) {
  write_file_atomically(path, render_sheets(faces, sheets, info, options, warnings));
}

void load_pdf_finisher() {
  try {
    detail::qpdf_api();
  } catch (const PrintError&) {
    // The first PDF reports it, with its advice.
  }
}

std::optional<fs::path> find_ghostscript() {
  const char* path = std::getenv("PATH");  // NOLINT(concurrency-mt-unsafe): read-only use
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    if (dir.empty()) continue;  // the current folder: never a place to run programs from
    const fs::path candidate = fs::path(dir) / "gs";
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

void make_pdfx(const fs::path& in, const fs::path& out, const PdfxOptions& options) {
  const auto gs = find_ghostscript();
  if (!gs) {
    throw PrintError("PDF/X needs Ghostscript: install the Debian package ghostscript (apt-get install ghostscript)");
  }
  std::error_code ec;
  if (!fs::is_regular_file(in, ec)) throw PrintError("PDF/X: no such PDF: '" + in.string() + "'");
  if (options.icc_profile && !fs::is_regular_file(*options.icc_profile, ec)) {
    throw PrintError("PDF/X: no such ICC profile: '" + options.icc_profile->string() + "'");
  }
  const WorkDir work(fs::absolute(out));
  const fs::path definitions = work.path() / "PDFX_def.ps";
  const fs::path made = work.path() / "pdfx.pdf";
  const fs::path log = work.path() / "gs.log";
  write_file_atomically(definitions, pdfx_definitions(options));
  std::vector<std::string> args = {"-q",
                                   "-dBATCH",
                                   "-dNOPAUSE",
                                   "-dSAFER",
                                   "-sDEVICE=pdfwrite",
                                   "-dPDFX=true",
                                   "-sColorConversionStrategy=CMYK",
                                   "-sProcessColorModel=DeviceCMYK",
                                   "-sOutputFile=" + made.string()};
  if (options.icc_profile) args.push_back("--permit-file-read=" + fs::absolute(*options.icc_profile).string());
  args.push_back(definitions.string());
  args.push_back(in.string());
  const int status =
      run(*gs, std::move(args), child_environment(document_epoch(options.source_date_epoch, nullptr)), log);
  if (status != 0 || !fs::is_regular_file(made, ec)) {
    throw PrintError(fmt::format("PDF/X: Ghostscript ({}) failed on '{}' with exit status {}:\n{}", gs->string(),
                                 in.string(), status, tail(log)));
  }
  fs::rename(made, out);  // same folder, so atomic
}

}  // namespace impactkit::print
