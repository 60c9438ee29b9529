#pragma once
// Internal to lib/impactkit/content: a read-only YAML document tree, built
// from libyaml's event parser, with the part of yaml-cpp's Node interface the
// loaders use. libyaml scans YAML several times faster than yaml-cpp did;
// the tree keeps what the loaders relied on: scalars resolve to null as
// yaml-cpp resolved them, and every node's mark is where yaml-cpp put it.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace impactkit::content::detail::yaml {

enum class NodeType { Undefined, Null, Scalar, Sequence, Map };

// A place in the text, counted from 0: the line, the column in bytes from
// the start of the line, and the byte offset `pos`. A node that has no place
// (undefined, or the null of an empty file) has the null mark.
struct Mark {
  int pos = -1;
  int line = -1;
  int column = -1;

  static Mark null_mark() { return {}; }
  bool is_null() const { return line < 0; }
};

struct Document;
class Iterator;
struct Parsed;

// A node of a parsed document, or an undefined node (a key a map lacks).
// Cheap to copy: it shares the document it belongs to.
class Node {
 public:
  Node() = default;

  NodeType Type() const;
  bool IsDefined() const { return Type() != NodeType::Undefined; }
  bool IsNull() const { return Type() == NodeType::Null; }
  bool IsScalar() const { return Type() == NodeType::Scalar; }
  bool IsSequence() const { return Type() == NodeType::Sequence; }
  bool IsMap() const { return Type() == NodeType::Map; }
  explicit operator bool() const { return IsDefined(); }

  // The text of a scalar; empty for any other node.
  const std::string& Scalar() const;
  // Where the node starts: its anchor or tag, its bracket or first key or
  // '-', its first character; an empty value at the next token after it.
  yaml::Mark Mark() const;

  // Items of a sequence, entries of a map.
  std::size_t size() const;
  // The item at `index` of a sequence; undefined if there is none.
  Node operator[](std::size_t index) const;
  // The value of the first key `key` of a map; undefined if there is none.
  Node operator[](std::string_view key) const;

  // Whether both are the same node (an alias is the node it names).
  bool is(const Node& other) const { return doc_ == other.doc_ && index_ == other.index_; }

  // A sequence gives its items, a map its entries (.first, .second).
  Iterator begin() const;
  Iterator end() const;

 private:
  friend class Iterator;
  friend Parsed parse(std::string_view text);
  Node(std::shared_ptr<const Document> doc, std::uint32_t index) : doc_(std::move(doc)), index_(index) {}

  std::shared_ptr<const Document> doc_;
  std::uint32_t index_ = 0;
};

// What iterating a node gives: for a sequence the item itself, for a map an
// entry with its key (`first`) and value (`second`).
struct IteratorValue : Node {
  IteratorValue(Node item, Node key, Node value)
      : Node(std::move(item)), first(std::move(key)), second(std::move(value)) {}
  Node first;
  Node second;
};

class Iterator {
 public:
  IteratorValue operator*() const;
  Iterator& operator++() {
    ++child_;
    return *this;
  }
  bool operator==(const Iterator& other) const { return child_ == other.child_; }

 private:
  friend class Node;
  Iterator(Node node, std::uint32_t child) : node_(std::move(node)), child_(child) {}
  Node node_;
  std::uint32_t child_;
};

// Why a text was not made into a tree.
struct Failure {
  enum class Kind {
    syntax,    // not YAML: `problem` says why, in libyaml's words
    too_deep,  // maps and lists nested deeper than limits::max_yaml_depth
    too_many,  // more than limits::max_yaml_nodes values, aliases counted each time they are used
  };
  Kind kind;
  std::string problem;
  Mark mark;
};

struct Parsed {
  Node root;  // the first document; null (with the null mark) if there is none
  std::optional<Failure> failure;
};

// Parses the first document of `text`. Aliases are the node they name, so
// the tree may share nodes, even contain itself (`&a [*a]`); it is within
// limits::max_yaml_depth and limits::max_yaml_nodes as walked with every
// alias followed, or it is refused, so that every walk of it ends, and soon.
Parsed parse(std::string_view text);

}  // namespace impactkit::content::detail::yaml
