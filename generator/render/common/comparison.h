// The national comparison (issue 21, /pasvaldibas/salidzinajums/): every municipality side by
// side on the key indicators with the nation's row, as a table (site, CSV, JSON) and as charts
// of at most kComparisonBars bars. Every figure is rules::ComparisonFigures' or the rules'
// development share; nothing is computed here.
#pragma once

#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/common/chart.h"
#include "render/common/table.h"
#include "rules/results.h"

namespace metodika::render {

/// The most bars one comparison chart draws (issue 21: ~30 bars stay readable).
inline constexpr size_t kComparisonBars = 30;

/// "salidzinajums": one row per municipality in Latvian order (linked to its page): region,
/// institutions, students and teachers in rules' latest school year, the mean exam index and
/// the schools meeting the rule out of those with an index in the latest year with an index,
/// the share of teachers meeting the development norm (hidden as rules::PdSummary says),
/// methodologists and the programmes' budget; then the nation as a kTotal row.
[[nodiscard]] Table comparison_table(const model::Model& model, const rules::Results& results,
                                     std::string_view lang, const Translate& t);

/// "pasvaldibas", the national summary of /dati/ and of the national workbook: the comparison's
/// table (the same rules::ComparisonFigures, rows and notes on blank cells) without the mean exam
/// index, under its own title and note.
[[nodiscard]] Table national_summary(const model::Model& model, const rules::Results& results,
                                     std::string_view lang, const Translate& t);

/// The mean exam index of every municipality with one, as bar charts, one per planning region
/// (split in charts of at most kComparisonBars bars), municipalities ranked from the highest
/// index, the nation's mean as a reference line. Empty without any index.
[[nodiscard]] std::vector<Chart> comparison_charts(const model::Model& model,
                                                   const rules::Results& results,
                                                   std::string_view lang, const Translate& t);

}  // namespace metodika::render
