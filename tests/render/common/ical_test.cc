#include "render/common/ical.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace metodika::render {

namespace {

constexpr std::string_view kProdid = "-//VISC//Metodika//LV";
constexpr util::Date kAsOf{2026, 9, 1};

// A minimal reader, independent of the writer, to check that the output round-trips.

// Physical lines: the text split at CRLF. Fails the test on a bare CR or LF or a missing final
// CRLF (RFC 5545 3.1: every content line ends with CRLF).
std::vector<std::string> physical_lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const size_t end = text.find("\r\n");
    REQUIRE(end != std::string_view::npos);
    const std::string_view line = text.substr(0, end);
    CHECK(line.find_first_of("\r\n") == std::string_view::npos);
    lines.emplace_back(line);
    text.remove_prefix(end + 2);
  }
  return lines;
}

// RFC 5545 3.1 unfolding: a CRLF followed by one space or tab is removed.
std::vector<std::string> unfold(std::string_view text) {
  std::vector<std::string> logical;
  for (const std::string& line : physical_lines(text)) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      REQUIRE(!logical.empty());
      logical.back() += line.substr(1);
    } else {
      logical.push_back(line);
    }
  }
  return logical;
}

// RFC 5545 3.3.11, the reverse of the writer's escaping.
std::string unescape_text(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      const char next = value[++i];
      out += (next == 'n' || next == 'N') ? '\n' : next;
    } else {
      out += value[i];
    }
  }
  return out;
}

// The raw value of every logical line whose name (with parameters) is `name`.
std::vector<std::string> values(std::string_view text, std::string_view name) {
  std::vector<std::string> found;
  for (const std::string& line : unfold(text)) {
    if (line.size() > name.size() && line.compare(0, name.size(), name) == 0 &&
        line[name.size()] == ':') {
      found.push_back(line.substr(name.size() + 1));
    }
  }
  return found;
}

void check_line_lengths(std::string_view text) {
  for (const std::string& line : physical_lines(text)) {
    CHECK_MESSAGE(line.size() <= 75, line);
  }
}

CalendarEvent all_day(std::string uid, util::Date first, util::Date last) {
  CalendarEvent event;
  event.uid = std::move(uid);
  event.summary = "Olimpiāde";
  event.start = {first, 0, 0, false};
  event.end = {last, 0, 0, false};
  return event;
}

}  // namespace

TEST_CASE("write_calendar: an empty calendar has the header and no VTIMEZONE") {
  const std::string ics = write_calendar(kProdid, "Olimpiādes", {}, kAsOf);
  CHECK(ics ==
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//VISC//Metodika//LV\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
        "X-WR-CALNAME:Olimpiādes\r\n"
        "END:VCALENDAR\r\n");
  CHECK(write_calendar(kProdid, "", {}, kAsOf).find("X-WR-CALNAME") == std::string::npos);
}

TEST_CASE("write_calendar: a one-day event ends on the next day (DTEND is exclusive)") {
  CalendarEvent event =
      all_day("olympiad-math-2026-regional@atbalsts.example.lv", {2026, 11, 12}, {2026, 11, 12});
  event.summary = "Matemātikas olimpiāde, 2. posms";
  event.description = "Pieteikšanās skolā.";
  event.location = "Rīga";
  event.url = "https://atbalsts.example.lv/olimpiades/matematika/";
  event.categories = {"olimpiāde", "", "matemātika"};
  CHECK(write_calendar(kProdid, "Olimpiādes", {&event, 1}, kAsOf) ==
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//VISC//Metodika//LV\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
        "X-WR-CALNAME:Olimpiādes\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:olympiad-math-2026-regional@atbalsts.example.lv\r\n"
        "DTSTAMP:20260901T000000Z\r\n"
        "DTSTART;VALUE=DATE:20261112\r\n"
        "DTEND;VALUE=DATE:20261113\r\n"
        "SUMMARY:Matemātikas olimpiāde\\, 2. posms\r\n"
        "DESCRIPTION:Pieteikšanās skolā.\r\n"
        "LOCATION:Rīga\r\n"
        "URL:https://atbalsts.example.lv/olimpiades/matematika/\r\n"
        "CATEGORIES:olimpiāde,matemātika\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n");
}

TEST_CASE("write_calendar: multi-day all-day events end the day after their last day") {
  const std::vector<CalendarEvent> events = {
      all_day("a@x", {2026, 10, 30}, {2026, 10, 31}),  // month boundary
      all_day("b@x", {2026, 12, 30}, {2026, 12, 31}),  // year boundary
      all_day("c@x", {2028, 2, 27}, {2028, 2, 29}),    // leap day
      all_day("d@x", {2027, 1, 5}, {}),                // unset end: one day
  };
  const std::string ics = write_calendar(kProdid, "", events, kAsOf);
  CHECK(values(ics, "DTSTART;VALUE=DATE") ==
        std::vector<std::string>{"20261030", "20261230", "20270105", "20280227"});
  CHECK(values(ics, "DTEND;VALUE=DATE") ==
        std::vector<std::string>{"20261101", "20270101", "20270106", "20280301"});
  CHECK(ics.find("VTIMEZONE") == std::string::npos);
}

