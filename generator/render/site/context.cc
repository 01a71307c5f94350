#include "render/site/context.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <mutex>

#include "model/reserved.h"
#include "render/common/translate.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render::site {
namespace {

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
    {"home", ""},
    {"municipalities", "pasvaldibas/"},
    {"methodologists", "metodiki/"},
    {"olympiads", "olimpiades/"},
    {"materials", "materiali/"},
    {"events", "pasakumi/"},
    {"about_data", "par-datiem/"},
};

}  // namespace

SiteContext::SiteContext(const model::Model& m, const rules::Results& r, const load::Theme& theme,
                         util::OutputSink& out, diag::Diagnostics& diags, SiteOptions options)
    : m_(m),
      r_(r),
      theme_(theme),
      out_(&out),
      diags_(diags),
      templates_(theme, diags),
      urls_(m.site.base_url, m.site.languages),
      options_(options) {}

void SiteContext::set_language(const std::string& lang) {
  lang_ = lang;
  strings_ =
      strings_data(theme_.strings.count(lang) ? theme_.strings.at(lang) : load::StringTable{});
  base_ = Data(Data::type::object);
  base_.set("t", strings_);
  collator_ = std::make_unique<util::Collator>(lang);
  accessibility_rel_ = accessibility_rel(lang);
  // A language without its own accessibility.md gets the theme's statement (issue 21: the
  // English site had none), unless one of its pages already takes that address.
  generated_accessibility_ =
      !accessibility_rel_.empty() &&
      std::none_of(m_.pages.begin(), m_.pages.end(), [&](const model::Page& p) {
        return p.lang == lang && !p.draft && p.source.ends_with("/accessibility.md");
      });
}

std::string SiteContext::accessibility_rel(std::string_view lang) const {
  bool taken = false;
  for (const model::Page& p : m_.pages) {
    if (p.lang != lang || p.draft) continue;
    if (p.source.ends_with("/accessibility.md")) return p.slug + "/";
    if (p.slug + "/" == kGeneratedAccessibilityRel) taken = true;
  }
  return taken ? std::string() : std::string(kGeneratedAccessibilityRel);
}

// Where the language switch of the page at `rel`, untranslated into `lang`, leads: the
// statement to the statement, otherwise the nearest parent that exists in `lang` (a section of
// the site or a content page), else the home page.
std::string SiteContext::nearest_translated(const std::string& lang, std::string_view rel) const {
  if (!rel.empty() && rel == accessibility_rel_) return accessibility_rel(lang);
  std::string candidate(rel);
  while (!candidate.empty()) {
    candidate.pop_back();  // the trailing '/'
    size_t slash = candidate.rfind('/');
    candidate.resize(slash == std::string::npos ? 0 : slash + 1);
    if (candidate.empty()) break;
    const std::string_view section(candidate.data(), candidate.size() - 1);
    if (std::find(model::kSiteSections.begin(), model::kSiteSections.end(), section) !=
        model::kSiteSections.end()) {
      return candidate;
    }
    for (const model::Page& p : m_.pages) {
      if (p.lang == lang && !p.draft && p.kind == model::PageKind::kPage &&
          p.slug + "/" == candidate) {
        return candidate;
      }
    }
  }
  return {};
}

const MunicipalityTables& SiteContext::municipality_tables(size_t mi) {
  if (!kept_tables_ || kept_tables_->mi != mi || kept_tables_->lang != lang_) {
    kept_tables_.reset();  // the old ones go before the new ones are built
    Translate t = [this](std::string_view key) { return this->t(key); };
    kept_tables_ = KeptTables{mi, lang_, render::municipality_tables(m_, r_, mi, lang_, t)};
  }
  return kept_tables_->tables;
}

const std::string& SiteContext::t(std::string_view key) const {
  return translate(theme_, lang_, key);
}

void SiteContext::write(const std::string& path, const std::string& bytes) {
  out_->write(path, bytes);
  ++files_;
}

void SiteContext::write_static() {
  compute_asset_urls();
  for (const auto& [path, bytes] : theme_.static_files) write("static/" + hashed_name(path, bytes), bytes);
}

void SiteContext::compute_asset_urls() {
  for (const auto& [path, bytes] : theme_.static_files) {
    asset_urls_[path] = urls_.asset("static/" + hashed_name(path, bytes));
  }
}

// One line per item, fields tab-separated and escaped (util::escape_field):
//   N <pages> <files> | S <sitemap url> | D <the eight fields of a DataFile>
// Read back for every kept piece of a one-file build (~2,800 on a national site), where parsing
// JSON was a twentieth of the whole build.
std::string SiteContext::Produced::to_text() const {
  std::string out = "N\t" + std::to_string(pages) + "\t" + std::to_string(files) + "\n";
  for (const std::string& url : sitemap) {
    out += "S\t";
    util::append_field(out, url);
    out += '\n';
  }
  for (const DataFile& f : data_files) {
    out += 'D';
    for (const std::string* field : {&f.lang, &f.dataset, &f.dataset_title, &f.table, &f.title,
                                     &f.description, &f.csv_rel, &f.json_rel}) {
      out += '\t';
      util::append_field(out, *field);
    }
    out += '\n';
  }
  return out;
}

