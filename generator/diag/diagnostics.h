// Diagnostics: data errors are collected, not thrown (STYLE.md "Errors"), and reported all at
// once in the form `path:line:col: error: message`, followed by the source line, a caret under
// the column, and a hint saying what to do.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace metodika::diag {

/// A place in a source file. `file` is relative to the site folder; line and column are 1-based
/// (column counts Unicode code points). line 0 means "the whole file".
struct SourcePos {
  std::string file;
  uint32_t line = 0;
  uint32_t col = 0;
  auto operator<=>(const SourcePos&) const = default;
};

enum class Severity { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string message;
  std::string hint;  // what to do; may be empty
};

/// Names the part of a source file at a line and column, for a note after the caret (a CSV
/// table's cell: `row 5, column D "courses.hours"`); "" for none.
using Locator = std::function<std::string(uint32_t line, uint32_t col)>;

/// Collects diagnostics from every stage. Thread-safe for adding. Sources registered with
/// `add_source` let the printer quote the offending line.
///
/// A file keeps at most kMaxPerFile positioned errors and as many warnings: the first ones in
/// file order, whatever order they were added in (so that the output stays deterministic), and
/// a note at the top of the file says that more are not shown. One broken line repeated in a
/// generated file would otherwise give millions of messages, each holding memory and quoting its
/// line.
class Diagnostics {
 public:
  static constexpr size_t kMaxPerFile = 100;
  /// A quoted source line longer than this many characters is cut to a window of
  /// kQuoteWindow characters around the caret, marked with "…" where it was cut.
  static constexpr size_t kQuoteMaxWidth = 120;
  static constexpr size_t kQuoteWindow = 100;

  void error(SourcePos pos, std::string message, std::string hint = {});
  void warning(SourcePos pos, std::string message, std::string hint = {});
  /// Adds a warning only once per key (e.g. a missing translation per field).
  void warning_once(std::string_view key, SourcePos pos, std::string message,
                    std::string hint = {});

  /// Adds diagnostics collected earlier (kept with a memoised file, model/build.h).
  void add(const std::vector<Diagnostic>& earlier);

  /// Registers the text of a source file so that messages can quote its lines; `locator`, when
  /// given, adds its note after the caret.
  void add_source(const std::string& file, std::shared_ptr<const std::string> text,
                  Locator locator = {});

  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] size_t error_count() const;
  [[nodiscard]] size_t warning_count() const;
  /// All diagnostics sorted by file, line, column, then message (deterministic).
  [[nodiscard]] std::vector<Diagnostic> sorted() const;

  /// Renders every diagnostic; with `quote_source`, adds the source line and a caret.
  [[nodiscard]] std::string format(bool quote_source = true) const;
  [[nodiscard]] std::string format_one(const Diagnostic& d, bool quote_source = true) const;

 private:
  // One file's diagnostics. Positioned ones are counted per severity; past 2 × kMaxPerFile the
  // list is cut back to the first kMaxPerFile of that severity (amortised, in file order).
  struct FileItems {
    std::vector<Diagnostic> items;
    size_t positioned[2] = {0, 0};
    bool truncated[2] = {false, false};
  };
  // Where the last quoted line of a source was found: diagnostics are printed in line order, so
  // the next lookup goes on from there instead of scanning the file from its start again.
  struct LineCursor {
    uint32_t line = 1;
    size_t offset = 0;
  };
  void add_locked(Diagnostic d);
  static void trim(FileItems& f, Severity severity);
  [[nodiscard]] std::string_view source_line(const std::string& file, std::string_view text,
                                             uint32_t line) const;

  mutable std::mutex mu_;
  std::map<std::string, FileItems, std::less<>> files_;
  std::map<std::string, std::string, std::less<>> once_;
  struct Source {
    std::shared_ptr<const std::string> text;
    Locator locator;
  };
  std::map<std::string, Source, std::less<>> sources_;
  mutable std::map<std::string, LineCursor, std::less<>> cursors_;
};

}  // namespace metodika::diag
