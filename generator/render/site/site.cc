#include "render/site/site.h"

#include <algorithm>

#include "render/common/xml.h"
#include "render/site/pages.h"

namespace metodika::render::site {
namespace {

void write_sitemap_and_robots(SiteContext& c) {
  std::vector<std::string> urls = c.sitemap();
  std::sort(urls.begin(), urls.end());
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const std::string& url : urls) {
    xml += "<url><loc>" + xml_escape(url) + "</loc><lastmod>" + c.model().site.as_of.iso() +
           "</lastmod></url>\n";
  }
  xml += "</urlset>\n";
  c.write("sitemap.xml", xml);
  const std::string& lang = c.model().site.default_language();
  c.write("robots.txt",
          "User-agent: *\nAllow: /\nSitemap: " + c.urls().absolute(lang, "sitemap.xml") + "\n");
}

}  // namespace

SiteStats render_site(const model::Model& model, const rules::Results& results,
                      const load::Theme& theme, util::OutputSink& out, diag::Diagnostics& diags,
                      const SiteOptions& options) {
  SiteContext c(model, results, theme, out, diags, options);
  if (diags.has_errors()) return {};
  c.write_static();
  for (const std::string& lang : model.site.languages) {
    c.set_language(lang);
    write_home(c);
    write_municipalities(c);
    write_institutions(c);
    write_municipality_pages(c);
    write_institution_pages(c);
    write_review_pages(c);
    write_methodologists(c);
    write_olympiads(c);
    write_materials(c);
    write_events(c);
    write_content_pages(c);
    write_news(c);
    write_about_data(c);
    write_search(c);
    write_not_found(c);
    write_open_data(c);
  }
  write_data_catalogue(c);
  write_sitemap_and_robots(c);
  return {c.pages(), c.files()};
}

}  // namespace metodika::render::site
