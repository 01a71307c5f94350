// The RFC 4180 tokenizer under load/csv.h: cells with the physical line and column where each
// starts, for the reader (load/csv.cc) and for naming a diagnostic's cell (csv_locator). Internal
// to `load`.
#pragma once

#include <cstdint>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace metodika::load::csv_detail {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

inline bool is_space(char c) { return c == ' ' || c == '\t'; }

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
inline std::string column_letters(size_t index) {
  std::string out;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// RFC 4180 tokenizer with positions.

struct Cell {
  std::string text;
  uint32_t line = 0, col = 0;  // the cell's first character (its opening quote when quoted)
  bool quoted = false;
  bool multiline = false;  // a quoted cell holding a line break
};

struct TokenProblem {
  enum class Kind { kUnclosedQuote, kTextAfterQuote } kind;
  uint32_t line = 0, col = 0;
};

// Reads a table record by record. Lines end in LF or CRLF; a quoted cell may hold delimiters,
// line breaks (kept as LF) and doubled quotes. Spaces around an unquoted cell and around a quoted
// one's quotes are not part of it (a hand-typed "a; b" means "b"). A quote inside an unquoted
// cell is kept as it is: `Skola "Avots"` reads as written.
class Tokenizer {
 public:
  Tokenizer(std::string_view text, char delim, size_t offset = 0, uint32_t line = 1)
      : t_(text), delim_(delim), i_(offset), line_(line) {}

  /// Reads the next record into cells[0, count); false when the text is used up. At most
  /// `max_cells` cells are kept: the ones after them are read and dropped, and dropped() tells
  /// how many, so that one row of a million delimiters does not become a million cells.
  bool next(std::vector<Cell>& cells, size_t& count, std::vector<TokenProblem>* problems,
            size_t max_cells = SIZE_MAX) {
    count = 0;
    dropped_ = 0;
    if (i_ >= t_.size()) return false;
    record_offset_ = i_;
    record_line_ = line_;
    for (;;) {
      const bool kept = count < max_cells;
      if (kept && count == cells.size()) cells.emplace_back();
      Cell& c = kept ? cells[count++] : scratch_;
      c.text.clear();
      c.quoted = c.multiline = false;
      while (i_ < t_.size() && is_space(t_[i_])) advance();
      c.line = line_;
      c.col = col_;
      if (!kept && dropped_++ == 0) first_dropped_ = c;
      if (i_ < t_.size() && t_[i_] == '"') {
        if (!read_quoted(c, problems)) return true;
      } else {
        read_plain(c);
      }
      if (i_ >= t_.size()) return true;
      if (t_[i_] == delim_) {
        advance();
        continue;
      }
      if (t_[i_] == '\r') ++i_;
      if (i_ < t_.size() && t_[i_] == '\n') ++i_;
      ++line_;
      col_ = 1;
      return true;
    }
  }

  /// Cells of the last record past `max_cells`, and where the first of them starts.
  [[nodiscard]] size_t dropped() const { return dropped_; }
  [[nodiscard]] const Cell& first_dropped() const { return first_dropped_; }

  [[nodiscard]] size_t record_offset() const { return record_offset_; }
  [[nodiscard]] uint32_t record_line() const { return record_line_; }

 private:
  void advance() {
    if ((static_cast<unsigned char>(t_[i_]) & 0xC0) != 0x80) ++col_;
    ++i_;
  }

  bool at_line_end() const {
    return t_[i_] == '\n' || (t_[i_] == '\r' && i_ + 1 < t_.size() && t_[i_ + 1] == '\n');
  }

  void read_plain(Cell& c) {
    const size_t start = i_;
    // The cell's end first, then its code points (the hot loop of a large table).
    size_t j = i_;
    while (j < t_.size() && t_[j] != delim_ && t_[j] != '\n') ++j;
    if (j > i_ && j < t_.size() && t_[j] == '\n' && t_[j - 1] == '\r') --j;  // CRLF
    for (; i_ < j; ++i_) col_ += (static_cast<unsigned char>(t_[i_]) & 0xC0) != 0x80;
    size_t end = i_;
    while (end > start && is_space(t_[end - 1])) --end;
    c.text.assign(t_.substr(start, end - start));
  }

  // False when the quote is never closed (the rest of the text has been read into the cell).
  bool read_quoted(Cell& c, std::vector<TokenProblem>* problems) {
    c.quoted = true;
    advance();
    for (;;) {
      const size_t start = i_;
      while (i_ < t_.size() && t_[i_] != '"' && t_[i_] != '\n' && t_[i_] != '\r') advance();
      c.text.append(t_.substr(start, i_ - start));
      if (i_ >= t_.size()) {
        if (problems) problems->push_back({TokenProblem::Kind::kUnclosedQuote, c.line, c.col});
        return false;
      }
      const char ch = t_[i_];
      if (ch == '"') {
        advance();
        if (i_ < t_.size() && t_[i_] == '"') {  // "" is one quote
          c.text += '"';
          advance();
          continue;
        }
        break;
      }
      if (ch == '\r' && i_ + 1 < t_.size() && t_[i_ + 1] == '\n') ++i_;  // CRLF in a cell → LF
      if (t_[i_] == '\n') {
        c.text += '\n';
        c.multiline = true;
        ++i_;
        ++line_;
        col_ = 1;
      } else {  // a lone CR
        c.text += '\r';
        advance();
      }
    }
    while (i_ < t_.size() && is_space(t_[i_])) advance();
    if (i_ < t_.size() && t_[i_] != delim_ && !at_line_end()) {
      if (problems) problems->push_back({TokenProblem::Kind::kTextAfterQuote, line_, col_});
      const size_t start = i_;
      while (i_ < t_.size() && t_[i_] != delim_ && !at_line_end()) advance();
      c.text.append(t_.substr(start, i_ - start));
    }
    return true;
  }

  std::string_view t_;
  char delim_;
  size_t i_;
  uint32_t line_;
  uint32_t col_ = 1;
  size_t record_offset_ = 0;
  uint32_t record_line_ = 0;
  Cell scratch_;  // a dropped cell is read into this
  Cell first_dropped_;
  size_t dropped_ = 0;
};

struct Delimiter {
  char delim = ',';
  size_t commas = 0, semicolons = 0, tabs = 0;
  bool stated = false;  // by a first line "sep=;", as Excel writes for another locale's reader
  size_t offset = 0;    // where the table starts: after that line
  uint32_t line = 1;
};

// The delimiter, from the header row (the first line that is not blank): a field name holds
// neither ',' nor ';'. A first line `sep=X` states it instead.
inline Delimiter detect_delimiter(std::string_view text) {
  Delimiter d;
  if (text.size() >= 5 && text.starts_with("sep=") &&
      (text.size() == 5 || text[5] == '\n' || (text[5] == '\r' && text.substr(6, 1) == "\n"))) {
    d.delim = text[4];
    d.stated = true;
    d.offset = text.find('\n') == std::string_view::npos ? text.size() : text.find('\n') + 1;
    d.line = 2;
    return d;
  }
  bool in_quotes = false;
  bool blank = true;
  for (char ch : text) {
    if (ch == '"') {
      in_quotes = !in_quotes;
    } else if (!in_quotes) {
      if (ch == '\n' && !blank) break;
      blank = blank && (ch == '\n' || ch == '\r' || is_space(ch));
      d.commas += ch == ',';
      d.semicolons += ch == ';';
      d.tabs += ch == '\t';
    }
  }
  d.delim = d.semicolons > d.commas ? ';' : ',';
  return d;
}

inline std::string_view without_bom(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  return text;
}

inline bool blank_record(const std::vector<Cell>& cells, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    if (!cells[i].text.empty()) return false;
  }
  return true;
}

}  // namespace metodika::load::csv_detail
