// The public website (issue 4): pages from the model and the rules' results through the theme's
// Mustache templates, in every site language (the default at the root, others under /<lang>/).
#pragma once

#include <cstddef>

#include "diag/diagnostics.h"
#include "load/theme.h"
#include "model/model.h"
#include "render/site/context.h"
#include "rules/results.h"
#include "util/output_sink.h"

namespace metodika::render::site {

struct SiteStats {
  size_t pages = 0;
  size_t files = 0;  // every file written, pages included
};

/// Reports the theme's template problems (a template that does not parse, partials that include
/// themselves or grow past the limit of render/site/templates.cc) to `diags` without rendering
/// anything, so that a build can stop before it touches the output.
void check_templates(const load::Theme& theme, diag::Diagnostics& diags);

/// Writes the site into `out`. Template problems go to `diags`; nothing else can fail on valid
/// data. `options` says which other outputs the same build writes, so that pages link to them.
SiteStats render_site(const model::Model& model, const rules::Results& results,
                      const load::Theme& theme, util::OutputSink& out, diag::Diagnostics& diags,
                      const SiteOptions& options = {});

}  // namespace metodika::render::site
