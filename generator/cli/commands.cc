#include "cli/commands.h"

#include <time.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <cstdlib>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "build/build.h"
#include "build/incremental.h"
#include "diag/diagnostics.h"

namespace metodika::cli {
namespace fs = std::filesystem;
namespace {

// Warnings beyond this many are counted, not printed: a national site can have hundreds of
// missing translations, and errors must stay visible.
constexpr size_t kMaxWarningsShown = 20;

// Shows the current stage on a terminal, and with --timings records how long each took.
class Progress {
 public:
  Progress(bool on, bool timings) : on_(on), timings_(timings) {}
  void stage(std::string_view what) {
    lap();
    current_ = what;
    if (!on_) return;
    std::fprintf(stderr, "\r\033[K%.*s…", static_cast<int>(what.size()), what.data());
    std::fflush(stderr);
  }
  void clear() {
    if (on_) std::fputs("\r\033[K", stderr);
  }
  void report() {
    lap();
    if (!timings_) return;
    // The processor time beside the wall time says how well a stage used the workers.
    for (const Lap& l : laps_) {
      if (l.cpu < 0) {
        std::fprintf(stderr, "metodika: %-12s %8.1f ms  (beside the stages above)\n",
                     l.name.c_str(), l.wall * 1000);
        continue;
      }
      std::fprintf(stderr, "metodika: %-12s %8.1f ms  (processor %8.1f ms)\n", l.name.c_str(),
                   l.wall * 1000, l.cpu * 1000);
    }
  }
  /// A stage that ran on a thread of its own, `wall` seconds in all.
  void note(std::string_view what, double wall) {
    laps_.push_back({std::string(what), wall, -1});
  }

 private:
  struct Lap {
    std::string name;
    double wall, cpu;
  };
  static double process_cpu() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
  void lap() {
    auto now = std::chrono::steady_clock::now();
    double cpu = timings_ ? process_cpu() : 0;
    if (!current_.empty()) {
      laps_.push_back({current_, std::chrono::duration<double>(now - start_).count(),
                       cpu - start_cpu_});
    }
    start_ = now;
    start_cpu_ = cpu;
    current_.clear();
  }
  bool on_, timings_;
  std::string current_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  double start_cpu_ = timings_ ? process_cpu() : 0;
  std::vector<Lap> laps_;
};

void print_diagnostics(const diag::Diagnostics& diags, BuildReport* report = nullptr) {
  size_t warnings_shown = 0, warnings_hidden = 0;
  for (const diag::Diagnostic& d : diags.sorted()) {
    if (report && d.severity == diag::Severity::kError) {
      std::string where = d.pos.file;
      if (d.pos.line > 0) {
        where.append(":").append(std::to_string(d.pos.line));
        where.append(":").append(std::to_string(d.pos.col));
      }
      report->errors.push_back({std::move(where), diags.format_one(d)});
    }
    if (d.severity == diag::Severity::kWarning && warnings_shown >= kMaxWarningsShown) {
      ++warnings_hidden;
      continue;
    }
    if (d.severity == diag::Severity::kWarning) ++warnings_shown;
    std::cerr << diags.format_one(d);
  }
  if (warnings_hidden > 0) {
    std::cerr << "metodika: " << warnings_hidden << " more warning"
              << (warnings_hidden == 1 ? "" : "s") << " not shown\n";
  }
}

// Where libxlsxwriter assembles each workbook's temporary files: TMPDIR when it is set, else
// memory (/dev/shm) when there is such a folder: 10-15 % less time for the annexes than /tmp here.
std::string scratch_dir() {
  if (const char* tmp = std::getenv("TMPDIR"); tmp != nullptr && *tmp != '\0') return tmp;
  std::error_code ec;
  if (fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK | X_OK) == 0) {
    return "/dev/shm";
  }
  return fs::temp_directory_path().string();
}

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// Prints what the build stage tells as it runs.
class Printer final : public build::Listener {
 public:
  explicit Printer(const BuildOptions& options)
      : options_(options), progress_(options.progress, options.timings) {}

