// /pasvaldibas/<id>/parskats/: the four-year education quality review as an accessible web page
// (issue 5): libharu writes no tagged PDF, so this page is the accessible version of the PDF,
// with the same chapters, tables and charts from the same Review (render/common/review.h).
#include <algorithm>
#include <string>

#include "render/common/markdown.h"
#include "render/common/review.h"
#include "render/common/svg_chart.h"
#include "render/site/directory_view.h"
#include "render/site/pages.h"
#include "render/site/table_view.h"
#include "util/format.h"

namespace metodika::render::site {
namespace {

// The board's conclusions in `lang`, else in the default language (boards write them in
// Latvian first).
const model::Page* conclusions(const model::Model& m, const std::string& id,
                               const std::string& lang) {
  const model::Page* fallback = nullptr;
  for (const model::Page& p : m.pages) {
    if (p.kind != model::PageKind::kReview || p.municipality != id || p.draft) continue;
    if (p.lang == lang) return &p;
    if (p.lang == m.site.default_language()) fallback = &p;
  }
  return fallback;
}

}  // namespace

void write_review_pages(SiteContext& c) {
  const auto& m = c.model();
  const auto& templates = c.theme().templates;
  std::string name = review_template_name(c.lang());
  if (!templates.contains(name)) name = review_template_name(m.site.default_language());
  auto tmpl = templates.find(name);
  if (tmpl == templates.end()) return;  // a theme without a report template has no review
  Translate t = [&c](std::string_view key) { return c.t(key); };
  for (size_t mi = c.shard_begin(); mi < std::min(c.shard_end(), m.municipalities.size()); ++mi) {
    const auto& mu = m.municipalities[mi];
    const std::string rel = directory::municipality_rel(mu) + "parskats/";
    ReviewInputs in;
    in.municipality = mi;
    in.lang = c.lang();
    in.t = t;
    in.template_text = tmpl->second;
    auto source = c.theme().template_sources.find(name);
    in.template_source = source == c.theme().template_sources.end() ? name : source->second;
    in.conclusions = conclusions(m, mu.id, c.lang());
    in.html_url = c.urls().absolute(c.lang(), rel);
    in.council = false;  // a public page: no heads' evaluations
    // in.tables stays unset: the review builds its own tables for the review period, while the
    // municipality page's tables keep every year.
    Review review;
    try {
      review = build_review(m, c.results(), in);
    } catch (const ReviewTemplateError& e) {
      c.report_error(e.what());
      return;
    }
    number_headings(review);
    std::string html;
    Data toc(Data::type::list);
    const std::string data_dir = "dati/" + mu.id + "/";
    int chart_no = 0;
    for (const ReviewBlock& b : review.blocks) {
      switch (b.kind) {
        case ReviewBlock::Kind::kMarkdown: {
          // The page's <h1> is the title: chapters are <h2>, sections <h3>.
          MarkdownResult md = render_markdown(
              b.markdown, {m.site.raw_html, 1, review.fields, c.t("tables.table_region")});
          for (const Heading& h : md.headings) {
            if (h.level > 3) continue;
            Data e(Data::type::object);
            e.set("text", h.text);
            e.set("id", h.id);
            if (h.level == 3) e.set("sub", Data(Data::type::bool_true));
            append(toc, std::move(e));
          }
          html += md.html;
          break;
        }
        case ReviewBlock::Kind::kTable: {
          // A summary has no open-data file: the annex's per-school table links its own.
          html += table_html(c, b.table, b.summary ? std::string_view() : data_dir, "r-");
          break;
        }
        case ReviewBlock::Kind::kChart: {
          std::string id = "r";
          id.append(std::to_string(++chart_no));
          id.append("-").append(mu.id);
          html.append("<figure class=\"chart\" tabindex=\"0\">")
              .append(render_svg(b.chart, c.lang(), id));
          html.append("</figure>\n<details class=\"more\"><summary>");
          html.append(c.t("review.chart_data")).append("</summary>\n");
          html.append(render_table_html(b.chart, c.lang(), b.chart.title,
                                        c.t("tables.chart_data") + ": " + b.chart.title))
              .append("</details>\n");
        } break;
      }
    }
    Data body(Data::type::object);
    put(body, "review_html", text_data(std::move(html)));
    put(body, "toc", std::move(toc));
    body.set("board", review.board);
    body.set("period", review.period);
    body.set("date", util::format_date_in(m.site.as_of, c.lang()));
    body.set("municipality_url", c.urls().page(c.lang(), directory::municipality_rel(mu)));
    body.set("municipality", review.municipality);
    if (c.options().reports) {
      body.set("pdf_url", c.urls().asset("parskati/" + review_stem(m, mu) + ".pdf"));
    }
    if (c.options().annexes) {
      body.set("xlsx_url", c.urls().asset("parskati/" + review_stem(m, mu) + ".xlsx"));
    }
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {c.t("nav.municipalities"), c.urls().page(c.lang(), "pasvaldibas/")},
                  {review.municipality, c.urls().page(c.lang(), directory::municipality_rel(mu))}};
    c.emit(rel, review.title, "review", std::move(body), std::move(crumbs));
  }
}

}  // namespace metodika::render::site
