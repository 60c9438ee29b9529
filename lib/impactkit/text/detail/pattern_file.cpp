#include <impactkit/text/detail/pattern_file.hpp>

#include <impactkit/core/bytes.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

namespace impactkit::text::detail {
namespace {

// The format's name and version, and the sizes it assumes: a file written
// by another build of impactkit or another machine is not read.
constexpr std::string_view magic = "impactkit hyphenation patterns 2\n";
constexpr int max_levels = 8;  // libhyphen makes two

// The cache seals the bytes (core/cache.hpp): a damaged file (a bit flip,
// a file cut short and padded) is never taken for patterns, as a wrong
// replacement index would make libhyphen read outside the word.
using Writer = ByteWriter;
using Reader = ByteReader;

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

std::string patterns_made_from(std::string_view stamp) {
  return std::string(magic) + std::string(stamp);
}

std::string save_patterns(const HyphenDict& dict) {
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
  return body.bytes();
}

std::shared_ptr<HyphenDict> read_patterns(std::string_view bytes) {
  Reader in(bytes);
  const auto levels = in.number<std::uint32_t>();
  const auto states = in.number<std::uint32_t>();
  const auto trans = in.number<std::uint32_t>();
  const auto strings = in.number<std::uint64_t>();
  // Every part takes at least a byte of the file: larger counts are damage.
  if (!levels || !states || !trans || !strings || *levels < 1 || *levels > max_levels || *states > bytes.size() ||
      *trans > bytes.size() || *strings > bytes.size()) {
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
