// generator/render/site/pages_calendar.cc: olympiads, materials and events pages and their
// iCalendar feeds, on the test site kurzeme-json (as of 2026-11-22, see its README.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "render/site/pages.h"
#include "render/site/site.h"
#include "rules/results.h"

namespace metodika::render::site {
namespace {

struct Rendered {
  util::MemorySink out;
  model::Model model;
};

// `grow` may add to the model before the rules run (a national number of events).
std::unique_ptr<Rendered> render_kurzeme(const std::function<void(model::Model&)>& grow = {}) {
  auto r = std::make_unique<Rendered>();
  diag::Diagnostics diags;
  const std::string dir = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";
  auto sources = load::load_site(dir, {}, diags);
  r->model = model::build_model(sources, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  if (grow) grow(r->model);
  rules::Results results = rules::compute(r->model);
  load::Theme theme = load::load_theme(dir, r->model.site.theme, r->model.site.languages, diags);
  (void)render_site(r->model, results, theme, r->out, diags);
  REQUIRE_FALSE(diags.has_errors());
  return r;
}

const std::string& file(const Rendered& r, const std::string& path) {
  REQUIRE_MESSAGE(r.out.files().count(path) == 1, path);
  return r.out.files().at(path);
}

// The unfolded content lines of an iCalendar object, after checking its framing: CRLF only,
// every physical line at most 75 octets (RFC 5545 3.1).
std::vector<std::string> ical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  REQUIRE(ics.size() >= 2);
  REQUIRE(ics.substr(ics.size() - 2) == "\r\n");
  size_t start = 0;
  while (start < ics.size()) {
    size_t crlf = ics.find("\r\n", start);
    REQUIRE(crlf != std::string::npos);
    std::string line = ics.substr(start, crlf - start);
    CHECK_MESSAGE(line.size() <= 75, line);
    CHECK_MESSAGE(line.find('\n') == std::string::npos, line);
    CHECK_MESSAGE(line.find('\r') == std::string::npos, line);
    if (!line.empty() && line[0] == ' ') {
      REQUIRE_FALSE(lines.empty());
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
    start = crlf + 2;
  }
  return lines;
}

size_t count(const std::vector<std::string>& lines, const std::string& line) {
  return static_cast<size_t>(std::count(lines.begin(), lines.end(), line));
}

std::vector<std::string> with_prefix(const std::vector<std::string>& lines, std::string_view p) {
  std::vector<std::string> out;
  for (const auto& l : lines) {
    if (l.starts_with(p)) out.push_back(l);
  }
  return out;
}

TEST_CASE("the olympiad calendar parses: CRLF, folded, balanced, one VEVENT per olympiad") {
  auto r = render_kurzeme();
  for (const std::string path : {"olimpiades.ics", "en/olimpiades.ics"}) {
    auto lines = ical_lines(file(*r, path));
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(count(lines, "BEGIN:VCALENDAR") == 1);
    CHECK(count(lines, "BEGIN:VEVENT") == r->model.olympiads.size());
    CHECK(count(lines, "END:VEVENT") == r->model.olympiads.size());
    int depth = 0;
    for (const auto& l : lines) {
      if (l.starts_with("BEGIN:")) ++depth;
      if (l.starts_with("END:")) --depth;
      CHECK(depth >= 0);
    }
    CHECK(depth == 0);
    for (const auto& o : r->model.olympiads) {
      CHECK_MESSAGE(count(lines, "UID:olympiad-" + o.id + "@kurzeme.example.lv") == 1, o.id);
    }
    for (const auto& l : with_prefix(lines, "DTSTAMP:")) CHECK(l == "DTSTAMP:20261122T000000Z");
    // All-day events.
    CHECK(with_prefix(lines, "DTSTART;VALUE=DATE:").size() == r->model.olympiads.size());
  }
  // The multi-day olympiad ends on the day after its last day (DTEND is exclusive).
  auto lines = ical_lines(file(*r, "olimpiades.ics"));
  CHECK(count(lines, "DTSTART;VALUE=DATE:20260320") == 1);
  CHECK(count(lines, "DTEND;VALUE=DATE:20260323") == 1);
}

TEST_CASE("UIDs are stable: the same in every language and in the per-subject calendars") {
  auto r = render_kurzeme();
  auto uids = with_prefix(ical_lines(file(*r, "olimpiades.ics")), "UID:");
  CHECK(uids == with_prefix(ical_lines(file(*r, "en/olimpiades.ics")), "UID:"));
  auto again = render_kurzeme();
  CHECK(file(*r, "olimpiades.ics") == file(*again, "olimpiades.ics"));
  size_t per_subject = 0;
  for (const auto& o : r->model.olympiads) {
    auto lines = ical_lines(file(*r, "olimpiades/" + o.subject + ".ics"));
    CHECK(count(lines, "UID:olympiad-" + o.id + "@kurzeme.example.lv") == 1);
  }
  for (const auto& [path, text] : r->out.files()) {
    if (path.starts_with("olimpiades/") && path.ends_with(".ics")) {
      per_subject += with_prefix(ical_lines(text), "UID:").size();
    }
  }
  CHECK(per_subject == r->model.olympiads.size());
}

TEST_CASE("the olympiad page links its calendars and shows months, stages, grades and results") {
  auto r = render_kurzeme();
  const auto& page = file(*r, "olimpiades/index.html");
  CHECK(page.find("<a href=\"/olimpiades.ics\" type=\"text/calendar\">") != std::string::npos);
  CHECK(page.find("href=\"/olimpiades/mathematics.ics\" type=\"text/calendar\"") !=
        std::string::npos);
  CHECK(page.find("<h2>2026. gada decembris</h2>") != std::string::npos);
  CHECK(page.find("10.–12. klase") != std::string::npos);
  // Past olympiads (the previous school year) with results, linked to the schools, are on the
  // archive page of their school year, linked from the calendar.
  CHECK(page.find("<a href=\"/olimpiades/2025-2026/\">Olimpiādes 2025./2026. m. g.</a>") !=
        std::string::npos);
  CHECK(page.find("20.03.2026.–22.03.2026.") == std::string::npos);
  const auto& archive = file(*r, "olimpiades/2025-2026/index.html");
  CHECK(archive.find("20.03.2026.–22.03.2026.") != std::string::npos);
  CHECK(archive.find("valsts posms") != std::string::npos);
  // Results are one click away, on the olympiad's own page (bounded list pages, issue 21).
  const size_t link = archive.find("<a href=\"/olimpiades/rezultati/math-2026-regional-kurzeme/\">");
  REQUIRE(link != std::string::npos);
  CHECK(archive.find("<table class=\"cal-results\">") == std::string::npos);
  const auto& results = file(*r, "olimpiades/rezultati/math-2026-regional-kurzeme/index.html");
  CHECK(results.find("<table class=\"cal-results\">") != std::string::npos);
  CHECK(results.find("<a href=\"/iestades/") != std::string::npos);
  // The current school year comes first.
  CHECK(page.find("english-2026-regional-kurzeme") < page.find("math-2026-regional-kurzeme"));
  const auto& en = file(*r, "en/olimpiades/index.html");
  CHECK(en.find("href=\"/en/olimpiades.ics\"") != std::string::npos);
  CHECK(en.find("December 2026") != std::string::npos);
  CHECK(en.find("Grades 10–12") != std::string::npos);
}

TEST_CASE("materials are on a deadline timeline with their status as text, as of as_of") {
  auto r = render_kurzeme();
  const auto& page = file(*r, "materiali/index.html");
  auto status_of = [&](const std::string& id) {
    size_t at = page.find("id=\"" + id + "\"");
    REQUIRE_MESSAGE(at != std::string::npos, id);
    size_t s = page.find("class=\"cal-status", at);
    REQUIRE(s != std::string::npos);
    return page.substr(s, page.find("</p>", s) - s);
  };
  CHECK(status_of("kurzeme-math-grade7-2025").find("publicēts, nokavējot termiņu") !=
        std::string::npos);
  CHECK(status_of("kurzeme-history-sources-2026").find("nokavēts termiņš") != std::string::npos);
  CHECK(status_of("kurzeme-english-speaking-2026").find("tuvojas termiņš") != std::string::npos);
  CHECK(status_of("kurzeme-design-2027").find("termiņš nav tuvu") != std::string::npos);
  // Sorted by deadline.
  CHECK(page.find("kurzeme-math-grade7-2025") < page.find("kurzeme-history-sources-2026"));
  CHECK(page.find("kurzeme-history-sources-2026") < page.find("kurzeme-english-speaking-2026"));
  CHECK(page.find("kurzeme-english-speaking-2026") < page.find("kurzeme-design-2027"));
  CHECK(page.find("31.08.2025.") != std::string::npos);
  const auto& en = file(*r, "en/materiali/index.html");
  CHECK(en.find("published after the deadline") != std::string::npos);
  CHECK(en.find("due soon") != std::string::npos);
}

TEST_CASE("events: upcoming first in date order; past ones on their school year's archive") {
  auto r = render_kurzeme();
  const auto& page = file(*r, "pasakumi/index.html");
  size_t a = page.find("id=\"talsi-kimijas-darbnica-2026-11-25\"");
  size_t b = page.find("id=\"visc-vaditaju-macibas-2026-12-03\"");
  size_t c = page.find("id=\"kuldiga-anglu-webinars-2027-01-20\"");
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c != std::string::npos);
  // Past events, most recent first, on the archive page of their school year, linked from the
  // calendar (issue 21: bounded pages).
  CHECK(page.find("id=\"liepaja-metodiska-diena-2026-08-25\"") == std::string::npos);
  CHECK(page.find("href=\"/pasakumi/2025-2026/\"") != std::string::npos);
  const auto& archive = file(*r, "pasakumi/2025-2026/index.html");
  CHECK(archive.find("id=\"notikusie\"") != std::string::npos);
  CHECK(archive.find("id=\"liepaja-metodiska-diena-2026-08-25\"") != std::string::npos);
  CHECK(page.find("20.01.2027. 15:00–16:30") != std::string::npos);
  CHECK(page.find("tiešsaistē") != std::string::npos);
  CHECK(page.find("<a href=\"/pasakumi.ics\" type=\"text/calendar\">") != std::string::npos);
  auto lines = ical_lines(file(*r, "pasakumi.ics"));
  CHECK(count(lines, "BEGIN:VEVENT") == r->model.events.size());
  CHECK(count(lines, "UID:event-kuldiga-anglu-webinars-2027-01-20@kurzeme.example.lv") == 1);
  CHECK(count(lines, "DTSTART;TZID=Europe/Riga:20270120T150000") == 1);
  CHECK(count(lines, "BEGIN:VTIMEZONE") == 1);
}

TEST_CASE("a national number of upcoming events and olympiads goes on numbered pages") {
  // Copies of an upcoming event and of a current olympiad, days apart (issue 21: 240 upcoming
  // events on /pasakumi/ were 143,945 px tall at 360 px).
  const size_t events = kEventsPerPage * 2 + 7, olympiads = kOlympiadsPerPage + 3;
  auto r = render_kurzeme([&](model::Model& m) {
    const auto e = std::find_if(m.events.begin(), m.events.end(), [](const model::Event& x) {
      return x.id == "kuldiga-anglu-webinars-2027-01-20";
    });
    REQUIRE(e != m.events.end());
    const model::Event event = *e;
    for (size_t i = 0; i < events; ++i) {
      model::Event copy = event;
      copy.id = "copy-" + std::to_string(1000 + i);
      m.events.push_back(copy);
    }
    const model::Olympiad olympiad = m.olympiads.back();
    for (size_t i = 0; i < olympiads; ++i) {
      model::Olympiad copy = olympiad;
      copy.id = "copy-o-" + std::to_string(1000 + i);
      copy.start = copy.end = util::Date{2027, 3, 1};
      copy.results.clear();
      m.olympiads.push_back(copy);
    }
  });
  const std::vector<std::string> rels = event_page_rels(r->model, rules::compute(r->model));
  CHECK(file(*r, "pasakumi/index.html").find("href=\"/pasakumi/3/\"") != std::string::npos);
  CHECK(r->out.files().count("pasakumi/4/index.html") == 0);
  // Every upcoming event is on the page event_page_rels names (the search index and the feed
  // link there), and no page has more than kEventsPerPage.
  std::map<std::string, size_t> per_page;
  for (size_t i = 0; i < r->model.events.size(); ++i) {
    const std::string& page = file(*r, rels[i] + "index.html");
    CHECK_MESSAGE(page.find("id=\"" + r->model.events[i].id + "\"") != std::string::npos, rels[i]);
    ++per_page[rels[i]];
  }
  for (const auto& [rel, n] : per_page) CHECK_MESSAGE(n <= kEventsPerPage, rel);
  CHECK(per_page["pasakumi/3/"] > 0);
  const std::vector<std::string> orels =
      olympiad_page_rels(r->model, rules::current_school_year(r->model.site.as_of));
  for (size_t i = 0; i < r->model.olympiads.size(); ++i) {
    const std::string& page = file(*r, orels[i] + "index.html");
    CHECK_MESSAGE(page.find("id=\"" + r->model.olympiads[i].id + "\"") != std::string::npos,
                  orels[i]);
  }
  CHECK(std::count(orels.begin(), orels.end(), "olimpiades/2/") > 0);
  CHECK(file(*r, "olimpiades/2/index.html").find("aria-current=\"page\"") != std::string::npos);
}

}  // namespace
}  // namespace metodika::render::site
