#include <impactkit/products/print_shop.hpp>

#include <impactkit/core/file_io.hpp>

#include <charconv>

namespace impactkit::products {
namespace fs = std::filesystem;

print::PdfxOptions pdfx_options(const content::Roadshow& roadshow) {
  print::PdfxOptions options;
  if (!roadshow.print.profile.empty()) options.condition.profile = roadshow.root / roadshow.print.profile;
  options.condition.identifier = roadshow.print.condition;
  const auto& theme = roadshow.theme;
  for (std::size_t i = 0; i < theme.colors.size() && i < theme.color_cmyk.size(); ++i) {
    const auto& cmyk = theme.color_cmyk[i];
    if (!cmyk) continue;
    const std::string& hex = theme.colors[i].second;
    std::uint32_t rgb = 0;
    std::from_chars(hex.data(), hex.data() + hex.size(), rgb, 16);
    options.condition.inks.push_back({rgb, {(*cmyk)[0] / 100, (*cmyk)[1] / 100, (*cmyk)[2] / 100, (*cmyk)[3] / 100}});
  }
  return options;
}

fs::path pdfx_path(const fs::path& pdf) {
  return pdf.parent_path() / "pdfx" / pdf.filename();
}

void make_or_remove_pdfx(bool pdfx, const fs::path& pdf, const content::Roadshow& roadshow, Staging* staging) {
  if (pdfx) {
    print::make_pdfx(staged(staging, pdf), staged(staging, pdfx_path(pdf)), pdfx_options(roadshow));
  } else {
    remove_output(staging, pdfx_path(pdf));
  }
}

void add_pdfx_inputs(Digest& digest, const content::Roadshow& roadshow) {
  digest.add(roadshow.print.profile.string()).add(roadshow.print.condition);
  if (!roadshow.print.profile.empty()) digest.add(read_file(roadshow.root / roadshow.print.profile).value_or(""));
  for (const auto& cmyk : roadshow.theme.color_cmyk) {
    if (cmyk) digest.add((*cmyk)[0]).add((*cmyk)[1]).add((*cmyk)[2]).add((*cmyk)[3]);
  }
}

}  // namespace impactkit::products
