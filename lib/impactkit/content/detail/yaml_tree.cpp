#include <impactkit/content/detail/yaml_tree.hpp>
#include <impactkit/core/limits.hpp>

#include <yaml.h>

#include <new>
#include <unordered_map>
#include <utility>

namespace impactkit::content::detail::yaml {

struct Data {
  NodeType type = NodeType::Null;
  Mark mark;
  std::string scalar;
  std::uint32_t first = 0;  // the children, from here in Document::children
  std::uint32_t count = 0;  // items of a sequence; keys and values of a map, in turn
};

struct Document {
  std::vector<Data> nodes;
  std::vector<std::uint32_t> children;  // an alias is the index of the node it names
};

namespace {

const std::string no_text;

// libyaml's parser, freed however parsing ends.
class LibyamlParser {
 public:
  explicit LibyamlParser(std::string_view text) {
    if (!yaml_parser_initialize(&parser_)) throw std::bad_alloc();
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~LibyamlParser() { yaml_parser_delete(&parser_); }
  LibyamlParser(const LibyamlParser&) = delete;
  LibyamlParser& operator=(const LibyamlParser&) = delete;

  yaml_parser_t& get() { return parser_; }

 private:
  yaml_parser_t parser_;
};

// One event; libyaml clears it before it parses, so it can always be freed.
struct Event {
  Event() = default;
  ~Event() { yaml_event_delete(&event); }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  yaml_event_t event{};
};

// Places in yaml-cpp's terms. libyaml counts characters and breaks lines at
// "\r" too; yaml-cpp counted bytes and broke lines at "\n" only, and the
// messages and `impactkit new case` (which edits the text at a node) keep
// its terms. Marks come mostly in order, so a cursor moves on through the
// text and starts again only when one goes back.
class Places {
 public:
  explicit Places(std::string_view text) : text_(text), cursor_(start()) {}

  // At libyaml's mark.index: the number of characters before it.
  Mark at_character(std::size_t index) {
    if (index < cursor_.character) cursor_ = start();
    while (cursor_.character < index && cursor_.byte < text_.size()) step(cursor_);
    return mark(cursor_);
  }

  // At the first token from the character `index` on, past blanks, line
  // breaks and comments: where yaml-cpp places an empty value.
  Mark next_token(std::size_t index) {
    at_character(index);
    Cursor c = cursor_;
    while (c.byte < text_.size()) {
      const char ch = text_[c.byte];
      if (ch == '#') {
        while (c.byte < text_.size() && text_[c.byte] != '\n') step(c);
      } else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
        step(c);
      } else {
        break;
      }
    }
    return mark(c);
  }

  // At a byte offset (libyaml reports bytes it cannot decode so).
  Mark at_byte(std::size_t offset) const {
    Cursor c{};
    while (c.byte < offset && c.byte < text_.size()) step(c);
    return mark(c);
  }

 private:
  struct Cursor {
    std::size_t character = 0;
    std::size_t byte = 0;
    int line = 0;
    std::size_t line_start = 0;
  };

  Cursor start() const {
    Cursor c;
    if (text_.starts_with("\xEF\xBB\xBF")) c.byte = c.line_start = 3;  // libyaml does not count the BOM
    return c;
  }

  void step(Cursor& c) const {
    const char ch = text_[c.byte++];
    while (c.byte < text_.size() && (static_cast<unsigned char>(text_[c.byte]) & 0xC0) == 0x80) ++c.byte;
    ++c.character;
    if (ch == '\n') {
      ++c.line;
      c.line_start = c.byte;
    }
  }

  static Mark mark(const Cursor& c) {
    return {static_cast<int>(c.byte), c.line, static_cast<int>(c.byte - c.line_start)};
  }

