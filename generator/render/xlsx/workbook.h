// One XLSX workbook on libxlsxwriter, wrapped once (STYLE.md: C libraries in RAII types that
// cannot be copied). libxlsxwriter 1.1.4 can only write to a file path (its `output_buffer`
// option came in 1.1.5), so the workbook goes to a private temporary file that `finish` reads
// back and removes: the renderer still hands bytes to an OutputSink and never writes the output.
#pragma once

#include <xlsxwriter.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "render/common/table.h"
#include "util/date.h"

namespace metodika::render::xlsx {

/// Document properties (File → Properties). `created` fixes the timestamp libxlsxwriter would
/// otherwise take from the clock, so the same input gives byte-identical files.
struct Properties {
  std::string title;
  std::string subject;  ///< also the description (comments) a screen reader offers
  std::string author;   ///< the education board
  std::string company;  ///< the site's publisher
  std::string keywords;
  util::Date created;   ///< site.as_of, at 00:00 UTC
};

/// Where in a table a cell is: its role picks the font and fill.
/// kConditional: only the colours of `Style::highlight`, for conditional formatting.
enum class CellRole { kHeader, kData, kGroup, kTotal, kNote, kTitle, kConditional };

/// The look of a cell: a column type (for the number format) in a role, wrapped or not.
struct Style {
  CellRole role = CellRole::kData;
  ColumnType type = ColumnType::kText;
  int decimals = 0;
  bool wrap = false;
  bool cents = false;  ///< kMoney with a cents part
  /// Conditional-format colours for a met / not-met exam index.
  enum class Highlight { kNone, kGood, kBad, kHidden } highlight = Highlight::kNone;

  auto operator<=>(const Style&) const = default;
};

/// The Excel number format for `style`: `#,##0 "EUR"` for money (`#,##0.00 "EUR"` with cents),
/// `0.0%` for a percent with one decimal (values are written as fractions), `#,##0` for
/// integers, `0` for years, `dd.mm.yyyy.` for dates; "" for text.
[[nodiscard]] std::string number_format(const Style& style);

class Workbook {
 public:
  /// Starts a workbook in a new temporary file under `tmp_dir` (created with mkstemp). Throws
  /// std::runtime_error when the file cannot be made.
  Workbook(const Properties& properties, const std::string& tmp_dir);
  ~Workbook() noexcept;
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  /// A new worksheet. `name` must be unique in the workbook and at most 31 characters (Excel's
  /// limit); a longer name is cut, a repeated one numbered, so any table title can be passed.
  lxw_worksheet* add_sheet(std::string_view name);
  /// The name `add_sheet` gave the sheet (for formulas and chart ranges).
  [[nodiscard]] const std::string& sheet_name(lxw_worksheet* ws) const;
  /// A name for an Excel table from `text` (its sheet's name), unique in the workbook and in
  /// the form Excel accepts: "CE indekss" gives "ce_indekss", "Budžets" "budzets"; a name that
  /// would start with a digit or read as a cell reference gets "t_" in front.
  [[nodiscard]] std::string table_name(std::string_view text);
  /// The shared format for `style`, made once per workbook.
  lxw_format* format(const Style& style);
  [[nodiscard]] lxw_workbook* get() { return wb_; }

  /// Closes the workbook and returns the file's bytes; the temporary file is removed. Throws
  /// std::runtime_error when libxlsxwriter fails (out of space, a bug in a sheet).
  [[nodiscard]] std::string finish();

 private:
  lxw_workbook* wb_ = nullptr;
  std::string path_;
  std::string tmp_dir_;
  std::map<Style, lxw_format*> formats_;
  std::map<lxw_worksheet*, std::string> names_;
  std::set<std::string> table_names_;
};

/// An A1 reference: cell_ref(0, 0) is "A1", cell_ref(2, 27) "AB3".
[[nodiscard]] std::string cell_ref(lxw_row_t row, lxw_col_t col);
/// "A1:C3"; a single cell when the corners are the same.
[[nodiscard]] std::string range_ref(lxw_row_t row1, lxw_col_t col1, lxw_row_t row2,
                                    lxw_col_t col2);
/// Throws std::runtime_error for `err`, naming `what` and `where`.
[[noreturn]] void fail(lxw_error err, std::string_view what, std::string_view where);
/// fail() when `err` is not LXW_NO_ERROR. Called for every cell, so it builds no string unless
/// there is an error.
inline void check(lxw_error err, std::string_view what, std::string_view where = {}) {
  if (err != LXW_NO_ERROR) [[unlikely]] fail(err, what, where);
}

}  // namespace metodika::render::xlsx
