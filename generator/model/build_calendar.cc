// Olympiads, materials and professional development events (DATA-MODEL.md sections 7–9).
#include "model/builders.h"
#include "util/digest.h"

namespace metodika::model::detail {
namespace {

std::optional<OlympiadResult> read_result(const Node& e, const Ctx& ctx, const Registries& reg) {
  if (!expect_map(e, ctx, "each result")) return std::nullopt;
  Fields f(e, ctx, "an olympiad result",
           {"school", "participants", "first", "second", "third", "honourable"});
  OlympiadResult r;
  r.pos = ctx.at(e);
  r.digest = load::node_digest(e);
  bool ok = true;
  if (auto* v = f.require("school")) {
    if (auto id = read_string(*v, ctx, "school")) {
      r.school = *id;
      ok = reg.institutions.resolve(*id, *v, ctx).has_value();
    }
  } else {
    ok = false;
  }
  auto count = [&](std::string_view key, int& out) {
    if (auto* v = f.get(key)) {
      if (auto c = read_count(*v, ctx, key)) {
        out = *c;
      } else {
        ok = false;
      }
    }
  };
  if (!f.require("participants")) ok = false;
  count("participants", r.participants);
  count("first", r.first);
  count("second", r.second);
  count("third", r.third);
  count("honourable", r.honourable);
  int awarded = r.first + r.second + r.third + r.honourable;
  if (ok && awarded > r.participants) {
    // A warning, not an error: DATA-MODEL.md does not forbid it, and a school's awards may be
    // counted over pupils who took part for another school's group.
    ctx.diags.warning(ctx.at(*f.get("participants")),
                      "the school has " + std::to_string(awarded) + " awards but only " +
                          std::to_string(r.participants) + " participants",
                      "check the counts: first + second + third + honourable is usually not more "
                      "than participants");
  }
  if (!ok) return std::nullopt;
  return r;
}

}  // namespace

void build_olympiads(const Node* root, const Ctx& ctx, Model& m, Registries& reg) {
  for_each_entry(root, ctx, "olympiad", [&](const Node& e) {
    Fields f(e, ctx, "an olympiad",
             {"id", "title", "subject", "stage", "grades", "date", "start", "end",
              "registration_deadline", "system", "location", "organizer", "special_education",
              "results"});
    Olympiad o;
    o.pos = ctx.at(e);
    o.digest = entry_digest(e, ctx);
    util::Digest head;
    head.add(ctx.file);
    for (size_t i = 0; e.is_map() && i < e.size(); ++i) {
      if (e.key(i).value == "results") continue;
      head.add(load::node_digest(e.key(i))).add(load::node_digest(e.val(i)));
    }
    o.head_digest = head.value();
    bool ok = read_id(f, ctx, reg.olympiads, m.olympiads.size(), o.id);
    if (auto* v = f.get("title")) {
      if (auto t = read_text(*v, ctx, "title")) o.title = *t;
    }
    if (auto* v = f.require("subject")) {
      if (auto id = read_string(*v, ctx, "subject")) {
        o.subject = *id;
        reg.subjects.resolve(*id, *v, ctx);
      }
    }
    if (auto* v = f.require("stage")) {
      if (auto s = read_enum(*v, ctx, "stage", kOlympiadStages)) o.stage = *s;
    }
    if (auto* v = f.require("grades")) {
      bool good = v->is_seq() && v->items.size() == 2;
      std::optional<int64_t> a, b;
      if (good) {
        a = read_int(v->items[0], ctx, "grades", 1, 12);
        b = read_int(v->items[1], ctx, "grades", 1, 12);
        if (a && b && *b < *a) {
          ctx.error(v->items[1], "the last grade (" + std::to_string(*b) +
                                     ") is below the first (" + std::to_string(*a) + ")",
                    "write [first, last], e.g. [9, 12]");
        } else if (a && b) {
          o.grade_from = static_cast<int>(*a);
          o.grade_to = static_cast<int>(*b);
        }
      } else if (v->is_scalar()) {
        a = read_int(*v, ctx, "grades", 1, 12);
        if (a) o.grade_from = o.grade_to = static_cast<int>(*a);
      } else {
        ctx.error(*v, "\"grades\" must be the first and last grade, like [9, 12]");
      }
    }
    const Node* date = f.get("date");
    const Node* start = f.get("start");
    const Node* end = f.get("end");
    if (date && (start || end)) {
      ctx.error(start ? *start : *end, "give either \"date\" or \"start\" and \"end\", not both",
                "use date: for a one-day olympiad, start: and end: for several days");
    } else if (date) {
      if (auto d = read_date(*date, ctx, "date")) o.start = o.end = *d;
    } else if (start || end) {
      std::optional<Date> s, en;
      if (auto* v = f.require("start")) s = read_date(*v, ctx, "start");
      if (auto* v = f.require("end")) en = read_date(*v, ctx, "end");
      if (s && en && *en < *s) {
        ctx.error(*end, "the olympiad ends (" + en->iso() + ") before it starts (" + s->iso() + ")");
      } else if (s && en) {
        o.start = *s;
        o.end = *en;
      }
    } else {
      ctx.error(e, "missing required field \"date\" in an olympiad",
                "add `date: YYYY-MM-DD`, or `start:` and `end:` for several days");
    }
    if (auto* v = f.get("registration_deadline")) {
      o.registration_deadline = read_date(*v, ctx, "registration_deadline");
      if (o.registration_deadline && o.start != Date{} && *o.registration_deadline > o.start) {
        ctx.error(*v, "registration closes (" + o.registration_deadline->iso() +
                          ") after the olympiad starts (" + o.start.iso() + ")");
      }
    }
    o.system = str_or_empty(f, "system", ctx);
    o.location = str_or_empty(f, "location", ctx);
    o.organizer = str_or_empty(f, "organizer", ctx);
    if (auto* v = f.get("special_education")) {
      o.special_education = read_bool(*v, ctx, "special_education").value_or(false);
    }
    if (auto* v = f.get("results"); v && expect_list(*v, ctx, "\"results\"")) {
      for (const Node& r : v->items) {
        if (auto res = read_result(r, ctx, reg)) o.results.push_back(std::move(*res));
      }
    }
    if (ok) m.olympiads.push_back(std::move(o));
  });
}

void build_materials(const Node* root, const Ctx& ctx, Model& m, Registries& reg) {
  for_each_entry(root, ctx, "material", [&](const Node& e) {
    Fields f(e, ctx, "a material",
             {"id", "title", "subjects", "level", "deadline", "status", "published", "url"});
    Material mat;
    mat.pos = ctx.at(e);
    mat.digest = entry_digest(e, ctx);
    bool ok = read_id(f, ctx, reg.materials, m.materials.size(), mat.id);
    if (auto* v = f.require("title")) {
      if (auto t = read_text(*v, ctx, "title")) mat.title = *t;
    }
    if (auto* v = f.get("subjects")) mat.subjects = read_refs(*v, ctx, reg.subjects, "subjects");
    if (auto* v = f.require("level")) {
      if (auto l = read_enum(*v, ctx, "level", kMaterialLevels)) mat.level = *l;
    }
    if (auto* v = f.require("deadline")) {
      if (auto d = read_date(*v, ctx, "deadline")) mat.deadline = *d;
    }
    // Only a status that was read is compared with `published`: a misspelt one is reported
    // once, not again as "planned".
    const Node* status = f.require("status");
    std::optional<MaterialStatus> st;
    if (status) st = read_enum(*status, ctx, "status", kMaterialStatuses);
    if (st) mat.status = *st;
    if (auto* v = f.get("published")) mat.published = read_date(*v, ctx, "published");
    if (st && *st == MaterialStatus::kPublished && !f.get("published")) {
      ctx.error(*status, "a published material needs its \"published\" date",
                "add `published: YYYY-MM-DD` (the day it was published)");
    }
    if (st && *st != MaterialStatus::kPublished && mat.published) {
      ctx.error(*f.get("published"),
                "the material has a \"published\" date but its status is \"" +
                    std::string(enum_name(kMaterialStatuses, mat.status)) + "\"",
                "set `status: published`, or remove the published date");
    }
    if (auto* v = f.get("url")) mat.url = read_url(*v, ctx, "url").value_or("");
    if (ok) m.materials.push_back(std::move(mat));
  });
}

void build_events(const Node* root, const Ctx& ctx, Model& m, Registries& reg) {
  for_each_entry(root, ctx, "event", [&](const Node& e) {
    Fields f(e, ctx, "an event",
             {"id", "title", "level", "municipality", "school", "audience", "subjects", "start",
              "end", "hours", "format", "location", "url"});
    Event ev;
    ev.pos = ctx.at(e);
    ev.digest = entry_digest(e, ctx);
    bool ok = read_id(f, ctx, reg.events, m.events.size(), ev.id);
    if (auto* v = f.require("title")) {
      if (auto t = read_text(*v, ctx, "title")) ev.title = *t;
    }
    const Node* level = f.require("level");
    if (level) {
      if (auto l = read_enum(*level, ctx, "level", kLevels)) ev.level = *l;
    }
    if (auto* v = f.get("municipality")) {
      if (auto id = read_string(*v, ctx, "municipality")) {
        ev.municipality = *id;
        reg.municipalities.resolve(*id, *v, ctx);
      }
    } else if (level && ev.level != Level::kNational) {
      ctx.error(e, "a " + std::string(enum_name(kLevels, ev.level)) +
                       "-level event needs a \"municipality\"",
                "add `municipality: <id>` (an id from data/municipalities.yaml)");
    }
    if (auto* v = f.get("school")) {
      if (auto id = read_string(*v, ctx, "school")) {
        ev.school = *id;
        reg.institutions.resolve(*id, *v, ctx);
      }
    }
    if (auto* v = f.get("audience")) {
      if (v->is_seq() || v->is_scalar()) {
        const std::vector<Node> single{*v};
        for (const Node& a : v->is_seq() ? v->items : single) {
          if (auto x = read_enum(a, ctx, "audience", kAudiences)) ev.audience.push_back(*x);
        }
      } else {
        ctx.error(*v, "\"audience\" must be a list, like [teachers, school_leaders]");
      }
    }
    if (auto* v = f.get("subjects")) ev.subjects = read_refs(*v, ctx, reg.subjects, "subjects");
    std::optional<DateTime> start, end;
    if (auto* v = f.require("start")) start = read_datetime(*v, ctx, "start");
    if (auto* v = f.get("end")) end = read_datetime(*v, ctx, "end");
    if (start) ev.start = *start;
    ev.end = end ? *end : ev.start;
    if (start && end && *end < *start) {
      ctx.error(*f.get("end"), "the event ends before it starts");
    }
    if (auto* v = f.get("hours")) ev.hours = read_number(*v, ctx, "hours", 0, 10000).value_or(0);
    if (auto* v = f.get("format")) {
      if (auto x = read_enum(*v, ctx, "format", kEventFormats)) ev.format = *x;
    }
    ev.location = str_or_empty(f, "location", ctx);
    if (auto* v = f.get("url")) ev.url = read_url(*v, ctx, "url").value_or("");
    if (ok) m.events.push_back(std::move(ev));
  });
}

}  // namespace metodika::model::detail
