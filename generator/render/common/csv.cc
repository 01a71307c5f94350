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

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "-5", "-1.5", "-1,5": a signed number, which spreadsheets read as a number, never a formula.
bool is_plain_number(std::string_view cell) {
  if (cell.starts_with('-') || cell.starts_with('+')) cell.remove_prefix(1);
  size_t i = 0;
  while (i < cell.size() && is_digit(cell[i])) ++i;
  if (i == 0) return false;
  if (i == cell.size()) return true;
  if (cell[i] != '.' && cell[i] != ',') return false;
  size_t digits = ++i;
  while (i < cell.size() && is_digit(cell[i])) ++i;
  return i > digits && i == cell.size();
}

// OWASP "CSV Injection": the characters a spreadsheet (Excel, LibreOffice, Google Sheets) takes
// as the start of a formula, also after a tab or CR it skips.
bool starts_formula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return !is_plain_number(cell);
    default:
      return false;
  }
}

}  // namespace

CsvWriter::CsvWriter() : out_(kUtf8Bom) {}

void CsvWriter::field(std::string_view cell) { write(cell, true); }

void CsvWriter::number(std::string_view cell) { write(cell, false); }

void CsvWriter::write(std::string_view cell, bool neutralise) {
  if (fields_++ > 0) out_ += ',';
  last_empty_ = cell.empty();
  const bool formula = neutralise && starts_formula(cell);
  if (!formula && !needs_quotes(cell)) {
    out_ += cell;
    return;
  }
  out_ += '"';
  // A reader's spreadsheet shows the quote too (`'=HYPERLINK(…)`): a visible mark that the cell
  // is text, and what a machine reader strips if it wants the original.
  if (formula) out_ += '\'';
  for (size_t at = 0;;) {
    size_t quote = cell.find('"', at);
    if (quote == std::string_view::npos) {
      out_ += cell.substr(at);
      break;
    }
    out_ += cell.substr(at, quote + 1 - at);
    out_ += '"';  // RFC 4180 2.7: a quote inside is written twice.
    at = quote + 1;
  }
  out_ += '"';
}

void CsvWriter::end_row() {
  if (fields_ == 1 && last_empty_) out_ += "\"\"";  // not a blank line
  out_ += "\r\n";
  fields_ = 0;
}

void CsvWriter::row(std::span<const std::string> cells) {
  for (const std::string& cell : cells) field(cell);
  end_row();
}

void CsvWriter::row(std::initializer_list<std::string_view> cells) {
  for (std::string_view cell : cells) field(cell);
  end_row();
}

}  // namespace metodika::render
