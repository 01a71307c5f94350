// CSV for open data downloads (RFC 4180). Hand-written: quoting is a dozen lines, and the one
// choice that matters here, the UTF-8 byte order mark, is ours to make, not a library's.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace metodika::render {

/// Builds an RFC 4180 CSV file row by row.
///
/// - Records end with CRLF, the last one too (RFC 4180 2.1, 2.2).
/// - A field is quoted when it contains `,`, `"`, CR or LF (RFC 4180 2.6) or begins or ends with
///   a space or tab (readers that trim unquoted fields would lose it); quotes inside are doubled
///   (RFC 4180 2.7). A record of one empty field is written as `""` so it is not a blank line,
///   which many readers skip.
/// - `str()` starts with the UTF-8 byte order mark EF BB BF: without it Excel opens the file in
///   the ANSI code page and shows "RÄ«ga" for "Rīga". RFC 4180 does not forbid it, and the other
///   readers we target (LibreOffice, pandas, R readr) skip it.
///
/// - A text field that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is neutralised
///   as OWASP's "CSV Injection" page recommends: a single quote goes before it and the field is
///   quoted, so a spreadsheet shows `=HYPERLINK(…)` as text instead of running it. A text field
///   that is just a number (`-5`, `-1.5`, `-1,5`) cannot be a formula and stays as it is.
///   Numbers (`number`) are never touched: whether a cell is a number is known from its table
///   column's type (render/common/table.h), not guessed from its text.
///
/// Numbers must already be in plain machine form — `41.2`, not the Latvian `41,2`, and no
/// thousands separators: open data is for machines, and a reader should not have to know the
/// locale. Formatting for people belongs in the HTML and PDF renderers.
class CsvWriter {
 public:
  CsvWriter();

  /// Appends one record of text fields.
  void row(std::span<const std::string> cells);
  /// Appends one record of text fields: `csv.row({"Skola", "Punkti"})`.
  void row(std::initializer_list<std::string_view> cells);

  /// Appends one text field to the record being written, for records built cell by cell without
  /// a container of their strings; `end_row` ends the record.
  void field(std::string_view cell);
  /// Appends a value in machine form that the caller knows is a number or an ISO date (from its
  /// column's type): written as it is, `-5.00` included.
  void number(std::string_view cell);
  void end_row();

  /// The file so far: BOM, then every record.
  [[nodiscard]] std::string str() const& { return out_; }
  /// The file, moved out of a writer that is done.
  [[nodiscard]] std::string str() && { return std::move(out_); }

 private:
  void write(std::string_view cell, bool neutralise);

  std::string out_;    // the BOM, then the records
  size_t fields_ = 0;  // in the record being written
  bool last_empty_ = false;
};

}  // namespace metodika::render
