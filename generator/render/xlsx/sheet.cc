#include "render/xlsx/sheet.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>

#include "util/format.h"
#include "util/text.h"

namespace metodika::render::xlsx {
namespace {

// Column widths in characters: at least a short number, at most a readable line; longer text
// wraps (a notes column of a council annex must stay on the page).
constexpr double kMinWidth = 7, kMaxWidth = 60;
// Sheets wider than this (in characters) print in landscape.
constexpr double kPortraitWidth = 95;
// A4 in libxlsxwriter's paper numbering.
constexpr uint8_t kPaperA4 = 9;
// Height of one line of text in the default 11 pt font, in points.
constexpr double kLineHeight = 15;
// Excel's limit on a print header, in bytes.
constexpr size_t kMaxHeader = 255;

bool is_summable(ColumnType type) {
  return type == ColumnType::kInteger || type == ColumnType::kMoney ||
         type == ColumnType::kDecimal;
}

// Characters a number takes with thousands separators.
size_t grouped_digits(double v, int decimals) {
  double a = std::fabs(v);
  size_t digits = a < 1 ? 1 : static_cast<size_t>(std::floor(std::log10(a))) + 1;
  return digits + (digits - 1) / 3 + (decimals > 0 ? decimals + 1 : 0) + (v < 0 ? 1 : 0);
}

// How wide `cell` shows, in characters.
size_t display_width(const Column& col, const Cell& cell, std::string_view lang) {
  if (cell.empty()) return 0;
  if (const auto* s = std::get_if<std::string>(&cell.value)) return util::utf8_length(*s);
  switch (col.type) {
    case ColumnType::kSchoolYear:
      return util::utf8_length(util::format_school_year(
          static_cast<int>(std::get<int64_t>(cell.value)), lang));
    case ColumnType::kDate:
      return 11;
    case ColumnType::kYear:
      return 4;
    case ColumnType::kMoney: {
      int64_t cents = std::get<int64_t>(cell.value);
      return grouped_digits(static_cast<double>(cents) / 100, cents % 100 != 0 ? 2 : 0) + 4;
    }
    case ColumnType::kPercent:
      return grouped_digits(std::get<double>(cell.value), col.decimals) + 1;
    case ColumnType::kDecimal:
      return grouped_digits(std::get<double>(cell.value), col.decimals);
    case ColumnType::kInteger:
      return grouped_digits(static_cast<double>(std::get<int64_t>(cell.value)), 0);
    case ColumnType::kText:
      return 0;
  }
  return 0;
}

// The longest word of a header: headers wrap, so that is what must fit.
size_t longest_word(std::string_view text) {
  size_t best = 0;
  while (!text.empty()) {
    size_t sp = text.find(' ');
    best = std::max(best, util::utf8_length(text.substr(0, sp)));
    if (sp == std::string_view::npos) break;
    text.remove_prefix(sp + 1);
  }
  return best;
}

bool has_cents(const Table& table, size_t c) {
  for (const Row& row : table.rows) {
    const Cell& cell = row.cells[c];
    if (const auto* v = std::get_if<int64_t>(&cell.value); v != nullptr && *v % 100 != 0) {
      return true;
    }
  }
  return false;
}

CellRole role_of(RowKind kind) {
  switch (kind) {
    case RowKind::kGroup:
      return CellRole::kGroup;
    case RowKind::kTotal:
      return CellRole::kTotal;
    case RowKind::kData:
      break;
  }
  return CellRole::kData;
}

// Whether a number or date cell of `table` is blank with nothing saying why (no reason of its
// own, not suppressed): a blank text cell (no e-mail, no note) says nothing is there.
bool has_unexplained_blank(const Table& table) {
  for (const Row& row : table.rows) {
    for (size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c) {
      const Cell& cell = row.cells[c];
      if (table.columns[c].type == ColumnType::kText || !cell.empty()) continue;
      if (cell.note == CellNote::kSuppressed || !cell.reason.empty()) continue;
      return true;
    }
  }
  return false;
}

// The data rows a total row at `r` sums: the kData rows since the previous total row, as one
// contiguous range [first, r). nullopt when group rows lie between (groups carry their own
// subtotals, which a SUM over the block would count twice).
std::optional<std::pair<size_t, size_t>> total_block(const Table& table, size_t r) {
  size_t first = r;
  while (first > 0 && table.rows[first - 1].kind == RowKind::kData) --first;
  if (first == r) return std::nullopt;
  if (first > 0 && table.rows[first - 1].kind == RowKind::kGroup) return std::nullopt;
  return std::make_pair(first, r);
}

// The SUM over the data rows above a total cell, when it gives exactly the table's value.
std::string auto_sum(const SheetLayout& layout, const Table& table, size_t r, size_t c) {
  const Column& col = table.columns[c];
  const Cell& total = table.rows[r].cells[c];
  if (!is_summable(col.type) || total.empty()) return "";
  auto block = total_block(table, r);
  if (!block) return "";
  double sum = 0;
  int64_t isum = 0;
  for (size_t i = block->first; i < block->second; ++i) {
    const Cell& cell = table.rows[i].cells[c];
    if (cell.note == CellNote::kSuppressed) return "";
    if (const auto* v = std::get_if<int64_t>(&cell.value)) isum += *v;
    if (const auto* v = std::get_if<double>(&cell.value)) sum += *v;
  }
  if (const auto* v = std::get_if<int64_t>(&total.value)) {
    if (*v != isum) return "";
  } else if (const auto* d = std::get_if<double>(&total.value)) {
    if (std::fabs(*d - sum) > 1e-9 * std::max(1.0, std::fabs(*d))) return "";
  }
  lxw_col_t sc = static_cast<lxw_col_t>(c);
  return "SUM(" + range_ref(layout.rows[block->first], sc, layout.rows[block->second - 1], sc) +
         ")";
}

// Print header and footer text: '&' is a control character there.
std::string escape_header(std::string_view text) {
  std::string out;
  for (char ch : text) {
    out += ch;
    if (ch == '&') out += '&';
  }
  return out;
}

// The column labels as an Excel table's headers: text, unique within the table (Excel requires
// it; a repeated label gets " (2)"), never empty.
std::vector<std::string> unique_headers(const Table& table) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    std::string label = table.columns[c].label;
    for (char& ch : label) {
      if (ch == '\n' || ch == '\r') ch = ' ';
    }
    if (label.empty()) label = std::to_string(c + 1);
    // Excel compares headers without regard to case: compare their slugs.
    const auto key = [](const std::string& text) {
      std::string slug = util::slugify(text);
      return slug.empty() ? text : slug;
    };
    std::string unique = label;
    for (int n = 2; seen.contains(key(unique)); ++n) {
      unique = label + " (" + std::to_string(n) + ")";
    }
    seen.insert(key(unique));
    out.push_back(std::move(unique));
  }
  return out;
}