TEST_CASE("write_calendar: timed events use TZID=Europe/Riga and bring its VTIMEZONE") {
  CalendarEvent course;
  course.uid = "course-digital-2026@atbalsts.example.lv";
  course.summary = "Digitālās prasmes";
  course.start = {{2026, 10, 20}, 10, 0, true};
  course.end = {{2026, 10, 20}, 13, 30, true};
  CalendarEvent day = all_day("z@x", {2026, 10, 20}, {2026, 10, 20});
  const std::vector<CalendarEvent> events = {day, course};
  CHECK(write_calendar(kProdid, "Kursi", events, kAsOf) ==
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//VISC//Metodika//LV\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
        "X-WR-CALNAME:Kursi\r\n"
        "BEGIN:VTIMEZONE\r\n"
        "TZID:Europe/Riga\r\n"
        "BEGIN:STANDARD\r\n"
        "DTSTART:20011028T040000\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
        "TZOFFSETFROM:+0300\r\n"
        "TZOFFSETTO:+0200\r\n"
        "TZNAME:EET\r\n"
        "END:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\n"
        "DTSTART:20010325T030000\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
        "TZOFFSETFROM:+0200\r\n"
        "TZOFFSETTO:+0300\r\n"
        "TZNAME:EEST\r\n"
        "END:DAYLIGHT\r\n"
        "END:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:z@x\r\n"
        "DTSTAMP:20260901T000000Z\r\n"
        "DTSTART;VALUE=DATE:20261020\r\n"
        "DTEND;VALUE=DATE:20261021\r\n"
        "SUMMARY:Olimpiāde\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:course-digital-2026@atbalsts.example.lv\r\n"
        "DTSTAMP:20260901T000000Z\r\n"
        "DTSTART;TZID=Europe/Riga:20261020T100000\r\n"
        "DTEND;TZID=Europe/Riga:20261020T133000\r\n"
        "SUMMARY:Digitālās prasmes\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n");
}

TEST_CASE("The VTIMEZONE onsets are the last Sundays of March and October 2001") {
  // Their DTSTART must be the first instance its RRULE generates (RFC 5545 3.8.5.3).
  for (util::Date onset : {util::Date{2001, 3, 25}, util::Date{2001, 10, 28}}) {
    CHECK(onset.weekday() == 6);
    CHECK(onset.plus_days(7).month != onset.month);
  }
}

TEST_CASE("write_calendar: a timed event without a later timed end has no DTEND") {
  CalendarEvent deadline;
  deadline.uid = "deadline@x";
  deadline.summary = "Pieteikšanās beigas";
  deadline.start = {{2026, 11, 1}, 23, 59, true};
  CalendarEvent backwards = deadline;
  backwards.uid = "deadline2@x";
  backwards.end = {{2026, 11, 1}, 9, 0, true};
  CalendarEvent date_only_end = deadline;
  date_only_end.uid = "deadline3@x";
  date_only_end.end = {{2026, 11, 2}, 0, 0, false};
  const std::string ics =
      write_calendar(kProdid, "", std::vector{deadline, backwards, date_only_end}, kAsOf);
  CHECK(values(ics, "DTSTART;TZID=Europe/Riga").size() == 3);
  CHECK(ics.find("DTEND") == std::string::npos);
}

TEST_CASE("write_calendar escapes TEXT values (RFC 5545 3.3.11)") {
  CalendarEvent event = all_day("u;1,2@x", {2026, 1, 5}, {2026, 1, 5});
  event.summary = R"(Fizika, ķīmija; C:\dati)";
  event.description = "1. rinda\n2. rinda\r\n3. rinda\r4.\x01 rinda\t(tab)";
  event.location = "Liepāja, Zivju iela 5";
  event.categories = {"a,b", "c;d"};
  event.url = "https://x.example/a b\r\nc";
  const std::string ics = write_calendar("-//A,B;C//LV", "Kalendārs; 2026", {&event, 1}, kAsOf);
  CHECK(values(ics, "PRODID") == std::vector<std::string>{R"(-//A\,B\;C//LV)"});
  CHECK(values(ics, "X-WR-CALNAME") == std::vector<std::string>{R"(Kalendārs\; 2026)"});
  CHECK(values(ics, "UID") == std::vector<std::string>{R"(u\;1\,2@x)"});
  CHECK(values(ics, "SUMMARY") == std::vector<std::string>{R"(Fizika\, ķīmija\; C:\\dati)"});
  CHECK(values(ics, "DESCRIPTION") ==
        std::vector<std::string>{"1. rinda\\n2. rinda\\n3. rinda\\n4. rinda\t(tab)"});
  CHECK(values(ics, "LOCATION") == std::vector<std::string>{R"(Liepāja\, Zivju iela 5)"});
  CHECK(values(ics, "CATEGORIES") == std::vector<std::string>{R"(a\,b,c\;d)"});
  CHECK(values(ics, "URL") == std::vector<std::string>{"https://x.example/abc"});
  CHECK(unescape_text(values(ics, "SUMMARY")[0]) == event.summary);
  CHECK(unescape_text(values(ics, "DESCRIPTION")[0]) ==
        "1. rinda\n2. rinda\n3. rinda\n4. rinda\t(tab)");
}

