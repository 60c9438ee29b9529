#include <impactkit/products/theme_fonts.hpp>

#include <impactkit/core/suggest.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace impactkit::products {
namespace {

// A face a style asks for: its own, or that of its **bold** text.
struct Ask {
  text::FontRequest request;
  const content::ThemeStyle* style = nullptr;
  bool bold = false;
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "ExtraBold Italic (800)": a face without its family's name.
std::string face_name(const text::FontRequest& face) {
  std::string name = text::describe(face).substr(face.family.size());
  if (!name.empty() && name.front() == ' ') name.erase(0, 1);
  return fmt::format("{} ({})", name, face.weight);
}

std::string asker(const Ask& ask) {
  return ask.bold ? fmt::format("**bold** text of style '{}'", ask.style->name)
                  : fmt::format("style '{}'", ask.style->name);
}

// Where the family of `style` is named: its `font:`, or `fonts:` for its
// role (the style itself when the theme names no fonts at all).
SourcePos family_pos(const content::Theme& theme, const content::ThemeStyle& style) {
  const SourcePos& pos = style.font.empty() ? theme.font_pos.at(static_cast<std::size_t>(style.role)) : style.font_pos;
  return pos.line > 0 ? pos : style.pos;
}

// What names the family of `style`: "`fonts: body:`" also for a role that
// takes its family from body.
std::string family_source(const content::Theme& theme, const content::ThemeStyle& style) {
  if (!style.font.empty()) return fmt::format("the `font:` of style '{}'", style.name);
  auto role = static_cast<std::size_t>(style.role);
  const auto same = [&](std::size_t a, std::size_t b) {
    return theme.fonts[a] == theme.fonts[b] && theme.font_pos[a].line == theme.font_pos[b].line &&
           theme.font_pos[a].column == theme.font_pos[b].column;
  };
  while (role > 0 && same(role, role - 1)) --role;
  return fmt::format("`fonts: {}:`", content::font_role_names.at(role));
}

void report_missing_family(const content::Theme& theme, const content::ThemeStyle& style, text::FontLibrary& fonts,
                           Diagnostics& diagnostics) {
  const std::string& family = theme.family(style);
  const auto installed = fonts.families();
  std::string expected;
  if (installed.size() <= 40) {
    expected = "an installed family: " + join_or(installed);
  } else {
    expected = fmt::format("one of the {} installed families (`fc-list : family` lists them)", installed.size());
  }
  std::string places;
  for (const auto& dir : fonts.dirs()) places += "'" + dir.string() + "', ";
  const auto near = closest(family, installed);
  diagnostics.error(family_pos(theme, style),
                    fmt::format("font family '{}' ({}) is not installed", family, family_source(theme, style)),
                    fmt::format("{}; looked in {}and the system's fonts (fontconfig)", expected, places),
                    near ? fmt::format("did you mean '{}'?", *near)
                         : "put the font's files in the content root's fonts/ folder, install the font, or name "
                           "another family");
}

void report_substitute(const Ask& first, const text::FontRequest& used, const std::vector<const Ask*>& others,
                       const std::vector<text::FontRequest>& family_faces, Diagnostics& diagnostics) {
  std::vector<std::string> names;
  for (const Ask* other : others) names.push_back("'" + other->style->name + "'");
  std::string also;
  if (names.size() > 4) {
    also = fmt::format("; so are {} other styles that ask for it", names.size());
  } else if (!names.empty()) {
    also = fmt::format("; so {} {}", names.size() == 1 ? "is style" : "are styles", join_and(names));
  }
  std::vector<std::string> faces;
  for (const auto& face : family_faces) faces.push_back(face_name(face));
  const bool slant = used.italic != first.request.italic;
  const std::string change =
      slant ? (first.request.italic ? "`italic: false`" : "`italic: true`") : fmt::format("`weight: {}`", used.weight);
  diagnostics.warning(
      first.style->pos,
      fmt::format("{} asks for {}, which is not installed: it is set in {}, the family's nearest face{}", asker(first),
                  text::describe(first.request), text::describe(used), also),
      fmt::format("a face that {} has: {}", first.request.family, join_or(faces)),
      first.bold ? fmt::format("install {}, or leave **bold** out of the style's texts", text::describe(first.request))
                 : fmt::format("install {}, or give the style{} {}", text::describe(first.request),
                               others.empty() ? "" : "s", change));
}

// A content root's font file that the OpenType Sanitizer refused: an error
// at the file (named from the content root), whichever family it holds.
void report_refused(text::FontLibrary& fonts, Diagnostics& diagnostics) {
  for (const auto& refused : fonts.refused()) {
    std::string name = refused.file.string();
    if (!fonts.dirs().empty()) {
      std::error_code ec;
      const auto relative = std::filesystem::relative(refused.file, fonts.dirs().front().parent_path(), ec);
      if (!ec && !relative.empty() && *relative.begin() != "..") name = relative.string();
    }
    diagnostics.error({name, 0, 0}, refused.why,
                      "an OpenType or TrueType font that the OpenType Sanitizer (ots-sanitize) accepts",
                      "replace the file by a fresh copy of the font, or remove it from fonts/");
  }
}

}  // namespace

void check_fonts(const content::Theme& theme, text::FontLibrary& fonts, Diagnostics& diagnostics,
                 FontWarnings warnings) {
  report_refused(fonts, diagnostics);
  // Each family's faces are listed once (one fontconfig listing per
  // family), and the face each style gets is chosen from them as
  // FontLibrary::get() chooses: no font is matched or opened here.
  std::map<std::string, std::vector<text::FontRequest>> faces;  // by the family as the theme spells it
  std::set<std::string> missing;                                // families, lower-case: each reported once
  std::vector<Ask> asks;
  for (const auto& style : theme.styles) {
    const std::string& family = theme.family(style);
    if (missing.contains(lower(family))) continue;
    auto it = faces.find(family);
    if (it == faces.end()) it = faces.emplace(family, fonts.faces(family)).first;
    if (it->second.empty()) {
      missing.insert(lower(family));
      report_missing_family(theme, style, fonts, diagnostics);
      continue;
    }
    asks.push_back({{family, style.weight, style.italic}, &style, false});
    // **bold** text: text::TextStyle::bold_weight, in the style's slant.
    if (style.weight != 700) asks.push_back({{family, 700, style.italic}, &style, true});
  }
  if (warnings == FontWarnings::skip) return;
  // One warning per face asked for, in the order the theme first asks.
  std::set<text::FontRequest> reported;
  for (const auto& ask : asks) {
    if (!reported.insert(ask.request).second) continue;
    const auto& family_faces = faces.at(ask.request.family);
    const text::FontRequest used = text::nearest_face(ask.request, family_faces).value_or(ask.request);
    if (used.weight == ask.request.weight && used.italic == ask.request.italic) continue;
    std::vector<const Ask*> others;
    std::set<std::string> named = {ask.style->name};
    for (const auto& other : asks) {
      if (other.request == ask.request && named.insert(other.style->name).second) others.push_back(&other);
    }
    report_substitute(ask, used, others, family_faces, diagnostics);
  }
}

void check_fonts(const content::Roadshow& roadshow, Diagnostics& diagnostics) {
  text::FontLibrary fonts(text::font_dirs(roadshow.root));
  try {
    check_fonts(roadshow.theme, fonts, diagnostics);
  } catch (const text::FontError& e) {
    // A font folder that cannot be read, or a font file the content root's
    // door refuses (core/root_file.hpp). In the root's own fonts/ the link
    // check of the content has said so already, with the file's name.
    if (!diagnostics.has_errors()) {
      diagnostics.error({(roadshow.root / "fonts").string(), 0, 0}, e.what(), "readable font files", {});
    }
  }
}

}  // namespace impactkit::products
