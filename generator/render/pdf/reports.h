// Every municipality's review as PDF into the output: OUT/parskati/<id>-<from>-<to>.pdf for the
// site's `review` period, in the site's default language, for the council (DATA-MODEL.md 10:
// heads' evaluations may appear; private teacher records only as suppressed aggregates).
#pragma once

#include <cstddef>
#include <string>

#include "diag/diagnostics.h"
#include "load/theme.h"
#include "model/model.h"
#include "render/common/inputs.h"
#include "render/pdf/review.h"
#include "rules/results.h"
#include "util/output_sink.h"

namespace metodika::render::pdf {

/// The theme has a report template, so the build writes reviews.
[[nodiscard]] bool has_review_template(const model::Model& model, const load::Theme& theme);

/// Where municipality `mi`'s review goes in the output: "parskati/<id>-<from>-<to>.pdf".
[[nodiscard]] std::string review_pdf_path(const model::Model& model, size_t mi);

/// Writes the reviews on up to `jobs` threads and returns how many. A report template problem
/// goes to `diags` (and no review is written). With `cache` and `inputs` (incremental builds),
/// the reviews whose inputs did not change since the last build are kept, not typeset again.
size_t render_reviews(const model::Model& model, const rules::Results& results,
                      const load::Theme& theme, const Resources& resources,
                      util::OutputSink& out, unsigned jobs, diag::Diagnostics& diags,
                      util::WorkCache* cache = nullptr, const InputDigests* inputs = nullptr);

}  // namespace metodika::render::pdf
