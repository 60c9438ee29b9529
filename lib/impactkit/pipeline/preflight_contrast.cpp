#include <impactkit/pipeline/preflight_contrast.hpp>

#include <impactkit/core/child_process.hpp>
#include <impactkit/layout/contrast.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace impactkit::pipeline {
namespace fs = std::filesystem;

namespace {

// A page is rendered at most this large (48 MiB of RGB), whatever its size:
// an A0 poster at 100 dpi, a card at 300.
constexpr double max_page_pixels = 16e6;
// A word is measured when its box is at least this many pixels tall: its
// strokes are then two pixels or more wide, so that some pixels are wholly
// ink, not a blend of ink and background.
constexpr double wanted_word_px = 24;
constexpr int min_word_px = 10;
// A word's box is about 1.21 of its size tall (Inter's ascender and
// descender; most text faces are within a tenth of that).
constexpr double box_per_size = 1.21;
constexpr std::size_t max_listed = 3;  // problems named in the row; the rest counted
// A file in the output folder is untrusted: one of 100,000 pages, or of
// words each as large as its page, is measured this far and no further.
constexpr std::chrono::seconds time_per_file{120};
constexpr double max_examined_pixels = 256e6;  // in the words' boxes, per file

double attribute(std::string_view tag, std::string_view name) {
  const std::string key = fmt::format(" {}=\"", name);
  const auto at = tag.find(key);
  if (at == std::string_view::npos) return std::numeric_limits<double>::quiet_NaN();
  const char* begin = tag.data() + at + key.size();
  double value = std::numeric_limits<double>::quiet_NaN();
  std::from_chars(begin, tag.data() + tag.size(), value);
  return value;
}

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool replaced = false;
    for (const auto& [entity, c] :
         {std::pair{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&#39;", '\''}}) {
      if (s.substr(i).starts_with(entity)) {
        out += c;
        i += std::string_view(entity).size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += s[i];
  }
  return out;
}

layout::Rgb rgb(std::uint32_t c) {
  return {((c >> 16) & 0xFF) / 255.0, ((c >> 8) & 0xFF) / 255.0, (c & 0xFF) / 255.0};
}

double distance(std::uint32_t a, std::uint32_t b) {
  double sum = 0;
  for (int shift : {16, 8, 0}) {
    const double d = static_cast<double>((a >> shift) & 0xFF) - static_cast<double>((b >> shift) & 0xFF);
    sum += d * d;
  }
  return std::sqrt(sum);
}

struct Problem {
  int page = 0;
  std::string word;
  std::uint32_t ink = 0, background = 0;
  double ratio = 0, need = 0, a4_pt = 0;
};

struct Tally {
  std::size_t measured = 0, too_small = 0, unread = 0, pages = 0, below = 0, over_budget = 0;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::now() + time_per_file;
  double examined = 0;  // pixels
  double lowest = 21;
  std::vector<Problem> problems;  // one per pair of colours and threshold
};

void count_problem(Problem p, Tally& tally) {
  ++tally.below;
  const bool known = std::any_of(tally.problems.begin(), tally.problems.end(), [&](const Problem& q) {
    return q.ink == p.ink && q.background == p.background && q.need == p.need;
  });
  if (!known) tally.problems.push_back(std::move(p));
}

// Renders page `number` (from 1) at a resolution that makes its smallest
// word wanted_word_px tall, within max_page_pixels, and measures its words.
void measure_page(const fs::path& renderer, const fs::path& file, int number, const PdfWordPage& page,
                  const print::PdfFacts& facts, Tally& tally) {
  double smallest = std::numeric_limits<double>::max();
  for (const auto& w : page.words) smallest = std::min(smallest, w.y1 - w.y0);
  double dpi = std::clamp(wanted_word_px * 72 / std::max(smallest, 0.1), 36.0, 300.0);
  dpi = std::max(
      1.0, std::floor(std::min(dpi, 72 * std::sqrt(max_page_pixels / std::max(page.width_pt * page.height_pt, 1.0)))));
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(tally.deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) {
    tally.over_budget += page.words.size();
    return;
  }
  ProgramOptions options;
  options.timeout = std::min<std::chrono::milliseconds>(std::chrono::seconds(60), left);
  options.max_output = static_cast<std::size_t>(max_page_pixels * 3) + 1024;
  const auto n = std::to_string(number);
  const ProgramRun run =
      run_program(renderer, {"-q", "-r", fmt::format("{}", dpi), "-f", n, "-l", n, file.string()}, options);
  const auto pixels = run.succeeded() ? parse_ppm(run.output) : std::nullopt;
  if (!pixels) {
    tally.unread += page.words.size();
    return;
  }
  ++tally.pages;
  // Sizes at A4: the trim box scaled to A4's width in its orientation, as the build measures them.
  double trim_w = page.width_pt, trim_h = page.height_pt;
  if (static_cast<std::size_t>(number) <= facts.pages.size()) {
    const auto& p = facts.pages[static_cast<std::size_t>(number) - 1];
    const print::PdfBox box = p.trim.value_or(p.bleed.value_or(p.media));
    trim_w = box.right - box.left;
    trim_h = box.top - box.bottom;
  }
  const double a4 = layout::mm_to_pt(trim_w <= trim_h ? 210 : 297) / std::max(trim_w, 1.0);
  const double px = dpi / 72;
  for (const auto& w : page.words) {
    // Clamped to the page before they are integers: the boxes are the file's, any number at all.
    const auto low = [&](double pt, int end) {
      return static_cast<int>(std::floor(std::clamp(pt * px, 0.0, 1.0 * end)));
    };
    const auto high = [&](double pt, int end) {
      return static_cast<int>(std::ceil(std::clamp(pt * px, 0.0, 1.0 * end)));
    };
    const int x0 = low(w.x0, pixels->width), y0 = low(w.y0, pixels->height);
    const int x1 = high(w.x1, pixels->width), y1 = high(w.y1, pixels->height);
    if (y1 - y0 < min_word_px || x1 <= x0) {
      ++tally.too_small;
      continue;
    }
    tally.examined += static_cast<double>(x1 - x0) * (y1 - y0);
    if (tally.examined > max_examined_pixels) {
      ++tally.over_budget;
      continue;
    }
    const WordColors c = measure_word(*pixels, x0, y0, x1, y1);
    const double ratio = layout::contrast_ratio(rgb(c.ink), rgb(c.background));
    const double a4_pt = (w.y1 - w.y0) / box_per_size * a4;
    // The weight of a word is not in the rendered page: bold text of 14 to
    // 18 pt is held to 4.5:1 here, to 3:1 by the build.
    const double need = layout::required_contrast(a4_pt, false);
    ++tally.measured;
    tally.lowest = std::min(tally.lowest, ratio);
    if (ratio < need) count_problem({number, w.text, c.ink, c.background, ratio, need, a4_pt}, tally);
  }
}

std::string describe(const Tally& tally) {
  std::string out;
  if (tally.below > 0) {
    out = fmt::format("{} word{} below WCAG 2.1's contrast:", tally.below, tally.below == 1 ? "" : "s");
    for (std::size_t i = 0; i < tally.problems.size() && i < max_listed; ++i) {
      const auto& p = tally.problems[i];
      out += fmt::format("{} page {} '{}' {} on {} {:.1f}:1, needs {}:1 ({:.0f} pt at A4)", i == 0 ? "" : ";", p.page,
                         p.word, layout::hex(rgb(p.ink)), layout::hex(rgb(p.background)), std::floor(p.ratio * 10) / 10,
                         p.need, p.a4_pt);
    }
    if (tally.problems.size() > max_listed) {
      out += fmt::format("; {} more pairs of colours", tally.problems.size() - max_listed);
    }
  } else {
    out = fmt::format("{} word{} on {} page{}, the lowest {:.1f}:1", tally.measured, tally.measured == 1 ? "" : "s",
                      tally.pages, tally.pages == 1 ? "" : "s", std::floor(tally.lowest * 10) / 10);
  }
  if (tally.too_small > 0) out += fmt::format("; {} too small to measure", tally.too_small);
  if (tally.unread > 0) out += fmt::format("; {} on pages pdftoppm could not render", tally.unread);
  if (tally.over_budget > 0) {
    out += fmt::format("; {} not measured: past preflight's budget of {} s and {} million pixels a file",
                       tally.over_budget, time_per_file.count(), max_examined_pixels / 1e6);
  }
  return out;
}

}  // namespace

std::vector<PdfWordPage> parse_word_boxes(std::string_view xhtml) {
  std::vector<PdfWordPage> pages;
  for (std::size_t at = xhtml.find('<'); at != std::string_view::npos; at = xhtml.find('<', at + 1)) {
    const auto end = xhtml.find('>', at);
    if (end == std::string_view::npos) break;
    const auto tag = xhtml.substr(at, end - at);
    if (tag.starts_with("<page ")) {
      pages.push_back({attribute(tag, "width"), attribute(tag, "height"), {}});
    } else if (tag.starts_with("<word ") && !pages.empty()) {
      const auto close = xhtml.find("</word>", end);
      if (close == std::string_view::npos) break;
      PdfWord w{attribute(tag, "xMin"), attribute(tag, "yMin"), attribute(tag, "xMax"), attribute(tag, "yMax"),
                unescape(xhtml.substr(end + 1, close - end - 1))};
      const bool sane = std::isfinite(w.x0) && std::isfinite(w.y0) && std::isfinite(w.x1) && std::isfinite(w.y1) &&
                        w.x1 > w.x0 && w.y1 > w.y0;
      if (sane) pages.back().words.push_back(std::move(w));
      at = close;
    }
  }
  pages.erase(std::remove_if(pages.begin(), pages.end(),
                             [](const PdfWordPage& p) { return !(p.width_pt > 0) || !(p.height_pt > 0); }),
              pages.end());
  return pages;
}

std::optional<Pixels> parse_ppm(std::string_view ppm) {
  if (!ppm.starts_with("P6")) return std::nullopt;
  std::size_t at = 2;
  long numbers[3] = {0, 0, 0};
  for (long& n : numbers) {
    while (at < ppm.size() && (std::isspace(static_cast<unsigned char>(ppm[at])) || ppm[at] == '#')) {
      if (ppm[at] == '#')
        at = std::min(ppm.find('\n', at), ppm.size());
      else
        ++at;
    }
    const auto [end, ec] = std::from_chars(ppm.data() + at, ppm.data() + ppm.size(), n);
    if (ec != std::errc() || n <= 0 || n > 100000) return std::nullopt;
    at = static_cast<std::size_t>(end - ppm.data());
  }
  if (numbers[2] != 255 || at >= ppm.size()) return std::nullopt;
  ++at;  // the one white-space character before the pixels
  const auto bytes = static_cast<std::size_t>(numbers[0]) * static_cast<std::size_t>(numbers[1]) * 3;
  if (ppm.size() - at < bytes) return std::nullopt;
  return Pixels{static_cast<int>(numbers[0]), static_cast<int>(numbers[1]), ppm.substr(at, bytes)};
}

WordColors measure_word(const Pixels& page, int x0, int y0, int x1, int y1) {
  x0 = std::clamp(x0, 0, page.width);
  x1 = std::clamp(x1, 0, page.width);
  y0 = std::clamp(y0, 0, page.height);
  y1 = std::clamp(y1, 0, page.height);
  std::unordered_map<std::uint32_t, int> counts;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const auto* p =
          reinterpret_cast<const unsigned char*>(page.rgb.data()) +
          (static_cast<std::size_t>(y) * static_cast<std::size_t>(page.width) + static_cast<std::size_t>(x)) * 3;
      ++counts[(std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2]];
    }
  }
  if (counts.empty()) return {0xFFFFFF, 0xFFFFFF};
  // The commonest colour (the lower one of equals, so that the answer does not depend on hashing).
  const auto commonest = [&](auto&& eligible) {
    std::optional<std::pair<std::uint32_t, int>> best;
    for (const auto& [c, n] : counts) {
      if (eligible(c, n) && (!best || n > best->second || (n == best->second && c < best->first))) best = {c, n};
    }
    return best;
  };
  const std::uint32_t background = commonest([](std::uint32_t, int) { return true; })->first;
  // Anti-aliased edges blend ink into the background: the ink is the
  // commonest colour among those at least half as far from the background
  // as the farthest (that appears twice: a single pixel may be noise).
  // A small glyph (a middle dot) may have no colour twice but the background's: then any counts.
  double farthest = 0;
  for (int least : {2, 1}) {
    for (const auto& [c, n] : counts) {
      if (n >= least) farthest = std::max(farthest, distance(c, background));
    }
    if (farthest > 0) break;
  }
  const auto ink =
      commonest([&](std::uint32_t c, int) { return farthest > 0 && distance(c, background) >= farthest / 2; });
  return {ink ? ink->first : background, background};
}

