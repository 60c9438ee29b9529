#pragma once
// The pixel size a PNG or JPEG file claims in its header, read without
// decoding the image: the check against decompression bombs (a small file
// that claims a huge image) must come before anything allocates its pixels.
// Header-only: a few lines, used by the content loader and the print stage.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

namespace impactkit {

struct PixelSize {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

namespace detail {

inline std::uint32_t big_endian(std::string_view bytes, std::size_t at, std::size_t count) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < count; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

constexpr std::string_view png_signature = "\x89PNG\r\n\x1A\n";

// JPEG frame headers (SOF0..SOF15) carry the size; C4 (DHT), C8 (JPG) and
// CC (DAC) share the range but are not frames.
inline bool is_frame_marker(unsigned char marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Markers that stand alone, without a length: TEM, RST0..7, SOI, EOI.
inline bool is_standalone_marker(unsigned char marker) {
  return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD9);
}

}  // namespace detail

// From the first bytes of a file (the whole file, or at least its header):
// a PNG's IHDR, or a JPEG's first frame header (SOFn). Nothing when the bytes
// are not a PNG or JPEG, or the header is cut short or broken.
inline std::optional<PixelSize> image_pixel_size(std::string_view bytes) {
  if (bytes.starts_with(detail::png_signature)) {
    // Signature, chunk length, "IHDR", width, height: IHDR is always first.
    if (bytes.size() < 24 || bytes.substr(12, 4) != "IHDR") return std::nullopt;
    return PixelSize{detail::big_endian(bytes, 16, 4), detail::big_endian(bytes, 20, 4)};
  }
  if (!bytes.starts_with("\xFF\xD8")) return std::nullopt;
  // Segments up to the first frame header; Exif and ICC segments may come first.
  std::size_t at = 2;
  while (at + 4 <= bytes.size()) {
    if (static_cast<unsigned char>(bytes[at]) != 0xFF) return std::nullopt;
    const auto marker = static_cast<unsigned char>(bytes[at + 1]);
    if (marker == 0xFF) {  // fill byte before a marker
      ++at;
      continue;
    }
    if (detail::is_standalone_marker(marker)) {
      if (marker == 0xD9) return std::nullopt;  // the end of the image, and no frame
      at += 2;
      continue;
    }
    if (marker == 0xDA) return std::nullopt;  // scan data before any frame header
    const std::uint32_t length = detail::big_endian(bytes, at + 2, 2);
    if (length < 2) return std::nullopt;
    if (detail::is_frame_marker(marker)) {
      // Length, precision, height, width.
      if (length < 7 || at + 9 > bytes.size()) return std::nullopt;
      return PixelSize{detail::big_endian(bytes, at + 7, 2), detail::big_endian(bytes, at + 5, 2)};
    }
    at += 2 + length;
  }
  return std::nullopt;
}

// The same, reading only as much of `file` as its header needs: 64 kB, or
// 1 MB for a JPEG whose metadata segments (each at most 64 kB) come first.
inline std::optional<PixelSize> image_pixel_size(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  for (const std::size_t room : {std::size_t{64} * 1024, std::size_t{1024} * 1024}) {
    const std::size_t had = bytes.size();
    bytes.resize(room);
    in.read(bytes.data() + had, static_cast<std::streamsize>(room - had));
    bytes.resize(had + static_cast<std::size_t>(in.gcount()));
    if (auto size = image_pixel_size(std::string_view(bytes))) return size;
    if (!in) break;  // the whole file was read
  }
  return std::nullopt;
}

}  // namespace impactkit