bool SiteContext::Produced::from_text(std::string_view text) {
  sitemap.clear();
  data_files.clear();
  bool counted = false;
  auto number = [](std::string_view s, size_t& out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
  };
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return false;  // every line ends with a newline
    const std::vector<std::string_view> f = util::split_fields(text.substr(0, nl));
    text.remove_prefix(nl + 1);
    if (f[0] == "N" && f.size() == 3 && !counted) {
      if (!number(f[1], pages) || !number(f[2], files)) return false;
      counted = true;
    } else if (f[0] == "S" && f.size() == 2) {
      sitemap.push_back(util::unescape_field(f[1]));
    } else if (f[0] == "D" && f.size() == 9) {
      data_files.push_back({util::unescape_field(f[1]), util::unescape_field(f[2]),
                            util::unescape_field(f[3]), util::unescape_field(f[4]),
                            util::unescape_field(f[5]), util::unescape_field(f[6]),
                            util::unescape_field(f[7]), util::unescape_field(f[8])});
    } else {
      return false;
    }
  }
  return counted;
}

SiteContext::Produced SiteContext::take_produced() {
  Produced p{pages_, files_, std::move(sitemap_), std::move(data_files_)};
  pages_ = files_ = 0;
  sitemap_.clear();
  data_files_.clear();
  return p;
}

void SiteContext::add_produced(Produced p) {
  pages_ += p.pages;
  files_ += p.files;
  for (auto& s : p.sitemap) sitemap_.push_back(std::move(s));
  for (auto& f : p.data_files) data_files_.push_back(std::move(f));
}

void SiteContext::report_error(std::string message) {
  static std::mutex mu;  // workers of a parallel build share the diagnostics
  std::lock_guard lock(mu);
  diags_.error({}, std::move(message));
}

std::string SiteContext::asset_url(std::string_view name) const {
  auto it = asset_urls_.find(std::string(name));
  return it == asset_urls_.end() ? std::string() : it->second;
}

// The URL of the page in the other language of a two-language site, for the switch.
// `alt`: the page's address in each language; absent, the same `rel` in every language.
Data SiteContext::page_data(std::string_view rel, const std::string& title, const Crumbs& crumbs,
                            const std::map<std::string, std::string>* alt) {
  Data d(Data::type::object);
  d.set("lang", lang_);
  d.set("site_title", m_.site.title.in(lang_));
  d.set("page_title", title);
  d.set("home_url", urls_.page(lang_, ""));
  d.set("search_url", urls_.page(lang_, "meklet/"));  // the header's search form (issue 21)
  d.set("css_url", asset_urls_.count("style.css") ? asset_urls_.at("style.css") : "");
  d.set("feed_url", urls_.page(lang_, "jaunumi/atom.xml"));  // written by write_news
  d.set("publisher_name", m_.site.publisher.name);
  if (!m_.site.publisher.email.empty()) d.set("publisher_email", m_.site.publisher.email);
  d.set("as_of", util::format_date_numeric(m_.site.as_of, lang_));
  if (!accessibility_rel_.empty())
    d.set("accessibility_url", urls_.page(lang_, accessibility_rel_));
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
        lrel = nearest_translated(l, rel);  // untranslated: the nearest page that is
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
  d.set("has_breadcrumbs",
        crumbs.empty() ? Data(Data::type::bool_false) : Data(Data::type::bool_true));
  d.set("breadcrumbs", bc);
  return d;
}

// Renders `body_template` with `body`, then the layout around it, into the page at `rel`.
void SiteContext::emit(std::string_view rel, const std::string& title,
                       const std::string& body_template, Data body, Crumbs crumbs,
                       const std::map<std::string, std::string>* alt) {
  if (crumbs.empty() && !rel.empty()) crumbs.emplace_back(t("nav.home"), urls_.page(lang_, ""));
  Data d = page_data(rel, title, crumbs, alt);
  body.set("home_url", urls_.page(lang_, ""));
  // For the lists that narrow as you type (list-filter.js; the templates that use it say so).
  body.set("list_filter_url", asset_url("list-filter.js"));
  d.set("content", render(body_template, body));
  write(urls_.file(lang_, rel), render("base", d));
  ++pages_;
  sitemap_.push_back(urls_.absolute(lang_, rel));
}

const model::Page* SiteContext::find_page(model::PageKind kind, std::string_view slug) const {
  for (const model::Page& p : m_.pages) {
    if (p.kind == kind && p.lang == lang_ && !p.draft && (slug.empty() || p.slug == slug)) {
      return &p;
    }
  }
  return nullptr;
}

// A content page's address in each language where it exists: pages are translations of each
// other when their files have the same path under content/ and content/<lang>/.
std::map<std::string, std::string> SiteContext::translations(const model::Page& page,
                                                             std::string_view prefix) const {
  std::map<std::string, std::string> alt;
  auto key = [&](const model::Page& p) {
    std::string_view rel = p.source;
    rel.remove_prefix(8);  // "content/"
    if (p.lang != m_.site.default_language()) rel.remove_prefix(p.lang.size() + 1);
    return std::string(rel);
  };
  std::string k = key(page);
  for (const model::Page& p : m_.pages) {
    if (p.kind == page.kind && !p.draft && key(p) == k) {
      alt[p.lang] = std::string(prefix) + p.slug + "/";
    }
  }
  return alt;
}

// A plain sorted list page; the full pages of issue 4 replace these one by one.
void SiteContext::list_page(
    std::string_view rel, std::string_view nav_key,
    std::vector<std::pair<std::string, std::string>> items /* label, meta */, bool sort_by_label) {
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

}  // namespace metodika::render::site
