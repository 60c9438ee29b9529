#include <impactkit/print/detail/content_stream.hpp>
#include <impactkit/print/detail/pdfx_colours.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace impactkit::print::detail {

namespace {

enum class Space { other, rgb, indexed_rgb, pattern_rgb, unsupported_rgb };

std::string cmyk_operands(const Cmyk& c) {
  return fmt::format("{} {} {} {}", component(c.c), component(c.m), component(c.y), component(c.k));
}

class Conversion {
 public:
  Conversion(const QpdfDocument& pdf, const PressColours& press) : pdf_(pdf), press_(press) {}

  void page(qpdf_oh page) {
    const auto rgb_spaces = resources(pdf_.key(page, "/Resources"));
    const std::string content = pdf_.page_content(page);
    std::string made = rewrite(content, rgb_spaces);
    if (made != content) pdf_.set(page, "/Contents", pdf_.new_stream(made));
    group(page);
  }

 private:
  Cmyk cmyk(const std::vector<double>& rgb) const { return press_.cmyk(rgb.at(0), rgb.at(1), rgb.at(2)); }

  Space space(qpdf_oh cs) const {
    const std::string n = pdf_.name_of(cs);
    if (n == "/DeviceRGB" || n == "/RGB") return Space::rgb;
    if (!pdf_.is_array(cs) || pdf_.size(cs) < 1) return Space::other;
    const std::string family = pdf_.name_of(pdf_.at(cs, 0));
    if (family == "/CalRGB") return Space::rgb;
    if (family == "/ICCBased" && pdf_.size(cs) > 1) {
      return pdf_.integer_at(pdf_.dict_of(pdf_.at(cs, 1)), "/N", 0) == 3 ? Space::rgb : Space::other;
    }
    if ((family == "/Indexed" || family == "/I") && pdf_.size(cs) == 4) {
      return space(pdf_.at(cs, 1)) == Space::rgb ? Space::indexed_rgb : Space::other;
    }
    if (family == "/Pattern" && pdf_.size(cs) == 2) {
      return space(pdf_.at(cs, 1)) == Space::rgb ? Space::pattern_rgb : Space::other;
    }
    if ((family == "/Separation" || family == "/DeviceN") && pdf_.size(cs) >= 3) {
      return space(pdf_.at(cs, 2)) == Space::rgb ? Space::unsupported_rgb : Space::other;
    }
    return Space::other;
  }

  // The colour space `cs` in CMYK: itself when it has no RGB in it.
  qpdf_oh converted_space(qpdf_oh cs) {
    switch (space(cs)) {
      case Space::rgb:
        return pdf_.name("/DeviceCMYK");
      case Space::indexed_rgb: {
        const qpdf_oh lookup = pdf_.at(cs, 3);
        std::string table;
        if (pdf_.is_stream(lookup)) {
          table = pdf_.decoded(lookup);
        } else {
          std::size_t n = 0;
          const char* s = pdf_.api().qpdf_oh_get_binary_string_value(pdf_.get(), lookup, &n);
          table.assign(s ? s : "", s ? n : 0);
        }
        const qpdf_oh made = pdf_.api().qpdf_oh_new_array(pdf_.get());
        pdf_.api().qpdf_oh_append_item(pdf_.get(), made, pdf_.name("/Indexed"));
        pdf_.api().qpdf_oh_append_item(pdf_.get(), made, pdf_.name("/DeviceCMYK"));
        pdf_.api().qpdf_oh_append_item(pdf_.get(), made, pdf_.at(cs, 2));
        pdf_.api().qpdf_oh_append_item(pdf_.get(), made, pdf_.new_stream(press_.cmyk_pixels(table)));
        return made;
      }
      case Space::pattern_rgb: {
        const qpdf_oh made = pdf_.api().qpdf_oh_new_array(pdf_.get());
        pdf_.api().qpdf_oh_append_item(pdf_.get(), made, pdf_.name("/Pattern"));
        pdf_.api().qpdf_oh_append_item(pdf_.get(), made, pdf_.name("/DeviceCMYK"));
        return made;
      }
      case Space::unsupported_rgb:
        throw PrintError(
            "PDF/X: a Separation or DeviceN colour with an RGB alternative, which impactkit cannot "
            "convert to CMYK");
      case Space::other:
        break;
    }
    return cs;
  }

