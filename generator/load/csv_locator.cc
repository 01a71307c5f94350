// csv_locator (load/csv.h): names the cell a diagnostic points at, as a spreadsheet shows it.
#include <algorithm>
#include <mutex>
#include <tuple>

#include "load/csv.h"
#include "load/csv_tokenizer.h"

namespace metodika::load {

using namespace csv_detail;

namespace {

std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.append(1, '"').append(s).append(1, '"');
  return out;
}

}  // namespace

diag::Locator csv_locator(std::shared_ptr<const std::string> text) {
  // Where each row starts, found on the first call; a row's cells are found again on each.
  struct Index {
    std::once_flag once;
    char delim = ',';
    std::vector<std::string> header;
    struct Row {
      uint32_t line = 0;
      size_t offset = 0;
    };
    std::vector<Row> rows;  // every record, blank ones too: rows[i] is the spreadsheet's row i + 1
    size_t header_row = 0;
  };
  auto index = std::make_shared<Index>();
  return [text = std::move(text), index](uint32_t line, uint32_t col) -> std::string {
    const std::string_view body = without_bom(*text);
    std::call_once(index->once, [&] {
      const Delimiter d = detect_delimiter(body);
      index->delim = d.delim;
      Tokenizer tok(body, index->delim, d.offset, d.line);
      std::vector<Cell> cells;
      size_t count = 0;
      while (tok.next(cells, count, nullptr)) {
        index->rows.push_back({tok.record_line(), tok.record_offset()});
        if (index->header.empty() && !blank_record(cells, count)) {
          for (size_t i = 0; i < count; ++i) index->header.push_back(cells[i].text);
          index->header_row = index->rows.size() - 1;
        }
      }
    });
    const auto& rows = index->rows;
    auto it = std::upper_bound(rows.begin(), rows.end(), line,
                               [](uint32_t l, const Index::Row& r) { return l < r.line; });
    if (it == rows.begin()) return "";
    --it;
    const size_t row = static_cast<size_t>(it - rows.begin());
    if (row <= index->header_row) return "";  // the header: the caret is under the name itself
    Tokenizer tok(body, index->delim, it->offset, it->line);
    std::vector<Cell> cells;
    size_t count = 0;
    if (!tok.next(cells, count, nullptr)) return "";
    size_t column = 0;
    for (size_t i = 0; i < count; ++i) {
      if (std::tie(cells[i].line, cells[i].col) <= std::tie(line, col)) column = i;
    }
    std::string note = "row " + std::to_string(row + 1) + ", column " + column_letters(column);
    if (column < index->header.size() && !index->header[column].empty()) {
      note.append(1, ' ').append(quoted(index->header[column]));  // GCC 12 -Wrestrict: PR 105329
    }
    return note;
  };
}

}  // namespace metodika::load
