#include "render/common/review.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <map>
#include <cmath>
#include <optional>
#include <set>

#include "render/common/markdown_fields.h"
#include "render/common/municipality_charts.h"
#include "rules/ce_index.h"
#include "rules/spread.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render {
namespace {

using Data = kainjow::mustache::data;

const std::vector<std::string> kTables = {
    "iestades",  "dinamika", "ce-indekss",       "diagnostika", "kvalitate", "pilnveide",
    "metodiki",  "laika-sadalijums", "olimpiades", "pasakumi",  "budzets"};
const std::vector<std::string> kCharts = {"dinamika", "ce-indekss", "pilnveide",
                                          "laika-sadalijums", "budzets"};

// Where the board's conclusions go (U+E002, a private-use code point like the fields' marks).
constexpr std::string_view kConclusions = "\xEE\x80\x82";

void set_bool(Data& d, const std::string& key, bool v) {
  d.set(key, v ? Data(Data::type::bool_true) : Data(Data::type::bool_false));
}

// The board's own Markdown sits inside the chapter "Conclusions": its headings go one level down
// so that they cannot start chapters of their own.
std::string demote_headings(std::string_view markdown) {
  std::string out;
  for_each_markdown_line(markdown, [&out](std::string_view line, size_t, bool fenced) {
    if (!fenced && line.starts_with("#") && line.size() < 4096) out += '#';
    out.append(line);
    out += '\n';
  });
  return out;
}

// The values a template can use.
// The language `text.in(lang)` is in when it is not `lang`: the data gave no `lang` version.
std::string fallback_language(const model::Text& text, std::string_view lang) {
  if (const auto it = text.filled_from.find(lang); it != text.filled_from.end()) return it->second;
  if (text.by_lang.empty() || text.by_lang.contains(lang)) return {};
  return text.by_lang.begin()->first;
}

Data fields(const model::Model& m, const rules::Results& r, const MunicipalityTables& tables,
            const ReviewInputs& in, std::vector<std::string>& values,
            std::vector<std::pair<std::string, std::string>>& foreign) {
  // Every value goes in as a placeholder (markdown_fields.h says why), whether the template
  // writes {{x}} or {{{x}}}.
  auto put = [&values](Data& data, const std::string& key, std::string value) {
    data.set(key, markdown_field(values.size()));
    values.push_back(std::move(value));
  };
  const std::string& lang = in.lang;
  const auto& mu = m.municipalities[in.municipality];
  auto num = [&](int64_t v) { return util::format_int(v, lang); };
  auto pct = [&](double v) { return util::format_percent(v, 1, lang); };
  Data d(Data::type::object);
  put(d, "municipality", mu.name.in(lang));
  put(d, "board", mu.board.name);
  if (!mu.board.url.empty()) put(d, "board_url", mu.board.url);
  if (!mu.board.email.empty()) put(d, "board_email", mu.board.email);
  put(d, "council", mu.council);
  put(d, "period", std::to_string(m.site.review_from) + "–" + std::to_string(m.site.review_to));
  put(d, "school_years", util::format_school_years(r.review.from, r.review.to, lang));
  put(d, "from", std::to_string(m.site.review_from));
  put(d, "to", std::to_string(m.site.review_to));
  put(d, "as_of", util::format_date_long(m.site.as_of, lang));
  put(d, "as_of_numeric", util::format_date_numeric(m.site.as_of, lang));
  put(d, "small_cell", std::to_string(m.site.rules.small_cell));
  put(d, "pd_hours", std::to_string(m.site.rules.pd_hours));
  put(d, "pd_years", std::to_string(m.site.rules.pd_years));
  put(d, "institutions", num(static_cast<int64_t>(tables.schools.size())));

  // Network: the first and the latest school year of the period with counts, and the change in
  // students between them (rules/figures.h).
  const rules::MunicipalityFigures& figures = r.municipalities[in.municipality];
  set_bool(d, "has_dynamics", figures.network_first != 0);
  if (figures.network_first != 0) {
    const rules::NetworkYear& first = figures.area.network.at(figures.network_first);
    const rules::NetworkYear& last = figures.area.network.at(figures.network_last);
    put(d, "first_year", util::format_school_year(figures.network_first, lang));
    put(d, "latest_year", util::format_school_year(figures.network_last, lang));
    if (last.students) put(d, "students", num(*last.students));
    if (last.teachers) put(d, "teachers", num(*last.teachers));
    if (figures.students_change) {
      put(d, "students_first", num(*first.students));
      put(d, "students_change",
          (*figures.students_change > 0.05 ? "+" : "") + pct(*figures.students_change));
    }
  }

  // Exam index in the latest year with one (rules::ce_summary).
  const auto& ce = r.ce_summary.municipality[in.municipality];
  set_bool(d, "has_ce", !ce.empty());
  if (!ce.empty()) {
    const auto& [year, s] = *ce.rbegin();
    put(d, "ce_year", util::format_school_year(year, lang));
    put(d, "ce_met", num(s.met));
    put(d, "ce_with_index", num(s.with_index));
    put(d, "ce_mean", pct(s.mean));
    if (auto it = r.ce_summary.national.find(year); it != r.ce_summary.national.end()) {
      put(d, "ce_national_mean", pct(it->second.mean));
    }
    if (const model::CeRule* rule = rules::rule_in_force(m.site.rules, year)) {
      put(d, "ce_rule",
          in.t("directory.method." +
               std::string(model::enum_name(model::kCeMethods, rule->method))) +
              " ≥ " + pct(rule->threshold));
    }
  }
  set_bool(d, "has_diagnostics", !tables.diagnostics.empty());
  set_bool(d, "has_quality", !tables.quality.empty());

  // Development norm (suppressed as the rules say).
  const auto& pd = r.municipality_pd[in.municipality];
  set_bool(d, "has_pd", pd.teachers > 0);
  if (pd.teachers > 0 && !pd.suppressed && pd.share && pd.meeting) {
    put(d, "pd_share", pct(*pd.share));
    put(d, "pd_meeting", num(*pd.meeting));
    put(d, "pd_teachers", num(pd.teachers));
  } else if (pd.teachers > 0) {
    put(d, "pd_hidden", pd.reason == rules::Suppression::kComplementary
                            ? in.t("directory.pd_complementary")
                            : util::fill(in.t("directory.pd_hidden"), "n",
                                         std::to_string(m.site.rules.small_cell)));
  }
  if (!r.national_pd.suppressed && r.national_pd.share) {
    put(d, "pd_national_share", pct(*r.national_pd.share));
  }

  // Methodologists.
  const int64_t methodologists = figures.area.methodologists;
  const int64_t municipal = figures.area.municipal_methodologists;
  put(d, "methodologists", num(methodologists));
  put(d, "municipal_methodologists", num(municipal));
  set_bool(d, "has_methodologists", methodologists > 0);
  set_bool(d, "has_time_split", !tables.time_split.empty());
  // The time norm of municipal methodologists, as site.yaml rules.methodologist_time says.
  for (const auto& [name, category] : model::kWorkCategories) {
    const double share = m.site.rules.methodologist_time[category];
    put(d, "time_norm_" + std::string(name),
        util::format_percent(share, share == static_cast<int64_t>(share) ? 0 : 1, lang));
  }

  // Olympiads of the period: participants and places over the municipality's schools' results.
  const rules::OlympiadSums& olympiads = figures.olympiad_total;
  set_bool(d, "has_olympiads", olympiads.results > 0);
  put(d, "olympiad_results", num(olympiads.results));
  put(d, "olympiad_participants", num(olympiads.participants));
  put(d, "olympiad_prizes", num(olympiads.prizes()));
  put(d, "olympiad_first", num(olympiads.first));

  // Programmes.
  set_bool(d, "has_programme", !tables.programmes.empty());
  Data programmes(Data::type::list);
  for (const ProgrammeTables& pt : tables.programmes) {
    const auto& p = m.programmes[pt.programme];
    const auto& tot = r.budgets[pt.programme];
    Data pd_(Data::type::object);
    put(pd_, "title", p.title.in(lang));
    if (std::string other = fallback_language(p.title, lang); !other.empty()) {
      foreign.emplace_back(p.title.in(lang), std::move(other));
    }
    put(pd_, "period", std::to_string(p.period_from) + "–" + std::to_string(p.period_to));
    if (p.decision) {
      put(pd_, "decision",
          p.decision->body + " " + util::format_date_numeric(p.decision->date, lang) + " Nr. " +
              p.decision->number);
    }
    const rules::ActionCounts& actions = r.actions[pt.programme];
    put(pd_, "actions", num(actions.all));
    put(pd_, "actions_done", num(actions.done));
    put(pd_, "actions_delayed", num(actions.delayed));
    Cell total;
    total.value = int64_t{tot.grand_total};
    Column money;
    money.type = ColumnType::kMoney;
    put(pd_, "budget_total", format_cell(money, total, lang, ""));
    programmes.push_back(pd_);
  }
  d.set("programmes", programmes);  // a list

  if (in.conclusions && !in.conclusions->body.empty()) {
    // The board's Markdown is Markdown, not a value, but not the template either: it goes in
    // after the directives are read, so a line "::: table …" in it stays text.
    d.set("conclusions", std::string(kConclusions));
    set_bool(d, "has_conclusions", true);
  } else {
    set_bool(d, "has_conclusions", false);
  }
  return d;
}

ReviewBlock table_block(Table table) {
  ReviewBlock b;
  b.kind = ReviewBlock::Kind::kTable;
  b.table = std::move(table);
  return b;
}

ReviewBlock chart_block(Chart chart) {
  ReviewBlock b;
  b.kind = ReviewBlock::Kind::kChart;
  b.chart = std::move(chart);
  return b;
}

// ---------------------------------------------------------------------------------------------
// Summaries for a municipality of many schools (kSummariseAbove): a chapter shows the municipal
// value beside the national one, the spread of the schools and the schools that missed a rule by
// name; the per-school table goes to the annex at the end (and is in the workbook already).

// What expand() needs besides the tables: whether to summarise, and where the detail goes.
struct Expansion {
  const model::Model& m;
  const rules::Results& r;
  const MunicipalityTables& tables;
  const ReviewInputs& in;
  bool summarise = false;
  std::vector<std::string>& values;  // Review::fields
  std::vector<ReviewBlock>& annex;   // the detail sections, in the order their chapters come