  // Converts what `resources` uses; returns the names of its colour spaces
  // that were RGB (their colour operands are converted too).
  std::set<std::string> resources(qpdf_oh res) {
    if (!pdf_.is_dict(res)) return {};
    // Pages may share one resource dictionary: its RGB names are known after the first.
    const int id = pdf_.id(res);
    if (auto it = rgb_names_.find(id); id != 0 && it != rgb_names_.end()) return it->second;
    std::set<std::string> rgb;
    const qpdf_oh spaces = pdf_.key(res, "/ColorSpace");
    for (const auto& n : pdf_.keys(spaces)) {
      const qpdf_oh cs = pdf_.key(spaces, n.c_str());
      const Space s = space(cs);
      if (s == Space::other) continue;
      if (s == Space::rgb || s == Space::pattern_rgb) rgb.insert(n);
      pdf_.set(spaces, n.c_str(), converted_space(cs));
    }
    walk_resources(
        pdf_, res, seen_,
        {[this](qpdf_oh f) { form(f); }, [this](qpdf_oh i) { image(i); }, [this](qpdf_oh sh) { shading(sh); }});
    if (id != 0) rgb_names_[id] = rgb;
    return rgb;
  }

  // A form XObject, a tiling pattern or a soft mask's group.
  void form(qpdf_oh stream) {
    if (!pdf_.is_stream(stream)) return;
    const qpdf_oh dict = pdf_.dict_of(stream);
    const auto rgb_spaces = resources(pdf_.key(dict, "/Resources"));
    const std::string content = pdf_.decoded(stream);
    std::string made = rewrite(content, rgb_spaces);
    if (made != content) pdf_.replace_data(stream, made);
    group(dict);
  }

  // A transparency group blends in CMYK, not RGB.
  void group(qpdf_oh dict) {
    const qpdf_oh g = pdf_.key(dict, "/Group");
    if (!pdf_.is_dict(g) || !pdf_.has(g, "/CS")) return;
    const qpdf_oh cs = pdf_.key(g, "/CS");
    if (space(cs) != Space::other) pdf_.set(g, "/CS", converted_space(cs));
  }

  void image(qpdf_oh stream) {
    const qpdf_oh dict = pdf_.dict_of(stream);
    const qpdf_oh cs = pdf_.key(dict, "/ColorSpace");
    const Space s = space(cs);
    if (s == Space::other) return;
    if (s == Space::indexed_rgb) {
      pdf_.set(dict, "/ColorSpace", converted_space(cs));
      return;
    }
    if (pdf_.integer_at(dict, "/BitsPerComponent", 0) != 8 || pdf_.has(dict, "/Decode")) {
      throw PrintError(
          fmt::format("PDF/X: an RGB image (object {}) with other than 8 bits a sample, or a /Decode "
                      "array, which impactkit cannot convert to CMYK",
                      pdf_.id(stream)));
    }
    const std::string rgb = pdf_.decoded(stream);
    const std::size_t pixels = static_cast<std::size_t>(pdf_.integer_at(dict, "/Width", 0)) *
                               static_cast<std::size_t>(pdf_.integer_at(dict, "/Height", 0));
    if (rgb.size() < pixels * 3) throw PrintError(fmt::format("PDF/X: an image (object {}) is short", pdf_.id(stream)));
    pdf_.replace_data(stream, press_.cmyk_pixels(std::string_view(rgb).substr(0, pixels * 3)));
    pdf_.set(dict, "/ColorSpace", pdf_.name("/DeviceCMYK"));
  }

  void shading(qpdf_oh sh) {
    const qpdf_oh dict = pdf_.dict_of(sh);
    const int id = pdf_.id(sh);
    if (!pdf_.is_dict(dict) || (id != 0 && !shadings_.insert(id).second)) return;
    const qpdf_oh cs = pdf_.key(dict, "/ColorSpace");
    if (space(cs) == Space::other) return;
    const int type = pdf_.integer_at(dict, "/ShadingType", 0);
    if (type < 1 || type > 3 || space(cs) != Space::rgb) {
      throw PrintError(
          fmt::format("PDF/X: an RGB shading of type {} (object {}), which impactkit cannot convert to "
                      "CMYK: only axial, radial and function shadings",
                      type, id));
    }
    pdf_.set(dict, "/Function", function(pdf_.key(dict, "/Function")));
    if (pdf_.has(dict, "/Background")) {
      pdf_.set(dict, "/Background", cmyk_array(pdf_.numbers(pdf_.key(dict, "/Background"))));
    }
    pdf_.set(dict, "/ColorSpace", pdf_.name("/DeviceCMYK"));
  }

  qpdf_oh cmyk_array(const std::vector<double>& rgb) const {
    if (rgb.size() != 3) throw PrintError("PDF/X: an RGB colour without three components");
    const Cmyk c = cmyk(rgb);
    return pdf_.numbers_array({c.c, c.m, c.y, c.k});
  }

