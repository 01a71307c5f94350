// Pages from content/: Markdown pages, news, and the not-found page.
#include <algorithm>
#include <string>
#include <vector>

#include "render/common/markdown.h"
#include "render/site/pages.h"
#include "rules/upcoming.h"
#include "util/collate.h"
#include "util/format.h"

namespace metodika::render::site {

using model::Page;
using model::PageKind;

void write_content_pages(SiteContext& c) {
  for (const Page& p : c.model().pages) {
    if (p.lang != c.lang() || p.draft || p.kind != PageKind::kPage) continue;
    Data body(Data::type::object);
    body.set("body_html", render_markdown(p.body, {c.model().site.raw_html, 1}).html);
    auto alt = c.translations(p, "");
    c.emit(p.slug + "/", p.title, "page", body, {}, &alt);
  }
}

void write_news(SiteContext& c) {
  std::vector<const Page*> posts;
  for (const Page& p : c.model().pages) {
    if (p.kind == PageKind::kNews && p.lang == c.lang() && !p.draft) posts.push_back(&p);
  }
  std::sort(posts.begin(), posts.end(), [](const Page* a, const Page* b) {
    return std::tie(b->date, b->slug) < std::tie(a->date, a->slug);
  });
  std::vector<std::pair<std::string, std::string>> crumbs = {
      {c.t("nav.home"), c.urls().page(c.lang(), "")},
      {c.t("nav.news"), c.urls().page(c.lang(), "jaunumi/")}};
  Data items(Data::type::list);
  for (const Page* p : posts) {
    Data body(Data::type::object);
    if (p->date) {
      body.set("date", util::format_date_long(*p->date, c.lang()));
      body.set("iso_date", p->date->iso());
    }
    body.set("body_html", render_markdown(p->body, {c.model().site.raw_html, 1}).html);
    auto alt = c.translations(*p, "jaunumi/");
    c.emit("jaunumi/" + p->slug + "/", p->title, "news_post", body, crumbs, &alt);
    Data it(Data::type::object);
    it.set("label", p->title);
    it.set("url", c.urls().page(c.lang(), "jaunumi/" + p->slug + "/"));
    if (p->date) it.set("meta", util::format_date_numeric(*p->date, c.lang()));
    items.push_back(it);
  }
  Data body(Data::type::object);
  body.set("items", items);
  c.emit("jaunumi/", c.t("nav.news"), "list", body);
}

void write_not_found(SiteContext& c) {
  Data d = c.page_data("404.html", c.t("not_found.title"), {});
  Data body(Data::type::object);
  body.set("t", c.strings());
  body.set("home_url", c.urls().page(c.lang(), ""));
  d.set("content", c.templates().render("not_found", body));
  c.write(c.urls().file(c.lang(), "404.html"), c.templates().render("base", d));
  c.count_page();
}

}  // namespace metodika::render::site
