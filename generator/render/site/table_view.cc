#include "render/site/table_view.h"

#include "render/common/csv.h"

namespace metodika::render::site {
namespace {

std::string replace(std::string text, std::string_view key, std::string_view value) {
  if (size_t at = text.find(key); at != std::string::npos) text.replace(at, key.size(), value);
  return text;
}

const char* row_class(RowKind k) {
  switch (k) {
    case RowKind::kGroup: return "group";
    case RowKind::kTotal: return "total";
    case RowKind::kData: break;
  }
  return "";
}

}  // namespace

Data table_view(const SiteContext& c, const Table& table, std::string_view data_dir,
                std::string_view anchor) {
  const std::string suppressed =
      replace(c.t("directory.pd_hidden"), "{n}", std::to_string(c.model().site.rules.small_cell));
  Data d(Data::type::object);
  d.set("table_id", std::string(anchor) + table.id);
  d.set("table_title", table.title);
  d.set("region_label", replace(c.t("tables.scroll"), "{title}", table.title));
  if (!table.note.empty()) d.set("table_note", table.note);
  if (!data_dir.empty()) {
    std::string base = std::string(data_dir) + table.id;
    d.set("table_csv", c.urls().page(c.lang(), base + ".csv"));
    d.set("table_json", c.urls().page(c.lang(), base + ".json"));
  }
  Data columns(Data::type::list);
  for (const Column& col : table.columns) {
    Data h(Data::type::object);
    h.set("col_label", col.label);
    if (col.numeric()) h.set("col_num", Data(Data::type::bool_true));
    columns.push_back(h);
  }
  d.set("columns", columns);
  Data rows(Data::type::list);
  for (const Row& row : table.rows) {
    Data r(Data::type::object);
    if (row.kind != RowKind::kData) r.set("row_class", row_class(row.kind));
    Data cells(Data::type::list);
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& col = table.columns[i];
      const Cell empty;
      const Cell& cell = i < row.cells.size() ? row.cells[i] : empty;
      Data cd(Data::type::object);
      // A blank in a group or total row (its id, its note) is layout, not missing data.
      bool blank = cell.empty() && cell.note == CellNote::kNone && row.kind != RowKind::kData;
      cd.set("cell_text", blank ? std::string() : format_cell(col, cell, c.lang(), suppressed));
      if (!cell.link.empty()) cd.set("cell_href", c.urls().page(c.lang(), cell.link));
      std::string cls = col.numeric() ? "num" : "";
      if (cell.note == CellNote::kSuppressed) cls += cls.empty() ? "muted" : " muted";
      if (!cell.status.empty()) cls += (cls.empty() ? "status-" : " status-") + cell.status;
      if (!cls.empty()) cd.set("cell_class", cls);
      // The row header is the first row_header column, or the first cell of a total row.
      if (col.row_header) cd.set("cell_th", Data(Data::type::bool_true));
      cells.push_back(cd);
    }
    r.set("cells", cells);
    rows.push_back(r);
  }
  d.set("rows", rows);
  return d;
}

std::string table_html(const SiteContext& c, const Table& table, std::string_view data_dir,
                       std::string_view anchor, bool json) {
  Data view = table_view(c, table, data_dir, anchor);
  if (!json) view.set("table_json", Data(Data::type::bool_false));
  return c.render("partials/table", view);
}

void write_table_data(SiteContext& c, const Table& table, std::string_view data_dir,
                      const std::string& dataset, const std::string& dataset_title) {
  std::string base = std::string(data_dir) + table.id;
  c.write(c.urls().file(c.lang(), base + ".csv"), table_csv(table));
  c.write(c.urls().file(c.lang(), base + ".json"), table_json(table));
  c.add_data_file({c.lang(), dataset, dataset_title, table.id, table.title, table.note,
                   base + ".csv", base + ".json"});
}

}  // namespace metodika::render::site
