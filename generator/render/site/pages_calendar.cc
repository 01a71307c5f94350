// When: olympiads, material deadlines, professional development events (issue 4: /olimpiades/,
// /materiali/, /pasakumi/, with iCalendar feeds).
//
// /olimpiades/ shows the school year that contains `as_of` grouped by month (one h2 per month),
// then every other school year in its own section (newest first), so earlier results stay
// reachable without crowding the current calendar.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "render/common/ical.h"
#include "render/common/municipality_tables.h"
#include "render/site/pages.h"
#include "render/site/paging.h"
#include "rules/material_status.h"
#include "rules/upcoming.h"
#include "util/collate.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render::site {
namespace {

// The place of `entity` (an element of `all`) in it: the index of its rules' results.
template <typename T>
size_t index_of(const std::vector<T>& all, const T& entity) {
  return static_cast<size_t>(&entity - all.data());
}

template <typename E, size_t N>
std::string_view enum_key(const model::EnumTable<E, N>& table, E value) {
  for (const auto& [name, v] : table) {
    if (v == value) return name;
  }
  return {};
}

// The host of base_url, for iCalendar UIDs (RFC 5545 3.8.4.7 suggests a domain on the right).
std::string host_of(std::string_view base_url) {
  size_t scheme = base_url.find("://");
  if (scheme != std::string_view::npos) base_url.remove_prefix(scheme + 3);
  size_t end = base_url.find_first_of("/:");
  return std::string(base_url.substr(0, end));
}

Data flag(bool on) { return Data(on ? Data::type::bool_true : Data::type::bool_false); }

std::string date_range(util::Date start, util::Date end, std::string_view lang) {
  if (end <= start) return util::format_date_numeric(start, lang);
  return util::format_date_numeric(start, lang) + "–" + util::format_date_numeric(end, lang);
}

std::string date_time(const util::DateTime& dt, std::string_view lang) {
  std::string s = util::format_date_numeric(dt.date, lang);
  if (dt.has_time) s += " " + util::format_time(dt.hour, dt.minute);
  return s;
}

// "25.11.2026. 10:00–13:00", "25.11.2026. 09:00 – 26.11.2026. 15:00", "25.11.2026.".
std::string event_when(const model::Event& e, std::string_view lang) {
  std::string s = date_time(e.start, lang);
  if (e.end <= e.start || e.end.date.year == 0) return s;
  if (e.end.date == e.start.date) {
    if (e.end.has_time) s += "–" + util::format_time(e.end.hour, e.end.minute);
    return s;
  }
  return s + " – " + date_time(e.end, lang);
}

std::string month_heading(int year, int month, std::string_view lang) {
  if (lang == "lv") return std::to_string(year) + ". gada " + util::month_name(month, lang);
  return util::month_name(month, lang) + " " + std::to_string(year);
}

std::string subject_name(const SiteContext& c, const std::string& id) {
  const model::Subject* s = c.model().find_subject(id);
  return s ? s->name.in(c.lang()) : id;
}

std::string olympiad_label(const SiteContext& c, const model::Olympiad& o) {
  return olympiad_title(c.model(), o, c.lang(), [&c](std::string_view key) { return c.t(key); });
}

std::string grades_text(const SiteContext& c, const model::Olympiad& o) {
  if (o.grade_from == 0 && o.grade_to == 0) return {};
  if (o.grade_to <= o.grade_from) {
    return util::fill(c.t("calendar.grade_one"), "grade", std::to_string(o.grade_from));
  }
  return util::fill(util::fill(c.t("calendar.grade_range"), "from", std::to_string(o.grade_from)), "to",
              std::to_string(o.grade_to));
}

std::string calendar_prodid(const SiteContext& c) {
  std::string lang = c.lang();
  std::transform(lang.begin(), lang.end(), lang.begin(), [](unsigned char ch) {
    return static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
  });
  return "-//VISC//Metodika//" + lang;
}

CalendarEvent olympiad_event(const SiteContext& c, const model::Olympiad& o, const std::string& rel,
                             const std::string& host) {
  CalendarEvent ev;
  ev.uid = "olympiad-" + o.id + "@" + host;
  ev.summary = olympiad_label(c, o);
  std::string desc =
      c.t("calendar.stage_label") + ": " +
      c.t("calendar.stage." + std::string(enum_key(model::kOlympiadStages, o.stage)));
  std::string grades = grades_text(c, o);
  if (!grades.empty()) desc += "\n" + c.t("calendar.grades") + ": " + grades;
  if (o.registration_deadline) {
    desc += "\n" + c.t("calendar.registration") + ": " +
            util::format_date_numeric(*o.registration_deadline, c.lang());
  }
  if (!o.system.empty()) desc += "\n" + c.t("calendar.system") + ": " + o.system;
  if (!o.organizer.empty()) desc += "\n" + c.t("calendar.organizer") + ": " + o.organizer;
  ev.description = desc;
  ev.location = o.location;
  ev.url = c.urls().absolute(c.lang(), rel) + "#" + o.id;
  ev.start = util::DateTime{o.start, 0, 0, false};
  ev.end = util::DateTime{o.end, 0, 0, false};
  ev.categories = {subject_name(c, o.subject)};
  return ev;
}

// The page of an olympiad's results: olimpiades/rezultati/<id>/. The calendars list the
// olympiad and link here; a national results table per olympiad inline made a school year's
// page 1.25 MB (issue 21).
std::string results_rel(const model::Olympiad& o) { return "olimpiades/rezultati/" + o.id + "/"; }

Data olympiad_item(const SiteContext& c, const model::Olympiad& o, bool with_results) {
  Data it(Data::type::object);
  it.set("id", o.id);
  it.set("title", olympiad_label(c, o));
  it.set("subject", subject_name(c, o.subject));
  it.set("stage", c.t("calendar.stage." + std::string(enum_key(model::kOlympiadStages, o.stage))));
  // For the list filter's choices (list-filter.js): ids, the same in every language.
  it.set("subject_id", o.subject);
  it.set("stage_id", std::string(enum_key(model::kOlympiadStages, o.stage)));
  std::string grades = grades_text(c, o);
  if (!grades.empty()) it.set("grades", grades);
  it.set("date", date_range(o.start, o.end, c.lang()));
  if (o.registration_deadline) {
    it.set("registration", util::format_date_numeric(*o.registration_deadline, c.lang()));
  }
  if (!o.system.empty()) it.set("system", o.system);
  if (!o.location.empty()) it.set("location", o.location);
  if (!o.organizer.empty()) it.set("organizer", o.organizer);
  it.set("special_education", flag(o.special_education));
  const bool upcoming = c.results().olympiad_upcoming[index_of(c.model().olympiads, o)];
  it.set("upcoming", flag(upcoming));
  if (!upcoming && !o.results.empty() && !with_results) {
    it.set("results_url", c.urls().page(c.lang(), results_rel(o)));
  } else if (!upcoming) {
    Data results(Data::type::list);
    for (const model::OlympiadResult& r : o.results) {
      Data row(Data::type::object);
      const model::Institution* inst = c.model().find_institution(r.school);
      row.set("school", inst ? inst->name.in(c.lang()) : r.school);
      // Every institution of the model has its page (pages_institution.cc).
      if (inst) row.set("school_url", c.urls().page(c.lang(), "iestades/" + inst->id + "/"));
      row.set("participants", util::format_int(r.participants, c.lang()));
      row.set("first", util::format_int(r.first, c.lang()));
      row.set("second", util::format_int(r.second, c.lang()));
      row.set("third", util::format_int(r.third, c.lang()));
      row.set("honourable", util::format_int(r.honourable, c.lang()));
      append(results, std::move(row));
    }
    it.set("has_results", flag(!o.results.empty()));
    put(it, "results", std::move(results));
  }
  return it;
}

// Months of `olympiads` (already sorted by start), each with its items.
Data months_of(const SiteContext& c, const std::vector<const model::Olympiad*>& olympiads) {
  Data months(Data::type::list);
  Data items(Data::type::list);
  int year = 0, month = 0;
  auto flush = [&] {
    if (year == 0) return;
    Data m(Data::type::object);
    m.set("heading", month_heading(year, month, c.lang()));
    put(m, "items", std::move(items));
    append(months, std::move(m));
    items = Data(Data::type::list);
  };
  for (const model::Olympiad* o : olympiads) {
    if (o->start.year != year || o->start.month != month) {
      flush();
      year = o->start.year;
      month = o->start.month;
    }
    append(items, olympiad_item(c, *o, false));
  }
  flush();
  return months;
}

// A subject's olympiads, every school year, on pages of their own: olimpiades/prieksmeti/<id>/
// (a folder of its own, so no subject id can be taken for the /olimpiades/2/ pager or a
// /olimpiades/2024-2025/ archive). The way to narrow the calendar without JavaScript (issue 21).
std::string subject_page_rel(std::string_view subject) {
  return "olimpiades/prieksmeti/" + std::string(subject) + "/";
}

// The subjects among `ids` as a filter's options, in the page language's order of their names;
// `with_url`: each links its page of olympiads.
std::vector<FilterChoice::Option> subject_options(const SiteContext& c,
                                                  const std::set<std::string>& ids, bool with_url) {
  std::vector<std::pair<std::string, FilterChoice::Option>> keyed;
  for (const std::string& id : ids) {
    FilterChoice::Option o{id, subject_name(c, id), {}};
    if (with_url) o.url = c.urls().page(c.lang(), subject_page_rel(id));
    keyed.emplace_back(c.collator().sort_key(o.label) + '\x01' + id, std::move(o));
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<FilterChoice::Option> out;
  for (auto& [key, o] : keyed) out.push_back(std::move(o));
  return out;
}

// The filter of a page of olympiads: its subjects (unless it is a subject's page) and stages.
std::string olympiad_choices(const SiteContext& c, const std::vector<const model::Olympiad*>& list,
                             bool with_subject) {
  std::set<std::string> subjects;
  std::set<model::OlympiadStage> stages;
  for (const auto* o : list) {
    subjects.insert(o->subject);
    stages.insert(o->stage);
  }
  std::vector<FilterChoice> choices;
  if (with_subject) {
    choices.push_back({"subject", c.t("calendar.subject"), "subject", -1,
                       subject_options(c, subjects, true)});
  }
  FilterChoice stage{"stage", c.t("calendar.stage_label"), "stage", -1, {}};
  for (const auto& [key, value] : model::kOlympiadStages) {  // the data model's order
    if (stages.contains(value)) {
      stage.options.push_back({std::string(key), c.t("calendar.stage." + std::string(key)), {}});
    }
  }
  choices.push_back(std::move(stage));
  return filter_choices_html(c, choices);
}

// The filter of a page of events: the subjects and municipalities its events have.
std::string event_choices(const SiteContext& c, const std::vector<const model::Event*>& list) {
  std::set<std::string> subjects;
  std::map<std::string, std::string> munis;  // sort key -> id
  for (const auto* e : list) {
    subjects.insert(e->subjects.begin(), e->subjects.end());
    if (e->municipality) {
      const model::Municipality* m = c.model().find_municipality(*e->municipality);
      munis.emplace(c.collator().sort_key(m ? m->name.in(c.lang()) : *e->municipality) + '\x01' +
                        *e->municipality,
                    *e->municipality);
    }
  }
  FilterChoice muni{"municipality", c.t("filter.municipality"), "municipality", -1, {}};
  for (const auto& [key, id] : munis) {
    const model::Municipality* m = c.model().find_municipality(id);
    muni.options.push_back({id, m ? m->name.in(c.lang()) : id, {}});
  }
  return filter_choices_html(
      c, {{"subject", c.t("calendar.subject"), "subject", -1, subject_options(c, subjects, false)},
          std::move(muni)});
}

// Upcoming events in date order.
std::vector<size_t> upcoming_event_order(const model::Model& m, const rules::Results& r) {
  std::vector<size_t> out;
  for (size_t i = 0; i < m.events.size(); ++i) {
    if (r.event_upcoming[i]) out.push_back(i);
  }
  std::sort(out.begin(), out.end(), [&](size_t a, size_t b) {
    return std::tie(m.events[a].start, m.events[a].id) <
           std::tie(m.events[b].start, m.events[b].id);
  });
  return out;
}

// Past events in archive order: school year, newest first; within it the latest first.
std::vector<size_t> past_event_order(const model::Model& m, const rules::Results& r) {
  std::vector<size_t> past;
  for (size_t i = 0; i < m.events.size(); ++i) {
    if (!r.event_upcoming[i]) past.push_back(i);
  }
  std::sort(past.begin(), past.end(), [&](size_t a, size_t b) {
    return std::tie(m.events[b].start, m.events[b].id) <
           std::tie(m.events[a].start, m.events[a].id);
  });
  return past;
}

std::string archive_page_rel(int year, size_t page) {
  std::string rel = "pasakumi/" + school_year_slug(year) + "/";
  if (page > 0) rel += std::to_string(page + 1) + "/";
  return rel;
}

// The pages of `subject`: what is upcoming first (in date order), then what took place, by
// school year, newest first (the latest first within it), kOlympiadsPerPage a page; each
// olympiad links to its results page where it has one (olympiad_item).
void write_subject_pages(SiteContext& c, const std::string& subject,
                         const std::vector<const model::Olympiad*>& sorted) {
  const std::vector<model::Olympiad>& olympiads = c.model().olympiads;
  const std::vector<bool>& upcoming = c.results().olympiad_upcoming;
  std::vector<std::pair<std::string, const model::Olympiad*>> rows;  // heading, olympiad
  for (const auto* o : sorted) {
    if (o->subject == subject && upcoming[index_of(olympiads, *o)]) {
      rows.emplace_back(c.t("calendar.upcoming_olympiads"), o);
    }
  }
  std::vector<const model::Olympiad*> past;
  for (const auto* o : sorted) {
    if (o->subject == subject && !upcoming[index_of(olympiads, *o)]) past.push_back(o);
  }
  std::stable_sort(past.begin(), past.end(), [](auto* a, auto* b) {
    return std::tie(b->start, b->id) < std::tie(a->start, a->id);
  });
  for (const auto* o : past) {
    rows.emplace_back(util::fill(c.t("calendar.past_in_year"), "year",
                                 util::format_school_year(util::school_year_of(o->start), c.lang())),
                      o);
  }
  const std::string name = subject_name(c, subject);
  const std::string title = c.t("calendar.olympiads_title");
  const std::string page_title = util::fill(c.t("calendar.subject_title"), "subject", name);
  const std::string first = subject_page_rel(subject);
  std::vector<std::string> rels;
  for (size_t n = 1; (n - 1) * kOlympiadsPerPage < std::max<size_t>(rows.size(), 1); ++n) {
    rels.push_back(paged_rel(first, n));
  }
  for (size_t n = 1; n <= rels.size(); ++n) {
    Data months(Data::type::list);
    Data items(Data::type::list);
    std::string heading;
    auto flush = [&] {
      if (heading.empty()) return;
      Data m(Data::type::object);
      m.set("heading", heading);
      put(m, "items", std::move(items));
      append(months, std::move(m));
      items = Data(Data::type::list);
    };
    const size_t end = std::min(rows.size(), n * kOlympiadsPerPage);
    for (size_t i = (n - 1) * kOlympiadsPerPage; i < end; ++i) {
      if (rows[i].first != heading) {
        flush();
        heading = rows[i].first;
      }
      append(items, olympiad_item(c, *rows[i].second, false));
    }
    flush();
    std::vector<const model::Olympiad*> on_page;
    for (size_t i = (n - 1) * kOlympiadsPerPage; i < end; ++i) on_page.push_back(rows[i].second);
    Data body(Data::type::object);
    put(body, "filter_choices", text_data(olympiad_choices(c, on_page, false)));
    body.set("shown", c.t(rels.size() > 1 ? "filter.shown_page" : "filter.shown"));
    body.set("subject_page", flag(true));
    body.set("subject", name);
    put(body, "months", std::move(months));
    body.set("empty", flag(rows.empty()));
    body.set("ics_url", c.urls().page(c.lang(), "olimpiades/" + subject + ".ics"));
    body.set("all_url", c.urls().page(c.lang(), "olimpiades/"));
    body.set("subjects_url", c.urls().page(c.lang(), "olimpiades/") + "#prieksmeti");
    put(body, "pager", text_data(pager_html(c, rels, {}, n, page_title)));
    put(body, "next_page", text_data(next_page_html(c, rels, {}, n)));
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {title, c.urls().page(c.lang(), "olimpiades/")}};
    std::string t = page_title;
    if (n > 1) {
      crumbs.emplace_back(name, c.urls().page(c.lang(), first));
      t += ", " + util::fill(c.t("calendar.page_n"), "n", std::to_string(n));
    }
    c.emit(rels[n - 1], t, "olympiads", std::move(body), std::move(crumbs));
  }
}

}  // namespace

