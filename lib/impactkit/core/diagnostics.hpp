#pragma once
// Diagnostics: what went wrong, where in the content, and how to fix it.
// Every stage reports through this, so an error found anywhere points at
// `file:line:column` in the YAML the user edits.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace impactkit {

// A position in a source file; line and column count from 1. A line of 0
// means the file as a whole (for example a file that cannot be read).
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  SourcePos pos;
  std::string message;   // what is wrong
  std::string expected;  // what was expected instead (may be empty)
  std::string fix;       // what to do about it (may be empty)
};

// All problems of one run, in the order they were found: a run reports every
// problem at once, not only the first, and each problem once. A report
// with the severity, position and message of one already held is left out
// (the first is kept): stages that check the same input for several
// products, languages or sizes (a theme's font, a label) find the same
// problem several times, and the user must read it once.
class Diagnostics {
 public:
  void error(SourcePos pos, std::string message, std::string expected = {}, std::string fix = {});
  void warning(SourcePos pos, std::string message, std::string expected = {}, std::string fix = {});

  // Adds all of `other`'s that this one does not hold yet, after this one's
  // (work done on several threads reports in a fixed order this way).
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }

 private:
  void add(Diagnostic d);

  std::vector<Diagnostic> items_;
  std::unordered_set<std::string> held_;  // each item's severity, position and message
};

// "file:line:col: error: message", then indented "expected:" and "fix:"
// lines when present. With `color`, the severity is coloured as in gcc.
// Every part comes from content (a theme name, a file name): its control
// characters are escaped, so that a message cannot retitle or clear the
// terminal it is printed on.
std::string format(const Diagnostic& d, bool color = false);
std::string format(const SourcePos& pos);

// `text` with its control characters made visible: ESC as \e, the other
// C0 controls, DEL and the C1 controls (U+0080..U+009F) as \xNN; line
// breaks and tabs stay. Bytes that are not UTF-8 pass as they are.
std::string printable(std::string_view text);

}  // namespace impactkit