  std::string_view text_;
  Cursor cursor_;
};

// yaml-cpp's null: a plain scalar without a tag that is empty or one of these.
bool is_null(const yaml_event_t& event) {
  const auto& s = event.data.scalar;
  if (s.style != YAML_PLAIN_SCALAR_STYLE || s.tag != nullptr) return false;
  const std::string_view text(reinterpret_cast<const char*>(s.value), s.length);
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string_view text_of(const yaml_char_t* s) {
  return reinterpret_cast<const char*>(s);
}

// Makes the tree from libyaml's events, within the limits as written (the
// walk in `within_limits` then counts aliases as they are used).
class Builder {
 public:
  Builder(Document& doc, std::string_view text) : doc_(doc), places_(text) {}

  // Takes one event; false when the first document is complete or refused.
  bool add(const yaml_event_t& event) {
    switch (event.type) {
      case YAML_SCALAR_EVENT:
        return add_scalar(event);
      case YAML_ALIAS_EVENT:
        return add_alias(event);
      case YAML_SEQUENCE_START_EVENT:
        return open(NodeType::Sequence, event.start_mark, event.data.sequence_start.anchor);
      case YAML_MAPPING_START_EVENT:
        return open(NodeType::Map, event.start_mark, event.data.mapping_start.anchor);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        return close();
      case YAML_STREAM_END_EVENT:
        return false;
      default:
        return true;
    }
  }

  std::optional<std::uint32_t> root() const { return root_; }
  std::optional<Failure>& failure() { return failure_; }
  Places& places() { return places_; }

 private:
  bool add_scalar(const yaml_event_t& event) {
    const auto& s = event.data.scalar;
    // An empty value: libyaml places it after its ':' or '-', yaml-cpp at the next token.
    const bool empty = s.length == 0 && s.style == YAML_PLAIN_SCALAR_STYLE && !s.anchor && !s.tag;
    const Mark mark = empty ? places_.next_token(event.start_mark.index) : places_.at_character(event.start_mark.index);
    const auto index = add_node(is_null(event) ? NodeType::Null : NodeType::Scalar, mark, s.anchor);
    if (!index) return false;
    if (doc_.nodes[*index].type == NodeType::Scalar) {
      doc_.nodes[*index].scalar.assign(reinterpret_cast<const char*>(s.value), s.length);
    }
    return attach(*index);
  }

  bool add_alias(const yaml_event_t& event) {
    const Mark mark = places_.at_character(event.start_mark.index);
    const auto named = anchors_.find(std::string(text_of(event.data.alias.anchor)));
    if (named == anchors_.end()) {
      failure_ = Failure{Failure::Kind::syntax, "found undefined alias", mark};
      return false;
    }
    if (!within_budget(mark)) return false;
    return attach(named->second);
  }

  bool open(NodeType type, const yaml_mark_t& at, const yaml_char_t* anchor) {
    const Mark mark = places_.at_character(at.index);
    if (open_.size() + 1 > static_cast<std::size_t>(limits::max_yaml_depth)) {
      failure_ = Failure{Failure::Kind::too_deep, {}, mark};
      return false;
    }
    const auto index = add_node(type, mark, anchor);
    if (!index) return false;
    open_.push_back({*index, pending_.size()});
    return true;
  }

  bool close() {
    const Open o = open_.back();
    open_.pop_back();
    Data& data = doc_.nodes[o.index];
    data.first = static_cast<std::uint32_t>(doc_.children.size());
    data.count = static_cast<std::uint32_t>(pending_.size() - o.first_pending);
    doc_.children.insert(doc_.children.end(), pending_.begin() + static_cast<std::ptrdiff_t>(o.first_pending),
                         pending_.end());
    pending_.resize(o.first_pending);
    return attach(o.index);
  }

  std::optional<std::uint32_t> add_node(NodeType type, const Mark& mark, const yaml_char_t* anchor) {
    if (!within_budget(mark)) return std::nullopt;
    const auto index = static_cast<std::uint32_t>(doc_.nodes.size());
    doc_.nodes.push_back({type, mark, {}, 0, 0});
    // Named from its start on: an alias inside it is the node itself.
    if (anchor) anchors_.insert_or_assign(std::string(text_of(anchor)), index);
    return index;
  }

  // Nodes and aliases as written: never more than when aliases are followed.
  bool within_budget(const Mark& mark) {
    if (++written_ <= limits::max_yaml_nodes) return true;
    failure_ = Failure{Failure::Kind::too_many, {}, mark};
    return false;
  }

  // Adds a complete node to the open collection; false if it is the root.
  bool attach(std::uint32_t index) {
    if (open_.empty()) {
      root_ = index;
      return false;
    }
    pending_.push_back(index);
    return true;
  }

  struct Open {
    std::uint32_t index;
    std::size_t first_pending;
  };
  Document& doc_;
  Places places_;
  std::vector<Open> open_;
  std::vector<std::uint32_t> pending_;  // the children of the open collections, the innermost last
  std::unordered_map<std::string, std::uint32_t> anchors_;
  std::size_t written_ = 0;
  std::optional<std::uint32_t> root_;
  std::optional<Failure> failure_;
};

// Walks the tree as a reader would, every alias followed, without recursion
// and within a budget of nodes: aliases may multiply the tree, or point back
// into themselves (`&a [*a]`). Reports the first node too deep or over the
// budget, in the order yaml-cpp's walk found them.
std::optional<Failure> within_limits(const Document& doc, std::uint32_t root) {
  std::vector<std::pair<std::uint32_t, int>> stack = {{root, 1}};
  std::size_t nodes = 0;
  while (!stack.empty()) {
    const auto [index, depth] = stack.back();
    stack.pop_back();
    const Data& data = doc.nodes[index];
    if (depth > limits::max_yaml_depth) return Failure{Failure::Kind::too_deep, {}, data.mark};
    if (++nodes > limits::max_yaml_nodes) return Failure{Failure::Kind::too_many, {}, data.mark};
    for (std::uint32_t i = 0; i < data.count; ++i) stack.emplace_back(doc.children[data.first + i], depth + 1);
  }
  return std::nullopt;
}

Failure syntax_error(yaml_parser_t& parser, Places& places) {
  const Mark mark = parser.error == YAML_READER_ERROR ? places.at_byte(parser.problem_offset)
                                                      : places.at_character(parser.problem_mark.index);
  return {Failure::Kind::syntax, parser.problem ? parser.problem : "the text cannot be read", mark};
}

}  // namespace

Parsed parse(std::string_view text) {
  auto doc = std::make_shared<Document>();
  Builder builder(*doc, text);
  LibyamlParser parser(text);
  for (bool more = true; more;) {
    Event event;
    if (!yaml_parser_parse(&parser.get(), &event.event)) return {{}, syntax_error(parser.get(), builder.places())};
    more = builder.add(event.event);
  }
  if (builder.failure()) return {{}, std::move(builder.failure())};
  if (!builder.root()) {  // no document: null, nowhere
    doc->nodes.push_back({NodeType::Null, Mark::null_mark(), {}, 0, 0});
    return {Node(std::move(doc), 0), std::nullopt};
  }
  if (auto failure = within_limits(*doc, *builder.root())) return {{}, std::move(failure)};
  const std::uint32_t root = *builder.root();
  return {Node(std::move(doc), root), std::nullopt};
}

NodeType Node::Type() const {
  return doc_ ? doc_->nodes[index_].type : NodeType::Undefined;
}

const std::string& Node::Scalar() const {
  return doc_ ? doc_->nodes[index_].scalar : no_text;
}

Mark Node::Mark() const {
  return doc_ ? doc_->nodes[index_].mark : Mark::null_mark();
}

std::size_t Node::size() const {
  if (!doc_) return 0;
  const Data& data = doc_->nodes[index_];
  return data.type == NodeType::Map ? data.count / 2 : data.count;
}

Node Node::operator[](std::size_t index) const {
  if (!IsSequence() || index >= size()) return {};
  return {doc_, doc_->children[doc_->nodes[index_].first + index]};
}

Node Node::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  for (const auto& entry : *this) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
  }
  return {};
}

Iterator Node::begin() const {
  return {*this, 0};
}

Iterator Node::end() const {
  return {*this, static_cast<std::uint32_t>(size())};
}

IteratorValue Iterator::operator*() const {
  const Document& doc = *node_.doc_;
  const Data& data = doc.nodes[node_.index_];
  if (data.type == NodeType::Map) {
    const std::uint32_t at = data.first + 2 * child_;
    return {Node(), Node(node_.doc_, doc.children[at]), Node(node_.doc_, doc.children[at + 1])};
  }
  return {Node(node_.doc_, doc.children[data.first + child_]), Node(), Node()};
}

}  // namespace impactkit::content::detail::yaml
