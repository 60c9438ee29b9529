#include <impactkit/print/image.hpp>
#include <impactkit/print/press_colour.hpp>

#include <impactkit/core/file_io.hpp>

#include <fmt/format.h>
#include <lcms2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace impactkit::print {
namespace fs = std::filesystem;

// LittleCMS's handles, owned. Named, not anonymous: PressColours::Impl
// holds them, and a class with external linkage may not hold a type of an
// anonymous namespace (GCC's -Wsubobject-linkage in a unity build).
namespace lcms {
struct ProfileCloser {
  void operator()(void* p) const { cmsCloseProfile(p); }
};
using Profile = std::unique_ptr<void, ProfileCloser>;
struct TransformDeleter {
  void operator()(void* t) const { cmsDeleteTransform(t); }
};
using Transform = std::unique_ptr<void, TransformDeleter>;
}  // namespace lcms

using lcms::Profile;
using lcms::Transform;

namespace {

std::string profile_description(cmsHPROFILE profile) {
  std::array<char, 256> text{};
  const cmsUInt32Number n = cmsGetProfileInfoASCII(profile, cmsInfoDescription, "en", "US", text.data(), text.size());
  std::string out = n > 0 ? std::string(text.data()) : std::string();
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// sRGB through the press profile, then LittleCMS's ink-limiting device link.
Transform press_transform(cmsHPROFILE press, double limit_percent, cmsUInt32Number in, cmsUInt32Number out) {
  const Profile srgb(cmsCreate_sRGBProfile());
  const Profile limit(cmsCreateInkLimitingDeviceLink(cmsSigCmykData, limit_percent));
  std::array<cmsHPROFILE, 3> chain = {srgb.get(), press, limit.get()};
  // No cache: one transform serves every thread that converts.
  Transform t(cmsCreateMultiprofileTransform(chain.data(), chain.size(), in, out, INTENT_RELATIVE_COLORIMETRIC,
                                             cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOCACHE));
  if (!t) throw PrintError("PDF/X: LittleCMS cannot convert sRGB into the CMYK profile");
  return t;
}

std::uint32_t rgb_key(int r, int g, int b) {
  return (static_cast<std::uint32_t>(r) << 16) | (static_cast<std::uint32_t>(g) << 8) | static_cast<std::uint32_t>(b);
}

// A channel written as n/255 with six decimals, as Cairo writes a colour
// it was given in hex: its byte, or -1.
int exact_byte(double v) {
  const double scaled = v * 255.0;
  const double rounded = std::round(scaled);
  return std::abs(scaled - rounded) < 0.01 && rounded >= 0 && rounded <= 255 ? static_cast<int>(rounded) : -1;
}

}  // namespace

fs::path default_cmyk_profile() {
  return "/usr/share/color/icc/ghostscript/default_cmyk.icc";
}

struct PressColours::Impl {
  std::string bytes;
  std::string description;
  std::string identifier;
  double max_ink = 3.0;
  std::map<std::uint32_t, Cmyk> inks;
  Transform exact;   // doubles, for the colours of vectors and text
  Transform pixels;  // bytes, for images
  Transform proof;   // the press's CMYK to Lab: what a mix of inks looks like
};

PressColours::PressColours(const PressCondition& condition) : impl_(std::make_unique<Impl>()) {
  const fs::path file = condition.profile.empty() ? default_cmyk_profile() : condition.profile;
  auto bytes = read_file(file);
  if (!bytes) {
    throw PrintError(fmt::format("PDF/X: cannot read the CMYK profile '{}'{}", file.string(),
                                 condition.profile.empty() ? ": install the Debian package libgs-common" : ""));
  }
  const Profile press(cmsOpenProfileFromMem(bytes->data(), static_cast<cmsUInt32Number>(bytes->size())));
  if (!press) throw PrintError(fmt::format("PDF/X: '{}' is not an ICC profile", file.string()));
  // Whether it can convert with our intent is LittleCMS's to say: a
  // profile without a relative colorimetric table is used through its
  // perceptual one, and press_transform fails on one it cannot use.
  if (cmsGetColorSpace(press.get()) != cmsSigCmykData || cmsGetDeviceClass(press.get()) != cmsSigOutputClass) {
    throw PrintError(
        fmt::format("PDF/X: '{}' is not a CMYK output profile (a printing condition, such as "
                    "FOGRA39 from the print shop)",
                    file.string()));
  }
  impl_->bytes = std::move(*bytes);
  impl_->description = profile_description(press.get());
  if (impl_->description.empty()) impl_->description = file.filename().string();
  impl_->identifier = condition.identifier.empty() ? "Custom" : condition.identifier;
  impl_->max_ink = condition.max_ink;
  for (const auto& ink : condition.inks) {
    if (ink.cmyk.ink() > condition.max_ink + 1e-9) {
      throw PrintError(fmt::format("PDF/X: the print value of #{:06X} has {:.0f} % ink, more than {:.0f} %", ink.rgb,
                                   ink.cmyk.ink() * 100, condition.max_ink * 100));
    }
    impl_->inks[ink.rgb] = ink.cmyk;
  }
  // A percent under the limit: rounding to bytes or to four decimals then
  // never takes a colour over it.
  const double limit_percent = condition.max_ink * 100 - 1;
  impl_->exact = press_transform(press.get(), limit_percent, TYPE_RGB_DBL, TYPE_CMYK_DBL);
  impl_->pixels = press_transform(press.get(), limit_percent, TYPE_RGB_8, TYPE_CMYK_8);
  const Profile lab(cmsCreateLab4Profile(nullptr));
  impl_->proof.reset(cmsCreateTransform(press.get(), TYPE_CMYK_DBL, lab.get(), TYPE_Lab_DBL,
                                        INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE));
  if (!impl_->proof)
    throw PrintError(fmt::format("PDF/X: LittleCMS cannot read colours back from '{}'", file.string()));
}

PressColours::~PressColours() = default;

Cmyk PressColours::cmyk(double r, double g, double b) const {
  const int rb = exact_byte(r);
  const int gb = exact_byte(g);
  const int bb = exact_byte(b);
  if (rb >= 0 && gb >= 0 && bb >= 0) {
    if (auto it = impl_->inks.find(rgb_key(rb, gb, bb)); it != impl_->inks.end()) return it->second;
  }
  std::array<double, 3> in = {std::clamp(r, 0.0, 1.0), std::clamp(g, 0.0, 1.0), std::clamp(b, 0.0, 1.0)};
  std::array<double, 4> out{};  // LittleCMS gives CMYK doubles in percent
  cmsDoTransform(impl_->exact.get(), in.data(), out.data(), 1);
  const auto unit = [](double percent) { return std::clamp(percent / 100.0, 0.0, 1.0); };
  const Cmyk converted{unit(out[0]), unit(out[1]), unit(out[2]), unit(out[3])};
  const bool neutral = std::abs(r - g) < 0.5 / 255 && std::abs(g - b) < 0.5 / 255;
  return neutral ? black_only(converted) : converted;
}

// A grey as black ink alone, as light as the four inks would print it:
// grey text and rules in four inks blur when the plates are a hair apart.
// K is found by halving the interval, as the profile maps K to lightness
// by a table, not a formula.
Cmyk PressColours::black_only(const Cmyk& four_inks) const {
  const auto lightness = [&](const Cmyk& c) {
    std::array<double, 4> in = {c.c * 100, c.m * 100, c.y * 100, c.k * 100};
    cmsCIELab lab{};
    cmsDoTransform(impl_->proof.get(), in.data(), &lab, 1);
    return lab.L;
  };
  const double target = lightness(four_inks);
  double lo = 0;
  double hi = 1;
  if (lightness({0, 0, 0, hi}) >= target) return {0, 0, 0, 1};
  for (int i = 0; i < 20; ++i) {
    const double mid = (lo + hi) / 2;
    (lightness({0, 0, 0, mid}) > target ? lo : hi) = mid;
  }
  return {0, 0, 0, (lo + hi) / 2};
}

std::string PressColours::cmyk_pixels(std::string_view rgb) const {
  const std::size_t n = rgb.size() / 3;
  std::string out(n * 4, '\0');
  if (n > 0) cmsDoTransform(impl_->pixels.get(), rgb.data(), out.data(), static_cast<cmsUInt32Number>(n));
  return out;
}

const std::string& PressColours::profile_bytes() const {
  return impl_->bytes;
}
const std::string& PressColours::description() const {
  return impl_->description;
}
const std::string& PressColours::identifier() const {
  return impl_->identifier;
}

}  // namespace impactkit::print
