// csv_locator (load/csv.h): names the cell a diagnostic points at, as a spreadsheet shows it.
#include <algorithm>
#include <mutex>
#include <tuple>

#include "load/csv.h"
#include "load/csv_tokenizer.h"
#include "load/limits.h"

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
  // Where every 64th row starts, found on the first call; a diagnostic's row is found by reading
  // on from the one before it. (Every row would cost 16 bytes a line: 1 GB for a file of 64 MiB
  // of blank lines.)
  constexpr size_t kEvery = 64;
  struct Index {
    std::once_flag once;
    char delim = ',';
    std::vector<std::string> header;
    struct Row {
      uint32_t line = 0;
      size_t offset = 0;
    };
    std::vector<Row> rows;  // rows[i] starts the spreadsheet's row i × kEvery + 1 (blank or not)
    size_t header_row = 0;
  };
  auto index = std::make_shared<Index>();
  return [text = std::move(text), index](uint32_t line, uint32_t col) -> std::string {
    const std::string_view body = without_bom(*text);
    std::vector<Cell> cells;
    size_t count = 0;
    std::call_once(index->once, [&] {
      const Delimiter d = detect_delimiter(body);
      index->delim = d.delim;
      Tokenizer tok(body, index->delim, d.offset, d.line);
      bool have_header = false;
      for (size_t row = 0; tok.next(cells, count, nullptr, kMaxTableColumns); ++row) {
        if (row % kEvery == 0) index->rows.push_back({tok.record_line(), tok.record_offset()});
        if (!have_header && !blank_record(cells, count)) {
          for (size_t i = 0; i < count; ++i) index->header.push_back(cells[i].text);
          index->header_row = row;
          have_header = true;
        }
      }
    });
    const auto& rows = index->rows;
    auto it = std::upper_bound(rows.begin(), rows.end(), line,
                               [](uint32_t l, const Index::Row& r) { return l < r.line; });
    if (it == rows.begin()) return "";
    --it;
    // Read on from the checkpoint to the record holding `line`: the last one starting at or
    // before it. One cell more than a row may have is kept, so that the caret of "this row has
    // too many cells" is named too.
    size_t row = static_cast<size_t>(it - rows.begin()) * kEvery;
    Tokenizer tok(body, index->delim, it->offset, it->line);
    bool found = false;
    for (size_t r = row;; ++r) {
      Tokenizer ahead = tok;
      std::vector<Cell> next_cells;
      size_t next_count = 0;
      if (!ahead.next(next_cells, next_count, nullptr, kMaxTableColumns + 1)) break;
      if (ahead.record_line() > line) break;
      tok = ahead;
      cells = std::move(next_cells);
      count = next_count;
      row = r;
      found = true;
    }
    if (!found || row <= index->header_row) return "";  // the header: the caret is under its name
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
