// A plain first rendering of the site: one index page per kind of entity, with the values the
// rules computed. It proves the pipeline end to end (load → model → rules → render → publish)
// until the full site renderer replaces it.
#pragma once

#include <cstddef>

#include "model/model.h"
#include "rules/results.h"
#include "util/output_sink.h"

namespace metodika::render {

struct RenderStats {
  size_t pages = 0;
  size_t reports = 0;
  size_t annexes = 0;
};

RenderStats render_plain_site(const model::Model& model, const rules::Results& results,
                              util::OutputSink& out);

}  // namespace metodika::render
