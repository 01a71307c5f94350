// The home page: headline figures and the latest news.
#include <algorithm>
#include <string>
#include <vector>

#include "render/common/markdown.h"
#include "render/site/pages.h"
#include "util/collate.h"
#include "util/format.h"

namespace metodika::render::site {

using model::Page;
using model::PageKind;

void write_home(SiteContext& c) {
  Data body(Data::type::object);
  if (const Page* p = c.find_page(PageKind::kHome)) {
    put(body, "intro_html",
        text_data(
            render_markdown(p->body, {c.model().site.raw_html, 1, {}, c.t("tables.table_region")})
                .html));
  }
  Data figures(Data::type::list);
  auto figure = [&](int64_t n, std::string_view key, std::string_view rel) {
    Data f(Data::type::object);
    f.set("value", util::format_int(n, c.lang()));
    f.set("label", c.t(key));
    f.set("url", c.urls().page(c.lang(), rel));
    append(figures, std::move(f));
  };
  // The nation's figures as the rules count them (rules/figures.h).
  const rules::NationalFigures& nation = c.results().nation;
  figure(nation.area.institutions, "home.institutions", "pasvaldibas/");
  figure(nation.all_methodologists, "home.methodologists", "metodiki/");
  figure(nation.upcoming_olympiads, "home.upcoming_olympiads", "olimpiades/");
  figure(nation.materials_due, "home.materials_due", "materiali/");
  put(body, "figures", std::move(figures));
  if (std::string url = national_workbook_url(c); !url.empty()) {
    body.set("national_xlsx_url", url);
    body.set("period", std::to_string(c.model().site.review_from) + "–" +
                           std::to_string(c.model().site.review_to));
    body.set("data_url", c.urls().page(c.lang(), "dati/"));
  }
  std::vector<const Page*> news;
  for (const Page& p : c.model().pages) {
    if (p.kind == PageKind::kNews && p.lang == c.lang() && !p.draft) news.push_back(&p);
  }
  std::sort(news.begin(), news.end(), [](const Page* a, const Page* b) {
    return std::tie(b->date, b->slug) < std::tie(a->date, a->slug);
  });
  Data list(Data::type::list);
  for (size_t i = 0; i < news.size() && i < 5; ++i) {
    Data n(Data::type::object);
    n.set("title", news[i]->title);
    n.set("url", c.urls().page(c.lang(), "jaunumi/" + news[i]->slug + "/"));
    if (news[i]->date) {
      n.set("date", util::format_date_numeric(*news[i]->date, c.lang()));
      n.set("iso_date", news[i]->date->iso());
    }
    append(list, std::move(n));
  }
  body.set("has_news", news.empty() ? Data(Data::type::bool_false) : Data(Data::type::bool_true));
  put(body, "news", std::move(list));
  body.set("comparison_url", c.urls().page(c.lang(), "pasvaldibas/salidzinajums/"));
  c.emit("", c.model().site.title.in(c.lang()), "home", std::move(body));
}

}  // namespace metodika::render::site
