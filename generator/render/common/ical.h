// iCalendar (RFC 5545) export of olympiads, courses and deadlines, for subscribing from Google
// Calendar, Outlook and phones. Hand-written rather than libical: we only write, the output is a
// few fixed properties, and the parts that matter (octet folding, escaping, one VTIMEZONE) are
// short and tested here.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"

namespace metodika::render {

/// One VEVENT. Times are wall-clock times in Latvia (Europe/Riga).
struct CalendarEvent {
  /// Globally unique and stable across builds, so subscribers update instead of duplicating
  /// (RFC 5545 3.8.4.7): e.g. "olympiad-math-2026-regional@atbalsts.example.lv".
  std::string uid;
  std::string summary;
  /// Plain text; line breaks are kept. DESCRIPTION, LOCATION and URL are omitted when empty.
  std::string description;
  std::string location;
  /// An absolute URI, written as is (URI values are not TEXT-escaped, RFC 5545 3.3.13).
  std::string url;
  /// When `start.has_time` is false the event is all-day: DTSTART;VALUE=DATE is `start.date`
  /// and DTEND is the day after `end.date` (DTEND is exclusive, RFC 5545 3.6.1), `end`'s time
  /// is ignored, and an `end.date` before `start.date` (or unset) means a one-day event.
  /// When `start.has_time` is true both are written with TZID=Europe/Riga; DTEND is written only
  /// if `end.has_time` and `end` is after `start`, otherwise the event ends when it starts
  /// (RFC 5545 3.6.1).
  util::DateTime start;
  util::DateTime end;
  /// Written as one CATEGORIES property in the given order; empty names are skipped.
  std::vector<std::string> categories;
};

/// The whole iCalendar object: VERSION 2.0, `prodid` (e.g. "-//VISC//Metodika//LV"),
/// CALSCALE GREGORIAN, METHOD PUBLISH, `name` as X-WR-CALNAME (omitted when empty), a VTIMEZONE
/// for Europe/Riga when some event has a time of day, then the events sorted by start, then uid
/// (then the other fields), so the output does not depend on their order.
///
/// Every event's DTSTAMP is `dtstamp` at 00:00 UTC: the build's `--as-of` date, not the clock,
/// so rebuilding the same data gives the same bytes. Lines end with CRLF and are folded at 75
/// octets without splitting a UTF-8 sequence (RFC 5545 3.1); TEXT values are escaped
/// (RFC 5545 3.3.11).
[[nodiscard]] std::string write_calendar(std::string_view prodid, std::string_view name,
                                         std::span<const CalendarEvent> events, util::Date dtstamp);

}  // namespace metodika::render
