#include "render/common/table.h"

#include <charconv>
#include <cmath>

#include "render/common/csv.h"
#include "render/common/json.h"
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

Column column(std::string key, std::string label, ColumnType type, int decimals, bool row_header) {
  Column c;
  c.key = std::move(key);
  c.label = std::move(label);
  c.type = type;
  c.decimals = decimals;
  c.row_header = row_header;
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

Cell suppressed_cell(std::string reason) {
  Cell c;
  c.note = CellNote::kSuppressed;
  c.reason = std::move(reason);
  return c;
}

bool Column::numeric() const {
  return type != ColumnType::kText && type != ColumnType::kDate && type != ColumnType::kSchoolYear;
}

std::string format_cell(const Column& column, const Cell& cell, std::string_view lang,
                        std::string_view suppressed) {
  if (cell.empty()) {
    if (!cell.reason.empty()) return cell.reason;
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
  if (structured) csv.field("row");
  for (const Column& c : table.columns) csv.field(c.label);
  csv.end_row();
  const Cell empty;
  for (const Row& r : table.rows) {
    if (structured) csv.field(kind_name(r.kind));
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Cell& cell = i < r.cells.size() ? r.cells[i] : empty;
      // A cell's value type says what it is: a string is text (neutralised if it could start a
      // formula, render/common/csv.h), anything else is a number or a date written by
      // machine_cell, which never starts a formula even when negative ("-5.00").
      if (const auto* s = std::get_if<std::string>(&cell.value)) {
        csv.field(*s);  // as machine_cell, without copying it
      } else {
        csv.number(machine_cell(table.columns[i], cell));
      }
    }
    csv.end_row();
  }
  return std::move(csv).str();
}

// Written directly, not through a nlohmann::ordered_json tree (render/common/json.h says why),
// with the bytes the tree's dump(1, ' ', false, replace) wrote: one space of indent per level,
// "[]" for an empty list, and in a row the first assignment of a key fixes its place and the
// last its value (an ordered_json object's operator[]).
std::string table_json(const Table& table) {
  const bool structured = has_structure(table);
  // Whether a row's keys may repeat (two columns with one key, or a column named "row" or
  // "suppressed"); only then is each key looked up before it is added.
  bool repeats = false;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const std::string& key = table.columns[i].key;
    if ((structured && key == "row") || key == "suppressed") repeats = true;
    for (size_t j = 0; j < i; ++j) repeats = repeats || table.columns[j].key == key;
  }

  std::string out;
  out.reserve(512 + table.rows.size() * table.columns.size() * 32);
  out += "{\n \"id\": ";
  json_string_to(out, table.id);
  out += ",\n \"title\": ";
  json_string_to(out, table.title);
  if (!table.note.empty()) {
    out += ",\n \"note\": ";
    json_string_to(out, table.note);
  }
  out += ",\n \"columns\": ";
  if (table.columns.empty()) out += "[]";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const Column& c = table.columns[i];
    out += i == 0 ? "[\n  {\n   \"key\": " : ",\n  {\n   \"key\": ";
    json_string_to(out, c.key);
    out += ",\n   \"label\": ";
    json_string_to(out, c.label);
    out += ",\n   \"type\": ";
    json_string_to(out, type_name(c.type));
    out += "\n  }";
  }
  if (!table.columns.empty()) out += "\n ]";
  out += ",\n \"rows\": ";
  if (table.rows.empty()) out += "[]";

  // One row's members: the key and where its JSON value is in `values`.
  struct Member {
    std::string_view key;
    size_t begin = 0, end = 0;
  };
  std::vector<Member> members;
  std::string values;
  auto add = [&](std::string_view key, size_t begin) {
    Member m{key, begin, values.size()};
    if (repeats) {
      for (Member& old : members) {
        if (old.key == key) {
          old = m;
          return;
        }
      }
    }
    members.push_back(m);
  };
  const Cell empty;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    members.clear();
    values.clear();
    if (structured) {
      json_string_to(values, kind_name(row.kind));
      add("row", 0);
    }
    std::string hidden;  // the "suppressed" list, without its brackets
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& col = table.columns[i];
      const Cell& cell = i < row.cells.size() ? row.cells[i] : empty;
      if (cell.note == CellNote::kSuppressed) {
        hidden += hidden.empty() ? "\n    " : ",\n    ";
        json_string_to(hidden, col.key);
      }
      const size_t begin = values.size();
      if (cell.empty()) {
        values += "null";
      } else if (const auto* s = std::get_if<std::string>(&cell.value)) {
        json_string_to(values, *s);
      } else if (const auto* d = std::get_if<util::Date>(&cell.value)) {
        json_string_to(values, d->iso());
      } else if (col.type == ColumnType::kMoney) {
        // Exact: cents / 100 as a JSON number read from its decimal text.
        json_number_to(values, cents_machine(as_int(cell)));
      } else if (col.type == ColumnType::kDecimal || col.type == ColumnType::kPercent) {
        std::string text = decimal_machine(as_double(cell), col.decimals);
        if (text.empty()) {
          values += "null";
        } else {
          json_number_to(values, text);
        }
      } else {
        json_int_to(values, as_int(cell));
      }
      add(col.key, begin);
    }
    if (!hidden.empty()) {
      const size_t begin = values.size();
      values += '[';
      values += hidden;
      values += "\n   ]";
      add("suppressed", begin);
    }
    out += r == 0 ? "[\n  " : ",\n  ";
    if (members.empty()) {
      out += "{}";
      continue;
    }
    for (size_t k = 0; k < members.size(); ++k) {
      out += k == 0 ? "{\n   " : ",\n   ";
      json_string_to(out, members[k].key);
      out += ": ";
      out.append(values, members[k].begin, members[k].end - members[k].begin);
    }
    out += "\n  }";
  }
  if (!table.rows.empty()) out += "\n ]";
  out += "\n}\n";
  return out;
}

}  // namespace metodika::render
