#include "build/build.h"

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "load/fonts.h"
#include "model/read_memo.h"
#include "load/theme.h"
#include "publish/lock.h"
#include "publish/patch.h"
#include "publish/precompress.h"
#include "render/common/inputs.h"
#include "render/pdf/reports.h"
#include "render/site/site.h"
#include "render/xlsx/annexes.h"

namespace metodika::build {
namespace fs = std::filesystem;
namespace {

Summary invalid(const diag::Diagnostics& diags) {
  Summary s;
  s.result = Summary::Result::kInvalid;
  s.errors = diags.error_count();
  return s;
}

Summary failed(std::string why, bool partly_updated = false) {
  Summary s;
  s.result = Summary::Result::kFailed;
  s.failure = std::move(why);
  s.output_partly_updated = partly_updated;
  return s;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The parts after validation: theme, rendering, publishing. `stores` keeps the stores for the
// next process once the output is in place (`serve`; a command-line build keeps them beside the
// rendering).
Summary write_output(const Options& options, Listener& listener, const model::Model& model,
                     const rules::Results& results, Stores& stores, bool& updating_output) {
  const fs::path& out = options.out_dir;
  // The data's diagnostics are reported; the theme's and templates' are collected apart. The
  // theme is read before the output is locked: a theme file that cannot be read (a link out of
  // the site, a named pipe) stops the build with nothing created beside the output.
  diag::Diagnostics theme_diags;
  load::Theme theme =
      load::load_theme(options.site_dir, model.site.theme, model.site.languages, theme_diags);
  // The templates are checked before the output is locked too: a build stopped by a template
  // leaves nothing beside the output.
  if (!theme_diags.has_errors()) render::site::check_templates(theme, theme_diags);
  if (theme_diags.has_errors()) {
    listener.diagnostics(theme_diags);
    return invalid(theme_diags);
  }
  // From here to the new manifest the output is this build's alone (publish/lock.h).
  publish::OutputLock lock(out, [&] { listener.waiting_for(out); });
  listener.stage("writing");
  // An incremental build updates the output in place and keeps what did not change; without a
  // valid cache (the first build, another compiler, --clean, --only) everything is built into a
  // staging folder and swapped in (publish/cache.h).
  const bool whole_site = options.parts == Parts::kAll;
  const uint64_t salt =
      build_salt(options.env.compiler, static_cast<int>(options.parts), options.precompress);
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
  Summary summary;
  summary.out = out;

  // The annexes need nothing the pages or reviews compute: with more than one worker they are
  // written by a thread of their own beside them (one municipality's edit re-renders its page,
  // review and annex and the national annex, each on its own, and the national annex is the
  // longest). Joined before the output is published, or before it is dropped.
  std::exception_ptr annex_error;
  double annex_seconds = 0;
  auto write_annexes = [&] {
    const auto started = std::chrono::steady_clock::now();
    try {
      render::xlsx::AnnexOptions annex_options;
      annex_options.jobs = options.jobs;
      annex_options.tmp_dir = options.env.scratch_dir;
      annex_options.cache = work_cache;
      annex_options.inputs = &inputs;
      summary.annexes = render::xlsx::write_annexes(model, results, theme, cache, annex_options);
    } catch (...) {
      annex_error = std::current_exception();
    }
    annex_seconds = seconds_since(started);
  };
  auto wanted = [&](Parts p) { return whole_site || options.parts == p; };
  std::jthread annex_thread;
  if (wanted(Parts::kAnnexes) && options.jobs > 1) annex_thread = std::jthread(write_annexes);

  render::site::SiteOptions site_options;
  site_options.annexes = true;  // the pages link them
  site_options.jobs = options.jobs;
  site_options.reports = render::pdf::has_review_template(model, theme);
  site_options.cache = work_cache;
  site_options.inputs = &inputs;
  if (wanted(Parts::kSite)) {
    summary.pages =
        render::site::render_site(model, results, theme, cache, theme_diags, site_options).pages;
  }
  // When every review is unchanged, the fonts are not even loaded.
  bool reviews_unchanged = work_cache != nullptr;
  for (size_t mi = 0; mi < model.municipalities.size() && reviews_unchanged; ++mi) {
    reviews_unchanged =
        cache.fresh(render::pdf::review_pdf_path(model, mi), inputs.municipality[mi]);
  }
  const bool reviews = wanted(Parts::kReports) && site_options.reports && !theme_diags.has_errors();
  if (reviews && reviews_unchanged) {
    for (size_t mi = 0; mi < model.municipalities.size(); ++mi) {
      cache.reuse(render::pdf::review_pdf_path(model, mi), inputs.municipality[mi], nullptr);
    }
    summary.reports = model.municipalities.size();
  } else if (reviews) {
    listener.stage("typesetting");
    const load::Fonts fonts = load::load_fonts(options.env.font_dir, options.env.hyphen_dir);
    const render::pdf::Resources resources(fonts);
    summary.reports = render::pdf::render_reviews(model, results, theme, resources, cache,
                                                  options.jobs, theme_diags, work_cache, &inputs);
  }
  if (theme_diags.error_count() + theme_diags.warning_count() > 0) {
    listener.diagnostics(theme_diags);
  }
  if (theme_diags.has_errors()) return invalid(theme_diags);
  if (annex_thread.joinable()) {
    listener.stage("annexes");  // what is left of them
    annex_thread.join();
    listener.stage_beside("annexes, all", annex_seconds);
  } else if (wanted(Parts::kAnnexes)) {
    listener.stage("annexes");
    write_annexes();
  }
  if (annex_error) std::rethrow_exception(annex_error);

  listener.stage("publishing");
  // The old manifest goes first: if publishing is interrupted, the next build is a clean one.
  publish::remove_manifest(out);
  const std::vector<std::string> stale = options.precompress
                                             ? publish::with_precompressed(cache.stale_files())
                                             : cache.stale_files();
  if (patch) {
    updating_output = true;
    patch->commit(stale);
    updating_output = false;
    summary.incremental = true;
    summary.files_changed = patch->files_changed();
    summary.files_deleted = stale.size();
  } else {
    staging->commit();
    summary.files_written = staging->files_written();
  }
  listener.published();
  if (options.memory) stores.keep(/*threads=*/options.jobs > 1);
  summary.files_in_output = cache.manifest().files.size();
  summary.parts_reused = cache.reused();
  summary.parts_rendered = cache.recorded();
  if (whole_site) {
    publish::Manifest next = cache.take_manifest();
    // The output is published by now: a cache that cannot be written only costs the next build
    // its shortcut.
    try {
      publish::write_manifest(out, next);
      if (options.memory) options.memory->manifest.keep(out, std::move(next));
    } catch (const std::exception& e) {
      listener.warning(std::string("the output is up to date, but ") + e.what() +
                       "; the next build will build everything again");
    }
  }
  summary.result = Summary::Result::kBuilt;
  return summary;
}

}  // namespace

Summary run(const Options& options, Listener& listener) {
  std::error_code ec;
  if (!fs::is_directory(options.site_dir, ec)) {
    Summary s;
    s.result = Summary::Result::kUnusable;
    s.failure = "the site folder \"" + options.site_dir.string() + "\" does not exist";
    return s;
  }
  if (!options.check_only) {
    if (std::string why = publish::unsafe_output_reason(options.out_dir, options.site_dir);
        !why.empty()) {
      Summary s;
      s.result = Summary::Result::kUnusable;
      s.failure = std::move(why);
      return s;
    }
  }
  // Set while an update in place moves its files into the output: a failure then has changed
  // part of it (the next build, without a manifest, replaces it whole).
  bool updating_output = false;
  try {
    diag::Diagnostics diags;
    listener.stage("reading");
    load::LoadOptions load_options;
    load_options.jobs = options.jobs;
    load_options.defer_data = true;
    load_options.texts = options.memory ? &options.memory->texts : nullptr;
    load::SiteSources sources = load::load_site(options.site_dir, load_options, diags);

    listener.stage("validating");
    // Teacher records (and, for `serve`, the public files' trees) come from what an earlier
    // build kept when their files are unchanged.
    std::shared_ptr<model::ReadMemo> own_memo;
    model::ReadMemo* memo = options.memory ? options.memory->read.get() : nullptr;
    if (!memo) {
      own_memo = model::make_read_memo(/*keep_trees=*/false);
      memo = own_memo.get();
    }
    // A build that writes (not `check`) encodes the trees it parses for the next one.
    memo->encode_trees = !options.check_only;
    KeptStore own_records, own_trees;
    Stores stores(options.site_dir, sources, options.env.compiler, options.clean, *memo,
                  options.memory ? options.memory->records : own_records,
                  options.memory ? options.memory->trees : own_trees);
    model::BuildOptions model_options;
    model_options.as_of_override = options.as_of;
    model_options.as_of_fallback = options.source_date_epoch;
    model_options.jobs = options.jobs;
    model_options.memo = memo;
    model::Model model = model::build_model(sources, model_options, diags);
    // The stores are kept beside the rendering (joined when the build ends, whichever way it
    // ends). `serve` holds all of it in memory and keeps the stores for a later process only
    // once the new output is in place, so that writing them never delays a reload; a failed
    // build of `serve` keeps nothing (its memory has it). `check` writes nothing.
    if (!options.memory && !options.check_only) stores.keep(/*threads=*/options.jobs > 1);
    listener.diagnostics(diags);
    if (diags.has_errors()) return invalid(diags);

    listener.stage("computing");
    rules::Results results = rules::compute(model, options.memory ? &options.memory->pd : nullptr);
    if (options.check_only) {
      Summary s;
      s.result = Summary::Result::kChecked;
      s.municipalities = model.municipalities.size();
      s.institutions = model.institutions.size();
      s.methodologists = model.methodologists.size();
      s.content_pages = model.pages.size();
      return s;
    }
    return write_output(options, listener, model, results, stores, updating_output);
  } catch (const std::exception& e) {
    return failed(e.what(), updating_output);
  } catch (...) {
    return failed("the build failed unexpectedly", updating_output);
  }
}

}  // namespace metodika::build
