#include "render/site/sortable.h"

#include "render/common/html.h"

namespace metodika::render::site {

std::string sortable_html(const SiteContext& c, std::string_view table_html, bool with_script,
                          std::string_view page_note) {
  const std::string script = c.asset_url("sort.js");
  if (script.empty()) return std::string(table_html);
  std::string out = "<div class=\"sortable\" data-sorted=\"";
  html_escape_to(out, c.t("compare.sorted"));
  out += "\" data-ascending=\"";
  html_escape_to(out, c.t("compare.ascending"));
  out += "\" data-descending=\"";
  html_escape_to(out, c.t("compare.descending"));
  if (!page_note.empty()) {
    out += "\" data-scope=\"";
    html_escape_to(out, c.t("tables.sorts_page"));
  }
  out += "\">\n";
  // Shown by sort.js with the buttons: without JavaScript nothing sorts, and nothing to say.
  if (!page_note.empty()) out += "<p class=\"sort-note muted\" hidden>" + std::string(page_note) + "</p>\n";
  out += table_html;
  out += "</div>\n";
  if (with_script) {
    out += "<script src=\"";
    html_escape_to(out, script);
    out += "\" defer></script>\n";
  }
  return out;
}

}  // namespace metodika::render::site
