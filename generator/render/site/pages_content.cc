// Pages from content/ and about the site: Markdown pages, news (paginated, by tag, Atom feed),
// the methodology page rendered from site.yaml's rules, the search page with its JSON index, and
// the not-found page.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "render/common/atom.h"
#include "render/common/html.h"
#include "render/common/markdown.h"
#include "render/common/municipality_tables.h"
#include "render/site/pages.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render::site {

using model::Page;
using model::PageKind;

namespace {

constexpr size_t kNewsPerPage = 10;
constexpr size_t kSearchTextChars = 240;

// At most `max` bytes of `text`, cut after a whole word (never inside a UTF-8 sequence), "…"
// added when cut.
std::string shorten(std::string_view text, size_t max) {
  if (text.size() <= max) return std::string(text);
  size_t cut = text.rfind(' ', max);
  if (cut == std::string_view::npos || cut == 0) {
    cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return std::string(text.substr(0, cut)) + "…";
}

// The published news of the current language, newest first, ties by slug (deterministic).
std::vector<const Page*> news_posts(const SiteContext& c) {
  std::vector<const Page*> posts;
  for (const Page& p : c.model().pages) {
    if (p.kind == PageKind::kNews && p.lang == c.lang() && !p.draft) posts.push_back(&p);
  }
  std::sort(posts.begin(), posts.end(), [](const Page* a, const Page* b) {
    return std::tie(b->date, b->slug) < std::tie(a->date, a->slug);
  });
  return posts;
}

// A post's summary: its front matter `summary`, or the start of its text.
std::string post_summary(const Page& p) {
  if (!p.summary.empty()) return p.summary;
  return shorten(render_markdown(p.body).plain_text, kSearchTextChars);
}

std::string tag_rel(std::string_view slug) { return "jaunumi/birkas/" + std::string(slug) + "/"; }

// The tags of a post that have a usable slug, as {label, url} items.
Data tag_list(const SiteContext& c, const Page& p) {
  Data tags(Data::type::list);
  for (const std::string& tag : p.tags) {
    std::string slug = util::slugify(tag);
    if (slug.empty()) continue;
    Data t(Data::type::object);
    t.set("label", tag);
    t.set("url", c.urls().page(c.lang(), tag_rel(slug)));
    append(tags, std::move(t));
  }
  return tags;
}

Data news_item(const SiteContext& c, const Page& p) {
  Data it(Data::type::object);
  it.set("title", p.title);
  it.set("url", c.urls().page(c.lang(), "jaunumi/" + p.slug + "/"));
  if (p.date) {
    it.set("date", util::format_date_numeric(*p.date, c.lang()));
    it.set("iso_date", p.date->iso());
  }
  std::string summary = post_summary(p);
  if (!summary.empty()) it.set("summary", summary);
  Data tags = tag_list(c, p);
  if (!tags.list_value().empty()) {
    put(it, "tags", std::move(tags));
    it.set("has_tags", Data(Data::type::bool_true));
  }
  return it;
}

Crumbs news_crumbs(const SiteContext& c) {
  return {{c.t("nav.home"), c.urls().page(c.lang(), "")},
          {c.t("nav.news"), c.urls().page(c.lang(), "jaunumi/")}};
}

void write_feed(SiteContext& c, const std::vector<const Page*>& posts) {
  std::vector<FeedEntry> entries;
  util::Date updated = c.model().site.as_of;
  for (const Page* p : posts) {
    FeedEntry e;
    e.url = c.urls().absolute(c.lang(), "jaunumi/" + p->slug + "/");
    e.id = e.url;
    e.title = p->title;
    e.summary_html = html_escape(post_summary(*p));
    e.updated = p->date.value_or(c.model().site.as_of);
    e.categories = p->tags;
    entries.push_back(std::move(e));
  }
  if (!posts.empty() && posts.front()->date) updated = *posts.front()->date;
  std::string self = c.urls().absolute(c.lang(), "jaunumi/atom.xml");
  c.write(c.urls().file(c.lang(), "jaunumi/atom.xml"),
          write_atom(self, c.t("nav.news") + " — " + c.model().site.title.in(c.lang()),
                     c.urls().absolute(c.lang(), "jaunumi/"), self, c.lang(),
                     c.model().site.publisher.name, updated, entries));
}

// Pages of at most kNewsPerPage posts: /jaunumi/, /jaunumi/2/, …
void write_news_lists(SiteContext& c, const std::vector<const Page*>& posts, const Data& all_tags) {
  size_t pages = std::max<size_t>(1, (posts.size() + kNewsPerPage - 1) / kNewsPerPage);
  auto rel = [](size_t n) {
    return n == 1 ? std::string("jaunumi/") : "jaunumi/" + std::to_string(n) + "/";
  };
  for (size_t n = 1; n <= pages; ++n) {
    Data items(Data::type::list);
    for (size_t i = (n - 1) * kNewsPerPage; i < std::min(posts.size(), n * kNewsPerPage); ++i) {
      append(items, news_item(c, *posts[i]));
    }
    Data body(Data::type::object);
    put(body, "items", std::move(items));
    if (posts.empty()) body.set("empty", c.t("content.no_news"));
    body.set("feed_url", c.urls().page(c.lang(), "jaunumi/atom.xml"));
    if (!all_tags.list_value().empty()) {
      body.set("all_tags", all_tags);
      body.set("has_all_tags", Data(Data::type::bool_true));
    }
    if (pages > 1) {
      Data pg(Data::type::object);
      pg.set("label", util::fill(util::fill(c.t("content.page_of"), "page", util::format_int(n, c.lang())),
                           "pages", util::format_int(pages, c.lang())));
      if (n > 1) pg.set("prev_url", c.urls().page(c.lang(), rel(n - 1)));
      if (n < pages) pg.set("next_url", c.urls().page(c.lang(), rel(n + 1)));
      put(body, "pagination", std::move(pg));
    }
    std::string title = c.t("nav.news");
    if (n > 1) title += " — " + util::fill(c.t("content.page_n"), "page", util::format_int(n, c.lang()));
    // Page n > 1 may not exist in another language; its switch leads to that language's news.
    std::map<std::string, std::string> alt;
    for (const std::string& l : c.model().site.languages) alt[l] = "jaunumi/";
    alt[c.lang()] = rel(n);
    c.emit(rel(n), title, "news_list", std::move(body), n > 1 ? news_crumbs(c) : Crumbs{}, &alt);
  }
}

// One page per tag; tags that differ only in case or accents share a slug and a page.
Data write_tag_pages(SiteContext& c, const std::vector<const Page*>& posts) {
  std::map<std::string, std::pair<std::string, std::vector<const Page*>>> by_slug;
  for (const Page* p : posts) {
    std::set<std::string> seen;
    for (const std::string& tag : p->tags) {
      std::string slug = util::slugify(tag);
      if (slug.empty() || !seen.insert(slug).second) continue;
      auto& entry = by_slug[slug];
      if (entry.first.empty()) entry.first = tag;
      entry.second.push_back(p);
    }
  }
  Data all(Data::type::list);
  for (const auto& [slug, entry] : by_slug) {
    Data items(Data::type::list);
    for (const Page* p : entry.second) append(items, news_item(c, *p));
    Data body(Data::type::object);
    put(body, "items", std::move(items));
    body.set("feed_url", c.urls().page(c.lang(), "jaunumi/atom.xml"));
    // Tags are per language: the switch leads to the other language's home page.
    std::map<std::string, std::string> alt = {{c.lang(), tag_rel(slug)}};
    c.emit(tag_rel(slug), util::fill(c.t("content.tag_title"), "tag", entry.first), "news_list",
           std::move(body), news_crumbs(c), &alt);
    Data t(Data::type::object);
    t.set("label", entry.first);
    t.set("url", c.urls().page(c.lang(), tag_rel(slug)));
    t.set("count", util::format_int(static_cast<int64_t>(entry.second.size()), c.lang()));
    append(all, std::move(t));
  }
  return all;
}

Data row(std::initializer_list<std::pair<const char*, std::string>> cells) {
  Data r(Data::type::object);
  for (const auto& [k, v] : cells) r.set(k, v);
  return r;
}

// The data files the public pages come from (data/private/ is never named: it is not published).
Data source_files(const model::Model& m) {
  Data list(Data::type::list);
  for (const std::string& f : public_source_files(m)) append(list, Data(f));
  return list;
}

}  // namespace

void write_content_pages(SiteContext& c) {
  for (const Page& p : c.model().pages) {
    if (p.lang != c.lang() || p.draft || p.kind != PageKind::kPage) continue;
    Data body(Data::type::object);
    put(body, "body_html",
        text_data(
            render_markdown(p.body, {c.model().site.raw_html, 1, {}, c.t("tables.table_region")})
                .html));
    auto alt = c.translations(p, "");
    c.emit(p.slug + "/", p.title, "page", std::move(body), {}, &alt);
  }
  if (c.generates_accessibility()) {
    // The theme's statement, for a language the site wrote none in: what the site does for
    // access, how it is checked, whom to write to.
    const auto& publisher = c.model().site.publisher;
    std::string html;
    for (std::string_view key : {"content.accessibility.intro", "content.accessibility.features",
                                 "content.accessibility.checks", "content.accessibility.limits"}) {
      html += "<p>" + html_escape(util::fill(c.t(key), "publisher", publisher.name)) + "</p>\n";
    }
    html += "<h2 id=\"contact\">" + html_escape(c.t("content.accessibility.contact_title")) +
            "</h2>\n<p>" + html_escape(c.t("content.accessibility.contact"));
    if (!publisher.email.empty()) {
      html += " <a href=\"mailto:" + html_escape(publisher.email) + "\">" +
              html_escape(publisher.email) + "</a>";
    }
    html += "</p>\n";
    Data body(Data::type::object);
    put(body, "body_html", text_data(std::move(html)));
    c.emit(std::string(kGeneratedAccessibilityRel), c.t("content.accessibility.title"), "page",
           std::move(body));
  }
}

void write_news(SiteContext& c) {
  std::vector<const Page*> posts = news_posts(c);
  for (const Page* p : posts) {
    Data body(Data::type::object);
    if (p->date) {
      body.set("date", util::format_date_long(*p->date, c.lang()));
      body.set("iso_date", p->date->iso());
    }
    put(body, "body_html",
        text_data(
            render_markdown(p->body, {c.model().site.raw_html, 1, {}, c.t("tables.table_region")})
                .html));
    Data tags = tag_list(c, *p);
    if (!tags.list_value().empty()) {
      put(body, "tags", std::move(tags));
      body.set("has_tags", Data(Data::type::bool_true));
    }
    auto alt = c.translations(*p, "jaunumi/");
    c.emit("jaunumi/" + p->slug + "/", p->title, "news_post", std::move(body), news_crumbs(c),
           &alt);
  }
  Data all_tags = write_tag_pages(c, posts);
  write_news_lists(c, posts, all_tags);
  write_feed(c, posts);
}

// /par-datiem/: every number here comes from site.yaml `rules:` (DATA-MODEL section 2), so the
// page cannot drift from what the rules compute.
void write_about_data(SiteContext& c) {
  const model::Rules& rules = c.model().site.rules;
  const std::string& lang = c.lang();
  Data ce(Data::type::list);
  for (const model::CeRule& r : rules.ce_index) {
    bool mean = r.method == model::CeMethod::kMean;
    append(ce,
           row({{"from", util::format_date_numeric(r.from, lang)},
                {"to", util::format_date_numeric(r.to, lang)},
                {"from_iso", r.from.iso()},
                {"to_iso", r.to.iso()},
                {"method", c.t(mean ? "content.about.method_mean" : "content.about.method_min")},
                {"method_text",
                 c.t(mean ? "content.about.method_mean_text" : "content.about.method_min_text")},
                {"threshold", util::format_percent(r.threshold, 0, lang)}}));
  }
  Data work(Data::type::list);
  for (const auto& [key, cat] : model::kWorkCategories) {
    append(work, row({{"label", c.t("content.about.work_" + std::string(key))},
                      {"share", util::format_percent(rules.methodologist_time[cat], 0, lang)}}));
  }
  Data body(Data::type::object);
  put(body, "ce_rules", std::move(ce));
  put(body, "work", std::move(work));
  body.set("pd_text",
           util::fill(util::fill(c.t("content.about.pd_text"), "hours", util::format_int(rules.pd_hours, lang)),
                "years", util::format_int(rules.pd_years, lang)));
  body.set("observations_text", util::fill(c.t("content.about.observations_text"), "n",
                                     util::format_int(rules.observations_per_teacher, lang)));
  body.set("small_cell_text", util::fill(c.t("content.about.small_cell_text"), "n",
                                   util::format_int(rules.small_cell, lang)));
  body.set("due_soon_text", util::fill(c.t("content.about.due_soon_text"), "n",
                                 util::format_int(rules.due_soon_days, lang)));
  body.set("as_of", util::format_date_numeric(c.model().site.as_of, lang));
  put(body, "sources", source_files(c.model()));
  c.emit("par-datiem/", c.t("nav.about_data"), "about_data", std::move(body));
}

// /meklet/ and /meklet/index.json: the public pages of the current language, built at compile
// time so that search needs no server. Only public parts of the model are read. The index is
// downloaded once per visitor, so it is compact: {"k": [kind names], "e": [[title, url, kind
// number, text], …]} (the national site's is ~90 KB gzip'd with every olympiad and event).
void write_search(SiteContext& c) {
  const model::Model& m = c.model();
  const std::string& lang = c.lang();
  std::vector<std::string_view> kinds;
  nlohmann::json entries = nlohmann::json::array();
  auto add = [&](const std::string& title, const std::string& rel, std::string_view kind,
                 const std::string& text) {
    size_t k = std::find(kinds.begin(), kinds.end(), kind) - kinds.begin();
    if (k == kinds.size()) kinds.push_back(kind);
    entries.push_back({title, c.urls().page(lang, rel), k, shorten(text, kSearchTextChars)});
  };
  auto subject_names = [&](const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) {
      const model::Subject* subj = m.find_subject(id);
      s += (s.empty() ? "" : ", ") + (subj ? subj->name.in(lang) : id);
    }
    return s;
  };
  for (const auto& mu : m.municipalities) {
    add(mu.name.in(lang), "pasvaldibas/" + mu.id + "/", "municipality",
        c.t("region." + std::string(model::enum_name(model::kRegions, mu.region))));
  }
  for (const auto& in : m.institutions) {
    add(in.name.in(lang), "iestades/" + in.id + "/", "institution",
        m.municipalities[in.municipality_index].name.in(lang));
  }
  for (const auto& me : m.methodologists) {
    add(me.name, methodologist_rel(m, me), "methodologist", subject_names(me.subjects));
  }
  auto t = [&c](std::string_view key) { return c.t(key); };
  const std::vector<std::string> olympiad_rels = olympiad_page_rels(m, c.results().current_school_year);
  for (const auto& o : m.olympiads) {
    const model::Subject* subj = m.find_subject(o.subject);
    add(olympiad_title(m, o, lang, t),
        olympiad_rels[static_cast<size_t>(&o - m.olympiads.data())] + "#" + o.id, "olympiad",
        util::format_date_numeric(o.start, lang) + " · " + (subj ? subj->name.in(lang) : o.subject));
  }
  const std::vector<std::string> event_rels = event_page_rels(m, c.results());
  for (const auto& e : m.events) {
    std::string text = util::format_date_numeric(e.start.date, lang);
    if (!e.subjects.empty()) text += " · " + subject_names(e.subjects);
    if (!e.location.empty()) text += " · " + e.location;
    add(e.title.in(lang), event_rels[static_cast<size_t>(&e - m.events.data())] + "#" + e.id, "event", text);
  }
  for (const auto& mat : m.materials) {
    add(mat.title.in(lang), "materiali/#" + mat.id, "material",
        util::format_date_numeric(mat.deadline, lang) + " · " + subject_names(mat.subjects));
  }
  std::vector<std::pair<std::string, std::string>> all_pages;  // label, rel: the no-script list
  for (const Page& p : m.pages) {
    if (p.lang != lang || p.draft) continue;
    if (p.kind == PageKind::kPage) {
      add(p.title, p.slug + "/", "page", render_markdown(p.body).plain_text);
      all_pages.emplace_back(p.title, p.slug + "/");
    } else if (p.kind == PageKind::kNews) {
      add(p.title, "jaunumi/" + p.slug + "/", "news", post_summary(p));
    }
  }
  for (std::string_view key : {"municipalities", "institutions", "methodologists", "olympiads",
                               "materials", "events", "news", "about_data"}) {
    static const std::map<std::string_view, std::string_view> kRel = {
        {"municipalities", "pasvaldibas/"},
        {"institutions", "iestades/"},
        {"methodologists", "metodiki/"},
        {"olympiads", "olimpiades/"},
        {"materials", "materiali/"},
        {"events", "pasakumi/"},
        {"news", "jaunumi/"},
        {"about_data", "par-datiem/"}};
    std::string label = c.t("nav." + std::string(key));
    add(label, std::string(kRel.at(key)), "section", "");
    all_pages.emplace_back(label, std::string(kRel.at(key)));
  }
  // The comparison of municipalities (pages_comparison.cc): found by "salīdzinājums".
  add(c.t("compare.title"), "pasvaldibas/salidzinajums/", "section", c.t("compare.intro"));
  all_pages.emplace_back(c.t("compare.title"), "pasvaldibas/salidzinajums/");
  nlohmann::json kind_names = nlohmann::json::array();
  for (std::string_view k : kinds) kind_names.push_back(c.t("content.search.kind_" + std::string(k)));
  nlohmann::json index = {{"k", std::move(kind_names)}, {"e", std::move(entries)}};
  c.write(c.urls().file(lang, "meklet/index.json"), index.dump(-1, ' ', false) + "\n");

  Data pages(Data::type::list);
  for (const auto& [label, rel] : all_pages) {
    append(pages, row({{"label", label}, {"url", c.urls().page(lang, rel)}}));
  }
  Data body(Data::type::object);
  body.set("index_url", c.urls().page(lang, "meklet/index.json"));
  body.set("script_url", c.asset_url("search.js"));
  put(body, "pages", std::move(pages));
  c.emit("meklet/", c.t("content.search.title"), "search", std::move(body));
}

void write_not_found(SiteContext& c) {
  Data d = c.page_data("404.html", c.t("not_found.title"), {});
  Data body(Data::type::object);
  body.set("home_url", c.urls().page(c.lang(), ""));
  put(d, "content", text_data(c.render("not_found", body)));
  c.write(c.urls().file(c.lang(), "404.html"), c.render("base", d));
  c.count_page();
}

}  // namespace metodika::render::site
