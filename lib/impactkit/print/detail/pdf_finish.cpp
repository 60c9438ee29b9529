#include <impactkit/print/detail/document_date.hpp>
#include <impactkit/print/detail/pdf_finish.hpp>
#include <impactkit/print/detail/qpdf_api.hpp>
#include <impactkit/version.hpp>

#include <cairo.h>
#include <fmt/format.h>

#include <memory>
#include <set>
#include <string_view>

namespace impactkit::print {
namespace detail {
namespace {

// ---- qpdf: page boxes, language, metadata ----------------------------------
// Through qpdf's C API: its C++ headers do not compile with clang 14 in C++20
// mode (an incomplete type in qpdf/JSON.hh), which would keep clang-tidy off
// this file.

struct QpdfDeleter {
  void operator()(_qpdf_data* q) const { qpdf_api().qpdf_cleanup(&q); }
};
using QpdfPtr = std::unique_ptr<_qpdf_data, QpdfDeleter>;

// qpdf's C API records errors instead of throwing; this turns them into ours.
void check(qpdf_data q, const char* step) {
  if (!qpdf_api().qpdf_has_error(q)) return;
  const qpdf_error error = qpdf_api().qpdf_get_error(q);
  throw PrintError(
      fmt::format("finishing the PDF failed ({}): {}", step, qpdf_api().qpdf_get_error_full_text(q, error)));
}

// One parse instead of five object-handle calls: qpdf's C API keeps every
// handle it hands out, which made boxes a noticeable part of a deck's time.
qpdf_oh box_array(qpdf_data q, const PdfBox& box) {
  const std::string text = fmt::format("[{:.4f} {:.4f} {:.4f} {:.4f}]", box.left, box.bottom, box.right, box.top);
  return qpdf_api().qpdf_oh_parse(q, text.c_str());
}

std::string producer() {
  return fmt::format("impactkit {} (cairo {}, qpdf {})", impactkit::version, cairo_version_string(),
                     qpdf_api().qpdf_get_qpdf_version());
}

qpdf_oh info_dictionary(qpdf_data q, const layout::DocumentInfo& info, std::int64_t epoch) {
  const qpdf_oh dict = qpdf_api().qpdf_oh_new_dictionary(q);
  const auto set = [&](const char* key, const std::string& value) {
    if (!value.empty())
      qpdf_api().qpdf_oh_replace_key(q, dict, key, qpdf_api().qpdf_oh_new_unicode_string(q, value.c_str()));
  };
  set("/Title", info.title);
  set("/Author", info.author);
  set("/Subject", info.subject);
  set("/Creator", "impactkit");
  set("/Producer", producer());
  set("/CreationDate", pdf_date(epoch));
  set("/ModDate", pdf_date(epoch));
  qpdf_api().qpdf_oh_replace_key(q, dict, "/Trapped", qpdf_api().qpdf_oh_new_name(q, "/False"));
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
  const qpdf_oh value = qpdf_api().qpdf_oh_get_key(q, dict, key);
  return qpdf_api().qpdf_oh_is_name(q, value) ? qpdf_api().qpdf_oh_get_name(q, value) : std::string();
}

std::string raw_stream(qpdf_data q, qpdf_oh stream) {
  unsigned char* data = nullptr;
  std::size_t size = 0;
  qpdf_api().qpdf_oh_get_stream_data(q, stream, qpdf_dl_none, nullptr, &data, &size);
  // qpdf allocates the copy with malloc.
  const std::unique_ptr<unsigned char, void (*)(void*)> owned(data, std::free);  // NOLINT(cppcoreguidelines-no-malloc)
  return {reinterpret_cast<const char*>(data), size};
}

// Cairo 1.16 embeds an inverted CMYK JPEG without the /Decode array that
// tells a PDF reader so, and it would print as a negative. The JPEG's bytes
// stay as they are; its image dictionary gets the /Decode.
void mark_inverted_cmyk_jpegs(qpdf_data q, qpdf_oh resources, std::set<int>& seen) {
  if (!qpdf_api().qpdf_oh_is_dictionary(q, resources) || !qpdf_api().qpdf_oh_has_key(q, resources, "/XObject")) return;
  const qpdf_oh xobjects = qpdf_api().qpdf_oh_get_key(q, resources, "/XObject");
  std::vector<std::string> names;
  qpdf_api().qpdf_oh_begin_dict_key_iter(q, xobjects);
  while (qpdf_api().qpdf_oh_dict_more_keys(q)) names.emplace_back(qpdf_api().qpdf_oh_dict_next_key(q));
  for (const auto& name : names) {
    const qpdf_oh xobject = qpdf_api().qpdf_oh_get_key(q, xobjects, name.c_str());
    if (!qpdf_api().qpdf_oh_is_stream(q, xobject) || !seen.insert(qpdf_api().qpdf_oh_get_object_id(q, xobject)).second)
      continue;
    const qpdf_oh dict = qpdf_api().qpdf_oh_get_dict(q, xobject);
    const std::string subtype = name_of(q, dict, "/Subtype");
    if (subtype == "/Form") mark_inverted_cmyk_jpegs(q, qpdf_api().qpdf_oh_get_key(q, dict, "/Resources"), seen);
    if (subtype != "/Image" || name_of(q, dict, "/Filter") != "/DCTDecode" ||
        name_of(q, dict, "/ColorSpace") != "/DeviceCMYK" || qpdf_api().qpdf_oh_has_key(q, dict, "/Decode")) {
      continue;
    }
    if (!has_adobe_marker(raw_stream(q, xobject))) continue;
    const qpdf_oh decode = qpdf_api().qpdf_oh_new_array(q);
    for (int i = 0; i < 4; ++i) {
      qpdf_api().qpdf_oh_append_item(q, decode, qpdf_api().qpdf_oh_new_integer(q, 1));
      qpdf_api().qpdf_oh_append_item(q, decode, qpdf_api().qpdf_oh_new_integer(q, 0));
    }
    qpdf_api().qpdf_oh_replace_key(q, dict, "/Decode", decode);
  }
}

}  // namespace

// Parsing Cairo's output once, in memory.
std::string finish_pdf(const std::string& drawn, const std::vector<PageGeometry>& geometries,
                       const layout::DocumentInfo& info, std::int64_t epoch) {
  const QpdfPtr pdf(qpdf_api().qpdf_init());
  qpdf_data q = pdf.get();
  qpdf_api().qpdf_silence_errors(q);
  qpdf_api().qpdf_set_suppress_warnings(q, QPDF_TRUE);
  qpdf_api().qpdf_read_memory(q, "Cairo's PDF", drawn.data(), drawn.size(), nullptr);
  check(q, "reading Cairo's output");
  const int pages = qpdf_api().qpdf_get_num_pages(q);
  check(q, "finding the pages");
  if (pages < 0 || static_cast<std::size_t>(pages) != geometries.size()) {
    throw PrintError(fmt::format("Cairo wrote {} pages instead of {}", pages, geometries.size()));
  }
  std::set<int> images;  // image objects already looked at
  const bool has_jpegs = drawn.find("/DCTDecode") != std::string::npos;
  for (std::size_t i = 0; i < geometries.size(); ++i) {
    const qpdf_oh page = qpdf_api().qpdf_get_page_n(q, i);
    qpdf_api().qpdf_oh_replace_key(q, page, "/MediaBox", box_array(q, geometries[i].media));
    qpdf_api().qpdf_oh_replace_key(q, page, "/BleedBox", box_array(q, geometries[i].bleed));
    qpdf_api().qpdf_oh_replace_key(q, page, "/TrimBox", box_array(q, geometries[i].trim));
    if (has_jpegs) mark_inverted_cmyk_jpegs(q, qpdf_api().qpdf_oh_get_key(q, page, "/Resources"), images);
  }
  check(q, "setting the page boxes");
  if (!info.language.empty()) {
    qpdf_api().qpdf_oh_replace_key(q, qpdf_api().qpdf_get_root(q), "/Lang",
                                   qpdf_api().qpdf_oh_new_unicode_string(q, info.language.c_str()));
  }
  const qpdf_oh trailer = qpdf_api().qpdf_get_trailer(q);
  qpdf_api().qpdf_oh_replace_key(q, trailer, "/Info",
                                 qpdf_api().qpdf_make_indirect_object(q, info_dictionary(q, info, epoch)));
  qpdf_api().qpdf_oh_remove_key(q, trailer, "/ID");  // qpdf would keep the first half of an old one
  check(q, "setting the metadata");
  qpdf_api().qpdf_init_write_memory(q);
  qpdf_api().qpdf_set_deterministic_ID(q, QPDF_TRUE);
  // Cairo's streams are already compressed: copying them as they are, not
  // decoding and compressing them again, is most of qpdf's time saved.
  qpdf_api().qpdf_set_decode_level(q, qpdf_dl_none);
  qpdf_api().qpdf_write(q);
  check(q, "writing");
  return {reinterpret_cast<const char*>(qpdf_api().qpdf_get_buffer(q)), qpdf_api().qpdf_get_buffer_length(q)};
}

}  // namespace detail

void load_pdf_finisher() {
  try {
    detail::qpdf_api();
  } catch (const PrintError&) {
    // The first PDF reports it, with its advice.
  }
}

}  // namespace impactkit::print
