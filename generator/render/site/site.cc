#include "render/site/site.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "render/common/xml.h"
#include "render/site/pages.h"
#include "util/parallel.h"

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

namespace {

using Writer = void (*)(SiteContext&);

// One piece of a parallel build: a page writer in one language, for a range of entities when
// the writer goes through municipalities or institutions one page each.
struct Task {
  size_t lang = 0;
  Writer write = nullptr;
  size_t begin = 0;
  size_t end = static_cast<size_t>(-1);
};

// Entities per task for the per-entity writers: small enough to balance two workers, large
// enough that switching tasks costs nothing.
constexpr size_t kMunicipalitiesPerTask = 1;
constexpr size_t kInstitutionsPerTask = 64;

std::vector<Task> tasks(const model::Model& model) {
  std::vector<Task> out;
  for (size_t l = 0; l < model.site.languages.size(); ++l) {
    for (Writer w : {write_home, write_municipalities, write_institutions, write_methodologists,
                     write_olympiads, write_materials, write_events, write_content_pages,
                     write_news, write_about_data, write_search, write_not_found}) {
      out.push_back({l, w});
    }
    auto ranges = [&](Writer w, size_t n, size_t per) {
      for (size_t b = 0; b < n; b += per) out.push_back({l, w, b, std::min(n, b + per)});
    };
    ranges(write_municipality_pages, model.municipalities.size(), kMunicipalitiesPerTask);
    ranges(write_review_pages, model.municipalities.size(), kMunicipalitiesPerTask);
    ranges(write_institution_pages, model.institutions.size(), kInstitutionsPerTask);
  }
  return out;
}

}  // namespace

SiteStats render_site(const model::Model& model, const rules::Results& results,
                      const load::Theme& theme, util::OutputSink& out, diag::Diagnostics& diags,
                      const SiteOptions& options) {
  SiteContext c(model, results, theme, out, diags, options);
  if (diags.has_errors()) return {};
  c.write_static();

  // Every page on `jobs` workers, each with its own context (templates are not thread-safe);
  // what each task produced is merged in task order, so the result does not depend on the
  // number of workers or on scheduling.
  const std::vector<Task> work = tasks(model);
  const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(work.size())));
  std::vector<std::unique_ptr<SiteContext>> workers;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.push_back(std::make_unique<SiteContext>(model, results, theme, out, diags, options));
    workers.back()->compute_asset_urls();
  }
  std::vector<SiteContext::Produced> produced(work.size());
  std::vector<size_t> current_lang(jobs, static_cast<size_t>(-1));
  util::parallel_for_worker(work.size(), jobs, [&](unsigned w, size_t i) {
    SiteContext& wc = *workers[w];
    const Task& t = work[i];
    if (current_lang[w] != t.lang) {
      wc.set_language(model.site.languages[t.lang]);
      current_lang[w] = t.lang;
    }
    wc.set_shard(t.begin, t.end);
    t.write(wc);
    produced[i] = wc.take_produced();
  });
  for (auto& p : produced) c.add_produced(std::move(p));

  // What needs every page's open data first.
  for (const std::string& lang : model.site.languages) {
    c.set_language(lang);
    write_open_data(c);
  }
  write_data_catalogue(c);
  write_sitemap_and_robots(c);
  return {c.pages(), c.files()};
}

}  // namespace metodika::render::site
