// Tables as data: what a municipality's page, its open-data CSV/JSON, its PDF review and its XLSX
// annex all show. A table holds typed values (cents, percent, dates), never formatted text, so
// each format writes them its own way: the site and the PDF in Latvian style ("45,3%",
// "16 018 EUR"), CSV and JSON in machine form ("45.3", "16018.00"), XLSX as numbers with a
// number format. Built once per municipality by `municipality_tables.h` from `rules::Results`;
// a renderer never recomputes a value (STYLE.md).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "util/date.h"

namespace metodika::render {

/// How a column's values are written.
enum class ColumnType {
  kText,        ///< a string
  kInteger,     ///< int64: lv "1 234", csv "1234"
  kDecimal,     ///< double with `Column::decimals`: lv "41,2", csv "41.2"
  kPercent,     ///< double in percent units (45.3 = 45.3 %): lv "45,3%", csv "45.3"
  kMoney,       ///< int64 euro cents: lv "16 018 EUR" (cents only when any), csv "16018.00"
  kDate,        ///< util::Date: lv "31.08.2025.", csv "2025-08-31"
  kYear,        ///< int64 calendar year, never grouped: "2025"
  kSchoolYear,  ///< int64 school year by its end year: lv "2024./2025. m. g.", csv "2025"
};

/// Why a cell has no value.
enum class CellNote {
  kNone,        ///< no data (shown as "—", empty in CSV)
  kSuppressed,  ///< hidden: fewer than `rules.small_cell` people (shown with the reason)
};

/// One value. `value` holds the type its column says (a std::string for kText, int64_t for
/// kInteger/kMoney/kYear/kSchoolYear, double for kDecimal/kPercent, util::Date for kDate), or
/// std::monostate for an empty cell, whose `note` says why.
struct Cell {
  std::variant<std::monostate, std::string, int64_t, double, util::Date> value;
  CellNote note = CellNote::kNone;
  /// The site page this cell names, relative to the language root ("iestades/<id>/"); the site
  /// links it, other formats ignore it.
  std::string link;
  /// A status the site and the PDF may colour (e.g. "met", "not-met"); never the only signal:
  /// the text says it too.
  std::string status;
  /// Why an empty cell is empty, in the table's language, where the format's default text (the
  /// theme's "hidden: fewer than N teachers" for kSuppressed, "—" for kNone) would not say it:
  /// "hidden so that a hidden school cannot be worked out", "no teacher records". Every format
  /// shows it in place of the default: the site and the PDF in the cell, XLSX as the cell's note.
  std::string reason;

  [[nodiscard]] bool empty() const { return value.index() == 0; }
};

/// Builders for cells.
[[nodiscard]] Cell text_cell(std::string text, std::string link = {});
[[nodiscard]] Cell int_cell(std::optional<int64_t> v);
[[nodiscard]] Cell number_cell(std::optional<double> v);
[[nodiscard]] Cell date_cell(std::optional<util::Date> v);
[[nodiscard]] Cell suppressed_cell(std::string reason = {});

struct Column {
  /// Machine name, the JSON key and the stable identifier of the column: "school", "index",
  /// "students_2024". Unique in its table.
  std::string key;
  /// Header in the table's language.
  std::string label;
  ColumnType type = ColumnType::kText;
  int decimals = 0;  ///< kDecimal and kPercent
  /// The row's header cell (`<th scope="row">`); usually the first column.
  bool row_header = false;
  /// Numbers read right-aligned (every type but kText, kDate and kSchoolYear, which are labels).
  [[nodiscard]] bool numeric() const;
};

/// A column `key` labelled `label` of `type`; `decimals` for kPercent and kDecimal; `row_header`
/// for the row's header cell. The one way every table builder (site, review, workbook) makes one.
[[nodiscard]] Column column(std::string key, std::string label,
                            ColumnType type = ColumnType::kText, int decimals = 0,
                            bool row_header = false);

/// A data row, a group heading with its subtotal (budget groups) or a total row.
enum class RowKind { kData, kGroup, kTotal };

struct Row {
  RowKind kind = RowKind::kData;
  std::vector<Cell> cells;  ///< one per column
};

struct Table {
  /// File-name stem and anchor, unique on its page: "iestades", "ce-indekss", "budzets".
  std::string id;
  std::string title;
  /// A sentence under the title: what is counted, the rule, why some cells are hidden.
  std::string note;
  std::vector<Column> columns;
  std::vector<Row> rows;

  [[nodiscard]] bool empty() const { return rows.empty(); }
};

/// Translation of a theme string key ("directory.school") into the table's language.
using Translate = std::function<std::string(std::string_view key)>;

/// `cell` as people read it in `lang`: "45,3%", "16 018 EUR", "31.08.2025.", "—" for no data,
/// and `suppressed` (the theme's "hidden: fewer than N teachers") for a suppressed cell; an empty
/// cell with a `reason` gives its reason.
[[nodiscard]] std::string format_cell(const Column& column, const Cell& cell, std::string_view lang,
                                      std::string_view suppressed);

/// `cell` in machine form for CSV and JSON: "45.3", "16018.00", "2025-08-31", "" when empty.
[[nodiscard]] std::string machine_cell(const Column& column, const Cell& cell);

/// The table as CSV (render/common/csv.h): the header row of labels, then every row in machine
/// form; group and total rows are kept, with their kind in a first column "row" ("data",
/// "group", "total") when the table has any. Text cells (a std::string value) that could start a
/// spreadsheet formula are neutralised; typed values (numbers, dates) are written as they are.
[[nodiscard]] std::string table_csv(const Table& table);

/// The table as JSON: {"id", "title", "note", "columns": [{"key", "label", "type"}], "rows":
/// [{key: value}]}: numbers as JSON numbers, dates as ISO strings, empty cells as null, and
/// "suppressed": [keys] on a row where a cell was hidden.
[[nodiscard]] std::string table_json(const Table& table);

}  // namespace metodika::render
