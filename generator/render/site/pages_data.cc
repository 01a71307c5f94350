// /dati/: the open data of the site. Every table a municipality page shows is also written as
// CSV and JSON beside it (pages_municipality.cc through write_table_data); this file adds the
// national tables, the page that lists every file, and a DCAT-AP catalogue
// (/dati/katalogs.jsonld) from which the national open data portal (data.gov.lv, CKAN with
// DCAT-AP harvesting) can take them.
#include <algorithm>
#include <map>
#include <functional>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "render/common/comparison.h"
#include "render/common/municipality_tables.h"
#include "render/site/pages.h"
#include "render/site/sortable.h"
#include "render/site/table_view.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render::site {
namespace {

constexpr std::string_view kNational = "latvija";
constexpr std::string_view kCatalogue = "dati/katalogs.jsonld";
// EU controlled vocabularies that DCAT-AP asks for.
constexpr std::string_view kEuLanguage = "http://publications.europa.eu/resource/authority/language/";
constexpr std::string_view kEuFileType = "http://publications.europa.eu/resource/authority/file-type/";
constexpr std::string_view kEuTheme = "http://publications.europa.eu/resource/authority/data-theme/EDUC";
// The licence of data.gov.lv's public-sector datasets (docs/data-model.md section 16).
constexpr std::string_view kLicence = "http://creativecommons.org/publicdomain/zero/1.0/";

std::string eu_language(std::string_view lang) {
  if (lang == "lv") return std::string(kEuLanguage) + "LAV";
  if (lang == "en") return std::string(kEuLanguage) + "ENG";
  if (lang == "ru") return std::string(kEuLanguage) + "RUS";
  return std::string(kEuLanguage) + "MUL";
}

}  // namespace

void write_open_data(SiteContext& c) {
  Translate t = [&c](std::string_view key) { return c.t(key); };
  const Table national = national_summary(c.model(), c.results(), c.lang(), t);
  const std::string national_dir = "dati/" + std::string(kNational) + "/";
  write_table_data(c, national, national_dir, std::string(kNational), c.t("data.national"));

  // Datasets in page order: the nation first, then municipalities as the national table lists
  // them (Latvian order).
  std::vector<std::string> order = {std::string(kNational)};
  for (const Row& row : national.rows) {
    const std::string& link = row.cells[0].link;  // "pasvaldibas/<id>/"
    if (link.size() > 12) order.push_back(link.substr(12, link.size() - 13));
  }
  std::map<std::string, std::vector<const DataFile*>> by_dataset;
  for (const DataFile& f : c.data_files()) {
    if (f.lang == c.lang()) by_dataset[f.dataset].push_back(&f);
  }
  // /dati/ lists the nation's files and links to a page per municipality, /dati/<id>/, with its
  // files (the address the DCAT catalogue gives its dataset): every municipality's files on one
  // page were 230 KB (issue 21).
  Data datasets(Data::type::list);
  Data national_files(Data::type::list);
  auto file_list = [&c](const std::vector<const DataFile*>& files) {
    Data list(Data::type::list);
    for (const DataFile* f : files) {
      Data fd(Data::type::object);
      fd.set("title", f->title);
      fd.set("csv_url", c.urls().page(c.lang(), f->csv_rel));
      fd.set("json_url", c.urls().page(c.lang(), f->json_rel));
      append(list, std::move(fd));
    }
    return list;
  };
  for (const std::string& id : order) {
    auto it = by_dataset.find(id);
    if (it == by_dataset.end()) continue;
    if (id == kNational) {
      national_files = file_list(it->second);
      continue;
    }
    const std::string title = it->second.front()->dataset_title;
    const std::string rel = "dati/" + id + "/";
    Data d(Data::type::object);
    d.set("title", title);
    d.set("url", c.urls().page(c.lang(), rel));
    d.set("count", util::format_count(static_cast<int64_t>(it->second.size()),
                                      c.t("data.table_one"), c.t("data.tables"), c.lang()));
    append(datasets, std::move(d));
    Data page(Data::type::object);
    page.set("title", title);
    page.set("page_url", c.urls().page(c.lang(), "pasvaldibas/" + id + "/"));
    put(page, "files", file_list(it->second));
    page.set("catalogue_url", c.urls().asset(kCatalogue));
    page.set("as_of", util::format_date_numeric(c.model().site.as_of, c.lang()));
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {c.t("data.title"), c.urls().page(c.lang(), "dati/")}};
    c.emit(rel, util::fill(c.t("data.dataset_title"), "title", title), "open_data_set",
           std::move(page), std::move(crumbs));
  }
  Data body(Data::type::object);
  put(body, "national", text_data(sortable_html(c, table_html(c, national, national_dir))));
  put(body, "datasets", std::move(datasets));
  put(body, "national_files", std::move(national_files));
  body.set("catalogue_url", c.urls().asset(kCatalogue));
  if (std::string url = national_workbook_url(c); !url.empty()) {
    body.set("national_xlsx_url", url);
    body.set("period", std::to_string(c.model().site.review_from) + "–" +
                           std::to_string(c.model().site.review_to));
  }
  body.set("as_of", util::format_date_numeric(c.model().site.as_of, c.lang()));
  body.set("comparison_url", c.urls().page(c.lang(), "pasvaldibas/salidzinajums/"));
  c.emit("dati/", c.t("data.title"), "open_data", std::move(body));
}