void write_olympiads(SiteContext& c) {
  const model::Model& m = c.model();
  const util::Date as_of = m.site.as_of;
  const std::vector<std::string> rels = olympiad_page_rels(m, c.results().current_school_year);
  const std::string host = host_of(c.model().site.base_url);
  std::vector<const model::Olympiad*> sorted;
  for (const auto& o : c.model().olympiads) sorted.push_back(&o);
  std::sort(sorted.begin(), sorted.end(),
            [](auto* a, auto* b) { return std::tie(a->start, a->id) < std::tie(b->start, b->id); });

  // Calendars: all olympiads, then one per subject.
  std::vector<CalendarEvent> all;
  std::map<std::string, std::vector<CalendarEvent>> by_subject;
  for (const auto* o : sorted) {
    all.push_back(olympiad_event(c, *o, rels[static_cast<size_t>(o - m.olympiads.data())], host));
    by_subject[o->subject].push_back(all.back());
  }
  const std::string site_title = c.model().site.title.in(c.lang());
  const std::string title = c.t("calendar.olympiads_title");
  c.write(c.urls().file(c.lang(), "olimpiades.ics"),
          write_calendar(calendar_prodid(c), site_title + " — " + title, all, as_of));
  // The subjects' feeds in Latvian (the page language's) collation of their names, then by id:
  // "Angļu valoda, Bioloģija, Ekonomika, Ķīmija", not the order of the English ids.
  const util::Collator& collator = util::Collator::for_language(c.lang());
  std::vector<std::pair<std::string, const std::string*>> subjects;
  for (const auto& [subject, events] : by_subject) {
    subjects.emplace_back(collator.sort_key(subject_name(c, subject)) + '\x01' + subject, &subject);
  }
  std::sort(subjects.begin(), subjects.end());
  Data feeds(Data::type::list);
  for (const auto& [key, id] : subjects) {
    const std::string& subject = *id;
    const std::vector<CalendarEvent>& events = by_subject[subject];
    std::string rel = "olimpiades/" + subject + ".ics";
    std::string name = subject_name(c, subject);
    c.write(c.urls().file(c.lang(), rel),
            write_calendar(calendar_prodid(c), site_title + " — " + title + ": " + name, events,
                           as_of));
    Data f(Data::type::object);
    f.set("label", name);
    f.set("url", c.urls().page(c.lang(), rel));
    f.set("page_url", c.urls().page(c.lang(), subject_page_rel(subject)));
    f.set("count", util::format_int(static_cast<int64_t>(events.size()), c.lang()));
    append(feeds, std::move(f));
  }

  // The page: the current school year (and any later one) by month; every earlier school year
  // on its own archive page, /olimpiades/2024-2025/, linked from each page (issue 21: a national
  // calendar on one page was 1.45 MB); kOlympiadsPerPage a page, /olimpiades/2/, … (a school
  // year of ~130 on one page was 139,416 px tall at 360 px).
  const int current = c.results().current_school_year;  // rules/period.h
  // School year (0: the current one and later) -> its pages' addresses -> the olympiads there.
  std::map<int, std::map<std::string, std::vector<const model::Olympiad*>>, std::greater<>> pages;
  std::map<int, std::vector<std::string>, std::greater<>> page_order;
  for (const auto* o : sorted) {
    const int year = util::school_year_of(o->start);
    const int key = year >= current ? 0 : year;
    const std::string& rel = rels[static_cast<size_t>(o - m.olympiads.data())];
    auto& list = pages[key][rel];
    if (list.empty()) page_order[key].push_back(rel);
    list.push_back(o);
  }
  if (page_order[0].empty()) page_order[0].push_back("olimpiades/");
  Data archives(Data::type::list);
  for (const auto& [year, order] : page_order) {
    if (year == 0) continue;
    Data y(Data::type::object);
    y.set("label", util::format_school_year(year, c.lang()));
    y.set("url", c.urls().page(c.lang(), order.front()));
    append(archives, std::move(y));
  }
  const bool has_archives = page_order.size() > 1;
  auto page = [&](const std::vector<const model::Olympiad*>& list, int year) {
    Data body(Data::type::object);
    body.set("school_year", util::format_school_year(year, c.lang()));
    put(body, "months", months_of(c, list));
    put(body, "filter_choices", text_data(olympiad_choices(c, list, true)));
    body.set("empty", flag(list.empty()));
    body.set("has_archives", flag(has_archives));
    put(body, "archives", archives);
    body.set("ics_url", c.urls().page(c.lang(), "olimpiades.ics"));
    body.set("has_feeds", flag(!subjects.empty()));
    put(body, "feeds", feeds);
    return body;
  };
  for (const auto& [key, order] : page_order) {
    const int year = key == 0 ? current : key;
    for (size_t n = 1; n <= order.size(); ++n) {
      Data body = page(pages[key][order[n - 1]], year);
      body.set("shown", c.t(order.size() > 1 ? "filter.shown_page" : "filter.shown"));
      put(body, "pager",
          text_data(pager_html(c, order, {}, n,
                               title + " " + util::format_school_year(year, c.lang()))));
      std::string page_title = title;
      if (key != 0) page_title += " " + util::format_school_year(year, c.lang());
      if (n > 1) {
        page_title += ", " + util::fill(c.t("calendar.page_n"), "n", std::to_string(n));
      }
      Crumbs crumbs;
      if (key != 0 || n > 1) {
        crumbs = {{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {title, c.urls().page(c.lang(), "olimpiades/")}};
      }
      c.emit(order[n - 1], page_title, "olympiads", std::move(body), std::move(crumbs));
    }
  }
  for (const auto* o : sorted) {
    if (c.results().olympiad_upcoming[index_of(m.olympiads, *o)] || o->results.empty()) continue;
    Data body(Data::type::object);
    put(body, "item", olympiad_item(c, *o, true));
    const std::string& rel = rels[static_cast<size_t>(o - m.olympiads.data())];
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {title, c.urls().page(c.lang(), "olimpiades/")}};
    if (rel != "olimpiades/") {
      crumbs.emplace_back(util::format_school_year(util::school_year_of(o->start), c.lang()),
                          c.urls().page(c.lang(), rel));
    }
    c.emit(results_rel(*o), c.t("calendar.results") + ": " + olympiad_label(c, *o),
           "olympiad_results", std::move(body), std::move(crumbs));
  }
  for (const auto& [key, id] : subjects) write_subject_pages(c, *id, sorted);
}

