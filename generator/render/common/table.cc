#include "render/common/table.h"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "render/common/csv.h"
#include "util/format.h"

namespace metodika::render {
namespace {

std::string cents_machine(int64_t cents) {
  int64_t a = cents < 0 ? -cents : cents;
  std::string s = std::to_string(a / 100) + "." + (a % 100 < 10 ? "0" : "") +
                  std::to_string(a % 100);
  return cents < 0 ? "-" + s : s;
}

// The shortest decimal form of `v` rounded to `decimals` digits, with a '.' separator.
std::string decimal_machine(double v, int decimals) {
  if (!std::isfinite(v)) return {};
  double scale = std::pow(10.0, decimals);
  double r = std::round(v * scale) / scale;
  if (r == 0) r = 0;  // no "-0"
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, r);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

int64_t as_int(const Cell& c) {
  if (const auto* i = std::get_if<int64_t>(&c.value)) return *i;
  if (const auto* d = std::get_if<double>(&c.value)) return static_cast<int64_t>(std::llround(*d));
  return 0;
}

double as_double(const Cell& c) {
  if (const auto* d = std::get_if<double>(&c.value)) return *d;
  if (const auto* i = std::get_if<int64_t>(&c.value)) return static_cast<double>(*i);
  return 0;
}

const char* type_name(ColumnType t) {
  switch (t) {
    case ColumnType::kText: return "text";
    case ColumnType::kInteger: return "integer";
    case ColumnType::kDecimal: return "decimal";
    case ColumnType::kPercent: return "percent";
    case ColumnType::kMoney: return "money";
    case ColumnType::kDate: return "date";
    case ColumnType::kYear: return "year";
    case ColumnType::kSchoolYear: return "school_year";
  }
  return "text";
}

bool has_structure(const Table& t) {
  for (const Row& r : t.rows) {
    if (r.kind != RowKind::kData) return true;
  }
  return false;
}

const char* kind_name(RowKind k) {
  switch (k) {
    case RowKind::kData: return "data";
    case RowKind::kGroup: return "group";
    case RowKind::kTotal: return "total";
  }
  return "data";
}

}  // namespace

Cell text_cell(std::string text, std::string link) {
  Cell c;
  c.value = std::move(text);
  c.link = std::move(link);
  return c;
}

Cell int_cell(std::optional<int64_t> v) {
  Cell c;
  if (v) c.value = *v;
  return c;
}

Cell number_cell(std::optional<double> v) {
  Cell c;
  if (v && std::isfinite(*v)) c.value = *v;
  return c;
}

Cell date_cell(std::optional<util::Date> v) {
  Cell c;
  if (v) c.value = *v;
  return c;
}

Cell suppressed_cell() {
  Cell c;
  c.note = CellNote::kSuppressed;
  return c;
}

bool Column::numeric() const {
  return type != ColumnType::kText && type != ColumnType::kDate && type != ColumnType::kSchoolYear;
}

std::string format_cell(const Column& column, const Cell& cell, std::string_view lang,
                        std::string_view suppressed) {
  if (cell.empty()) {
    return cell.note == CellNote::kSuppressed ? std::string(suppressed) : std::string("—");
  }
  if (const auto* s = std::get_if<std::string>(&cell.value)) return *s;
  if (const auto* d = std::get_if<util::Date>(&cell.value)) {
    return util::format_date_numeric(*d, lang);
  }
  switch (column.type) {
    case ColumnType::kText:
    case ColumnType::kDate:
    case ColumnType::kInteger: return util::format_int(as_int(cell), lang);
    case ColumnType::kDecimal: return util::format_decimal(as_double(cell), column.decimals, lang);
    case ColumnType::kPercent: return util::format_percent(as_double(cell), column.decimals, lang);
    case ColumnType::kMoney: {
      int64_t cents = as_int(cell);
      if (cents % 100 == 0) return util::format_eur(cents / 100, lang);
      return util::format_eur_cents(static_cast<double>(cents) / 100.0, lang);
    }
    case ColumnType::kYear: return std::to_string(as_int(cell));
    case ColumnType::kSchoolYear: return util::format_school_year(static_cast<int>(as_int(cell)), lang);
  }
  return {};
}

std::string machine_cell(const Column& column, const Cell& cell) {
  if (cell.empty()) return {};
  if (const auto* s = std::get_if<std::string>(&cell.value)) return *s;
  if (const auto* d = std::get_if<util::Date>(&cell.value)) return d->iso();
  switch (column.type) {
    case ColumnType::kMoney: return cents_machine(as_int(cell));
    case ColumnType::kDecimal:
    case ColumnType::kPercent: return decimal_machine(as_double(cell), column.decimals);
    default: return std::to_string(as_int(cell));
  }
}

std::string table_csv(const Table& table) {
  CsvWriter csv;
  bool structured = has_structure(table);
  std::vector<std::string> cells;
  if (structured) cells.emplace_back("row");
  for (const Column& c : table.columns) cells.push_back(c.label);
  csv.row(cells);
  for (const Row& r : table.rows) {
    cells.clear();
    if (structured) cells.emplace_back(kind_name(r.kind));
    for (size_t i = 0; i < table.columns.size(); ++i) {
      cells.push_back(i < r.cells.size() ? machine_cell(table.columns[i], r.cells[i]) : "");
    }
    csv.row(cells);
  }
  return csv.str();
}

std::string table_json(const Table& table) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["id"] = table.id;
  doc["title"] = table.title;
  if (!table.note.empty()) doc["note"] = table.note;
  ordered_json columns = ordered_json::array();
  for (const Column& c : table.columns) {
    columns.push_back({{"key", c.key}, {"label", c.label}, {"type", type_name(c.type)}});
  }
  doc["columns"] = columns;
  bool structured = has_structure(table);
  ordered_json rows = ordered_json::array();
  for (const Row& r : table.rows) {
    ordered_json row = ordered_json::object();
    if (structured) row["row"] = kind_name(r.kind);
    ordered_json hidden = ordered_json::array();
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& col = table.columns[i];
      const Cell empty;
      const Cell& cell = i < r.cells.size() ? r.cells[i] : empty;
      if (cell.note == CellNote::kSuppressed) hidden.push_back(col.key);
      if (cell.empty()) {
        row[col.key] = nullptr;
      } else if (std::holds_alternative<std::string>(cell.value) ||
                 std::holds_alternative<util::Date>(cell.value)) {
        row[col.key] = machine_cell(col, cell);
      } else if (col.type == ColumnType::kMoney) {
        // Exact: cents / 100 as a JSON number written from its decimal text.
        row[col.key] = ordered_json::parse(cents_machine(as_int(cell)));
      } else if (col.type == ColumnType::kDecimal || col.type == ColumnType::kPercent) {
        std::string text = decimal_machine(as_double(cell), col.decimals);
        row[col.key] = text.empty() ? ordered_json(nullptr) : ordered_json::parse(text);
      } else {
        row[col.key] = as_int(cell);
      }
    }
    if (!hidden.empty()) row["suppressed"] = hidden;
    rows.push_back(row);
  }
  doc["rows"] = rows;
  return doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace metodika::render
