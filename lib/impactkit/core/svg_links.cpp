#include <impactkit/core/limits.hpp>
#include <impactkit/core/root_file.hpp>
#include <impactkit/core/svg_links.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <system_error>

namespace impactkit {
namespace fs = std::filesystem;

// Hand-written: glib's g_base64_encode is not linked (librsvg and glib are
// loaded only when an SVG is drawn, print/detail/rsvg_api.hpp, and this
// also runs in `validate`), and libxml2 encodes base64 only inside its
// XML text writer. Tested against RFC 4648's vectors.
std::string base64(std::string_view bytes) {
  static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[i + k])); };
    const unsigned n = (b(0) << 16) | (b(1) << 8) | b(2);
    out += {digits[(n >> 18) & 63], digits[(n >> 12) & 63], digits[(n >> 6) & 63], digits[n & 63]};
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 0) return out;
  unsigned n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16;
  if (rest == 2) n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8;
  out += {digits[(n >> 18) & 63], digits[(n >> 12) & 63], rest == 2 ? digits[(n >> 6) & 63] : '=', '='};
  return out;
}

namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlFree {
  void operator()(void* p) const { xmlFree(p); }
};

const xmlChar* xml(const char* s) {
  return reinterpret_cast<const xmlChar*>(s);
}

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

// The media type of a linked file, by its first bytes (a name can lie);
// nothing for any other kind.
std::optional<std::string> media_type(std::string_view bytes) {
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (starts_with(bytes, "\xFF\xD8\xFF")) return "image/jpeg";
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);  // a UTF-8 byte order mark
  const auto first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '<' && bytes.find("<svg") != std::string_view::npos) {
    return "image/svg+xml";
  }
  return std::nullopt;
}

// A link to a file: not empty, not a fragment of this SVG, not data.
bool links_a_file(std::string_view href) {
  const auto first = href.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  href.remove_prefix(first);
  return href[0] != '#' && !starts_with_nocase(href, "data:");
}

// "http" for "http://...", "file" for "file:/...": a URL's scheme, which
// begins with a letter and ends at the first ':' before any '/'.
std::optional<std::string> scheme_of(std::string_view href) {
  if (href.empty() || !std::isalpha(static_cast<unsigned char>(href[0]))) return std::nullopt;
  const auto colon = href.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto name = href.substr(0, colon);
  const bool valid = std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
  return valid ? std::optional<std::string>(name) : std::nullopt;
}