void write_materials(SiteContext& c) {
  const auto& materials = c.model().materials;
  std::vector<size_t> order(materials.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(materials[a].deadline, materials[a].id) <
           std::tie(materials[b].deadline, materials[b].id);
  });
  Data items(Data::type::list);
  std::set<std::string> subjects_present;
  std::set<model::MaterialLevel> levels_present;
  std::set<std::string> states_present;
  for (size_t i : order) {
    const model::Material& m = materials[i];
    const rules::MaterialStatusResult& r = c.results().materials[i];
    Data it(Data::type::object);
    it.set("id", m.id);
    it.set("title", m.title.in(c.lang()));
    std::string subject_ids;
    for (const std::string& s : m.subjects) {
      if (!subject_ids.empty()) subject_ids += ' ';
      subject_ids += s;
    }
    it.set("subject_ids", subject_ids);
    it.set("level_id", std::string(enum_key(model::kMaterialLevels, m.level)));
    subjects_present.insert(m.subjects.begin(), m.subjects.end());
    levels_present.insert(m.level);
    std::string key;
    switch (r.state) {
      case rules::MaterialState::kPublished:
        key = r.published_late ? "published_late" : "published";
        break;
      case rules::MaterialState::kOverdue:
        key = "overdue";
        break;
      case rules::MaterialState::kDueSoon:
        key = "due_soon";
        break;
      case rules::MaterialState::kOnTrack:
        key = "on_track";
        break;
    }
    // An unpublished material shows its editorial status and its deadline state:
    // "plānots; termiņš nav tuvu", "tiek recenzēts; tuvojas termiņš".
    std::string status = c.t("calendar.status." + key);
    if (r.state != rules::MaterialState::kPublished) {
      status = c.t("calendar.editorial." +
                   std::string(enum_key(model::kMaterialStatuses, r.editorial))) +
               "; " + status;
    }
    it.set("status", status);
    it.set("status_class", key);
    states_present.insert(key);
    it.set("deadline", util::format_date_numeric(m.deadline, c.lang()));
    if (m.published) it.set("published", util::format_date_numeric(*m.published, c.lang()));
    if (r.state == rules::MaterialState::kDueSoon || r.state == rules::MaterialState::kOnTrack) {
      it.set("days_left", util::fill(c.t("calendar.days_left"), "days",
                               util::format_int(r.days_to_deadline, c.lang())));
    } else if (r.state == rules::MaterialState::kOverdue) {
      it.set("days_left", util::fill(c.t("calendar.days_overdue"), "days",
                               util::format_int(-r.days_to_deadline, c.lang())));
    }
    std::string subjects;
    for (const std::string& s : m.subjects) {
      if (!subjects.empty()) subjects += ", ";
      subjects += subject_name(c, s);
    }
    if (!subjects.empty()) it.set("subjects", subjects);
    it.set("level", c.t("calendar.material_level." +
                        std::string(enum_key(model::kMaterialLevels, m.level))));
    if (!m.url.empty()) it.set("url", m.url);
    append(items, std::move(it));
  }
  // With JavaScript on, the list narrows by subject, level and deadline state (issue 21); the
  // options are those the materials have, levels in the data model's order, states in the order
  // a deadline passes.
  FilterChoice level{"level", c.t("calendar.level_label"), "level", -1, {}};
  for (const auto& [key, value] : model::kMaterialLevels) {
    if (levels_present.contains(value)) {
      level.options.push_back(
          {std::string(key), c.t("calendar.material_level." + std::string(key)), {}});
    }
  }
  FilterChoice state{"state", c.t("calendar.status_label"), "state", -1, {}};
  for (const char* key : {"on_track", "due_soon", "overdue", "published", "published_late"}) {
    if (states_present.contains(key)) {
      state.options.push_back({key, c.t("calendar.status." + std::string(key)), {}});
    }
  }
  Data body(Data::type::object);
  put(body, "filter_choices",
      text_data(filter_choices_html(
          c, {{"subject", c.t("calendar.subject"), "subject", -1,
               subject_options(c, subjects_present, false)},
              std::move(level), std::move(state)})));
  put(body, "items", std::move(items));
  body.set("empty", flag(materials.empty()));
  body.set("as_of", util::format_date_numeric(c.model().site.as_of, c.lang()));
  c.emit("materiali/", c.t("calendar.materials_title"), "materials", std::move(body));
}