  // A placeholder for `value` (markdown_fields.h: no value can make Markdown).
  std::string field(std::string value) const {
    values.push_back(std::move(value));
    return markdown_field(values.size() - 1);
  }
};

Cell percent_cell(const rules::Spread& s, double rules::Spread::*member) {
  return s.count > 0 ? number_cell(s.*member) : Cell{};
}

// The columns and cells of a spread: lowest, median, highest school.
void spread_columns(Table& t, const Translate& tr, int decimals) {
  t.columns.push_back(column("min", tr("review.summary.min"), ColumnType::kPercent, decimals));
  t.columns.push_back(
      column("median", tr("review.summary.median"), ColumnType::kPercent, decimals));
  t.columns.push_back(column("max", tr("review.summary.max"), ColumnType::kPercent, decimals));
}
void spread_cells(Row& row, const rules::Spread& s) {
  row.cells.push_back(percent_cell(s, &rules::Spread::min));
  row.cells.push_back(percent_cell(s, &rules::Spread::median));
  row.cells.push_back(percent_cell(s, &rules::Spread::max));
}

std::string with_title(const Translate& t, std::string_view key, std::string_view title) {
  return util::fill(t(key), "title", title);
}

Table summary_table(const Table& detail, const Translate& t) {
  Table s;
  s.id = detail.id + "-kopsavilkums";
  s.title = with_title(t, "review.summary.title", detail.title);
  return s;
}

// "ce-indekss" by school year: schools with an index, meeting the rule and not, the municipal
// and national mean (rules::ce_summary), and the spread of the schools' indexes.
Table ce_summary_table(const Expansion& x) {
  const Translate& t = x.in.t;
  Table s = summary_table(x.tables.ce_index, t);
  s.note = t("review.summary.ce_note");
  s.columns = {column("year", t("directory.school_year"), ColumnType::kSchoolYear, 0, true),
               column("with_index", t("review.summary.with_index"), ColumnType::kInteger),
               column("met", t("review.summary.met"), ColumnType::kInteger),
               column("not_met", t("review.summary.not_met"), ColumnType::kInteger),
               column("mean", t("review.summary.municipal_mean"), ColumnType::kPercent, 1),
               column("national_mean", t("review.summary.national_mean"),
                              ColumnType::kPercent, 1)};
  spread_columns(s, t, 1);
  const auto& spreads = x.r.municipalities[x.in.municipality].ce_spread;
  for (const auto& [y, summary] : x.r.ce_summary.municipality[x.in.municipality]) {
    // The years of the period only, as every chapter of the review (rules::SchoolYears).
    if (x.tables.period && !x.tables.period->contains(y)) continue;
    const auto spread = spreads.find(y);
    Row row;
    row.cells.push_back(int_cell(y));
    row.cells.push_back(int_cell(summary.with_index));
    row.cells.push_back(int_cell(summary.met));
    row.cells.push_back(int_cell(summary.with_index - summary.met));
    row.cells.push_back(summary.with_index > 0 ? number_cell(summary.mean) : Cell{});
    const auto national = x.r.ce_summary.national.find(y);
    row.cells.push_back(national != x.r.ce_summary.national.end() &&
                                national->second.with_index > 0
                            ? number_cell(national->second.mean)
                            : Cell{});
    spread_cells(row, spread != spreads.end() ? spread->second : rules::Spread{});
    s.rows.push_back(std::move(row));
  }
  return s;
}

// The schools that did not meet the exam rule, by name, a line per school year.
std::string ce_not_met(const Expansion& x) {
  // rules::MunicipalityFigures::ce_not_met, each year's schools in the tables' order.
  const auto& not_met = x.r.municipalities[x.in.municipality].ce_not_met;
  std::map<int64_t, std::vector<std::string>> by_year;
  for (const auto& [y, schools] : not_met) {
    std::vector<std::string>& names = by_year[y];
    for (size_t s : x.tables.schools) {
      if (std::find(schools.begin(), schools.end(), s) != schools.end()) {
        names.push_back(x.m.institutions[s].name.in(x.in.lang));
      }
    }
  }
  if (by_year.empty()) return {};
  std::string md = x.field(x.in.t("review.summary.not_met_intro")) + "\n\n";
  for (const auto& [y, names] : by_year) {
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "" : "; ") + name;
    if (names.empty()) list = x.in.t("review.summary.none");
    md += "- " + x.field(util::format_school_year(static_cast<int>(y), x.in.lang) + ": " + list) +
          "\n";
  }
  return md + "\n";
}

