// site.yaml (DATA-MODEL.md section 2).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/builders.h"

namespace metodika::model::detail {
namespace {

bool is_language_code(std::string_view s) {
  return s.size() == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z';
}

void read_ce_rules(const Node& n, const Ctx& ctx, Rules& rules) {
  if (!expect_list(n, ctx, "rules.ce_index")) return;
  rules.ce_index.clear();
  for (const Node& e : n.items) {
    if (!expect_map(e, ctx, "each exam-index rule")) continue;
    Fields f(e, ctx, "an exam-index rule", {"from", "to", "method", "threshold"});
    CeRule r;
    r.pos = ctx.at(e);
    std::optional<Date> from, to;
    std::optional<CeMethod> method;
    std::optional<double> threshold;
    if (auto* v = f.require("from")) from = read_date(*v, ctx, "from");
    if (auto* v = f.require("to")) to = read_date(*v, ctx, "to");
    if (auto* v = f.require("method")) method = read_enum(*v, ctx, "method", kCeMethods);
    if (auto* v = f.require("threshold")) threshold = read_percent(*v, ctx, "threshold");
    if (!from || !to || !method || !threshold) continue;
    if (*to < *from) {
      ctx.error(*f.get("to"), "the rule ends (" + to->iso() + ") before it starts (" +
                                  from->iso() + ")");
      continue;
    }
    r.from = *from;
    r.to = *to;
    r.method = *method;
    r.threshold = *threshold;
    rules.ce_index.push_back(r);
  }
  std::sort(rules.ce_index.begin(), rules.ce_index.end(),
            [](const CeRule& a, const CeRule& b) { return a.from < b.from; });
  for (size_t i = 1; i < rules.ce_index.size(); ++i) {
    const CeRule& prev = rules.ce_index[i - 1];
    const CeRule& cur = rules.ce_index[i];
    if (cur.from <= prev.to) {
      ctx.diags.error(cur.pos,
                      "this exam-index rule (from " + cur.from.iso() +
                          ") overlaps the one in force until " + prev.to.iso(),
                      "the periods of the rules must not overlap: start it on " +
                          prev.to.plus_days(1).iso() + " or later");
    }
  }
}

void read_rules(const Node& n, const Ctx& ctx, Rules& rules) {
  if (!expect_map(n, ctx, "rules")) return;
  Fields f(n, ctx, "rules",
           {"ce_index", "pd", "methodologist_time", "observations_per_teacher", "small_cell",
            "due_soon_days"});
  if (auto* v = f.get("ce_index")) read_ce_rules(*v, ctx, rules);
  if (auto* v = f.get("pd"); v && expect_map(*v, ctx, "rules.pd")) {
    Fields pd(*v, ctx, "rules.pd", {"hours", "years"});
    if (auto* h = pd.get("hours")) {
      if (auto x = read_int(*h, ctx, "hours", 1, 10000)) rules.pd_hours = static_cast<int>(*x);
    }
    if (auto* y = pd.get("years")) {
      if (auto x = read_int(*y, ctx, "years", 1, 50)) rules.pd_years = static_cast<int>(*x);
    }
  }
  if (auto* v = f.get("methodologist_time"); v && expect_map(*v, ctx, "rules.methodologist_time")) {
    Fields mt(*v, ctx, "rules.methodologist_time", {"state", "teachers", "schools", "data"});
    WorkSplit split;
    bool ok = true;
    for (const auto& [name, cat] : kWorkCategories) {
      const Node* x = mt.require(name);
      auto pct = x ? read_percent(*x, ctx, name) : std::nullopt;
      if (pct) {
        split.by_category[static_cast<size_t>(cat)] = *pct;
      } else {
        ok = false;
      }
    }
    if (ok && std::abs(split.total() - 100.0) > 1e-9) {
      char total[32];  // %g: a total of 99.5 must not read as 99
      std::snprintf(total, sizeof total, "%g", split.total());
      ctx.error(*v, "the methodologist time norm adds up to " + std::string(total) + "%, not 100%",
                "the four shares (state, teachers, schools, data) must add up to 100");
    } else if (ok) {
      rules.methodologist_time = split;
    }
  }
  if (auto* v = f.get("observations_per_teacher")) {
    if (auto x = read_int(*v, ctx, "observations_per_teacher", 1, 100)) {
      rules.observations_per_teacher = static_cast<int>(*x);
    }
  }
  if (auto* v = f.get("small_cell")) {
    if (auto x = read_int(*v, ctx, "small_cell", 1, 1000)) rules.small_cell = static_cast<int>(*x);
  }
  if (auto* v = f.get("due_soon_days")) {
    if (auto x = read_int(*v, ctx, "due_soon_days", 0, 3650)) {
      rules.due_soon_days = static_cast<int>(*x);
    }
  }
}

}  // namespace

Site build_site(const load::Document& doc, const Ctx& ctx) {
  Site s;
  s.rules = default_rules();
  s.languages = ctx.langs;
  const Node& root = *doc.root;
  s.pos = ctx.at(root);
  if (!expect_map(root, ctx, "site.yaml")) return s;
  Fields f(root, ctx, "site.yaml",
           {"title", "base_url", "languages", "as_of", "review", "theme", "publisher", "rules",
            "markdown"});
  if (auto* v = f.require("languages")) {
    auto langs = read_string_list(*v, ctx, "languages");
    if (langs && langs->empty()) {
      ctx.error(*v, "the site needs at least one language", "write languages: [lv, en]");
    }
    const std::vector<Node> single{*v};
    const std::vector<Node>& items = v->is_seq() ? v->items : single;
    for (size_t i = 0; langs && i < langs->size(); ++i) {
      if (!is_language_code((*langs)[i])) {
        ctx.error(items[i], "\"" + (*langs)[i] + "\" is not a two-letter language code",
                  "use ISO 639-1 codes such as lv, en, ru");
      }
      for (size_t j = 0; j < i; ++j) {
        if ((*langs)[j] == (*langs)[i]) {
          ctx.error(items[i], "the language \"" + (*langs)[i] + "\" is listed twice");
        }
      }
    }
  }
  if (auto* v = f.require("title")) {
    if (auto t = read_text(*v, ctx, "title")) s.title = *t;
  }
  if (auto* v = f.require("base_url")) {
    if (auto url = read_string(*v, ctx, "base_url")) {
      if (url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0) {
        ctx.error(*v, "base_url \"" + *url + "\" is not an absolute address",
                  "write the full address of the published site, e.g. https://atbalsts.example.lv/");
      } else {
        s.base_url = *url;
        if (s.base_url.back() != '/') s.base_url += '/';
      }
    }
  }
  if (auto* v = f.get("as_of")) {
    if (auto d = read_date(*v, ctx, "as_of")) s.as_of = *d;
  }
  if (auto* v = f.require("review"); v && expect_map(*v, ctx, "review")) {
    Fields r(*v, ctx, "review", {"from", "to"});
    std::optional<int> from, to;
    if (auto* x = r.require("from")) from = read_year(*x, ctx, "from");
    if (auto* x = r.require("to")) to = read_year(*x, ctx, "to");
    if (from && to) {
      if (*to < *from) {
        ctx.error(*r.get("to"), "the review period ends (" + std::to_string(*to) +
                                    ") before it starts (" + std::to_string(*from) + ")");
      } else {
        s.review_from = *from;
        s.review_to = *to;
      }
    }
  }
  if (auto* v = f.get("theme")) {
    if (auto t = read_slug(*v, ctx, "theme")) s.theme = *t;
  }
  if (auto* v = f.require("publisher"); v && expect_map(*v, ctx, "publisher")) {
    Fields p(*v, ctx, "publisher", {"name", "email", "phone", "address", "url"});
    if (auto* x = p.require("name")) s.publisher.name = read_string(*x, ctx, "name").value_or("");
    if (auto* x = p.get("email")) s.publisher.email = read_email(*x, ctx, "email").value_or("");
  }
  if (auto* v = f.get("rules")) read_rules(*v, ctx, s.rules);
  if (auto* v = f.get("markdown"); v && expect_map(*v, ctx, "markdown")) {
    Fields md(*v, ctx, "markdown", {"raw_html"});
    if (auto* x = md.get("raw_html")) s.raw_html = read_bool(*x, ctx, "raw_html").value_or(false);
  }
  return s;
}

}  // namespace metodika::model::detail
