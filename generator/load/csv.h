// CSV tables as data files (issue 23): the spreadsheets that education boards' data officers keep
// (and the state's open data exports) are read as they are saved. A table becomes the same
// positioned tree (load/yaml.h) that a YAML or JSON file of the same collection gives, so that
// validation and the model do not know which format a value came from; only the scalar style
// ScalarStyle::kCell says "a spreadsheet cell", for the Latvian number and date forms that
// model/fields.cc accepts from cells (and from cells only).
//
// Why our own reader and not Debian's libcsv: every diagnostic must point at the cell's physical
// line and column (a quoted cell may span lines), and libcsv's callbacks give a cell's bytes but
// not where it started, nor whether it was quoted; positions would need a second scan that
// repeats libcsv's quoting rules. RFC 4180 is small: the tokenizer below is one loop with two
// states, and tests/load/csv_test.cc covers quoting, line breaks in cells, BOM, both delimiters
// and every error.
//
// The table's layout (docs/data-model.md "CSV tables"):
// - the header row names the fields; `students.2024` and `title.en` make nested maps;
// - an empty cell is an absent value; the cell of a list field (`subjects`) holds its items
//   separated by commas;
// - a list of records inside an entry (a teacher's courses, an olympiad's results, a
//   programme's actions and budget) takes one row per record: the rows of one entry repeat its
//   id (or leave it empty), and its other cells are given once or repeated alike.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"
#include "load/yaml.h"

namespace metodika::load {

/// A list of records inside an entry, one row per record ("courses"). Rows whose `key` cell is
/// empty or repeats the record's value continue the record (a budget group's rows, one per
/// line); with no key every row with a cell under `path` adds a record.
struct CsvRecordList {
  std::string_view path;
  std::string_view key;
};

/// How the rows of one collection's table make its entries.
struct CsvShape {
  /// Consecutive rows whose cell in this column is empty or repeats the entry's value are one
  /// entry. Empty: every row is an entry of its own.
  std::string_view entry_key;
  std::span<const CsvRecordList> record_lists;
  /// Fields whose cell holds a list (items separated by commas), as dotted paths.
  std::span<const std::string_view> list_fields;
};

/// The shape of a collection's table, by its slot name ("schools", "private/teachers").
[[nodiscard]] const CsvShape& csv_shape(std::string_view slot_name);

/// Parses a CSV table (UTF-8 with or without a byte order mark, `,` or `;` as the delimiter,
/// detected from the header) into a list of entries. `file` names it in diagnostics. Every
/// problem of the table (a ragged row, a duplicate header, an unclosed quote, a formula) is
/// reported; then the result is nullopt, as for a YAML file with a syntax error.
[[nodiscard]] std::optional<Node> parse_csv(std::string_view text, const std::string& file,
                                            const CsvShape& shape, diag::Diagnostics& diags);

/// Names the cell at a position of a CSV table, for the note under a diagnostic's caret:
/// `row 5, column D "courses.hours"` (the row and column a spreadsheet program shows). The
/// table is scanned once, on the first call.
[[nodiscard]] diag::Locator csv_locator(std::shared_ptr<const std::string> text);

}  // namespace metodika::load
