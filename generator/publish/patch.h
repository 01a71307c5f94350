// Publishing by updating the output folder in place: the incremental build's way (cache.h).
// Nothing in the output changes until commit(): every changed file is first written beside its
// place as `<name>.metodika-new`, and a build that fails removes them again. commit() then moves
// each into place (one rename each, so a reader sees a whole old or a whole new file) and deletes
// the files the build no longer writes. Unlike a staging folder, an edit that changes three files
// costs three writes, not a copy of the whole site.
#pragma once

#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "util/output_sink.h"

namespace metodika::publish {

class Patch final : public util::OutputSink {
 public:
  /// `out` must be an existing Metodika output folder.
  explicit Patch(std::filesystem::path out);
  /// Not committed: removes the new files and the folders it made; the output is as it was.
  ~Patch() override;
  Patch(const Patch&) = delete;
  Patch& operator=(const Patch&) = delete;

  /// A file whose bytes are already in the output is left alone; any other is written aside.
  void write(std::string_view path, std::string_view bytes) override;

  /// Moves the new files into place, then deletes `stale` (output paths this build did not
  /// write) and the folders they leave empty. Throws std::runtime_error on a failed rename.
  void commit(const std::vector<std::string>& stale);

  [[nodiscard]] size_t files_written() const { return written_; }
  [[nodiscard]] size_t files_changed() const { return changed_; }

 private:
  std::filesystem::path out_;
  std::mutex mu_;
  std::vector<std::string> pending_;  // paths written aside, waiting for commit
  std::vector<std::filesystem::path> made_folders_;
  bool committed_ = false;
  std::atomic<size_t> written_{0};
  std::atomic<size_t> changed_{0};
};

}  // namespace metodika::publish
