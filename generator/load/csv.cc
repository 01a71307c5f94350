#include "load/csv.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "load/csv_tokenizer.h"
#include "load/limits.h"

namespace metodika::load {
namespace {

using namespace csv_detail;

// ---------------------------------------------------------------------------------------------
// The tables' shapes (DATA-MODEL.md sections 3–12; docs/data-model.md "CSV tables").

constexpr std::array<std::string_view, 1> kTags = {"tags"};
constexpr std::array<std::string_view, 1> kSubjects = {"subjects"};
constexpr std::array<std::string_view, 1> kGrades = {"grades"};
constexpr std::array<std::string_view, 2> kAudienceSubjects = {"audience", "subjects"};
constexpr std::array<CsvRecordList, 1> kResults = {{{"results", ""}}};
constexpr std::array<CsvRecordList, 1> kCourses = {{{"courses", ""}}};
// A budget group's rows repeat (or leave empty) its id and title, one row per line.
constexpr std::array<CsvRecordList, 3> kProgrammeLists = {
    {{"actions", ""}, {"budget", "id"}, {"budget.lines", ""}}};

constexpr CsvShape kFlat{};
constexpr CsvShape kSchoolShape{"", {}, kTags};
constexpr CsvShape kSubjectsShape{"", {}, kSubjects};
constexpr CsvShape kOlympiadShape{"id", kResults, kGrades};
constexpr CsvShape kEventShape{"", {}, kAudienceSubjects};
constexpr CsvShape kProgrammeShape{"id", kProgrammeLists, {}};
constexpr CsvShape kTeacherShape{"id", kCourses, {}};

std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.append(1, '"').append(s).append(1, '"');
  return out;
}

// ---------------------------------------------------------------------------------------------
// From rows to the tree.

// What the header says about one column.
struct Column {
  std::string name;
  uint32_t line = 0, col = 0;
  bool named = false;
  bool list = false;      // the cell holds a list
  bool reported = false;  // a cell under an unnamed column was reported
};

// One field of a map: a cell, a nested map or a list of records.
struct Member {
  std::string name;
  uint32_t line = 0, col = 0;  // the name's place in the header
  int column = -1;             // a cell: the column, and its slot in the record's values
  int slot = -1;
  int map = -1;     // a nested map: index into RecordShape::maps
  int record = -1;  // a list of records: index into Reader::records_, and into Pending::lists
  int list = -1;
  // A cell and a nested map of the same name (`title` beside `title.lv`, `title.en`): the other
  // one's index in the map's members. A row gives one of the two.
  int twin = -1;
};

struct MapShape {
  std::vector<Member> members;
  int first_slot = -1;  // the map's position is its first cell's
};

// An entry, or a record of a list inside one: a map (maps[0]) whose cells are its slots.
struct RecordShape {
  std::string path;
  std::vector<MapShape> maps;
  std::vector<int> slot_columns;
  std::vector<int> all_columns;  // every column under it, its records' too
  std::vector<int> lists;        // its record lists, as indexes into Reader::records_
  int key_slot = -1;
  int first_column = -1;
};

// An entry (or a keyed record) while its rows are read: its cells (an empty text is an empty
// cell) and its lists of records. A record of a list without a key and without lists of its own
// (a course, a result, an action, a budget line) is one row: it becomes its node at once (`made`),
// which keeps the national site's 100,000 course rows from being copied twice.
struct Pending {
  uint32_t line = 0, col = 0;
  std::vector<Cell> values;
  std::vector<std::vector<Pending>> lists;
  std::vector<std::vector<Node>> made;
};

// A row's cells seen as the slots of one record.
struct RowSlots {
  std::vector<Cell>& cells;
  const std::vector<int>& columns;
  Cell& operator[](size_t slot) { return cells[columns[slot]]; }
};

class Reader {
 public:
  Reader(const std::string& file, const CsvShape& shape, diag::Diagnostics& diags)
      : file_(file), shape_(shape), diags_(diags) {}