  // A shading's function from the RGB to the CMYK of each colour:
  // exponential (type 2) and stitching (type 3), which Cairo writes.
  qpdf_oh function(qpdf_oh f) {
    const qpdf_oh dict = pdf_.dict_of(f);
    const int type = pdf_.integer_at(dict, "/FunctionType", -1);
    if (type == 2 && !pdf_.is_stream(f)) {
      pdf_.set(dict, "/C0", cmyk_array(pdf_.numbers(pdf_.key(dict, "/C0"))));
      pdf_.set(dict, "/C1", cmyk_array(pdf_.numbers(pdf_.key(dict, "/C1"))));
      return f;
    }
    if (type == 3 && !pdf_.is_stream(f)) {
      const qpdf_oh parts = pdf_.key(dict, "/Functions");
      for (int i = 0; i < pdf_.size(parts); ++i) function(pdf_.at(parts, i));
      return f;
    }
    throw PrintError(
        fmt::format("PDF/X: an RGB shading with a function of type {}, which impactkit cannot convert to "
                    "CMYK: only exponential and stitching functions",
                    type));
  }

  // The content of a page, form or pattern with its RGB colours in CMYK.
  std::string rewrite(std::string_view content, const std::set<std::string>& rgb_spaces) {
    struct State {
      bool fill_rgb = false;
      bool stroke_rgb = false;
    };
    std::vector<State> saved;
    State now;
    const auto numbers = [](const ContentOperator& op, std::size_t n) {
      std::vector<double> out;
      for (std::size_t i = 0; i < n && i < op.operands.size(); ++i) {
        if (auto v = number(op.operands[i])) out.push_back(*v);
      }
      return out;
    };
    return rewrite_content(content, [&](const ContentOperator& op) -> std::optional<std::string> {
      const std::string_view n = op.name;
      if (n == "q") saved.push_back(now);
      if (n == "Q" && !saved.empty()) {
        now = saved.back();
        saved.pop_back();
      }
      if ((n == "rg" || n == "RG") && op.operands.size() == 3) {
        const auto rgb = numbers(op, 3);
        if (rgb.size() != 3) return std::nullopt;
        return cmyk_operands(cmyk(rgb)) + (n == "rg" ? " k" : " K");
      }
      if ((n == "cs" || n == "CS") && op.operands.size() == 1) {
        const std::string name(op.operands[0]);
        const bool device = name == "/DeviceRGB";
        (n == "cs" ? now.fill_rgb : now.stroke_rgb) = device || rgb_spaces.contains(name.substr(1));
        if (device) return std::string("/DeviceCMYK ") + std::string(n);
        return std::nullopt;
      }
      const bool fill = n == "sc" || n == "scn";
      if ((fill || n == "SC" || n == "SCN") && (fill ? now.fill_rgb : now.stroke_rgb)) {
        const auto rgb = numbers(op, 3);
        if (rgb.size() != 3) return std::nullopt;  // a pattern's name alone
        std::string out = cmyk_operands(cmyk(rgb));
        for (std::size_t i = 3; i < op.operands.size(); ++i) out += " " + std::string(op.operands[i]);
        return out + " " + std::string(n);
      }
      if (n == "BI") {
        for (std::size_t i = 0; i + 1 < op.operands.size(); i += 2) {
          if (op.operands[i] != "/CS" && op.operands[i] != "/ColorSpace") continue;
          const std::string value(op.operands[i + 1]);
          if (value == "/RGB" || value == "/DeviceRGB" || rgb_spaces.contains(value.substr(1))) {
            throw PrintError("PDF/X: an inline image in RGB, which impactkit cannot convert to CMYK");
          }
        }
      }
      return std::nullopt;
    });
  }

  const QpdfDocument& pdf_;
  const PressColours& press_;
  std::set<int> seen_;
  std::set<int> shadings_;
  std::map<int, std::set<std::string>> rgb_names_;  // by resource dictionary
};

}  // namespace

std::string component(double value) {
  std::string s = fmt::format("{:.4f}", std::clamp(value, 0.0, 1.0));
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

void convert_to_cmyk(const QpdfDocument& pdf, const PressColours& press) {
  Conversion conversion(pdf, press);
  const int pages = pdf.api().qpdf_get_num_pages(pdf.get());
  for (int i = 0; i < pages; ++i) conversion.page(pdf.api().qpdf_get_page_n(pdf.get(), static_cast<std::size_t>(i)));
  pdf.check("PDF/X: converting the colours");
}

}  // namespace impactkit::print::detail