// Rows a wrapped text of `chars` takes in `width` characters.
double lines_for(size_t chars, double width) {
  return std::max(1.0, std::ceil(static_cast<double>(chars) / std::max(width, 1.0)));
}

}  // namespace

std::optional<lxw_col_t> SheetLayout::column(std::string_view key) const {
  for (size_t c = 0; c < table->columns.size(); ++c) {
    if (table->columns[c].key == key) return static_cast<lxw_col_t>(c);
  }
  return std::nullopt;
}

std::optional<double> sheet_number(const Column& column, const Cell& cell) {
  switch (column.type) {
    case ColumnType::kMoney:
      if (const auto* v = std::get_if<int64_t>(&cell.value)) return static_cast<double>(*v) / 100;
      break;
    case ColumnType::kPercent:
      if (std::holds_alternative<double>(cell.value)) {
        // The rounded value the site and the CSV show ("55.8"), as a fraction read from its
        // decimal text ("55.8e-2"): 0.558, not 55.8 / 100 = 0.5579999999999999.
        const std::string text = machine_cell(column, cell) + "e-2";
        double fraction = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), fraction);
        if (ec == std::errc() && end == text.data() + text.size()) return fraction;
      }
      break;
    case ColumnType::kInteger:
    case ColumnType::kYear:
    case ColumnType::kDecimal:
      if (const auto* v = std::get_if<int64_t>(&cell.value)) return static_cast<double>(*v);
      if (const auto* v = std::get_if<double>(&cell.value)) return *v;
      break;
    case ColumnType::kText:
    case ColumnType::kDate:
    case ColumnType::kSchoolYear:
      break;
  }
  return std::nullopt;
}

std::string sum_of(const std::vector<std::string>& refs) {
  if (refs.empty()) return "0";
  constexpr size_t kMaxArgs = 255;
  std::string out;
  for (size_t i = 0; i < refs.size(); i += kMaxArgs) {
    if (!out.empty()) out += "+";
    out += "SUM(";
    for (size_t j = i; j < std::min(refs.size(), i + kMaxArgs); ++j) {
      if (j > i) out += ",";
      out += refs[j];
    }
    out += ")";
  }
  return out;
}

