// FlowBuilder, part 2: tables. Column widths come from the content (every column gets at least
// its longest word, the rest of the width goes where the text is longest); a row is never split;
// the header row repeats on every page a table continues on.
#include <algorithm>
#include <numeric>
#include <utility>

#include "render/pdf/layout.h"
#include "util/typography.h"

namespace metodika::render::pdf {

namespace {

constexpr double kPadX = 3;
constexpr double kPadY = 2.5;
constexpr Rgb kHeaderFill{0xE4, 0xEA, 0xF1};
constexpr Rgb kGroupFill{0xF2, 0xF2, 0xF2};
constexpr Rgb kRuleColour{0xB3, 0xB3, 0xB3};
constexpr Rgb kMetColour{0x0A, 0x5C, 0x2A};
constexpr Rgb kNotMetColour{0x9E, 0x1B, 0x1B};

// The columns that are not `key` in groups whose minimum widths add up to at most `room`
// (at least one column a group), in order.
std::vector<std::vector<size_t>> column_groups(const std::vector<bool>& key,
                                               const std::vector<double>& minimum, double room) {
  std::vector<std::vector<size_t>> groups(1);
  double used = 0;
  for (size_t c = 0; c < key.size(); ++c) {
    if (key[c]) continue;
    if (!groups.back().empty() && used + minimum[c] > room) {
      groups.emplace_back();
      used = 0;
    }
    groups.back().push_back(c);
    used += minimum[c];
  }
  return groups;
}

void span_repeated_row_headers(std::vector<GridRow>& rows) {
  // A school named on each of its four school years took four narrow rows of two or three
  // lines each; named once, beside all four, each row is a line high and the table about half
  // as long. Only data rows are joined, at most kMaxRowSpan, so that a run never outgrows a page
  // and the name is repeated where a longer run goes on.
  constexpr size_t kMaxRowSpan = 8;
  const auto same = [](const GridCell& a, const GridCell& b) {
    if (!a.row_header || !b.row_header || a.spans.size() != 1 || b.spans.size() != 1) return false;
    return a.spans[0].text == b.spans[0].text && a.spans[0].url == b.spans[0].url &&
           a.identity == b.identity && !a.spans[0].text.empty();
  };
  for (size_t r = 0; r < rows.size();) {
    size_t end = r + 1;
    if (rows[r].kind == RowKind::kData && !rows[r].cells.empty()) {
      while (end < rows.size() && rows[end].kind == RowKind::kData && !rows[end].cells.empty() &&
             same(rows[r].cells[0], rows[end].cells[0])) {
        ++end;
      }
    }
    // A longer run goes in even parts (20 rows: 7, 7 and 6, not 8, 8 and 4).
    const size_t run = end - r;
    const size_t parts = (run + kMaxRowSpan - 1) / kMaxRowSpan;
    for (size_t p = 0; p < parts; ++p) {
      const size_t from = r + run * p / parts;
      const size_t to = r + run * (p + 1) / parts;
      if (to - from < 2) continue;
      rows[from].cells[0].row_span = static_cast<int>(to - from);
      for (size_t k = from + 1; k < to; ++k) rows[k].cells[0].covered = true;
    }
    r = end;
  }
}

}  // namespace

void FlowBuilder::add_table(const Table& table) {
  const int table_node = structure_.add(Role::kTable, parent_);
  // The title and the note are the table's caption, its first child (PDF 32000 14.8.4.3.4).
  const int caption = table.title.empty() && table.note.empty()
                          ? kArtifact
                          : structure_.add(Role::kCaption, table_node);
  if (!table.title.empty()) {
    add_paragraph({{util::tie_words(table.title, lang_), {FontStyle::kBold, 9.5, kBlack}, {}}}, 0,
                  13, 10, caption);
    flow_.items.back().keep_with_next = true;
  }
  if (!table.note.empty()) {
    add_paragraph({{util::tie_words(table.note, lang_), {FontStyle::kOblique, 8, kGrey}, {}}}, 0,
                  10.5, 1, caption);
    flow_.items.back().keep_with_next = true;
  }
  std::vector<GridCell> header;
  for (const Column& column : table.columns) {
    GridCell cell;
    cell.spans = {{util::tie_words(column.label, lang_), {FontStyle::kBold, kTableSize, kBlack}, {}}};
    cell.right = column.numeric();
    header.push_back(std::move(cell));
  }
  std::vector<GridRow> rows;
  rows.reserve(table.rows.size());
  for (const Row& row : table.rows) {
    GridRow grid_row;
    grid_row.kind = row.kind;
    grid_row.cells.reserve(table.columns.size());
    const bool bold = row.kind != RowKind::kData;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const Column& column = table.columns[c];
      const Cell empty;
      const Cell& cell = c < row.cells.size() ? row.cells[c] : empty;
      TextStyle style{bold ? FontStyle::kBold : FontStyle::kRegular, kTableSize, kBlack};
      if (cell.note == CellNote::kSuppressed) {
        style.font = bold ? FontStyle::kBoldOblique : FontStyle::kOblique;
        style.colour = kGrey;
      }
      if (cell.status == "met") style.colour = kMetColour;
      if (cell.status == "not-met") style.colour = kNotMetColour;
      // Built in place: a braced list of spans would copy each cell's text.
      GridCell& grid_cell = grid_row.cells.emplace_back();
      grid_cell.spans.push_back(
          {util::tie_words(format_cell(column, cell, lang_, suppressed_), lang_), style, {}});
      grid_cell.identity = cell.link;
      grid_cell.right = column.numeric();
      grid_cell.whole = column.numeric() && cell.note != CellNote::kSuppressed;
      // A group's or total's label heads its row as the row-header column does.
      grid_cell.row_header = column.row_header || (row.kind != RowKind::kData && c == 0);
    }
    rows.push_back(std::move(grid_row));
  }
  span_repeated_row_headers(rows);
  add_grid(header, rows, table_node);
}


