// File operations shared by the two ways of publishing an output: a staging folder swapped in
// (staging.h) and an update in place (patch.h). Internal to `publish`.
#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <string_view>

namespace metodika::publish::detail {

// True when `path` is a regular file (not a symbolic link) with exactly `bytes`; `st` gets its
// status. Reading the old file costs less than writing a new one: on ext4, creating an inode
// just after a previous build's deletion is the most expensive step of a rebuild
// (`recently_deleted` in the inode allocator).
bool holds_exactly(const std::filesystem::path& path, std::string_view bytes, struct stat& st);

// Removes whatever is at `path` (a file, a link, a folder left by an older build) so that a new
// file can take its place. A staging file may share its inode with the live output (a hard
// link), so it is never truncated and rewritten in place.
void remove_entry(const std::filesystem::path& path);

// Makes `dir` and the folders above it up to `root` (which exists), first removing files or
// links that stand where a folder must go (a spare folder holds an older build, where a path may
// have been a file). Every folder made is marked with spread_subfolders(). Throws
// std::runtime_error when a folder cannot be made.
void make_folders(const std::filesystem::path& root, const std::filesystem::path& dir);

// True when `digits` is a process id (what a build puts in its temporary names) whose process
// has ended: what that build left is nobody's work in progress.
bool names_ended_process(std::string_view digits);

// Tells the file system that the subfolders of `dir` are unrelated and are best placed apart
// (ext2/3/4's "top of a hierarchy" flag, `chattr +T`). Ignored where unsupported.
//
// Why: the output's folders are pages that have nothing to do with each other, and by default
// ext4 puts a folder's subfolders, and so all of a build's ~17,000 new files, in the block
// group of its parent. An ext4 without a journal (common on VMs) skips inodes deleted in the
// last minutes when it allocates one, by looking at each of them in turn: after the previous
// output was deleted, every new file looked at the thousands just freed in that group. A cold
// national build on such a disk spent 1-8 s of system time there, growing with each
// rebuild; with the folders spread, 0.7 s (BENCHMARKS.md).
void spread_subfolders(const std::filesystem::path& dir);

}  // namespace metodika::publish::detail
