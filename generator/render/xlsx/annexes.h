// The Excel annexes of the review (issue 6): for every municipality
// `parskati/<municipality>-<from>-<to>.xlsx` (budget with live formulas, actions, institutions,
// CE index, development, methodologists, olympiads) and the national
// `parskati/latvija-<from>-<to>.xlsx`, in the site's default language. Every value comes from the
// shared tables of render/common (municipality_tables.h); this library only lays them out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "load/theme.h"
#include "model/model.h"
#include "render/common/inputs.h"
#include "render/common/municipality_tables.h"
#include "render/common/table.h"
#include "rules/results.h"
#include "util/output_sink.h"

namespace metodika::render::xlsx {

struct AnnexOptions {
  unsigned jobs = 1;
  /// Where libxlsxwriter's working files go (the CLI passes the system's temporary folder):
  /// libxlsxwriter 1.1.4 writes only to a path, the bytes are read back into the sink.
  std::string tmp_dir = "/tmp";
  /// Incremental builds: workbooks whose inputs did not change since the last build are kept.
  util::WorkCache* cache = nullptr;
  const InputDigests* inputs = nullptr;
};

/// What every workbook of one build shares.
struct AnnexContext {
  const model::Model& model;
  const rules::Results& results;
  Translate t;       ///< the theme's strings in `lang`
  std::string lang;  ///< the site's default language
  std::string tmp_dir;
};

/// The theme's strings of `lang` as a Translate (render::translator: one lookup for every format).
[[nodiscard]] Translate theme_translate(const load::Theme& theme, std::string_view lang);

/// The bytes of one municipality's workbook.
[[nodiscard]] std::string municipality_workbook(const AnnexContext& ctx,
                                                const MunicipalityTables& tables);

/// The bytes of the national workbook: the summary of every municipality with a totals row of
/// formulas, then a sheet per indicator with every municipality's rows.
[[nodiscard]] std::string national_workbook(const AnnexContext& ctx,
                                            const std::vector<MunicipalityTables>& all);

/// Writes every municipality's workbook and the national one into `out`; returns how many.
size_t write_annexes(const model::Model& model, const rules::Results& results,
                     const load::Theme& theme, util::OutputSink& out,
                     const AnnexOptions& options = {});

}  // namespace metodika::render::xlsx
