#include "render/common/review.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <map>
#include <optional>

#include "render/common/markdown_fields.h"
#include "render/common/municipality_charts.h"
#include "rules/ce_index.h"
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
  bool fence = false;
  for (size_t at = 0; at < markdown.size();) {
    size_t end = markdown.find('\n', at);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(at, end - at);
    if (line.starts_with("```") || line.starts_with("~~~")) fence = !fence;
    if (!fence && line.starts_with("#") && line.size() < 4096) out += '#';
    out.append(line);
    out += '\n';
    at = end + 1;
  }
  return out;
}

// The values a template can use.
Data fields(const model::Model& m, const rules::Results& r, const MunicipalityTables& tables,
            const ReviewInputs& in, std::vector<std::string>& values) {
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

  // Network: the first and the latest school year with counts.
  const Table& dyn = tables.dynamics;
  set_bool(d, "has_dynamics", !dyn.empty());
  if (!dyn.empty()) {
    auto year = [&](const Row& row) {
      return util::format_school_year(static_cast<int>(std::get<int64_t>(row.cells[0].value)), lang);
    };
    auto count = [&](const Row& row, size_t col) -> std::optional<int64_t> {
      if (const auto* v = std::get_if<int64_t>(&row.cells[col].value)) return *v;
      return std::nullopt;
    };
    const Row& first = dyn.rows.front();
    const Row& last = dyn.rows.back();
    put(d, "first_year", year(first));
    put(d, "latest_year", year(last));
    if (auto s = count(last, 2)) put(d, "students", num(*s));
    if (auto t = count(last, 3)) put(d, "teachers", num(*t));
    if (auto s0 = count(first, 2), s1 = count(last, 2); s0 && s1 && *s0 > 0 && &first != &last) {
      double change = 100.0 * static_cast<double>(*s1 - *s0) / static_cast<double>(*s0);
      put(d, "students_first", num(*s0));
      put(d, "students_change", (change > 0.05 ? "+" : "") + pct(change));
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
  int64_t methodologists = 0, municipal = 0;
  for (const auto& me : m.methodologists) {
    if (me.municipality == mu.id) {
      ++methodologists;
      municipal += me.level == model::Level::kMunicipal;
    }
  }
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

  // Olympiads: participants and places over the results of the municipality's schools.
  int64_t participants = 0, prizes = 0, first_places = 0;
  for (const Row& row : tables.olympiads.rows) {
    participants += std::get<int64_t>(row.cells[3].value);
    first_places += std::get<int64_t>(row.cells[4].value);
    prizes += std::get<int64_t>(row.cells[4].value) + std::get<int64_t>(row.cells[5].value) +
              std::get<int64_t>(row.cells[6].value);
  }
  set_bool(d, "has_olympiads", !tables.olympiads.empty());
  put(d, "olympiad_results", num(static_cast<int64_t>(tables.olympiads.rows.size())));
  put(d, "olympiad_participants", num(participants));
  put(d, "olympiad_prizes", num(prizes));
  put(d, "olympiad_first", num(first_places));

  // Programmes.
  set_bool(d, "has_programme", !tables.programmes.empty());
  Data programmes(Data::type::list);
  for (const ProgrammeTables& pt : tables.programmes) {
    const auto& p = m.programmes[pt.programme];
    const auto& tot = r.budgets[pt.programme];
    Data pd_(Data::type::object);
    put(pd_, "title", p.title.in(lang));
    put(pd_, "period", std::to_string(p.period_from) + "–" + std::to_string(p.period_to));
    if (p.decision) {
      put(pd_, "decision",
          p.decision->body + " " + util::format_date_numeric(p.decision->date, lang) + " Nr. " +
              p.decision->number);
    }
    int64_t done = 0, delayed = 0;
    for (const auto& a : p.actions) {
      done += a.status == model::ActionStatus::kDone;
      delayed += a.status == model::ActionStatus::kDelayed;
    }
    put(pd_, "actions", num(static_cast<int64_t>(p.actions.size())));
    put(pd_, "actions_done", num(done));
    put(pd_, "actions_delayed", num(delayed));
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

// The blocks a directive stands for; none when there is no data (the template's text around it
// says so with {{^has_…}}).
std::vector<ReviewBlock> expand(std::string_view kind, std::string_view id,
                                const model::Model& m, const rules::Results& r,
                                const MunicipalityTables& tables, const ReviewInputs& in) {
  std::vector<ReviewBlock> out;
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
  if (id == "dinamika") chart = dynamics_chart(tables, in.lang, in.t);
  if (id == "ce-indekss") chart = ce_chart(m, r, tables, in.lang, in.t);
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

void number_headings(Review& review) {
  int chapter = 0, section = 0;
  for (ReviewBlock& b : review.blocks) {
    if (b.kind != ReviewBlock::Kind::kMarkdown) continue;
    std::string out;
    bool fence = false;
    std::string_view md = b.markdown;
    for (size_t at = 0; at < md.size();) {
      size_t end = md.find('\n', at);
      if (end == std::string_view::npos) end = md.size();
      std::string_view line = md.substr(at, end - at);
      if (line.starts_with("```") || line.starts_with("~~~")) fence = !fence;
      if (!fence && line.starts_with("# ")) {
        section = 0;
        out += "# " + std::to_string(++chapter) + ". " + std::string(line.substr(2));
      } else if (!fence && line.starts_with("## ")) {
        out += "## " + std::to_string(chapter) + "." + std::to_string(++section) + ". " +
               std::string(line.substr(3));
      } else {
        out.append(line);
      }
      out += '\n';
      at = end + 1;
    }
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
  std::string markdown = tmpl.render(fields(m, r, tables, in, review.fields));
  if (!tmpl.is_valid()) {
    throw ReviewTemplateError(in.template_source + ": " + tmpl.error_message());
  }

  // Then the directives, each on a line of its own.
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
      for (ReviewBlock& b : expand(kind, id, m, r, tables, in)) review.blocks.push_back(std::move(b));
    } else {
      pending.append(line);
      pending += '\n';
    }
    at = end + 1;
  }
  flush();
  return review;
}

}  // namespace metodika::render
