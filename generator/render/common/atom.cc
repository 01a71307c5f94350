#include "render/common/atom.h"

#include <algorithm>
#include <tuple>

#include "render/common/xml.h"

namespace metodika::render {

namespace {

// RFC 4287 3.3: an RFC 3339 date-time with an explicit offset; our dates have no time of day.
std::string atom_date(util::Date date) { return date.iso() + "T00:00:00Z"; }

void element(std::string& out, std::string_view indent, std::string_view name,
             std::string_view text) {
  out += indent;
  out += '<';
  out += name;
  out += '>';
  xml_escape_to(out, text);
  out += "</";
  out += name;
  out += ">\n";
}

void link(std::string& out, std::string_view indent, std::string_view rel, std::string_view type,
          std::string_view href) {
  if (href.empty()) return;
  out += indent;
  out += "<link rel=\"";
  out += rel;
  out += "\" type=\"";
  out += type;
  out += "\" href=\"";
  xml_escape_to(out, href);
  out += "\"/>\n";
}

void write_entry(std::string& out, const FeedEntry& entry) {
  out += "  <entry>\n";
  element(out, "    ", "id", entry.id);
  element(out, "    ", "title", entry.title);
  link(out, "    ", "alternate", "text/html", entry.url);
  element(out, "    ", "updated", atom_date(entry.updated));
  for (const std::string& category : entry.categories) {
    out += "    <category term=\"";
    xml_escape_to(out, category);
    out += "\"/>\n";
  }
  if (!entry.summary_html.empty()) {
    out += "    <summary type=\"html\">";
    xml_escape_to(out, entry.summary_html);
    out += "</summary>\n";
  }
  out += "  </entry>\n";
}

}  // namespace

std::string write_atom(std::string_view feed_id, std::string_view title, std::string_view site_url,
                       std::string_view self_url, std::string_view lang, std::string_view author,
                       util::Date updated, std::span<const FeedEntry> entries) {
  std::vector<const FeedEntry*> sorted;
  sorted.reserve(entries.size());
  for (const FeedEntry& entry : entries) sorted.push_back(&entry);
  // Newest first, then a full tie-break (STYLE.md: determinism).
  std::sort(sorted.begin(), sorted.end(), [](const FeedEntry* a, const FeedEntry* b) {
    return std::tie(b->updated, a->id, a->title, a->url, a->summary_html, a->categories) <
           std::tie(a->updated, b->id, b->title, b->url, b->summary_html, b->categories);
  });

  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\"";
  if (!lang.empty()) {
    out += " xml:lang=\"";
    xml_escape_to(out, lang);
    out += '"';
  }
  out += ">\n";
  element(out, "  ", "id", feed_id);
  element(out, "  ", "title", title);
  element(out, "  ", "updated", atom_date(updated));
  link(out, "  ", "alternate", "text/html", site_url);
  link(out, "  ", "self", "application/atom+xml", self_url);
  out += "  <author>\n";
  element(out, "    ", "name", author);
  out += "  </author>\n";
  for (const FeedEntry* entry : sorted) write_entry(out, *entry);
  out += "</feed>\n";
  return out;
}

}  // namespace metodika::render