// "ce-indekss" drawn as the municipal and national mean and the schools' lowest, median and
// highest index, instead of a line per school, with the same thresholds (municipality_charts.h).
std::optional<Chart> ce_summary_chart(const Expansion& x) {
  return ce_spread_chart(x.m, x.r, x.tables, x.in.lang, x.in.t);
}

// "diagnostika" by school year and test: schools, their mean, the national mean and the spread.
Table diagnostics_summary_table(const Expansion& x) {
  const Translate& t = x.in.t;
  Table s = summary_table(x.tables.diagnostics, t);
  s.note = t("review.summary.diagnostics_note");
  s.columns = {column("year", t("directory.school_year"), ColumnType::kSchoolYear),
               column("test", t("tables.test"), ColumnType::kText, 0, true),
               column("schools", t("review.summary.schools"), ColumnType::kInteger),
               column("mean", t("review.summary.municipal_mean"), ColumnType::kPercent, 1),
               column("national_mean", t("review.summary.national_mean"),
                              ColumnType::kPercent, 1)};
  spread_columns(s, t, 1);
  // The period's tests (rules::MunicipalityFigures::diagnostics, NationalFigures'), as the
  // per-school table in the annex.
  const auto& national = x.r.nation.diagnostics;
  for (const auto& [test, spread] : x.r.municipalities[x.in.municipality].diagnostics) {
    Row row;
    row.cells.push_back(int_cell(test.year));
    row.cells.push_back(
        text_cell(diagnostic_test_label(x.m, test.grade, test.subject, x.in.lang, x.in.t)));
    row.cells.push_back(int_cell(spread.count));
    row.cells.push_back(percent_cell(spread, &rules::Spread::mean));
    const auto n = national.find(test);
    row.cells.push_back(n != national.end() ? percent_cell(n->second, &rules::Spread::mean) : Cell{});
    spread_cells(row, spread);
    s.rows.push_back(std::move(row));
  }
  return s;
}

