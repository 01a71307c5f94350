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

CsvWriter::CsvWriter() : out_(kUtf8Bom) {}

void CsvWriter::field(std::string_view cell) {
  if (fields_++ > 0) out_ += ',';
  last_empty_ = cell.empty();
  if (!needs_quotes(cell)) {
    out_ += cell;
    return;
  }
  out_ += '"';
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
