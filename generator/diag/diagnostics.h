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
class Diagnostics {
 public:
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
  mutable std::mutex mu_;
  std::vector<Diagnostic> items_;
  std::map<std::string, std::string, std::less<>> once_;
  struct Source {
    std::shared_ptr<const std::string> text;
    Locator locator;
  };
  std::map<std::string, Source, std::less<>> sources_;
};

}  // namespace metodika::diag
