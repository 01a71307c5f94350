#include "render/site/site.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "render/common/markdown.h"
#include "render/common/urls.h"
#include "render/common/xml.h"
#include "render/site/templates.h"
#include "rules/upcoming.h"
#include "util/collate.h"
#include "util/format.h"

namespace metodika::render::site {
namespace {

using model::Model;
using model::Page;
using model::PageKind;

// FNV-1a: a short, stable content hash for cache-busting asset names (not for security).
std::string content_hash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, 10);
}

// "style.css" → "style.0123456789.css".
std::string hashed_name(const std::string& path, std::string_view bytes) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return path + "." + content_hash(bytes);
  }
  return path.substr(0, dot) + "." + content_hash(bytes) + path.substr(dot);
}

// Translation strings as nested Mustache data: "nav.home" → t.nav.home.
Data strings_data(const load::StringTable& table) {
  Data t(Data::type::object);
  for (const auto& [key, text] : table) {
    Data* node = &t;
    size_t start = 0;
    for (size_t dot; (dot = key.find('.', start)) != std::string::npos; start = dot + 1) {
      std::string part = key.substr(start, dot - start);
      Data* child = const_cast<Data*>(node->get(part));  // kainjow exposes no mutable get
      if (!child || !child->is_object()) {
        node->set(part, Data(Data::type::object));
        child = const_cast<Data*>(node->get(part));
      }
      node = child;
    }
    node->set(key.substr(start), text);
  }
  return t;
}

struct NavItem {
  std::string_view key;  // translation key under nav.
  std::string_view rel;  // page path
};
constexpr NavItem kNav[] = {
    {"home", ""},           {"municipalities", "pasvaldibas/"}, {"methodologists", "metodiki/"},
    {"olympiads", "olimpiades/"}, {"materials", "materiali/"},  {"events", "pasakumi/"},
};

class SiteWriter {
 public:
  SiteWriter(const Model& m, const rules::Results& r, const load::Theme& theme,
             util::OutputSink& out, diag::Diagnostics& diags)
      : m_(m), r_(r), theme_(theme), out_(out), templates_(theme, diags),
        urls_(m.site.base_url, m.site.languages) {}

  SiteStats run() {
    write_static();
    for (const std::string& lang : m_.site.languages) {
      lang_ = lang;
      strings_ = strings_data(theme_.strings.count(lang) ? theme_.strings.at(lang)
                                                         : load::StringTable{});
      collator_ = std::make_unique<util::Collator>(lang);
      accessibility_rel_.clear();
      for (const Page& p : m_.pages) {
        if (p.lang == lang && !p.draft && p.source.ends_with("/accessibility.md")) {
          accessibility_rel_ = p.slug + "/";
        }
      }
      home();
      municipalities();
      institutions();
      methodologists();
      olympiads();
      materials();
      events();
      content_pages();
      news();
      not_found();
    }
    lang_ = m_.site.default_language();
    write_sitemap_and_robots();
    return stats_;
  }

 private:
  const std::string& t(std::string_view key) const {
    static const std::string kEmpty;
    auto it = theme_.strings.find(lang_);
    if (it == theme_.strings.end()) return kEmpty;
    auto s = it->second.find(key);
    return s == it->second.end() ? kEmpty : s->second;
  }

  void write(const std::string& path, const std::string& bytes) {
    out_.write(path, bytes);
    ++stats_.files;
  }

  void write_static() {
    for (const auto& [path, bytes] : theme_.static_files) {
      std::string name = "static/" + hashed_name(path, bytes);
      asset_urls_[path] = urls_.asset(name);
      write(name, bytes);
    }
  }

