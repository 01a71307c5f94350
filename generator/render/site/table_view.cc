#include "render/site/table_view.h"

#include "render/common/csv.h"
#include "render/common/html.h"
#include "util/text.h"

namespace metodika::render::site {
namespace {

// The default theme's `partials/table`, which `write_table` below writes without the template
// engine: a national site has ~15,000 tables, and building a Mustache data tree of one hash map
// per cell and rendering it was a fifth of the site's build time. A theme restyles tables with
// CSS on these classes (table-wrap, data, num, muted, status-*, group, total, table-note,
// downloads); one that overrides the markup itself gets its own template rendered as before.
// tests/render/site/table_view_test.cc checks that this is the default theme's file and that
// both paths write the same bytes.
constexpr std::string_view kDefaultTablePartial =
    R"mustache(<section class="table-wrap" aria-label="{{region_label}}" tabindex="0">
<table class="data" id="{{table_id}}">
<caption id="{{table_id}}-caption">{{table_title}}</caption>
<thead><tr>{{#columns}}<th scope="col"{{#col_num}} class="num"{{/col_num}}>{{col_label}}</th>{{/columns}}</tr></thead>
<tbody>
{{#rows}}<tr{{#row_class}} class="{{row_class}}"{{/row_class}}>{{#cells}}{{#cell_th}}<th scope="row"{{#cell_class}} class="{{cell_class}}"{{/cell_class}}>{{#cell_href}}<a href="{{cell_href}}">{{cell_text}}</a>{{/cell_href}}{{^cell_href}}{{cell_text}}{{/cell_href}}</th>{{/cell_th}}{{^cell_th}}<td{{#cell_class}} class="{{cell_class}}"{{/cell_class}}>{{#cell_href}}<a href="{{cell_href}}">{{cell_text}}</a>{{/cell_href}}{{^cell_href}}{{cell_text}}{{/cell_href}}</td>{{/cell_th}}{{/cells}}</tr>
{{/rows}}</tbody>
</table>
</section>
{{#table_note}}<p class="table-note">{{table_note}}</p>{{/table_note}}
{{#table_csv}}<p class="downloads">{{t.tables.download}}: <a href="{{table_csv}}" type="text/csv" download>{{t.tables.csv}}<span class="visually-hidden">, {{table_title}}</span></a>{{#table_json}} · <a href="{{table_json}}" type="application/json" download>{{t.tables.json}}<span class="visually-hidden">, {{table_title}}</span></a>{{/table_json}}</p>{{/table_csv}}
)mustache";

const char* row_class(RowKind k) {
  switch (k) {
    case RowKind::kGroup: return "group";
    case RowKind::kTotal: return "total";
    case RowKind::kData: break;
  }
  return "";
}

// What a suppressed cell says: "hidden: fewer than 5 teachers".
std::string suppressed_text(const SiteContext& c) {
  return util::fill(c.t("directory.pd_hidden"), "n",
                 std::to_string(c.model().site.rules.small_cell));
}

std::string region_label(const SiteContext& c, const Table& table) {
  return util::fill(c.t("tables.scroll"), "title", table.title);
}

// The text of a cell as the table shows it.
std::string cell_text(const SiteContext& c, const Column& col, const Cell& cell, RowKind kind,
                      std::string_view suppressed) {
  // A blank in a group or total row (its id, its note) is layout, not missing data.
  bool blank = cell.empty() && cell.note == CellNote::kNone && cell.reason.empty() &&
               kind != RowKind::kData;
  return blank ? std::string() : format_cell(col, cell, c.lang(), suppressed);
}

// Appends the cell's classes, space-separated ("num muted status-met"), to `out`, passing each
// piece through `write` (the engine path collects them raw, the direct path escapes them).
template <typename Write>
void cell_classes(const Column& col, const Cell& cell, Write write) {
  bool any = false;
  auto add = [&](std::string_view prefix, std::string_view text) {
    if (any) write(" ");
    write(prefix);
    write(text);
    any = true;
  };
  if (col.numeric()) add("num", {});
  if (cell.note == CellNote::kSuppressed) add("muted", {});
  if (!cell.status.empty()) add("status-", cell.status);
}

// {{t.<a>.<b>}} as the engine resolves it: from the strings every page shares, and only a text
// renders (a key that also has sub-keys is an object there and writes nothing).
std::string_view shared_string(const SiteContext& c, const std::string& a, const std::string& b) {
  const Data* group = c.strings().get(a);
  const Data* text = group ? group->get(b) : nullptr;
  return text && text->is_string() ? std::string_view(text->string_value()) : std::string_view();
}

// Writes exactly what kDefaultTablePartial renders for table_view(c, table, data_dir, anchor)
// (with table_json false when `json` is false), byte for byte: the engine's whitespace included.
void write_table(std::string& out, const SiteContext& c, const Table& table,
                 std::string_view data_dir, std::string_view anchor, bool json) {
  const std::string suppressed = suppressed_text(c);
  auto esc = [&out](std::string_view text) { html_escape_to(out, text); };
  // One allocation for most tables: ~40 bytes of markup per cell and the text.
  out.reserve(out.size() + 1024 + 3 * table.title.size() + 2 * table.note.size() +
              table.rows.size() * (16 + 48 * table.columns.size()));

  out += "<section class=\"table-wrap\" aria-label=\"";
  esc(region_label(c, table));
  out += "\" tabindex=\"0\">\n<table class=\"data\" id=\"";
  esc(anchor);
  esc(table.id);
  out += "\">\n<caption id=\"";
  esc(anchor);
  esc(table.id);
  out += "-caption\">";
  esc(table.title);
  out += "</caption>\n<thead><tr>";
  for (const Column& col : table.columns) {
    out += col.numeric() ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">";
    esc(col.label);
    out += "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  const Cell empty;
  for (const Row& row : table.rows) {
    out += "<tr";
    if (row.kind != RowKind::kData) {
      out += " class=\"";
      out += row_class(row.kind);
      out += '"';
    }
    out += '>';
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& col = table.columns[i];
      const Cell& cell = i < row.cells.size() ? row.cells[i] : empty;
      out += col.row_header ? "<th scope=\"row\"" : "<td";
      if (col.numeric() || cell.note == CellNote::kSuppressed || !cell.status.empty()) {
        out += " class=\"";
        cell_classes(col, cell, esc);
        out += '"';
      }
      out += '>';
      if (!cell.link.empty()) {
        out += "<a href=\"";
        esc(c.urls().page(c.lang(), cell.link));
        out += "\">";
        esc(cell_text(c, col, cell, row.kind, suppressed));
        out += "</a>";
      } else {
        esc(cell_text(c, col, cell, row.kind, suppressed));
      }
      out += col.row_header ? "</th>" : "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
  if (!table.note.empty()) {
    out += "<p class=\"table-note\">";
    esc(table.note);
    out += "</p>";
  }
  out += '\n';
  if (!data_dir.empty()) {
    const std::string base = std::string(data_dir) + table.id;
    out += "<p class=\"downloads\">";
    esc(shared_string(c, "tables", "download"));
    out += ": <a href=\"";
    esc(c.urls().page(c.lang(), base + ".csv"));
    out += "\" type=\"text/csv\" download>";
    esc(shared_string(c, "tables", "csv"));
    out += "<span class=\"visually-hidden\">, ";
    esc(table.title);
    out += "</span></a>";
    if (json) {
      out += " · <a href=\"";
      esc(c.urls().page(c.lang(), base + ".json"));
      out += "\" type=\"application/json\" download>";
      esc(shared_string(c, "tables", "json"));
      out += "<span class=\"visually-hidden\">, ";
      esc(table.title);
      out += "</span></a>";
    }
    out += "</p>";
  }
  out += '\n';
}

}  // namespace

Data table_view(const SiteContext& c, const Table& table, std::string_view data_dir,
                std::string_view anchor) {
  const std::string suppressed = suppressed_text(c);
  Data d(Data::type::object);
  d.set("table_id", std::string(anchor) + table.id);
  d.set("table_title", table.title);
  d.set("region_label", region_label(c, table));
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
  const Cell empty;
  for (const Row& row : table.rows) {
    Data r(Data::type::object);
    if (row.kind != RowKind::kData) r.set("row_class", row_class(row.kind));
    Data cells(Data::type::list);
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& col = table.columns[i];
      const Cell& cell = i < row.cells.size() ? row.cells[i] : empty;
      Data cd(Data::type::object);
      cd.set("cell_text", cell_text(c, col, cell, row.kind, suppressed));
      if (!cell.link.empty()) cd.set("cell_href", c.urls().page(c.lang(), cell.link));
      std::string cls;
      cell_classes(col, cell, [&cls](std::string_view piece) { cls += piece; });
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

bool has_default_table_markup(const load::Theme& theme) {
  auto partial = theme.templates.find(std::string_view("partials/table"));
  return partial != theme.templates.end() && partial->second == kDefaultTablePartial;
}

std::string table_html(const SiteContext& c, const Table& table, std::string_view data_dir,
                       std::string_view anchor, bool json) {
  // By the text, not by where it came from: a site whose themes/ folder copies the default
  // theme (the bundled site does) has the default markup too.
  if (has_default_table_markup(c.theme())) {
    std::string out;
    write_table(out, c, table, data_dir, anchor, json);
    return out;
  }
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