TEST_CASE("write_calendar folds at 75 octets, never inside a UTF-8 sequence") {
  SUBCASE("a fold that would split 'ā' moves one byte earlier") {
    // "SUMMARY:" is 8 octets; 66 more ASCII letters make 74, so "ā" takes octets 75 and 76.
    CalendarEvent event = all_day("u@x", {2026, 1, 5}, {2026, 1, 5});
    event.summary = std::string(66, 'a') + "ā" + std::string(80, 'b');
    const std::string ics = write_calendar(kProdid, "", {&event, 1}, kAsOf);
    const std::string expected = "SUMMARY:" + std::string(66, 'a') + "\r\n ā" +
                                 std::string(72, 'b') + "\r\n " + std::string(8, 'b') + "\r\n";
    CHECK(ics.find(expected) != std::string::npos);
    check_line_lengths(ics);
    CHECK(values(ics, "SUMMARY") == std::vector<std::string>{event.summary});
  }
  SUBCASE("a line of exactly 75 octets is not folded, 76 is") {
    CalendarEvent event = all_day("u@x", {2026, 1, 5}, {2026, 1, 5});
    event.summary = std::string(67, 'x');
    CHECK(write_calendar(kProdid, "", {&event, 1}, kAsOf)
              .find("SUMMARY:" + std::string(67, 'x') + "\r\nEND:VEVENT") != std::string::npos);
    event.summary += 'y';
    CHECK(write_calendar(kProdid, "", {&event, 1}, kAsOf)
              .find("SUMMARY:" + std::string(67, 'x') + "\r\n y\r\nEND:VEVENT") !=
          std::string::npos);
  }
  SUBCASE("a long Latvian text round-trips and every physical line fits") {
    CalendarEvent event = all_day("u@x", {2026, 1, 5}, {2026, 1, 5});
    event.summary =
        "Latvijas 76. matemātikas olimpiādes 2. posms (novada kārta) Kurzemes reģiona "
        "vispārējās izglītības iestāžu 5.–12. klašu skolēniem: ģeometrija, ķēdes, šķīlumi, "
        "ņirgāšanās; ļoti ilgs nosaukums, žēl";
    event.description = "Rindā.\nŠī rinda ir garāka: " + std::string(40, '\\') + " ūdens";
    for (int shift = 0; shift < 4; ++shift) {
      const std::string ics = write_calendar(kProdid, "", {&event, 1}, kAsOf);
      check_line_lengths(ics);
      const std::vector<std::string> lines = physical_lines(ics);
      for (const std::string& line : lines) {
        // No physical line starts or ends in the middle of a code point.
        if (line.size() > 1) {
          CHECK((static_cast<unsigned char>(line[1]) & 0xC0) != 0x80);
          CHECK((static_cast<unsigned char>(line.back()) & 0xC0) != 0xC0);
        }
      }
      CHECK(unescape_text(values(ics, "SUMMARY").at(0)) == event.summary);
      CHECK(unescape_text(values(ics, "DESCRIPTION").at(0)) == event.description);
      event.summary.insert(0, "x");  // move every fold by one octet
      event.description.insert(0, "x");
    }
  }
}

TEST_CASE("write_calendar sorts by start, then uid, whatever the input order") {
  CalendarEvent timed;
  timed.uid = "b@x";
  timed.summary = "Laiks";
  timed.start = {{2026, 5, 1}, 9, 0, true};
  std::vector<CalendarEvent> events = {
      all_day("c@x", {2026, 5, 2}, {2026, 5, 2}),
      all_day("b@x", {2026, 5, 1}, {2026, 5, 1}),
      timed,
      all_day("a@x", {2026, 5, 1}, {2026, 5, 3}),
  };
  const std::string first = write_calendar(kProdid, "", events, kAsOf);
  CHECK(values(first, "UID") == std::vector<std::string>{"a@x", "b@x", "b@x", "c@x"});
  // The all-day b@x (no time) sorts before the timed b@x on the same date.
  CHECK(first.find("DTSTART;VALUE=DATE:20260501\r\nDTEND;VALUE=DATE:20260502") <
        first.find("DTSTART;TZID"));
  // Every one of the 24 input orders gives the same bytes.
  auto by_uid = [](const CalendarEvent& a, const CalendarEvent& b) {
    return std::tie(a.uid, a.start) < std::tie(b.uid, b.start);
  };
  std::sort(events.begin(), events.end(), by_uid);
  int orders = 0;
  do {
    CHECK(write_calendar(kProdid, "", events, kAsOf) == first);
    ++orders;
  } while (std::next_permutation(events.begin(), events.end(), by_uid));
  CHECK(orders == 24);
}

}  // namespace metodika::render
