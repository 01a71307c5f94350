#include "cli/commands.h"

#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "diag/diagnostics.h"
#include "load/site_sources.h"
#include "model/build.h"
#include "model/kept_records.h"
#include "model/kept_trees.h"
#include "publish/cache.h"
#include "publish/lock.h"
#include "publish/patch.h"
#include "publish/precompress.h"
#include "publish/private_store.h"
#include "publish/staging.h"
#include "load/fonts.h"
#include "load/theme.h"
#include "render/common/inputs.h"
#include "render/pdf/reports.h"
#include "render/site/site.h"
#include "render/xlsx/annexes.h"
#include "rules/results.h"
#include "util/digest.h"

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

// The compiler itself: its version and the executable, so that a rebuilt compiler never takes
// what an older one kept.
uint64_t compiler_identity() {
  util::Digest d;
  d.add(METODIKA_VERSION).add(METODIKA_FONT_DIR).add(METODIKA_HYPHEN_DIR);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    d.add(exe.string()).add(static_cast<uint64_t>(fs::file_size(exe, ec)));
    auto mtime = fs::last_write_time(exe, ec);
    d.add(static_cast<int64_t>(mtime.time_since_epoch().count()));
  }
  return d.value();
}

// What the output depends on besides the site folder: this compiler and the options that change
// what is written.
uint64_t build_salt(const BuildOptions& options, uint64_t compiler) {
  // --precompress changes which files the output holds: a build with it and one without never
  // share a cache.
  return util::Digest().add(compiler).add(options.parts).add(options.precompress).value();
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

// The store of private teacher records (model/kept_records.h) under this name in
// publish::private_store_dir.
constexpr std::string_view kTeacherStore = "teachers.bin";

std::vector<std::string> teacher_paths(const load::SiteSources& sources) {
  std::vector<std::string> paths;
  for (const load::Document& doc : sources.docs(load::DataSlot::kPrivateTeachers)) {
    paths.push_back(doc.path);
  }
  return paths;
}

// The store of the public data files' trees (model/kept_trees.h), beside the teacher records.
constexpr std::string_view kTreeStore = "trees.bin";

std::vector<std::string> public_data_paths(const load::SiteSources& sources) {
  std::vector<std::string> paths;
  for (size_t s = 0; s < load::kDataSlotCount; ++s) {
    const auto slot = static_cast<load::DataSlot>(s);
    if (slot == load::DataSlot::kPrivateTeachers) continue;
    for (const load::Document& doc : sources.docs(slot)) {
      if (doc.deferred) paths.push_back(doc.path);
    }
  }
  return paths;
}

// How one store is kept: its name, how its bytes go into a memo and come out of one, and the
// digest of what a memo holds for it.
struct StoreKind {
  std::string_view name;
  bool (*decode)(std::string_view, uint64_t, model::ReadMemo&);
  uint64_t (*digest)(model::ReadMemo&, std::span<const std::string>);
  std::string (*encode)(model::ReadMemo&, std::span<const std::string>, uint64_t);
};

std::string encode_teachers(model::ReadMemo& memo, std::span<const std::string> paths,
                            uint64_t compiler) {
  return model::encode_teacher_files(memo, paths, compiler);
}

constexpr StoreKind kTeachers{kTeacherStore, model::decode_teacher_files,
                              model::teacher_files_digest, encode_teachers};
constexpr StoreKind kTrees{kTreeStore, model::decode_kept_trees, model::kept_trees_digest,
                           model::encode_kept_trees};

// Takes what the previous process kept in a store, once per process (not with --clean).
void take_store(const BuildOptions& options, const StoreKind& kind,
                const std::vector<std::string>& paths, uint64_t compiler, model::ReadMemo& memo,
                KeptRecords& kept) {
  if (kept.loaded) return;
  kept.loaded = true;
  if (options.clean || paths.empty()) return;
  auto bytes = publish::read_private_store(options.site_dir, kind.name);
  if (bytes && kind.decode(*bytes, compiler, memo)) kept.entries = kind.digest(memo, paths);
}

// Keeps what this build read for the next process, on a thread of its own (the build goes on
// rendering; a one-worker build does it at once), when it differs from what the store holds.
// `check` writes nothing.
std::jthread keep_store(const BuildOptions& options, const StoreKind& kind,
                        std::vector<std::string> paths, uint64_t compiler, model::ReadMemo& memo,
                        KeptRecords& kept) {
  if (options.check_only) return {};
  if (paths.empty()) {  // the files are gone: so is what was kept from them
    publish::remove_private_store(options.site_dir, kind.name);
    kept.entries = 0;
    return {};
  }
  const uint64_t now = kind.digest(memo, paths);
  if (now == kept.entries) return {};
  kept.entries = now;
  auto keep = [&options, &memo, &kept, kind, paths = std::move(paths), compiler] {
    try {
      const std::string bytes = kind.encode(memo, paths, compiler);
      if (!publish::write_private_store(options.site_dir, kind.name, bytes)) kept.entries = 0;
    } catch (const std::exception&) {
      kept.entries = 0;  // nothing kept; the next build reads the files
    }
  };
  if (options.jobs <= 1) {  // a one-worker build keeps to one thread
    keep();
    return {};
  }
  return std::jthread(std::move(keep));
}

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

int run_build(const BuildOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  Progress progress(options.progress, options.timings);
  std::error_code ec;
  if (!fs::is_directory(options.site_dir, ec)) {
    std::cerr << "metodika: error: the site folder " << options.site_dir << " does not exist\n";
    return 2;
  }
  fs::path out = options.out_dir ? *options.out_dir : options.site_dir / "output";
  if (!options.check_only) {
    if (std::string why = publish::unsafe_output_reason(out, options.site_dir); !why.empty()) {
      std::cerr << "metodika: error: " << why << "\n";
      return 2;
    }
  }
  // Set while an update in place moves its files into the output: a failure then has changed
  // part of it (the next build, without a manifest, replaces it whole).
  bool updating_output = false;
  try {
    diag::Diagnostics diags;
    progress.stage("reading");
    load::LoadOptions load_options;
    load_options.jobs = options.jobs;
    load_options.defer_data = true;
    load_options.texts = options.memory ? &options.memory->texts : nullptr;
    load::SiteSources sources = load::load_site(options.site_dir, load_options, diags);

    progress.stage("validating");
    // Teacher records come from what an earlier build kept when their files are unchanged
    // (`serve` keeps the public files' trees too).
    std::shared_ptr<model::ReadMemo> own_memo;
    model::ReadMemo* memo = options.memory ? options.memory->read.get() : nullptr;
    if (!memo) {
      own_memo = model::make_read_memo(/*keep_trees=*/false);
      memo = own_memo.get();
    }
    KeptRecords own_kept;
    KeptRecords& kept = options.memory ? options.memory->records : own_kept;
    const uint64_t compiler = compiler_identity();
    std::vector<std::string> private_paths = teacher_paths(sources);
    take_store(options, kTeachers, private_paths, compiler, *memo, kept);
    std::vector<std::string> public_paths = public_data_paths(sources);
    KeptRecords own_trees;
    KeptRecords& kept_trees = options.memory ? options.memory->trees : own_trees;
    // A build that writes (not `check`) encodes the trees it parses for the next one.
    memo->encode_trees = !options.check_only;
    take_store(options, kTrees, public_paths, compiler, *memo, kept_trees);
    model::BuildOptions model_options;
    model_options.as_of_override = options.as_of;
    model_options.as_of_fallback = options.source_date_epoch;
    model_options.jobs = options.jobs;
    model_options.memo = memo;
    model::Model model = model::build_model(sources, model_options, diags);
    // The stores are kept beside the rendering (joined when the build ends, whichever way it
    // ends). `serve` holds all of it in memory and keeps the stores for a later process only
    // once the new output is in place, so that writing them never delays a reload; a failed
    // build of `serve` keeps nothing (its memory has it).
    std::jthread keeping, keeping_trees;
    auto keep_stores = [&] {
      keeping = keep_store(options, kTeachers, std::move(private_paths), compiler, *memo, kept);
      keeping_trees =
          keep_store(options, kTrees, std::move(public_paths), compiler, *memo, kept_trees);
    };
    const bool serving = options.memory != nullptr;
    if (!serving) keep_stores();
    progress.clear();
    print_diagnostics(diags, options.report);
    if (diags.has_errors()) {
      std::cerr << "metodika: " << plural(diags.error_count(), "error", "errors")
                << (options.check_only ? "" : "; nothing was written, the previous output is "
                                              "unchanged")
                << "\n";
      return 1;
    }

    progress.stage("computing");
    rules::Results results = rules::compute(model, options.memory ? &options.memory->pd : nullptr);
    auto seconds = [&] {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    if (options.check_only) {
      progress.clear();
      progress.report();
      if (!options.quiet) {
        std::fprintf(stderr, "metodika: the site is valid: %zu municipalities, %zu institutions, "
                             "%zu methodologists, %zu pages (%.2f s)\n",
                     model.municipalities.size(), model.institutions.size(),
                     model.methodologists.size(), model.pages.size(), seconds());
      }
      return 0;
    }

    // The data's diagnostics are printed; the theme's and templates' are collected apart. The
    // theme is read before the output is locked: a theme file that cannot be read (a link out of
    // the site, a named pipe) stops the build with nothing created beside the output.
    diag::Diagnostics theme_diags;
    load::Theme theme =
        load::load_theme(options.site_dir, model.site.theme, model.site.languages, theme_diags);
    if (theme_diags.has_errors()) {
      progress.clear();
      print_diagnostics(theme_diags, options.report);
      std::cerr << "metodika: " << plural(theme_diags.error_count(), "error", "errors")
                << "; nothing was written, the previous output is unchanged\n";
      return 1;
    }
    // From here to the new manifest the output is this build's alone (publish/lock.h).
    publish::OutputLock lock(out, [&] {
      progress.clear();
      std::cerr << "metodika: another build is writing " << out.string()
                << "; waiting for it to finish\n";
    });
    progress.stage("writing");
    // An incremental build updates the output in place and keeps what did not change; without
    // a valid cache (the first build, another compiler, --clean, --only) everything is built
    // into a staging folder and swapped in (publish/cache.h).
    const bool whole_site = options.parts == BuildOptions::Parts::kAll;
    const uint64_t salt = build_salt(options, compiler);
    std::optional<publish::Manifest> previous;
    if (whole_site && !options.clean) {
      previous = options.memory ? options.memory->manifest.take(out, salt)
                                : publish::read_manifest(out, salt);
    }
    std::unique_ptr<publish::Patch> patch;
    std::unique_ptr<publish::Staging> staging;
    if (previous) {
      patch = std::make_unique<publish::Patch>(out);
    } else {
      staging = std::make_unique<publish::Staging>(out, options.previous_output,
                                                   /*writer_thread=*/options.jobs > 1);
    }
    util::OutputSink& written = patch ? static_cast<util::OutputSink&>(*patch) : *staging;
    publish::PrecompressingSink precompressing(written);
    util::OutputSink& target = options.precompress ? precompressing : written;
    publish::BuildCache cache(previous ? &*previous : nullptr, target, out, salt);
    const render::InputDigests inputs = render::input_digests(model, results, theme, salt);
    util::WorkCache* work_cache = whole_site ? &cache : nullptr;

    // The annexes need nothing the pages or reviews compute: with more than one worker they are
    // written by a thread of their own beside them (one municipality's edit re-renders its
    // page, review and annex and the national annex, each on its own, and the national annex is
    // the longest). Joined before the output is published, or before it is dropped.
    using Parts = BuildOptions::Parts;
    size_t annexes = 0;
    std::exception_ptr annex_error;
    double annex_seconds = 0;
    auto write_annexes = [&] {
      const auto started = std::chrono::steady_clock::now();
      try {
        render::xlsx::AnnexOptions annex_options;
        annex_options.jobs = options.jobs;
        annex_options.tmp_dir = scratch_dir();
        annex_options.cache = work_cache;
        annex_options.inputs = &inputs;
        annexes = render::xlsx::write_annexes(model, results, theme, cache, annex_options);
      } catch (...) {
        annex_error = std::current_exception();
      }
      annex_seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    const bool annexes_wanted = whole_site || options.parts == Parts::kAnnexes;
    std::jthread annex_thread;
    if (annexes_wanted && options.jobs > 1) annex_thread = std::jthread(write_annexes);

    render::site::SiteOptions site_options;
    site_options.annexes = true;  // the pages link them
    site_options.jobs = options.jobs;
    site_options.reports = render::pdf::has_review_template(model, theme);
    site_options.cache = work_cache;
    site_options.inputs = &inputs;
    auto wanted = [&](Parts p) { return whole_site || options.parts == p; };
    render::site::SiteStats site_stats;
    if (wanted(Parts::kSite)) {
      site_stats =
          render::site::render_site(model, results, theme, cache, theme_diags, site_options);
    }
    size_t reports = 0;
    // When every review is unchanged, the fonts are not even loaded.
    bool reviews_unchanged = work_cache != nullptr;
    for (size_t mi = 0; mi < model.municipalities.size() && reviews_unchanged; ++mi) {
      reviews_unchanged = cache.fresh(render::pdf::review_pdf_path(model, mi),
                                      inputs.municipality[mi]);
    }
    if (wanted(Parts::kReports) && site_options.reports && !theme_diags.has_errors() &&
        reviews_unchanged) {
      for (size_t mi = 0; mi < model.municipalities.size(); ++mi) {
        cache.reuse(render::pdf::review_pdf_path(model, mi), inputs.municipality[mi],
                    nullptr);
      }
      reports = model.municipalities.size();
    } else if (wanted(Parts::kReports) && site_options.reports && !theme_diags.has_errors()) {
      progress.stage("typesetting");
      const load::Fonts fonts = load::load_fonts(METODIKA_FONT_DIR, METODIKA_HYPHEN_DIR);
      const render::pdf::Resources resources(fonts);
      reports = render::pdf::render_reviews(model, results, theme, resources, cache, options.jobs,
                                            theme_diags, work_cache, &inputs);
    }
    if (theme_diags.error_count() + theme_diags.warning_count() > 0) {
      progress.clear();
      print_diagnostics(theme_diags, options.report);
    }
    if (theme_diags.has_errors()) {
      std::cerr << "metodika: " << plural(theme_diags.error_count(), "error", "errors")
                << "; nothing was written, the previous output is unchanged\n";
      return 1;
    }
    if (annex_thread.joinable()) {
      progress.stage("annexes");  // what is left of them
      annex_thread.join();
      progress.note("annexes, all", annex_seconds);
    } else if (annexes_wanted) {
      progress.stage("annexes");
      write_annexes();
    }
    if (annex_error) std::rethrow_exception(annex_error);
    progress.stage("publishing");
    // The old manifest goes first: if publishing is interrupted, the next build is a clean one.
    publish::remove_manifest(out);
    const std::vector<std::string> stale = options.precompress
                                               ? publish::with_precompressed(cache.stale_files())
                                               : cache.stale_files();
    if (patch) {
      updating_output = true;
      patch->commit(stale);
      updating_output = false;
    } else {
      staging->commit();
    }
    if (options.published) options.published();
    if (serving) keep_stores();
    const size_t files_in_output = cache.manifest().files.size();
    if (whole_site) {
      publish::Manifest next = cache.take_manifest();
      // The output is published by now: a cache that cannot be written only costs the next
      // build its shortcut.
      try {
        publish::write_manifest(out, next);
        if (options.memory) options.memory->manifest.keep(out, std::move(next));
      } catch (const std::exception& e) {
        progress.clear();
        std::cerr << "metodika: warning: the output is up to date, but " << e.what()
                  << "; the next build will build everything again\n";
      }
    }
    progress.clear();
    progress.report();
    if (!options.quiet && patch) {
      const size_t all = files_in_output;
      std::fprintf(stderr,
                   "metodika: updated %zu of %s (%zu deleted); %zu of %zu parts unchanged "
                   "(%s, %s, %s) in %.2f s → %s\n",
                   patch->files_changed(), plural(all, "file", "files").c_str(), stale.size(),
                   cache.reused(), cache.reused() + cache.recorded(),
                   plural(site_stats.pages, "page", "pages").c_str(),
                   plural(reports, "report", "reports").c_str(),
                   plural(annexes, "annex", "annexes").c_str(), seconds(), out.string().c_str());
    } else if (!options.quiet) {
      std::fprintf(stderr, "metodika: built %s, %s, %s (%s in all) in %.2f s → %s\n",
                   plural(site_stats.pages, "page", "pages").c_str(),
                   plural(reports, "report", "reports").c_str(),
                   plural(annexes, "annex", "annexes").c_str(),
                   plural(staging->files_written(), "file", "files").c_str(), seconds(),
                   out.string().c_str());
    }
    return 0;
  } catch (const std::exception& e) {
    progress.clear();
    if (options.report) options.report->errors.push_back({"", std::string("error: ") + e.what()});
    std::cerr << "metodika: error: " << e.what() << "\nmetodika: "
              << (updating_output ? "the output was updated only in part; the next build "
                                    "replaces it whole"
                                  : "nothing was written; the previous output is unchanged")
              << "\n";
    return 1;
  }
}

}  // namespace metodika::cli
