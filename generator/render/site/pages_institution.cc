// /iestades/<id>/: one institution's facts, students and teachers, metrics by year beside the
// municipality's and the nation's mean, olympiads and accreditation (issue 4). No league tables
// and no single summary grade.
#include <algorithm>
#include <string>
#include <vector>

#include "render/site/directory_view.h"
#include "render/site/pages.h"
#include "rules/ce_index.h"
#include "util/format.h"

namespace metodika::render::site {
namespace {

using directory::set_list;

std::string opt_percent(const SiteContext& c, std::optional<double> v) {
  return v ? util::format_percent(*v, 1, c.lang()) : "—";
}

Data years_table(const SiteContext& c, const model::Institution& in) {
  std::vector<int> years;
  for (const auto& [y, n] : in.students) years.push_back(y);
  for (const auto& [y, n] : in.teachers) years.push_back(y);
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  Data rows(Data::type::list);
  for (int y : years) {
    Data r(Data::type::object);
    r.set("year", util::format_school_year(y, c.lang()));
    auto s = in.students.find(y);
    auto t = in.teachers.find(y);
    r.set("students",
          directory::int_or_dash(
              c, s == in.students.end() ? std::nullopt : std::optional<int>(s->second)));
    r.set("teachers",
          directory::int_or_dash(
              c, t == in.teachers.end() ? std::nullopt : std::optional<int>(t->second)));
    rows.push_back(r);
  }
  return rows;
}

// The result of a CE index in words: met / not met, or why there is no index.
std::string ce_result(const SiteContext& c, const rules::CeIndex& ce) {
  using S = rules::CeIndex::Status;
  switch (ce.status) {
    case S::kMet:
      return c.t("directory.met");
    case S::kNotMet:
      return c.t("directory.not_met");
    case S::kNoRule:
      return c.t("directory.no_rule");
    case S::kNoExams:
      return c.t("directory.no_exams");
    case S::kMissingExams: {
      std::string text = c.t("directory.missing_exams");
      for (size_t i = 0; i < ce.missing.size(); ++i) {
        text += (i ? ", " : " ") + c.t("directory.exam." + std::string(ce.missing[i]));
      }
      return text;
    }
  }
  return {};
}

Data metrics_rows(const SiteContext& c, size_t school) {
  const auto& m = c.model();
  const size_t mi = m.institutions[school].municipality_index;
  std::vector<size_t> records;
  for (size_t i = 0; i < m.metrics.size(); ++i) {
    if (m.metrics[i].school_index == school) records.push_back(i);
  }
  std::sort(records.begin(), records.end(),
            [&](size_t a, size_t b) { return m.metrics[a].year < m.metrics[b].year; });
  Data rows(Data::type::list);
  for (size_t i : records) {
    const auto& rec = m.metrics[i];
    const auto& ce = c.results().ce[i];
    Data r(Data::type::object);
    r.set("year", util::format_school_year(rec.year, c.lang()));
    if (rec.ce) {
      r.set("has_ce", Data(Data::type::bool_true));
      r.set("index", opt_percent(c, ce.index));
      if (ce.rule) {
        r.set("rule", c.t("directory.method." +
                          std::string(model::enum_name(model::kCeMethods, ce.method))) +
                          " ≥ " + util::format_percent(ce.threshold, 1, c.lang()));
      }
      r.set("result", ce_result(c, ce));
      r.set("status", ce.status == rules::CeIndex::Status::kMet      ? "met"
                      : ce.status == rules::CeIndex::Status::kNotMet ? "not-met"
                                                                     : "none");
      // Means come from rules::ce_summary, never averaged here.
      auto mean = [](const model::ByYear<rules::CeYearSummary>& by, int year) {
        auto it = by.find(year);
        return it == by.end() ? std::nullopt : std::optional<double>(it->second.mean);
      };
      r.set("municipality_mean",
            opt_percent(c, mean(c.results().ce_summary.municipality[mi], rec.year)));
      r.set("national_mean", opt_percent(c, mean(c.results().ce_summary.national, rec.year)));
    }
    Data diag(Data::type::list);
    for (const auto& [grade, subjects] : rec.diagnostic) {
      for (const auto& [subject, pct] : subjects) {
        const model::Subject* s = m.find_subject(subject);
        Data d(Data::type::object);
        // Tests are keyed "grade3" in the data (DATA-MODEL.md 10): shown as "3. klase".
        std::string number = grade.starts_with("grade") ? grade.substr(5) : grade;
        std::string label = c.t("directory.grade_of");  // "{n}. klase" / "Grade {n}"
        if (size_t at = label.find("{n}"); at != std::string::npos) label.replace(at, 3, number);
        d.set("label", label + ", " + (s ? s->name.in(c.lang()) : subject));
        d.set("value", util::format_percent(pct, 1, c.lang()));
        diag.push_back(d);
      }
    }
    set_list(r, "diagnostic", diag);
    if (rec.observed_teachers) {
      r.set("observations", util::format_int(*rec.observed_teachers, c.lang()) + " " +
                                c.t("directory.observed_teachers") + ", " +
                                directory::int_or_dash(c, rec.observed_twice) + " " +
                                c.t("directory.observed_twice"));
    }
    if (rec.survey_respondents || rec.survey_satisfaction) {
      r.set("survey", directory::int_or_dash(c, rec.survey_respondents) + " " +
                          c.t("directory.respondents") + ", " + c.t("directory.satisfaction") +
                          " " + opt_percent(c, rec.survey_satisfaction));
    }
    // head_evaluation is private to the report (DATA-MODEL.md section 10): never shown here.
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

void write_institution_pages(SiteContext& c) {
  const auto& m = c.model();
  for (size_t i = 0; i < m.institutions.size(); ++i) {
    const auto& in = m.institutions[i];
    const auto& mu = m.municipalities[in.municipality_index];
    Data body(Data::type::object);
    body.set("kind", directory::kind_label(c, in.kind));
    if (!in.head.empty()) body.set("head", in.head);
    if (!in.address.empty()) body.set("address", in.address);
    if (!in.url.empty()) body.set("url", in.url);
    body.set("municipality_name", mu.name.in(c.lang()));
    body.set("municipality_url", c.urls().page(c.lang(), directory::municipality_rel(mu)));
    set_list(body, "years", years_table(c, in));
    set_list(body, "metrics", metrics_rows(c, i));
    set_list(body, "olympiad_rows", directory::olympiad_rows(c, [i](size_t s) { return s == i; }));
    if (in.accreditation) {
      Data a(Data::type::object);
      a.set("date", util::format_date_numeric(in.accreditation->date, c.lang()));
      a.set("valid_until", util::format_date_numeric(in.accreditation->valid_until, c.lang()));
      const util::Date as_of = m.site.as_of;
      if (in.accreditation->valid_until < as_of) {
        a.set("flag", c.t("directory.expired"));
      } else if (in.accreditation->valid_until < as_of.plus_days(365)) {
        a.set("flag", c.t("directory.expiring"));
      }
      body.set("accreditation", a);
    }
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {c.t("nav.institutions"), c.urls().page(c.lang(), "iestades/")},
                  {mu.name.in(c.lang()), c.urls().page(c.lang(), directory::municipality_rel(mu))}};
    c.emit(directory::institution_rel(in), in.name.in(c.lang()), "institution", body, crumbs);
  }
}

}  // namespace metodika::render::site