// "kvalitate" by school year: schools reporting, the counts summed, the satisfaction's spread
// (rules::MunicipalityFigures::quality).
Table quality_summary_table(const Expansion& x) {
  const Table& detail = x.tables.quality;
  Table s = summary_table(detail, x.in.t);
  s.note = detail.note;
  Table by_year = quality_by_year(x.r.municipalities[x.in.municipality].quality, x.in.t);
  s.columns = std::move(by_year.columns);
  s.rows = std::move(by_year.rows);
  return s;
}

// "pilnveide" in one row: the municipal and national share, the schools shown and hidden, and
// the spread of the shown schools' shares.
Table development_summary_table(const Expansion& x) {
  const Table& detail = x.tables.development;
  const Translate& t = x.in.t;
  Table s = summary_table(detail, t);
  s.note = detail.note;
  s.columns = {column("share", t("review.summary.municipal_share"), ColumnType::kPercent, 1),
               column("national_share", t("review.summary.national_share"),
                              ColumnType::kPercent, 1),
               column("schools", t("review.summary.schools_shown"), ColumnType::kInteger),
               column("hidden", t("review.summary.schools_hidden"), ColumnType::kInteger)};
  spread_columns(s, t, 1);
  const rules::MunicipalityFigures& figures = x.r.municipalities[x.in.municipality];
  const auto& pd = x.r.municipality_pd[x.in.municipality];
  Row row;
  row.cells.push_back(!pd.suppressed && pd.share ? number_cell(*pd.share) : suppressed_cell());
  row.cells.push_back(!x.r.national_pd.suppressed && x.r.national_pd.share
                          ? number_cell(*x.r.national_pd.share)
                          : Cell{});
  row.cells.push_back(int_cell(figures.pd_shares.count));
  row.cells.push_back(int_cell(figures.pd_hidden));
  spread_cells(row, figures.pd_shares);
  s.rows.push_back(std::move(row));
  return s;
}