  // The URL of the page in the other language of a two-language site, for the switch.
  // `alt`: the page's address in each language; absent, the same `rel` in every language.
  Data page_data(std::string_view rel, const std::string& title,
                 const std::vector<std::pair<std::string, std::string>>& crumbs,
                 const std::map<std::string, std::string>* alt = nullptr) {
    Data d(Data::type::object);
    d.set("lang", lang_);
    d.set("t", strings_);
    d.set("site_title", m_.site.title.in(lang_));
    d.set("page_title", title);
    d.set("home_url", urls_.page(lang_, ""));
    d.set("css_url", asset_urls_.count("style.css") ? asset_urls_.at("style.css") : "");
    d.set("publisher_name", m_.site.publisher.name);
    if (!m_.site.publisher.email.empty()) d.set("publisher_email", m_.site.publisher.email);
    d.set("as_of", util::format_date_numeric(m_.site.as_of, lang_));
    if (!accessibility_rel_.empty()) d.set("accessibility_url", urls_.page(lang_, accessibility_rel_));
    Data nav(Data::type::list);
    for (const NavItem& item : kNav) {
      Data n(Data::type::object);
      n.set("url", urls_.page(lang_, item.rel));
      n.set("label", t("nav." + std::string(item.key)));
      if (item.rel == rel) n.set("current", Data(Data::type::bool_true));
      nav.push_back(n);
    }
    d.set("nav", nav);
    Data alternates(Data::type::list);
    for (const std::string& l : m_.site.languages) {
      std::string lrel(rel);
      if (alt) {
        auto it = alt->find(l);
        if (it == alt->end() && l != lang_) {
          lrel.clear();  // untranslated: the switch leads to that language's home page
        } else if (it != alt->end()) {
          lrel = it->second;
        }
      }
      if (!alt || alt->count(l)) {
        Data a(Data::type::object);
        a.set("lang", l);
        a.set("url", urls_.absolute(l, lrel));
        alternates.push_back(a);
      }
      if (l != lang_ && m_.site.languages.size() == 2) {
        Data other(Data::type::object);
        other.set("lang", l);
        other.set("url", urls_.page(l, lrel));
        other.set("label", t("language.other"));
        d.set("other_language", other);
      }
    }
    d.set("alternates", alternates);
    Data bc(Data::type::list);
    for (const auto& [label, url] : crumbs) {
      Data c(Data::type::object);
      c.set("label", label);
      c.set("url", url);
      bc.push_back(c);
    }
    d.set("has_breadcrumbs", crumbs.empty() ? Data(Data::type::bool_false)
                                            : Data(Data::type::bool_true));
    d.set("breadcrumbs", bc);
    return d;
  }

  // Renders `body_template` with `body`, then the layout around it, into the page at `rel`.
  void emit(std::string_view rel, const std::string& title, const std::string& body_template,
            Data body, std::vector<std::pair<std::string, std::string>> crumbs = {},
            const std::map<std::string, std::string>* alt = nullptr) {
    if (crumbs.empty() && !rel.empty()) crumbs.emplace_back(t("nav.home"), urls_.page(lang_, ""));
    Data d = page_data(rel, title, crumbs, alt);
    body.set("t", strings_);
    body.set("home_url", urls_.page(lang_, ""));
    d.set("content", templates_.render(body_template, body));
    write(urls_.file(lang_, rel), templates_.render("base", d));
    ++stats_.pages;
    sitemap_.push_back(urls_.absolute(lang_, rel));
  }

  const Page* find_page(PageKind kind, std::string_view slug = {}) const {
    for (const Page& p : m_.pages) {
      if (p.kind == kind && p.lang == lang_ && !p.draft && (slug.empty() || p.slug == slug)) {
        return &p;
      }
    }
    return nullptr;
  }

  void home() {
    Data body(Data::type::object);
    if (const Page* p = find_page(PageKind::kHome)) {
      body.set("intro_html", render_markdown(p->body, {m_.site.raw_html, 1}).html);
    }
    size_t upcoming = static_cast<size_t>(std::count_if(
        m_.olympiads.begin(), m_.olympiads.end(),
        [&](const model::Olympiad& o) { return rules::is_upcoming(o, m_.site.as_of); }));
    size_t due = static_cast<size_t>(
        std::count_if(r_.materials.begin(), r_.materials.end(), [](const auto& s) {
          return s.state == rules::MaterialState::kOverdue ||
                 s.state == rules::MaterialState::kDueSoon;
        }));
    Data figures(Data::type::list);
    auto figure = [&](size_t n, std::string_view key, std::string_view rel) {
      Data f(Data::type::object);
      f.set("value", util::format_int(static_cast<int64_t>(n), lang_));
      f.set("label", t(key));
      f.set("url", urls_.page(lang_, rel));
      figures.push_back(f);
    };
    figure(m_.institutions.size(), "home.institutions", "pasvaldibas/");
    figure(m_.methodologists.size(), "home.methodologists", "metodiki/");
    figure(upcoming, "home.upcoming_olympiads", "olimpiades/");
    figure(due, "home.materials_due", "materiali/");
    body.set("figures", figures);
    std::vector<const Page*> news;
    for (const Page& p : m_.pages) {
      if (p.kind == PageKind::kNews && p.lang == lang_ && !p.draft) news.push_back(&p);
    }
    std::sort(news.begin(), news.end(), [](const Page* a, const Page* b) {
      return std::tie(b->date, b->slug) < std::tie(a->date, a->slug);
    });
    Data list(Data::type::list);
    for (size_t i = 0; i < news.size() && i < 5; ++i) {
      Data n(Data::type::object);
      n.set("title", news[i]->title);
      n.set("url", urls_.page(lang_, "jaunumi/" + news[i]->slug + "/"));
      if (news[i]->date) {
        n.set("date", util::format_date_numeric(*news[i]->date, lang_));
        n.set("iso_date", news[i]->date->iso());
      }
      list.push_back(n);
    }
    body.set("has_news", news.empty() ? Data(Data::type::bool_false) : Data(Data::type::bool_true));
    body.set("news", list);
    emit("", m_.site.title.in(lang_), "home", body);
  }

