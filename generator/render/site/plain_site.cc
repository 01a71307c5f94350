#include "render/site/plain_site.h"

#include "render/common/html.h"

#include <algorithm>
#include <string>

#include "util/collate.h"
#include "util/format.h"

namespace metodika::render {
namespace {

using model::enum_name;

std::string page(std::string_view lang, std::string_view title, std::string_view body) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>" +
                    html_escape(title) + "</title>\n</head>\n<body>\n<main>\n<h1>" +
                    html_escape(title) + "</h1>\n";
  out += body;
  out += "</main>\n</body>\n</html>\n";
  return out;
}

template <typename T, typename Key>
std::vector<size_t> sorted_by(const std::vector<T>& items, const util::Collator& coll, Key key) {
  std::vector<std::pair<std::string, size_t>> keys;
  keys.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) keys.emplace_back(coll.sort_key(key(items[i])), i);
  std::sort(keys.begin(), keys.end());
  std::vector<size_t> order;
  for (const auto& [k, i] : keys) order.push_back(i);
  return order;
}

}  // namespace

RenderStats render_plain_site(const model::Model& m, const rules::Results& r,
                              util::OutputSink& out) {
  RenderStats stats;
  const std::string& lang = m.site.default_language();
  util::Collator coll(lang);
  auto emit = [&](std::string_view path, std::string_view title, const std::string& body) {
    out.write(path, page(lang, title, body));
    ++stats.pages;
  };

  std::string home = "<p>" + html_escape(util::format_date_long(m.site.as_of, lang)) + "</p>\n<ul>\n";
  auto item = [&](std::string_view href, std::string_view label, size_t n) {
    home += "<li><a href=\"" + std::string(href) + "\">" + html_escape(label) + "</a>: " +
            util::format_int(static_cast<int64_t>(n), lang) + "</li>\n";
  };
  item("pasvaldibas/", "Pašvaldības", m.municipalities.size());
  item("iestades/", "Izglītības iestādes", m.institutions.size());
  item("metodiki/", "Metodiķi", m.methodologists.size());
  item("olimpiades/", "Olimpiādes", m.olympiads.size());
  item("materiali/", "Metodiskie materiāli", m.materials.size());
  item("pasakumi/", "Profesionālās pilnveides pasākumi", m.events.size());
  home += "</ul>\n";
  emit("index.html", m.site.title.in(lang), home);

  std::string body = "<table>\n<tr><th>Pašvaldība</th><th>Iestādes</th><th>Pedagogi, kas "
                     "atbilst pilnveides normai</th></tr>\n";
  std::vector<size_t> inst_count(m.municipalities.size());
  for (const auto& in : m.institutions) ++inst_count[in.municipality_index];
  for (size_t i : sorted_by(m.municipalities, coll, [&](auto& x) { return x.name.in(lang); })) {
    const auto& pd = r.municipality_pd[i];
    std::string share = pd.teachers == 0   ? "—"
                        : pd.suppressed    ? "nav rādīts (mazāk par " +
                                              std::to_string(m.site.rules.small_cell) + ")"
                        : pd.share         ? util::format_percent(*pd.share, 1, lang)
                                           : "—";
    body += "<tr><td>" + html_escape(m.municipalities[i].name.in(lang)) + "</td><td>" +
            util::format_int(static_cast<int64_t>(inst_count[i]), lang) + "</td><td>" +
            html_escape(share) + "</td></tr>\n";
  }
  body += "</table>\n";
  emit("pasvaldibas/index.html", "Pašvaldības", body);

  body = "<ul>\n";
  for (size_t i : sorted_by(m.institutions, coll, [&](auto& x) { return x.name.in(lang); })) {
    body += "<li>" + html_escape(m.institutions[i].name.in(lang)) + "</li>\n";
  }
  body += "</ul>\n";
  emit("iestades/index.html", "Izglītības iestādes", body);

  body = "<ul>\n";
  for (size_t i : sorted_by(m.methodologists, coll, [&](auto& x) { return x.name; })) {
    body += "<li>" + html_escape(m.methodologists[i].name) + "</li>\n";
  }
  body += "</ul>\n";
  emit("metodiki/index.html", "Metodiķi", body);

  body = "<ul>\n";
  for (const auto& o : m.olympiads) {
    const model::Subject* s = m.find_subject(o.subject);
    body += "<li>" + html_escape(util::format_date_numeric(o.start, lang)) + " " +
            html_escape(s ? s->name.in(lang) : o.subject) + " (" +
            std::string(enum_name(model::kOlympiadStages, o.stage)) + ")</li>\n";
  }
  body += "</ul>\n";
  emit("olimpiades/index.html", "Olimpiādes", body);

  static constexpr std::string_view kState[] = {"publicēts", "nokavēts", "drīz termiņš",
                                                "laikā"};
  body = "<ul>\n";
  for (size_t i = 0; i < m.materials.size(); ++i) {
    body += "<li>" + html_escape(m.materials[i].title.in(lang)) + ": " +
            html_escape(util::format_date_numeric(m.materials[i].deadline, lang)) + ", " +
            std::string(kState[static_cast<size_t>(r.materials[i].state)]) + "</li>\n";
  }
  body += "</ul>\n";
  emit("materiali/index.html", "Metodiskie materiāli", body);

  body = "<ul>\n";
  for (const auto& e : m.events) {
    body += "<li>" + html_escape(util::format_date_numeric(e.start.date, lang)) + " " +
            html_escape(e.title.in(lang)) + "</li>\n";
  }
  body += "</ul>\n";
  emit("pasakumi/index.html", "Profesionālās pilnveides pasākumi", body);
  return stats;
}

}  // namespace metodika::render