SheetLayout write_table_sheet(Workbook& wb, std::string_view name, const Table& table,
                              const SheetOptions& options) {
  SheetLayout layout;
  layout.table = &table;
  layout.ws = wb.add_sheet(name);
  layout.name = wb.sheet_name(layout.ws);
  lxw_worksheet* ws = layout.ws;
  const size_t ncols = table.columns.size();
  layout.header_row = 0;
  for (size_t r = 0; r < table.rows.size(); ++r) layout.rows.push_back(static_cast<lxw_row_t>(r + 1));

  // Per column: format details and width.
  std::vector<Style> base(ncols);
  std::vector<double> widths(ncols, kMinWidth);
  for (size_t c = 0; c < ncols; ++c) {
    const Column& col = table.columns[c];
    base[c].type = col.type;
    base[c].decimals = col.decimals;
    base[c].cents = col.type == ColumnType::kMoney && has_cents(table, c);
    if (col.type == ColumnType::kMoney) layout.money_columns.push_back(static_cast<lxw_col_t>(c));
    size_t w = longest_word(col.label);
    for (const Row& row : table.rows) w = std::max(w, display_width(col, row.cells[c], options.lang));
    widths[c] = std::clamp(static_cast<double>(w) + 2, kMinWidth, kMaxWidth);
    base[c].wrap = static_cast<double>(w) + 2 > kMaxWidth ||
                   std::find(options.wrap.begin(), options.wrap.end(), col.key) != options.wrap.end();
  }

  lxw_row_t last_data = 0;  // last row of the Excel table: data and groups, not the totals
  bool groups = false;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    if (table.rows[r].kind != RowKind::kTotal) last_data = layout.rows[r];
    groups = groups || table.rows[r].kind == RowKind::kGroup;
  }

  // Header (the Excel table below writes it when there are rows).
  for (size_t c = 0; c < ncols && last_data == 0; ++c) {
    Style s = base[c];
    s.role = CellRole::kHeader;
    check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), table.columns[c].label.c_str(),
                                 wb.format(s)),
          "header", layout.name);
  }

  // Rows.
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    lxw_row_t sr = layout.rows[r];
    std::set<std::string> noted;  // one note per row and reason, on its first cell
    for (size_t c = 0; c < ncols && c < row.cells.size(); ++c) {
      const Column& col = table.columns[c];
      const Cell& cell = row.cells[c];
      lxw_col_t sc = static_cast<lxw_col_t>(c);
      Style s = base[c];
      s.role = role_of(row.kind);
      std::string formula = options.formula ? options.formula(layout, r, c) : std::string();
      if (formula.empty() && options.sum_totals && row.kind == RowKind::kTotal) {
        formula = auto_sum(layout, table, r, c);
      }
      if (!formula.empty()) {
        double cached = sheet_number(col, cell).value_or(0);
        check(worksheet_write_formula_num(ws, sr, sc, ("=" + formula).c_str(), wb.format(s),
                                          cached),
              "formula", layout.name);
        continue;
      }
      if (cell.empty()) {
        if (cell.note == CellNote::kSuppressed) {
          // Never a number: an empty, hatched cell whose note says why (as the site does).
          s.highlight = Style::Highlight::kHidden;
          check(worksheet_write_blank(ws, sr, sc, wb.format(s)), "blank", layout.name);
          const std::string& why = cell.reason.empty() ? options.suppressed_text : cell.reason;
          if (!why.empty() && noted.insert(why).second) {
            check(worksheet_write_comment(ws, sr, sc, why.c_str()), "note", layout.name);
          }
        } else {
          if (row.kind != RowKind::kData || !cell.reason.empty()) {
            worksheet_write_blank(ws, sr, sc, wb.format(s));
          }
          // An empty cell with its own reason (no records, no amount) says it as its note.
          if (!cell.reason.empty() && noted.insert(cell.reason).second) {
            check(worksheet_write_comment(ws, sr, sc, cell.reason.c_str()), "note", layout.name);
          }
        }
        continue;
      }
      lxw_format* f = wb.format(s);
      lxw_error err = LXW_NO_ERROR;
      if (auto number = sheet_number(col, cell)) {
        err = worksheet_write_number(ws, sr, sc, *number, f);
      } else if (const auto* text = std::get_if<std::string>(&cell.value)) {
        err = worksheet_write_string(ws, sr, sc, text->c_str(), f);
      } else if (const auto* date = std::get_if<util::Date>(&cell.value)) {
        lxw_datetime dt{date->year, date->month, date->day, 0, 0, 0};
        err = worksheet_write_datetime(ws, sr, sc, &dt, f);
      } else if (const auto* year = std::get_if<int64_t>(&cell.value)) {
        // A school year reads as its name: "2024./2025. m. g." sorts like the number.
        err = worksheet_write_string(
            ws, sr, sc, util::format_school_year(static_cast<int>(*year), options.lang).c_str(), f);
      } else if (const auto* d = std::get_if<double>(&cell.value)) {
        err = worksheet_write_number(ws, sr, sc, *d, f);
      }
      check(err, "cell", layout.name);
    }
  }

  // Rows with wrapped text get their height: Excel and LibreOffice keep the default height of a
  // row written by libxlsxwriter, so a wrapped cell would overflow into the rows below.
  for (size_t r = 0; r < table.rows.size(); ++r) {
    double lines = 1;
    for (size_t c = 0; c < ncols && c < table.rows[r].cells.size(); ++c) {
      if (!base[c].wrap) continue;
      size_t w = display_width(table.columns[c], table.rows[r].cells[c], options.lang);
      lines = std::max(lines, lines_for(w, widths[c]));
    }
    if (lines > 1) worksheet_set_row(ws, layout.rows[r], kLineHeight * lines, nullptr);
  }
  double header_lines = 1;
  for (size_t c = 0; c < ncols; ++c) {
    header_lines =
        std::max(header_lines, lines_for(util::utf8_length(table.columns[c].label), widths[c] - 1));
  }
  if (header_lines > 1) worksheet_set_row(ws, 0, kLineHeight * header_lines, nullptr);

  // Widths, wrapped columns keep their format on empty cells too.
  for (size_t c = 0; c < ncols; ++c) {
    Style s = base[c];
    check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                               widths[c], s.wrap ? wb.format(s) : nullptr),
          "column width");
  }

  lxw_row_t next = static_cast<lxw_row_t>(table.rows.size() + 1);
  if (ncols > 0) {
    lxw_col_t last_col = static_cast<lxw_col_t>(ncols - 1);
    if (last_data > 0) {
      // The data as an Excel table, not a bare filter range (EN 301 549 clause 10 applies
      // WCAG to documents): a screen reader announces its name, size and column headers. The
      // totals stay under it; a table with group rows (a budget's subtotals) gets no filter,
      // which would sort or hide a group's rows away from its heading. No table style: the
      // cells keep the annex's own formats.
      std::string table_name = wb.table_name(layout.name);
      std::vector<std::string> headers = unique_headers(table);
      std::vector<lxw_table_column> columns(ncols);
      std::vector<lxw_table_column*> column_list;
      for (size_t c = 0; c < ncols; ++c) {
        Style s = base[c];
        s.role = CellRole::kHeader;
        columns[c].header = headers[c].data();
        columns[c].header_format = wb.format(s);
        column_list.push_back(&columns[c]);
      }
      column_list.push_back(nullptr);
      lxw_table_options table_options{};
      table_options.name = table_name.data();
      table_options.no_autofilter = groups ? LXW_TRUE : LXW_FALSE;
      table_options.no_banded_rows = LXW_TRUE;
      table_options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
      table_options.style_type_number = 0;
      table_options.columns = column_list.data();
      check(worksheet_add_table(ws, 0, 0, last_data, last_col, &table_options), "table",
            layout.name);
    }
    // The header row and the columns up to the row header (a budget's id and title) stay put.
    lxw_col_t frozen = 0;
    for (size_t c = 0; c < ncols; ++c) {
      if (table.columns[c].row_header) {
        frozen = static_cast<lxw_col_t>(c + 1);
        break;
      }
    }
    worksheet_freeze_panes(ws, 1, frozen);

    // Notes under the table, across its width, wrapped.
    std::vector<std::string> notes;
    if (table.rows.empty() && !options.empty_text.empty()) notes.push_back(options.empty_text);
    if (!table.note.empty()) notes.push_back(table.note);
    if (!options.blank_text.empty() && has_unexplained_blank(table)) {
      notes.push_back(options.blank_text);
    }
    notes.insert(notes.end(), options.notes.begin(), options.notes.end());
    double total_width = 0;
    for (double w : widths) total_width += w;
    if (!notes.empty()) ++next;
    Style note_style;
    note_style.role = CellRole::kNote;
    for (const std::string& note : notes) {
      lxw_format* f = wb.format(note_style);
      if (last_col > 0) {
        check(worksheet_merge_range(ws, next, 0, next, last_col, note.c_str(), f), "note");
      } else {
        check(worksheet_write_string(ws, next, 0, note.c_str(), f), "note");
      }
      worksheet_set_row(ws, next, kLineHeight * lines_for(util::utf8_length(note), total_width), nullptr);
      ++next;
    }

    // Print set-up: A4, landscape when wide, fitted to the page width, header row repeated.
    worksheet_set_paper(ws, kPaperA4);
    if (total_width > kPortraitWidth) worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_repeat_rows(ws, 0, 0), "repeat rows");
    std::string header = "&L" + escape_header(table.title.empty() ? layout.name : table.title);
    if (header.size() > kMaxHeader) header = "&L" + escape_header(layout.name);
    check(worksheet_set_header(ws, header.c_str()), "print header");
    check(worksheet_set_footer(ws, "&C&P / &N"), "print footer");
  }
  layout.end_row = next;
  return layout;
}

}  // namespace metodika::render::xlsx
