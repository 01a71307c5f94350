// Publishing by updating the output folder in place: the incremental build's way (cache.h).
// Nothing in the output changes until commit(): every changed file is first written beside its
// place as `<name>.metodika-new`, and a build that fails removes them again (a build that is
// killed cannot: it leaves `update_marker`, and the next build is a clean one). commit() then moves
// each into place (one rename each, so a reader sees a whole old or a whole new file) and deletes
// the files the build no longer writes. Unlike a staging folder, an edit that changes three files
// costs three writes, not a copy of the whole site.
//
// The files a commit replaces or deletes are not deleted but kept in `<out>.cache/recycled/`,
// and the next update writes its new files over them (each moved beside its place, written
// over and cut to length, then exchanged with the file it replaces). The number of
// files on the disk stays the same from update to update: on an ext4 without a journal, every
// file created just after others were deleted costs a scan of all of those (the kernel's
// `recently_deleted`), and an edit of the site's title replaces all 3,444 pages of a national
// site.
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
  /// How many of the files written were recycled ones.
  [[nodiscard]] size_t files_recycled() const { return reused_; }

 private:
  // Before the first file of its own goes into the output: see update_marker (cache.h).
  void mark_updating();
  // Writes `bytes` at `path` (which is not in the output yet), into a recycled file if there
  // is one.
  void write_new(const std::filesystem::path& path, std::string_view bytes);
  // Moves the file at `path`, which left the output, into the recycled files; deletes
  // it instead when it has other links (its bytes are someone else's too) or the folder is full.
  void recycle(const std::filesystem::path& path);

  std::filesystem::path out_;
  std::filesystem::path recycled_dir_;
  std::vector<std::string> recycled_;  // names in recycled_dir_ free to take (under mu_)
  uint64_t next_recycled_ = 0;         // the next name to give
  bool recycled_dir_made_ = false;
  bool marked_ = false;  // update_marker written (under mu_)
  std::atomic<size_t> reused_{0};
  std::mutex mu_;
  std::vector<std::string> pending_;  // paths written aside, waiting for commit
  std::vector<std::filesystem::path> made_folders_;
  bool committed_ = false;
  std::atomic<size_t> written_{0};
  std::atomic<size_t> changed_{0};
};

}  // namespace metodika::publish
