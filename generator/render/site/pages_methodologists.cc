// /metodiki/: national and municipal methodologists with their subjects and contacts, filterable
// by subject and municipality: /metodiki/ links to /metodiki/<subject>/ for each subject that has
// methodologists, /metodiki/valsts/ (the state's) and /metodiki/pasvaldibas/<id>/.
#include <algorithm>
#include <map>
#include <set>

#include "render/site/directory_view.h"
#include "render/site/pages.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render::site {
namespace {

std::string subject_rel(std::string_view id) { return "metodiki/" + std::string(id) + "/"; }


// The methodologists in Latvian order of their names (then id), as indexes.
std::vector<size_t> sorted_methodologists(const SiteContext& c) {
  std::vector<std::pair<std::string, size_t>> keyed;
  for (size_t i = 0; i < c.model().methodologists.size(); ++i) {
    const auto& me = c.model().methodologists[i];
    keyed.emplace_back(c.collator().sort_key(me.name) + '\x01' + me.id, i);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<size_t> out;
  for (const auto& [k, i] : keyed) out.push_back(i);
  return out;
}

Data person(const SiteContext& c, const model::Methodologist& me) {
  const auto& m = c.model();
  Data p(Data::type::object);
  p.set("id", me.id);
  p.set("name", me.name);
  p.set("level", c.t("calendar.level." + std::string(model::enum_name(model::kLevels, me.level))));
  if (me.municipality) {
    if (const auto* mu = m.find_municipality(*me.municipality)) {
      p.set("municipality", mu->name.in(c.lang()));
      p.set("municipality_url", c.urls().page(c.lang(), directory::municipality_rel(*mu)));
      p.set("municipality_id", mu->id);
    }
  } else {
    p.set("municipality_id", "");
  }
  if (me.school) {
    if (const auto* in = m.find_institution(*me.school)) {
      p.set("school", in->name.in(c.lang()));
      p.set("school_url", c.urls().page(c.lang(), directory::institution_rel(*in)));
    }
  }
  Data subjects(Data::type::list);
  std::string ids;
  for (size_t k = 0; k < me.subjects.size(); ++k) {
    const model::Subject* s = m.find_subject(me.subjects[k]);
    Data sd(Data::type::object);
    sd.set("name", s ? s->name.in(c.lang()) : me.subjects[k]);
    sd.set("url", c.urls().page(c.lang(), subject_rel(me.subjects[k])));
    if (k + 1 < me.subjects.size()) sd.set("comma", Data(Data::type::bool_true));
    append(subjects, std::move(sd));
    ids += (ids.empty() ? "" : " ") + me.subjects[k];
  }
  put(p, "subjects", std::move(subjects));
  p.set("subject_ids", ids);
  if (!me.email.empty()) p.set("email", me.email);
  directory::set_phone(p, me.phone);
  return p;
}

}  // namespace

std::string methodologists_rel(const model::Municipality* mu) {
  return mu ? "metodiki/pasvaldibas/" + mu->id + "/" : std::string("metodiki/valsts/");
}

std::string methodologist_rel(const model::Model& m, const model::Methodologist& me) {
  const model::Municipality* mu = me.municipality ? m.find_municipality(*me.municipality) : nullptr;
  return methodologists_rel(mu) + "#m-" + me.id;
}

void write_methodologists(SiteContext& c) {
  const auto& m = c.model();
  const std::vector<size_t> order = sorted_methodologists(c);

  // Subjects with methodologists, in Latvian order of their names.
  std::map<std::string, std::vector<size_t>> by_subject;  // subject id -> methodologists
  for (size_t i : order) {
    for (const auto& s : m.methodologists[i].subjects) by_subject[s].push_back(i);
  }
  std::vector<std::pair<std::string, std::string>> subjects;  // (sort key, id)
  for (const auto& [id, people] : by_subject) {
    const model::Subject* s = m.find_subject(id);
    subjects.emplace_back(c.collator().sort_key(s ? s->name.in(c.lang()) : id) + '\x01' + id, id);
  }
  std::sort(subjects.begin(), subjects.end());
  auto subject_name = [&](const std::string& id) {
    const model::Subject* s = m.find_subject(id);
    return s ? s->name.in(c.lang()) : id;
  };

  // Municipalities with methodologists, in Latvian order.
  std::set<std::string> with_people;
  for (const auto& me : m.methodologists) {
    if (me.municipality) with_people.insert(*me.municipality);
  }
  std::vector<std::pair<std::string, const model::Municipality*>> munis;
  for (const auto& mu : m.municipalities) {
    if (with_people.contains(mu.id)) {
      munis.emplace_back(c.collator().sort_key(mu.name.in(c.lang())) + '\x01' + mu.id, &mu);
    }
  }
  std::sort(munis.begin(), munis.end());

  // /metodiki/ is the overview: a link to each subject's page, to the state's methodologists
  // and to each municipality's, with counts. The full list of 600 people on one page was 335 KB
  // and 171,575 px tall on a phone (issue 21); every list page works without JavaScript.
  std::map<std::string, std::vector<size_t>> by_municipality;  // "" = the state's
  for (size_t i : order) {
    by_municipality[m.methodologists[i].municipality.value_or("")].push_back(i);
  }
  // The counts are the rules' (rules::NationalFigures, AreaFigures::methodologists).
  const rules::NationalFigures& nation = c.results().nation;
  Data subject_list(Data::type::list);
  for (const auto& [key, id] : subjects) {
    Data s(Data::type::object);
    s.set("id", id);
    s.set("name", subject_name(id));
    s.set("url", c.urls().page(c.lang(), subject_rel(id)));
    s.set("count", util::format_int(nation.methodologists_by_subject.at(id), c.lang()));
    append(subject_list, std::move(s));
  }
  Data muni_list(Data::type::list);
  if (auto it = by_municipality.find(""); it != by_municipality.end()) {
    Data d(Data::type::object);
    d.set("name", c.t("methodologists.national"));
    d.set("url", c.urls().page(c.lang(), methodologists_rel(nullptr)));
    d.set("count", util::format_int(nation.state_methodologists, c.lang()));
    append(muni_list, std::move(d));
  }
  for (const auto& [key, mu] : munis) {
    Data d(Data::type::object);
    d.set("id", mu->id);
    d.set("name", mu->name.in(c.lang()));
    d.set("url", c.urls().page(c.lang(), methodologists_rel(mu)));
    const auto mi = static_cast<size_t>(mu - m.municipalities.data());
    d.set("count", util::format_int(c.results().municipalities[mi].area.methodologists, c.lang()));
    append(muni_list, std::move(d));
  }
  Data body(Data::type::object);
  put(body, "subjects", std::move(subject_list));
  put(body, "municipalities", std::move(muni_list));
  // "Parādīts 21 metodiķis", "Parādīti 5 metodiķi": Latvian number agreement (util/format.h).
  const int64_t shown_n = nation.all_methodologists;
  const std::string shown =
      util::fill(c.t(util::takes_singular(shown_n, c.lang()) ? "methodologists.shown_one"
                                                             : "methodologists.shown_many"),
                 "n", util::format_int(shown_n, c.lang()));
  body.set("count", shown);
  c.emit("metodiki/", c.t("nav.methodologists"), "methodologists", std::move(body));

  // One page for the state's methodologists and one per municipality, in name order.
  const Crumbs list_crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                           {c.t("nav.methodologists"), c.urls().page(c.lang(), "metodiki/")}};
  for (const auto& [mu_id, people_of] : by_municipality) {
    const model::Municipality* mu = mu_id.empty() ? nullptr : m.find_municipality(mu_id);
    if (!mu_id.empty() && mu == nullptr) continue;  // model validation reports it
    Data people(Data::type::list);
    for (size_t i : people_of) append(people, person(c, m.methodologists[i]));
    Data sb(Data::type::object);
    if (mu == nullptr) {
      directory::set_list(sb, "national", std::move(people));
      directory::set_list(sb, "groups", Data(Data::type::list));
    } else {
      Data g(Data::type::object);
      g.set("municipality", mu->name.in(c.lang()));
      g.set("municipality_url", c.urls().page(c.lang(), directory::municipality_rel(*mu)));
      put(g, "people", std::move(people));
      Data groups(Data::type::list);
      append(groups, std::move(g));
      directory::set_list(sb, "national", Data(Data::type::list));
      directory::set_list(sb, "groups", std::move(groups));
    }
    sb.set("all_url", c.urls().page(c.lang(), "metodiki/"));
    c.emit(methodologists_rel(mu),
           c.t("nav.methodologists") + ": " +
               (mu ? mu->name.in(c.lang()) : c.t("methodologists.national")),
           "methodologist_subject", std::move(sb), list_crumbs);
  }

