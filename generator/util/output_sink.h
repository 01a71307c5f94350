// Where renderers write: a staging folder in a build, memory in tests (STYLE.md: renderers never
// touch the disk themselves).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace metodika::util {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Writes `bytes` at `path` (relative, '/'-separated, no "..") in the output. Thread-safe.
  virtual void write(std::string_view path, std::string_view bytes) = 0;
};

/// What an incremental build knows of the last build: lets a renderer skip a piece of work whose
/// inputs did not change and whose files are still in the output (publish/cache.h). A piece of
/// work is named by a key unique in the build ("site/lv/iestades/<id>") and its inputs by a digest
/// (render/common/inputs.h).
class WorkCache {
 public:
  virtual ~WorkCache() = default;
  /// True when the last build did `key` from inputs of this `digest` and its files are all still
  /// in the output: they then count as written by this build, `extra` (when given) receives what
  /// the work recorded besides its files, and the work need not run. Thread-safe.
  virtual bool reuse(std::string_view key, uint64_t digest, std::string* extra) = 0;
  /// Records what `key` wrote (`files`) and produced besides (`extra`), for the next build.
  /// Thread-safe.
  virtual void record(std::string_view key, uint64_t digest, std::vector<std::string> files,
                      std::string extra) = 0;
};

/// Forwards every write to `out` and remembers the paths: what one piece of work wrote, for
/// WorkCache::record. Used by one thread at a time.
class RecordingSink final : public OutputSink {
 public:
  explicit RecordingSink(OutputSink& out) : out_(out) {}
  void write(std::string_view path, std::string_view bytes) override {
    out_.write(path, bytes);
    paths_.emplace_back(path);
  }
  /// Hands over the paths written so far.
  std::vector<std::string> take_paths() { return std::exchange(paths_, {}); }

 private:
  OutputSink& out_;
  std::vector<std::string> paths_;
};

/// Runs `work(sink)` unless `cache` can reuse `key` at `digest`; records what it wrote. Returns
/// false when the work was skipped (its files are in place), true when it ran.
template <typename Work>
bool cached_work(WorkCache* cache, OutputSink& out, std::string_view key, uint64_t digest,
                 Work&& work) {
  if (cache && cache->reuse(key, digest, nullptr)) return false;
  RecordingSink sink(out);
  work(static_cast<OutputSink&>(sink));
  if (cache) cache->record(key, digest, sink.take_paths(), {});
  return true;
}

/// Keeps every file in memory, sorted by path. For tests.
class MemorySink final : public OutputSink {
 public:
  void write(std::string_view path, std::string_view bytes) override {
    std::lock_guard lock(mu_);
    files_[std::string(path)] = std::string(bytes);
  }
  [[nodiscard]] const std::map<std::string, std::string>& files() const { return files_; }

 private:
  std::mutex mu_;
  std::map<std::string, std::string> files_;
};

}  // namespace metodika::util
