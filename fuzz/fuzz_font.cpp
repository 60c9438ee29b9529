// libFuzzer target: a font in a content root's fonts/, through the OpenType
// Sanitizer (text/font_sanitize; ots-sanitize runs as a child process) and,
// when it accepts it, opened from the sanitised bytes and shaped, as the
// typesetter does: FreeType for the face, HarfBuzz for a Dutch line with
// ligatures and kerning. A font the sanitiser refuses must say why.

#include "scratch_root.hpp"

#include <impactkit/text/font_sanitize.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace {

void shape(const std::string& font) {
  static FT_Library library = [] {
    FT_Library l = nullptr;
    if (FT_Init_FreeType(&l) != 0) std::abort();
    return l;
  }();
  FT_Face face = nullptr;
  if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(font.data()), static_cast<FT_Long>(font.size()), 0,
                         &face) != 0) {
    return;
  }
  const std::unique_ptr<FT_FaceRec_, decltype(&FT_Done_Face)> owned(face, &FT_Done_Face);
  FT_Set_Char_Size(face, 0, 12 * 64, 72, 72);
  FT_Load_Glyph(face, FT_Get_Char_Index(face, 'A'), FT_LOAD_NO_BITMAP);
  hb_blob_t* blob =
      hb_blob_create(font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* hb_face = hb_face_create(blob, 0);
  hb_font_t* hb_font = hb_font_create(hb_face);
  hb_buffer_t* buffer = hb_buffer_create();
  const std::string_view line = "Efficiënte offline-inkoop: fijne ijsberen, 12% minder CO₂.";
  hb_buffer_add_utf8(buffer, line.data(), static_cast<int>(line.size()), 0, -1);
  hb_buffer_guess_segment_properties(buffer);
  hb_shape(hb_font, buffer, nullptr, 0);
  hb_buffer_destroy(buffer);
  hb_font_destroy(hb_font);
  hb_face_destroy(hb_face);
  hb_blob_destroy(blob);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const impactkit::fuzz::ScratchRoot root;
  const auto file = root.path() / "Fuzz.ttf";
  impactkit::fuzz::put(file, std::string_view(reinterpret_cast<const char*>(data), size));
  const auto clean = impactkit::text::sanitise_font(file);
  if (clean.index() == 1) {
    if (std::get<1>(clean).find("Fuzz.ttf") == std::string::npos) std::abort();  // a refusal names the file
    return 0;
  }
  shape(*std::get<0>(clean));
  return 0;
}
