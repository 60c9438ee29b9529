#include <impactkit/core/limits.hpp>
#include <impactkit/core/root_file.hpp>
#include <impactkit/text/font.hpp>

#include <impactkit/text/font_sanitize.hpp>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>
#include <set>

namespace impactkit::text {
namespace fs = std::filesystem;

class FreeTypeLibrary {
 public:
  FreeTypeLibrary() {
    if (FT_Init_FreeType(&handle_) != 0) throw FontError("cannot start FreeType");
  }
  ~FreeTypeLibrary() { FT_Done_FreeType(handle_); }
  FreeTypeLibrary(const FreeTypeLibrary&) = delete;
  FreeTypeLibrary& operator=(const FreeTypeLibrary&) = delete;
  FT_Library get() const { return handle_; }

 private:
  FT_Library handle_ = nullptr;
};

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string weight_name(int weight) {
  switch (weight) {
    case 100:
      return "Thin";
    case 200:
      return "ExtraLight";
    case 300:
      return "Light";
    case 400:
      return "Regular";
    case 500:
      return "Medium";
    case 600:
      return "SemiBold";
    case 700:
      return "Bold";
    case 800:
      return "ExtraBold";
    case 900:
      return "Black";
    default:
      return "weight " + std::to_string(weight);
  }
}

// Owners of fontconfig's handles.
struct FcPatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using FcPatternPtr = std::unique_ptr<FcPattern, FcPatternDeleter>;

// The OpenType weight of a face: OS/2 usWeightClass, else the bold flag.
int face_weight(FT_Face face) {
  const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
  if (os2 && os2->usWeightClass > 0) return os2->usWeightClass;
  return (face->style_flags & FT_STYLE_FLAG_BOLD) ? 700 : 400;
}

}  // namespace

std::vector<fs::path> font_dirs(const fs::path& content_root) {
  std::vector<fs::path> dirs = {content_root / "fonts"};
  for (const char* dir : {IMPACTKIT_INSTALLED_FONTS_DIR, IMPACTKIT_SOURCE_FONTS_DIR}) {
    std::error_code ec;
    if (fs::is_directory(dir, ec) && fs::absolute(dir, ec) != fs::absolute(dirs.front(), ec)) dirs.emplace_back(dir);
  }
  return dirs;
}

std::string describe(const FontRequest& request) {
  std::string out = request.family;
  if (request.weight != 400 || !request.italic) out += " " + weight_name(request.weight);
  if (request.italic) out += " Italic";
  return out;
}

std::optional<FontRequest> nearest_face(const FontRequest& request, const std::vector<FontRequest>& faces) {
  // The slant first (CSS: italic, then upright; upright, then italic) ...
  const bool has_slant =
      std::any_of(faces.begin(), faces.end(), [&](const auto& f) { return f.italic == request.italic; });
  const bool italic = has_slant ? request.italic : !request.italic;
  // ... then the weight, in the order CSS tries weights: first the side it
  // prefers, nearest first, then the other side.
  const int w = request.weight;
  const auto rank = [w](int weight) {
    const int d = std::abs(weight - w);
    int tier = 0;
    if (w < 400) {
      tier = weight <= w ? 0 : 1;
    } else if (w > 500) {
      tier = weight >= w ? 0 : 1;
    } else {
      tier = weight >= w && weight <= 500 ? 0 : weight < w ? 1 : 2;
    }
    return tier * 10000 + d;
  };
  std::optional<FontRequest> best;
  for (const auto& f : faces) {
    if (f.italic != italic) continue;
    if (!best || rank(f.weight) < rank(best->weight)) best = f;
  }
  return best;
}

namespace {

// Opens face `index` of `file`, or of `bytes` when given (a sanitised font).
FT_Error open_face(FT_Library library, const fs::path& file, const std::string* bytes, FT_Long index, FT_Face* face) {
  if (!bytes) return FT_New_Face(library, file.c_str(), index, face);
  return FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes->data()),
                            static_cast<FT_Long>(bytes->size()), index, face);
}

// The project's own fonts (its fonts/ folder, installed or in the source
// tree) are trusted; any other folder is a content root's and sanitised.
bool trusted_dir(const fs::path& dir) {
  std::error_code ec;
  for (const char* own : {IMPACTKIT_INSTALLED_FONTS_DIR, IMPACTKIT_SOURCE_FONTS_DIR}) {
    if (fs::equivalent(dir, own, ec)) return true;
  }
  return false;
}

}  // namespace