void write_data_catalogue(SiteContext& c) {
  using nlohmann::ordered_json;
  const model::Model& m = c.model();
  const std::string modified = m.site.as_of.iso();
  auto texts = [&](const std::function<std::string(const std::string& lang)>& get) {
    ordered_json list = ordered_json::array();
    for (const std::string& lang : m.site.languages) {
      list.push_back({{"@value", get(lang)}, {"@language", lang}});
    }
    return list;
  };
  ordered_json publisher = {{"@type", "foaf:Agent"}, {"foaf:name", m.site.publisher.name}};
  ordered_json doc;
  doc["@context"] = {{"dcat", "http://www.w3.org/ns/dcat#"},
                     {"dct", "http://purl.org/dc/terms/"},
                     {"foaf", "http://xmlns.com/foaf/0.1/"},
                     {"vcard", "http://www.w3.org/2006/vcard/ns#"}};
  doc["@id"] = c.urls().absolute(m.site.default_language(), kCatalogue);
  doc["@type"] = "dcat:Catalog";
  doc["dct:title"] = texts([&](const std::string& lang) { return m.site.title.in(lang); });
  doc["dct:publisher"] = publisher;
  doc["dct:modified"] = modified;
  doc["foaf:homepage"] = {{"@id", c.urls().absolute(m.site.default_language(), "")}};
  ordered_json languages = ordered_json::array();
  for (const std::string& lang : m.site.languages) languages.push_back({{"@id", eu_language(lang)}});
  doc["dct:language"] = languages;

  // One dataset per municipality (and the nation), its distributions the tables' files in every
  // language, in the order they were written.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const DataFile*>> by_dataset;
  for (const DataFile& f : c.data_files()) {
    if (!by_dataset.contains(f.dataset)) order.push_back(f.dataset);
    by_dataset[f.dataset].push_back(&f);
  }
  ordered_json datasets = ordered_json::array();
  for (const std::string& id : order) {
    const auto& files = by_dataset[id];
    std::map<std::string, std::string> title_by_lang;
    for (const DataFile* f : files) title_by_lang.emplace(f->lang, f->dataset_title);
    const std::string landing = id == kNational ? "dati/" : "pasvaldibas/" + id + "/";
    ordered_json ds;
    ds["@id"] = c.urls().absolute(m.site.default_language(), "dati/" + id + "/");
    ds["@type"] = "dcat:Dataset";
    ds["dct:identifier"] = id;
    ds["dct:title"] = texts([&](const std::string& lang) {
      auto it = title_by_lang.find(lang);
      return it == title_by_lang.end() ? title_by_lang.begin()->second : it->second;
    });
    ds["dct:description"] = texts([&](const std::string& lang) {
      auto it = title_by_lang.find(lang);
      return it == title_by_lang.end() ? std::string() : it->second;
    });
    // The description names what is in it: the tables' titles, in each language.
    for (auto& d : ds["dct:description"]) {
      std::string lang = d["@language"];
      std::string text;
      for (const DataFile* f : files) {
        if (f->lang != lang) continue;
        text += (text.empty() ? "" : "; ") + f->title;
      }
      d["@value"] = d["@value"].get<std::string>() + ": " + text;
    }
    ds["dct:publisher"] = publisher;
    if (!m.site.publisher.email.empty()) {
      ds["dcat:contactPoint"] = {{"@type", "vcard:Organization"},
                                 {"vcard:fn", m.site.publisher.name},
                                 {"vcard:hasEmail", {{"@id", "mailto:" + m.site.publisher.email}}}};
    }
    ds["dcat:theme"] = {{"@id", kEuTheme}};
    ds["dcat:keyword"] = texts([&](const std::string& lang) { return lang == "lv" ? "izglītība" : "education"; });
    ds["dct:modified"] = modified;
    ds["dcat:landingPage"] = {{"@id", c.urls().absolute(m.site.default_language(), landing)}};
    ds["dct:accessRights"] = {
        {"@id", "http://publications.europa.eu/resource/authority/access-right/PUBLIC"}};
    ordered_json dists = ordered_json::array();
    for (const DataFile* f : files) {
      for (const auto& [rel, format, media] :
           {std::tuple{f->csv_rel, "CSV", "text/csv"},
            std::tuple{f->json_rel, "JSON", "application/json"}}) {
        std::string url = c.urls().absolute(f->lang, rel);
        dists.push_back({{"@id", url},
                         {"@type", "dcat:Distribution"},
                         {"dct:title", {{"@value", f->title + " (" + format + ")"},
                                        {"@language", f->lang}}},
                         {"dcat:accessURL", {{"@id", url}}},
                         {"dcat:downloadURL", {{"@id", url}}},
                         {"dct:format", {{"@id", std::string(kEuFileType) + format}}},
                         {"dcat:mediaType",
                          {{"@id", "http://www.iana.org/assignments/media-types/" +
                                       std::string(media)}}},
                         {"dct:language", {{"@id", eu_language(f->lang)}}},
                         {"dct:license", {{"@id", kLicence}}},
                         {"dct:modified", modified}});
      }
    }
    ds["dcat:distribution"] = dists;
    datasets.push_back(ds);
  }
  doc["dcat:dataset"] = datasets;
  c.write(std::string(kCatalogue),
          doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

std::string national_workbook_url(const SiteContext& c) {
  if (!c.options().annexes) return {};
  const auto& site = c.model().site;
  // The name render/xlsx/annexes.cc gives it.
  return c.urls().asset("parskati/latvija-" + std::to_string(site.review_from) + "-" +
                        std::to_string(site.review_to) + ".xlsx");
}

}  // namespace metodika::render::site