  void municipalities() {
    std::vector<size_t> counts(m_.municipalities.size());
    for (const auto& in : m_.institutions) ++counts[in.municipality_index];
    Data regions(Data::type::list);
    for (const auto& [region_name, region] : model::kRegions) {
      std::vector<std::pair<std::string, size_t>> members;
      for (size_t i = 0; i < m_.municipalities.size(); ++i) {
        if (m_.municipalities[i].region == region) {
          members.emplace_back(collator_->sort_key(m_.municipalities[i].name.in(lang_)), i);
        }
      }
      if (members.empty()) continue;
      std::sort(members.begin(), members.end());
      Data list(Data::type::list);
      for (const auto& [key, i] : members) {
        Data mu(Data::type::object);
        mu.set("name", m_.municipalities[i].name.in(lang_));
        mu.set("institutions", util::format_int(static_cast<int64_t>(counts[i]), lang_));
        list.push_back(mu);
      }
      Data r(Data::type::object);
      r.set("id", std::string(region_name));
      r.set("name", t("region." + std::string(region_name)));
      r.set("municipalities", list);
      regions.push_back(r);
    }
    Data body(Data::type::object);
    body.set("regions", regions);
    emit("pasvaldibas/", t("municipalities.title"), "municipalities", body);
  }

  // A plain sorted list page; the full pages of issue 4 replace these one by one.
  void list_page(std::string_view rel, std::string_view nav_key,
                 std::vector<std::pair<std::string, std::string>> items /* label, meta */,
                 bool sort_by_label) {
    if (sort_by_label) {
      std::vector<std::pair<std::string, size_t>> keys;
      for (size_t i = 0; i < items.size(); ++i) {
        keys.emplace_back(collator_->sort_key(items[i].first), i);
      }
      std::sort(keys.begin(), keys.end());
      std::vector<std::pair<std::string, std::string>> sorted;
      for (const auto& [k, i] : keys) sorted.push_back(items[i]);
      items = std::move(sorted);
    }
    Data list(Data::type::list);
    for (const auto& [label, meta] : items) {
      Data it(Data::type::object);
      it.set("label", label);
      if (!meta.empty()) it.set("meta", meta);
      list.push_back(it);
    }
    Data body(Data::type::object);
    body.set("items", list);
    emit(rel, t("nav." + std::string(nav_key)), "list", body);
  }

