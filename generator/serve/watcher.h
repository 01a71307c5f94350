// Watching a site folder for edits with inotify (Linux): which input files changed, with bursts
// of events (an editor's save is often write + rename + chmod) gathered into one change.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace metodika::serve {

/// True for names no build reads and editors write beside a file while saving: dot files (also
/// `.git`, Emacs `.#lock`, Vim `.name.swp`), backups `name~`, swap files `*.swp`/`*.swx`/`*.swo`,
/// Emacs auto-saves `#name#`, Vim's write test `4913`, and `*.tmp`.
[[nodiscard]] bool is_ignored_name(std::string_view name);

class SiteWatcher {
 public:
  /// Watches `root` for the files `top_files` (e.g. site.yaml) and, recursively, the folders
  /// `top_folders` (data/, content/, …), including folders created later. Throws
  /// std::runtime_error when inotify cannot be set up.
  SiteWatcher(std::filesystem::path root, std::vector<std::string> top_files,
              std::vector<std::string> top_folders);
  ~SiteWatcher();
  SiteWatcher(const SiteWatcher&) = delete;
  SiteWatcher& operator=(const SiteWatcher&) = delete;

  /// Blocks until an input changes, then until `quiet` passes with no further change (at most
  /// `max_wait` in all), and returns the changed paths relative to the root, sorted and unique.
  /// Returns nullopt as soon as `stop_fd` is readable (or -1: never).
  [[nodiscard]] std::optional<std::vector<std::string>> wait(
      int stop_fd, std::chrono::milliseconds quiet = std::chrono::milliseconds(20),
      std::chrono::milliseconds max_wait = std::chrono::milliseconds(500));

  /// Folders being watched (for tests and the start-up line).
  [[nodiscard]] size_t watched_folders() const { return dirs_.size(); }

 private:
  void add_tree(const std::string& rel);
  void add_one(const std::string& rel);
  // Reads the pending events and adds the relevant changed paths to `changed`.
  void drain(std::vector<std::string>& changed);
  [[nodiscard]] bool is_top_file(std::string_view name) const;
  [[nodiscard]] bool is_top_folder(std::string_view name) const;

  std::filesystem::path root_;
  std::vector<std::string> top_files_, top_folders_;
  int fd_ = -1;
  std::map<int, std::string> dirs_;  // watch descriptor → folder relative to root ("" = root)
};

}  // namespace metodika::serve