  void stage(std::string_view name) override { progress_.stage(name); }
  void stage_beside(std::string_view name, double wall) override { progress_.note(name, wall); }
  void diagnostics(const diag::Diagnostics& diags) override {
    progress_.clear();
    print_diagnostics(diags, options_.report);
  }
  void waiting_for(const fs::path& out) override {
    progress_.clear();
    std::cerr << "metodika: another build is writing " << out.string()
              << "; waiting for it to finish\n";
  }
  void published() override {
    if (options_.published) options_.published();
  }
  void warning(std::string_view text) override {
    progress_.clear();
    std::cerr << "metodika: warning: " << text << "\n";
  }
  Progress& progress() { return progress_; }

 private:
  const BuildOptions& options_;
  Progress progress_;
};

}  // namespace

int run_build(const BuildOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  build::Options opts = options.build;
  if (opts.out_dir.empty()) opts.out_dir = opts.site_dir / "output";
  opts.env.font_dir = METODIKA_FONT_DIR;
  opts.env.hyphen_dir = METODIKA_HYPHEN_DIR;
  opts.env.compiler =
      build::compiler_identity(METODIKA_VERSION, METODIKA_FONT_DIR, METODIKA_HYPHEN_DIR);
  opts.env.scratch_dir = scratch_dir();
  Printer printer(options);
  const build::Summary s = build::run(opts, printer);
  Progress& progress = printer.progress();
  progress.clear();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  using Result = build::Summary::Result;
  switch (s.result) {
    case Result::kUnusable:
      std::cerr << "metodika: error: " << s.failure << "\n";
      break;
    case Result::kFailed:
      if (options.report) options.report->errors.push_back({"", "error: " + s.failure});
      std::cerr << "metodika: error: " << s.failure << "\nmetodika: "
                << (s.output_partly_updated ? "the output was updated only in part; the next "
                                              "build replaces it whole"
                                            : "nothing was written; the previous output is "
                                              "unchanged")
                << "\n";
      break;
    case Result::kInvalid:
      std::cerr << "metodika: " << plural(s.errors, "error", "errors")
                << (opts.check_only ? "" : "; nothing was written, the previous output is "
                                           "unchanged")
                << "\n";
      break;
    case Result::kChecked:
      progress.report();
      if (!options.quiet) {
        std::fprintf(stderr, "metodika: the site is valid: %zu municipalities, %zu institutions, "
                             "%zu methodologists, %zu pages (%.2f s)\n",
                     s.municipalities, s.institutions, s.methodologists, s.content_pages,
                     seconds);
      }
      break;
    case Result::kBuilt:
      progress.report();
      if (!options.quiet && s.incremental) {
        std::fprintf(stderr,
                     "metodika: updated %zu of %s (%zu deleted); %zu of %zu parts unchanged "
                     "(%s, %s, %s) in %.2f s → %s\n",
                     s.files_changed, plural(s.files_in_output, "file", "files").c_str(),
                     s.files_deleted, s.parts_reused, s.parts_reused + s.parts_rendered,
                     plural(s.pages, "page", "pages").c_str(),
                     plural(s.reports, "report", "reports").c_str(),
                     plural(s.annexes, "annex", "annexes").c_str(), seconds,
                     s.out.string().c_str());
      } else if (!options.quiet) {
        std::fprintf(stderr, "metodika: built %s, %s, %s (%s in all) in %.2f s → %s\n",
                     plural(s.pages, "page", "pages").c_str(),
                     plural(s.reports, "report", "reports").c_str(),
                     plural(s.annexes, "annex", "annexes").c_str(),
                     plural(s.files_written, "file", "files").c_str(), seconds,
                     s.out.string().c_str());
      }
      break;
  }
  return s.exit_code();
}

}  // namespace metodika::cli
