#include <impactkit/text/detail/pattern_file.hpp>

#include <impactkit/core/checksum.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <system_error>
#include <vector>

namespace impactkit::text::detail {
namespace {

namespace fs = std::filesystem;

// The format's name and version, and the sizes it assumes: a file written
// by another build of impactkit or another machine is not read.
constexpr std::string_view magic = "impactkit hyphenation patterns 1\n";
constexpr int max_levels = 8;  // libhyphen makes two

// The body is checksummed (core/checksum.hpp), so that a damaged file (a
// bit flip, a file cut short and padded) is never taken for patterns: a
// wrong replacement index would make libhyphen read outside the word.

class Writer {
 public:
  template <typename T>
  void number(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  // A C string, or -1 for none.
  void string(const char* s) { blob(s, s == nullptr ? 0 : std::strlen(s)); }
  void blob(const char* bytes, std::size_t size) {
    if (bytes == nullptr) {
      number<std::int32_t>(-1);
      return;
    }
    number(static_cast<std::int32_t>(size));
    out_.append(bytes, size);
  }
  void raw(std::string_view bytes) { out_.append(bytes); }
  std::string& text() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  std::optional<T> number() {
    if (bytes_.size() - at_ < sizeof(T)) return std::nullopt;
    T value{};
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return value;
  }
  // The bytes of a blob, or nullopt when damaged; `present` is false for none.
  std::optional<std::string_view> blob(bool& present) {
    const auto size = number<std::int32_t>();
    if (!size || *size < -1) return std::nullopt;
    present = *size >= 0;
    if (!present) return std::string_view();
    if (bytes_.size() - at_ < static_cast<std::size_t>(*size)) return std::nullopt;
    const auto out = bytes_.substr(at_, static_cast<std::size_t>(*size));
    at_ += out.size();
    return out;
  }
  std::optional<std::string_view> raw(std::size_t size) {
    if (bytes_.size() - at_ < size) return std::nullopt;
    const auto out = bytes_.substr(at_, size);
    at_ += size;
    return out;
  }
  bool done() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

// The nohyphen list as libhyphen keeps it: nohyphenl + 1 strings, each
// ending in NUL.
std::size_t nohyphen_size(const HyphenDict& level) {
  if (level.nohyphen == nullptr) return 0;
  std::size_t size = 0;
  for (int i = 0; i <= level.nohyphenl; ++i) size += std::strlen(level.nohyphen + size) + 1;
  return size;
}

// A dictionary assembled from a file: every part in one of four arrays,
// reserved to their final size first so that the pointers between them
// stay valid.
struct Assembled {
  std::vector<HyphenDict> levels;
  std::vector<HyphenState> states;
  std::vector<HyphenTrans> trans;
  std::vector<char> strings;
};

// Copies `bytes` and a NUL into the string store; nullptr when it would not fit.
char* keep_string(Assembled& a, std::string_view bytes) {
  if (a.strings.capacity() - a.strings.size() < bytes.size() + 1) return nullptr;
  const std::size_t at = a.strings.size();
  a.strings.insert(a.strings.end(), bytes.begin(), bytes.end());
  a.strings.push_back('\0');
  return a.strings.data() + at;
}

bool read_state(Reader& in, Assembled& a, int num_states, HyphenState& state) {
  for (char** field : {&state.match, &state.repl}) {
    bool present = false;
    const auto bytes = in.blob(present);
    if (!bytes) return false;
    *field = nullptr;
    if (present && (*field = keep_string(a, *bytes)) == nullptr) return false;
  }
  const auto replindex = in.number<signed char>();
  const auto replcut = in.number<signed char>();
  const auto fallback = in.number<std::int32_t>();
  const auto num_trans = in.number<std::int32_t>();
  if (!replindex || !replcut || !fallback || !num_trans) return false;
  if (*fallback < -1 || *fallback >= num_states || *num_trans < 0) return false;
  if (a.trans.capacity() - a.trans.size() < static_cast<std::size_t>(*num_trans)) return false;
  state.replindex = *replindex;
  state.replcut = *replcut;
  state.fallback_state = *fallback;
  state.num_trans = *num_trans;
  state.trans = *num_trans == 0 ? nullptr : a.trans.data() + a.trans.size();
  for (int t = 0; t < *num_trans; ++t) {
    const auto ch = in.number<char>();
    const auto next = in.number<std::int32_t>();
    if (!ch || !next || *next < 0 || *next >= num_states) return false;
    a.trans.push_back({*ch, *next});
  }
  return true;
}

bool read_level(Reader& in, Assembled& a, HyphenDict& level) {
  level = HyphenDict{};
  for (char* field : {&level.lhmin, &level.rhmin, &level.clhmin, &level.crhmin}) {
    const auto value = in.number<char>();
    if (!value) return false;
    *field = *value;
  }
  const auto nohyphenl = in.number<std::int32_t>();
  bool present = false;
  const auto nohyphen = in.blob(present);
  const auto cset = in.raw(MAX_NAME);
  const auto utf8 = in.number<std::int32_t>();
  const auto num_states = in.number<std::int32_t>();
  if (!nohyphenl || !nohyphen || !cset || !utf8 || !num_states || *num_states < 1) return false;
  if (cset->back() != '\0') return false;
  level.nohyphenl = *nohyphenl;
  if (present) {
    // The strings as libhyphen reads them: nohyphenl + 1 of them, each
    // ending in NUL within the blob.
    if (*nohyphenl < 0 || std::count(nohyphen->begin(), nohyphen->end(), '\0') != *nohyphenl + 1 || nohyphen->empty() ||
        nohyphen->back() != '\0') {
      return false;
    }
    if ((level.nohyphen = keep_string(a, *nohyphen)) == nullptr) return false;
  }
  std::memcpy(level.cset, cset->data(), MAX_NAME);
  level.utf8 = *utf8;
  if (a.states.capacity() - a.states.size() < static_cast<std::size_t>(*num_states)) return false;
  level.num_states = *num_states;
  const std::size_t first = a.states.size();
  a.states.resize(first + static_cast<std::size_t>(*num_states));
  level.states = a.states.data() + first;
  for (int s = 0; s < *num_states; ++s) {
    if (!read_state(in, a, *num_states, level.states[s])) return false;
  }
  return true;
}

}  // namespace

std::string pattern_stamp(const fs::path& dic) {
  std::error_code ec;
  const auto size = fs::file_size(dic, ec);
  if (ec) return {};
  const auto changed = fs::last_write_time(dic, ec);
  if (ec) return {};
  return fmt::format("{} {} {}", fs::canonical(dic, ec).string(), size, changed.time_since_epoch().count());
}

std::string save_patterns(const HyphenDict& dict, std::string_view stamp) {
  std::vector<const HyphenDict*> levels;
  for (const HyphenDict* level = &dict; level != nullptr && levels.size() < max_levels; level = level->nextlevel) {
    levels.push_back(level);
  }
  std::uint32_t states = 0;
  std::uint32_t trans = 0;
  std::uint64_t strings = 0;
  for (const HyphenDict* level : levels) {
    states += static_cast<std::uint32_t>(level->num_states);
    if (level->nohyphen != nullptr) strings += nohyphen_size(*level) + 1;
    for (int s = 0; s < level->num_states; ++s) {
      const HyphenState& state = level->states[s];
      trans += static_cast<std::uint32_t>(state.num_trans);
      for (const char* text : {state.match, state.repl}) strings += text == nullptr ? 0 : std::strlen(text) + 1;
    }
  }
  Writer body;
  body.number(static_cast<std::uint32_t>(levels.size()));
  body.number(states);
  body.number(trans);
  body.number(strings);
  for (const HyphenDict* level : levels) {
    for (const char value : {level->lhmin, level->rhmin, level->clhmin, level->crhmin}) body.number(value);
    body.number<std::int32_t>(level->nohyphenl);
    body.blob(level->nohyphen, nohyphen_size(*level));
    body.raw({level->cset, MAX_NAME});
    body.number<std::int32_t>(level->utf8);
    body.number<std::int32_t>(level->num_states);
    for (int s = 0; s < level->num_states; ++s) {
      const HyphenState& state = level->states[s];
      body.string(state.match);
      body.string(state.repl);
      body.number(state.replindex);
      body.number(state.replcut);
      body.number<std::int32_t>(state.fallback_state);
      body.number<std::int32_t>(state.num_trans);
      for (int t = 0; t < state.num_trans; ++t) {
        body.number(state.trans[t].ch);
        body.number<std::int32_t>(state.trans[t].new_state);
      }
    }
  }
  Writer file;
  file.raw(magic);
  file.blob(stamp.data(), stamp.size());
  file.number(checksum(body.text()));
  file.raw(body.text());
  return std::move(file.text());
}

std::shared_ptr<HyphenDict> read_patterns(std::string_view bytes, std::string_view stamp) {
  if (stamp.empty() || !bytes.starts_with(magic)) return nullptr;
  Reader header(bytes.substr(magic.size()));
  bool present = false;
  const auto saved_stamp = header.blob(present);
  const auto sum = header.number<std::uint64_t>();
  if (!saved_stamp || *saved_stamp != stamp || !sum) return nullptr;
  const std::string_view body_bytes =
      bytes.substr(magic.size() + sizeof(std::int32_t) + saved_stamp->size() + sizeof(std::uint64_t));
  if (checksum(body_bytes) != *sum) return nullptr;
  Reader in(body_bytes);
  const auto levels = in.number<std::uint32_t>();
  const auto states = in.number<std::uint32_t>();
  const auto trans = in.number<std::uint32_t>();
  const auto strings = in.number<std::uint64_t>();
  // Every part takes at least a byte of the file: larger counts are damage.
  if (!levels || !states || !trans || !strings || *levels < 1 || *levels > max_levels || *states > body_bytes.size() ||
      *trans > body_bytes.size() || *strings > body_bytes.size()) {
    return nullptr;
  }
  auto a = std::make_shared<Assembled>();
  a->levels.resize(*levels);
  a->states.reserve(*states);
  a->trans.reserve(*trans);
  a->strings.reserve(*strings);
  for (auto& level : a->levels) {
    if (!read_level(in, *a, level)) return nullptr;
  }
  if (!in.done() || a->states.size() != *states || a->trans.size() != *trans || a->strings.size() != *strings) {
    return nullptr;
  }
  for (std::size_t i = 0; i + 1 < a->levels.size(); ++i) a->levels[i].nextlevel = &a->levels[i + 1];
  HyphenDict* first = a->levels.data();
  return {std::move(a), first};
}

}  // namespace impactkit::text::detail
