#include <impactkit/print/detail/qpdf_document.hpp>

#include <fmt/format.h>

#include <cstdlib>

namespace impactkit::print::detail {

namespace {

// qpdf hands out copies made with malloc.
std::string take(unsigned char* data, std::size_t size) {
  const std::unique_ptr<unsigned char, void (*)(void*)> owned(data, std::free);  // NOLINT(cppcoreguidelines-no-malloc)
  return data ? std::string(reinterpret_cast<const char*>(data), size) : std::string();
}

}  // namespace

QpdfDocument::QpdfDocument(const std::filesystem::path& pdf) : q_(qpdf_api().qpdf_init()) {
  api().qpdf_silence_errors(get());
  api().qpdf_set_suppress_warnings(get(), QPDF_TRUE);
  // Warnings (a damaged cross-reference table that qpdf rebuilt) still give a PDF.
  if ((api().qpdf_read(get(), pdf.c_str(), nullptr) & QPDF_ERRORS) != 0) {
    throw PrintError(fmt::format("cannot read {} as a PDF: {}", pdf.string(),
                                 api().qpdf_get_error_full_text(get(), api().qpdf_get_error(get()))));
  }
}

void QpdfDocument::check(const char* step) const {
  if (!api().qpdf_has_error(get())) return;
  throw PrintError(fmt::format("{}: {}", step, api().qpdf_get_error_full_text(get(), api().qpdf_get_error(get()))));
}

std::string QpdfDocument::name_at(qpdf_oh dict, const char* name) const {
  return is_dict(dict) ? name_of(key(dict, name)) : std::string();
}

std::string QpdfDocument::name_of(qpdf_oh object) const {
  return api().qpdf_oh_is_name(get(), object) ? api().qpdf_oh_get_name(get(), object) : std::string();
}

std::vector<std::string> QpdfDocument::keys(qpdf_oh dict) const {
  std::vector<std::string> out;
  if (!is_dict(dict)) return out;
  api().qpdf_oh_begin_dict_key_iter(get(), dict);
  while (api().qpdf_oh_dict_more_keys(get())) out.emplace_back(api().qpdf_oh_dict_next_key(get()));
  return out;
}

int QpdfDocument::integer_at(qpdf_oh dict, const char* name, int otherwise) const {
  const qpdf_oh value = key(dict, name);
  return api().qpdf_oh_is_integer(get(), value) ? api().qpdf_oh_get_int_value_as_int(get(), value) : otherwise;
}

std::vector<double> QpdfDocument::numbers(qpdf_oh array) const {
  const int n = size(array);
  std::vector<double> out(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out[static_cast<std::size_t>(i)] = number(at(array, i));
  return out;
}

std::string QpdfDocument::decoded(qpdf_oh stream) const {
  unsigned char* data = nullptr;
  std::size_t size = 0;
  QPDF_BOOL filtered = QPDF_FALSE;
  api().qpdf_oh_get_stream_data(get(), stream, qpdf_dl_all, &filtered, &data, &size);
  std::string bytes = take(data, size);
  check("reading a stream");
  if (!filtered) throw PrintError(fmt::format("a stream (object {}) has a filter qpdf cannot decode", id(stream)));
  return bytes;
}

std::string QpdfDocument::page_content(qpdf_oh page) const {
  unsigned char* data = nullptr;
  std::size_t size = 0;
  api().qpdf_oh_get_page_content_data(get(), page, &data, &size);
  std::string bytes = take(data, size);
  check("reading a page's content");
  return bytes;
}

void QpdfDocument::replace_data(qpdf_oh stream, const std::string& data) const {
  const qpdf_oh none = api().qpdf_oh_new_null(get());
  api().qpdf_oh_replace_stream_data(get(), stream, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                                    none, none);
}

qpdf_oh QpdfDocument::new_stream(const std::string& data) const {
  const qpdf_oh stream = api().qpdf_oh_new_stream(get());
  replace_data(stream, data);
  return stream;
}

qpdf_oh QpdfDocument::numbers_array(const std::vector<double>& values) const {
  const qpdf_oh array = api().qpdf_oh_new_array(get());
  for (const double v : values)
    api().qpdf_oh_append_item(get(), array, api().qpdf_oh_new_real_from_double(get(), v, 4));
  return array;
}

void walk_resources(const QpdfDocument& pdf, qpdf_oh resources, std::set<int>& seen, const ResourceHooks& hooks) {
  if (!pdf.is_dict(resources)) return;
  // Each value of a resource dictionary, each object once.
  const auto each = [&](const char* kind, const std::function<void(qpdf_oh)>& visit) {
    const qpdf_oh dict = pdf.key(resources, kind);
    for (const auto& n : pdf.keys(dict)) {
      const qpdf_oh value = pdf.key(dict, n.c_str());
      const int id = pdf.id(value);
      if (id != 0 && !seen.insert(id).second) continue;
      visit(value);
    }
  };
  each("/XObject", [&](qpdf_oh x) {
    const std::string subtype = pdf.name_at(pdf.dict_of(x), "/Subtype");
    if (subtype == "/Form") hooks.form(x);
    if (subtype == "/Image") hooks.image(x);
  });
  each("/Pattern", [&](qpdf_oh p) {
    const int type = pdf.integer_at(pdf.dict_of(p), "/PatternType", 0);
    if (type == 1) hooks.form(p);
    if (type == 2) hooks.shading(pdf.key(pdf.dict_of(p), "/Shading"));
  });
  each("/Shading", [&](qpdf_oh s) { hooks.shading(s); });
  each("/ExtGState", [&](qpdf_oh gs) {
    const qpdf_oh mask = pdf.key(gs, "/SMask");
    if (pdf.is_dict(mask) && pdf.is_stream(pdf.key(mask, "/G"))) hooks.form(pdf.key(mask, "/G"));
  });
}

std::string QpdfDocument::write(const char* minimum_version) const {
  api().qpdf_init_write_memory(get());
  api().qpdf_set_deterministic_ID(get(), QPDF_TRUE);
  api().qpdf_set_decode_level(get(), qpdf_dl_none);
  api().qpdf_set_compress_streams(get(), QPDF_TRUE);
  api().qpdf_set_minimum_pdf_version(get(), minimum_version);
  api().qpdf_write(get());
  check("writing the PDF");
  return {reinterpret_cast<const char*>(api().qpdf_get_buffer(get())), api().qpdf_get_buffer_length(get())};
}

}  // namespace impactkit::print::detail