Font::Font(std::shared_ptr<FreeTypeLibrary> library, const FontRequest& request, const fs::path& file, int face_index,
           std::shared_ptr<const std::string> bytes)
    : library_(std::move(library)), request_(request), file_(file), bytes_(std::move(bytes)) {
  if (open_face(library_->get(), file, bytes_.get(), face_index, &face_) != 0) {
    throw FontError(fmt::format("cannot open font file '{}' for {}", file.string(), describe(request)));
  }
  units_per_em_ = face_->units_per_EM > 0 ? face_->units_per_EM : 1000;
  ascender_ = face_->ascender;
  descender_ = face_->descender;
  // HarfBuzz reads the font's own tables (hb-ot); its scale is the em in
  // font units, so shaped advances are in font units.
  hb_blob_t* blob = bytes_ ? hb_blob_create(bytes_->data(), static_cast<unsigned>(bytes_->size()),
                                            HB_MEMORY_MODE_READONLY, nullptr, nullptr)
                           : hb_blob_create_from_file(file.c_str());
  hb_face_t* hb_face = hb_face_create(blob, static_cast<unsigned>(face_index));
  hb_font_ = hb_font_create(hb_face);
  hb_face_destroy(hb_face);
  hb_blob_destroy(blob);
  hb_font_set_scale(hb_font_, units_per_em_, units_per_em_);
}

Font::~Font() {
  hb_font_destroy(hb_font_);
  if (face_) FT_Done_Face(face_);
}

FontLibrary::FontLibrary(std::vector<fs::path> font_dirs)
    : library_(std::make_shared<FreeTypeLibrary>()), dirs_(std::move(font_dirs)) {}

FontLibrary::~FontLibrary() = default;

void FontLibrary::scan_dirs() {
  scanned_ = true;
  for (const auto& dir : dirs_) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    fs::path last = dir;
    auto it = fs::recursive_directory_iterator(dir, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      last = it->path();
      const std::string ext = lower(last.extension().string());
      if (ext == ".otf" || ext == ".ttf" || ext == ".ttc" || ext == ".otc") files.push_back(last);
    }
    if (ec) {  // named: the system's reason alone does not say which folder
      throw FontError(fmt::format("cannot read the font folder '{}': {}; make it readable (chmod a+rx) or remove it",
                                  (fs::is_directory(last) ? last : dir).string(), ec.message()));
    }
    std::sort(files.begin(), files.end());  // the same choice on every machine
    const bool trusted = trusted_dir(dir);
    for (const auto& file : files) {
      // Through the door before FreeType opens it by name: a FIFO would
      // block the open for ever, a link could lead out of the folder.
      if (const auto refused = check_root_file(file, {dir}, limits::max_font_file_bytes)) {
        throw FontError(
            fmt::format("font file {}; make it a regular font file inside {}", describe(*refused), dir.string()));
      }
      // A content root's font reaches FreeType only as the sanitiser's
      // output: a damaged one crashed cairo's subsetter.
      std::shared_ptr<const std::string> bytes;
      if (!trusted) {
        auto clean = sanitise_font(file);
        if (clean.index() == 1) {
          refused_.push_back({file, std::get<1>(clean)});
          continue;
        }
        bytes = std::get<0>(clean);
      }
      for (FT_Long index = 0, count = 1; index < count; ++index) {
        FT_Face face = nullptr;
        if (open_face(library_->get(), file, bytes.get(), index, &face) != 0) break;
        count = face->num_faces;
        if (face->family_name) {
          const FontRequest found{face->family_name, face_weight(face),
                                  (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0};
          dir_faces_.emplace_back(found, FileFace{file, static_cast<int>(index), found, bytes});
        }
        FT_Done_Face(face);
      }
    }
  }
}

std::optional<FontLibrary::FileFace> FontLibrary::find_in_dirs(const FontRequest& request) const {
  for (const auto& [found, file_face] : dir_faces_) {
    if (lower(found.family) == lower(request.family) && found.weight == request.weight &&
        found.italic == request.italic) {
      return file_face;
    }
  }
  return std::nullopt;
}

