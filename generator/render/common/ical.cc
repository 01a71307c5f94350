#include "render/common/ical.h"

#include <algorithm>
#include <tuple>

namespace metodika::render {

namespace {

// RFC 5545 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break."
constexpr size_t kMaxLineOctets = 75;
constexpr std::string_view kCrlf = "\r\n";
constexpr std::string_view kTzid = "Europe/Riga";

// Europe/Riga as observed since 2001: EET (+0200), EEST (+0300) from the last Sunday of March
// 01:00 UTC to the last Sunday of October 01:00 UTC (EU Directive 2000/84/EC). Each DTSTART is
// local time before the change (RFC 5545 3.6.5): 03:00 at +0200 and 04:00 at +0300, and is the
// first onset the RRULE generates (2001-03-25 and 2001-10-28 are the last Sundays).
constexpr std::string_view kRigaTimezone[] = {
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Riga",
    "BEGIN:STANDARD",
    "DTSTART:20011028T040000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "TZNAME:EET",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:20010325T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "TZNAME:EEST",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
};

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Appends `line` and its CRLF, folded (RFC 5545 3.1): after at most 75 octets comes CRLF and one
// space, and the space counts towards the next line's 75. A fold never lands inside a UTF-8
// sequence, so a line may end a byte or three early; clients that decode each physical line
// would otherwise show U+FFFD for "ā".
void append_line(std::string& out, std::string_view line) {
  size_t limit = kMaxLineOctets;
  while (line.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && is_utf8_continuation(line[cut])) --cut;
    if (cut == 0) cut = limit;  // Not UTF-8 at all: any cut is as good as another.
    out += line.substr(0, cut);
    out += kCrlf;
    out += ' ';
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;
  }
  out += line;
  out += kCrlf;
}

// RFC 5545 3.3.11: backslash, semicolon and comma are escaped with a backslash and a line break
// (CRLF, LF or a lone CR) becomes "\n". Other control characters are dropped: TSAFE-CHAR
// excludes CONTROL, so they cannot be written at all.
void append_text(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (c == '\t' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F)) out += c;
    }
  }
}

// A URI value is written as is (RFC 5545 3.3.13) but must stay on its content line.
void append_uri(std::string& out, std::string_view uri) {
  for (char c : uri) {
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) out += c;
  }
}

void append_digits(std::string& out, int value, int width) {
  std::string digits = std::to_string(value);
  if (digits.size() < static_cast<size_t>(width)) out.append(width - digits.size(), '0');
  out += digits;
}

// RFC 5545 3.3.4 DATE: YYYYMMDD.
void append_date(std::string& out, util::Date date) {
  append_digits(out, date.year, 4);
  append_digits(out, date.month, 2);
  append_digits(out, date.day, 2);
}

// RFC 5545 3.3.5 DATE-TIME, local time (form #3 with TZID): YYYYMMDDTHHMMSS.
void append_local_time(std::string& out, const util::DateTime& time) {
  append_date(out, time.date);
  out += 'T';
  append_digits(out, time.hour, 2);
  append_digits(out, time.minute, 2);
  out += "00";
}

void text_property(std::string& out, std::string_view name, std::string_view value) {
  std::string line(name);
  line += ':';
  append_text(line, value);
  append_line(out, line);
}

void write_event(std::string& out, const CalendarEvent& event, util::Date dtstamp) {
  append_line(out, "BEGIN:VEVENT");
  text_property(out, "UID", event.uid);

  std::string line = "DTSTAMP:";
  append_date(line, dtstamp);
  line += "T000000Z";
  append_line(out, line);

  if (event.start.has_time) {
    line = "DTSTART;TZID=";
    line += kTzid;
    line += ':';
    append_local_time(line, event.start);
    append_line(out, line);
    if (event.end.has_time && event.end > event.start) {
      line = "DTEND;TZID=";
      line += kTzid;
      line += ':';
      append_local_time(line, event.end);
      append_line(out, line);
    }
  } else {
    line = "DTSTART;VALUE=DATE:";
    append_date(line, event.start.date);
    append_line(out, line);
    // RFC 5545 3.6.1: an all-day event's DTEND is the day after its last day.
    const util::Date last = std::max(event.start.date, event.end.date);
    line = "DTEND;VALUE=DATE:";
    append_date(line, last.plus_days(1));
    append_line(out, line);
  }

  text_property(out, "SUMMARY", event.summary);
  if (!event.description.empty()) text_property(out, "DESCRIPTION", event.description);
  if (!event.location.empty()) text_property(out, "LOCATION", event.location);
  if (!event.url.empty()) {
    line = "URL:";
    append_uri(line, event.url);
    append_line(out, line);
  }

  // RFC 5545 3.8.1.2: one property, the values separated by unescaped commas.
  line = "CATEGORIES:";
  bool any_category = false;
  for (const std::string& category : event.categories) {
    if (category.empty()) continue;
    if (any_category) line += ',';
    append_text(line, category);
    any_category = true;
  }
  if (any_category) append_line(out, line);

  append_line(out, "END:VEVENT");
}

}  // namespace

std::string write_calendar(std::string_view prodid, std::string_view name,
                           std::span<const CalendarEvent> events, util::Date dtstamp) {
  std::vector<const CalendarEvent*> sorted;
  sorted.reserve(events.size());
  for (const CalendarEvent& event : events) sorted.push_back(&event);
  // Start, then uid, then every other field (STYLE.md: sort with a full tie-break).
  auto key = [](const CalendarEvent* e) {
    return std::tie(e->start, e->uid, e->end, e->summary, e->description, e->location, e->url,
                    e->categories);
  };
  std::sort(sorted.begin(), sorted.end(),
            [&key](const CalendarEvent* a, const CalendarEvent* b) { return key(a) < key(b); });

  std::string out;
  append_line(out, "BEGIN:VCALENDAR");
  append_line(out, "VERSION:2.0");
  text_property(out, "PRODID", prodid);
  append_line(out, "CALSCALE:GREGORIAN");
  append_line(out, "METHOD:PUBLISH");
  // X-WR-CALNAME is not in RFC 5545 but is what Google Calendar, Apple Calendar and Outlook show
  // as the subscribed calendar's name.
  if (!name.empty()) text_property(out, "X-WR-CALNAME", name);

  const bool any_timed = std::any_of(events.begin(), events.end(),
                                     [](const CalendarEvent& e) { return e.start.has_time; });
  // RFC 5545 3.6.5: every TZID used must have its VTIMEZONE in the same object.
  if (any_timed) {
    for (std::string_view line : kRigaTimezone) append_line(out, line);
  }

  for (const CalendarEvent* event : sorted) write_event(out, *event, dtstamp);
  append_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace metodika::render
