#include <impactkit/print/detail/content_stream.hpp>

#include <impactkit/print/image.hpp>

#include <charconv>

namespace impactkit::print::detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool is_delimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
         c == '%';
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool at_end() const { return at_ >= text_.size(); }
  std::size_t at() const { return at_; }

  // Whitespace and comments.
  void skip_space() {
    while (at_ < text_.size()) {
      if (is_space(text_[at_])) {
        ++at_;
      } else if (text_[at_] == '%') {
        while (at_ < text_.size() && text_[at_] != '\n' && text_[at_] != '\r') ++at_;
      } else {
        break;
      }
    }
  }

  // One object or operator, from a non-space character.
  std::string_view token() {
    const std::size_t start = at_;
    const char c = text_[at_];
    if (c == '(') {
      literal_string();
    } else if (c == '<' && peek(1) == '<') {
      nested("<<", ">>");
    } else if (c == '<') {
      at_ = text_.find('>', at_);
      if (at_ == std::string_view::npos) fail("a hexadecimal string");
      ++at_;
    } else if (c == '[') {
      nested("[", "]");
    } else if (c == '/') {
      ++at_;
      regular();
    } else if (c == ']' || c == '>' || c == ')' || c == '{' || c == '}') {
      ++at_;  // stray: kept as an operator of its own, which is then left as written
    } else {
      regular();
    }
    return text_.substr(start, at_ - start);
  }

  // An inline image's data after ID and one whitespace byte, up to and with
  // EI standing alone.
  void skip_image_data() {
    ++at_;
    while (true) {
      const std::size_t ei = text_.find("EI", at_);
      if (ei == std::string_view::npos) fail("an inline image");
      const bool alone = ei > 0 && is_space(text_[ei - 1]) &&
                         (ei + 2 >= text_.size() || is_space(text_[ei + 2]) || is_delimiter(text_[ei + 2]));
      at_ = ei + 2;
      if (alone) return;
    }
  }

 private:
  char peek(std::size_t ahead) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }

  void regular() {
    while (at_ < text_.size() && !is_space(text_[at_]) && !is_delimiter(text_[at_])) ++at_;
  }

  void literal_string() {
    int depth = 0;
    for (; at_ < text_.size(); ++at_) {
      const char c = text_[at_];
      if (c == '\\') {
        ++at_;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        ++at_;
        return;
      }
    }
    fail("a string");
  }

  // An array or dictionary, with the strings in it.
  void nested(std::string_view open, std::string_view close) {
    at_ += open.size();
    while (true) {
      skip_space();
      if (at_ >= text_.size()) fail(open == "[" ? "an array" : "a dictionary");
      if (text_.substr(at_, close.size()) == close) {
        at_ += close.size();
        return;
      }
      token();
    }
  }

  [[noreturn]] static void fail(const char* what) {
    throw PrintError(std::string("a PDF content stream ends inside ") + what);
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

bool is_operand(std::string_view token) {
  const char c = token.front();
  if (c == '/' || c == '(' || c == '<' || c == '[') return true;
  if (token == "true" || token == "false" || token == "null") return true;
  return number(token).has_value();
}

}  // namespace

std::optional<double> number(std::string_view operand) {
  if (operand.empty()) return std::nullopt;
  if (operand.front() == '+') operand.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(operand.data(), operand.data() + operand.size(), value);
  if (error != std::errc() || end != operand.data() + operand.size()) return std::nullopt;
  return value;
}

std::string rewrite_content(std::string_view content, const ContentRewrite& rewrite) {
  std::string out;
  out.reserve(content.size() + content.size() / 8);
  Reader reader(content);
  ContentOperator op;
  std::size_t copied = 0;                         // content before this is in `out`
  std::size_t operands = std::string_view::npos;  // where this operator's operands begin
  while (true) {
    reader.skip_space();
    if (reader.at_end()) break;
    const std::size_t start = reader.at();
    const std::string_view token = reader.token();
    if (operands == std::string_view::npos) operands = start;
    if (is_operand(token)) {
      op.operands.push_back(token);
      continue;
    }
    op.name = token;
    if (token == "BI") {
      // The dictionary up to ID, then the data: one operator.
      while (true) {
        reader.skip_space();
        if (reader.at_end()) throw PrintError("a PDF content stream ends inside an inline image");
        const std::string_view item = reader.token();
        if (item == "ID") break;
        op.operands.push_back(item);
      }
      reader.skip_image_data();
    }
    if (auto replaced = rewrite(op)) {
      out.append(content.substr(copied, operands - copied));
      out.append(*replaced);
      copied = reader.at();
    }
    op.operands.clear();
    operands = std::string_view::npos;
  }
  out.append(content.substr(copied));
  return out;
}

void scan_content(std::string_view content, const std::function<void(const ContentOperator&)>& visit) {
  rewrite_content(content, [&](const ContentOperator& op) -> std::optional<std::string> {
    visit(op);
    return std::nullopt;
  });
}

}  // namespace impactkit::print::detail
