// Subjects, municipalities, institutions and methodologists (DATA-MODEL.md sections 3–6).
#include <algorithm>

#include "model/builders.h"
#include "model/reserved.h"

namespace metodika::model::detail {
void build_subjects(const Node* root, const Ctx& ctx, Model& m, Registries& reg) {
  for_each_entry(root, ctx, "subject", [&](const Node& e) {
    Fields f(e, ctx, "a subject", {"id", "name", "area"});
    Subject s;
    s.pos = ctx.at(e);
    s.digest = entry_digest(e, ctx);
    bool ok = read_id(f, ctx, reg.subjects, m.subjects.size(), s.id);
    if (auto* v = f.require("name")) {
      if (auto t = read_text(*v, ctx, "name")) s.name = *t;
    }
    if (auto* v = f.require("area")) {
      if (auto a = read_enum(*v, ctx, "learning area", kLearningAreas)) s.area = *a;
    }
    if (ok) m.subjects.push_back(std::move(s));
  });
}

void build_municipalities(const Node* root, const Ctx& ctx, Model& m, Registries& reg) {
  for_each_entry(root, ctx, "municipality", [&](const Node& e) {
    Fields f(e, ctx, "a municipality", {"id", "name", "kind", "region", "board", "council"});
    Municipality mu;
    mu.pos = ctx.at(e);
    mu.digest = entry_digest(e, ctx);
    bool ok = read_id(f, ctx, reg.municipalities, m.municipalities.size(), mu.id);
    // pasvaldibas/<id>/ would overwrite the comparison page (or be overwritten by it).
    if (ok && std::find(kMunicipalityFolders.begin(), kMunicipalityFolders.end(), mu.id) !=
                  kMunicipalityFolders.end()) {
      ctx.error(*f.get("id"),
                "the address of this municipality, pasvaldibas/" + mu.id +
                    "/, is taken by the comparison of municipalities",
                "choose another `id:` (and use it in the files that name this municipality)");
    }
    if (auto* v = f.require("name")) {
      if (auto t = read_text(*v, ctx, "name")) mu.name = *t;
    }
    if (auto* v = f.require("kind")) {
      if (auto k = read_enum(*v, ctx, "municipality kind", kMunicipalityKinds)) mu.kind = *k;
    }
    if (auto* v = f.require("region")) {
      if (auto r = read_enum(*v, ctx, "region", kRegions)) mu.region = *r;
    }
    if (auto* v = f.get("board"); v && expect_map(*v, ctx, "board")) {
      Fields b(*v, ctx, "the education board", {"name", "email", "phone", "address", "url"});
      mu.board.name = str_or_empty(b, "name", ctx);
      if (auto* x = b.get("email")) mu.board.email = read_email(*x, ctx, "email").value_or("");
      mu.board.phone = str_or_empty(b, "phone", ctx);
      mu.board.address = str_or_empty(b, "address", ctx);
      if (auto* x = b.get("url")) mu.board.url = read_url(*x, ctx, "url").value_or("");
    }
    mu.council = str_or_empty(f, "council", ctx);
    if (ok) m.municipalities.push_back(std::move(mu));
  });
}

void build_institutions(const Node* root, const Ctx& ctx, Model& m, Registries& reg) {
  for_each_entry(root, ctx, "institution", [&](const Node& e) {
    Fields f(e, ctx, "an institution",
             {"id", "name", "municipality", "kind", "head", "address", "url", "students",
              "teachers", "accreditation", "tags"});
    Institution in;
    in.pos = ctx.at(e);
    in.digest = entry_digest(e, ctx);
    bool ok = read_id(f, ctx, reg.institutions, m.institutions.size(), in.id);
    if (auto* v = f.require("name")) {
      if (auto t = read_text(*v, ctx, "name")) in.name = *t;
    }
    // An unknown municipality is reported but the institution is kept: its id is registered
    // with this index, and references to it must find it, not the next school (or none).
    if (auto* v = f.require("municipality")) {
      if (auto id = read_string(*v, ctx, "municipality")) {
        in.municipality = *id;
        if (auto idx = reg.municipalities.resolve(*id, *v, ctx)) in.municipality_index = *idx;
      }
    }
    if (auto* v = f.require("kind")) {
      if (auto k = read_enum(*v, ctx, "institution kind", kInstitutionKinds)) in.kind = *k;
    }
    in.head = str_or_empty(f, "head", ctx);
    in.address = str_or_empty(f, "address", ctx);
    if (auto* v = f.get("url")) in.url = read_url(*v, ctx, "url").value_or("");
    for (const char* key : {"students", "teachers"}) {
      if (auto* v = f.get(key)) {
        auto counts = read_by_year<int>(*v, ctx, key, [&](const Node& n) {
          return read_count(n, ctx, key);
        });
        if (counts) (std::string_view(key) == "students" ? in.students : in.teachers) = *counts;
      }
    }
    if (auto* v = f.get("accreditation"); v && expect_map(*v, ctx, "accreditation")) {
      Fields a(*v, ctx, "the accreditation", {"date", "valid_until"});
      std::optional<Date> date, until;
      if (auto* x = a.require("date")) date = read_date(*x, ctx, "date");
      if (auto* x = a.require("valid_until")) until = read_date(*x, ctx, "valid_until");
      if (date && until) {
        if (*until < *date) {
          ctx.error(*a.get("valid_until"), "the accreditation is valid until " + until->iso() +
                                               ", before it was given (" + date->iso() + ")");
        } else {
          in.accreditation = Accreditation{*date, *until};
        }
      }
    }
    if (auto* v = f.get("tags")) {
      if (auto t = read_string_list(*v, ctx, "tags")) in.tags = *t;
    }
    if (ok) m.institutions.push_back(std::move(in));
  });
}

namespace {

// The annexes' methodologist sheet (in the default language) holds a methodologist's subjects'
// names joined by ", " in one cell, and a spreadsheet cell holds at most 32,767 characters
// (libxlsxwriter refuses more). Each name alone is within load::kMaxScalarChars; many long ones
// together are reported here, at the data, rather than failing the workbook.
void check_joined_subjects(const Methodologist& me, const Node& at, const Ctx& ctx,
                           const Model& m, const Registries& reg) {
  constexpr size_t kCellChars = 32'767;
  size_t chars = 0;
  for (const std::string& id : me.subjects) {
    if (!reg.subjects.contains(id)) continue;
    if (auto i = reg.subjects.resolve(id, at, ctx); i && *i < m.subjects.size()) {
      if (chars > 0) chars += 2;
      chars += util::utf8_length(m.subjects[*i].name.in(ctx.langs.front()));
    }
  }
  if (chars <= kCellChars) return;
  ctx.error(at,
            "the names of these subjects come to " + std::to_string(chars) +
                " characters together, more than a spreadsheet cell holds (32767)",
            "the Excel annex lists a methodologist's subjects in one cell: shorten the "
            "subjects' names in data/subjects.yaml, or list fewer subjects");
}

}  // namespace

void build_methodologists(const Node* root, const Ctx& ctx, Model& m, Registries& reg) {
  for_each_entry(root, ctx, "methodologist", [&](const Node& e) {
    Fields f(e, ctx, "a methodologist",
             {"id", "name", "level", "municipality", "school", "subjects", "email", "phone", "fte",
              "activity"});
    Methodologist me;
    me.pos = ctx.at(e);
    me.digest = entry_digest(e, ctx);
    bool ok = read_id(f, ctx, reg.methodologists, m.methodologists.size(), me.id);
    if (auto* v = f.require("name")) me.name = read_string(*v, ctx, "name").value_or("");
    const Node* level_node = f.require("level");
    if (level_node) {
      if (auto l = read_enum(*level_node, ctx, "level", kLevels)) me.level = *l;
    }
    if (auto* v = f.get("municipality")) {
      if (auto id = read_string(*v, ctx, "municipality")) {
        me.municipality = *id;
        ok = reg.municipalities.resolve(*id, *v, ctx).has_value() && ok;
      }
    } else if (level_node && me.level != Level::kNational) {
      ctx.error(e, "a " + std::string(enum_name(kLevels, me.level)) +
                       " methodologist needs a \"municipality\"",
                "add `municipality: <id>` (an id from data/municipalities.yaml)");
    }
    if (auto* v = f.get("school")) {
      if (auto id = read_string(*v, ctx, "school")) {
        me.school = *id;
        if (auto idx = reg.institutions.resolve(*id, *v, ctx)) {
          const Institution& in = m.institutions[*idx];
          if (me.municipality && in.municipality != *me.municipality) {
            ctx.error(*v, "the school \"" + *id + "\" is in " + in.municipality + ", not in " +
                              *me.municipality,
                      "check the methodologist's municipality and school");
          }
        } else {
          ok = false;
        }
      }
    } else if (level_node && me.level == Level::kSchool) {
      ctx.error(e, "a school-level methodologist needs a \"school\"",
                "add `school: <id>` (an id from data/schools/)");
    }
    if (auto* v = f.require("subjects")) {
      me.subjects = read_refs(*v, ctx, reg.subjects, "subjects");
      if (v->is_seq() && v->items.empty()) ctx.error(*v, "a methodologist needs at least one subject");
      check_joined_subjects(me, *v, ctx, m, reg);
    }
    if (auto* v = f.get("email")) me.email = read_email(*v, ctx, "email").value_or("");
    if (auto* v = f.get("phone")) me.phone = read_string(*v, ctx, "phone").value_or("");
    if (auto* v = f.get("fte")) {
      if (auto x = read_number(*v, ctx, "fte", 0, 1)) {
        if (*x <= 0) {
          ctx.error(*v, "\"fte\" must be more than 0 (a share of a full-time post, up to 1)");
        } else {
          me.fte = *x;
        }
      }
    }
    if (auto* v = f.get("activity")) {
      auto act = read_by_year<WorkSplit>(*v, ctx, "activity", [&](const Node& n)
                                                                   -> std::optional<WorkSplit> {
        if (!expect_map(n, ctx, "a year's activity")) return std::nullopt;
        Fields a(n, ctx, "a year's activity", {"state", "teachers", "schools", "data"});
        WorkSplit w;
        bool good = true;
        for (const auto& [name, cat] : kWorkCategories) {
          if (auto* h = a.get(name)) {
            auto hours = read_number(*h, ctx, name, 0, 10000);
            if (hours) {
              w.by_category[static_cast<size_t>(cat)] = *hours;
            } else {
              good = false;
            }
          }
        }
        if (!good) return std::nullopt;
        return w;
      });
      if (act) me.activity = *act;
    }
    if (ok) m.methodologists.push_back(std::move(me));
  });
}

}  // namespace metodika::model::detail
