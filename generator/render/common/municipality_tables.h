// The tables of one municipality and of the nation, built once from the model and the rules'
// results and shared by every format: the municipality page and its open data (/dati/), the
// review (HTML page and PDF) and the XLSX annex. Private teacher records only reach these tables
// as the suppressed aggregates of rules::school_pd.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/common/table.h"
#include "rules/period.h"
#include "rules/results.h"

namespace metodika::render {

/// One action programme of a municipality.
struct ProgrammeTables {
  size_t programme = 0;  ///< index into model.programmes
  /// Actions: title, period ("2022–2024"), responsible, status (translated).
  Table actions;
  /// Budget as in the council annex: a kGroup row per group (its id, title, sums by year and
  /// total), its lines as kData rows (id, title, amount per year, total, note), and a kTotal row.
  /// Columns: "id", "title", "y<year>" per year of rules::BudgetTotals::years, "total", "note".
  /// Every sum comes from rules::BudgetTotals.
  Table budget;
};

struct MunicipalityTables {
  size_t municipality = 0;  ///< index into model.municipalities
  /// Institutions in Latvian collation order (ICU), as indexes into model.institutions; every
  /// per-school table below follows this order.
  std::vector<size_t> schools;
  /// The school years that have any data for the municipality's schools, ascending.
  std::vector<int> years;
  /// The period the tables cover (the review's), or none (every year: the site's pages).
  std::optional<rules::SchoolYears> period;

  /// "iestades": name (linked), kind, students and teachers in the latest school year with data
  /// (the column labels name it), accreditation valid until and its state on as_of
  /// (rules::AccreditationState: valid / expiring within a year / expired).
  Table institutions;
  /// "iestades-pa-gadiem": name (linked), school year, students, teachers: one row per school
  /// and year with data (long form, for spreadsheets and open data).
  Table institutions_by_year;
  /// "dinamika": per school year, the institutions reporting, students and teachers in all.
  Table dynamics;
  /// "ce-indekss": school, school year, the three exam results, examinees, index, method,
  /// threshold, result (met / not met / no rule / missing exams), status "met"/"not-met".
  Table ce_index;
  /// "diagnostika": school, school year, test ("3. klase, matemātika"), result in percent.
  Table diagnostics;
  /// "kvalitate": school, school year, teachers observed, observed twice (the norm is
  /// rules.observations_per_teacher), survey respondents and satisfaction, motivation awards;
  /// with `council`, also the head's evaluation (DATA-MODEL.md 10: private to the report).
  Table quality;
  /// "pilnveide": school, teachers, meeting the norm, share; hours by course category; the
  /// municipality's total as a kTotal row. Suppressed cells under rules.small_cell.
  Table development;
  /// "metodiki": name, level, subjects, FTE, e-mail.
  Table methodologists;
  /// "laika-sadalijums": methodologist, school year, category, hours, actual share, norm,
  /// difference in percentage points (municipal methodologists with reported activity).
  Table time_split;
  /// "olimpiades": olympiad, date, school, participants, 1st, 2nd, 3rd places, honourable
  /// mentions.
  Table olympiads;
  std::vector<ProgrammeTables> programmes;

