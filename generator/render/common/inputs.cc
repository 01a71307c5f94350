#include "render/common/inputs.h"

#include "util/digest.h"

namespace metodika::render {
namespace {

using util::Digest;

void add(Digest& d, const model::ByYear<rules::CeYearSummary>& by_year) {
  d.add(by_year.size());
  for (const auto& [year, s] : by_year) d.add(year).add(s.with_index).add(s.met).add(s.mean);
}

template <typename T>
void add(Digest& d, const std::optional<T>& v) {
  d.add(v.has_value());
  if (v) d.add(*v);
}

// A development summary as a page shows it beside another's figures: the share meeting the norm
// and whether (and why) it is hidden, not the hours by category.
void add_share(Digest& d, const rules::PdSummary& s) {
  d.add(s.teachers).add(s.suppressed).add(static_cast<int>(s.reason));
  add(d, s.meeting);
  add(d, s.share);
}

void add(Digest& d, const rules::PdSummary& s) {
  add_share(d, s);
  for (const auto& h : s.hours_by_category) add(d, h);
}

// Key figures as the municipality page shows the nation's beside its own.
void add(Digest& d, const rules::KeyFigures& f) {
  d.add(f.institutions).add(f.ce_with_index).add(f.ce_met).add(f.methodologists);
  add(d, f.students);
  add(d, f.teachers);
  add(d, f.ce_mean);
  add(d, f.budget);
}

void add(Digest& d, const rules::SchoolPd& s) {
  d.add(s.school).add(s.teachers).add(s.suppressed);
  add(d, s.meeting);
  add(d, s.share);
  for (const auto& h : s.hours_by_category) add(d, h);
}

template <typename Entities>
uint64_t collection(uint64_t global, const Entities& entities) {
  Digest d;
  d.add(global).add(entities.size());
  for (const auto& e : entities) d.add(e.digest);
  return d.value();
}

uint64_t theme_digest(const load::Theme& theme) {
  Digest d;
  for (const auto& [name, text] : theme.templates) d.add(name).add(text);
  for (const auto& [lang, table] : theme.strings) {
    d.add(lang).add(table.size());
    for (const auto& [key, text] : table) d.add(key).add(text);
  }
  for (const auto& [path, bytes] : theme.static_files) d.add(path).add(bytes);
  return d.value();
}

}  // namespace

InputDigests input_digests(const model::Model& m, const rules::Results& r,
                           const load::Theme& theme, uint64_t salt) {
  InputDigests out;
  // What every output reads besides site.yaml.
  Digest shared;
  shared.add(salt).add(theme_digest(theme)).add(m.site.as_of.iso());
  for (const std::string& lang : m.site.languages) shared.add(lang);
  for (const auto& s : m.subjects) shared.add(s.digest);
  for (const auto& mu : m.municipalities) shared.add(mu.digest);
  // The layout links the accessibility statement of each language (SiteContext::set_language).
  for (const auto& p : m.pages) {
    if (p.kind == model::PageKind::kPage && p.source.ends_with("/accessibility.md")) {
      shared.add(p.source).add(p.lang).add(p.slug).add(p.draft);
    }
  }
  out.global = Digest().add(shared.value()).add(m.site.untitled_digest).value();
  for (const std::string& lang : m.site.languages) {
    out.title.push_back(Digest().add(m.site.title.in(lang)).value());
  }

  Digest names;
  names.add(out.global);
  for (const auto& in : m.institutions) {
    names.add(in.id).add(in.name.by_lang.size());
    for (const auto& [lang, text] : in.name.by_lang) names.add(lang).add(text);
  }
  out.institution_names = names.value();
  out.pages = collection(out.global, m.pages);
  out.institutions = collection(out.global, m.institutions);
  out.methodologists = collection(out.global, m.methodologists);
  out.olympiads = collection(out.global, m.olympiads);
  out.materials = collection(out.global, m.materials);
  out.events = collection(out.global, m.events);

  // The aggregates over many schools that pages show beside one school's figures.
  Digest national;
  add(national, r.ce_summary.national);
  // Pages show the nation's share meeting the norm, never its hours by category: a teacher's
  // hours that change only those leave every institution's and municipality's page alone.
  add_share(national, r.national_pd);
  const uint64_t national_values = national.value();

  // An institution's own inputs: its entry, metric records, the olympiads it took part in (all
  // but the other schools' results, which its tables do not show) and its own results;
  // the municipality's and the nation's exam-index means; its development figures.
  std::vector<uint64_t> own(m.institutions.size());
  std::vector<const rules::SchoolPd*> pd(m.institutions.size(), nullptr);
  for (const auto& s : r.school_pd) pd[s.school_index] = &s;
  for (size_t i = 0; i < m.institutions.size(); ++i) {
    Digest d;
    d.add(m.institutions[i].digest);
    for (size_t k : m.metrics_of_school[i]) d.add(m.metrics[k].digest);
    for (const auto& [o, res] : m.results_of_school[i]) {
      d.add(m.olympiads[o].head_digest).add(m.olympiads[o].results[res].digest);
    }
    d.add(pd[i] != nullptr);
    if (pd[i]) add(d, *pd[i]);
    own[i] = d.value();
  }
  out.institution.resize(m.institutions.size());
  for (size_t i = 0; i < m.institutions.size(); ++i) {
    Digest d;
    d.add(out.global).add(own[i]).add(national_values);
    add(d, r.ce_summary.municipality[m.institutions[i].municipality_index]);
    out.institution[i] = d.value();
  }

  // A municipality's: its institutions', its methodologists' and programmes' entries, the
  // review narratives written for it, and its own and the nation's aggregates.
  std::vector<Digest> muni(m.municipalities.size());
  for (size_t mi = 0; mi < m.municipalities.size(); ++mi) {
    muni[mi].add(national_values);
    add(muni[mi], r.ce_summary.municipality[mi]);
    add(muni[mi], r.municipality_pd[mi]);
  }
  for (size_t i = 0; i < m.institutions.size(); ++i) {
    muni[m.institutions[i].municipality_index].add(own[i]);
  }
  auto municipality_of = [&](const std::string& id) -> Digest* {
    auto it = m.municipality_index.find(id);
    return it == m.municipality_index.end() ? nullptr : &muni[it->second];
  };
  for (size_t i = 0; i < m.methodologists.size(); ++i) {
    const auto& me = m.methodologists[i];
    if (Digest* d = me.municipality ? municipality_of(*me.municipality) : nullptr) {
      d->add(me.digest);
    }
  }
  for (size_t i = 0; i < m.programmes.size(); ++i) {
    if (Digest* d = municipality_of(m.programmes[i].municipality)) {
      d->add(m.programmes[i].digest);
    }
  }
  for (const auto& p : m.pages) {
    if (p.kind != model::PageKind::kReview) continue;
    if (Digest* d = municipality_of(p.municipality)) d->add(p.digest);
  }
  Digest every_municipality;
  for (const Digest& d : muni) {
    out.municipality.push_back(Digest().add(out.global).add(d.value()).value());
    every_municipality.add(out.municipality.back());
  }
  // A municipality's page puts its key figures beside the nation's (rules::ComparisonFigures,
  // by value: an edit elsewhere that leaves the national figures alone leaves the page alone),
  // in the school years they are of; its own are covered by its entries above. Its review and
  // annex do not show them, so they keep `municipality`.
  Digest nation;
  nation.add(r.comparison.year).add(r.comparison.ce_year);
  add(nation, r.comparison.national);
  const uint64_t nation_figures = nation.value();
  for (const uint64_t d : out.municipality) {
    out.municipality_page.push_back(Digest().add(d).add(nation_figures).value());
  }
  // The national annex also lists the state-level methodologists, who belong to no municipality.
  out.municipalities = every_municipality.add(out.methodologists).value();

  Digest all;
  for (uint64_t t : out.title) all.add(t);
  all.add(out.global).add(out.pages).add(out.institutions).add(out.methodologists);
  all.add(out.olympiads).add(out.materials).add(out.events).add(m.private_digest);
  all.add(collection(out.global, m.metrics)).add(collection(out.global, m.programmes));
  out.everything = all.value();

  out.home = Digest()
                 .add(out.global)
                 .add(out.pages)
                 .add(out.olympiads)
                 .add(out.materials)
                 .add(m.institutions.size())
                 .add(m.methodologists.size())
                 .value();
  out.municipality_list = Digest().add(out.global).add(out.institutions).value();
  Digest sources;
  sources.add(out.global);
  for (const std::string& f : public_source_files(m)) sources.add(f);
  out.about_data = sources.value();
  // The index also lists olympiads, events and materials, each on the page of its school year.
  out.search = Digest()
                   .add(out.global)
                   .add(out.institutions)
                   .add(out.methodologists)
                   .add(out.pages)
                   .add(out.olympiads)
                   .add(out.events)
                   .add(out.materials)
                   .value();
  return out;
}

std::set<std::string> public_source_files(const model::Model& m) {
  std::set<std::string> files;
  auto add = [&](const auto& items) {
    for (const auto& x : items) {
      if (!x.pos.file.empty() && !x.pos.file.starts_with("data/private")) files.insert(x.pos.file);
    }
  };
  add(m.subjects), add(m.municipalities), add(m.institutions), add(m.methodologists);
  add(m.olympiads), add(m.materials), add(m.events), add(m.metrics), add(m.programmes);
  return files;
}

}  // namespace metodika::render
