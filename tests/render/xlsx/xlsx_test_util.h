// Hand-built tables and workbook helpers for the tests of render/xlsx.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "render/common/table.h"
#include "render/xlsx/workbook.h"
#include "zip_reader.h"

namespace metodika::render::xlsx::testing {

template <typename T>
Cell cell(T v) {
  Cell c;
  c.value = std::move(v);
  return c;
}
inline Cell text(std::string s) { return cell(std::move(s)); }
inline Cell integer(int64_t v) { return cell(v); }
inline Cell real(double v) { return cell(v); }
inline Cell eur(int64_t euros) { return cell(euros * 100); }
inline Cell hidden() {
  Cell c;
  c.note = CellNote::kSuppressed;
  return c;
}
inline Cell none() { return Cell(); }
inline Column col(std::string key, std::string label, ColumnType type = ColumnType::kText,
                  int decimals = 0, bool row_header = false) {
  return column(std::move(key), std::move(label), type, decimals, row_header);
}
inline Row row(std::vector<Cell> cells, RowKind kind = RowKind::kData) {
  Row r;
  r.kind = kind;
  r.cells = std::move(cells);
  return r;
}

inline Properties test_properties(util::Date created = {2026, 11, 22}) {
  Properties p;
  p.title = "Tests";
  p.subject = "s";
  p.author = "Izglītības pārvalde";
  p.company = "VISC";
  p.keywords = "k";
  p.created = created;
  return p;
}

/// The XML of a cell `ref` ("C3") in a sheet's XML, from "<c r=..." to its end; "" when absent.
inline std::string cell_xml(const std::string& sheet, const std::string& ref) {
  std::string open = "<c r=\"" + ref + "\"";
  size_t at = sheet.find(open);
  if (at == std::string::npos) return "";
  size_t end_empty = sheet.find("/>", at), end = sheet.find("</c>", at);
  size_t next = sheet.find("<c ", at + 1);
  if (end_empty != std::string::npos && end_empty < sheet.find('>', at) + 1) {
    return sheet.substr(at, end_empty + 2 - at);
  }
  if (end == std::string::npos || (next != std::string::npos && next < end)) {
    return sheet.substr(at, sheet.find('>', at) + 1 - at);
  }
  return sheet.substr(at, end + 4 - at);
}

/// The formula of cell `ref`, "" when it has none.
inline std::string formula(const std::string& sheet, const std::string& ref) {
  static const std::regex f("<f>([^<]*)</f>");
  std::smatch m;
  std::string c = cell_xml(sheet, ref);
  return std::regex_search(c, m, f) ? m[1].str() : "";
}

/// The value (`<v>`) of cell `ref`, "" when it has none.
inline std::string value(const std::string& sheet, const std::string& ref) {
  static const std::regex v("<v>([^<]*)</v>");
  std::smatch m;
  std::string c = cell_xml(sheet, ref);
  return std::regex_search(c, m, v) ? m[1].str() : "";
}

}  // namespace metodika::render::xlsx::testing
