#include "render/xlsx/annexes.h"

#include <optional>
#include <string>
#include <vector>

#include "render/common/municipality_charts.h"
#include "render/common/review.h"
#include "render/common/translate.h"
#include "render/xlsx/budget.h"
#include "render/xlsx/parts.h"
#include "util/parallel.h"
#include "util/text.h"

namespace metodika::render::xlsx {

Translate theme_translate(const load::Theme& theme, std::string_view lang) {
  return translator(theme, lang);
}

SheetOptions base_options(const AnnexContext& ctx) {
  SheetOptions o;
  o.lang = ctx.lang;
  o.suppressed_text = util::fill(ctx.t("directory.pd_hidden"), "n",
                           std::to_string(ctx.model.site.rules.small_cell));
  o.empty_text = ctx.t("annex.no_rows");
  o.blank_text = ctx.t("annex.blank");
  return o;
}

Properties properties(const AnnexContext& ctx, std::string title, std::string_view author) {
  Properties p;
  p.title = std::move(title);
  p.subject = ctx.t("annex.subject");
  p.author = author;
  p.company = ctx.model.site.publisher.name;
  p.keywords = ctx.t("annex.keywords");
  p.created = ctx.model.site.as_of;
  return p;
}

void highlight_ce(Workbook& wb, const SheetLayout& layout) {
  auto index = layout.column("index");
  auto threshold = layout.column("threshold");
  if (!index || !threshold || layout.rows.empty()) return;
  char ic[LXW_MAX_COL_NAME_LENGTH], tc[LXW_MAX_COL_NAME_LENGTH];
  lxw_col_to_name(ic, *index, LXW_TRUE);
  lxw_col_to_name(tc, *threshold, LXW_TRUE);
  lxw_row_t first = layout.rows.front(), last = layout.rows.back();
  // Relative row, absolute columns: each row compares its own index with its own threshold.
  std::string i = std::string(ic) + std::to_string(first + 1);
  std::string th = std::string(tc) + std::to_string(first + 1);
  std::string both = "ISNUMBER(" + i + "),ISNUMBER(" + th + ")";
  std::string good = "=AND(" + both + "," + i + ">=" + th + ")";
  std::string bad = "=AND(" + both + "," + i + "<" + th + ")";
  Style gs, bs;
  gs.role = bs.role = CellRole::kConditional;
  gs.highlight = Style::Highlight::kGood;
  bs.highlight = Style::Highlight::kBad;
  std::vector<lxw_col_t> cols = {*index};
  if (auto result = layout.column("result")) cols.push_back(*result);
  for (lxw_col_t c : cols) {
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    cf.value_string = good.data();
    cf.format = wb.format(gs);
    check(worksheet_conditional_format_range(layout.ws, first, c, last, c, &cf), "CE colours");
    cf.value_string = bad.data();
    cf.format = wb.format(bs);
    check(worksheet_conditional_format_range(layout.ws, first, c, last, c, &cf), "CE colours");
  }
}

std::string municipality_workbook(const AnnexContext& ctx, const MunicipalityTables& tables) {
  const model::Model& model = ctx.model;
  const model::Municipality& m = model.municipalities[tables.municipality];
  const Translate& t = ctx.t;
  std::string title = util::fill(util::fill(util::fill(t("annex.title"), "municipality", m.name.in(ctx.lang)), "from",
                                std::to_string(model.site.review_from)),
                           "to", std::to_string(model.site.review_to));
  Workbook wb(properties(ctx, title, m.board.name.empty() ? m.name.in(ctx.lang) : m.board.name),
              ctx.tmp_dir);
  const SheetOptions base = base_options(ctx);

  // Budget and actions, one pair of sheets per programme (named by period when several).
  const bool several = tables.programmes.size() > 1;
  const auto suffix_of = [&](const ProgrammeTables& p) {
    if (!several) return std::string();
    const model::Programme& prog = model.programmes[p.programme];
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on " " + std::to_string(...).
    std::string suffix = " ";
    suffix += std::to_string(prog.period_from);
    suffix += "–";
    suffix += std::to_string(prog.period_to);
    return suffix;
  };
  for (const ProgrammeTables& p : tables.programmes) {
    const std::string suffix = suffix_of(p);
    SheetOptions o = base;
    o.notes.push_back(t("annex.formulas"));
    const std::optional<Chart> chart = budget_chart(model, ctx.results, p, ctx.lang, t);
    write_budget_sheet(wb, t("annex.sheet.budget") + suffix, p.budget, o, t("annex.budget_chart"),
                       chart ? chart_alt(*chart, ctx.lang) : std::string());
  }
  if (tables.programmes.empty()) {
    // The sheet is still there, saying why it is empty, so every annex has the same shape.
    Table none;
    none.columns = {column("id", "Nr."), column("title", t("annex.sheet.budget"))};
    SheetOptions o = base;
    o.empty_text = t("annex.no_programme");
    write_table_sheet(wb, t("annex.sheet.budget"), none, o);
  }
  for (const ProgrammeTables& p : tables.programmes) {
    write_table_sheet(wb, t("annex.sheet.actions") + suffix_of(p), p.actions, base);
  }
  // Every table of the review, for the same period, in the review's order.
  write_table_sheet(wb, t("annex.sheet.institutions"), tables.institutions, base);
  write_table_sheet(wb, t("annex.sheet.dynamics"), tables.dynamics, base);
  SheetOptions ce = base;
  ce.notes.push_back(t("annex.ce_colours"));
  highlight_ce(wb, write_table_sheet(wb, t("annex.sheet.ce_index"), tables.ce_index, ce));
  write_table_sheet(wb, t("annex.sheet.diagnostics"), tables.diagnostics, base);
  write_table_sheet(wb, t("annex.sheet.quality"), tables.quality, base);
  write_table_sheet(wb, t("annex.sheet.development"), tables.development, base);
  write_table_sheet(wb, t("annex.sheet.methodologists"), tables.methodologists, base);
  write_table_sheet(wb, t("annex.sheet.time_split"), tables.time_split, base);
  write_table_sheet(wb, t("annex.sheet.olympiads"), tables.olympiads, base);
  return wb.finish();
}

size_t write_annexes(const model::Model& model, const rules::Results& results,
                     const load::Theme& theme, util::OutputSink& out,
                     const AnnexOptions& options) {
  const std::string& lang = model.site.default_language();
  AnnexContext ctx{model, results, theme_translate(theme, lang), lang, options.tmp_dir};
  const size_t n = model.municipalities.size();
  // Workbook 0 is the national one (the largest, so it starts first), then one per municipality.
  auto path = [&](size_t i) {
    std::string p = "parskati/";
    if (i == 0) {
      p.append("latvija-").append(std::to_string(model.site.review_from)).append("-");
      p.append(std::to_string(model.site.review_to));
    } else {
      p.append(review_stem(model, model.municipalities[i - 1]));
    }
    return p.append(".xlsx");
  };
  auto digest = [&](size_t i) {
    return i == 0 ? options.inputs->municipalities : options.inputs->municipality[i - 1];
  };
  util::WorkCache* cache = options.inputs ? options.cache : nullptr;
  std::vector<char> todo(n + 1, 1);
  if (cache) {
    for (size_t i = 0; i <= n; ++i) todo[i] = !cache->reuse(path(i), digest(i), nullptr);
  }
  // The national workbook needs every municipality's tables; a municipality's, its own.
  std::vector<MunicipalityTables> tables(n);
  util::parallel_for(n, options.jobs, [&](size_t mi) {
    if (todo[0] || todo[mi + 1]) {
      // Every sheet covers the review period, as the review does (rules::SchoolYears).
      tables[mi] = municipality_tables(model, results, mi, lang, ctx.t, false, results.review);
    }
  });
  // Each workbook is written as soon as it is ready.
  util::parallel_for(n + 1, options.jobs, [&](size_t i) {
    if (!todo[i]) return;
    const std::string bytes =
        i == 0 ? national_workbook(ctx, tables) : municipality_workbook(ctx, tables[i - 1]);
    out.write(path(i), bytes);
    if (cache) cache->record(path(i), digest(i), {path(i)}, {});
  });
  return n + 1;
}

}  // namespace metodika::render::xlsx