namespace {

struct FcConfigDeleter {
  void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
using FcConfigPtr = std::unique_ptr<FcConfig, FcConfigDeleter>;

// The font folders of Debian's /etc/fonts/fonts.conf and their caches,
// without its rules. Reading the whole configuration (some fifty XML files
// of substitution rules) is most of a poster's font lookup; the rules do not
// matter here, as only the exact family, weight and slant are accepted.
constexpr const char* standard_folders = R"(<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <dir prefix="xdg">fonts</dir>
  <dir>~/.fonts</dir>
  <cachedir>/var/cache/fontconfig</cachedir>
  <cachedir prefix="xdg">fontconfig</cachedir>
  <cachedir>~/.fontconfig</cachedir>
</fontconfig>)";

// fontconfig's view of the standard font folders, built once by whichever
// thread asks first; the others wait for it. Null when fontconfig cannot
// build it: the whole configuration is asked then.
FcConfig* standard_fonts() {
  static std::once_flag once;
  static FcConfigPtr config;
  std::call_once(once, [] {
    FcConfigPtr c(FcConfigCreate());
    if (c && FcConfigParseAndLoadFromMemory(c.get(), reinterpret_cast<const FcChar8*>(standard_folders), FcFalse) &&
        FcConfigBuildFonts(c.get())) {
      config = std::move(c);
    }
  });
  return config.get();
}

// The whole system configuration, for fonts in folders that a local
// configuration adds.
FcConfig* all_fonts() {
  static std::once_flag once;
  std::call_once(once, [] { FcInit(); });
  return FcConfigGetCurrent();
}

}  // namespace

void load_system_fonts() {
  standard_fonts();
}

std::optional<FontLibrary::FileFace> FontLibrary::find_with_fontconfig(const FontRequest& request, FcConfig* config,
                                                                       std::string& closest) const {
  if (!config) return std::nullopt;
  // fontconfig's configurations are built once per process, so its answer
  // to a request is too: the build's theme check and every product's
  // fonts ask the same, and a match costs more than the rest of a lookup.
  struct Answer {
    std::optional<FileFace> found;
    std::string closest;
  };
  static std::mutex mutex;
  static std::map<std::pair<FcConfig*, FontRequest>, Answer> answers;
  const std::lock_guard lock(mutex);
  auto [it, added] = answers.try_emplace({config, request});
  if (added) it->second.found = match_with_fontconfig(request, config, it->second.closest);
  if (!it->second.closest.empty()) closest = it->second.closest;
  return it->second.found;
}

std::optional<FontLibrary::FileFace> FontLibrary::match_with_fontconfig(const FontRequest& request, FcConfig* config,
                                                                        std::string& closest) {
  FcPatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(request.family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, FcWeightFromOpenType(request.weight));
  FcPatternAddInteger(pattern.get(), FC_SLANT, request.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  FcPatternPtr match(FcFontMatch(config, pattern.get(), &result));
  if (!match) return std::nullopt;
  // fontconfig always answers with something; accept only the family,
  // weight and slant that were asked for.
  FcChar8* family = nullptr;
  bool same_family = false;
  for (int i = 0; FcPatternGetString(match.get(), FC_FAMILY, i, &family) == FcResultMatch; ++i) {
    const std::string name = reinterpret_cast<const char*>(family);
    if (i == 0) closest = name;
    same_family = same_family || lower(name) == lower(request.family);
  }
  int weight = 0;
  int slant = 0;
  FcPatternGetInteger(match.get(), FC_WEIGHT, 0, &weight);
  FcPatternGetInteger(match.get(), FC_SLANT, 0, &slant);
  // The system's configuration makes up a bold or an oblique that a family
  // lacks (90-synthetic.conf: embolden, a slanting matrix) and calls the
  // match bold or oblique; the file is still the regular face.
  FcBool embolden = FcFalse;
  FcMatrix* matrix = nullptr;
  const bool synthetic = (FcPatternGetBool(match.get(), FC_EMBOLDEN, 0, &embolden) == FcResultMatch && embolden) ||
                         FcPatternGetMatrix(match.get(), FC_MATRIX, 0, &matrix) == FcResultMatch;
  const bool same_weight = FcWeightToOpenType(weight) == request.weight && !synthetic;
  const bool same_slant = (slant != FC_SLANT_ROMAN) == request.italic;
  FcChar8* file = nullptr;
  int index = 0;
  if (!same_family || !same_weight || !same_slant ||
      FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) {
    if (same_family) closest += fmt::format(" {}{}", weight_name(FcWeightToOpenType(weight)), slant ? " Italic" : "");
    return std::nullopt;
  }
  FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
  return FileFace{reinterpret_cast<const char*>(file), index, request, nullptr};
}

std::optional<FontLibrary::FileFace> FontLibrary::locate_exactly(const FontRequest& request, std::string& closest) {
  std::optional<FileFace> found = find_in_dirs(request);
  if (!found) found = find_with_fontconfig(request, standard_fonts(), closest);
  if (!found) found = find_with_fontconfig(request, all_fonts(), closest);
  if (found) found->face = request;
  return found;
}

namespace {

// The weight and slant of every face of `family` that fontconfig knows in
// `config`.
std::vector<FontRequest> fontconfig_faces(const std::string& family, FcConfig* config) {
  std::vector<FontRequest> faces;
  if (!config) return faces;
  FcPatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  std::unique_ptr<FcObjectSet, decltype(&FcObjectSetDestroy)> objects(
      FcObjectSetBuild(FC_WEIGHT, FC_SLANT, static_cast<char*>(nullptr)), &FcObjectSetDestroy);
  std::unique_ptr<FcFontSet, decltype(&FcFontSetDestroy)> set(FcFontList(config, pattern.get(), objects.get()),
                                                              &FcFontSetDestroy);
  for (int i = 0; set && i < set->nfont; ++i) {
    int weight = 0;
    int slant = 0;
    // A variable font's weight is a range, which a named instance of it
    // also lists with its own weight: the range is left out.
    if (FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &weight) != FcResultMatch) continue;
    FcPatternGetInteger(set->fonts[i], FC_SLANT, 0, &slant);
    faces.push_back({family, FcWeightToOpenType(weight), slant != FC_SLANT_ROMAN});
  }
  return faces;
}

}  // namespace

