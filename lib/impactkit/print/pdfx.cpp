// PDF/X-4 for print shops (declared in print/pdf.hpp). The colours are
// converted in the PDF itself (detail/pdfx_colours.hpp), not by a
// round trip through Ghostscript: a theme colour's print value then
// reaches the file exactly, the text colour stays K only, and the total
// ink is limited for every profile (Ghostscript's pdfwrite rounds CMYK to
// bytes and has no ink limit).

#include <impactkit/core/digest.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/print/detail/document_date.hpp>
#include <impactkit/print/detail/pdfx_colours.hpp>
#include <impactkit/print/detail/qpdf_document.hpp>
#include <impactkit/print/pdf.hpp>
#include <impactkit/version.hpp>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>

namespace impactkit::print {
namespace fs = std::filesystem;

namespace {

constexpr const char* pdfx_version = "PDF/X-4";

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// "2000-01-01T00:00:00Z", XMP's date format.
std::string xmp_date(std::int64_t epoch) {
  const std::chrono::sys_seconds at{std::chrono::seconds(epoch)};
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", at);
}

// A UUID made from a digest, so that the same input gives the same file.
std::string uuid(std::uint64_t a, std::uint64_t b) {
  return fmt::format("uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF, a & 0xFFFF, b >> 48,
                     b & 0xFFFFFFFFFFFFULL);
}

// The XMP packet PDF/X-4 asks for (ISO 15930-7, 6.7): its version, title,
// dates, trapping and the xmpMM document identifiers.
std::string xmp_metadata(const std::string& title, std::int64_t epoch, std::uint64_t digest) {
  const std::string date = xmp_date(epoch);
  return fmt::format(
      R"(<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>{}</xmp:CreateDate>
   <xmp:ModifyDate>{}</xmp:ModifyDate>
   <xmp:MetadataDate>{}</xmp:MetadataDate>
   <xmp:CreatorTool>impactkit</xmp:CreatorTool>
   <pdf:Producer>impactkit {}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>{}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>{}</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>)",
      xml_escaped(title), date, date, date, impactkit::version, uuid(digest, ~digest), uuid(~digest, digest),
      pdfx_version);
}

// The output intent: what the colours are meant for, with its profile.
qpdf_oh output_intent(const detail::QpdfDocument& pdf, const PressColours& press) {
  const auto& api = pdf.api();
  const qpdf_data q = pdf.get();
  const qpdf_oh profile = pdf.new_stream(press.profile_bytes());
  pdf.set(api.qpdf_oh_get_dict(q, profile), "/N", api.qpdf_oh_new_integer(q, 4));
  const qpdf_oh intent = api.qpdf_oh_new_dictionary(q);
  pdf.set(intent, "/Type", pdf.name("/OutputIntent"));
  pdf.set(intent, "/S", pdf.name("/GTS_PDFX"));
  pdf.set(intent, "/OutputConditionIdentifier", api.qpdf_oh_new_unicode_string(q, press.identifier().c_str()));
  pdf.set(intent, "/OutputCondition", api.qpdf_oh_new_unicode_string(q, press.description().c_str()));
  pdf.set(intent, "/Info", api.qpdf_oh_new_unicode_string(q, press.description().c_str()));
  pdf.set(intent, "/RegistryName", api.qpdf_oh_new_unicode_string(q, "http://www.color.org"));
  pdf.set(intent, "/DestOutputProfile", profile);
  const qpdf_oh intents = api.qpdf_oh_new_array(q);
  api.qpdf_oh_append_item(q, intents, api.qpdf_make_indirect_object(q, intent));
  return intents;
}

// The keys that make the file PDF/X-4: document information, XMP and the
// output intent.
void mark_pdfx(const detail::QpdfDocument& pdf, const PressColours& press, const fs::path& out, std::int64_t epoch,
               std::uint64_t digest) {
  const auto& api = pdf.api();
  const qpdf_data q = pdf.get();
  const qpdf_oh trailer = api.qpdf_get_trailer(q);
  qpdf_oh info = pdf.key(trailer, "/Info");
  if (!pdf.is_dict(info)) {
    info = api.qpdf_make_indirect_object(q, api.qpdf_oh_new_dictionary(q));
    pdf.set(trailer, "/Info", info);
  }
  const qpdf_oh title_object = pdf.key(info, "/Title");
  std::string title = api.qpdf_oh_is_string(q, title_object) ? api.qpdf_oh_get_utf8_value(q, title_object) : "";
  if (title.empty()) {
    title = out.stem().string();
    pdf.set(info, "/Title", api.qpdf_oh_new_unicode_string(q, title.c_str()));
  }
  const std::string date = detail::pdf_date(epoch);
  pdf.set(info, "/GTS_PDFXVersion", api.qpdf_oh_new_unicode_string(q, pdfx_version));
  pdf.set(info, "/Trapped", pdf.name("/False"));
  pdf.set(info, "/CreationDate", api.qpdf_oh_new_unicode_string(q, date.c_str()));
  pdf.set(info, "/ModDate", api.qpdf_oh_new_unicode_string(q, date.c_str()));
  const qpdf_oh root = api.qpdf_get_root(q);
  const qpdf_oh metadata = pdf.new_stream(xmp_metadata(title, epoch, digest));
  pdf.set(api.qpdf_oh_get_dict(q, metadata), "/Type", pdf.name("/Metadata"));
  pdf.set(api.qpdf_oh_get_dict(q, metadata), "/Subtype", pdf.name("/XML"));
  pdf.set(root, "/Metadata", metadata);
  pdf.set(root, "/OutputIntents", output_intent(pdf, press));
  api.qpdf_oh_remove_key(q, trailer, "/ID");  // a new file, with an ID of its own
  pdf.check("PDF/X: setting the document keys");
}

}  // namespace

void make_pdfx(const fs::path& in, const fs::path& out, const PdfxOptions& options) {
  std::error_code ec;
  if (!fs::is_regular_file(in, ec)) throw PrintError("PDF/X: no such PDF: '" + in.string() + "'");
  const PressColours press(options.condition);
  const detail::QpdfDocument pdf(in);
  detail::convert_to_cmyk(pdf, press);
  const std::uint64_t digest = Digest().add(read_file(in).value_or("")).add(press.profile_bytes()).value();
  mark_pdfx(pdf, press, out, detail::document_epoch(options.source_date_epoch, nullptr), digest);
  write_file_atomically(out, pdf.write("1.6"));
}

}  // namespace impactkit::print
