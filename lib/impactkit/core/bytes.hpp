#pragma once
// Files impactkit writes for itself and reads back in a later process (what
// a build keeps for the next, core/cache.hpp): numbers and strings as bytes,
// and a seal around them. A sealed file is read only when its header — the
// format and what the contents were made from — is the one expected and its
// body's checksum (core/digest.hpp) still holds, so a damaged or foreign
// file is refused, never half-used. Native byte order: such a file stays on
// the machine that wrote it.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace impactkit {

class ByteWriter {
 public:
  template <typename T>
  void number(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  // `size` bytes behind their count; nullptr: none (a count of -1).
  void blob(const char* bytes, std::size_t size);
  // A C string as a blob; nullptr: none.
  void string(const char* text) { blob(text, text == nullptr ? 0 : std::strlen(text)); }
  void raw(std::string_view bytes) { out_.append(bytes); }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

// Reads what a ByteWriter wrote; every read is nullopt past the end.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  std::optional<T> number() {
    if (bytes_.size() < sizeof(T)) return std::nullopt;
    T value{};
    std::memcpy(&value, bytes_.data(), sizeof value);
    bytes_.remove_prefix(sizeof value);
    return value;
  }
  // A blob's bytes; `present` is false for none.
  std::optional<std::string_view> blob(bool& present);
  std::optional<std::string_view> raw(std::size_t size);
  std::size_t left() const { return bytes_.size(); }
  bool done() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

// `body` behind `header` and the body's checksum.
std::string seal(std::string_view header, std::string_view body);

// The body of a file seal() made with this very header, whose checksum
// holds; nullopt otherwise.
std::optional<std::string_view> unseal(std::string_view file, std::string_view header);

}  // namespace impactkit
