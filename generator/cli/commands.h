// The commands of the `metodika` binary. Thin: they wire the stages together and print; the
// stages themselves never print or exit (STYLE.md "Errors").
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "load/site_sources.h"
#include "model/build.h"
#include "publish/cache.h"
#include "publish/staging.h"
#include "rules/results.h"
#include "util/date.h"

namespace metodika::cli {

/// What a build reports besides printing it, for `serve` to show in the browser: every error
/// exactly as printed on the terminal.
struct BuildReport {
  struct Problem {
    std::string location;  // "file:line:col", "file", or "" for a failure of no file
    std::string text;      // the printed diagnostic: message, quoted line, caret, hint
  };
  std::vector<Problem> errors;
};

struct BuildMemory;  // below

struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::optional<std::filesystem::path> out_dir;
  std::optional<util::Date> as_of;
  std::optional<util::Date> source_date_epoch;  // read from the environment by main
  unsigned jobs = 1;
  bool quiet = false;
  bool progress = false;  // stderr is a terminal
  bool check_only = false;
  bool timings = false;  // print the time of each stage
  /// Which outputs to write: everything, or one part alone (`--only`, for benchmarks and for
  /// checking one renderer). A partial build never reads or writes the build cache.
  enum class Parts { kAll, kSite, kReports, kAnnexes } parts = Parts::kAll;
  /// Ignore the build cache and build everything (`--clean`); a new cache is written after.
  bool clean = false;
  /// Write `<file>.gz` beside every text file (`--precompress`, publish/precompress.h).
  bool precompress = false;
  BuildReport* report = nullptr;  // when set, also receives the errors (`serve`)
  /// `serve`: what the previous builds of this process left to reuse.
  BuildMemory* memory = nullptr;
  /// `serve`: called once the new output is in place, before the build's bookkeeping (the
  /// build cache's manifest, freeing the model), so that browsers reload without waiting for it.
  std::function<void()> published;
  // `serve` keeps the previous output as the next build's staging folder.
  publish::PreviousOutput previous_output = publish::PreviousOutput::kDelete;
};

/// A store kept between processes (the teacher records of model/kept_records.h, the public
/// files' trees of model/kept_trees.h; publish/private_store.h), as this process last read or
/// wrote it.
struct KeptRecords {
  bool loaded = false;  // read from the store, once per process
  uint64_t entries = 0;  // the digest of the entries (paths and keys) the store holds
};

/// What `serve` keeps from one build to the next, each part defined by the stage it serves; a
/// build uses a part only while what it was made from is unchanged.
struct BuildMemory {
  load::TextMemo texts;                                             // the files' texts
  std::shared_ptr<model::ReadMemo> read = model::make_read_memo();  // parsed data, teacher records
  rules::PdMemo pd;                                                 // the development figures
  publish::KeptManifest manifest;                                   // the build cache's manifest
  KeptRecords records;                                              // the store of teacher records
  KeptRecords trees;                                                // the store of public trees
};

/// `metodika build` and `metodika check`. Returns the process exit code (0, 1).
int run_build(const BuildOptions& options);

/// `metodika serve`: builds, serves the output over HTTP, rebuilds on every edit and reloads the
/// open pages. Returns the exit code when stopped (0 on SIGINT/SIGTERM, 1, or 2).
struct ServeOptions {
  BuildOptions build;
  std::string bind = "127.0.0.1";
  int port = 1313;  // 0: any free port
};
int run_serve(const ServeOptions& options);

/// `metodika new DIR`: writes a minimal working site. Returns the exit code (0, 1 or 2).
int run_new(const std::filesystem::path& dir);

}  // namespace metodika::cli
