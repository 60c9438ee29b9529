#include <impactkit/products/page_digest.hpp>

#include <impactkit/core/digest.hpp>

#include <fmt/format.h>

#include <map>
#include <type_traits>
#include <variant>

namespace impactkit::products {
namespace {

// A page's items into one Digest, with its fonts and images by file.
class PageHasher {
 public:
  PageHasher& num(double v) {
    digest_.add(v);
    return *this;
  }
  PageHasher& text(std::string_view s) {
    digest_.add(s);
    return *this;
  }
  PageHasher& color(const text::Rgb& c) { return num(c.r).num(c.g).num(c.b); }
  PageHasher& color(const std::optional<text::Rgb>& c) {
    num(c ? 1 : 0);
    return c ? color(*c) : *this;
  }
  // A file by its path, size and date: fonts and images change in place.
  PageHasher& file(const std::filesystem::path& f) {
    auto [it, added] = files_.try_emplace(f.string());
    if (added) {
      std::error_code ec;
      const auto size = std::filesystem::file_size(f, ec);
      const auto time = std::filesystem::last_write_time(f, ec);
      it->second = fmt::format("{} {} {}", f.string(), ec ? 0 : size, time.time_since_epoch().count());
    }
    return text(it->second);
  }
  std::string hex() const { return digest_.hex(); }

 private:
  Digest digest_;
  std::map<std::string, std::string> files_;
};

void add(PageHasher& h, const layout::RectItem& r) {
  h.num(r.x_pt).num(r.y_pt).num(r.width_pt).num(r.height_pt).color(r.fill).color(r.stroke);
  h.num(r.stroke_pt).num(r.corner_radius_pt);
}
void add(PageHasher& h, const layout::LineItem& l) {
  h.num(l.x1_pt).num(l.y1_pt).num(l.x2_pt).num(l.y2_pt).color(l.color).num(l.width_pt);
}
void add(PageHasher& h, const layout::CircleItem& c) {
  h.num(c.cx_pt).num(c.cy_pt).num(c.radius_pt).color(c.fill).color(c.stroke).num(c.stroke_pt);
}
void add(PageHasher& h, const layout::TextItem& t) {
  h.num(t.x_pt).num(t.y_pt).num(t.angle_deg).num(static_cast<double>(t.text.runs.size()));
  for (const auto& run : t.text.runs) {
    h.file(run.font ? run.font->file() : std::filesystem::path());
    h.num(run.size_pt).color(run.color).text(run.text).num(static_cast<double>(run.glyphs.size()));
    for (const auto& g : run.glyphs) h.num(g.id).num(g.x_pt).num(g.y_pt);
  }
}
void add(PageHasher& h, const layout::ImageItem& i) {
  h.file(i.file).num(i.x_pt).num(i.y_pt).num(i.width_pt).num(i.height_pt);
}
void add(PageHasher& h, const layout::PathItem& p) {
  h.color(p.fill).color(p.stroke).num(p.stroke_pt).num(static_cast<double>(p.contours.size()));
  for (const auto& contour : p.contours) {
    h.num(static_cast<double>(contour.size()));
    for (const auto& q : contour) h.num(q.x_pt).num(q.y_pt);
  }
}

}  // namespace

std::string page_digest(const layout::Page& page) {
  PageHasher h;
  h.num(page.trim_width_pt).num(page.trim_height_pt).num(page.bleed_pt).num(page.safe_area_pt);
  for (const auto& item : page.items) {
    h.num(static_cast<double>(item.index()));
    std::visit([&](const auto& i) { add(h, i); }, item);
  }
  return h.hex();
}

}  // namespace impactkit::products