// "olimpiades" by olympiad: the schools taking part and their participants and places summed
// (rules::MunicipalityFigures::olympiads).
Table olympiads_summary_table(const Expansion& x) {
  const Table& detail = x.tables.olympiads;
  const Translate& t = x.in.t;
  Table s = summary_table(detail, t);
  s.note = t("review.summary.olympiads_note");
  s.columns = {detail.columns[0], detail.columns[1],
               column("schools", t("review.summary.schools"), ColumnType::kInteger)};
  for (size_t c = 3; c < detail.columns.size(); ++c) s.columns.push_back(detail.columns[c]);
  for (const rules::OlympiadSums& o : x.r.municipalities[x.in.municipality].olympiads) {
    const model::Olympiad& olympiad = x.m.olympiads[o.olympiad];
    Row row;
    row.cells.push_back(text_cell(olympiad_title(x.m, olympiad, x.in.lang, t)));
    row.cells.push_back(date_cell(olympiad.start));
    row.cells.push_back(int_cell(o.results));
    for (int64_t v : {o.participants, o.first, o.second, o.third, o.honourable}) {
      row.cells.push_back(int_cell(v));
    }
    s.rows.push_back(std::move(row));
  }
  return s;
}

// The summary of a per-school table, a sentence saying where the detail is, and the detail as an
// annex section. Empty when `id` is not summarised.
std::vector<ReviewBlock> summarise_table(std::string_view id, const Expansion& x) {
  std::vector<ReviewBlock> out;
  const Table* detail = x.tables.find(id);
  if (detail == nullptr || detail->empty()) return out;
  std::optional<Table> summary;
  std::string after;
  if (id == "ce-indekss") {
    summary = ce_summary_table(x);
    after = ce_not_met(x);
  } else if (id == "diagnostika") {
    summary = diagnostics_summary_table(x);
  } else if (id == "kvalitate") {
    summary = quality_summary_table(x);
  } else if (id == "pilnveide") {
    summary = development_summary_table(x);
  } else if (id == "olimpiades") {
    summary = olympiads_summary_table(x);
  } else {
    return out;
  }
  out.push_back(table_block(std::move(*summary)));
  out.back().summary = true;
  const std::string heading = with_title(x.in.t, "review.summary.by_school", detail->title);
  ReviewBlock text;
  text.markdown = after + x.field(with_title(x.in.t, "review.summary.in_annex", heading)) + "\n";
  out.push_back(std::move(text));
  ReviewBlock section;
  section.markdown = "## " + x.field(heading) + "\n";
  x.annex.push_back(std::move(section));
  x.annex.push_back(table_block(
      id == "diagnostika" ? diagnostics_by_school(x.m, x.r, x.tables, x.in.lang, x.in.t) : *detail));
  return out;
}

