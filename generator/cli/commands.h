// The commands of the `metodika` binary. Thin: they parse, call the build stage (build/build.h)
// and print; the stages themselves never print or exit (STYLE.md "Errors").
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "build/build.h"

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

/// `metodika build`, `check` and `serve`: the build stage's options and what the CLI adds for
/// printing.
struct BuildOptions {
  build::Options build;
  bool quiet = false;
  bool progress = false;  // stderr is a terminal
  bool timings = false;   // print the time of each stage
  BuildReport* report = nullptr;  // when set, also receives the errors (`serve`)
  /// `serve`: called once the new output is in place, before the build's bookkeeping, so that
  /// browsers reload without waiting for it.
  std::function<void()> published;
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