  /// Every non-programme table, then each programme's actions and budget, in page order.
  [[nodiscard]] std::vector<const Table*> all() const;
  /// The table with `id` ("ce-indekss"), or nullptr.
  [[nodiscard]] const Table* find(std::string_view id) const;
};

/// An olympiad's title in `lang`: its own, or "<subject> — <stage>" when it has none.
[[nodiscard]] std::string olympiad_title(const model::Model& model, const model::Olympiad& o,
                                         std::string_view lang, const Translate& t);

/// A diagnostic test as the tables name it: "3. klase, Matemātika" (grade "grade3").
[[nodiscard]] std::string diagnostic_test_label(const model::Model& model, std::string_view grade,
                                                std::string_view subject, std::string_view lang,
                                                const Translate& t);

/// The tables of municipality `mi` in `lang`, with labels from `t`. `council`: for the review
/// sent to the council (the PDF), which alone may show heads' evaluations. With `period` (the
/// review's and its workbook's), every table by school year keeps only the years of the period
/// (olympiads by the school year of their first day) and each table's note says which period,
/// date or programme years it covers; without it (the site's pages), every year is kept.
[[nodiscard]] MunicipalityTables municipality_tables(const model::Model& model,
                                                     const rules::Results& results, size_t mi,
                                                     std::string_view lang, const Translate& t,
                                                     bool council = false,
                                                     std::optional<rules::SchoolYears> period = {});

/// `tables.diagnostics` (the same records and values) a row per school and year and a column per
/// test, for the annex of a summarised review.
[[nodiscard]] Table diagnostics_by_school(const model::Model& model, const rules::Results& results,
                                          const MunicipalityTables& tables, std::string_view lang,
                                          const Translate& t);

/// The tables of one institution's page, cut from its municipality's tables (the same rows, the
/// school column dropped), so the page and the municipality's open data never disagree.
struct InstitutionTables {
  Table by_year;      ///< "skaits": school year, students, teachers
  Table ce_index;     ///< "ce-indekss": as MunicipalityTables::ce_index, plus the municipality's
                      ///< and the nation's mean index of the year (rules::ce_summary)
  Table diagnostics;  ///< "diagnostika"
  Table quality;      ///< "kvalitate" (never heads' evaluations)
  Table olympiads;    ///< "olimpiades"
  [[nodiscard]] std::vector<const Table*> all() const {
    return {&by_year, &ce_index, &diagnostics, &quality, &olympiads};
  }
};

/// The tables of institution `school` (an index into model.institutions) in `lang`.
[[nodiscard]] InstitutionTables institution_tables(const model::Model& model,
                                                   const rules::Results& results, size_t school,
                                                   std::string_view lang, const Translate& t);

/// "metodiki" of the state-level methodologists (those of no municipality), as
/// MunicipalityTables::methodologists.
[[nodiscard]] Table state_methodologists(const model::Model& model, std::string_view lang,
                                         const Translate& t);

/// "kvalitate" of a set of schools by school year (rules::QualityYear): the school year (row
/// header), the schools reporting, the sums of observed teachers, teachers observed by the norm,
/// respondents and awards, and the satisfaction's schools' mean, lowest, median and highest. The
/// rows of a summarising review's quality summary and of the national workbook's quality sheet.
[[nodiscard]] Table quality_by_year(const model::ByYear<rules::QualityYear>& quality,
                                    const Translate& t);

/// Municipalities in Latvian collation order of their names in `lang` (ties by id), as indexes
/// into model.municipalities: the order of every list and table of them.
[[nodiscard]] std::vector<size_t> municipalities_in_order(const model::Model& model,
                                                          std::string_view lang);

/// The national workbook's tables of the review period (rules::Results::review), each a row per
/// municipality (in Latvian order) and school year, then the nation's rows ("Latvijā kopā"), with
/// the period in the note:
/// "dinamika": the network by school year (rules::AreaFigures::network of each and the nation's);
[[nodiscard]] Table national_dynamics(const model::Model& model, const rules::Results& results,
                                      std::string_view lang, const Translate& t);
/// "diagnostika": per school year and test, the schools with a result, their mean and spread
/// (rules::MunicipalityFigures::diagnostics, NationalFigures::diagnostics);
[[nodiscard]] Table national_diagnostics(const model::Model& model, const rules::Results& results,
                                         std::string_view lang, const Translate& t);
/// "kvalitate": per school year, the schools reporting, the sums of the quality records and the
/// satisfaction's spread (rules::MunicipalityFigures::quality, NationalFigures::quality). Never
/// heads' evaluations.
[[nodiscard]] Table national_quality(const model::Model& model, const rules::Results& results,
                                     std::string_view lang, const Translate& t);

}  // namespace metodika::render