void write_events(SiteContext& c) {
  const model::Model& m = c.model();
  const util::Date as_of = m.site.as_of;
  const std::string host = host_of(m.site.base_url);
  const std::vector<std::string> rels = event_page_rels(m, c.results());
  std::vector<const model::Event*> upcoming;
  for (const auto& e : m.events) {
    if (c.results().event_upcoming[index_of(m.events, e)]) upcoming.push_back(&e);
  }
  std::sort(upcoming.begin(), upcoming.end(),
            [](auto* a, auto* b) { return std::tie(a->start, a->id) < std::tie(b->start, b->id); });
  std::vector<size_t> past = past_event_order(m, c.results());

  auto item = [&](const model::Event& e) {
    Data it(Data::type::object);
    it.set("id", e.id);
    it.set("title", e.title.in(c.lang()));
    it.set("when", event_when(e, c.lang()));
    if (e.hours > 0)
      it.set("hours",
             util::format_decimal(e.hours, e.hours == static_cast<int>(e.hours) ? 0 : 1, c.lang()));
    it.set("format",
           c.t("calendar.format." + std::string(enum_key(model::kEventFormats, e.format))));
    std::string audience;
    for (model::Audience a : e.audience) {
      if (!audience.empty()) audience += ", ";
      audience += c.t("calendar.audience." + std::string(enum_key(model::kAudiences, a)));
    }
    if (!audience.empty()) it.set("audience", audience);
    std::string level = c.t("calendar.level." + std::string(enum_key(model::kLevels, e.level)));
    if (e.municipality) {
      const model::Municipality* m = c.model().find_municipality(*e.municipality);
      level += ", " + (m ? m->name.in(c.lang()) : *e.municipality);
    }
    if (e.school) {
      const model::Institution* inst = c.model().find_institution(*e.school);
      level += ", " + (inst ? inst->name.in(c.lang()) : *e.school);
    }
    it.set("level", level);
    std::string subjects;
    for (const std::string& s : e.subjects) {
      if (!subjects.empty()) subjects += ", ";
      subjects += subject_name(c, s);
    }
    if (!subjects.empty()) it.set("subjects", subjects);
    // For the list filter's choices (list-filter.js): ids, the same in every language.
    std::string subject_ids;
    for (const std::string& s : e.subjects) subject_ids += (subject_ids.empty() ? "" : " ") + s;
    it.set("subject_ids", subject_ids);
    it.set("municipality_id", e.municipality.value_or(""));
    if (!e.location.empty()) it.set("location", e.location);
    if (!e.url.empty()) it.set("url", e.url);
    return it;
  };
  auto event = [&](const model::Event& e) {
    CalendarEvent ev;
    ev.uid = "event-" + e.id + "@" + host;
    ev.summary = e.title.in(c.lang());
    ev.location = e.location;
    ev.url = e.url.empty()
                 ? c.urls().absolute(c.lang(), rels[static_cast<size_t>(&e - m.events.data())]) +
                       "#" + e.id
                 : e.url;
    std::string desc =
        c.t("calendar.format_label") + ": " +
        c.t("calendar.format." + std::string(enum_key(model::kEventFormats, e.format)));
    if (e.hours > 0)
      desc += "\n" + c.t("calendar.hours") + ": " + util::format_decimal(e.hours, 1, c.lang());
    ev.description = desc;
    ev.start = e.start;
    ev.end = e.end;
    for (const std::string& s : e.subjects) ev.categories.push_back(subject_name(c, s));
    return ev;
  };

  // /pasakumi/: what is upcoming; what took place is on the archive pages of its school year
  // (issue 21: 800 events on one page), linked from every calendar page.
  std::vector<Data> up;  // a list per page: pasakumi/, pasakumi/2/, … (event_page_rels)
  std::vector<std::vector<const model::Event*>> up_events;  // for the filter's choices
  std::vector<std::string> up_rels;
  std::vector<CalendarEvent> feed;
  for (const auto* e : upcoming) {
    const std::string& rel = rels[static_cast<size_t>(e - m.events.data())];
    if (up_rels.empty() || up_rels.back() != rel) {
      up_rels.push_back(rel);
      up.emplace_back(Data::type::list);
      up_events.emplace_back();
    }
    append(up.back(), item(*e));
    up_events.back().push_back(e);
    feed.push_back(event(*e));
  }
  if (up_rels.empty()) {
    up_rels.push_back("pasakumi/");
    up.emplace_back(Data::type::list);
    up_events.emplace_back();
  }
  // Archive pages in order, each with its events.
  std::vector<std::pair<std::string, Data>> pages;
  std::vector<std::vector<const model::Event*>> page_events;
  std::vector<std::pair<int, size_t>> page_years;  // school year, page number in it
  for (size_t i : past) {
    if (pages.empty() || pages.back().first != rels[i]) {
      const int y = util::school_year_of(m.events[i].start.date);
      const size_t n =
          !page_years.empty() && page_years.back().first == y ? page_years.back().second + 1 : 0;
      pages.emplace_back(rels[i], Data(Data::type::list));
      page_events.emplace_back();
      page_years.emplace_back(y, n);
    }
    append(pages.back().second, item(m.events[i]));
    page_events.back().push_back(&m.events[i]);
    feed.push_back(event(m.events[i]));
  }
  const std::string title = c.t("calendar.events_title");
  c.write(
      c.urls().file(c.lang(), "pasakumi.ics"),
      write_calendar(calendar_prodid(c), m.site.title.in(c.lang()) + " — " + title, feed, as_of));
  Data archives(Data::type::list);
  for (size_t p = 0; p < pages.size(); ++p) {
    Data y(Data::type::object);
    std::string label = util::format_school_year(page_years[p].first, c.lang());
    if (page_years[p].second > 0 ||
        (p + 1 < pages.size() && page_years[p + 1].first == page_years[p].first)) {
      label += ", " + util::fill(c.t("calendar.page_n"), "n", std::to_string(page_years[p].second + 1));
    }
    y.set("label", label);
    y.set("url", c.urls().page(c.lang(), pages[p].first));
    append(archives, std::move(y));
  }
  for (size_t p = 0; p < pages.size(); ++p) {
    Data body(Data::type::object);
    body.set("archive", flag(true));
    put(body, "filter_choices", text_data(event_choices(c, page_events[p])));
    body.set("has_past", flag(true));
    put(body, "past", std::move(pages[p].second));
    body.set("has_archives", flag(true));
    put(body, "archives", archives);
    body.set("ics_url", c.urls().page(c.lang(), "pasakumi.ics"));
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {title, c.urls().page(c.lang(), "pasakumi/")}};
    std::string page_title = title + " " + util::format_school_year(page_years[p].first, c.lang());
    if (page_years[p].second > 0) {
      page_title +=
          ", " + util::fill(c.t("calendar.page_n"), "n", std::to_string(page_years[p].second + 1));
    }
    c.emit(pages[p].first, page_title, "events", std::move(body), std::move(crumbs));
  }
  for (size_t n = 1; n <= up_rels.size(); ++n) {
    Data body(Data::type::object);
    body.set("has_upcoming", flag(!upcoming.empty()));
    put(body, "filter_choices", text_data(event_choices(c, up_events[n - 1])));
    body.set("shown", c.t(up_rels.size() > 1 ? "filter.shown_page" : "filter.shown"));
    put(body, "upcoming", std::move(up[n - 1]));
    body.set("no_upcoming", flag(upcoming.empty()));
    put(body, "pager", text_data(pager_html(c, up_rels, {}, n, c.t("calendar.upcoming_events"))));
    body.set("has_archives", flag(!pages.empty()));
    put(body, "archives", archives);
    body.set("ics_url", c.urls().page(c.lang(), "pasakumi.ics"));
    if (n == 1) {
      c.emit("pasakumi/", title, "events", std::move(body));
    } else {
      Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                    {title, c.urls().page(c.lang(), "pasakumi/")}};
      c.emit(up_rels[n - 1],
             title + ", " + util::fill(c.t("calendar.page_n"), "n", std::to_string(n)), "events",
             std::move(body), std::move(crumbs));
    }
  }
}