void FlowBuilder::add_grid(const std::vector<GridCell>& header_in,
                           const std::vector<GridRow>& rows_in, int table) {
  size_t columns = header_in.size();
  for (const GridRow& row : rows_in) columns = std::max(columns, row.cells.size());
  if (columns == 0) return;

  // Natural (one line) and minimum (longest word) text widths per column, at the cells' size.
  std::vector<double> natural(columns, 0);
  std::vector<double> minimum(columns, 0);
  // Each cell is measured once; its lines at natural width are kept for when it fits its column.
  std::vector<Measured> header_measured;
  std::vector<std::vector<Measured>> rows_measured;
  const auto measure_row = [&](const std::vector<GridCell>& cells, bool is_header) {
    std::vector<Measured> row;
    row.reserve(cells.size());
    for (size_t c = 0; c < cells.size(); ++c) {
      Measured m = measure(cells[c].spans, ts_);
      // Numbers never wrap ("20 874 800 EUR" stays on one line): their minimum is their width.
      minimum[c] = std::max(minimum[c], cells[c].whole && !is_header ? m.natural_width
                                                                     : m.widest_word);
      // A long header label may wrap rather than widen its column.
      natural[c] = std::max(natural[c], is_header ? std::min(m.natural_width, m.widest_word * 1.6)
                                                  : m.natural_width);
      row.push_back(std::move(m));
    }
    return row;
  };
  header_measured = measure_row(header_in, true);
  rows_measured.reserve(rows_in.size());
  for (const GridRow& row : rows_in) rows_measured.push_back(measure_row(row.cells, false));
  for (size_t c = 0; c < columns; ++c) natural[c] = std::max(natural[c], minimum[c]);

  // A table whose longest words do not fit gets a smaller type before any word is broken: text
  // widths scale with the size, the padding does not.
  double scale = 1;
  const double padding = 2 * kPadX * static_cast<double>(columns);
  const double text_minimum = std::accumulate(minimum.begin(), minimum.end(), 0.0);
  for (double candidate : {1.0, 0.9, 0.8}) {
    scale = candidate;
    if (text_minimum * candidate + padding <= width_) break;
  }
  for (size_t c = 0; c < columns; ++c) {
    natural[c] = natural[c] * scale + 2 * kPadX;
    minimum[c] = minimum[c] * scale + 2 * kPadX;
  }
  // Smaller type: the cells are copied with their sizes scaled, and measured lines do not apply.
  std::vector<GridCell> scaled_header;
  std::vector<GridRow> scaled_rows;
  const std::vector<GridCell>* header = &header_in;
  const std::vector<GridRow>* rows = &rows_in;
  const double leading = kTableLeading * scale;
  const double text_size = kTableSize * scale;
  if (scale != 1) {
    const auto shrink = [scale](std::vector<GridCell>& cells) {
      for (GridCell& cell : cells) {
        for (Span& span : cell.spans) span.style.size *= scale;
      }
    };
    scaled_header = header_in;
    scaled_rows = rows_in;
    shrink(scaled_header);
    for (GridRow& row : scaled_rows) shrink(row.cells);
    header = &scaled_header;
    rows = &scaled_rows;
  }

  std::vector<double> widths(columns);
  const double total_natural = std::accumulate(natural.begin(), natural.end(), 0.0);
  const double total_minimum = std::accumulate(minimum.begin(), minimum.end(), 0.0);
  if (total_natural <= width_) {
    // Everything fits on one line. A wide table spreads the spare width in proportion; a
    // narrow one stays narrow, with some air between its columns.
    const double spare = width_ - total_natural;
    const bool fill = total_natural > 0.7 * width_;
    for (size_t c = 0; c < columns; ++c) {
      widths[c] = fill ? natural[c] * width_ / total_natural
                       : natural[c] + std::min(spare / static_cast<double>(columns), 28.0);
    }
  } else if (total_minimum <= width_) {
    const double spare = width_ - total_minimum;
    const double want = total_natural - total_minimum;
    for (size_t c = 0; c < columns; ++c) {
      widths[c] = minimum[c] + spare * (natural[c] - minimum[c]) / want;
    }
  } else {
    // Even the longest words do not fit. The row headers (school names) keep their longest
    // word, so that a name is never cut into letters; the other columns share the rest in
    // proportion and their long words, mostly header labels, are hyphenated. Only when that
    // leaves them too little are all columns shrunk alike.
    std::vector<bool> key(columns, false);
    for (const GridRow& row : rows_in) {
      for (size_t c = 0; c < row.cells.size(); ++c) key[c] = key[c] || row.cells[c].row_header;
    }
    double key_total = 0;
    for (size_t c = 0; c < columns; ++c) key_total += key[c] ? minimum[c] : 0;
    const double rest = width_ - key_total;
    const double others = total_minimum - key_total;
    if (others > 0 && rest >= 0.6 * others) {
      for (size_t c = 0; c < columns; ++c) {
        widths[c] = key[c] ? minimum[c] : minimum[c] * rest / others;
      }
    } else if (const auto groups = column_groups(key, minimum, rest);
               groups.size() > 1 && !header_in.empty()) {
      // Far too wide: the columns go in groups that fit, each a table of its own that repeats
      // the row headers, one after the other.
      const int parent = structure_[table].parent;
      for (size_t g = 0; g < groups.size(); ++g) {
        std::vector<size_t> picked;
        for (size_t c = 0; c < columns; ++c) {
          if (key[c] || std::find(groups[g].begin(), groups[g].end(), c) != groups[g].end()) {
            picked.push_back(c);
          }
        }
        const auto pick = [&picked](const std::vector<GridCell>& cells) {
          std::vector<GridCell> out;
          for (size_t c : picked) out.push_back(c < cells.size() ? cells[c] : GridCell{});
          return out;
        };
        std::vector<GridRow> group_rows;
        group_rows.reserve(rows_in.size());
        for (const GridRow& row : rows_in) group_rows.push_back({row.kind, pick(row.cells)});
        add_grid(pick(header_in), group_rows,
                 g == 0 ? table : structure_.add(Role::kTable, parent));
      }
      return;
    } else {
      for (size_t c = 0; c < columns; ++c) widths[c] = minimum[c] * width_ / total_minimum;
    }
  }
  std::vector<double> left(columns, 0);
  for (size_t c = 1; c < columns; ++c) left[c] = left[c - 1] + widths[c - 1];
  const double table_width = left.back() + widths.back();

  // THead and TBody (PDF 32000 14.8.4.3.4), a TR a row, TH and TD cells; header cells say
  // whom they head (/Scope), as PDF/UA-1 7.5 asks.
  const int body = structure_.add(Role::kTBody, table);
  // A cell spanning rows is drawn with its first row, down over the rows it covers; its height
  // goes to `span_height` and the caller makes the run's last row tall enough (`min_height`).
  // The rule under a row whose span goes on (`open_below`) starts right of the spanning cell.
  const auto row_item = [&](const std::vector<GridCell>& cells, std::vector<Measured>& measured,
                            RowKind kind, bool is_header, int parent, double min_height,
                            double& span_height, bool open_below) {
    const int row_node = structure_.add(Role::kTR, parent);
    std::vector<std::vector<Line>> lines(cells.size());
    size_t most = 1;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].covered) continue;
      const double room = std::max(1.0, widths[c] - 2 * kPadX);
      if (scale == 1 && measured[c].natural_width <= room) {
        lines[c] = std::move(measured[c].lines);
      } else {
        lines[c] = break_lines(cells[c].spans, room, ts_, Hyphenation::kOverlongOnly);
      }
      if (cells[c].row_span > 1) {
        span_height = static_cast<double>(lines[c].size()) * leading + 2 * kPadY;
      } else {
        most = std::max(most, lines[c].size());
      }
    }
    Item item;
    item.height = std::max(static_cast<double>(most) * leading + 2 * kPadY, min_height);
    if (is_header) {
      item.ops.emplace_back(RectOp{{0, 0, table_width, item.height}, kHeaderFill, Fill::kSolid, kBlack,
                                   std::nullopt, 0});
    } else if (kind == RowKind::kGroup) {
      item.ops.emplace_back(RectOp{{0, 0, table_width, item.height}, kGroupFill, Fill::kSolid, kBlack,
                                   std::nullopt, 0});
    }
    if (kind == RowKind::kTotal) {
      item.ops.emplace_back(LineOp{{{0, 0}, {table_width, 0}}, 0.9, kBlack, Dash::kSolid});
    }
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].covered) continue;
      const bool header_cell = is_header || cells[c].row_header;
      const int cell = structure_.add(header_cell ? Role::kTH : Role::kTD, row_node);
      if (header_cell) structure_[cell].scope = is_header ? Scope::kColumn : Scope::kRow;
      structure_[cell].row_span = cells[c].row_span;
      TextTags tags(&structure_, cell);
      const size_t ops_before = item.ops.size();
      for (size_t k = 0; k < lines[c].size(); ++k) {
        Line& line = lines[c][k];
        const double x =
            cells[c].right ? left[c] + widths[c] - kPadX - line.width : left[c] + kPadX;
        const double baseline = kPadY + static_cast<double>(k) * leading + 0.8 * text_size +
                                (leading - text_size) / 2;
        emit_line(std::move(line), x, baseline, item.ops, tags);
      }
      // An empty cell is still a cell: the table stays regular for a screen reader.
      if (item.ops.size() == ops_before) {
        item.ops.emplace_back(TextOp{left[c] + kPadX, kPadY + 0.8 * text_size, FontStyle::kRegular,
                                     text_size, kBlack, {}, 0, cell});
      }
    }
    const double rule_from = open_below && columns > 1 ? left[1] : 0;
    item.ops.emplace_back(LineOp{{{rule_from, item.height}, {table_width, item.height}},
                                 is_header ? 0.8 : 0.3, is_header ? kBlack : kRuleColour,
                                 Dash::kSolid});
    return item;
  };

  int repeat = -1;
  if (!header->empty()) {
    double unused = 0;
    Item head = row_item(*header, header_measured, RowKind::kData, true,
                         structure_.add(Role::kTHead, table), 0, unused, false);
    head.space_before = 4;
    head.keep_with_next = true;
    Item repeated = head;
    repeated.space_before = 0;
    flow_.headers.push_back({std::move(repeated)});
    repeat = static_cast<int>(flow_.headers.size()) - 1;
    push(std::move(head));
  }
  int span_left = 0;  // rows of the current span still to lay out, this one included
  double span_needed = 0;
  double span_used = 0;
  for (size_t r = 0; r < rows->size(); ++r) {
    const GridRow& row = (*rows)[r];
    const bool starts_span = !row.cells.empty() && row.cells[0].row_span > 1;
    if (starts_span) span_left = row.cells[0].row_span;
    const double min_height = span_left == 1 ? span_needed - span_used : 0;
    const bool open_below = span_left > 1;
    double needed = 0;
    Item item = row_item(row.cells, rows_measured[r], row.kind, false, body, min_height, needed,
                         open_below);
    if (starts_span) {
      span_needed = needed;
      span_used = 0;
    }
    span_used += item.height;
    if (span_left > 0) --span_left;
    item.repeat_header = repeat;
    if (header->empty() && r == 0) item.space_before = 4;
    // A group heading stays with its first line; a total with the row above it; the rows a
    // cell spans stay together.
    item.keep_with_next = row.kind == RowKind::kGroup || open_below ||
                          (r + 1 < rows->size() && (*rows)[r + 1].kind == RowKind::kTotal);
    push(std::move(item));
  }
  if (!flow_.items.empty()) {
    flow_.items.back().keep_with_next = false;
  }
  // Space after the table: carried by whatever follows (paragraphs have their own).
}

}  // namespace metodika::render::pdf
