#pragma once
// Work kept between builds, so that a later build does not do it again (the
// compiled hyphenation patterns and shaped words of text/cache.hpp): named
// entries in one folder, a build's OUTPUT/.impactkit. Each entry is stamped
// with what it was made from and sealed (core/bytes.hpp), and is read back
// only when it was made from the very same thing and is undamaged: what is
// read is byte for byte what doing the work again would give.
//
// Keeping is only a saving. An entry that cannot be read is made again, one
// that cannot be written is not kept; neither is an error. A Cache without
// a folder keeps nothing and touches no disk at all, which is what a library
// user who asks for no cache gets.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace impactkit {

class Cache {
 public:
  // Entries in `folder`; empty: none. The folder is not made: entries are
  // written only when it exists.
  explicit Cache(std::filesystem::path folder = {});

  // Whether entries are kept at all (a folder was given).
  bool keeps() const { return !folder_.empty(); }
  const std::filesystem::path& folder() const { return folder_; }

  // An entry read back: its file's bytes, of which the contents are the end.
  class Entry {
   public:
    Entry(std::string file, std::size_t contents_at) : file_(std::move(file)), at_(contents_at) {}
    std::string_view contents() const { return std::string_view(file_).substr(at_); }

   private:
    std::string file_;
    std::size_t at_;
  };

  // Entry `name` (a file name) when it was written with this very
  // `made_from` and is intact; nullopt otherwise. `made_from` names the
  // contents' format and everything they were made from.
  std::optional<Entry> read(std::string_view name, std::string_view made_from) const;

  // Keeps `contents` as entry `name`, made from `made_from`, atomically (a
  // reader never sees half an entry). False when it is not kept: no folder,
  // or one that does not exist or cannot be written.
  bool write(std::string_view name, std::string_view made_from, std::string_view contents) const;

 private:
  std::filesystem::path folder_;
};

}  // namespace impactkit
