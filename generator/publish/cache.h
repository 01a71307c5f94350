// The build cache of incremental builds (issue 7): for each piece of work of the last build, the
// digest of its inputs and the files it wrote; and every file of the output. It is kept beside
// the output, in `<out>.cache/manifest`, and trusted only when it was written by the same
// compiler (`salt`) after a complete build that published successfully.
//
// How a build uses it (cli/commands.cc): with a valid manifest, the build updates the output in
// place (publish/patch.h) and every piece of work whose digest is unchanged keeps its files
// instead of running; without one, it builds everything into a staging folder (staging.h). Either
// way it writes a new manifest after publishing. The result is byte for byte a clean build's
// (tests/e2e/run_incremental.sh).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/output_sink.h"

namespace metodika::publish {

struct Manifest {
  struct Work {
    uint64_t digest = 0;
    std::vector<std::string> files;
    std::string extra;
  };
  uint64_t salt = 0;
  std::map<std::string, Work, std::less<>> work;
  std::set<std::string, std::less<>> files;  // every file of the output
};

/// Where the manifest of the output folder `out` is kept: `<out>.cache/manifest`.
[[nodiscard]] std::filesystem::path manifest_path(const std::filesystem::path& out);

/// `<out>.cache/updating`: there while an update in place (patch.h) has files of its own in the
/// output. A build killed then leaves them behind (and perhaps one half-written), so while it is
/// there the manifest is not trusted and the next build is a clean one, which replaces the
/// output whole; write_manifest removes it.
[[nodiscard]] std::filesystem::path update_marker(const std::filesystem::path& out);

/// The manifest of `out` when there is one written with `salt` and `out` is still a Metodika
/// output folder; nullopt otherwise (no cache, another compiler, a damaged file, an update that
/// did not finish).
[[nodiscard]] std::optional<Manifest> read_manifest(const std::filesystem::path& out,
                                                    uint64_t salt);

/// Writes the manifest of `out` (through a temporary file and a rename). Throws
/// std::runtime_error when it cannot.
void write_manifest(const std::filesystem::path& out, const Manifest& manifest);

/// A manifest kept in memory between the builds of one process (`serve`), with the identity of
/// the file it was written to: it stands for that file only while the file is unchanged (a
/// build by another process replaces it).
class KeptManifest {
 public:
  /// Keeps `manifest`, just written to `out`'s manifest file.
  void keep(const std::filesystem::path& out, Manifest manifest);
  /// The kept manifest when it was written with `salt`, its file is the one it was written to
  /// and `out` is still a Metodika output folder; else read_manifest(out, salt). Either way
  /// nothing stays kept.
  [[nodiscard]] std::optional<Manifest> take(const std::filesystem::path& out, uint64_t salt);

 private:
  std::optional<Manifest> manifest_;
  uint64_t dev_ = 0, ino_ = 0, size_ = 0;
  int64_t mtime_ns_ = 0;
};

/// Deletes the manifest of `out`, so that the next build is a clean one: before the output is
/// changed in place, and after a build that wrote only part of the site.
void remove_manifest(const std::filesystem::path& out);

/// The cache seen by the renderers during one build, and the sink they write through: it
/// forwards every write to the real output (a Staging or a Patch) and keeps the list of files.
class BuildCache final : public util::WorkCache, public util::OutputSink {
 public:
  /// `previous`: the last build's manifest when this build updates `out_dir` in place; null for
  /// a clean build, which reuses nothing. The work this build reuses is moved out of it.
  BuildCache(Manifest* previous, util::OutputSink& out, std::filesystem::path out_dir,
             uint64_t salt);
  ~BuildCache() override;
  BuildCache(const BuildCache&) = delete;
  BuildCache& operator=(const BuildCache&) = delete;

  void write(std::string_view path, std::string_view bytes) override;
  bool reuse(std::string_view key, uint64_t digest, std::string* extra) override;
  void record(std::string_view key, uint64_t digest, std::vector<std::string> files,
              std::string extra) override;
  /// Whether reuse() would keep `key` at `digest`, without keeping it.
  [[nodiscard]] bool fresh(std::string_view key, uint64_t digest) const;

  /// What this build did: the manifest for the next one. This and the two below are for the
  /// end of the build, when no renderer is running.
  [[nodiscard]] const Manifest& manifest();
  /// Hands the manifest over.
  [[nodiscard]] Manifest take_manifest();
  /// Files of the previous output that this build did not write nor keep.
  [[nodiscard]] std::vector<std::string> stale_files();
  /// How many pieces of work were kept and how many ran.
  [[nodiscard]] size_t reused() const { return reused_; }
  [[nodiscard]] size_t recorded() const { return recorded_; }

 private:
  // Every file written or kept is listed in `files_`, sorted into next_.files once at the end:
  // a national site's ~14,000 paths, inserted one by one into a set under the lock, cost more
  // than the rest of the bookkeeping of a one-file build.
  void settle();

  Manifest* previous_;
  util::OutputSink& out_;
  std::filesystem::path out_dir_;
  int out_fd_ = -1;  // the output folder (O_PATH), while `previous_` is used
  std::mutex mu_;
  Manifest next_;
  std::vector<std::string> files_;
  size_t reused_ = 0;
  size_t recorded_ = 0;
};

}  // namespace metodika::publish