// The blocks a directive stands for; none when there is no data (the template's text around it
// says so with {{^has_…}}).
std::vector<ReviewBlock> expand(std::string_view kind, std::string_view id, const Expansion& x) {
  const model::Model& m = x.m;
  const rules::Results& r = x.r;
  const MunicipalityTables& tables = x.tables;
  const ReviewInputs& in = x.in;
  std::vector<ReviewBlock> out;
  if (x.summarise) {
    if (kind == "table") {
      out = summarise_table(id, x);
      if (!out.empty()) return out;
    } else if (id == "ce-indekss") {
      if (auto chart = ce_summary_chart(x)) out.push_back(chart_block(std::move(*chart)));
      return out;
    } else if (id == "pilnveide") {
      return out;  // a bar a school: the summary table says it, the annex has each school
    }
  }
  if (kind == "table") {
    if (id == "pasakumi" || id == "budzets") {
      for (const ProgrammeTables& pt : tables.programmes) {
        const Table& t = id == "pasakumi" ? pt.actions : pt.budget;
        if (!t.empty()) out.push_back(table_block(t));
      }
    } else if (const Table* t = tables.find(id); t && !t->empty()) {
      out.push_back(table_block(*t));
    }
    return out;
  }
  std::optional<Chart> chart;
  if (id == "dinamika") chart = dynamics_chart(r, tables, in.lang, in.t);
  // More than kMaxLineSeries schools: their spread, as a summarising review draws it.
  if (id == "ce-indekss") chart = ce_chart_capped(m, r, tables, in.lang, in.t);
  if (id == "pilnveide") chart = pd_chart(m, r, tables, in.lang, in.t);
  if (id == "laika-sadalijums") chart = time_chart(m, r, tables, in.lang, in.t);
  if (id == "budzets") {
    for (const ProgrammeTables& pt : tables.programmes) {
      if (auto c = budget_chart(m, r, pt, in.lang, in.t)) out.push_back(chart_block(*c));
    }
  }
  if (chart) out.push_back(chart_block(std::move(*chart)));
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string review_stem(const model::Model& model, const model::Municipality& m) {
  return m.id + "-" + std::to_string(model.site.review_from) + "-" +
         std::to_string(model.site.review_to);
}

std::string review_template_name(std::string_view lang) {
  return "report/review-" + std::string(lang);
}

void for_each_markdown_line(
    std::string_view markdown,
    const std::function<void(std::string_view line, size_t at, bool fenced)>& visit) {
  bool fence = false;
  for (size_t at = 0; at < markdown.size();) {
    size_t end = markdown.find('\n', at);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(at, end - at);
    if (line.starts_with("```") || line.starts_with("~~~")) fence = !fence;
    visit(line, at, fence);
    at = end + 1;
  }
}

const model::Page* review_conclusions(const model::Model& model, std::string_view id,
                                      std::string_view lang) {
  const model::Page* fallback = nullptr;
  for (const model::Page& page : model.pages) {
    if (page.kind != model::PageKind::kReview || page.municipality != id || page.draft) continue;
    if (page.lang == lang) return &page;
    if (page.lang == model.site.default_language()) fallback = &page;
  }
  return fallback;
}

void number_headings(Review& review) {
  int chapter = 0, section = 0;
  for (ReviewBlock& b : review.blocks) {
    if (b.kind != ReviewBlock::Kind::kMarkdown) continue;
    std::string out;
    for_each_markdown_line(b.markdown, [&](std::string_view line, size_t, bool fenced) {
      if (!fenced && line.starts_with("# ")) {
        section = 0;
        out += "# " + std::to_string(++chapter) + ". " + std::string(line.substr(2));
      } else if (!fenced && line.starts_with("## ")) {
        out += "## " + std::to_string(chapter) + "." + std::to_string(++section) + ". " +
               std::string(line.substr(3));
      } else {
        out.append(line);
      }
      out += '\n';
    });
    b.markdown = std::move(out);
  }
}

const std::vector<std::string>& review_directives() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> v;
    for (const auto& t : kTables) v.push_back("table " + t);
    for (const auto& c : kCharts) v.push_back("chart " + c);
    return v;
  }();
  return all;
}

