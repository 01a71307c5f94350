// metodika: the command line. Exit codes: 0 success, 1 data errors, 2 usage errors.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/manual.h"

namespace {

std::optional<metodika::util::Date> source_date_epoch() {
  // The reproducible-builds convention (https://reproducible-builds.org/specs/source-date-epoch/).
  // Read here, in cli, so that no stage reads the environment.
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  long long secs = std::strtoll(v, &end, 10);
  if (*end != '\0') return std::nullopt;
  return metodika::util::date_from_epoch_seconds(secs);
}

}  // namespace

// --jobs of build, check and serve.
constexpr const char* kJobsHelp =
    "parallel workers (default: the number of cores; 1 keeps the build on one thread)";

int main(int argc, char** argv) {
  CLI::App app{
      "Metodika: builds the public website, the municipal education quality reviews (PDF) and\n"
      "their Excel annexes from a folder of YAML/JSON data and Markdown.",
      "metodika"};
  app.set_version_flag("--version", std::string("metodika ") + METODIKA_VERSION);
  app.require_subcommand(1);
  // Also the man page's last sections (cli/manual.cc turns "Title:" paragraphs into sections).
  app.footer(
      "Exit status:\n"
      "  0  success\n"
      "  1  errors in the data, each reported as file:line:col (nothing is written and the "
      "previous output is unchanged), or a file that could not be read or written\n"
      "  2  a wrong command line, or an --out folder Metodika will not write into\n"
      "\n"
      "Environment:\n"
      "  SOURCE_DATE_EPOCH  the date statuses are computed for when neither --as-of nor "
      "site.yaml's as_of gives one (the clock is never read)\n"
      "\n"
      "Files:\n"
      "  " METODIKA_FONT_DIR "  the DejaVu fonts of the PDF reviews (Debian fonts-dejavu-core, "
      "fonts-dejavu-extra)\n"
      "  " METODIKA_HYPHEN_DIR "/hyph_lv_LV.dic  Latvian hyphenation patterns (Debian hyphen-lv)\n"
      "  SITE_DIR/output  the default output folder; OUT.cache beside it keeps the incremental "
      "build's manifest\n");

  metodika::cli::BuildOptions opts;
  opts.build.jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string site_dir = ".", out_dir, as_of;
  auto add_site = [&](CLI::App* cmd) {
    cmd->add_option("SITE_DIR", site_dir, "the site folder (default: the current folder)");
  };

  CLI::App* build = app.add_subcommand("build", "validate the site and write the output");
  add_site(build);
  build->add_option("--out", out_dir, "output folder (default: SITE_DIR/output)")->type_name("DIR");
  build->add_option("--as-of", as_of,
                    "the date statuses are computed for, YYYY-MM-DD (overrides site.yaml's "
                    "as_of; without either, SOURCE_DATE_EPOCH sets it)")
      ->type_name("YYYY-MM-DD");
  build->add_option("--jobs,-j", opts.build.jobs, kJobsHelp)
      ->type_name("N")
      ->check(CLI::Range(1u, 256u));
  build->add_flag("--quiet,-q", opts.quiet, "print nothing but errors and warnings");
  build->add_flag("--timings", opts.timings, "print the time each stage took");
  build->add_flag("--clean", opts.build.clean,
                  "ignore the build cache (OUT.cache) and build everything again");
  build->add_flag("--precompress", opts.build.precompress,
                  "also write FILE.gz beside every text file, for web servers that serve "
                  "it to clients that accept gzip (nginx gzip_static)");
  std::string only;
  build->add_option("--only", only,
                    "write one part alone: site (the pages and open data), reports (the PDF "
                    "reviews) or annexes (the XLSX annexes); the output then holds that part only")
      ->type_name("PART")
      ->check(CLI::IsMember({"site", "reports", "annexes"}));

  CLI::App* check = app.add_subcommand("check", "validate the site only; write nothing");
  add_site(check);
  check->add_option("--as-of", as_of, "the date statuses are computed for, YYYY-MM-DD")
      ->type_name("YYYY-MM-DD");
  check->add_option("--jobs,-j", opts.build.jobs, kJobsHelp)
      ->type_name("N")
      ->check(CLI::Range(1u, 256u));
  check->add_flag("--quiet,-q", opts.quiet, "print nothing but errors and warnings");
  check->add_flag("--timings", opts.timings, "print the time each stage took");

  metodika::cli::ServeOptions serve_opts;
  CLI::App* serve = app.add_subcommand(
      "serve", "build, serve the site at http://127.0.0.1:1313/, rebuild on every edit and "
               "reload the open pages");
  add_site(serve);
  serve->add_option("--port,-p", serve_opts.port, "TCP port (default: 1313; 0: any free port)")
      ->type_name("PORT")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--bind", serve_opts.bind,
                    "address to listen on (default: 127.0.0.1, this machine only)")
      ->type_name("ADDRESS");
  serve->add_option("--out", out_dir, "output folder (default: SITE_DIR/output)")->type_name("DIR");
  serve->add_option("--as-of", as_of, "the date statuses are computed for, YYYY-MM-DD")
      ->type_name("YYYY-MM-DD");
  serve->add_option("--jobs,-j", opts.build.jobs, kJobsHelp)
      ->type_name("N")
      ->check(CLI::Range(1u, 256u));
  serve->add_flag("--quiet,-q", opts.quiet, "print nothing but errors, warnings and changes");
  serve->add_flag("--timings", opts.timings, "print the time each stage of each build took");

  std::string new_dir;
  CLI::App* create = app.add_subcommand("new", "create a minimal working site to start from");
  create->add_option("DIR", new_dir, "the folder to create")->required();

  // For packaging (CMakeLists.txt writes both at build time): not in --help.
  if (argc == 2 && std::string_view(argv[1]) == "--man-page") {
    std::cout << metodika::cli::man_page(app, METODIKA_VERSION);
    return 0;
  }
  if (argc == 2 && std::string_view(argv[1]) == "--bash-completion") {
    std::cout << metodika::cli::bash_completion(app);
    return 0;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (create->parsed()) return metodika::cli::run_new(new_dir);

  opts.build.site_dir = site_dir;
  if (!out_dir.empty()) opts.build.out_dir = out_dir;
  if (!as_of.empty()) {
    opts.build.as_of = metodika::util::parse_date(as_of);
    if (!opts.build.as_of) {
      std::cerr << "metodika: error: --as-of \"" << as_of
                << "\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-22\n";
      return 2;
    }
  }
  opts.build.source_date_epoch = source_date_epoch();
  opts.build.check_only = check->parsed();
  using Parts = metodika::build::Parts;
  if (only == "site") opts.build.parts = Parts::kSite;
  if (only == "reports") opts.build.parts = Parts::kReports;
  if (only == "annexes") opts.build.parts = Parts::kAnnexes;
  opts.progress = !opts.quiet && ::isatty(STDERR_FILENO);
  if (serve->parsed()) {
    serve_opts.build = opts;
    return metodika::cli::run_serve(serve_opts);
  }
  return metodika::cli::run_build(opts);
}
