// Reading a PDF/X file back for preflight (declared in print/inspect.hpp).

#include <impactkit/print/detail/content_stream.hpp>
#include <impactkit/print/detail/qpdf_document.hpp>
#include <impactkit/print/inspect.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace impactkit::print {
namespace {

using detail::ContentOperator;
using detail::QpdfDocument;

// Rich black: this much K with C, M and Y under it (a dark colour with
// one or two of them, such as a deep teal, is a colour of its own).
constexpr double rich_black_k = 0.5;

std::string percent(double v) {
  return fmt::format("{:.0f}", v * 100);
}

class Reading {
 public:
  Reading(const QpdfDocument& pdf, PdfxFacts& facts) : pdf_(pdf), facts_(facts) {}

  void page(qpdf_oh page, int number) {
    where_ = fmt::format("page {}", number);
    const qpdf_oh resources = pdf_.key(page, "/Resources");
    read_resources(resources);
    content(pdf_.page_content(page), colour_spaces(resources));
    group(page);
  }

 private:
  enum class Space { gray, rgb, cmyk, other };

  Space space(qpdf_oh cs) const {
    const std::string n = pdf_.name_of(cs);
    if (n == "/DeviceRGB" || n == "/RGB") return Space::rgb;
    if (n == "/DeviceCMYK" || n == "/CMYK") return Space::cmyk;
    if (n == "/DeviceGray" || n == "/G") return Space::gray;
    if (!pdf_.is_array(cs) || pdf_.size(cs) < 1) return Space::other;
    const std::string family = pdf_.name_of(pdf_.at(cs, 0));
    if (family == "/CalRGB") return Space::rgb;
    if (family == "/ICCBased" && pdf_.size(cs) > 1) {
      const int n_components = pdf_.integer_at(pdf_.dict_of(pdf_.at(cs, 1)), "/N", 0);
      return n_components == 3 ? Space::rgb : n_components == 4 ? Space::cmyk : Space::other;
    }
    if ((family == "/Indexed" || family == "/I" || family == "/Pattern") && pdf_.size(cs) >= 2) {
      return space(pdf_.at(cs, 1)) == Space::rgb ? Space::rgb : Space::other;
    }
    if ((family == "/Separation" || family == "/DeviceN") && pdf_.size(cs) >= 3) {
      return space(pdf_.at(cs, 2)) == Space::rgb ? Space::rgb : Space::other;
    }
    return Space::other;
  }

  void rgb(const std::string& what) {
    if (facts_.rgb.size() < 20 && std::find(facts_.rgb.begin(), facts_.rgb.end(), what) == facts_.rgb.end()) {
      facts_.rgb.push_back(what);
    }
  }

  void ink(double total, const std::string& at) {
    if (total > facts_.max_ink) {
      facts_.max_ink = total;
      facts_.max_ink_at = at;
    }
  }

  // The named colour spaces of `resources`, by their names without '/'.
  std::map<std::string, Space> colour_spaces(qpdf_oh resources) const {
    std::map<std::string, Space> out;
    const qpdf_oh spaces = pdf_.key(resources, "/ColorSpace");
    for (const auto& n : pdf_.keys(spaces)) out[n.substr(1)] = space(pdf_.key(spaces, n.c_str()));
    return out;
  }

  void read_resources(qpdf_oh res) {
    if (!pdf_.is_dict(res)) return;
    for (const auto& [name, s] : colour_spaces(res)) {
      if (s == Space::rgb) rgb(fmt::format("{}: colour space /{}", where_, name));
    }
    walk_resources(
        pdf_, res, seen_,
        {[this](qpdf_oh f) { form(f); }, [this](qpdf_oh i) { image(i); }, [this](qpdf_oh sh) { shading(sh); }});
  }

  void form(qpdf_oh stream) {
    if (!pdf_.is_stream(stream)) return;
    const qpdf_oh dict = pdf_.dict_of(stream);
    const qpdf_oh resources = pdf_.key(dict, "/Resources");
    read_resources(resources);
    content(pdf_.decoded(stream), colour_spaces(resources));
    group(dict);
  }