Review build_review(const model::Model& m, const rules::Results& r, const ReviewInputs& in) {
  const auto& mu = m.municipalities[in.municipality];
  std::optional<MunicipalityTables> own;
  if (!in.tables) {
    own = municipality_tables(m, r, in.municipality, in.lang, in.t, in.council, r.review);
  }
  const MunicipalityTables& tables = in.tables ? *in.tables : *own;
  Review review;
  review.lang = in.lang;
  review.municipality = mu.name.in(in.lang);
  review.board = mu.board.name;
  review.from = m.site.review_from;
  review.to = m.site.review_to;
  review.period = std::to_string(review.from) + "–" + std::to_string(review.to);
  review.title = util::fill(in.t("review.document_title"), "municipality", review.municipality);
  review.subject = util::fill(in.t("review.subject"), "period", review.period);
  review.date = util::format_date_long(m.site.as_of, in.lang);
  review.keywords = {in.t("review.keyword_quality"), review.municipality, review.period};
  review.html_url = in.html_url;

  // Fields first: the filled template is Markdown with the values' placeholders in it.
  kainjow::mustache::mustache tmpl(in.template_text);
  if (!tmpl.is_valid()) {
    throw ReviewTemplateError(in.template_source + ": " + tmpl.error_message());
  }
  // Placeholders need no escaping; Mustache's HTML escaping would be wrong anyway (Markdown).
  tmpl.set_custom_escape([](const std::string& text) { return text; });
  std::string markdown = tmpl.render(fields(m, r, tables, in, review.fields, review.foreign));
  if (!tmpl.is_valid()) {
    throw ReviewTemplateError(in.template_source + ": " + tmpl.error_message());
  }

  // Then the directives, each on a line of its own; a municipality of many schools gets
  // summaries in its chapters and the per-school tables in an annex at the end.
  std::vector<ReviewBlock> annex;
  const Expansion x{m, r, tables, in, tables.schools.size() > in.summarise_above, review.fields,
                    annex};
  std::string pending;
  auto flush = [&] {
    if (trim(pending).empty()) {
      pending.clear();
      return;
    }
    ReviewBlock b;
    b.markdown = std::move(pending);
    if (in.conclusions) {
      for (size_t at = 0; (at = b.markdown.find(kConclusions, at)) != std::string::npos;) {
        const std::string text = demote_headings(in.conclusions->body);
        b.markdown.replace(at, kConclusions.size(), text);
        at += text.size();
      }
    }
    review.blocks.push_back(std::move(b));
    pending.clear();
  };
  size_t line_no = 0;
  for (size_t at = 0; at < markdown.size();) {
    size_t end = markdown.find('\n', at);
    if (end == std::string::npos) end = markdown.size();
    std::string_view line(markdown.data() + at, end - at);
    ++line_no;
    std::string t = trim(line);
    if (t.starts_with(":::")) {
      std::string rest = trim(std::string_view(t).substr(3));
      size_t space = rest.find(' ');
      std::string kind = rest.substr(0, space);
      std::string id = space == std::string::npos ? "" : trim(std::string_view(rest).substr(space));
      const auto& ids = kind == "table" ? kTables : kCharts;
      if ((kind != "table" && kind != "chart") ||
          std::find(ids.begin(), ids.end(), id) == ids.end()) {
        std::string known;
        for (const auto& k : review_directives()) known += (known.empty() ? "" : ", ") + k;
        throw ReviewTemplateError(in.template_source + ": unknown directive \"" +
                                  fill_markdown_fields(t, review.fields, FieldContext::kText) +
                                  "\" (after filling the fields, line " + std::to_string(line_no) +
                                  "); known: " + known);
      }
      flush();
      for (ReviewBlock& b : expand(kind, id, x)) review.blocks.push_back(std::move(b));
    } else {
      pending.append(line);
      pending += '\n';
    }
    at = end + 1;
  }
  flush();
  for (ReviewBlock& b : annex) review.blocks.push_back(std::move(b));
  return review;
}

}  // namespace metodika::render