  // One page per subject: national methodologists first, then by municipality.
  for (const auto& [key, id] : subjects) {
    Data national(Data::type::list);
    std::map<std::string, std::pair<const model::Municipality*, Data>> local;
    for (size_t i : by_subject[id]) {
      const auto& me = m.methodologists[i];
      if (!me.municipality) {
        append(national, person(c, me));
        continue;
      }
      const auto* mu = m.find_municipality(*me.municipality);
      std::string k = c.collator().sort_key(mu ? mu->name.in(c.lang()) : *me.municipality) +
                      '\x01' + *me.municipality;
      auto [it, fresh] = local.try_emplace(k, mu, Data(Data::type::list));
      append(it->second.second, person(c, me));
    }
    Data groups(Data::type::list);
    for (auto& [k, entry] : local) {
      Data g(Data::type::object);
      g.set("municipality", entry.first ? entry.first->name.in(c.lang()) : std::string());
      if (entry.first) {
        g.set("municipality_url",
              c.urls().page(c.lang(), directory::municipality_rel(*entry.first)));
      }
      put(g, "people", std::move(entry.second));
      append(groups, std::move(g));
    }
    Data sb(Data::type::object);
    directory::set_list(sb, "national", std::move(national));
    directory::set_list(sb, "groups", std::move(groups));
    sb.set("all_url", c.urls().page(c.lang(), "metodiki/"));
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {c.t("nav.methodologists"), c.urls().page(c.lang(), "metodiki/")}};
    c.emit(subject_rel(id), c.t("nav.methodologists") + ": " + subject_name(id),
           "methodologist_subject", std::move(sb), std::move(crumbs));
  }
}

}  // namespace metodika::render::site
