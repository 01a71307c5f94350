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