// A relative URL's path as a file name: "%20" is a space. Nothing for a
// '%' not followed by two hex digits, or for a NUL.
std::optional<std::string> percent_decoded(std::string_view href) {
  std::string out;
  for (std::size_t i = 0; i < href.size(); ++i) {
    if (href[i] != '%') {
      out += href[i];
      continue;
    }
    if (i + 2 >= href.size() || !std::isxdigit(static_cast<unsigned char>(href[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(href[i + 2]))) {
      return std::nullopt;
    }
    const char c = static_cast<char>(std::stoi(std::string(href.substr(i + 1, 2)), nullptr, 16));
    if (c == '\0') return std::nullopt;
    out += c;
    i += 2;
  }
  return out;
}

struct Link {
  xmlNode* node;
  xmlAttr* attr;
  std::string href;
};

// Every `<image>` whose href (plain or xlink:) links a file. libxml2 keeps
// nesting within 256 levels (no XML_PARSE_HUGE), so recursion is bounded.
void collect(xmlNode* node, std::vector<Link>& links) {
  for (xmlNode* n = node; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (xmlStrEqual(n->name, xml("image"))) {
      for (xmlAttr* a = n->properties; a; a = a->next) {
        if (!xmlStrEqual(a->name, xml("href"))) continue;
        const std::unique_ptr<xmlChar, XmlFree> value(xmlNodeListGetString(n->doc, a->children, 1));
        std::string href = value ? reinterpret_cast<const char*>(value.get()) : "";
        if (!links_a_file(href)) continue;
        href.erase(0, href.find_first_not_of(" \t\r\n"));  // as a URL is read
        href.erase(href.find_last_not_of(" \t\r\n") + 1);
        links.push_back({n, a, href});
      }
    }
    collect(n->children, links);
  }
}

const char* const relative_file = "a PNG, JPEG or SVG file in the content root, named relative to the SVG";
const char* const embed_fix =
    "copy the image into the content root next to the SVG and link it by its name, "
    "or embed it in the SVG";

class Resolver {
 public:
  Resolver(const std::vector<fs::path>& within, const SvgCheck& check) : within_(within), check_(check) {}

  // Replaces the file links in `bytes` (from `file`, `depth` links down
  // from the first SVG) by data: URLs.
  std::optional<SvgLinkProblem> resolve(const fs::path& file, std::string& bytes, int depth) {
    // Cheap first: most SVGs link nothing and are not parsed again.
    if (bytes.find("image") == std::string::npos) return std::nullopt;
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    const std::unique_ptr<xmlDoc, DocDeleter> doc(xmlReadMemory(
        bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), 1U << 30)), nullptr, nullptr, options));
    if (!doc) return std::nullopt;  // its budget check or librsvg says what is wrong
    std::vector<Link> links;
    collect(xmlDocGetRootElement(doc.get()), links);
    if (links.empty()) return std::nullopt;
    for (const Link& link : links) {
      auto data = data_url(file, link.href, depth);
      if (!data) return problem_;
      xmlSetNsProp(link.node, link.attr->ns, link.attr->name, xml(data->c_str()));
    }
    xmlChar* raw = nullptr;
    int size = 0;
    xmlDocDumpMemory(doc.get(), &raw, &size);
    const std::unique_ptr<xmlChar, XmlFree> written(raw);
    if (!written) {
      refuse("the SVG cannot be written again with its linked images", "export it again from the program that made it",
             "an SVG that libxml2 can write");
      return problem_;
    }
    bytes.assign(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(size));
    return std::nullopt;
  }

  void enter(const fs::path& file) {
    chain_.push_back(real(file));
    chain_folder_ = file.parent_path().lexically_normal();
  }

 private:
  static fs::path real(const fs::path& file) {
    std::error_code ec;
    auto path = fs::canonical(file, ec);
    return ec ? file.lexically_normal() : path;
  }

  std::nullopt_t refuse(std::string what, std::string fix, std::string expected = relative_file) {
    problem_ = SvgLinkProblem{std::move(what), std::move(expected), fix.empty() ? embed_fix : std::move(fix)};
    return std::nullopt;
  }

  std::optional<std::string> data_url(const fs::path& file, const std::string& href, int depth) {
    const std::string image = fmt::format("<image href=\"{}\">", href);
    if (const auto scheme = scheme_of(href)) {
      return refuse(fmt::format("the SVG's {} links a URL ({}:), which impactkit does not load", image, *scheme), "");
    }
    if (href[0] == '/' || href[0] == '\\') return refuse(fmt::format("the SVG's {} is an absolute path", image), "");
    if (href.find_first_of("?#") != std::string::npos) {
      return refuse(fmt::format("the SVG's {} has a query or a fragment (? or #)", image), "link the file by its name");
    }
    const auto name = percent_decoded(href);
    if (!name) return refuse(fmt::format("the SVG's {} is not a file name", image), "link the file by its name");
    // "%2Fetc" decodes to an absolute path, which `/` would put in place of the folder.
    if (fs::path(*name).has_root_path()) return refuse(fmt::format("the SVG's {} is an absolute path", image), "");
    const fs::path target = file.parent_path() / *name;
    auto read = read_root_file(target, within_, limits::max_image_file_bytes);
    if (read.error) return refuse(fmt::format("the SVG's {} cannot be read: {}", image, describe(*read.error)), "");
    const auto type = media_type(read.bytes);
    if (!type) return refuse(fmt::format("the SVG's {} is not a PNG, JPEG or SVG image", image), "");
    if (*type == "image/svg+xml" && !inline_svg(target, read.bytes, image, depth)) return std::nullopt;
    const std::string prefix = "data:" + *type + ";base64,";
    const std::uint64_t size = prefix.size() + (read.bytes.size() + 2) / 3 * 4;
    total_ += size;
    if (total_ > svg_link_limits::max_data_bytes) {
      return refuse(fmt::format("the images the SVG links come to more than {} MiB once embedded (at {})",
                                svg_link_limits::max_data_bytes / (std::uint64_t{1024} * 1024), image),
                    "scale the linked images down, or export the drawing as one PNG",
                    fmt::format("linked images of at most {} MiB in all, as base64 (about {} MiB of files)",
                                svg_link_limits::max_data_bytes / (std::uint64_t{1024} * 1024),
                                svg_link_limits::max_data_bytes * 3 / 4 / (std::uint64_t{1024} * 1024)));
    }
    return prefix + base64(read.bytes);
  }

  // A linked SVG: not one of the SVGs that link it, within the depth and
  // the check, its own links resolved. False with problem_ set.
  bool inline_svg(const fs::path& target, std::string& bytes, const std::string& image, int depth) {
    const fs::path path = real(target);
    if (path == chain_.back()) {
      refuse(fmt::format("the SVG's {} links the SVG itself", image), "remove the link, or link another file");
      return false;
    }
    if (std::find(chain_.begin(), chain_.end(), path) != chain_.end()) {
      refuse(fmt::format("the SVG's {} leads back to '{}', which links it (a cycle)", image, path.filename().string()),
             "remove one of the links of the cycle");
      return false;
    }
    if (depth + 1 > svg_link_limits::max_depth) {
      refuse(fmt::format("the SVG's {} nests linked SVGs more than {} deep", image, svg_link_limits::max_depth),
             "embed the inner drawings, or export the drawing as a PNG",
             fmt::format("SVGs linked at most {} deep", svg_link_limits::max_depth));
      return false;
    }
    const auto in_linked = [&](SvgLinkProblem p) {
      // Named from the first SVG's folder, as its own links are.
      fs::path shown = target.lexically_normal().lexically_relative(chain_folder_);
      if (shown.empty()) shown = target.lexically_normal();
      p.what = fmt::format("the SVG's {} links '{}', which is refused: {}", image, shown.string(), p.what);
      problem_ = std::move(p);
      return false;
    };
    if (bytes.find("http://www.w3.org/2001/XInclude") != std::string::npos ||
        bytes.find("xi:include") != std::string::npos) {
      return in_linked({"it includes other files (XInclude)", "a self-contained SVG",
                        "paste the included part into it, or export it again as one file"});
    }
    if (check_) {
      if (auto p = check_(bytes)) return in_linked(std::move(*p));
    }
    chain_.push_back(path);
    auto inner = resolve(target, bytes, depth + 1);
    chain_.pop_back();
    if (inner) return in_linked(std::move(*inner));
    return true;
  }

  const std::vector<fs::path>& within_;
  const SvgCheck& check_;
  fs::path chain_folder_;        // the first SVG's folder
  std::vector<fs::path> chain_;  // the real paths of the SVGs being resolved, the first SVG first
  std::uint64_t total_ = 0;
  std::optional<SvgLinkProblem> problem_;
};

}  // namespace

LinkedSvg resolve_svg_links(const fs::path& file, std::string bytes, const std::vector<fs::path>& within,
                            const SvgCheck& check) {
  Resolver resolver(within, check);
  resolver.enter(file);
  auto problem = resolver.resolve(file, bytes, 0);
  return {std::move(bytes), std::move(problem)};
}

}  // namespace impactkit
