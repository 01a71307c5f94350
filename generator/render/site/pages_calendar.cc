// When: olympiads, material deadlines, professional development events (issue 4: /olimpiades/,
// /materiali/, /pasakumi/, with iCalendar feeds).
//
// /olimpiades/ shows the school year that contains `as_of` grouped by month (one h2 per month),
// then every other school year in its own section (newest first), so earlier results stay
// reachable without crowding the current calendar.
#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "render/common/ical.h"
#include "render/common/municipality_tables.h"
#include "render/site/pages.h"
#include "rules/material_status.h"
#include "rules/upcoming.h"
#include "util/collate.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render::site {
namespace {

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

CalendarEvent olympiad_event(const SiteContext& c, const model::Olympiad& o,
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
  ev.url = c.urls().absolute(c.lang(), "olimpiades/") + "#" + o.id;
  ev.start = util::DateTime{o.start, 0, 0, false};
  ev.end = util::DateTime{o.end, 0, 0, false};
  ev.categories = {subject_name(c, o.subject)};
  return ev;
}

Data olympiad_item(const SiteContext& c, const model::Olympiad& o, util::Date as_of) {
  Data it(Data::type::object);
  it.set("id", o.id);
  it.set("title", olympiad_label(c, o));
  it.set("subject", subject_name(c, o.subject));
  it.set("stage", c.t("calendar.stage." + std::string(enum_key(model::kOlympiadStages, o.stage))));
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
  bool upcoming = rules::is_upcoming(o, as_of);
  it.set("upcoming", flag(upcoming));
  if (!upcoming) {
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
Data months_of(const SiteContext& c, const std::vector<const model::Olympiad*>& olympiads,
               util::Date as_of) {
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
    append(items, olympiad_item(c, *o, as_of));
  }
  flush();
  return months;
}

}  // namespace

void write_olympiads(SiteContext& c) {
  const util::Date as_of = c.model().site.as_of;
  const std::string host = host_of(c.model().site.base_url);
  std::vector<const model::Olympiad*> sorted;
  for (const auto& o : c.model().olympiads) sorted.push_back(&o);
  std::sort(sorted.begin(), sorted.end(),
            [](auto* a, auto* b) { return std::tie(a->start, a->id) < std::tie(b->start, b->id); });

  // Calendars: all olympiads, then one per subject.
  std::vector<CalendarEvent> all;
  std::map<std::string, std::vector<CalendarEvent>> by_subject;
  for (const auto* o : sorted) {
    all.push_back(olympiad_event(c, *o, host));
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
    append(feeds, std::move(f));
  }

  // The page: the current school year by month, then the other school years, newest first.
  const int current = c.results().current_school_year;  // rules/period.h
  std::map<int, std::vector<const model::Olympiad*>, std::greater<>> by_year;
  for (const auto* o : sorted) by_year[util::school_year_of(o->start)].push_back(o);
  Data body(Data::type::object);
  body.set("school_year", util::format_school_year(current, c.lang()));
  put(body, "months", months_of(c, by_year[current], as_of));
  body.set("empty", flag(by_year[current].empty()));
  Data others(Data::type::list);
  for (const auto& [year, list] : by_year) {
    if (year == current || list.empty()) continue;
    Data y(Data::type::object);
    y.set("heading", util::format_school_year(year, c.lang()));
    put(y, "months", months_of(c, list, as_of));
    append(others, std::move(y));
  }
  put(body, "other_years", std::move(others));
  body.set("ics_url", c.urls().page(c.lang(), "olimpiades.ics"));
  put(body, "feeds", std::move(feeds));
  c.emit("olimpiades/", title, "olympiads", std::move(body));
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
  for (size_t i : order) {
    const model::Material& m = materials[i];
    const rules::MaterialStatusResult& r = c.results().materials[i];
    Data it(Data::type::object);
    it.set("id", m.id);
    it.set("title", m.title.in(c.lang()));
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
  Data body(Data::type::object);
  put(body, "items", std::move(items));
  body.set("empty", flag(materials.empty()));
  body.set("as_of", util::format_date_numeric(c.model().site.as_of, c.lang()));
  c.emit("materiali/", c.t("calendar.materials_title"), "materials", std::move(body));
}

void write_events(SiteContext& c) {
  const util::Date as_of = c.model().site.as_of;
  const std::string host = host_of(c.model().site.base_url);
  std::vector<const model::Event*> upcoming, past;
  for (const auto& e : c.model().events) {
    (rules::is_upcoming(e, as_of) ? upcoming : past).push_back(&e);
  }
  std::sort(upcoming.begin(), upcoming.end(),
            [](auto* a, auto* b) { return std::tie(a->start, a->id) < std::tie(b->start, b->id); });
  std::sort(past.begin(), past.end(),
            [](auto* a, auto* b) { return std::tie(b->start, b->id) < std::tie(a->start, a->id); });

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
    if (!e.location.empty()) it.set("location", e.location);
    if (!e.url.empty()) it.set("url", e.url);
    return it;
  };
  auto event = [&](const model::Event& e) {
    CalendarEvent ev;
    ev.uid = "event-" + e.id + "@" + host;
    ev.summary = e.title.in(c.lang());
    ev.location = e.location;
    ev.url = e.url.empty() ? c.urls().absolute(c.lang(), "pasakumi/") + "#" + e.id : e.url;
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

  Data up(Data::type::list), done(Data::type::list);
  std::vector<CalendarEvent> feed;
  for (const auto* e : upcoming) {
    append(up, item(*e));
    feed.push_back(event(*e));
  }
  for (const auto* e : past) {
    append(done, item(*e));
    feed.push_back(event(*e));
  }
  const std::string title = c.t("calendar.events_title");
  c.write(c.urls().file(c.lang(), "pasakumi.ics"),
          write_calendar(calendar_prodid(c), c.model().site.title.in(c.lang()) + " — " + title,
                         feed, as_of));
  Data body(Data::type::object);
  body.set("has_upcoming", flag(!upcoming.empty()));
  put(body, "upcoming", std::move(up));
  body.set("has_past", flag(!past.empty()));
  put(body, "past", std::move(done));
  body.set("no_upcoming", flag(upcoming.empty()));
  body.set("ics_url", c.urls().page(c.lang(), "pasakumi.ics"));
  c.emit("pasakumi/", title, "events", std::move(body));
}

}  // namespace metodika::render::site
