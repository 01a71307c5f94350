// Builds the validated Model from parsed sources: every field typed, every reference resolved,
// every rule of DATA-MODEL.md section 14 checked. All errors go to the diagnostics; the model is
// only usable when there are none.
#pragma once

#include <memory>
#include <optional>

#include "diag/diagnostics.h"
#include "load/site_sources.h"
#include "model/model.h"

namespace metodika::model {

/// What one process keeps between its builds (`metodika serve`): the private teacher records read
/// from each file, with the diagnostics reading them gave, so that an edit elsewhere does not
/// read a national site's 25,000 records again. Defined in model/read_memo.h.
/// With `keep_trees` false (a one-off build), only the teacher records are kept, and each public
/// data file's tree is freed once read.
struct ReadMemo;
[[nodiscard]] std::shared_ptr<ReadMemo> make_read_memo(bool keep_trees = true);

struct BuildOptions {
  /// `--as-of`, or SOURCE_DATE_EPOCH's date when site.yaml has no `as_of` (resolved by `cli`).
  std::optional<Date> as_of_override;
  std::optional<Date> as_of_fallback;
  /// Workers for the per-file work (parsing deferred files, building teacher records).
  unsigned jobs = 1;
  /// Between builds of one process: reuse what an unchanged file gave last time.
  ReadMemo* memo = nullptr;
};

/// Reads site.yaml alone (for the languages that content loading needs). Reports nothing.
[[nodiscard]] std::vector<std::string> peek_languages(const load::SiteSources& sources);

[[nodiscard]] Model build_model(const load::SiteSources& sources, const BuildOptions& options,
                                diag::Diagnostics& diags);

}  // namespace metodika::model