std::string school_year_slug(int end_year) {
  return std::to_string(end_year - 1) + "-" + std::to_string(end_year);
}

std::vector<std::string> olympiad_page_rels(const model::Model& m, int current) {
  std::vector<size_t> order(m.olympiads.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(m.olympiads[a].start, m.olympiads[a].id) <
           std::tie(m.olympiads[b].start, m.olympiads[b].id);
  });
  std::vector<std::string> rels(m.olympiads.size());
  std::map<int, size_t> count;  // school year (0: the current one and later) -> listed so far
  for (size_t i : order) {
    const int year = util::school_year_of(m.olympiads[i].start);
    const int key = year >= current ? 0 : year;
    const std::string base =
        key == 0 ? std::string("olimpiades/") : "olimpiades/" + school_year_slug(year) + "/";
    rels[i] = paged_rel(base, count[key]++ / kOlympiadsPerPage + 1);
  }
  return rels;
}

std::vector<std::string> event_page_rels(const model::Model& m, const rules::Results& r) {
  std::vector<std::string> rels(m.events.size(), "pasakumi/");
  size_t k = 0;
  for (size_t i : upcoming_event_order(m, r)) rels[i] = paged_rel("pasakumi/", k++ / kEventsPerPage + 1);
  int year = 0;
  size_t n = 0;
  for (size_t i : past_event_order(m, r)) {
    const int y = util::school_year_of(m.events[i].start.date);
    if (y != year) year = y, n = 0;
    rels[i] = archive_page_rel(y, n++ / kEventsPerPage);
  }
  return rels;
}

}  // namespace metodika::render::site
