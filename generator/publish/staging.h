// Atomic publishing: a build writes into a staging folder beside the output and swaps it in only
// when everything succeeded. On any error the previous output stays exactly as it was (STYLE.md:
// stage, then swap, as ninja's BuildLog::Recompact → ReplaceContent).
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <utility>
#include <string>
#include <string_view>
#include <unordered_set>

#include "util/output_sink.h"

namespace metodika::publish {

/// A file in the root of every output folder that Metodika writes. A build replaces an existing
/// folder only when it holds this file, so `--out` can never delete a folder of the user's.
inline constexpr std::string_view kOutputMarker = ".metodika-output";

/// Why `out` must not be used as the output folder of the site in `site_dir`, or "" when it may:
/// it is the site folder, holds it, is one of its input folders, is a file, or is a non-empty
/// folder that Metodika did not write.
[[nodiscard]] std::string unsafe_output_reason(const std::filesystem::path& out,
                                               const std::filesystem::path& site_dir);

/// What becomes of the previous output once the new one has replaced it.
enum class PreviousOutput {
  kDelete,  // deleted (`metodika build`)
  /// Kept beside the output as `<out>.spare` and taken as the next build's staging folder, whose
  /// files are then updated, not all created anew (`metodika serve`: creating and deleting
  /// folders is most of a rebuild's time on ext4). Remove it with remove_spare().
  kKeepAsSpare,
};

class Staging final : public util::OutputSink {
 public:
  /// Creates a staging folder `<out>.staging-<pid>` next to `out`, holding only the marker file
  /// (with kKeepAsSpare, the spare folder of the previous build renamed, when there is one).
  /// Staging folders beside it of builds that were killed (their process is gone) are removed.
  /// Throws std::runtime_error when it cannot. Without `writer_thread` (a one-worker build, which
  /// keeps to one thread), write() does the file system work itself.
  explicit Staging(std::filesystem::path out,
                   PreviousOutput previous = PreviousOutput::kDelete, bool writer_thread = true);
  /// Removes the staging folder unless it was committed.
  ~Staging() override;
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  /// Writes one file into the staging folder. `path` must be relative without "..". When the
  /// current output holds a regular file at `path` with exactly these bytes, that file is
  /// hard-linked instead of written: it keeps its inode and modification time (so a rebuild
  /// leaves untouched what did not change, for `serve`, rsync and browsers' caches), and the
  /// result is still byte for byte a clean build.
  ///
  /// The file system work is done by one writer thread of the Staging's own, in the order of the
  /// calls, while the caller goes on rendering: several workers creating files at once in the same
  /// folders only wait for each other in the kernel (ext4 allocates a folder's inodes under one
  /// lock). An error writing is thrown by a later write() or by commit() (without the thread, by
  /// this write()).
  void write(std::string_view path, std::string_view bytes) override;

  /// Waits until every file is written, then replaces `out` by the staging folder in one rename
  /// (an atomic exchange when `out` exists), then deletes the old output (or keeps it as the
  /// spare). Throws std::runtime_error when a write or the swap failed; `out` is then unchanged.
  void commit();

  [[nodiscard]] const std::filesystem::path& staging_dir() const { return dir_; }
  [[nodiscard]] size_t files_written() const { return files_; }
  /// How many of those were unchanged and linked from the previous output.
  [[nodiscard]] size_t files_unchanged() const { return unchanged_; }

 private:
  // Writes `bytes` at `path` in the staging folder, or links the previous output's identical
  // file (then returns true).
  bool put(std::string_view path, std::string_view bytes);

  // Spare mode: deletes from the staging folder every file this build did not write, and the
  // folders left empty, so that it holds exactly what a clean build would.
  void prune_unwritten();

  std::filesystem::path out_;
  std::filesystem::path dir_;
  std::filesystem::path spare_;  // empty unless kKeepAsSpare
  bool committed_ = false;
  // Makes the folders of `target` unless this build made them already (a national site writes
  // ~14,000 files into ~6,000 folders; asking the file system each time cost 7 % of a build).
  void make_folders_once(const std::filesystem::path& target);

  std::mutex written_mu_;
  std::unordered_set<std::string> written_;  // spare mode only
  std::mutex folders_mu_;
  std::unordered_set<std::string> folders_;  // made by this build
  std::atomic<size_t> files_{0};
  std::atomic<size_t> unchanged_{0};

  // The writer thread and its queue. Producers wait while the queued bytes exceed a budget, so a
  // slow disk never makes a build hold the whole site in memory. The writer is woken for a batch
  // of files, not for each: waking a thread costs a system call and, on these VMs, an
  // interrupt to the other core, and per file that was a tenth of a clean build's render time.
  void run_writer();
  void drain();  // waits until the queue is empty; rethrows the first error writing
  std::mutex queue_mu_;
  std::condition_variable work_cv_;   // for the writer: a batch is queued, flush or stop
  std::condition_variable space_cv_;  // for producers and drain(): the queue shrank
  std::deque<std::pair<std::string, std::string>> queue_;
  size_t queued_bytes_ = 0;
  size_t space_waiters_ = 0;
  bool writer_waiting_ = false;
  bool flush_ = false;  // drain() wants everything written now
  bool busy_ = false;   // the writer is writing a file it took from the queue
  bool stop_ = false;
  std::exception_ptr error_;
  std::thread writer_;
};

/// Removes the staging folders beside `out` that builds killed before their commit left behind
/// (`<out>.staging-<pid>` whose process is gone), when they are Metodika's (the marker) or empty.
/// A live process's folder is another build's work in progress and stays.
void remove_abandoned_staging(const std::filesystem::path& out);

/// Deletes the spare folder that PreviousOutput::kKeepAsSpare builds keep beside `out`.
void remove_spare(const std::filesystem::path& out);

/// True when `path` is safe to write under an output folder: relative, no "." or ".." segment,
/// no empty segment, no backslash.
[[nodiscard]] bool is_safe_output_path(std::string_view path);

}  // namespace metodika::publish
