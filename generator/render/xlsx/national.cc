// The national workbook: one row per municipality with a totals row of formulas, then a sheet per
// indicator holding every municipality's rows (with a municipality column to filter on), so a
// ministry officer can compare municipalities without opening 43 files.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "render/common/comparison.h"
#include "render/xlsx/annexes.h"
#include "render/xlsx/budget.h"
#include "render/xlsx/parts.h"
#include "util/text.h"

namespace metodika::render::xlsx {
namespace {

// Every municipality's data rows of one table, under a first column naming the municipality.
// Columns are the union by key: those of the widest table first, then any other in the order met.
Table concat(const AnnexContext& ctx, const std::vector<MunicipalityTables>& all,
             const std::vector<size_t>& order, const Table MunicipalityTables::*member) {
  Table out;
  const Table* widest = nullptr;
  for (const MunicipalityTables& m : all) {
    const Table& t = m.*member;
    if (widest == nullptr || t.columns.size() > widest->columns.size()) widest = &t;
  }
  out.columns.push_back(
      column("municipality", ctx.t("annex.municipality"), ColumnType::kText, 0, true));
  std::map<std::string, size_t, std::less<>> where;
  auto add_columns = [&](const Table& t) {
    for (const Column& c : t.columns) {
      if (where.count(c.key) != 0) continue;
      where[c.key] = out.columns.size();
      Column copy = c;
      copy.row_header = false;
      out.columns.push_back(copy);
    }
  };
  if (widest != nullptr) {
    out.id = widest->id;
    out.title = widest->title;
    out.note = widest->note;
    add_columns(*widest);
  }
  for (size_t i : order) add_columns(all[i].*member);
  for (size_t i : order) {
    const Table& t = all[i].*member;
    const std::string& name = ctx.model.municipalities[all[i].municipality].name.in(ctx.lang);
    // Where each of this table's columns goes, looked up once, not once a cell.
    std::vector<size_t> target;
    target.reserve(t.columns.size());
    for (const Column& c : t.columns) target.push_back(where.at(c.key));
    for (const Row& row : t.rows) {
      if (row.kind != RowKind::kData) continue;
      Row r;
      r.cells.resize(out.columns.size());
      r.cells[0].value = name;
      for (size_t c = 0; c < t.columns.size() && c < row.cells.size(); ++c) {
        r.cells[target[c]] = row.cells[c];
      }
      out.rows.push_back(std::move(r));
    }
  }
  return out;
}

// Every programme's budget by year: a row per programme with its total as a formula, and the
// national total by year. Amounts are rules::BudgetTotals', the national ones
// rules::NationalFigures'. The columns cover every calendar year the workbook's name says
// (site.yaml `review`) and any other year of a programme; a year a programme does not cover is
// blank with its reason, never 0 EUR.
Table national_budget(const AnnexContext& ctx, const std::vector<MunicipalityTables>& all,
                      const std::vector<size_t>& order) {
  const model::Model& model = ctx.model;
  std::set<int> year_set;
  for (int y = model.site.review_from; y <= model.site.review_to; ++y) year_set.insert(y);
  for (const rules::BudgetTotals& b : ctx.results.budgets) year_set.insert(b.years.begin(), b.years.end());
  const std::vector<int> years(year_set.begin(), year_set.end());
  auto none = [&ctx] {
    Cell cell;
    cell.reason = ctx.t("tables.no_amount");
    return cell;
  };

  Table out;
  out.id = "budzets";
  out.title = ctx.t("annex.sheet.budget");
  out.columns.push_back(
      column("municipality", ctx.t("annex.municipality"), ColumnType::kText, 0, true));
  out.columns.push_back(column("title", ctx.t("annex.programme")));
  for (int y : years) {
    // Appended: GCC 12 warns falsely (-Wrestrict) on "y" + std::to_string(y).
    std::string key = "y";
    key += std::to_string(y);
    out.columns.push_back(column(std::move(key), std::to_string(y), ColumnType::kMoney));
  }
  out.columns.push_back(column("total", ctx.t("annex.total"), ColumnType::kMoney));
  for (size_t i : order) {
    for (const ProgrammeTables& p : all[i].programmes) {
      const model::Programme& prog = model.programmes[p.programme];
      const rules::BudgetTotals& b = ctx.results.budgets[p.programme];
      Row r;
      r.cells.resize(out.columns.size());
      r.cells[0].value = model.municipalities[all[i].municipality].name.in(ctx.lang);
      r.cells[1].value = prog.title.in(ctx.lang);
      for (size_t y = 0; y < years.size(); ++y) {
        auto it = b.year_totals.find(years[y]);
        if (it == b.year_totals.end()) {
          r.cells[2 + y] = none();
        } else {
          r.cells[2 + y].value = it->second;
        }
      }
      r.cells.back().value = b.grand_total;
      out.rows.push_back(std::move(r));
    }
  }
  if (!out.rows.empty()) {
    const rules::NationalFigures& nation = ctx.results.nation;
    Row total;
    total.kind = RowKind::kTotal;
    total.cells.resize(out.columns.size());
    total.cells[0].value = ctx.t("annex.total");
    for (size_t y = 0; y < years.size(); ++y) {
      auto it = nation.budget_by_year.find(years[y]);
      if (it == nation.budget_by_year.end()) {
        total.cells[2 + y] = none();
      } else {
        total.cells[2 + y].value = it->second;
      }
    }
    total.cells.back().value = nation.area.budget.value_or(0);
    out.rows.push_back(std::move(total));
  }
  return out;
}

}  // namespace

std::string national_workbook(const AnnexContext& ctx, const std::vector<MunicipalityTables>& all) {
  const model::Model& model = ctx.model;
  std::string title = util::fill(util::fill(ctx.t("annex.national_title"), "from",
                                std::to_string(model.site.review_from)),
                           "to", std::to_string(model.site.review_to));
  Workbook wb(properties(ctx, title, model.site.publisher.name), ctx.tmp_dir);
  const SheetOptions base = base_options(ctx);
  // `all` is parallel to model.municipalities (write_annexes builds it so).
  const std::vector<size_t> order = municipalities_in_order(model, ctx.lang);

  SheetOptions summary = base;
  summary.notes.push_back(ctx.t("annex.formulas"));
  write_table_sheet(wb, ctx.t("annex.sheet.summary"),
                    national_summary(model, ctx.results, ctx.lang, ctx.t),
                    summary);

  SheetOptions budget = summary;
  budget.formula = [](const SheetLayout& layout, size_t row, size_t col) -> std::string {
    // A programme's total is the SUM of its years; the national row is summed by sum_totals.
    if (layout.table->rows[row].kind != RowKind::kData) return "";
    if (layout.table->columns[col].key != "total") return "";
    return budget_formula(layout, row, col);
  };
  Table budgets = national_budget(ctx, all, order);
  write_table_sheet(wb, ctx.t("annex.sheet.budget"), budgets, budget);

  // The indicators in the municipal annex's order. The network, diagnostic tests and quality
  // are a row per municipality and school year of the review period with the nation's rows
  // (a school's row of them is in its municipality's annex).
  write_table_sheet(wb, ctx.t("annex.sheet.institutions"),
                    concat(ctx, all, order, &MunicipalityTables::institutions), base);
  write_table_sheet(wb, ctx.t("annex.sheet.dynamics"),
                    national_dynamics(model, ctx.results, ctx.lang, ctx.t), base);
  SheetOptions ce = base;
  ce.notes.push_back(ctx.t("annex.ce_colours"));
  Table ce_rows = concat(ctx, all, order, &MunicipalityTables::ce_index);
  highlight_ce(wb, write_table_sheet(wb, ctx.t("annex.sheet.ce_index"), ce_rows, ce));
  write_table_sheet(wb, ctx.t("annex.sheet.diagnostics"),
                    national_diagnostics(model, ctx.results, ctx.lang, ctx.t), base);
  write_table_sheet(wb, ctx.t("annex.sheet.quality"),
                    national_quality(model, ctx.results, ctx.lang, ctx.t), base);
  write_table_sheet(wb, ctx.t("annex.sheet.development"),
                    concat(ctx, all, order, &MunicipalityTables::development), base);
  // Every methodologist: the municipalities', then the state-level ones, named as such.
  Table methodologists = concat(ctx, all, order, &MunicipalityTables::methodologists);
  const Table state = state_methodologists(model, ctx.lang, ctx.t);
  for (const Row& row : state.rows) {
    Row r;
    r.cells.resize(methodologists.columns.size());
    r.cells[0].value = ctx.t("annex.state_level");
    for (size_t c = 0; c < state.columns.size() && c < row.cells.size(); ++c) {
      for (size_t k = 1; k < methodologists.columns.size(); ++k) {
        if (methodologists.columns[k].key == state.columns[c].key) r.cells[k] = row.cells[c];
      }
    }
    methodologists.rows.push_back(std::move(r));
  }
  write_table_sheet(wb, ctx.t("annex.sheet.methodologists"), methodologists, base);
  write_table_sheet(wb, ctx.t("annex.sheet.olympiads"),
                    concat(ctx, all, order, &MunicipalityTables::olympiads), base);
  return wb.finish();
}

}  // namespace metodika::render::xlsx