std::vector<FontRequest> FontLibrary::faces_of(const std::string& family) {
  std::vector<FontRequest> faces;
  for (const auto& [found, file_face] : dir_faces_) {
    if (lower(found.family) == lower(family)) faces.push_back({family, found.weight, found.italic});
  }
  auto system = fontconfig_faces(family, standard_fonts());
  if (system.empty()) system = fontconfig_faces(family, all_fonts());
  faces.insert(faces.end(), system.begin(), system.end());
  std::sort(faces.begin(), faces.end());
  faces.erase(std::unique(faces.begin(), faces.end()), faces.end());
  return faces;
}

FontLibrary::FileFace FontLibrary::locate(const FontRequest& request) {
  if (auto it = found_.find(request); it != found_.end()) return it->second;
  if (!scanned_) scan_dirs();
  std::string closest;
  std::optional<FileFace> found = locate_exactly(request, closest);
  // A weight or slant the family lacks: its nearest face, as a browser
  // would take it (the theme's check warns about it once).
  if (!found) {
    if (const auto nearest = nearest_face(request, faces_of(request.family))) found = locate_exactly(*nearest, closest);
  }
  if (!found) {
    std::string places;
    for (const auto& dir : dirs_) places += "'" + dir.string() + "', ";
    throw FontError(fmt::format(
        "font {} not found; looked in {}and the system's fonts (fontconfig){}. Put the font file in the content "
        "root's fonts/ folder, install it, or name another family in the theme",
        describe(request), places, closest.empty() ? "" : ", whose closest is " + closest));
  }
  return found_.emplace(request, *found).first->second;
}

std::vector<FontRequest> FontLibrary::faces(const std::string& family) {
  const std::lock_guard lock(mutex_);
  if (!scanned_) scan_dirs();
  return faces_of(family);
}

FontRequest FontLibrary::find(const FontRequest& request) {
  const std::lock_guard lock(mutex_);
  return locate(request).face;
}

std::shared_ptr<const Font> FontLibrary::get(const FontRequest& request) {
  const std::lock_guard lock(mutex_);
  const FileFace found = locate(request);
  if (auto it = open_.find(found.face); it != open_.end()) return it->second;
  auto font = std::make_shared<const Font>(library_, found.face, found.file, found.index, found.bytes);
  open_.emplace(found.face, font);
  return font;
}

std::vector<FontLibrary::Refused> FontLibrary::refused() {
  const std::lock_guard lock(mutex_);
  if (!scanned_) scan_dirs();
  return refused_;
}

std::vector<std::string> FontLibrary::families() {
  const std::lock_guard lock(mutex_);
  if (!scanned_) scan_dirs();
  std::set<std::string> names;
  for (const auto& [found, file_face] : dir_faces_) names.insert(found.family);
  for (FcConfig* config : {standard_fonts(), all_fonts()}) {
    if (!config) continue;
    FcPatternPtr pattern(FcPatternCreate());
    std::unique_ptr<FcObjectSet, decltype(&FcObjectSetDestroy)> objects(
        FcObjectSetBuild(FC_FAMILY, static_cast<char*>(nullptr)), &FcObjectSetDestroy);
    std::unique_ptr<FcFontSet, decltype(&FcFontSetDestroy)> set(FcFontList(config, pattern.get(), objects.get()),
                                                                &FcFontSetDestroy);
    // A font's first family name is its family ("Inter"); the others are
    // older names of a style ("Inter Black"), which would make a long list.
    FcChar8* family = nullptr;
    for (int i = 0; set && i < set->nfont; ++i) {
      if (FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch) {
        names.insert(reinterpret_cast<const char*>(family));
      }
    }
  }
  return {names.begin(), names.end()};
}

}  // namespace impactkit::text
