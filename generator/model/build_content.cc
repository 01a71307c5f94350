// Pages from content/ (DATA-MODEL.md sections 13 and 15 "Content URLs").
#include <algorithm>
#include <array>
#include <map>

#include "model/builders.h"
#include "model/reserved.h"
#include "util/digest.h"

namespace metodika::model::detail {
namespace {

constexpr std::array<std::string_view, 8> kFrontMatterKeys = {
    "title", "slug", "date", "tags", "summary", "draft", "description", "weight"};

std::string stem(std::string_view rel) {
  size_t slash = rel.rfind('/');
  std::string_view name = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
  return std::string(name.substr(0, name.size() - 3));  // drop ".md"
}

// A page whose address is one of the site's own sections would be overwritten by it (and listed
// twice in the sitemap): reported at its `slug:`, or at the top of the file when the slug comes
// from the file name.
void check_reserved(const Page& p, const load::ContentFile& cf, const Node& fm,
                    const std::vector<std::string>& langs, diag::Diagnostics& diags) {
  std::string taken_by;
  if (p.kind == PageKind::kNews) {
    const bool digits = !p.slug.empty() && std::all_of(p.slug.begin(), p.slug.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
    if (p.slug == kNewsTagsFolder) taken_by = "the news tags' pages";
    if (digits) taken_by = "the pages of the news list (jaunumi/2/, jaunumi/3/, ...)";
  } else {
    if (std::find(kSiteSections.begin(), kSiteSections.end(), p.slug) != kSiteSections.end()) {
      taken_by = "the site's own section /" + p.slug + "/";
    }
    // The default language's pages sit beside the other languages' folders.
    if (p.lang == langs.front()) {
      for (size_t i = 1; i < langs.size(); ++i) {
        if (p.slug == langs[i]) taken_by = "the site's pages in \"" + langs[i] + "\"";
      }
    }
  }
  if (taken_by.empty()) return;
  const Node* slug = fm.is_map() ? fm.get("slug") : nullptr;
  Pos at = slug && !slug->is_null() ? Pos{cf.path, slug->line, slug->col} : Pos{cf.path, 1, 1};
  diags.error(at,
              "the address of this page, \"" + p.slug + "\", is taken by " + taken_by,
              slug ? "choose another `slug:`"
                   : "add `slug: ...` with another address to the front matter, or rename the "
                     "file");
}

}  // namespace

void build_pages(const std::vector<load::ContentFile>& files, diag::Diagnostics& diags, Model& m) {
  const std::vector<std::string>& langs = m.site.languages;
  std::map<std::pair<std::string, std::string>, std::string> urls;  // (lang, url) -> source
  for (const load::ContentFile& cf : files) {
    Ctx ctx{diags, cf.path, langs};
    Page p;
    p.source = cf.path;
    p.pos = {cf.path, 1, 1};
    p.lang = cf.lang.empty() ? m.site.default_language() : cf.lang;
    bool known_lang = false;
    for (const auto& l : langs) known_lang = known_lang || l == p.lang;
    if (!known_lang) {
      diags.warning({cf.path, 0, 0},
                    "ignored: \"" + cf.lang + "\" is not one of the site's languages",
                    "add it to `languages` in site.yaml, or move the file");
      continue;
    }
    p.body = cf.body;
    p.body_line = cf.body_line;
    if (!cf.front) continue;  // an unclosed front matter was reported by the loader
    p.digest = util::Digest()
                   .add(cf.path)
                   .add(load::node_digest(*cf.front))
                   .add(cf.body)
                   .value();
    const Node& fm = *cf.front;
    if (!fm.is_null() && !expect_map(fm, ctx, "the front matter")) continue;
    // Unknown front-matter keys only warn: authors coming from Hugo carry many of their own.
    std::vector<std::string> known(kFrontMatterKeys.begin(), kFrontMatterKeys.end());
    for (size_t i = 0; i < fm.size(); ++i) {
      const Node& k = fm.key(i);
      if (std::find(known.begin(), known.end(), k.value) != known.end()) continue;
      auto guess = util::closest_match(k.value, known);
      diags.warning(ctx.at(k), "unknown front-matter field \"" + k.value + "\" is ignored" +
                                   (guess ? " (did you mean \"" + *guess + "\"?)" : ""));
    }
    std::string_view rel = cf.rel;
    if (rel == "_index.md") {
      p.kind = PageKind::kHome;
    } else if (rel.starts_with("news/")) {
      p.kind = PageKind::kNews;
    } else if (rel.starts_with("municipalities/")) {
      p.kind = PageKind::kReview;
      std::string_view rest = rel.substr(15);
      size_t slash = rest.find('/');
      if (slash == std::string_view::npos || rest.substr(slash + 1) != "review.md") {
        diags.warning({cf.path, 0, 0}, "ignored: municipality content must be "
                                       "content/municipalities/<id>/review.md");
        continue;
      }
      p.municipality = std::string(rest.substr(0, slash));
      if (!m.find_municipality(p.municipality)) {
        std::vector<std::string> ids;
        for (const auto& mu : m.municipalities) ids.push_back(mu.id);
        auto guess = util::closest_match(p.municipality, ids);
        diags.error({cf.path, 0, 0},
                    "the review narrative is for an unknown municipality \"" + p.municipality +
                        "\"" + (guess ? " (did you mean \"" + *guess + "\"?)" : ""),
                    "the folder name must be a municipality id from data/municipalities.yaml");
      }
    }
    if (auto* v = fm.get("title"); v && !v->is_null()) {
      p.title = read_string(*v, ctx, "title").value_or("");
    } else if (p.kind == PageKind::kPage || p.kind == PageKind::kNews) {
      diags.error({cf.path, 1, 1}, "the page has no title",
                  "add `title: ...` to the front matter between the --- lines");
    }
    if (auto* v = fm.get("date"); v && !v->is_null()) {
      p.date = read_date(*v, ctx, "date");
    } else if (p.kind == PageKind::kNews) {
      // A news file named YYYY-MM-DD-*.md takes its date from the name.
      std::string s = stem(rel);
      p.date = s.size() >= 10 ? util::parse_date(std::string_view(s).substr(0, 10)) : std::nullopt;
      if (!p.date) {
        diags.error({cf.path, 1, 1}, "the news post has no date",
                    "add `date: YYYY-MM-DD` to the front matter, or name the file "
                    "YYYY-MM-DD-title.md");
      }
    }
    if (auto* v = fm.get("tags"); v && !v->is_null()) {
      p.tags = read_string_list(*v, ctx, "tags").value_or(std::vector<std::string>{});
    }
    if (auto* v = fm.get("summary"); v && !v->is_null()) {
      p.summary = read_string(*v, ctx, "summary").value_or("");
    } else if (auto* d = fm.get("description"); d && !d->is_null()) {
      p.summary = read_string(*d, ctx, "description").value_or("");
    }
    if (auto* v = fm.get("draft"); v && !v->is_null()) {
      p.draft = read_bool(*v, ctx, "draft").value_or(false);
    }
    p.slug = stem(rel);
    if (auto* v = fm.get("slug"); v && !v->is_null()) {
      if (auto s = read_slug(*v, ctx, "slug")) p.slug = *s;
    } else if ((p.kind == PageKind::kPage || p.kind == PageKind::kNews) && !util::is_slug(p.slug)) {
      diags.error({cf.path, 0, 0},
                  "the file name \"" + p.slug + "\" cannot be used as a web address",
                  "rename the file to \"" + util::slugify(p.slug) + ".md\", or add `slug: " +
                      util::slugify(p.slug) + "` to the front matter");
    }
    if (p.kind == PageKind::kPage || p.kind == PageKind::kNews) {
      check_reserved(p, cf, fm, langs, diags);
    }
    // Drafts are not published, so they take no address (whichever file sorts first).
    if ((p.kind == PageKind::kPage || p.kind == PageKind::kNews) && !p.draft) {
      std::string url = (p.kind == PageKind::kNews ? "news/" : "") + p.slug;
      auto [it, fresh] = urls.emplace(std::pair{p.lang, url}, cf.path);
      if (!fresh) {
        diags.error({cf.path, 0, 0},
                    "two pages would have the same address /" + url + "/: " + it->second +
                        " and " + cf.path,
                    "give one of them another `slug:`");
      }
    }
    m.pages.push_back(std::move(p));
  }
}

}  // namespace metodika::model::detail