  void group(qpdf_oh dict) {
    const qpdf_oh g = pdf_.key(dict, "/Group");
    if (pdf_.is_dict(g) && space(pdf_.key(g, "/CS")) == Space::rgb) rgb(where_ + ": transparency group in RGB");
  }

  void image(qpdf_oh stream) {
    const qpdf_oh dict = pdf_.dict_of(stream);
    const std::string at = fmt::format("image (object {})", pdf_.id(stream));
    const Space s = space(pdf_.key(dict, "/ColorSpace"));
    if (s == Space::rgb) rgb(at);
    if (s != Space::cmyk || pdf_.integer_at(dict, "/BitsPerComponent", 0) != 8) return;
    const std::string samples = pdf_.decoded(stream);
    // A /Decode of [1 0 ...] (an Adobe CMYK JPEG) stores each ink inverted.
    const auto decode = pdf_.numbers(pdf_.key(dict, "/Decode"));
    const bool inverted = decode.size() == 8 && decode[0] == 1 && decode[1] == 0;
    int most = 0;
    for (std::size_t i = 0; i + 3 < samples.size(); i += 4) {
      int sum = 0;
      for (std::size_t j = 0; j < 4; ++j) {
        const int v = static_cast<unsigned char>(samples[i + j]);
        sum += inverted ? 255 - v : v;
      }
      most = std::max(most, sum);
    }
    ink(most / 255.0, at);
  }

  void shading(qpdf_oh sh) {
    const qpdf_oh dict = pdf_.dict_of(sh);
    if (!pdf_.is_dict(dict)) return;
    const std::string at = fmt::format("shading (object {})", pdf_.id(sh));
    const Space s = space(pdf_.key(dict, "/ColorSpace"));
    if (s == Space::rgb) rgb(at);
    if (s == Space::cmyk) function_ink(pdf_.key(dict, "/Function"), at);
  }

  // The ink at the ends of an exponential function, and of each part of a
  // stitching one.
  void function_ink(qpdf_oh f, const std::string& at) {
    const qpdf_oh dict = pdf_.dict_of(f);
    const int type = pdf_.integer_at(dict, "/FunctionType", -1);
    if (type == 2) {
      for (const char* end : {"/C0", "/C1"}) {
        const auto c = pdf_.numbers(pdf_.key(dict, end));
        if (c.size() == 4) ink(c[0] + c[1] + c[2] + c[3], at);
      }
    }
    if (type == 3) {
      const qpdf_oh parts = pdf_.key(dict, "/Functions");
      for (int i = 0; i < pdf_.size(parts); ++i) function_ink(pdf_.at(parts, i), at);
    }
  }

  void content(std::string_view stream, const std::map<std::string, Space>& spaces) {
    struct State {
      Space fill = Space::gray;
      Space stroke = Space::gray;
      std::vector<double> fill_cmyk;
    };
    State now;
    std::vector<State> saved;
    const auto numbers = [](const ContentOperator& op) {
      std::vector<double> out;
      for (const auto& operand : op.operands) {
        if (auto v = detail::number(operand)) out.push_back(*v);
      }
      return out;
    };
    const auto named = [&](std::string_view operand) {
      const std::string name(operand.substr(1));
      if (auto it = spaces.find(name); it != spaces.end()) return it->second;
      return space(pdf_.name(std::string(operand).c_str()));
    };
    detail::scan_content(stream, [&](const ContentOperator& op) {
      const std::string_view n = op.name;
      if (n == "q") saved.push_back(now);
      if (n == "Q" && !saved.empty()) {
        now = saved.back();
        saved.pop_back();
      }
      if (n == "rg" || n == "RG") rgb(fmt::format("{}: {}", where_, n));
      if ((n == "cs" || n == "CS") && op.operands.size() == 1) {
        const Space s = named(op.operands[0]);
        if (s == Space::rgb) rgb(fmt::format("{}: {} {}", where_, op.operands[0], n));
        (n == "cs" ? now.fill : now.stroke) = s;
        if (n == "cs") now.fill_cmyk.clear();
      }
      const bool cmyk_op = n == "k" || n == "K" || ((n == "sc" || n == "scn") && now.fill == Space::cmyk) ||
                           ((n == "SC" || n == "SCN") && now.stroke == Space::cmyk);
      if (cmyk_op) {
        const auto c = numbers(op);
        if (c.size() == 4) {
          ink(c[0] + c[1] + c[2] + c[3], where_);
          if (n == "k" || n == "sc" || n == "scn") now.fill_cmyk = c;
        }
      }
      if (n == "k") now.fill = Space::cmyk;
      if (n == "g" || n == "G") (n == "g" ? now.fill : now.stroke) = Space::gray;
      if (n == "g") now.fill_cmyk.clear();
      const bool shows_text = n == "Tj" || n == "TJ" || n == "'" || n == "\"";
      if (shows_text && now.fill_cmyk.size() == 4) {
        const auto& c = now.fill_cmyk;
        if (c[3] >= rich_black_k && c[0] > 0 && c[1] > 0 && c[2] > 0) {
          const std::string found =
              fmt::format("{}: C{} M{} Y{} K{}", where_, percent(c[0]), percent(c[1]), percent(c[2]), percent(c[3]));
          auto& list = facts_.rich_black_text;
          if (list.size() < 10 && std::find(list.begin(), list.end(), found) == list.end()) list.push_back(found);
        }
      }
      if (n == "BI") {
        for (std::size_t i = 0; i + 1 < op.operands.size(); i += 2) {
          if (op.operands[i] != "/CS" && op.operands[i] != "/ColorSpace") continue;
          if (named(op.operands[i + 1]) == Space::rgb) rgb(where_ + ": inline image in RGB");
        }
      }
    });
  }