  std::optional<Node> run(std::string_view text) {
    text = without_bom(text);
    const Delimiter d = detect_delimiter(text);
    if (!d.stated && d.commas > 0 && d.semicolons > 0) {
      error(1, 1,
            "cannot tell which character separates the columns: the header row holds both \",\" "
            "(" +
                std::to_string(d.commas) + " times) and \";\" (" + std::to_string(d.semicolons) +
                " times)",
            "separate the columns with one of them (a Latvian spreadsheet saves with \";\"); a "
            "field name holds neither");
      return std::nullopt;
    }
    if (!d.stated && d.commas == 0 && d.semicolons == 0 && d.tabs > 0) {
      error(
          1, 1,
          "the columns are separated by tabs; Metodika reads tables separated by \";\" or "
          "\",\"",
          "save the sheet as CSV (LibreOffice: File › Save As › Text CSV, field delimiter \";\")");
      return std::nullopt;
    }
    delim_ = d.delim;
    Tokenizer tok(text, delim_, d.offset, d.line);
    std::vector<Cell> cells;
    std::vector<TokenProblem> problems;
    size_t count = 0;
    bool have_header = false;
    while (tok.next(cells, count, &problems, kMaxTableColumns)) {
      // A quote never closed took the rest of the file into its cell: its row is not counted.
      const bool unclosed = std::any_of(
          problems.begin(), problems.end(),
          [](const TokenProblem& p) { return p.kind == TokenProblem::Kind::kUnclosedQuote; });
      report(problems);
      if (!within_limits(tok, cells, count)) return std::nullopt;
      if (unclosed || blank_record(cells, count)) continue;  // blank lines, rows of empty cells
      if (!have_header) {
        read_header(cells, count);
        have_header = true;
        continue;
      }
      row(cells, count);
    }
    if (!have_header) return Node{};  // an empty file: no entries, as an empty YAML file
    flush();
    if (failed_) return std::nullopt;
    return std::move(root_);
  }

 private:
  void error(uint32_t line, uint32_t col, std::string msg, std::string hint = {}) {
    diags_.error({file_, line, col}, std::move(msg), std::move(hint));
    failed_ = true;
  }

  // The bounds of load/limits.h, as a YAML file has them: a row of at most kMaxTableColumns
  // cells, a cell of at most kMaxScalarChars characters, a table of at most kMaxNodes values.
  // False (reported) when reading must stop: the rest would cost time and memory for nothing.
  bool within_limits(const Tokenizer& tok, std::vector<Cell>& cells, size_t count) {
    if (tok.dropped() > 0) {
      const Cell& c = tok.first_dropped();
      error(c.line, c.col,
            "this row has " + std::to_string(count + tok.dropped()) + " cells; a table has at most " +
                std::to_string(kMaxTableColumns) + " columns",
            "check the delimiter: a text holding \"" + std::string(1, delim_) +
                "\" must be in quotes (\"...\")");
      return false;
    }
    for (size_t i = 0; i < count; ++i) {
      Cell& c = cells[i];
      if (c.text.size() <= kMaxScalarChars) continue;  // bytes ≥ characters
      size_t chars = 0;
      for (char ch : c.text) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
      if (chars <= kMaxScalarChars) continue;
      error(c.line, c.col,
            "this cell is " + std::to_string(chars) + " characters long; a value may have at most " +
                std::to_string(kMaxScalarChars),
            c.quoted ? "shorten it, or close its quote where the cell ends; long texts belong in a "
                       "Markdown page under content/"
                     : "shorten it: long texts belong in a Markdown page under content/");
      c.text.clear();  // not read further: one error is enough
    }
    // A cell that is not empty becomes a key and a value; a row, a map.
    values_ += 1;
    for (size_t i = 0; i < count; ++i) values_ += cells[i].text.empty() ? 0 : 2;
    if (values_ > kMaxNodes) {
      error(cells[0].line, cells[0].col,
            "the table holds more than " + std::to_string(kMaxNodes) + " values",
            "split it into several files in a folder, such as data/schools/*.csv");
      return false;
    }
    return true;
  }

