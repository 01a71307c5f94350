// generator/render/site/table_view.cc: a table written directly for the default theme's markup
// is byte for byte what the template engine writes from `partials/table`, and a theme that
// overrides the partial still gets its own markup.
#include "render/site/table_view.h"

#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "render/common/municipality_tables.h"
#include "rules/results.h"

namespace metodika::render::site {
namespace {

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The test site's model and results, and a context for them over a given theme.
struct Fixture {
  diag::Diagnostics diags;
  model::Model model;
  rules::Results results;
  load::Theme theme;
  util::MemorySink out;

  Fixture() {
    load::LoadOptions lo;
    auto sources = load::load_site(kSite, lo, diags);
    model = model::build_model(sources, {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    results = rules::compute(model);
    theme = load::load_theme(kSite, model.site.theme, model.site.languages, diags);
  }

  std::unique_ptr<SiteContext> context(const load::Theme& t, const std::string& lang) {
    auto c = std::make_unique<SiteContext>(model, results, t, out, diags);
    c->set_language(lang);
    return c;
  }
};

// The default markup with a comment after it: the engine writes the same bytes from it, but it
// is not the default text, so table_html takes the template path.
load::Theme engine_theme(const load::Theme& theme) {
  load::Theme t = theme;
  t.templates["partials/table"] += "{{! the same markup, through the engine }}";
  return t;
}

// Every feature of the markup at once: a linked row header, each column type, a status to
// colour, suppressed and empty cells, group and total rows with layout blanks, a short row, and
// text that needs escaping everywhere.
Table crafted_table() {
  Table t;
  t.id = "visas-<iespejas>";
  t.title = "Skolas & \"kopsavilkums\" <'25>";
  t.note = "Piezīme: <b>ne</b> & 'citāts'";
  auto col = [&](std::string key, std::string label, ColumnType type, int decimals = 0) {
    Column c;
    c.key = std::move(key);
    c.label = std::move(label);
    c.type = type;
    c.decimals = decimals;
    t.columns.push_back(c);
  };
  col("school", "Skola <&>", ColumnType::kText);
  t.columns.back().row_header = true;
  col("students", "Skolēni", ColumnType::kInteger);
  col("share", "Daļa \"%\"", ColumnType::kPercent, 1);
  col("mean", "Vidējais", ColumnType::kDecimal, 2);
  col("budget", "Budžets", ColumnType::kMoney);
  col("date", "Datums", ColumnType::kDate);
  col("year", "Gads", ColumnType::kYear);
  col("school_year", "Mācību gads", ColumnType::kSchoolYear);
  col("status", "Statuss", ColumnType::kText);

  Row data;
  data.cells = {text_cell("Sabiles <vidus>skola & co", "iestades/sabiles-vidusskola/"),
                int_cell(1234567),
                number_cell(45.25),
                number_cell(-0.004),
                int_cell(1601850),
                date_cell(util::Date{2025, 8, 31}),
                int_cell(2025),
                int_cell(2025),
                text_cell("izpildīts")};
  data.cells.back().status = "met\"<x>";
  data.cells[2].status = "warn";
  t.rows.push_back(data);

  Row hidden;
  hidden.cells = {text_cell("Maza skola"),
                  suppressed_cell(),
                  suppressed_cell(),
                  Cell{},
                  int_cell(100),
                  Cell{},
                  Cell{},
                  Cell{},
                  text_cell("'", "a&b/")};
  hidden.cells[1].status = "hidden";
  t.rows.push_back(hidden);

  Row group;
  group.kind = RowKind::kGroup;
  group.cells = {text_cell("Grupa"), Cell{}, suppressed_cell(), Cell{}, int_cell(-250)};
  t.rows.push_back(group);  // shorter than the columns

  Row total;
  total.kind = RowKind::kTotal;
  total.cells = {Cell{}, int_cell(0), number_cell(100), number_cell(1.5), int_cell(-1601899)};
  t.rows.push_back(total);
  return t;
}

TEST_CASE("the default theme's table partial is the markup table_html writes directly") {
  Fixture f;
  CHECK(has_default_table_markup(f.theme));
  // The built-in theme is the repository's themes/default/, which the bundled site uses too.
  load::Theme repo;
  repo.templates["partials/table"] =
      read(std::string(METODIKA_SOURCE_DIR) + "/themes/default/templates/partials/table.mustache");
  CHECK(has_default_table_markup(repo));
  CHECK_FALSE(has_default_table_markup(engine_theme(f.theme)));
  CHECK_FALSE(has_default_table_markup(load::Theme{}));
}

TEST_CASE("a table written directly is byte for byte the engine's rendering of the partial") {
  Fixture f;
  const load::Theme engine = engine_theme(f.theme);
  const Table crafted = crafted_table();
  Table empty_table = crafted;
  empty_table.rows.clear();
  empty_table.note.clear();
  Table no_columns;
  no_columns.id = "tuksa";
  no_columns.rows.resize(2);

  for (const std::string& lang : f.model.site.languages) {
    CAPTURE(lang);
    auto direct = f.context(f.theme, lang);
    auto templated = f.context(engine, lang);
    auto same = [&](const Table& table, std::string_view data_dir, std::string_view anchor,
                    bool json) {
      CAPTURE(table.id);
      CAPTURE(data_dir);
      CAPTURE(json);
      std::string want = table_html(*templated, table, data_dir, anchor, json);
      CHECK(table_html(*direct, table, data_dir, anchor, json) == want);
    };
    for (const Table* t : std::vector<const Table*>{&crafted, &empty_table, &no_columns}) {
      for (bool json : {true, false}) {
        same(*t, "", "", json);
        same(*t, "dati/<x>&/", "r-", json);
      }
    }
    // Every table of the test site's municipality and institution pages.
    Translate tr = [&](std::string_view key) { return direct->t(key); };
    size_t tables = 0;
    for (size_t mi = 0; mi < f.model.municipalities.size(); ++mi) {
      const MunicipalityTables mt = municipality_tables(f.model, f.results, mi, lang, tr);
      for (const Table* t : mt.all()) {
        same(*t, "dati/" + f.model.municipalities[mi].id + "/", "", true);
        same(*t, "dati/" + f.model.municipalities[mi].id + "/", "r-", true);
        ++tables;
      }
    }
    for (size_t i = 0; i < f.model.institutions.size(); ++i) {
      const InstitutionTables it = institution_tables(f.model, f.results, i, lang, tr);
      for (const Table* t : it.all()) {
        same(*t, "iestades/" + f.model.institutions[i].id + "/", "", false);
        ++tables;
      }
    }
    CHECK(tables > 20);
  }
}

TEST_CASE("a theme that overrides the table partial gets its own markup") {
  Fixture f;
  load::Theme own = f.theme;
  own.templates["partials/table"] =
      "<div class=\"mine\">{{table_title}}|{{#rows}}{{#cells}}[{{cell_text}}]{{/cells}}{{/rows}}"
      "|{{t.tables.csv}}</div>";
  CHECK_FALSE(has_default_table_markup(own));
  auto c = f.context(own, "lv");
  Table t;
  t.id = "t";
  t.title = "A & B";
  t.columns.resize(2);
  t.columns[1].type = ColumnType::kInteger;
  Row r;
  r.cells = {text_cell("x"), int_cell(1000)};
  t.rows.push_back(r);
  CHECK(table_html(*c, t, "dati/", "") ==
        "<div class=\"mine\">A &amp; B|[x][1\u00A0000]|" + c->t("tables.csv") + "</div>");
}

}  // namespace
}  // namespace metodika::render::site
