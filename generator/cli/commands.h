// The commands of the `metodika` binary. Thin: they wire the stages together and print; the
// stages themselves never print or exit (STYLE.md "Errors").
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "util/date.h"

namespace metodika::cli {

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
};

/// `metodika build` and `metodika check`. Returns the process exit code (0, 1).
int run_build(const BuildOptions& options);

/// `metodika new DIR`: writes a minimal working site. Returns the exit code (0, 1 or 2).
int run_new(const std::filesystem::path& dir);

}  // namespace metodika::cli
