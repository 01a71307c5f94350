// /pasvaldibas/<id>/: one municipality's education board, institutions, methodologists, exam
// index, development norm, methodologists' time, olympiads and action programme (issue 4).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "render/common/chart.h"
#include "render/common/svg_chart.h"
#include "render/site/directory_view.h"
#include "render/site/pages.h"
#include "rules/ce_index.h"
#include "util/collate.h"
#include "util/format.h"

namespace metodika::render::site {
namespace {

using directory::institution_rel;
using directory::set_list;

std::string replace_n(std::string text, int n, std::string_view lang) {
  size_t at = text.find("{n}");
  if (at != std::string::npos) text.replace(at, 3, util::format_int(n, lang));
  return text;
}

// A whole-euro amount as "10 000 EUR", with cents only when there are any.
std::string money(model::Cents cents, std::string_view lang) {
  if (cents % 100 == 0) return util::format_eur(cents / 100, lang);
  return util::format_eur_cents(static_cast<double>(cents) / 100.0, lang);
}

Data board_data(const model::Board& b) {
  Data d(Data::type::object);
  d.set("name", b.name);
  if (!b.email.empty()) d.set("email", b.email);
  if (!b.phone.empty()) {
    // The link without spaces; the text with NO-BREAK SPACEs, so the number never wraps.
    std::string tel, shown;
    for (char ch : b.phone) {
      if (ch != ' ') tel += ch;
      shown += ch == ' ' ? std::string("\u00A0") : std::string(1, ch);
    }
    d.set("phone", shown);
    d.set("tel", tel);
  }
  if (!b.address.empty()) d.set("address", b.address);
  if (!b.url.empty()) d.set("url", b.url);
  return d;
}

// The municipality's institutions in Latvian order, as indexes into model.institutions.
std::vector<size_t> institutions_of(const SiteContext& c, size_t mi) {
  std::vector<std::pair<std::string, size_t>> keyed;
  for (size_t i = 0; i < c.model().institutions.size(); ++i) {
    const auto& in = c.model().institutions[i];
    if (in.municipality_index == mi) {
      keyed.emplace_back(c.collator().sort_key(in.name.in(c.lang())) + in.id, i);
    }
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<size_t> out;
  for (const auto& [k, i] : keyed) out.push_back(i);
  return out;
}

Data institutions_table(const SiteContext& c, const std::vector<size_t>& schools, Data& body) {
  int latest = 0;
  for (size_t i : schools) {
    const auto& in = c.model().institutions[i];
    if (!in.students.empty()) latest = std::max(latest, in.students.rbegin()->first);
    if (!in.teachers.empty()) latest = std::max(latest, in.teachers.rbegin()->first);
  }
  if (latest) body.set("latest_year", util::format_school_year(latest, c.lang()));
  Data rows(Data::type::list);
  for (size_t i : schools) {
    const auto& in = c.model().institutions[i];
    Data row(Data::type::object);
    row.set("name", in.name.in(c.lang()));
    row.set("url", c.urls().page(c.lang(), institution_rel(in)));
    row.set("kind", directory::kind_label(c, in.kind));
    auto get = [&](const model::ByYear<int>& by) -> std::optional<int> {
      auto it = by.find(latest);
      return it == by.end() ? std::nullopt : std::optional<int>(it->second);
    };
    row.set("students", directory::int_or_dash(c, get(in.students)));
    row.set("teachers", directory::int_or_dash(c, get(in.teachers)));
    rows.push_back(row);
  }
  return rows;
}

Data methodologists_by_subject(const SiteContext& c, const model::Municipality& mu) {
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, size_t>>>
      by_subject;  // (sort key, subject name) -> (sort key, methodologist)
  for (size_t i = 0; i < c.model().methodologists.size(); ++i) {
    const auto& me = c.model().methodologists[i];
    if (me.municipality != mu.id) continue;
    for (const auto& s : me.subjects) {
      const model::Subject* subj = c.model().find_subject(s);
      std::string label = subj ? subj->name.in(c.lang()) : s;
      by_subject[{c.collator().sort_key(label), label}].emplace_back(c.collator().sort_key(me.name),
                                                                     i);
    }
  }
  Data groups(Data::type::list);
  for (auto& [key, people] : by_subject) {
    std::sort(people.begin(), people.end());
    Data list(Data::type::list);
    for (const auto& [k, i] : people) {
      const auto& me = c.model().methodologists[i];
      Data p(Data::type::object);
      p.set("name", me.name);
      if (!me.email.empty()) p.set("email", me.email);
      list.push_back(p);
    }
    Data g(Data::type::object);
    g.set("subject", key.second);
    g.set("people", list);
    groups.push_back(g);
  }
  return groups;
}

// The exam index of each school over the years, with the threshold of the rule in force for
// each year (rules::rule_in_force) as reference lines; the chart and its data table.
std::string ce_chart(const SiteContext& c, const model::Municipality& mu,
                     const std::vector<size_t>& schools) {
  const auto& m = c.model();
  std::set<int> years;
  for (size_t i = 0; i < m.metrics.size(); ++i) {
    if (m.institutions[m.metrics[i].school_index].municipality_index ==
            static_cast<size_t>(&mu - m.municipalities.data()) &&
        m.metrics[i].ce) {
      years.insert(m.metrics[i].year);
    }
  }
  if (years.empty()) return {};
  Chart chart;
  chart.kind = ChartKind::kLines;
  chart.title = c.t("directory.exam_index");
  chart.description = c.t("directory.exam_index_desc");
  chart.unit = "%";
  chart.decimals = 1;
  std::vector<int> ys(years.begin(), years.end());
  for (int y : ys) chart.categories.push_back(util::format_school_year(y, c.lang()));
  for (size_t s : schools) {
    Series series;
    series.label = m.institutions[s].name.in(c.lang());
    series.values.assign(ys.size(), std::nullopt);
    bool any = false;
    for (size_t i = 0; i < m.metrics.size(); ++i) {
      if (m.metrics[i].school_index != s || !c.results().ce[i].index) continue;
      auto at = std::find(ys.begin(), ys.end(), m.metrics[i].year) - ys.begin();
      series.values[static_cast<size_t>(at)] = c.results().ce[i].index;
      any = true;
    }
    if (any) chart.series.push_back(std::move(series));
  }
  if (chart.series.empty()) return {};
  // One reference line per run of consecutive years under the same rule.
  const model::CeRule* current = nullptr;
  for (size_t k = 0; k < ys.size(); ++k) {
    const model::CeRule* rule = rules::rule_in_force(m.site.rules, ys[k]);
    if (rule && rule == current) {
      chart.references.back().to_category = k;
    } else if (rule) {
      chart.references.push_back(
          {c.t("directory.threshold") + " (" +
               c.t("directory.method." +
                   std::string(model::enum_name(model::kCeMethods, rule->method))) +
               ")",
           rule->threshold, k, k});
    }
    current = rule;
  }
  return "<figure class=\"chart\">" + render_svg(chart, c.lang(), "ce-" + mu.id) + "</figure>\n" +
         render_table_html(chart, c.lang(), chart.title);
}

Data pd_rows(const SiteContext& c, const std::vector<size_t>& schools) {
  Data rows(Data::type::list);
  for (size_t s : schools) {
    for (const auto& pd : c.results().school_pd) {
      if (pd.school_index != s) continue;
      Data row(Data::type::object);
      row.set("school", c.model().institutions[s].name.in(c.lang()));
      row.set("school_url", c.urls().page(c.lang(), institution_rel(c.model().institutions[s])));
      if (pd.suppressed || !pd.share || !pd.meeting) {
        row.set("hidden",
                replace_n(c.t("directory.pd_hidden"), c.model().site.rules.small_cell, c.lang()));
      } else {
        row.set("meeting", util::format_int(*pd.meeting, c.lang()));
        row.set("teachers", util::format_int(pd.teachers, c.lang()));
        row.set("share", util::format_percent(*pd.share, 1, c.lang()));
      }
      rows.push_back(row);
    }
  }
  return rows;
}

Data time_split_data(const SiteContext& c, const model::Municipality& mu) {
  Data list(Data::type::list);
  for (size_t i = 0; i < c.model().methodologists.size(); ++i) {
    const auto& me = c.model().methodologists[i];
    if (me.municipality != mu.id || me.level != model::Level::kMunicipal) continue;
    for (const auto& split : c.results().time_splits[i]) {
      Data rows(Data::type::list);
      for (const auto& [name, cat] : model::kWorkCategories) {
        Data r(Data::type::object);
        r.set("category", c.t("directory.category." + std::string(name)));
        r.set("norm", util::format_percent(split.norm[cat], 1, c.lang()));
        r.set("actual", util::format_percent(split.share[cat], 1, c.lang()));
        double d = split.deviation[cat];
        r.set("difference", (d > 0.05 ? "+" : "") + util::format_decimal(d, 1, c.lang()));
        rows.push_back(r);
      }
      Data t(Data::type::object);
      t.set("name", me.name);
      t.set("year", util::format_school_year(split.year, c.lang()));
      t.set("rows", rows);
      list.push_back(t);
    }
  }
  return list;
}

Data budget_table(const SiteContext& c, const model::Programme& p, const rules::BudgetTotals& tot) {
  Data d(Data::type::object);
  Data years(Data::type::list);
  for (int y : tot.years) years.push_back(Data(std::to_string(y)));
  d.set("years", years);
  auto amounts = [&](auto get) {
    Data cells(Data::type::list);
    for (int y : tot.years) cells.push_back(Data(money(get(y), c.lang())));
    return cells;
  };
  Data groups(Data::type::list);
  for (size_t g = 0; g < p.budget.size(); ++g) {
    const auto& group = p.budget[g];
    Data gd(Data::type::object);
    gd.set("title", group.title.in(c.lang()));
    gd.set("cells", amounts([&](int y) { return tot.group_by_year[g].at(y); }));
    gd.set("total", money(tot.group_totals[g], c.lang()));
    Data lines(Data::type::list);
    for (size_t l = 0; l < group.lines.size(); ++l) {
      const auto& line = group.lines[l];
      Data ld(Data::type::object);
      ld.set("title", line.title.in(c.lang()));
      ld.set("cells", amounts([&](int y) {
               auto it = line.amounts.find(y);
               return it == line.amounts.end() ? model::Cents{0} : it->second;
             }));
      ld.set("total", money(tot.line_totals[g][l], c.lang()));
      lines.push_back(ld);
    }
    gd.set("lines", lines);
    groups.push_back(gd);
  }
  d.set("groups", groups);
  d.set("cells", amounts([&](int y) { return tot.year_totals.at(y); }));
  d.set("total", money(tot.grand_total, c.lang()));
  return d;
}

Data programmes_data(const SiteContext& c, const model::Municipality& mu) {
  Data list(Data::type::list);
  for (size_t i = 0; i < c.model().programmes.size(); ++i) {
    const auto& p = c.model().programmes[i];
    if (p.municipality != mu.id) continue;
    Data d(Data::type::object);
    d.set("title", p.title.in(c.lang()));
    d.set("period", std::to_string(p.period_from) + "–" + std::to_string(p.period_to));
    if (p.decision) {
      d.set("decision", p.decision->body + " " +
                            util::format_date_numeric(p.decision->date, c.lang()) + " Nr. " +
                            p.decision->number);
    }
    Data actions(Data::type::list);
    for (const auto& a : p.actions) {
      Data ad(Data::type::object);
      ad.set("title", a.title.in(c.lang()));
      ad.set("period", a.from == a.to ? std::to_string(a.from)
                                      : std::to_string(a.from) + "–" + std::to_string(a.to));
      ad.set("responsible", a.responsible);
      std::string st(model::enum_name(model::kActionStatuses, a.status));
      ad.set("status", c.t("directory.status." + st));
      ad.set("status_id", st);
      actions.push_back(ad);
    }
    d.set("has_actions",
          actions.is_non_empty_list() ? Data(Data::type::bool_true) : Data(Data::type::bool_false));
    d.set("actions", actions);
    // Totals come from rules::budget_totals, never summed here (DATA-MODEL.md section 11).
    d.set("budget", budget_table(c, p, c.results().budgets[i]));
    list.push_back(d);
  }
  return list;
}

}  // namespace

void write_municipality_pages(SiteContext& c) {
  const auto& m = c.model();
  for (size_t mi = 0; mi < m.municipalities.size(); ++mi) {
    const auto& mu = m.municipalities[mi];
    std::vector<size_t> schools = institutions_of(c, mi);
    Data body(Data::type::object);
    body.set("board", board_data(mu.board));
    set_list(body, "schools", institutions_table(c, schools, body));
    set_list(body, "methodologists", methodologists_by_subject(c, mu));
    std::string chart = ce_chart(c, mu, schools);
    if (!chart.empty()) body.set("ce_chart", chart);
    set_list(body, "pd", pd_rows(c, schools));
    const auto& total = c.results().municipality_pd[mi];
    if (!total.suppressed && total.share) {
      body.set("pd_total", util::format_percent(*total.share, 1, c.lang()));
    }
    set_list(body, "time_splits", time_split_data(c, mu));
    set_list(body, "olympiad_rows", directory::olympiad_rows(c, [&](size_t s) {
               return m.institutions[s].municipality_index == mi;
             }));
    set_list(body, "programmes", programmes_data(c, mu));
    // TODO(issue 4): link /parskati/<id>-<from>-<to>.pdf and .xlsx once the report renderers
    // write them; no link until the file can be checked to exist.
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {c.t("nav.municipalities"), c.urls().page(c.lang(), "pasvaldibas/")}};
    c.emit(directory::municipality_rel(mu), mu.name.in(c.lang()), "municipality", body, crumbs);
  }
}

}  // namespace metodika::render::site
