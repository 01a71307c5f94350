// /pasvaldibas/<id>/parskats/: the four-year education quality review as an accessible web page
// (issue 5): libharu writes no tagged PDF, so this page is the accessible version of the PDF,
// with the same chapters, tables and charts from the same Review (render/common/review.h).
#include <algorithm>
#include <string>

#include "render/common/html.h"
#include "render/common/markdown.h"
#include "render/common/markdown_fields.h"
#include "render/common/review.h"
#include "render/common/svg_chart.h"
#include "render/site/directory_view.h"
#include "render/site/pages.h"
#include "render/site/paging.h"
#include "render/site/table_view.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render::site {
namespace {

// A chapter heading line: "# 10. Pielikumi" (a `#` and a space, outside a code fence).
bool is_chapter_line(std::string_view line) { return line.starts_with("# "); }

// Where each chapter heading line of `markdown` starts (outside code fences).
std::vector<size_t> chapter_lines(std::string_view markdown) {
  std::vector<size_t> out;
  for_each_markdown_line(markdown, [&out](std::string_view line, size_t at, bool fenced) {
    if (!fenced && is_chapter_line(line)) out.push_back(at);
  });
  return out;
}

// The blocks with every Markdown block cut before each chapter heading line, so that each
// chapter (the annex, the template's last chapter, review.h, among them) starts a block.
std::vector<ReviewBlock> split_at_chapters(const std::vector<ReviewBlock>& blocks) {
  std::vector<ReviewBlock> out;
  for (const ReviewBlock& b : blocks) {
    if (b.kind != ReviewBlock::Kind::kMarkdown) {
      out.push_back(b);
      continue;
    }
    std::vector<size_t> cuts = chapter_lines(b.markdown);
    cuts.push_back(b.markdown.size());
    size_t from = 0;
    for (size_t cut : cuts) {
      if (cut > from) {
        ReviewBlock part;
        part.markdown = b.markdown.substr(from, cut - from);
        out.push_back(std::move(part));
      }
      from = cut;
    }
  }
  return out;
}

// Whether `b` starts a chapter (after split_at_chapters).
bool starts_chapter(const ReviewBlock& b) {
  return b.kind == ReviewBlock::Kind::kMarkdown && is_chapter_line(b.markdown);
}

// The index of the block that starts the last chapter, or blocks.size() when there is none.
size_t annex_start(const std::vector<ReviewBlock>& blocks) {
  for (size_t i = blocks.size(); i-- > 0;) {
    if (starts_chapter(blocks[i])) return i;
  }
  return blocks.size();
}

// The annex block's first line (its chapter heading) as a block of its own, and the rest.
ReviewBlock chapter_block(const std::string& markdown) {
  ReviewBlock b;
  b.markdown = markdown.substr(0, markdown.find('\n')) + "\n";
  return b;
}
std::string without_chapter(const std::string& markdown) {
  const size_t nl = markdown.find('\n');
  return nl == std::string::npos ? std::string() : markdown.substr(nl + 1);
}

// The chapter heading's text: "10. Pielikumi", its fields filled in.
std::string chapter_text(const std::string& markdown, const std::vector<std::string>& fields) {
  std::string line = markdown.substr(0, markdown.find('\n'));
  return fill_markdown_fields(std::string_view(line).substr(2), fields, FieldContext::kText);
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
    in.conclusions = review_conclusions(m, mu.id, c.lang());
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
    const std::string data_dir = "dati/" + mu.id + "/";
    const std::string annex_rel = rel + "pielikums/";
    const std::vector<ReviewBlock> blocks = split_at_chapters(review.blocks);
    int chart_no = 0;
    // One block as HTML; its headings (up to <h3>) for a table of contents.
    auto render_block = [&](const ReviewBlock& b, int heading_offset, std::vector<Heading>* heads) {
      std::string html;
      switch (b.kind) {
        case ReviewBlock::Kind::kMarkdown: {
          MarkdownResult md =
              render_markdown(b.markdown, {m.site.raw_html, heading_offset, review.fields,
                                           c.t("tables.table_region")});
          for (Heading& h : md.headings) {
            if (h.level <= 3 && heads) heads->push_back(std::move(h));
          }
          html = std::move(md.html);
        } break;
        case ReviewBlock::Kind::kTable:
          // A summary has no open-data file: the annex's per-school table links its own.
          html = table_html(c, b.table, b.summary ? std::string_view() : data_dir, "r-");
          break;
        case ReviewBlock::Kind::kChart: {
          std::string id = "r";
          id.append(std::to_string(++chart_no));
          id.append("-").append(mu.id);
          html.append("<figure class=\"chart\">")
              .append(render_svg_pair(b.chart, c.lang(), id));
          html.append("</figure>\n<details class=\"more\"><summary>");
          html.append(c.t("review.chart_data")).append("</summary>\n");
          html.append(render_table_html(b.chart, c.lang(), b.chart.title,
                                        c.t("tables.chart_data") + ": " + b.chart.title))
              .append("</details>\n");
        } break;
      }
      return html;
    };
    // The chapters, and where the annex (the template's last chapter, review.h) begins.
    std::vector<std::string> pieces;
    std::vector<std::vector<Heading>> piece_heads;
    size_t annex_at = annex_start(blocks);
    size_t total = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
      piece_heads.emplace_back();
      pieces.push_back(render_block(blocks[i], 1, &piece_heads.back()));
      total += pieces.back().size();
    }
    // A long review (every summarised one: Rīga's was 1.86 MB) puts its annex on pages of its
    // own, pielikums/, pielikums/2/, …, as the PDF puts it at the end (issue 21: no page over
    // 200 KB); a short one stays one page, as the bundled site's Ventspils.
    const bool split = annex_at < blocks.size() && total > kPageBudget;
    Data toc(Data::type::list);
    auto add_toc = [&toc](const Heading& h, const std::string& url) {
      Data e(Data::type::object);
      e.set("text", h.text);
      e.set("id", h.id);
      if (!url.empty()) e.set("url", url + "#" + h.id);
      if (h.level == 3) e.set("sub", Data(Data::type::bool_true));
      append(toc, std::move(e));
    };
    const size_t main_end = split ? annex_at : blocks.size();
    // The chapters before the annex, whole, on pages under the budget: parskats/ (with the
    // contents, which link every page), parskats/2/, … (a long review's chapters on one page
    // were 184 KB and 52,306 px tall at 360 px for Kuldīga).
    std::vector<size_t> page_of(main_end, 0);
    {
      size_t page = 0, bytes = 0;
      for (size_t i = 0; i < main_end; ++i) {
        if (split && starts_chapter(blocks[i]) && bytes > 0) {
          size_t chapter_bytes = 0;
          for (size_t j = i; j < main_end && (j == i || !starts_chapter(blocks[j])); ++j) {
            chapter_bytes += pieces[j].size();
          }
          if (bytes + chapter_bytes > kPageBudget) ++page, bytes = 0;
        }
        page_of[i] = page;
        bytes += pieces[i].size();
      }
    }
    const size_t main_pages = main_end == 0 ? 1 : page_of[main_end - 1] + 1;
    std::vector<std::string> main_rels, main_labels;
    std::vector<std::string> main_html(main_pages);
    for (size_t n = 1; n <= main_pages; ++n) main_rels.push_back(paged_rel(rel, n));
    main_labels.resize(main_pages);
    for (size_t i = 0; i < main_end; ++i) {
      main_html[page_of[i]] += pieces[i];
      const std::string url = page_of[i] == 0 ? std::string()
                                              : c.urls().page(c.lang(), main_rels[page_of[i]]);
      for (const Heading& h : piece_heads[i]) {
        add_toc(h, url);
        if (main_labels[page_of[i]].empty() && h.level == 2) main_labels[page_of[i]] = h.text;
      }
    }
    const std::string last_main_url =
        main_pages == 1 ? std::string() : c.urls().page(c.lang(), main_rels.back());
    std::string& html = main_html.back();  // the annex's heading and links go at the end
    const std::string review_url = c.urls().page(c.lang(), rel);
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {c.t("nav.municipalities"), c.urls().page(c.lang(), "pasvaldibas/")},
                  {review.municipality, c.urls().page(c.lang(), directory::municipality_rel(mu))}};
    if (split) {
      // The annex chapter's own heading stays here, with a link to each of its sections.
      const std::string chapter = chapter_text(blocks[annex_at].markdown, review.fields);
      std::vector<Heading> chapter_head;
      html += render_block(chapter_block(blocks[annex_at].markdown), 1, &chapter_head);
      for (const Heading& h : chapter_head) add_toc(h, last_main_url);
      // The annex sections (<h2> there) and tables, packed on pages under the budget; a table
      // larger than a page is split by rows (paging.h). A heading stays with what follows it.
      chart_no = 0;
      struct Piece {
        std::string html;
        std::vector<Heading> heads;
        bool fresh = false;  // a later part of a split table: starts a page (the same ids)
      };
      std::vector<Piece> annex_pieces;
      std::vector<ReviewBlock> annex(blocks.begin() + static_cast<std::ptrdiff_t>(annex_at),
                                     blocks.end());
      annex.front().markdown = without_chapter(annex.front().markdown);
      for (const ReviewBlock& b : annex) {
        if (b.kind == ReviewBlock::Kind::kTable && !b.summary) {
          const std::vector<Table> parts = split_rows(c, b.table);
          for (size_t k = 0; k < parts.size(); ++k) {
            annex_pieces.push_back({table_html(c, parts[k], data_dir, "r-"), {}, k > 0});
          }
          continue;
        }
        Piece p;
        p.html = render_block(b, 0, &p.heads);
        annex_pieces.push_back(std::move(p));
      }
      std::vector<std::string> pages(1);
      std::vector<std::vector<Heading>> page_heads(1);
      for (size_t i = 0; i < annex_pieces.size(); ++i) {
        Piece& p = annex_pieces[i];
        // A heading goes where the table after it fits.
        const size_t need = p.html.size() + (!p.heads.empty() && i + 1 < annex_pieces.size()
                                                 ? annex_pieces[i + 1].html.size()
                                                 : 0);
        const bool glued = i > 0 && !annex_pieces[i - 1].heads.empty();
        if (!glued && !pages.back().empty() &&
            (p.fresh || pages.back().size() + need > kPageBudget)) {
          pages.emplace_back();
          page_heads.emplace_back();
        }
        pages.back() += p.html;
        for (Heading& h : p.heads) page_heads.back().push_back(std::move(h));
      }
      std::vector<std::string> rels, labels;
      for (size_t n = 1; n <= pages.size(); ++n) {
        rels.push_back(paged_rel(annex_rel, n));
        labels.push_back(page_heads[n - 1].empty() ? std::string() : page_heads[n - 1][0].text);
        if (labels.back().empty()) labels.back() = std::to_string(n);
      }
      html += "<ul class=\"annex-pages\">\n";
      for (size_t n = 1; n <= pages.size(); ++n) {
        for (Heading h : page_heads[n - 1]) {
          h.level = 3;
          add_toc(h, c.urls().page(c.lang(), rels[n - 1]));
          html += "<li><a href=\"";
          html_escape_to(html, c.urls().page(c.lang(), rels[n - 1]) + "#" + h.id);
          html += "\">";
          html_escape_to(html, h.text);
          html += "</a></li>\n";
        }
      }
      html += "</ul>\n";
      Crumbs annex_crumbs = crumbs;
      annex_crumbs.emplace_back(review.title, review_url);
      for (size_t n = 1; n <= pages.size(); ++n) {
        const std::string nav =
            pager_html(c, rels, labels, n, chapter + " — " + c.t("review.annex_pages"));
        Data body(Data::type::object);
        put(body, "body_html",
            text_data(nav + "<div class=\"review\">\n" + pages[n - 1] + "</div>\n" +
                      next_page_html(c, rels, labels, n)));
        std::string title = review.municipality + ": " + chapter;
        if (n > 1) {
          title += " — " + util::fill(c.t("content.page_n"), "page",
                                      util::format_int(static_cast<int64_t>(n), c.lang()));
        }
        // Another language's review may be paged otherwise: its switch goes to the review.
        const auto alt = paged_alternates(c, rels[n - 1], rel);
        c.emit(rels[n - 1], title, "page", std::move(body), annex_crumbs, &alt);
      }
    }
    // Pages 2, 3, … of the chapters: the navigation between them, and back to the contents.
    const std::string main_label = review.title + " — " + c.t("review.annex_pages");
    Crumbs page_crumbs = crumbs;
    page_crumbs.emplace_back(review.title, review_url);
    for (size_t n = 2; n <= main_pages; ++n) {
      const auto main_alt = paged_alternates(c, main_rels[n - 1], rel);
      const std::string nav = pager_html(c, main_rels, main_labels, n, main_label);
      Data body(Data::type::object);
      put(body, "body_html",
          text_data(nav + "<div class=\"review\">\n" + main_html[n - 1] + "</div>\n" +
                    next_page_html(c, main_rels, main_labels, n)));
      c.emit(main_rels[n - 1],
             review.title + " — " +
                 util::fill(c.t("content.page_n"), "page",
                            util::format_int(static_cast<int64_t>(n), c.lang())),
             "page", std::move(body), page_crumbs, &main_alt);
    }
    Data body(Data::type::object);
    put(body, "review_html",
        text_data(std::move(main_html[0]) + pager_html(c, main_rels, main_labels, 1, main_label)));
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
    c.emit(rel, review.title, "review", std::move(body), std::move(crumbs));
  }
}

}  // namespace metodika::render::site
