// The build as one stage: load → model → rules → render → publish, with the incremental build's
// bookkeeping (build/incremental.h) behind it. `metodika build`, `check` and `serve` call it; it
// never prints or exits (STYLE.md "Errors"): what a person should see reaches the caller
// through a Listener and the returned Summary, and the CLI prints them.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "build/incremental.h"
#include "diag/diagnostics.h"
#include "load/site_sources.h"
#include "model/build.h"
#include "publish/cache.h"
#include "publish/staging.h"
#include "rules/results.h"
#include "util/date.h"

namespace metodika::build {

/// Which outputs a build writes: everything, or one part alone (`--only`, for benchmarks and for
/// checking one renderer). A partial build never reads or writes the build cache.
enum class Parts { kAll, kSite, kReports, kAnnexes };

/// What `serve` keeps from one build to the next, each part defined by the stage it serves; a
/// build uses a part only while what it was made from is unchanged.
struct Memory {
  load::TextMemo texts;                                             // the files' texts
  std::shared_ptr<model::ReadMemo> read = model::make_read_memo();  // parsed data, teacher records
  rules::PdMemo pd;                                                 // the development figures
  publish::KeptManifest manifest;                                   // the build cache's manifest
  KeptStore records;                                                // the store of teacher records
  KeptStore trees;                                                  // the store of public trees
};

/// Where the build finds what is outside the site folder. The CLI fills it: reading the
/// environment and the executable is its job, not a stage's.
struct Environment {
  uint64_t compiler = 0;      // compiler_identity(): what the build cache is keyed on
  std::string font_dir;       // the DejaVu fonts of the reviews
  std::string hyphen_dir;     // hyph_lv_LV.dic
  std::string scratch_dir;    // where libxlsxwriter assembles a workbook's temporary files
};

struct Options {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;  // the output folder (the CLI's default: SITE_DIR/output)
  std::optional<util::Date> as_of;
  std::optional<util::Date> source_date_epoch;  // read from the environment by the CLI
  unsigned jobs = 1;
  bool check_only = false;  // validate only; write nothing
  Parts parts = Parts::kAll;
  /// Ignore the build cache and build everything (`--clean`); a new cache is written after.
  bool clean = false;
  /// Write `<file>.gz` beside every text file (`--precompress`, publish/precompress.h).
  bool precompress = false;
  Environment env;
  /// `serve`: what the previous builds of this process left to reuse.
  Memory* memory = nullptr;
  // `serve` keeps the previous output as the next build's staging folder.
  publish::PreviousOutput previous_output = publish::PreviousOutput::kDelete;
};

/// What a build tells its caller while it runs. Every call comes from the thread that called
/// run(), in order.
class Listener {
 public:
  virtual ~Listener() = default;
  /// A stage starts ("reading", "validating", "computing", "writing", "typesetting",
  /// "annexes", "publishing").
  virtual void stage(std::string_view /*name*/) {}
  /// A stage that ran on a thread of its own beside the others took `wall` seconds.
  virtual void stage_beside(std::string_view /*name*/, double /*wall*/) {}
  /// A set of diagnostics is complete: the data's after validation, the theme's and
  /// templates' after rendering. Shown as it comes, so that a long build reports early.
  virtual void diagnostics(const diag::Diagnostics& /*diags*/) {}
  /// Another build holds the output folder; this one waits for it.
  virtual void waiting_for(const std::filesystem::path& /*out*/) {}
  /// The new output is in place. `serve` reloads the browsers here, before the build's
  /// bookkeeping (the cache's manifest, the stores) is written.
  virtual void published() {}
  /// Something went wrong that does not fail the build (the output is up to date).
  virtual void warning(std::string_view /*text*/) {}
};

/// How a build ended, and what it did.
struct Summary {
  enum class Result {
    kBuilt,    // the output is published (exit 0)
    kChecked,  // `check`: the site is valid (exit 0)
    kInvalid,  // errors in the data, theme or templates; nothing written (exit 1)
    kUnusable, // the site or output folder cannot be used at all (exit 2)
    kFailed,   // an input/output failure or a bug (exit 1)
  };
  Result result = Result::kFailed;
  std::string failure;  // kUnusable, kFailed: what went wrong
  bool output_partly_updated = false;  // kFailed while files were moved into the output
  size_t errors = 0;                   // kInvalid: how many

  // kChecked: what the site holds.
  size_t municipalities = 0, institutions = 0, methodologists = 0, content_pages = 0;

  // kBuilt.
  std::filesystem::path out;
  size_t pages = 0, reports = 0, annexes = 0;
  bool incremental = false;  // updated in place (else written whole and swapped in)
  size_t files_written = 0;  // a whole build: files in the new output
  size_t files_changed = 0;  // an update: files written, and below, removed
  size_t files_deleted = 0;
  size_t files_in_output = 0;
  size_t parts_reused = 0, parts_rendered = 0;

  [[nodiscard]] int exit_code() const {
    switch (result) {
      case Result::kBuilt:
      case Result::kChecked:
        return 0;
      case Result::kUnusable:
        return 2;
      default:
        return 1;
    }
  }
};

/// `metodika build` and `metodika check`, and each build of `serve`. Never throws.
[[nodiscard]] Summary run(const Options& options, Listener& listener);

}  // namespace metodika::build
