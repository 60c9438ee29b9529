#pragma once
// Fonts: finding a family's style as a file, and holding it open for shaping
// (HarfBuzz), outlines (FreeType) and drawing (Cairo).

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

// The C handles, declared so that this header needs no FreeType or HarfBuzz
// headers; the definitions are the libraries' own.
typedef struct FT_FaceRec_* FT_Face;  // NOLINT(modernize-use-using)
struct hb_font_t;
struct _FcConfig;  // NOLINT(bugprone-reserved-identifier): fontconfig's own name

namespace impactkit::text {

class FreeTypeLibrary;  // owns FreeType's library handle

// Which font a style asks for.
struct FontRequest {
  std::string family;  // e.g. "Inter"
  int weight = 400;    // OpenType weight: 400 regular, 700 bold
  bool italic = false;

  auto operator<=>(const FontRequest&) const = default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads <=>
};

std::string describe(const FontRequest& request);  // "Inter Bold Italic"

// The face of `faces` (one family's) that CSS's font matching would take for
// `request`: the same slant if the family has it (italic, else upright),
// then the weight itself, else the nearest on the side CSS prefers (lighter
// for weights below 400, heavier above 500, 500 then lighter then heavier
// for 400 to 500). Nothing when `faces` is empty.
std::optional<FontRequest> nearest_face(const FontRequest& request, const std::vector<FontRequest>& faces);

// A family of which no face is installed at all: names it and every place
// that was searched. Never replaced by another family silently; a weight or
// slant that the family lacks is replaced by its nearest (FontLibrary::find).
struct FontError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One open font face. Shaping positions are in font units (`units_per_em`
// to the em), so a word is shaped once and scaled to any size.
class Font {
 public:
  // Opens face `face_index` of `file`; throws FontError. FontLibrary::get
  // is the usual way to a font.
  // With `bytes` (a sanitised font from a content root), the face is opened
  // from them and `file` only names it.
  Font(std::shared_ptr<FreeTypeLibrary> library, const FontRequest& request, const std::filesystem::path& file,
       int face_index, std::shared_ptr<const std::string> bytes = nullptr);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  const FontRequest& request() const { return request_; }
  const std::filesystem::path& file() const { return file_; }
  int units_per_em() const { return units_per_em_; }
  // Ascender and descender (descender negative), in font units.
  int ascender() const { return ascender_; }
  int descender() const { return descender_; }

  FT_Face ft_face() const { return face_; }
  hb_font_t* hb_font() const { return hb_font_; }

 private:
  std::shared_ptr<FreeTypeLibrary> library_;  // outlives the face
  FontRequest request_;
  std::filesystem::path file_;
  std::shared_ptr<const std::string> bytes_;  // outlives the face, which reads them
  FT_Face face_ = nullptr;
  hb_font_t* hb_font_ = nullptr;
  int units_per_em_ = 1000;
  int ascender_ = 800;
  int descender_ = -200;
};

// The folders a content root's fonts are looked up in, in order: its own
// fonts/, then the project's fonts/ (installed, or in the source tree).
std::vector<std::filesystem::path> font_dirs(const std::filesystem::path& content_root);

// Reads fontconfig's caches of the standard font folders now, as the first
// lookup by family name would: a build does it on a thread of its own, and
// lookups made meanwhile wait for it.
void load_system_fonts();

// Finds fonts: first in the given folders (a content root's fonts/, then the
// project's fonts/), then through fontconfig by family name: in the standard
// font folders (/usr/share/fonts, /usr/local/share/fonts, ~/.local/share/fonts,
// ~/.fonts), then in the system's whole configuration. Each font is
// opened once and shared.
class FontLibrary {
 public:
  explicit FontLibrary(std::vector<std::filesystem::path> font_dirs = {});
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  // The font for `request`: that face of the family, or the nearest one the
  // family has (nearest_face; the font's request() is the face opened).
  // Throws FontError when neither the folders nor fontconfig have any face
  // of the family. Safe to call from several threads: typesetters on
  // several threads share one library, so that a PDF embeds each font once.
  std::shared_ptr<const Font> get(const FontRequest& request);

  // The face get(request) would open, without opening it; throws the same
  // FontError. For checking a theme's every style up front while opening
  // only the fonts that are set.
  FontRequest find(const FontRequest& request);

  // The faces installed of `family` (any spelling of its name), each with
  // `family` as spelt here, sorted: what find() chooses among.
  std::vector<FontRequest> faces(const std::string& family);

  // Every installed family's name (not the older per-style names such as
  // "Inter Black"), sorted, once each: what a missing family is compared
  // with for a "did you mean".
  std::vector<std::string> families();
  const std::vector<std::filesystem::path>& dirs() const { return dirs_; }

  // A font file of a content root that the OpenType Sanitizer refused
  // (text/font_sanitize.hpp): it is left out, and is a content error.
  struct Refused {
    std::filesystem::path file;
    std::string why;  // names the file
  };
  std::vector<Refused> refused();

 private:
  struct FileFace {
    std::filesystem::path file;
    int index = 0;
    FontRequest face;                          // the face's own family name, weight and slant
    std::shared_ptr<const std::string> bytes;  // sanitised, for a content root's font; else null
  };
  FileFace locate(const FontRequest& request);  // mutex_ held
  std::optional<FileFace> locate_exactly(const FontRequest& request, std::string& closest);
  std::vector<FontRequest> faces_of(const std::string& family);  // mutex_ held
  void scan_dirs();
  std::optional<FileFace> find_in_dirs(const FontRequest& request) const;
  std::optional<FileFace> find_with_fontconfig(const FontRequest& request, _FcConfig* config,
                                               std::string& closest) const;
  static std::optional<FileFace> match_with_fontconfig(const FontRequest& request, _FcConfig* config,
                                                       std::string& closest);

  std::shared_ptr<FreeTypeLibrary> library_;
  std::vector<std::filesystem::path> dirs_;
  bool scanned_ = false;
  std::vector<std::pair<FontRequest, FileFace>> dir_faces_;
  std::vector<Refused> refused_;
  std::mutex mutex_;  // guards everything below
  std::map<FontRequest, FileFace> found_;
  std::map<FontRequest, std::shared_ptr<const Font>> open_;  // by the face opened
};

}  // namespace impactkit::text