  void report(std::vector<TokenProblem>& problems) {
    for (const TokenProblem& p : problems) {
      if (p.kind == TokenProblem::Kind::kUnclosedQuote) {
        error(p.line, p.col, "the quote that opens this cell is never closed",
              "close the cell with a quote; a quote inside a quoted cell is written twice (\"\")");
      } else {
        error(p.line, p.col, "text after the closing quote of a cell",
              "a quote inside a cell is written twice and the whole cell put in quotes: "
              "\"Skola \"\"Avots\"\"\"");
      }
    }
    problems.clear();
  }

  // --- the header

  bool is_record_list(std::string_view path, std::string_view* key = nullptr) const {
    for (const CsvRecordList& l : shape_.record_lists) {
      if (l.path == path) {
        if (key) *key = l.key;
        return true;
      }
    }
    return false;
  }

  void read_header(const std::vector<Cell>& cells, size_t count) {
    records_.push_back(RecordShape{});
    records_[0].maps.emplace_back();
    columns_.resize(count);
    for (size_t c = 0; c < count; ++c) {
      Column& col = columns_[c];
      col.name = cells[c].text;
      col.line = cells[c].line;
      col.col = cells[c].col + (cells[c].quoted ? 1 : 0);
      col.named = !col.name.empty();
      if (!col.named) continue;
      for (size_t e = 0; e < c; ++e) {
        if (columns_[e].named && columns_[e].name == col.name) {
          error(col.line, col.col,
                "the column " + quoted(col.name) + " is given twice (columns " + column_letters(e) +
                    " and " + column_letters(c) + ")",
                "keep one of the two: a later value would silently replace the earlier one");
          col.named = false;
          break;
        }
      }
      if (col.named) add_column(static_cast<int>(c));
    }
    for (RecordShape& r : records_) {
      for (MapShape& m : r.maps) {
        for (size_t a = 0; a < m.members.size(); ++a) {
          for (size_t b = a + 1; b < m.members.size(); ++b) {
            if (m.members[a].name == m.members[b].name) {
              m.members[a].twin = static_cast<int>(b);
              m.members[b].twin = static_cast<int>(a);
            }
          }
        }
      }
      std::string_view key = r.path.empty() ? shape_.entry_key : std::string_view();
      if (!r.path.empty()) is_record_list(r.path, &key);
      for (const Member& m : r.maps[0].members) {
        if (!key.empty() && m.name == key && m.column >= 0) r.key_slot = m.slot;
      }
      std::sort(r.all_columns.begin(), r.all_columns.end());
      if (!r.all_columns.empty()) r.first_column = r.all_columns.front();
      for (int i = static_cast<int>(r.maps.size()) - 1; i >= 0; --i) set_first_slot(r, r.maps[i]);
    }
  }

  static void set_first_slot(const RecordShape& r, MapShape& m) {
    for (const Member& x : m.members) {
      if (x.column >= 0) {
        m.first_slot = x.slot;
        return;
      }
      if (x.map >= 0 && r.maps[x.map].first_slot >= 0) {
        m.first_slot = r.maps[x.map].first_slot;
        return;
      }
    }
  }

