// Atom 1.0 feeds (RFC 4287) for news and upcoming events. Hand-written: the format is a dozen
// fixed elements, and escaping is shared with the other XML outputs (render/common/xml.h).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"

namespace metodika::render {

/// One `<entry>` of a feed.
struct FeedEntry {
  /// A permanent, unique IRI (RFC 4287 4.2.6): a `tag:` URI (RFC 4151) or an absolute URL that
  /// will not change when the page moves.
  std::string id;
  std::string title;
  /// The entry's page, written as `<link rel="alternate">`. RFC 4287 4.1.2 requires this link
  /// because entries carry no `<content>`; leave it empty only for a page that does not exist.
  std::string url;
  /// HTML, escaped into `<summary type="html">` (RFC 4287 3.1.1.2); omitted when empty.
  std::string summary_html;
  util::Date updated;
  /// Each becomes `<category term="…"/>`, in the given order.
  std::vector<std::string> categories;
};

/// The whole Atom document, UTF-8, LF line ends, two-space indentation.
///
/// `feed_id` is the feed's permanent IRI; `site_url` becomes `<link rel="alternate">` and
/// `self_url` the feed's own address, `<link rel="self">` (RFC 4287 4.2.7.2); either is omitted
/// when empty. `lang` is a BCP 47 tag written as `xml:lang` on `<feed>`; `author` is the feed's
/// `<author><name>`, which every entry inherits (RFC 4287 4.1.1). Dates are written as midnight
/// UTC, `2026-11-01T00:00:00Z` (RFC 3339 date-time, as RFC 4287 3.3 requires).
///
/// Entries are written newest `updated` first, ties by `id`, so the output does not depend on
/// the order of `entries`.
[[nodiscard]] std::string write_atom(std::string_view feed_id, std::string_view title,
                                     std::string_view site_url, std::string_view self_url,
                                     std::string_view lang, std::string_view author,
                                     util::Date updated, std::span<const FeedEntry> entries);

}  // namespace metodika::render
