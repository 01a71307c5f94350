#include "render/common/csv.h"

namespace metodika::render {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool needs_quotes(std::string_view cell) {
  if (cell.find_first_of(",\"\r\n") != std::string_view::npos) return true;  // RFC 4180 2.6
  if (cell.empty()) return false;
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  return is_blank(cell.front()) || is_blank(cell.back());
}

}  // namespace

void CsvWriter::field(std::string_view cell, bool first, bool only) {
  if (!first) body_ += ',';
  if (only && cell.empty()) {
    body_ += "\"\"";
    return;
  }
  if (!needs_quotes(cell)) {
    body_ += cell;
    return;
  }
  body_ += '"';
  for (char c : cell) {
    if (c == '"') body_ += '"';  // RFC 4180 2.7: a quote inside is written twice.
    body_ += c;
  }
  body_ += '"';
}

void CsvWriter::row(std::span<const std::string> cells) {
  for (size_t i = 0; i < cells.size(); ++i) field(cells[i], i == 0, cells.size() == 1);
  body_ += "\r\n";
}

void CsvWriter::row(std::initializer_list<std::string_view> cells) {
  bool first = true;
  for (std::string_view cell : cells) {
    field(cell, first, cells.size() == 1);
    first = false;
  }
  body_ += "\r\n";
}

std::string CsvWriter::str() const {
  std::string out;
  out.reserve(kUtf8Bom.size() + body_.size());
  out += kUtf8Bom;
  out += body_;
  return out;
}

}  // namespace metodika::render
