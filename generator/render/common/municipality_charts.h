// The charts of a municipality, shared by its page, the review's HTML page and its PDF: each
// draws values the rules computed (through MunicipalityTables), never new ones.
#pragma once

#include <optional>
#include <string_view>

#include "model/model.h"
#include "render/common/chart.h"
#include "render/common/municipality_tables.h"
#include "rules/results.h"

namespace metodika::render {

/// "ce-indekss": each school's exam index by school year (lines), with the threshold of the rule
/// in force as reference lines (one per run of years under the same rule). nullopt without data.
[[nodiscard]] std::optional<Chart> ce_chart(const model::Model& model,
                                            const rules::Results& results,
                                            const MunicipalityTables& tables,
                                            std::string_view lang, const Translate& t);

/// The most lines a line chart draws and bars a bar chart draws (issue 21): Rīga's exam-index
/// chart had 55 lines with a legend taller than its plot. Above them a chart shows the
/// distribution instead, and the table beside it has every figure.
inline constexpr size_t kMaxLineSeries = 8;
inline constexpr size_t kMaxBars = 30;

/// "ce-indekss" as a distribution: the municipal and the national mean (rules::ce_summary) and
/// the schools' lowest, median and highest index (rules::spread) by school year, with the
/// thresholds of ce_chart. nullopt without data.
[[nodiscard]] std::optional<Chart> ce_spread_chart(const model::Model& model,
                                                   const rules::Results& results,
                                                   const MunicipalityTables& tables,
                                                   std::string_view lang, const Translate& t);

/// ce_chart, or ce_spread_chart when ce_chart would draw more than kMaxLineSeries lines: what
/// the municipality page, the review's HTML page and its PDF draw.
[[nodiscard]] std::optional<Chart> ce_chart_capped(const model::Model& model,
                                                   const rules::Results& results,
                                                   const MunicipalityTables& tables,
                                                   std::string_view lang, const Translate& t);

/// "pilnveide": the share of teachers meeting the development norm per school (bars); a
/// suppressed school is a gap, named in the description. nullopt without teacher records.
[[nodiscard]] std::optional<Chart> pd_chart(const model::Model& model,
                                            const rules::Results& results,
                                            const MunicipalityTables& tables,
                                            std::string_view lang, const Translate& t);

/// "laika-sadalijums": the norm, then each municipal methodologist's reported split per school
/// year, as 100% stacked bars over the four categories. nullopt without reported activity.
[[nodiscard]] std::optional<Chart> time_chart(const model::Model& model,
                                              const rules::Results& results,
                                              const MunicipalityTables& tables,
                                              std::string_view lang, const Translate& t);

/// "budzets": a programme's budget by year, one series per group (EUR). nullopt without budget.
[[nodiscard]] std::optional<Chart> budget_chart(const model::Model& model,
                                                const rules::Results& results,
                                                const ProgrammeTables& programme,
                                                std::string_view lang, const Translate& t);

/// "dinamika": students and teachers of the municipality's institutions by school year (bars).
[[nodiscard]] std::optional<Chart> dynamics_chart(const rules::Results& results,
                                                  const MunicipalityTables& tables,
                                                  std::string_view lang, const Translate& t);

}  // namespace metodika::render
