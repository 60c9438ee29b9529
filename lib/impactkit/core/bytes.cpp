#include <impactkit/core/bytes.hpp>

#include <impactkit/core/digest.hpp>

namespace impactkit {

void ByteWriter::blob(const char* bytes, std::size_t size) {
  if (bytes == nullptr) {
    number<std::int32_t>(-1);
    return;
  }
  number(static_cast<std::int32_t>(size));
  out_.append(bytes, size);
}

std::optional<std::string_view> ByteReader::blob(bool& present) {
  const auto size = number<std::int32_t>();
  if (!size || *size < -1) return std::nullopt;
  present = *size >= 0;
  if (!present) return std::string_view();
  return raw(static_cast<std::size_t>(*size));
}

std::optional<std::string_view> ByteReader::raw(std::size_t size) {
  if (bytes_.size() < size) return std::nullopt;
  const auto out = bytes_.substr(0, size);
  bytes_.remove_prefix(size);
  return out;
}

std::string seal(std::string_view header, std::string_view body) {
  ByteWriter file;
  file.blob(header.data(), header.size());
  file.number(checksum(body));
  file.raw(body);
  return file.bytes();
}

std::optional<std::string_view> unseal(std::string_view file, std::string_view header) {
  ByteReader in(file);
  bool present = false;
  const auto saved = in.blob(present);
  const auto sum = in.number<std::uint64_t>();
  if (!saved || !present || *saved != header || !sum) return std::nullopt;
  const std::string_view body = file.substr(file.size() - in.left());
  if (checksum(body) != *sum) return std::nullopt;
  return body;
}

}  // namespace impactkit
