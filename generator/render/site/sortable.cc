#include "render/site/sortable.h"

#include "render/common/html.h"

namespace metodika::render::site {

std::string sortable_html(const SiteContext& c, std::string_view table_html, bool with_script) {
  const std::string script = c.asset_url("sort.js");
  if (script.empty()) return std::string(table_html);
  std::string out = "<div class=\"sortable\" data-sorted=\"";
  html_escape_to(out, c.t("compare.sorted"));
  out += "\" data-ascending=\"";
  html_escape_to(out, c.t("compare.ascending"));
  out += "\" data-descending=\"";
  html_escape_to(out, c.t("compare.descending"));
  out += "\">\n";
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