PreflightRow check_pdf_contrast(const fs::path& file, const std::string& shown, const print::PdfFacts& facts) {
  PreflightRow row{shown, "contrast", true, "", false};
  const auto reader = find_program("pdftotext");
  const auto renderer = find_program("pdftoppm");
  if (!reader || !renderer) {
    row.warn = true;
    row.detail = "cannot be measured: Poppler's pdftotext and pdftoppm are not installed";
    return row;
  }
  ProgramOptions options;
  options.max_output = std::size_t{64} * 1024 * 1024;
  const ProgramRun words = run_program(*reader, {"-q", "-bbox-layout", file.string(), "-"}, options);
  if (!words.succeeded()) {
    row.warn = true;
    row.detail = "cannot be measured: pdftotext cannot read its words";
    return row;
  }
  const auto pages = parse_word_boxes(words.output);
  Tally tally;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (!pages[i].words.empty()) measure_page(*renderer, file, static_cast<int>(i) + 1, pages[i], facts, tally);
  }
  if (tally.measured == 0 && tally.too_small == 0 && tally.unread == 0 && tally.over_budget == 0) {
    row.detail = "no text";
    return row;
  }
  row.warn = tally.below > 0 || tally.unread > 0 || tally.over_budget > 0;
  row.detail = describe(tally);
  return row;
}

}  // namespace impactkit::pipeline