  void institutions() {
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto& in : m_.institutions) {
      items.emplace_back(in.name.in(lang_), m_.municipalities[in.municipality_index].name.in(lang_));
    }
    list_page("iestades/", "institutions", std::move(items), true);
  }

  void methodologists() {
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto& me : m_.methodologists) {
      std::string subjects;
      for (const auto& s : me.subjects) {
        const model::Subject* subj = m_.find_subject(s);
        subjects += (subjects.empty() ? "" : ", ") + (subj ? subj->name.in(lang_) : s);
      }
      items.emplace_back(me.name, subjects);
    }
    list_page("metodiki/", "methodologists", std::move(items), true);
  }

  void olympiads() {
    std::vector<const model::Olympiad*> sorted;
    for (const auto& o : m_.olympiads) sorted.push_back(&o);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) {
      return std::tie(a->start, a->id) < std::tie(b->start, b->id);
    });
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto* o : sorted) {
      const model::Subject* s = m_.find_subject(o->subject);
      std::string label = o->title.empty() ? (s ? s->name.in(lang_) : o->subject)
                                           : o->title.in(lang_);
      items.emplace_back(label, util::format_date_numeric(o->start, lang_));
    }
    list_page("olimpiades/", "olympiads", std::move(items), false);
  }

  void materials() {
    std::vector<std::pair<std::string, std::string>> items;
    for (size_t i = 0; i < m_.materials.size(); ++i) {
      items.emplace_back(m_.materials[i].title.in(lang_),
                         util::format_date_numeric(m_.materials[i].deadline, lang_));
    }
    list_page("materiali/", "materials", std::move(items), false);
  }

  void events() {
    std::vector<const model::Event*> sorted;
    for (const auto& e : m_.events) sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) {
      return std::tie(a->start, a->id) < std::tie(b->start, b->id);
    });
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto* e : sorted) {
      items.emplace_back(e->title.in(lang_), util::format_date_numeric(e->start.date, lang_));
    }
    list_page("pasakumi/", "events", std::move(items), false);
  }

  // A content page's address in each language where it exists: pages are translations of each
  // other when their files have the same path under content/ and content/<lang>/.
  std::map<std::string, std::string> translations(const Page& page, std::string_view prefix) {
    std::map<std::string, std::string> alt;
    auto key = [&](const Page& p) {
      std::string_view rel = p.source;
      rel.remove_prefix(8);  // "content/"
      if (p.lang != m_.site.default_language()) rel.remove_prefix(p.lang.size() + 1);
      return std::string(rel);
    };
    std::string k = key(page);
    for (const Page& p : m_.pages) {
      if (p.kind == page.kind && !p.draft && key(p) == k) {
        alt[p.lang] = std::string(prefix) + p.slug + "/";
      }
    }
    return alt;
  }

  void content_pages() {
    for (const Page& p : m_.pages) {
      if (p.lang != lang_ || p.draft || p.kind != PageKind::kPage) continue;
      Data body(Data::type::object);
      body.set("body_html", render_markdown(p.body, {m_.site.raw_html, 1}).html);
      auto alt = translations(p, "");
      emit(p.slug + "/", p.title, "page", body, {}, &alt);
    }
  }

  void news() {
    std::vector<const Page*> posts;
    for (const Page& p : m_.pages) {
      if (p.kind == PageKind::kNews && p.lang == lang_ && !p.draft) posts.push_back(&p);
    }
    std::sort(posts.begin(), posts.end(), [](const Page* a, const Page* b) {
      return std::tie(b->date, b->slug) < std::tie(a->date, a->slug);
    });
    std::vector<std::pair<std::string, std::string>> crumbs = {
        {t("nav.home"), urls_.page(lang_, "")}, {t("nav.news"), urls_.page(lang_, "jaunumi/")}};
    Data items(Data::type::list);
    for (const Page* p : posts) {
      Data body(Data::type::object);
      if (p->date) {
        body.set("date", util::format_date_long(*p->date, lang_));
        body.set("iso_date", p->date->iso());
      }
      body.set("body_html", render_markdown(p->body, {m_.site.raw_html, 1}).html);
      auto alt = translations(*p, "jaunumi/");
      emit("jaunumi/" + p->slug + "/", p->title, "news_post", body, crumbs, &alt);
      Data it(Data::type::object);
      it.set("label", p->title);
      it.set("url", urls_.page(lang_, "jaunumi/" + p->slug + "/"));
      if (p->date) it.set("meta", util::format_date_numeric(*p->date, lang_));
      items.push_back(it);
    }
    Data body(Data::type::object);
    body.set("items", items);
    emit("jaunumi/", t("nav.news"), "list", body);
  }

  void not_found() {
    Data d = page_data("404.html", t("not_found.title"), {});
    Data body(Data::type::object);
    body.set("t", strings_);
    body.set("home_url", urls_.page(lang_, ""));
    d.set("content", templates_.render("not_found", body));
    write(urls_.file(lang_, "404.html"), templates_.render("base", d));
    ++stats_.pages;
  }

  void write_sitemap_and_robots() {
    std::sort(sitemap_.begin(), sitemap_.end());
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const std::string& url : sitemap_) {
      xml += "<url><loc>" + xml_escape(url) + "</loc><lastmod>" + m_.site.as_of.iso() +
             "</lastmod></url>\n";
    }
    xml += "</urlset>\n";
    write("sitemap.xml", xml);
    write("robots.txt", "User-agent: *\nAllow: /\nSitemap: " +
                            urls_.absolute(m_.site.default_language(), "sitemap.xml") + "\n");
  }

  const Model& m_;
  const rules::Results& r_;
  const load::Theme& theme_;
  util::OutputSink& out_;
  Templates templates_;
  Urls urls_;
  std::string lang_;
  Data strings_;
  std::unique_ptr<util::Collator> collator_;
  std::map<std::string, std::string> asset_urls_;
  std::string accessibility_rel_;
  std::vector<std::string> sitemap_;
  SiteStats stats_;
};

}  // namespace

SiteStats render_site(const model::Model& model, const rules::Results& results,
                      const load::Theme& theme, util::OutputSink& out, diag::Diagnostics& diags) {
  SiteWriter w(model, results, theme, out, diags);
  if (diags.has_errors()) return {};
  return w.run();
}

}  // namespace metodika::render::site