  // Places a column by its dotted name: nested maps and record lists on the way, a cell at the end.
  void add_column(int c) {
    Column& column = columns_[c];
    std::vector<std::pair<std::string, uint32_t>> parts;  // each part and its column
    size_t start = 0;
    for (;;) {
      size_t dot = column.name.find('.', start);
      std::string part = column.name.substr(start, dot == std::string::npos ? dot : dot - start);
      if (part.empty()) {
        error(column.line, column.col, quoted(column.name) + " is not a field name",
              "a nested field is named with a dot between its parts, e.g. students.2024 or "
              "title.en");
        return;
      }
      uint32_t cp = 0;  // code points before the part
      for (size_t i = 0; i < start; ++i) {
        cp += (static_cast<unsigned char>(column.name[i]) & 0xC0) != 0x80;
      }
      parts.emplace_back(std::move(part), column.col + cp);
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    // No field of the model nests deeper than four (budget.lines.amounts.2025); a runaway name
    // must not make the tree deep (its nodes are freed recursively).
    constexpr size_t kMaxParts = 8;
    if (parts.size() > kMaxParts) {
      error(column.line, column.col,
            quoted(column.name) + " has more than " + std::to_string(kMaxParts) + " parts",
            "a nested field is named by at most a few parts, e.g. activity.2025.state");
      return;
    }
    for (std::string_view list : shape_.list_fields)
      column.list = column.list || list == column.name;
    int rec = 0, map = 0;
    std::string path;
    std::vector<int> chain{0};  // the records the column is under
    for (size_t i = 0; i < parts.size(); ++i) {
      const auto& [name, col] = parts[i];
      path += (i ? "." : "") + name;
      RecordShape& r = records_[rec];
      Member* found = nullptr;  // of the kind needed here: a cell last, a map or list before
      Member* other = nullptr;  // of the other kind
      for (Member& m : r.maps[map].members) {
        if (m.name != name) continue;
        ((m.column >= 0) == (i + 1 == parts.size()) ? found : other) = &m;
      }
      const bool last = i + 1 == parts.size();
      // `title` beside `title.en` is allowed (each row gives one of them); a list of records
      // beside a cell of its name is not.
      if ((other && other->record >= 0) || (other && !last && is_record_list(path))) {
        error(column.line, column.col,
              "the columns " + quoted(columns_[other->column >= 0 ? other->column : c].name) +
                  " and " + quoted(column.name) + " both give " + quoted(path),
              quoted(path) + " is a list of records: name its columns " + path + ".<field>");
        return;
      }
      if (last) {
        Member m;
        m.name = name;
        m.line = column.line;
        m.col = col;
        m.column = c;
        m.slot = static_cast<int>(r.slot_columns.size());
        r.slot_columns.push_back(c);
        r.maps[map].members.push_back(std::move(m));
        break;
      }
      if (found && found->record >= 0) {
        rec = found->record;
        map = 0;
        chain.push_back(rec);
        continue;
      }
      if (found) {
        map = found->map;
        continue;
      }
      Member m;
      m.name = name;
      m.line = column.line;
      m.col = col;
      if (is_record_list(path)) {
        RecordShape child;
        child.path = path;
        child.maps.emplace_back();
        records_.push_back(std::move(child));
        RecordShape& parent = records_[rec];  // records_ may have moved
        m.record = static_cast<int>(records_.size() - 1);
        m.list = static_cast<int>(parent.lists.size());
        parent.lists.push_back(m.record);
        parent.maps[map].members.push_back(std::move(m));
        rec = static_cast<int>(records_.size() - 1);
        map = 0;
        chain.push_back(rec);
      } else {
        m.map = static_cast<int>(r.maps.size());
        r.maps[map].members.push_back(std::move(m));
        r.maps.emplace_back();
        map = static_cast<int>(r.maps.size() - 1);
      }
    }
    for (int r : chain) records_[r].all_columns.push_back(c);
  }

  // --- rows

  void row(std::vector<Cell>& cells, size_t count) {
    bool bad = false;
    const size_t header = columns_.size();
    if (count < header) {
      const Cell& last = cells[count - 1];
      error(last.line, last.col,
            "this row has " + std::to_string(count) + (count == 1 ? " cell" : " cells") +
                ", but the header has " + std::to_string(header) + " columns",
            "a row needs a cell for every column, even an empty one: check for a missing " +
                std::string(1, delim_) + ", or a line break inside a cell that is not in quotes");
      bad = true;
    }
    for (size_t i = header; i < count; ++i) {
      if (cells[i].text.empty()) continue;  // a spreadsheet's trailing empty cells
      error(cells[i].line, cells[i].col,
            "this row has " + std::to_string(count) + " cells, but the header has " +
                std::to_string(header) + " columns",
            "a " + std::string(1, delim_) +
                " inside a text must be in quotes (\"...\"), or the header lacks a column name");
      bad = true;
      break;
    }
    for (size_t i = 0; i < std::min(count, header); ++i) {
      const Cell& c = cells[i];
      if (c.text.empty()) continue;
      if (!columns_[i].named && columns_[i].name.empty() && !columns_[i].reported) {
        error(
            c.line, c.col,
            "this cell is in column " + column_letters(i) + ", which has no name in the header row",
            "name the column in the first row (docs/data-model.md lists the fields), or "
            "delete the column");
        columns_[i].reported = true;
        bad = true;
      }
      check_value(c);
    }
    if (bad || failed_) return;  // the tree is not used; the rest is still checked
    const RecordShape& root = records_[0];
    if (root.key_slot < 0 && root.lists.empty() && root.first_column >= 0) {  // a row, an entry
      RowSlots slots{cells, root.slot_columns};
      root_.items.push_back(map_node(0, slots, nullptr, cells[root.first_column]));
      return;
    }
    bool continues = false;
    if (current_ && root.key_slot >= 0) {
      const Cell& key = cells[root.slot_columns[root.key_slot]];
      continues = key.text.empty() || key.text == current_->values[root.key_slot].text;
    }
    if (!continues) {
      flush();
      current_.emplace();
    }
    absorb(0, *current_, cells, !continues);
  }

  // A cell that still holds a formula or a spreadsheet's error value.
  void check_value(const Cell& c) {
    if (c.text.size() > 1 && c.text[0] == '=') {
      error(c.line, c.col,
            "the cell holds a spreadsheet formula, not its value: " + first_line(c.text),
            "save the table again with values: in LibreOffice's CSV export, untick \"Save cell "
            "formulas instead of calculated values\"");
      return;
    }
    static constexpr std::array<std::string_view, 8> kErrors = {
        "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "Err:"};
    for (std::string_view e : kErrors) {
      if (c.text.starts_with(e)) {
        error(c.line, c.col,
              "the cell holds a spreadsheet's error value, not a value: " + first_line(c.text),
              "correct the formula in the spreadsheet, then save the table again");
        return;
      }
    }
  }

  static std::string first_line(std::string_view s) {
    size_t nl = s.find('\n');
    return std::string(s.substr(0, nl)) + (nl == std::string_view::npos ? "" : "…");
  }

  void absorb(int rec, Pending& p, std::vector<Cell>& cells, bool first) {
    const RecordShape& r = records_[rec];
    if (first) {
      const Cell& at = cells[r.first_column >= 0 ? r.first_column : 0];
      p.line = at.line;
      p.col = at.col;
      p.values.resize(r.slot_columns.size());
      p.lists.resize(r.lists.size());
      p.made.resize(r.lists.size());
    }
    for (size_t s = 0; s < r.slot_columns.size(); ++s) {
      const Cell& c = cells[r.slot_columns[s]];
      Cell& v = p.values[s];
      if (first || (v.text.empty() && !c.text.empty())) {
        v = c;
      } else if (!c.text.empty() && c.text != v.text) {
        conflict(r, p, c, columns_[r.slot_columns[s]].name, v);
      }
    }
    for (size_t l = 0; l < r.lists.size(); ++l) {
      const RecordShape& child = records_[r.lists[l]];
      bool any = false;
      for (int c : child.all_columns) any = any || !cells[c].text.empty();
      if (!any) continue;
      if (child.key_slot < 0 && child.lists.empty()) {
        RowSlots row{cells, child.slot_columns};
        if (p.made[l].empty()) p.made[l].reserve(4);  // a teacher's courses: 1-8
        p.made[l].push_back(map_node(r.lists[l], row, nullptr, cells[child.first_column]));
        continue;
      }
      std::vector<Pending>& items = p.lists[l];
      bool continues = false;
      if (child.key_slot >= 0 && !items.empty()) {
        const Cell& key = cells[child.slot_columns[child.key_slot]];
        continues = key.text.empty() || key.text == items.back().values[child.key_slot].text;
      }
      if (!continues) items.emplace_back();
      absorb(r.lists[l], items.back(), cells, !continues);
    }
  }

  void conflict(const RecordShape& r, const Pending& p, const Cell& c, const std::string& column,
                const Cell& before) {
    std::vector<std::string> lists;
    for (const CsvRecordList& l : shape_.record_lists) {
      if (r.path.empty() || std::string_view(l.path).starts_with(r.path + ".")) {
        lists.emplace_back(l.path);
      }
    }
    std::string what = r.path.empty() ? "the entry" : "the " + r.path + " record";
    std::string hint = "the rows of one entry repeat its cells unchanged or leave them empty";
    if (!lists.empty()) {
      hint += "; each row adds one record to ";
      for (size_t i = 0; i < lists.size(); ++i) hint += (i ? ", " : "") + lists[i];
      hint += " (the columns named " + lists[0] + ".…)";
    }
    const std::string key = r.path.empty() ? std::string(shape_.entry_key) : std::string();
    hint += r.path.empty() && !key.empty() ? ". A row of another entry needs its own " + key : "";
    error(c.line, c.col,
          "this row continues " + what + " that starts on line " + std::to_string(p.line) +
              ", but its " + quoted(column) + " is " + quoted(first_line(c.text)) + ", not " +
              quoted(first_line(before.text)),
          hint);
  }

  void flush() {
    if (!current_) return;
    root_.items.push_back(map_node(0, current_->values, &*current_, *current_));
    current_.reset();
  }

  // A record's map node at `at`, from its slots' cells (`values`) and, when pending, its lists.
  template <typename Values, typename At>
  Node map_node(int rec, Values& values, Pending* p, const At& at) {
    Node out;
    out.kind = NodeKind::kMap;
    out.style = ScalarStyle::kCell;
    out.line = at.line;
    out.col = at.col;
    emit_map(rec, 0, values, p, out, true);
    return out;
  }

  // The fields of one map of a record. At the record's own level an empty cell is a null value
  // at its place (so that "the required field is empty" points at it); inside a nested map it is
  // left out (`students.2024` empty: no figure for 2024), and a map left empty is left out.
  template <typename Values>
  void emit_map(int rec, int map, Values& values, Pending* p, Node& out, bool record_level) {
    const RecordShape& r = records_[rec];
    const std::vector<Member>& members = r.maps[map].members;
    out.items.reserve(2 * members.size());
    for (size_t i = 0; i < members.size(); ++i) {
      const Member& m = members[i];
      if (m.twin >= 0) {
        if (m.twin > static_cast<int>(i))
          emit_twins(rec, m, members[m.twin], values, p, out, record_level);
        continue;
      }
      if (m.column >= 0) {
        Cell& v = values[m.slot];
        if (v.text.empty() && !record_level) continue;
        set_key(out.items.emplace_back(), m);  // built in place: no Node moved
        set_value(out.items.emplace_back(), v, columns_[m.column].list);
      } else if (m.map >= 0) {
        Node sub;
        sub.kind = NodeKind::kMap;
        sub.style = ScalarStyle::kCell;
        const int first = r.maps[m.map].first_slot;
        sub.line = first >= 0 ? values[first].line : out.line;
        sub.col = first >= 0 ? values[first].col : out.col;
        emit_map(rec, m.map, values, p, sub, false);
        if (sub.items.empty()) continue;
        set_key(out.items.emplace_back(), m);
        out.items.push_back(std::move(sub));
      } else if (p) {
        std::vector<Node>& made = p->made[m.list];
        std::vector<Pending>& items = p->lists[m.list];
        if (made.empty() && items.empty()) continue;
        Node seq;
        seq.kind = NodeKind::kSequence;
        seq.style = ScalarStyle::kCell;
        if (!made.empty()) {
          seq.line = made.front().line;
          seq.col = made.front().col;
          seq.items = std::move(made);
        } else {
          seq.line = items.front().line;
          seq.col = items.front().col;
          seq.items.reserve(items.size());
          for (Pending& item : items)
            seq.items.push_back(map_node(m.record, item.values, &item, item));
        }
        set_key(out.items.emplace_back(), m);
        out.items.push_back(std::move(seq));
      }
    }
  }

  // A field given by a cell and by dotted columns (`title`, `title.lv`): the one the row fills.
  template <typename Values>
  void emit_twins(int rec, const Member& a, const Member& b, Values& values, Pending* p, Node& out,
                  bool record_level) {
    const Member& cell = a.column >= 0 ? a : b;
    const Member& map = a.column >= 0 ? b : a;
    const RecordShape& r = records_[rec];
    Cell& v = values[cell.slot];
    Node sub;
    sub.kind = NodeKind::kMap;
    sub.style = ScalarStyle::kCell;
    const int first = r.maps[map.map].first_slot;
    sub.line = first >= 0 ? values[first].line : out.line;
    sub.col = first >= 0 ? values[first].col : out.col;
    emit_map(rec, map.map, values, p, sub, false);
    if (!v.text.empty() && !sub.items.empty()) {
      error(sub.line, sub.col,
            "this row gives " + quoted(columns_[cell.column].name) +
                " twice: in its own cell and in the cells named " + columns_[cell.column].name +
                ".…",
            "fill in one of them: " + quoted(columns_[cell.column].name) +
                " for the same text in every language, or one cell per language");
      return;
    }
    if (!sub.items.empty()) {
      set_key(out.items.emplace_back(), map);
      out.items.push_back(std::move(sub));
    } else if (!v.text.empty() || record_level) {
      set_key(out.items.emplace_back(), cell);
      set_value(out.items.emplace_back(), v, columns_[cell.column].list);
    }
  }

  static void set_key(Node& k, const Member& m) {
    k.kind = NodeKind::kScalar;
    k.style = ScalarStyle::kCell;
    k.line = m.line;
    k.col = m.col;
    k.value = m.name;
  }

  // A cell's value; a list field's cell with several items separated by commas is a list (one
  // item stays a single value, which every list field of the model also takes).
  static void set_value(Node& n, Cell& v, bool list) {
    n.style = ScalarStyle::kCell;
    n.line = v.line;
    n.col = v.col;
    if (v.text.empty()) return;  // null
    n.kind = NodeKind::kScalar;
    if (!list || v.text.find(',') == std::string::npos) {
      n.value = std::move(v.text);
      return;
    }
    // Items point at their own column where the cell's text is what the line shows.
    const bool exact = !v.multiline && v.text.find('"') == std::string::npos;
    const uint32_t base = v.col + (v.quoted ? 1 : 0);
    n.kind = NodeKind::kSequence;
    size_t start = 0;
    uint32_t cp = 0;  // code points before `start`
    for (;;) {
      size_t comma = v.text.find(',', start);
      size_t end = comma == std::string::npos ? v.text.size() : comma;
      size_t b = start, e = end;
      while (b < e && is_space(v.text[b])) ++b;
      while (e > b && is_space(v.text[e - 1])) --e;
      uint32_t item_cp = cp;
      for (size_t i = start; i < b; ++i)
        item_cp += (static_cast<unsigned char>(v.text[i]) & 0xC0) != 0x80;
      if (e > b) {
        Node item;
        item.kind = NodeKind::kScalar;
        item.style = ScalarStyle::kCell;
        item.line = v.line;
        item.col = exact ? base + item_cp : v.col;
        item.value = v.text.substr(b, e - b);
        n.items.push_back(std::move(item));
      }
      if (comma == std::string::npos) break;
      for (size_t i = start; i <= comma; ++i)
        cp += (static_cast<unsigned char>(v.text[i]) & 0xC0) != 0x80;
      start = comma + 1;
    }
    if (n.items.size() == 1) {
      Node only = std::move(n.items[0]);
      n = std::move(only);
    } else if (n.items.empty()) {
      n.kind = NodeKind::kNull;
    }
  }

  const std::string& file_;
  const CsvShape& shape_;
  diag::Diagnostics& diags_;
  char delim_ = ',';
  std::vector<Column> columns_;
  std::vector<RecordShape> records_;  // [0] the entry
  std::optional<Pending> current_;
  Node root_{NodeKind::kSequence, ScalarStyle::kCell, 1, 1, {}, {}};
  size_t values_ = 0;  // nodes the table has made so far (within_limits)
  bool failed_ = false;
};

}  // namespace

const CsvShape& csv_shape(std::string_view slot) {
  if (slot == "schools") return kSchoolShape;
  if (slot == "methodologists" || slot == "materials") return kSubjectsShape;
  if (slot == "olympiads") return kOlympiadShape;
  if (slot == "events") return kEventShape;
  if (slot == "programmes") return kProgrammeShape;
  if (slot == "private/teachers") return kTeacherShape;
  return kFlat;
}

std::optional<Node> parse_csv(std::string_view text, const std::string& file, const CsvShape& shape,
                              diag::Diagnostics& diags) {
  Reader reader(file, shape, diags);
  return reader.run(text);
}

}  // namespace metodika::load