  const QpdfDocument& pdf_;
  PdfxFacts& facts_;
  std::string where_;
  std::set<int> seen_;
};

// The XMP packet's pdfxid:GTS_PDFXVersion, as an element or an attribute.
std::string xmp_version(const QpdfDocument& pdf) {
  const qpdf_oh metadata = pdf.key(pdf.api().qpdf_get_root(pdf.get()), "/Metadata");
  if (!pdf.is_stream(metadata)) return {};
  const std::string xmp = pdf.decoded(metadata);
  const std::string key = "pdfxid:GTS_PDFXVersion";
  const auto at = xmp.find(key);
  if (at == std::string::npos) return {};
  const char opener = xmp[at + key.size()];
  const char closer = opener == '>' ? '<' : '"';
  const auto begin = xmp.find(opener == '>' ? '>' : '"', at + key.size()) + 1;
  const auto end = xmp.find(closer, begin);
  return end == std::string::npos ? std::string() : xmp.substr(begin, end - begin);
}

}  // namespace

PdfxFacts inspect_pdfx(const std::filesystem::path& file) {
  const QpdfDocument pdf(file);
  const auto& api = pdf.api();
  const qpdf_data q = pdf.get();
  PdfxFacts facts;
  const qpdf_oh info = pdf.key(api.qpdf_get_trailer(q), "/Info");
  const qpdf_oh version = pdf.is_dict(info) ? pdf.key(info, "/GTS_PDFXVersion") : api.qpdf_oh_new_null(q);
  if (api.qpdf_oh_is_string(q, version)) facts.version = api.qpdf_oh_get_utf8_value(q, version);
  facts.xmp_version = xmp_version(pdf);
  const qpdf_oh intents = pdf.key(api.qpdf_get_root(q), "/OutputIntents");
  for (int i = 0; i < pdf.size(intents); ++i) {
    const qpdf_oh intent = pdf.at(intents, i);
    if (pdf.name_at(intent, "/S") != "/GTS_PDFX") continue;
    facts.output_intent = true;
    facts.profile_embedded = pdf.is_stream(pdf.key(intent, "/DestOutputProfile"));
    const qpdf_oh id = pdf.key(intent, "/OutputConditionIdentifier");
    if (api.qpdf_oh_is_string(q, id)) facts.condition = api.qpdf_oh_get_utf8_value(q, id);
  }
  Reading reading(pdf, facts);
  const int pages = api.qpdf_get_num_pages(q);
  for (int i = 0; i < pages; ++i) reading.page(api.qpdf_get_page_n(q, static_cast<std::size_t>(i)), i + 1);
  pdf.check("reading the PDF/X file");
  return facts;
}

}  // namespace impactkit::print
