#include "render/site/site.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "render/common/xml.h"
#include "util/digest.h"
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

// One piece of a parallel build: a page writer in one language, for one entity when the writer
// goes through municipalities or institutions one page each. `key` names it in the build cache
// and `digest` stands for everything it reads (render/common/inputs.h).
struct Task {
  size_t lang = 0;
  Writer write = nullptr;
  size_t begin = 0;
  size_t end = static_cast<size_t>(-1);
  std::string key;
  uint64_t digest = 0;
};

std::vector<Task> tasks(const model::Model& model, const InputDigests* in) {
  // The site-wide pages and what they read (render/common/inputs.h).
  struct SiteWide {
    std::string_view name;
    Writer write;
    uint64_t InputDigests::*inputs;
  };
  const SiteWide site_wide[] = {
      {"home", write_home, &InputDigests::home},
      {"municipalities", write_municipalities, &InputDigests::municipality_list},
      // Every municipality's figures side by side: what the national annex reads.
      {"comparison", write_comparison, &InputDigests::municipalities},
      {"institutions", write_institutions, &InputDigests::institutions},
      {"methodologists", write_methodologists, &InputDigests::methodologists},
      {"olympiads", write_olympiads, &InputDigests::olympiads},
      {"materials", write_materials, &InputDigests::materials},
      {"events", write_events, &InputDigests::events},
      {"content", write_content_pages, &InputDigests::pages},
      {"news", write_news, &InputDigests::pages},
      {"about-data", write_about_data, &InputDigests::about_data},
      {"search", write_search, &InputDigests::search},
      {"not-found", write_not_found, &InputDigests::global},
  };
  // Site-wide pages that show institutions' names: their collection digest and those names.
  auto names = [&](std::string_view name) -> uint64_t {
    if (!in) return 0;
    if (name == "methodologists" || name == "olympiads" || name == "events") {
      return in->institution_names;
    }
    return 0;
  };
  std::vector<Task> out;
  for (size_t l = 0; l < model.site.languages.size(); ++l) {
    const std::string& lang = model.site.languages[l];
    for (const SiteWide& w : site_wide) {
      Task t;
      t.lang = l;
      t.write = w.write;
      t.key = std::string("site/").append(lang).append("/").append(w.name);
      if (in) {
        t.digest =
            util::Digest().add(in->*w.inputs).add(names(w.name)).add(in->title[l]).value();
      }
      out.push_back(std::move(t));
    }
    auto each = [&](std::string_view kind, Writer w, size_t i, const std::string& id,
                    uint64_t digest) {
      Task t;
      t.lang = l;
      t.write = w;
      t.begin = i;
      t.end = i + 1;
      t.key = std::string("site/").append(lang).append("/").append(kind).append("/").append(id);
      t.digest = in ? util::Digest().add(digest).add(in->title[l]).value() : 0;
      out.push_back(std::move(t));
    };
    // A municipality's page and its review page show the same tables: one task computes them
    // once (SiteContext::municipality_tables).
    for (size_t i = 0; i < model.municipalities.size(); ++i) {
      each("municipality", write_municipality_and_review, i, model.municipalities[i].id,
           in ? in->municipality_page[i] : 0);
    }
    for (size_t i = 0; i < model.institutions.size(); ++i) {
      each("institution", write_institution_pages, i, model.institutions[i].id,
           in ? in->institution[i] : 0);
    }
  }
  return out;
}

}  // namespace

void check_templates(const load::Theme& theme, diag::Diagnostics& diags) {
  const Templates templates(theme, diags);
}

SiteStats render_site(const model::Model& model, const rules::Results& results,
                      const load::Theme& theme, util::OutputSink& out, diag::Diagnostics& diags,
                      const SiteOptions& options) {
  SiteContext c(model, results, theme, out, diags, options);
  if (diags.has_errors()) return {};
  c.write_static();

  // Every page on `jobs` workers, each with its own context (templates are not thread-safe);
  // what each task produced is merged in task order, so the result does not depend on the
  // number of workers or on scheduling.
  const std::vector<Task> work = tasks(model, options.inputs);
  util::WorkCache* cache = options.inputs ? options.cache : nullptr;
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
    std::string kept;
    if (cache && cache->reuse(t.key, t.digest, &kept) && produced[i].from_text(kept)) return;
    util::RecordingSink sink(out);
    wc.set_output(sink);
    wc.set_shard(t.begin, t.end);
    t.write(wc);
    produced[i] = wc.take_produced();
    if (cache) cache->record(t.key, t.digest, sink.take_paths(), produced[i].to_text());
  });
  for (auto& p : produced) c.add_produced(std::move(p));

  // What needs every page's open data first.
  for (const std::string& lang : model.site.languages) {
    c.set_language(lang);
    write_open_data(c);
  }
  // The catalogue and the sitemap list every page and data file, with the site's settings: kept
  // while the lists are the same (an edited figure or title changes neither).
  util::Digest listed;
  if (options.inputs) {
    listed.add(options.inputs->global);
    for (uint64_t t : options.inputs->title) listed.add(t);  // the catalogue names every one
  }
  listed.add(c.sitemap().size());
  for (const std::string& url : c.sitemap()) listed.add(url);
  for (const DataFile& f : c.data_files()) {
    listed.add(f.lang).add(f.dataset).add(f.dataset_title).add(f.table).add(f.title);
    listed.add(f.description).add(f.csv_rel).add(f.json_rel);
  }
  const std::pair<std::string_view, Writer> last[] = {{"site/catalogue", write_data_catalogue},
                                                      {"site/sitemap", write_sitemap_and_robots}};
  for (const auto& [key, writer] : last) {
    util::cached_work(cache, out, key, listed.value(), [&](util::OutputSink& sink) {
      c.set_output(sink);
      writer(c);
    });
  }
  c.set_output(out);
  return {c.pages(), c.files()};
}

}  // namespace metodika::render::site
