#include <impactkit/print/inspect.hpp>

#include <impactkit/print/detail/qpdf_api.hpp>

#include <fmt/format.h>

#include <memory>
#include <set>

namespace impactkit::print {
namespace {

const detail::QpdfApi& api() {
  return detail::qpdf_api();
}

struct QpdfDeleter {
  void operator()(_qpdf_data* q) const { api().qpdf_cleanup(&q); }
};

std::optional<PdfBox> box(qpdf_data q, qpdf_oh page, const char* key) {
  if (!api().qpdf_oh_has_key(q, page, key)) return std::nullopt;
  const qpdf_oh array = api().qpdf_oh_get_key(q, page, key);
  if (!api().qpdf_oh_is_array(q, array) || api().qpdf_oh_get_array_n_items(q, array) != 4) return std::nullopt;
  const auto at = [&](int i) { return api().qpdf_oh_get_numeric_value(q, api().qpdf_oh_get_array_item(q, array, i)); };
  return PdfBox{at(0), at(1), at(2), at(3)};
}

std::string name_at(qpdf_data q, qpdf_oh dict, const char* key) {
  const qpdf_oh value = api().qpdf_oh_get_key(q, dict, key);
  return api().qpdf_oh_is_name(q, value) ? api().qpdf_oh_get_name(q, value) : std::string();
}

bool has_program(qpdf_data q, qpdf_oh font) {
  qpdf_oh described = font;
  if (name_at(q, font, "/Subtype") == "/Type0") {
    const qpdf_oh descendants = api().qpdf_oh_get_key(q, font, "/DescendantFonts");
    if (!api().qpdf_oh_is_array(q, descendants) || api().qpdf_oh_get_array_n_items(q, descendants) < 1) return false;
    described = api().qpdf_oh_get_array_item(q, descendants, 0);
  }
  if (name_at(q, described, "/Subtype") == "/Type3") return true;  // glyphs drawn in the file itself
  if (!api().qpdf_oh_has_key(q, described, "/FontDescriptor")) return false;
  const qpdf_oh descriptor = api().qpdf_oh_get_key(q, described, "/FontDescriptor");
  return api().qpdf_oh_has_key(q, descriptor, "/FontFile") || api().qpdf_oh_has_key(q, descriptor, "/FontFile2") ||
         api().qpdf_oh_has_key(q, descriptor, "/FontFile3");
}

// The keys of a dictionary.
std::vector<std::string> keys(qpdf_data q, qpdf_oh dict) {
  std::vector<std::string> out;
  if (!api().qpdf_oh_is_dictionary(q, dict)) return out;
  api().qpdf_oh_begin_dict_key_iter(q, dict);
  while (api().qpdf_oh_dict_more_keys(q)) out.emplace_back(api().qpdf_oh_dict_next_key(q));
  return out;
}

// Fonts of `resources` and of the forms it uses, each object once.
void collect_fonts(qpdf_data q, qpdf_oh resources, std::set<int>& seen, PdfFacts& facts) {
  if (!api().qpdf_oh_is_dictionary(q, resources)) return;
  const qpdf_oh fonts = api().qpdf_oh_get_key(q, resources, "/Font");
  for (const auto& key : keys(q, fonts)) {
    const qpdf_oh font = api().qpdf_oh_get_key(q, fonts, key.c_str());
    const int id = api().qpdf_oh_get_object_id(q, font);
    if (id != 0 && !seen.insert(id).second) continue;
    facts.fonts.push_back({name_at(q, font, "/BaseFont"), has_program(q, font)});
  }
  const qpdf_oh xobjects = api().qpdf_oh_get_key(q, resources, "/XObject");
  for (const auto& key : keys(q, xobjects)) {
    const qpdf_oh xobject = api().qpdf_oh_get_key(q, xobjects, key.c_str());
    const int id = api().qpdf_oh_get_object_id(q, xobject);
    if (!api().qpdf_oh_is_stream(q, xobject) || (id != 0 && !seen.insert(-id).second)) continue;
    const qpdf_oh dict = api().qpdf_oh_get_dict(q, xobject);
    if (name_at(q, dict, "/Subtype") == "/Form")
      collect_fonts(q, api().qpdf_oh_get_key(q, dict, "/Resources"), seen, facts);
  }
}

}  // namespace

PdfFacts inspect_pdf(const std::filesystem::path& pdf) {
  const std::unique_ptr<_qpdf_data, QpdfDeleter> owner(api().qpdf_init());
  qpdf_data q = owner.get();
  api().qpdf_silence_errors(q);
  api().qpdf_set_suppress_warnings(q, QPDF_TRUE);
  // Warnings (a damaged cross-reference table that qpdf rebuilt) still give a PDF to check.
  if ((api().qpdf_read(q, pdf.c_str(), nullptr) & QPDF_ERRORS) != 0) {
    // Taken from qpdf, so that it does not complain of an unhandled error.
    const std::string reason = api().qpdf_get_error_full_text(q, api().qpdf_get_error(q));
    throw PrintError(fmt::format("cannot read {} as a PDF: {}", pdf.string(), reason));
  }
  PdfFacts facts;
  const qpdf_oh info = api().qpdf_oh_get_key(q, api().qpdf_get_trailer(q), "/Info");
  const qpdf_oh version = api().qpdf_oh_get_key(q, info, "/GTS_PDFXVersion");
  if (api().qpdf_oh_is_string(q, version)) facts.pdfx_version = api().qpdf_oh_get_utf8_value(q, version);
  std::set<int> seen;
  const int n = api().qpdf_get_num_pages(q);
  for (int i = 0; i < n; ++i) {
    const qpdf_oh page = api().qpdf_get_page_n(q, static_cast<std::size_t>(i));
    facts.pages.push_back(
        {box(q, page, "/MediaBox").value_or(PdfBox{}), box(q, page, "/BleedBox"), box(q, page, "/TrimBox")});
    collect_fonts(q, api().qpdf_oh_get_key(q, page, "/Resources"), seen, facts);
  }
  return facts;
}

}  // namespace impactkit::print
