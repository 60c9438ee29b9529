#include <impactkit/text/detail/shape.hpp>

#include <memory>
#include <numeric>
#include <stdexcept>

namespace impactkit::text::detail {

std::vector<hb_feature_t> parse_features(const std::vector<std::string>& features) {
  std::vector<hb_feature_t> parsed(features.size());
  for (std::size_t i = 0; i < features.size(); ++i) {
    if (!hb_feature_from_string(features[i].c_str(), static_cast<int>(features[i].size()), &parsed[i])) {
      throw std::invalid_argument("unknown OpenType feature '" + features[i] +
                                  "'; write it as HarfBuzz does, e.g. tnum, -liga or ss01");
    }
  }
  return parsed;
}

namespace {
struct BufferDeleter {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};
}  // namespace

std::vector<ShapedGlyph> shape(const Font& font, std::string_view text, hb_language_t language,
                               const std::vector<hb_feature_t>& features) {
  // One buffer per thread, reused: creating one per word costs more than shaping it.
  thread_local std::unique_ptr<hb_buffer_t, BufferDeleter> buffer(hb_buffer_create());
  hb_buffer_clear_contents(buffer.get());
  hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer.get(), HB_SCRIPT_LATIN);
  hb_buffer_set_language(buffer.get(), language);
  hb_shape(font.hb_font(), buffer.get(), features.data(), static_cast<unsigned>(features.size()));

  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
  std::vector<ShapedGlyph> glyphs(count);
  for (unsigned i = 0; i < count; ++i) {
    glyphs[i] = {info[i].codepoint, info[i].cluster, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset};
  }
  return glyphs;
}

std::int32_t advance_width(const std::vector<ShapedGlyph>& glyphs) {
  return std::accumulate(glyphs.begin(), glyphs.end(), std::int32_t{0},
                         [](std::int32_t sum, const ShapedGlyph& g) { return sum + g.x_advance; });
}

}  // namespace impactkit::text::detail
