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

// create_directories for `dir` under `root`, first removing files that stand where a folder
// must go (a spare folder holds an older build, where a path may have been a file).
void make_folders(const std::filesystem::path& root, const std::filesystem::path& dir);

}  // namespace metodika::publish::detail
