// Yearly metrics, action programmes and private teacher records (DATA-MODEL.md 10–12).
#include <set>

#include "model/builders.h"
#include "util/digest.h"
#include "util/parallel.h"

namespace metodika::model::detail {
namespace {

// Resolves a `school:` field to an institution index.
std::optional<size_t> read_school(const Fields& f, const Ctx& ctx, const Registries& reg,
                                  std::string& out) {
  const Node* v = f.require("school");
  if (!v) return std::nullopt;
  auto id = read_string(*v, ctx, "school");
  if (!id) return std::nullopt;
  out = *id;
  return reg.institutions.resolve(*id, *v, ctx);
}

void read_ce(const Node& v, const Ctx& ctx, MetricRecord& r) {
  if (!expect_map(v, ctx, "\"ce\"")) return;
  Fields f(v, ctx, "the exam results (ce)", {"mathematics", "latvian", "foreign", "examinees"});
  CeScores ce;
  if (auto* x = f.get("mathematics")) ce.mathematics = read_percent(*x, ctx, "mathematics");
  if (auto* x = f.get("latvian")) ce.latvian = read_percent(*x, ctx, "latvian");
  if (auto* x = f.get("foreign")) ce.foreign = read_percent(*x, ctx, "foreign");
  if (auto* x = f.get("examinees")) ce.examinees = read_count(*x, ctx, "examinees");
  r.ce = ce;
}

void read_diagnostic(const Node& v, const Ctx& ctx, MetricRecord& r) {
  if (!expect_map(v, ctx, "\"diagnostic\"")) return;
  for (size_t i = 0; i < v.size(); ++i) {
    const Node& grade = v.key(i);
    const std::string& g = grade.value;
    bool valid = g.size() > 5 && g.compare(0, 5, "grade") == 0 &&
                 g.find_first_not_of("0123456789", 5) == std::string::npos;
    if (!valid) {
      ctx.error(grade, "unknown diagnostic test \"" + g + "\"",
                "name the tests by grade: grade3, grade6, grade9");
      continue;
    }
    if (!expect_map(v.val(i), ctx, "the results of " + g)) continue;
    auto& scores = r.diagnostic[g];
    for (size_t j = 0; j < v.val(i).size(); ++j) {
      const Node& subject = v.val(i).key(j);
      if (!util::is_slug(subject.value)) {
        ctx.error(subject, "\"" + subject.value + "\" is not a subject name",
                  "use lower-case names such as mathematics, latvian, science");
        continue;
      }
      if (auto p = read_percent(v.val(i).val(j), ctx, subject.value)) scores[subject.value] = *p;
    }
  }
}

}  // namespace

void build_metrics(const Node* root, const Ctx& ctx, Model& m, Registries& reg) {
  auto& seen = reg.metric_records;
  for_each_entry(root, ctx, "metric record", [&](const Node& e) {
    Fields f(e, ctx, "a metric record",
             {"school", "year", "ce", "diagnostic", "observations", "survey", "motivation_awards",
              "head_evaluation"});
    MetricRecord r;
    r.pos = ctx.at(e);
    r.digest = entry_digest(e, ctx);
    auto school = read_school(f, ctx, reg, r.school);
    std::optional<int> year;
    if (auto* v = f.require("year")) year = read_year(*v, ctx, "year");
    if (auto* v = f.get("ce")) read_ce(*v, ctx, r);
    if (auto* v = f.get("diagnostic")) read_diagnostic(*v, ctx, r);
    if (auto* v = f.get("observations"); v && expect_map(*v, ctx, "\"observations\"")) {
      Fields o(*v, ctx, "the observations", {"teachers", "observed_twice"});
      if (auto* x = o.require("teachers")) r.observed_teachers = read_count(*x, ctx, "teachers");
      if (auto* x = o.require("observed_twice")) {
        r.observed_twice = read_count(*x, ctx, "observed_twice");
        if (r.observed_teachers && r.observed_twice && *r.observed_twice > *r.observed_teachers) {
          ctx.error(*x,
                    "observed_twice (" + std::to_string(*r.observed_twice) +
                        ") is more than the number of teachers (" +
                        std::to_string(*r.observed_teachers) + ")",
                    "observed_twice counts teachers, so it cannot exceed `teachers`");
        }
      }
    }
    if (auto* v = f.get("survey"); v && expect_map(*v, ctx, "\"survey\"")) {
      Fields s(*v, ctx, "the survey", {"respondents", "satisfaction"});
      if (auto* x = s.get("respondents")) r.survey_respondents = read_count(*x, ctx, "respondents");
      if (auto* x = s.get("satisfaction")) {
        r.survey_satisfaction = read_percent(*x, ctx, "satisfaction");
      }
    }
    if (auto* v = f.get("motivation_awards")) {
      r.motivation_awards = read_count(*v, ctx, "motivation_awards");
    }
    if (auto* v = f.get("head_evaluation")) {
      // Points out of 28 (seed 004's evaluation of heads).
      r.head_evaluation = read_number(*v, ctx, "head_evaluation", 0, 28);
    }
    if (!school || !year) return;
    r.school_index = *school;
    r.year = *year;
    auto [it, fresh] = seen.emplace(std::pair{*school, *year}, r.pos);
    if (!fresh) {
      ctx.error(e,
                "a second record for " + r.school + " in " + std::to_string(*year) +
                    " (the first is at " + it->second.file + ":" +
                    std::to_string(it->second.line) + ")",
                "merge the two records into one");
      return;
    }
    m.metrics.push_back(std::move(r));
  });
}

void build_programmes(const Node* root, const Ctx& ctx, Model& m, Registries& reg) {
  if (!root || root->is_null()) return;
  // A programme file holds one programme (a map), or a list of them.
  const std::vector<Node> single{*root};
  const std::vector<Node>& entries = root->is_seq() ? root->items : single;
  for (const Node& e : entries) {
    if (!expect_map(e, ctx, "a programme")) continue;
    Fields f(e, ctx, "a programme",
             {"id", "title", "municipality", "decision", "period", "actions", "budget"});
    Programme p;
    p.pos = ctx.at(e);
    p.digest = entry_digest(e, ctx);
    bool ok = read_id(f, ctx, reg.programmes, m.programmes.size(), p.id);
    if (auto* v = f.require("title")) {
      if (auto t = read_text(*v, ctx, "title")) p.title = *t;
    }
    if (auto* v = f.require("municipality")) {
      if (auto id = read_string(*v, ctx, "municipality")) {
        p.municipality = *id;
        ok = reg.municipalities.resolve(*id, *v, ctx).has_value() && ok;
      }
    }
    if (auto* v = f.get("decision"); v && expect_map(*v, ctx, "\"decision\"")) {
      Fields d(*v, ctx, "the decision", {"number", "date", "body"});
      Decision dec;
      dec.number = str_or_empty(d, "number", ctx);
      if (auto* x = d.require("date")) dec.date = read_date(*x, ctx, "date").value_or(Date{});
      dec.body = str_or_empty(d, "body", ctx);
      p.decision = dec;
    }
    const Node* period = f.require("period");
    if (period && expect_map(*period, ctx, "\"period\"")) {
      Fields pf(*period, ctx, "the period", {"from", "to"});
      if (auto* x = pf.require("from")) p.period_from = read_year(*x, ctx, "from").value_or(0);
      if (auto* x = pf.require("to")) p.period_to = read_year(*x, ctx, "to").value_or(0);
      if (p.period_from && p.period_to && p.period_to < p.period_from) {
        ctx.error(*pf.get("to"), "the period ends before it starts");
      }
    }
    if (auto* v = f.get("actions"); v && expect_list(*v, ctx, "\"actions\"")) {
      std::set<std::string> ids;
      for (const Node& a : v->items) {
        if (!expect_map(a, ctx, "each action")) continue;
        Fields af(a, ctx, "an action", {"id", "title", "from", "to", "responsible", "status"});
        Action act;
        act.pos = ctx.at(a);
        if (auto* x = af.require("id")) {
          act.id = read_string(*x, ctx, "id").value_or("");
          if (!act.id.empty() && !ids.insert(act.id).second) {
            ctx.error(*x, "duplicate action id \"" + act.id + "\" in this programme");
          }
        }
        if (auto* x = af.require("title")) {
          if (auto t = read_text(*x, ctx, "title")) act.title = *t;
        }
        if (auto* x = af.get("from")) act.from = read_year(*x, ctx, "from").value_or(0);
        if (auto* x = af.get("to")) act.to = read_year(*x, ctx, "to").value_or(0);
        if (act.from && act.to && act.to < act.from) {
          ctx.error(*af.get("to"), "the action ends before it starts");
        }
        act.responsible = str_or_empty(af, "responsible", ctx);
        if (auto* x = af.require("status")) {
          if (auto s = read_enum(*x, ctx, "status", kActionStatuses)) act.status = *s;
        }
        p.actions.push_back(std::move(act));
      }
    }
    if (auto* v = f.get("budget"); v && expect_list(*v, ctx, "\"budget\"")) {
      std::set<std::string> ids;
      for (const Node& g : v->items) {
        if (!expect_map(g, ctx, "each budget group")) continue;
        if (const Node* amounts = g.get_key("amounts")) {
          ctx.error(*amounts, "a budget group cannot have its own amounts",
                    "group totals are computed from their lines; move the amounts into a line");
        }
        Fields gf(g, ctx, "a budget group", {"id", "title", "lines", "amounts"});
        BudgetGroup group;
        group.pos = ctx.at(g);
        if (auto* x = gf.require("id")) {
          group.id = read_string(*x, ctx, "id").value_or("");
          if (!group.id.empty() && !ids.insert(group.id).second) {
            ctx.error(*x, "duplicate budget id \"" + group.id + "\" in this programme");
          }
        }
        if (auto* x = gf.require("title")) {
          if (auto t = read_text(*x, ctx, "title")) group.title = *t;
        }
        const Node* lines = gf.get("lines");
        if (lines && expect_list(*lines, ctx, "\"lines\"")) {
          for (const Node& l : lines->items) {
            if (!expect_map(l, ctx, "each budget line")) continue;
            Fields lf(l, ctx, "a budget line", {"id", "title", "amounts", "note"});
            BudgetLine line;
            line.pos = ctx.at(l);
            if (auto* x = lf.require("id")) {
              line.id = read_string(*x, ctx, "id").value_or("");
              if (!line.id.empty() && !ids.insert(line.id).second) {
                ctx.error(*x, "duplicate budget id \"" + line.id + "\" in this programme");
              }
            }
            if (auto* x = lf.require("title")) {
              if (auto t = read_text(*x, ctx, "title")) line.title = *t;
            }
            line.note = str_or_empty(lf, "note", ctx);
            if (auto* x = lf.get("amounts")) {
              auto amounts = read_by_year<Cents>(*x, ctx, "amounts", [&](const Node& n) {
                return read_cents(n, ctx, "amount");
              });
              if (amounts) line.amounts = *amounts;
              for (size_t i = 0; x->is_map() && i < x->size(); ++i) {
                auto y = read_year(x->key(i), ctx, "amounts");
                if (y && p.period_from && p.period_to && (*y < p.period_from || *y > p.period_to)) {
                  ctx.error(x->key(i),
                            "an amount for " + std::to_string(*y) + ", outside the programme's "
                            "period " + std::to_string(p.period_from) + "–" +
                                std::to_string(p.period_to),
                            "correct the year, or widen `period`");
                }
              }
            }
            group.lines.push_back(std::move(line));
          }
        }
        p.budget.push_back(std::move(group));
      }
    }
    if (ok) m.programmes.push_back(std::move(p));
  }
}

namespace {

// One teacher record, without registering its id (done in file order by the caller).
std::optional<Teacher> read_teacher(const Node& e, const Ctx& ctx, const Registries& reg) {
  Fields f(e, ctx, "a teacher record", {"id", "name", "school", "courses"});
  Teacher t;
  t.pos = ctx.at(e);
  bool ok = false;
  if (const Node* v = f.require("id")) {
    auto id = read_slug(*v, ctx, "id");
    ok = id.has_value();
    if (id) t.id = *id;
    t.pos = ctx.at(*v);  // duplicates are reported at the id
  }
  if (auto* v = f.get("name")) (void)read_string(*v, ctx, "name");  // checked, not kept
  auto school = read_school(f, ctx, reg, t.school);
  if (auto* v = f.get("courses"); v && expect_list(*v, ctx, "\"courses\"")) {
    t.courses.reserve(v->items.size());
    for (const Node& c : v->items) {
      if (!expect_map(c, ctx, "each course")) continue;
      Fields cf(c, ctx, "a course", {"title", "category", "hours", "date"});
      Course course;
      (void)str_or_empty(cf, "title", ctx);  // checked, not kept
      std::optional<CourseCategory> cat;
      std::optional<double> hours;
      std::optional<Date> date;
      if (auto* x = cf.require("category")) {
        cat = read_enum(*x, ctx, "course category", kCourseCategories);
      }
      if (auto* x = cf.require("hours")) hours = read_number(*x, ctx, "hours", 0, 2000);
      if (auto* x = cf.require("date")) date = read_date(*x, ctx, "date");
      if (cat && hours && date) {
        course.category = *cat;
        course.hours = *hours;
        course.date = *date;
        t.courses.push_back(std::move(course));
      }
    }
  }
  if (!ok || !school) return std::nullopt;
  t.school_index = *school;
  return t;
}

}  // namespace

void build_teachers(const std::vector<load::Document>& docs, diag::Diagnostics& diags,
                    const std::vector<std::string>& langs, unsigned jobs, Registries& reg,
                    PrivateData& priv, ReadMemo* memo, uint64_t context) {
  std::vector<std::vector<Teacher>> per_file(docs.size());
  // The largest files first, so that no worker is left reading a big one alone at the end
  // (a capital's file is a quarter of a national site's records); the records are joined in
  // file order below, whatever order they were read in.
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto size_of = [&](size_t i) { return docs[i].text ? docs[i].text->size() : 0; };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return size_of(a) > size_of(b); });
  util::parallel_for(docs.size(), jobs, [&](size_t k) {
    const size_t i = order[k];
    const load::Document& doc = docs[i];
    uint64_t key = 0;
    if (memo) {
      key = util::Digest()
                .add(context)
                .add(doc.path)
                .add(doc.text ? std::string_view(*doc.text) : std::string_view())
                .value();
      std::lock_guard lock(memo->mu);
      auto it = memo->teacher_files.find(doc.path);
      if (it != memo->teacher_files.end() && it->second.key == key && doc.text) {
        per_file[i] = it->second.teachers;
        diags.add(it->second.diagnostics);
        return;
      }
    }
    // With a memo, this file's diagnostics are collected apart to be kept with its records.
    diag::Diagnostics own;
    diag::Diagnostics& file_diags = memo ? own : diags;
    std::optional<Node> parsed;
    const Node* root = doc.root ? &*doc.root : nullptr;
    if (doc.deferred && doc.text) {
      parsed = load::parse_source(doc.path, *doc.text, file_diags);
      root = parsed ? &*parsed : nullptr;
    }
    Ctx ctx{file_diags, doc.path, langs};
    for_each_entry(root, ctx, "teacher record", [&](const Node& e) {
      if (auto t = read_teacher(e, ctx, reg)) per_file[i].push_back(std::move(*t));
    });
    if (!memo) return;
    ReadMemo::Entry entry{key, per_file[i], own.sorted()};
    diags.add(entry.diagnostics);
    std::lock_guard lock(memo->mu);
    memo->teacher_files.insert_or_assign(doc.path, std::move(entry));
  });  // each worker's tree is freed as soon as its file is read
  for (auto& teachers : per_file) {
    for (Teacher& t : teachers) {
      if (reg.teachers.add(t.id, priv.teachers.size(), t.pos, diags)) {
        priv.teachers.push_back(std::move(t));
      }
    }
  }
}

}  // namespace metodika::model::detail
